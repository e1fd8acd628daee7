// Community (issue #17): the conversations of a school and of the network, and a school's announcements.
export const community = {
  "nav.community": "Comunidad",
  "community.title": "Comunidad",
  "community.intro": "Las conversaciones de su establecimiento y de toda la red de docentes.",
  "community.none": "Aún no participa en ninguna conversación.",
  "community.threads":
    "{count, plural, =0 {sin conversaciones} one {# conversación} other {# conversaciones}}",
  "community.threads_with_news": "{count, plural, one {# con novedades} other {# con novedades}}",
  "community.network.title": "Red de docentes",
  "community.network.who": "Para todas las personas de la red; la coordinación modera",
  "community.network.intro":
    "La conversación de toda la red de {organization}: preguntas, ideas y experiencias entre docentes de distintos establecimientos. La coordinación la modera.",
  "community.school.title": "Comunidad del establecimiento",
  "community.school.who": "Para el equipo del establecimiento; el equipo directivo modera",
  "community.school.intro":
    "Para el equipo del establecimiento y la coordinación que lo asesora. El equipo directivo publica los avisos y modera la conversación.",
  "community.school.conversation": "Conversación del establecimiento",
  "community.announcements.title": "Avisos",
  "community.announcements.none": "No hay avisos vigentes.",
  "community.announcements.new": "Nuevo",
  "community.announcements.new_form": "Publicar un aviso",
  "community.announcements.field.title": "Título del aviso",
  "community.announcements.field.body": "Texto del aviso",
  "community.announcements.publish": "Publicar el aviso",
  "community.announcements.published":
    "Aviso publicado: cada persona del equipo lo verá en su inicio hasta marcarlo como leído.",
  "community.announcements.mark_read": "Marcar como leído",
  "community.announcements.read_already": "Ya lo marcó como leído.",
  "community.announcements.withdraw": "Retirar el aviso",
  "community.announcements.home": "Avisos de su establecimiento",
  "community.errors.already_withdrawn": "Este aviso ya fue retirado.",
  "home.card.community": "Comunidad: conversaciones y avisos",
};
