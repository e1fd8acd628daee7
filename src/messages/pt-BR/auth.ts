import type { auth as source } from "../es-CL/auth";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const auth: Record<keyof typeof source, string> = {
  "auth.sign_in.title": "Entrar no Impulso",
  "auth.sign_in.email": "E-mail",
  "auth.sign_in.password": "Senha",
  "auth.sign_in.submit": "Entrar",
  "auth.sign_in.failed": "O e-mail ou a senha não estão corretos.",
  "auth.sign_in.forgot": "Esqueceu sua senha?",
  "auth.signed_out": "Você encerrou sua sessão.",
  "auth.forgot.title": "Recuperar a senha",
  "auth.forgot.intro": "Digite seu e-mail e enviaremos um link para você criar uma nova senha.",
  "auth.forgot.submit": "Enviar link",
  "auth.forgot.sent":
    "Se o e-mail corresponder a uma conta do Impulso, enviamos um link para criar uma nova senha. Confira sua caixa de entrada (e a de spam). O link vale por 1 hora.",
  "auth.reset.title": "Criar uma nova senha",
  "auth.reset.submit": "Salvar senha",
  "auth.reset.invalid": "Este link não é válido ou já expirou. Peça um novo.",
  "auth.reset.done": "Sua senha foi alterada. Você já pode entrar.",
  "auth.password.new": "Nova senha",
  "auth.password.confirm": "Repita a senha",
  "auth.password.hint":
    "Pelo menos {min} caracteres. Uma frase com várias palavras é fácil de lembrar e difícil de adivinhar.",
  "auth.password.too_short": "A senha deve ter pelo menos {min} caracteres.",
  "auth.password.too_long": "A senha é longa demais.",
  "auth.password.mismatch": "As senhas não coincidem.",
  "auth.invitation.title": "Boas-vindas ao Impulso",
  "auth.invitation.intro": "{name}, crie uma senha para ativar sua conta ({email}).",
  "auth.invitation.submit": "Ativar minha conta",
  "auth.invitation.invalid":
    "Este convite não é válido, já foi usado ou expirou. Peça um novo a quem convidou você.",
  "auth.session_expired": "Sua sessão terminou. Entre novamente.",
  "email.greeting": "Olá, {name},",
  "email.signature": "Equipe Impulso",
  "email.invitation.subject": "Você recebeu um convite para o Impulso",
  "email.invitation.body":
    "{inviter} convidou você para o Impulso como {role} em {place}.\n\nPara ativar sua conta e criar sua senha, abra este link (válido por 7 dias):\n{link}\n\nSe você não esperava este convite, pode ignorar este e-mail.",
  "email.reset.subject": "Crie uma nova senha para o Impulso",
  "email.reset.body":
    "Recebemos uma solicitação para alterar a senha da sua conta do Impulso.\n\nPara criar uma nova senha, abra este link (válido por 1 hora):\n{link}\n\nSe não foi você que pediu, ignore este e-mail: sua senha continua a mesma.",
};
