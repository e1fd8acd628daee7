import type { admin as source } from "../es-CL/admin";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const admin: Record<keyof typeof source, string> = {
  "outbox.title": "E-mails",
  "outbox.intro":
    "Todos os e-mails que a plataforma escreve. Sem servidor SMTP configurado, eles ficam aqui para serem lidos.",
  "outbox.empty": "Ainda não há e-mails.",
  "outbox.to": "Para",
  "outbox.subject": "Assunto",
  "outbox.status": "Situação",
  "outbox.date": "Data",
  "outbox.status.pending": "Aguardando envio",
  "outbox.status.sent": "Enviado",
  "outbox.status.kept": "Na caixa de saída (sem SMTP)",
  "outbox.status.failed": "Falhou",
  "audit.title": "Auditoria",
  "audit.intro":
    "Quem fez o quê e quando: cada alteração e cada consulta aos dados pessoais de outra pessoa.",
  "audit.empty": "Não há registros com estes critérios.",
  "audit.when": "Quando",
  "audit.who": "Quem",
  "audit.action": "Ação",
  "audit.subject": "Sobre",
  "audit.filter.action": "Ação",
  "audit.filter.person": "Pessoa",
  "audit.system": "Sistema",
};
