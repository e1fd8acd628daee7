import type { day as source } from "../es-CL/day";

// Português (Brasil). Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const day: Record<keyof typeof source, string> = {
  "day.observer.title": "Seu trabalho de observação pendente",
  "day.observer.nothing": "Você não tem visitas, reuniões nem acompanhamentos pendentes.",
  "day.see_all_visits": "Ver todas as suas visitas",
  "day.drafts.title": "Visitas em rascunho",
  "day.visit_of": "Visita a {teacher} ({course})",
  "day.drafts.started": "Iniciada em {date}",
  "day.meetings.title": "Reuniões de devolutiva a realizar",
  "day.meetings.item": "Reunião com {teacher} ({course})",
  "day.meetings.due": "Prazo: {due}",
  "day.meetings.was_due": "O prazo era {due}",
  "day.late": "Atrasada",
  "day.follow_ups.title": "Acompanhamentos",
  "day.follow_ups.item": "Acompanhamento de {teacher}: {step}",
  "day.follow_ups.date": "Data de acompanhamento: {date}",
  "day.only_newest":
    "{count, plural, =0 {Mostram-se só os {count} mais recentes.} one {Mostra-se só o mais recente.} other {Mostram-se só os {count} mais recentes.}}",
  "day.overdue.title": "Professores sem visita dentro da meta",
  "day.overdue.last_visit": "Última visita em {date}",
  "day.overdue.never": "Sem visitas",
  "day.overdue.see_all": "Ver todos no painel de {school}",
  "day.teacher.title": "Seu desenvolvimento: o pendente",
  "day.teacher.nothing": "Você não tem devolutivas novas nem acompanhamentos pendentes.",
  "day.feedback.title": "Devolutiva nova para ler",
  "day.feedback.item": "Devolutiva de {observer}",
  "day.feedback.detail": "{course} · {subject} · reunião de {date}",
  "day.see_development": "Ver todo o seu desenvolvimento",
  "day.step.title": "Seu passo de ação em curso",
  "day.step.since": "desde {date}",
  "day.next_follow_up.title": "Próximo acompanhamento",
  "day.next_follow_up.item": "Acompanhamento em {date}",
  "day.next_follow_up.with": "com {observer}",

  "people.profile.new_visit": "Nova visita",
  "people.profile.development": "Linha de desenvolvimento",
  "observation.meeting.evidence": "Ver a evidência da visita: notas, tempo na tarefa e níveis",

  "email.reminder.turn_off": "Se não quiser receber estes lembretes, desative-os nos seus dados:\n{link}",
  "email.reminder.event_description": "Abrir no Impulso: {link}",
  "email.reminder.meeting.subject": "Lembrete: reunião de devolutiva com {teacher}",
  "email.reminder.meeting.body":
    "A visita à sala de aula de {teacher} ({course}, {subject}) de {date} ainda aguarda a reunião de devolutiva. Prazo: {due}.\n\nRegistre a reunião aqui:\n{link}\n\nEnviamos o prazo em anexo para a sua agenda.",
  "email.reminder.meeting.event": "Reunião de devolutiva com {teacher} (prazo)",
  "email.reminder.follow_up.subject": "Lembrete: acompanhamento de {teacher} em {date}",
  "email.reminder.follow_up.body":
    "{date} é a data de acompanhamento do passo de ação de {teacher}: «{step}».\n\nRegistre a visita de acompanhamento aqui:\n{link}\n\nEnviamos a data em anexo para a sua agenda.",
  "email.reminder.follow_up.event": "Acompanhamento de {teacher}",
  "email.reminder.own_follow_up.subject": "Lembrete: acompanhamento do seu passo de ação em {date}",
  "email.reminder.own_follow_up.body":
    "{date} é a data de acompanhamento do seu passo de ação: «{step}».\n\nReveja o plano combinado:\n{link}\n\nEnviamos a data em anexo para a sua agenda.",
  "email.reminder.own_follow_up.event": "Acompanhamento do meu passo de ação: {step}",
};
