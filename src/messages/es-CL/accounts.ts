// Accounts: the sign-in address (its change, proposal, recovery and undo) and their emails.
export const accounts = {
  "accounts.email.change_link": "Cambiar mi correo de ingreso",
  "accounts.email.propose_link": "Proponer otro correo",
  "accounts.email.title": "Correo de ingreso",
  "accounts.email.title_self": "Mi correo de ingreso",
  "accounts.email.title_other": "Correo de ingreso de {name}",
  "accounts.email.current": "Correo actual: {email}",
  "accounts.email.pending_title": "Cambio pendiente",
  "accounts.email.pending.self_self":
    "Enviamos un enlace a {email}. Su correo cambia cuando lo abra y confirme (vale hasta el {date}).",
  "accounts.email.pending.self":
    "La persona pidió cambiar su correo a {email} y aún no lo confirma (hasta el {date}).",
  "accounts.email.pending.proposal_self":
    "{by} propone que ingrese con {email}. Su correo cambia solo si usted lo confirma (hasta el {date}).",
  "accounts.email.pending.proposal":
    "{by} propuso el correo {email}. La persona debe confirmarlo (hasta el {date}).",
  "accounts.email.pending.recovery_self":
    "{by} inició una recuperación de acceso hacia {email} (hasta el {date}). Si no la pidió, anúlela.",
  "accounts.email.pending.recovery":
    "{by} inició una recuperación de acceso hacia {email}. Se completa cuando la persona crea su contraseña desde ese correo (hasta el {date}).",
  "accounts.email.confirm_proposal": "Confirmar el cambio",
  "accounts.email.decline": "Rechazar",
  "accounts.email.cancel": "Anular el cambio",
  "accounts.email.own_title": "Cambiar mi correo",
  "accounts.email.own_intro":
    "Le enviaremos un enlace a la dirección nueva; su correo cambia cuando lo abra y confirme. Avisaremos a su dirección actual, desde donde podrá deshacer el cambio durante 7 días.",
  "accounts.email.new": "Correo nuevo",
  "accounts.email.password": "Su contraseña actual",
  "accounts.email.send_link": "Enviar enlace de confirmación",
  "accounts.email.propose_title": "Proponer otro correo",
  "accounts.email.propose_intro":
    "{name} ya tiene cuenta, así que solo puede proponer el cambio: le enviaremos un enlace a su correo actual y también lo verá al ingresar. Mientras no lo confirme, sigue ingresando con su correo actual.",
  "accounts.email.proposed": "Correo propuesto",
  "accounts.email.send_proposal": "Enviar la propuesta",
  "accounts.email.recover_title": "Recuperación de acceso (administración)",
  "accounts.email.recover_intro":
    "Solo para quien perdió acceso a su correo actual, después de comprobar su identidad por otro medio (por ejemplo, una videollamada con su cédula de identidad). Enviaremos a la dirección nueva un enlace para crear una contraseña; al usarlo, el correo cambia y se cierran sus sesiones. La dirección anterior recibe un aviso y puede anular o deshacer la recuperación durante 7 días. Todo queda en la auditoría.",
  "accounts.email.reason": "Cómo comprobó la identidad de la persona",
  "accounts.email.reason_hint": "Quedará en la auditoría. Al menos 20 caracteres.",
  "accounts.email.verified": "Comprobé la identidad de la persona por un medio distinto del correo.",
  "accounts.email.start_recovery": "Iniciar la recuperación",
  "accounts.email.sent_own":
    "Enviamos un enlace de confirmación al correo nuevo. Su correo no cambia hasta que lo abra.",
  "accounts.email.sent_proposal":
    "Enviamos la propuesta al correo actual de la persona. El correo cambia solo cuando ella lo confirme.",
  "accounts.email.sent_recovery":
    "Enviamos el enlace de recuperación al correo nuevo y un aviso al anterior.",
  "accounts.email.cancelled": "El cambio de correo quedó anulado.",
  "accounts.email.changed": "El correo de ingreso cambió. Enviamos un aviso a ambas direcciones.",
  "accounts.email.confirm_title": "Confirmar el cambio de correo",
  "accounts.email.link_invalid": "Este enlace no es válido, ya se usó o venció.",
  "accounts.email.confirm_intro.self":
    "{name}, al confirmar ingresará a Impulso con {new} en lugar de {old}.",
  "accounts.email.confirm_intro.proposal":
    "{name}, le propusieron ingresar a Impulso con {new} en lugar de {old}. Confírmelo solo si esa dirección es suya.",
  "accounts.email.confirm_intro.recovery":
    "{name}, cree una contraseña para recuperar su acceso. Desde ahora ingresará con {new} en lugar de {old}.",
  "accounts.email.confirm_submit": "Confirmar",
  "accounts.email.undo_title": "Deshacer el cambio de correo",
  "accounts.email.undone":
    "Listo. Su correo anterior volvió a ser el de ingreso, cerramos todas las sesiones y le enviamos un enlace para crear una contraseña nueva.",
  "accounts.email.undo_intro":
    "{name}, el correo de ingreso de su cuenta cambió de {old} a {new}. Si no fue usted, deshágalo: volverá a ingresar con {old}, cerraremos todas las sesiones y le enviaremos un enlace para crear una contraseña nueva.",
  "accounts.email.undo_recovery_intro":
    "{name}, se inició una recuperación de acceso de su cuenta hacia {new}. Si no la pidió, anúlela: seguirá ingresando con {old}.",
  "accounts.email.undo_submit": "Deshacer el cambio",
  "accounts.email.cancel_recovery": "Anular la recuperación",
  "accounts.email.reason_too_short": "Describa en al menos 20 caracteres cómo comprobó la identidad.",
  "accounts.email.verified_required": "Marque esta casilla para confirmar que comprobó la identidad.",
  "accounts.email.same_address": "Es el mismo correo que ya tiene.",
  "accounts.email.wrong_password": "La contraseña no es correcta.",
  "accounts.email.nothing_pending": "No hay un cambio de correo pendiente.",
  "accounts.email.address_taken_meanwhile":
    "Mientras tanto, otra persona de la organización empezó a usar esa dirección. Pida un cambio nuevo.",
  "email.address_confirm.subject": "Confirme su nuevo correo de Impulso",
  "email.address_confirm.body":
    "Pidió ingresar a Impulso con esta dirección ({new}) en lugar de {old}.\n\nPara confirmarlo, abra este enlace (vale por 24 horas):\n{link}\n\nSi no lo pidió usted, ignore este correo: nada cambia.",
  "email.address_proposal.subject": "Le proponen cambiar su correo de Impulso",
  "email.address_proposal.body":
    "{proposer} propone que ingrese a Impulso con {new} en lugar de esta dirección ({old}).\n\nSi está de acuerdo, confírmelo en este enlace (vale por 24 horas) o al ingresar a Impulso:\n{link}\n\nSi no, ignore este correo: nada cambia.",
  "email.recovery_new.subject": "Recupere su acceso a Impulso",
  "email.recovery_new.body":
    "{admin} inició la recuperación de su cuenta de Impulso: desde ahora ingresará con esta dirección ({new}) en lugar de {old}.\n\nPara crear su contraseña y completar la recuperación, abra este enlace (vale por 24 horas):\n{link}",
  "email.recovery_old.subject": "Se inició la recuperación de su cuenta de Impulso",
  "email.recovery_old.body":
    "{admin} inició una recuperación de acceso de su cuenta de Impulso hacia {new}. Cuando se complete, ya no ingresará con esta dirección ({old}).\n\nSi no la pidió usted, anúlela o deshágala en este enlace (vale por 7 días):\n{link}",
  "email.address_changed_old.subject": "Su correo de Impulso cambió",
  "email.address_changed_old.body":
    "El correo con que ingresa a Impulso cambió de esta dirección ({old}) a {new}.\n\nSi no fue usted, deshaga el cambio en este enlace (vale por 7 días): recuperará su cuenta y cerraremos todas las sesiones.\n{link}",
  "email.address_changed_new.subject": "Ya ingresa a Impulso con este correo",
  "email.address_changed_new.body":
    "Desde ahora ingresa a Impulso con esta dirección ({new}) en lugar de {old}.",
} as const;
