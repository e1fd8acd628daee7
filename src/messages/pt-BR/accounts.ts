import type { accounts as source } from "../es-CL/accounts";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const accounts: Record<keyof typeof source, string> = {
  "accounts.email.change_link": "Alterar meu e-mail de acesso",
  "accounts.email.propose_link": "Propor outro e-mail",
  "accounts.email.title": "E-mail de acesso",
  "accounts.email.title_self": "Meu e-mail de acesso",
  "accounts.email.title_other": "E-mail de acesso de {name}",
  "accounts.email.current": "E-mail atual: {email}",
  "accounts.email.pending_title": "Alteração pendente",
  "accounts.email.pending.self_self":
    "Enviamos um link para {email}. Seu e-mail muda quando você o abrir e confirmar (válido até {date}).",
  "accounts.email.pending.self":
    "A pessoa pediu para mudar o e-mail para {email} e ainda não confirmou (até {date}).",
  "accounts.email.pending.proposal_self":
    "{by} propõe que você entre com {email}. Seu e-mail só muda se você confirmar (até {date}).",
  "accounts.email.pending.proposal": "{by} propôs o e-mail {email}. A pessoa precisa confirmar (até {date}).",
  "accounts.email.pending.recovery_self":
    "{by} iniciou uma recuperação de acesso para {email} (até {date}). Se você não pediu, cancele.",
  "accounts.email.pending.recovery":
    "{by} iniciou uma recuperação de acesso para {email}. Ela se completa quando a pessoa cria a senha a partir desse e-mail (até {date}).",
  "accounts.email.confirm_proposal": "Confirmar a alteração",
  "accounts.email.decline": "Recusar",
  "accounts.email.cancel": "Cancelar a alteração",
  "accounts.email.own_title": "Alterar meu e-mail",
  "accounts.email.own_intro":
    "Enviaremos um link para o novo endereço; seu e-mail muda quando você o abrir e confirmar. Avisaremos o endereço atual, de onde será possível desfazer a alteração durante 7 dias.",
  "accounts.email.new": "Novo e-mail",
  "accounts.email.password": "Sua senha atual",
  "accounts.email.send_link": "Enviar link de confirmação",
  "accounts.email.propose_title": "Propor outro e-mail",
  "accounts.email.propose_intro":
    "{name} já tem conta, então você só pode propor a alteração: enviaremos um link ao e-mail atual e a pessoa também a verá ao entrar. Enquanto não confirmar, continua entrando com o e-mail atual.",
  "accounts.email.proposed": "E-mail proposto",
  "accounts.email.send_proposal": "Enviar a proposta",
  "accounts.email.recover_title": "Recuperação de acesso (administração)",
  "accounts.email.recover_intro":
    "Somente para quem perdeu o acesso ao e-mail atual, depois de verificar sua identidade por outro meio (por exemplo, uma videochamada com documento de identidade). Enviaremos ao novo endereço um link para criar uma senha; ao usá-lo, o e-mail muda e as sessões são encerradas. O endereço anterior recebe um aviso e pode cancelar ou desfazer a recuperação durante 7 dias. Tudo fica na auditoria.",
  "accounts.email.reason": "Como verificou a identidade da pessoa",
  "accounts.email.reason_hint": "Ficará na auditoria. Pelo menos 20 caracteres.",
  "accounts.email.verified": "Verifiquei a identidade da pessoa por um meio diferente do e-mail.",
  "accounts.email.start_recovery": "Iniciar a recuperação",
  "accounts.email.sent_own":
    "Enviamos um link de confirmação ao novo e-mail. Seu e-mail não muda até você abri-lo.",
  "accounts.email.sent_proposal":
    "Enviamos a proposta ao e-mail atual da pessoa. O e-mail só muda quando ela confirmar.",
  "accounts.email.sent_recovery": "Enviamos o link de recuperação ao novo e-mail e um aviso ao anterior.",
  "accounts.email.cancelled": "A alteração de e-mail foi cancelada.",
  "accounts.email.changed": "O e-mail de acesso mudou. Enviamos um aviso aos dois endereços.",
  "accounts.email.confirm_title": "Confirmar a alteração de e-mail",
  "accounts.email.link_invalid": "Este link não é válido, já foi usado ou expirou.",
  "accounts.email.confirm_intro.self":
    "{name}, ao confirmar você entrará no Impulso com {new} em vez de {old}.",
  "accounts.email.confirm_intro.proposal":
    "{name}, propuseram que você entre no Impulso com {new} em vez de {old}. Confirme somente se esse endereço for seu.",
  "accounts.email.confirm_intro.recovery":
    "{name}, crie uma senha para recuperar seu acesso. A partir de agora você entrará com {new} em vez de {old}.",
  "accounts.email.confirm_submit": "Confirmar",
  "accounts.email.undo_title": "Desfazer a alteração de e-mail",
  "accounts.email.undone":
    "Pronto. Seu e-mail anterior voltou a ser o de acesso, encerramos todas as sessões e enviamos um link para criar uma nova senha.",
  "accounts.email.undo_intro":
    "{name}, o e-mail de acesso da sua conta mudou de {old} para {new}. Se não foi você, desfaça: voltará a entrar com {old}, encerraremos todas as sessões e enviaremos um link para criar uma nova senha.",
  "accounts.email.undo_recovery_intro":
    "{name}, foi iniciada uma recuperação de acesso da sua conta para {new}. Se você não pediu, cancele: continuará entrando com {old}.",
  "accounts.email.undo_submit": "Desfazer a alteração",
  "accounts.email.cancel_recovery": "Cancelar a recuperação",
  "accounts.email.reason_too_short": "Descreva em pelo menos 20 caracteres como verificou a identidade.",
  "accounts.email.verified_required": "Marque esta caixa para confirmar que verificou a identidade.",
  "accounts.email.same_address": "É o mesmo e-mail que já está cadastrado.",
  "accounts.email.wrong_password": "A senha não está correta.",
  "accounts.email.nothing_pending": "Não há alteração de e-mail pendente.",
  "accounts.email.address_taken_meanwhile":
    "Enquanto isso, outra pessoa da organização passou a usar esse endereço. Peça uma nova alteração.",
  "email.address_confirm.subject": "Confirme seu novo e-mail do Impulso",
  "email.address_confirm.body":
    "Você pediu para entrar no Impulso com este endereço ({new}) em vez de {old}.\n\nPara confirmar, abra este link (válido por 24 horas):\n{link}\n\nSe não foi você, ignore este e-mail: nada muda.",
  "email.address_proposal.subject": "Propõem alterar seu e-mail do Impulso",
  "email.address_proposal.body":
    "{proposer} propõe que você entre no Impulso com {new} em vez deste endereço ({old}).\n\nSe concordar, confirme neste link (válido por 24 horas) ou ao entrar no Impulso:\n{link}\n\nSe não, ignore este e-mail: nada muda.",
  "email.recovery_new.subject": "Recupere seu acesso ao Impulso",
  "email.recovery_new.body":
    "{admin} iniciou a recuperação da sua conta do Impulso: a partir de agora você entrará com este endereço ({new}) em vez de {old}.\n\nPara criar sua senha e concluir a recuperação, abra este link (válido por 24 horas):\n{link}",
  "email.recovery_old.subject": "Foi iniciada a recuperação da sua conta do Impulso",
  "email.recovery_old.body":
    "{admin} iniciou uma recuperação de acesso da sua conta do Impulso para {new}. Quando for concluída, você não entrará mais com este endereço ({old}).\n\nSe não foi você, cancele ou desfaça neste link (válido por 7 dias):\n{link}",
  "email.address_changed_old.subject": "Seu e-mail do Impulso mudou",
  "email.address_changed_old.body":
    "O e-mail com que você entra no Impulso mudou deste endereço ({old}) para {new}.\n\nSe não foi você, desfaça a alteração neste link (válido por 7 dias): recuperará sua conta e encerraremos todas as sessões.\n{link}",
  "email.address_changed_new.subject": "Agora você entra no Impulso com este e-mail",
  "email.address_changed_new.body":
    "A partir de agora você entra no Impulso com este endereço ({new}) em vez de {old}.",
};
