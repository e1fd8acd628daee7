import type { community as source } from "../es-CL/community";

// Brazilian Portuguese. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const community: Record<keyof typeof source, string> = {
  "nav.community": "Comunidade",
  "community.title": "Comunidade",
  "community.intro": "As conversas da sua escola e de toda a rede de professores.",
  "community.none": "Você ainda não participa de nenhuma conversa.",
  "community.threads": "{count, plural, =0 {sem conversas} one {# conversa} other {# conversas}}",
  "community.threads_with_news": "{count, plural, one {# com novidades} other {# com novidades}}",
  "community.network.title": "Rede de professores",
  "community.network.who": "Para todas as pessoas da rede; a coordenação modera",
  "community.network.intro":
    "A conversa de toda a rede de {organization}: perguntas, ideias e experiências entre professores de escolas diferentes. A coordenação a modera.",
  "community.school.title": "Comunidade da escola",
  "community.school.who": "Para a equipe da escola; a equipe gestora modera",
  "community.school.intro":
    "Para a equipe da escola e a coordenação que a assessora. A equipe gestora publica os avisos e modera a conversa.",
  "community.school.conversation": "Conversa da escola",
  "community.announcements.title": "Avisos",
  "community.announcements.none": "Não há avisos vigentes.",
  "community.announcements.new": "Novo",
  "community.announcements.new_form": "Publicar um aviso",
  "community.announcements.field.title": "Título do aviso",
  "community.announcements.field.body": "Texto do aviso",
  "community.announcements.publish": "Publicar o aviso",
  "community.announcements.published":
    "Aviso publicado: cada pessoa da equipe o verá no início até marcá-lo como lido.",
  "community.announcements.mark_read": "Marcar como lido",
  "community.announcements.read_already": "Você já o marcou como lido.",
  "community.announcements.withdraw": "Retirar o aviso",
  "community.announcements.home": "Avisos da sua escola",
  "community.errors.already_withdrawn": "Este aviso já foi retirado.",
  "home.card.community": "Comunidade: conversas e avisos",
};
