export const auth = {
  "auth.sign_in.title": "Ingresar a Impulso",
  "auth.sign_in.email": "Correo electrónico",
  "auth.sign_in.password": "Contraseña",
  "auth.sign_in.submit": "Ingresar",
  "auth.sign_in.failed": "El correo o la contraseña no son correctos.",
  "auth.sign_in.forgot": "¿Olvidó su contraseña?",
  "auth.signed_out": "Cerró su sesión.",
  "auth.forgot.title": "Recuperar la contraseña",
  "auth.forgot.intro": "Escriba su correo y le enviaremos un enlace para crear una contraseña nueva.",
  "auth.forgot.submit": "Enviar enlace",
  "auth.forgot.sent":
    "Si el correo corresponde a una cuenta de Impulso, enviamos un enlace para crear una contraseña nueva. Revise su bandeja de entrada (y la de spam). El enlace vale por 1 hora.",
  "auth.reset.title": "Crear una contraseña nueva",
  "auth.reset.submit": "Guardar contraseña",
  "auth.reset.invalid": "Este enlace no es válido o ya venció. Pida uno nuevo.",
  "auth.reset.done": "Su contraseña se cambió. Ya puede ingresar.",
  "auth.password.new": "Contraseña nueva",
  "auth.password.confirm": "Repita la contraseña",
  "auth.password.hint":
    "Al menos {min} caracteres. Una frase de varias palabras es fácil de recordar y difícil de adivinar.",
  "auth.password.too_short": "La contraseña debe tener al menos {min} caracteres.",
  "auth.password.too_long": "La contraseña es demasiado larga.",
  "auth.password.mismatch": "Las contraseñas no coinciden.",
  "auth.invitation.title": "Bienvenida/o a Impulso",
  "auth.invitation.intro": "{name}, cree una contraseña para activar su cuenta ({email}).",
  "auth.invitation.submit": "Activar mi cuenta",
  "auth.invitation.invalid":
    "Esta invitación no es válida, ya se usó o venció. Pida una nueva a quien le invitó.",
  "auth.session_expired": "Su sesión terminó. Ingrese de nuevo.",
  "email.greeting": "Hola, {name}:",
  "email.signature": "Equipo Impulso",
  "email.invitation.subject": "Le invitaron a Impulso",
  "email.invitation.body":
    "{inviter} le invitó a Impulso como {role} en {place}.\n\nPara activar su cuenta y crear su contraseña, abra este enlace (vale por 7 días):\n{link}\n\nSi no esperaba esta invitación, puede ignorar este correo.",
  "email.reset.subject": "Cree una contraseña nueva para Impulso",
  "email.reset.body":
    "Recibimos una solicitud para cambiar la contraseña de su cuenta de Impulso.\n\nPara crear una contraseña nueva, abra este enlace (vale por 1 hora):\n{link}\n\nSi no lo pidió usted, ignore este correo: su contraseña no cambia.",
} as const;
