// Personal data rights (Ley 21.719): downloading one's data, asking for its deletion, and the
// coordinators' handling of those requests.
export const privacy = {
  "nav.privacy_requests": "Solicitudes de datos",
  "privacy.profile.title": "Mis datos personales",
  "privacy.profile.intro": "Según la Ley 21.719 puede descargar todos sus datos o pedir que se eliminen.",
  "privacy.profile.download": "Descargar mis datos",
  "privacy.profile.delete": "Solicitar la eliminación de mis datos",

  "privacy.deletion.title": "Solicitar la eliminación de mis datos",
  "privacy.deletion.intro":
    "Un coordinador o una coordinadora de su organización revisará la solicitud y le avisará por correo. Si se acepta, su nombre, correo, RUT y teléfono se borran, no podrá volver a ingresar y lo que usted escribió (reflexiones, evidencias, reuniones) se reemplaza por una marca. Las cifras de visitas, niveles y pasos se mantienen, sin su nombre, para que los informes sigan siendo correctos.",
  "privacy.deletion.before": "Antes de pedirlo, puede descargar una copia de todos sus datos.",
  "privacy.deletion.reason": "Motivo",
  "privacy.deletion.reason_hint": "Si quiere, cuéntenos por qué.",
  "privacy.deletion.confirm":
    "Entiendo que, si se acepta, mis datos personales se eliminarán y no podré volver a ingresar.",
  "privacy.deletion.submit": "Enviar la solicitud",
  "privacy.deletion.sent": "Su solicitud fue enviada. Le avisaremos por correo cuando se resuelva.",
  "privacy.deletion.pending": "Tiene una solicitud de eliminación en curso, enviada el {date}.",
  "privacy.deletion.last_rejected": "Su última solicitud fue rechazada el {date}. Motivo: {note}",
  "privacy.deletion.back": "Volver a mi perfil",

  "privacy.requests.title": "Solicitudes de datos personales",
  "privacy.requests.intro":
    "Pedidos de eliminación de datos (Ley 21.719). Deben resolverse dentro de 30 días corridos desde su recepción.",
  "privacy.requests.empty": "No hay solicitudes pendientes.",
  "privacy.requests.person": "Persona",
  "privacy.requests.requested_at": "Recibida",
  "privacy.requests.due": "Plazo",
  "privacy.requests.status": "Estado",
  "privacy.requests.open": "Revisar",
  "privacy.requests.handled_title": "Resueltas recientemente",
  "privacy.status.pending": "Pendiente",
  "privacy.status.anonymized": "Datos eliminados",
  "privacy.status.rejected": "Rechazada",

  "privacy.request.title": "Solicitud de eliminación de datos",
  "privacy.request.person": "Persona",
  "privacy.request.email": "Correo",
  "privacy.request.reason": "Motivo indicado",
  "privacy.request.no_reason": "No indicó un motivo.",
  "privacy.request.requested_at": "Recibida",
  "privacy.request.due": "Plazo para responder",
  "privacy.request.handled": "Resuelta el {date} por {name}.",
  "privacy.request.decision_note": "Motivo del rechazo",
  "privacy.request.anonymize_title": "Anonimizar",
  "privacy.request.anonymize_intro":
    "Borra nombre, correo, RUT, teléfono y contraseña; cierra sus sesiones e invitaciones; reemplaza sus textos por una marca. Las visitas, niveles, tiempos y pasos se conservan sin su nombre, así los informes siguen siendo correctos. No se puede deshacer.",
  "privacy.request.anonymize_confirm": "Confirmo que quiero anonimizar a esta persona.",
  "privacy.request.anonymize": "Anonimizar",
  "privacy.request.reject_title": "Rechazar",
  "privacy.request.reject_intro":
    "Por ejemplo, cuando la ley obliga a conservar los datos. La persona recibe el motivo por correo.",
  "privacy.request.reject_note": "Motivo",
  "privacy.request.reject": "Rechazar la solicitud",
  "privacy.request.anonymized": "La persona fue anonimizada.",
  "privacy.request.rejected": "La solicitud fue rechazada.",

  "privacy.errors.confirm_required": "Marque la casilla para confirmar.",
  "privacy.errors.note_required": "Escriba el motivo del rechazo.",
  "privacy.errors.too_long": "El texto es demasiado largo (máximo {max} caracteres).",
  "privacy.errors.already_pending": "Ya tiene una solicitud en curso.",
  "privacy.errors.already_handled": "Esta solicitud ya fue resuelta.",

  "privacy.marker": "[Texto eliminado a pedido de su autor o autora]",

  "email.privacy_anonymized.subject": "Sus datos fueron eliminados",
  "email.privacy_anonymized.body":
    "Atendimos su solicitud: sus datos personales fueron eliminados de Impulso y su cuenta quedó cerrada. Las cifras agregadas (cantidad de visitas, niveles, tiempos) se conservan sin su nombre.",
  "email.privacy_rejected.subject": "Su solicitud de eliminación de datos",
  "email.privacy_rejected.body":
    "Revisamos su solicitud de eliminación de datos y no pudimos aceptarla. Motivo: {note}\n\nSi no está de acuerdo, puede reclamar ante la Agencia de Protección de Datos Personales.",

  "privacy.readme":
    "Sus datos en Impulso\n\nEste archivo contiene todos los datos que Impulso guarda sobre usted, a {date}.\n\n" +
    "datos.json: todo, en un solo archivo (JSON, UTF-8): su perfil, sus roles, sus sesiones (sin claves), los registros de auditoría donde usted actúa o es el sujeto, sus invitaciones, las visitas que recibió como docente (ya enviadas, con evidencias, niveles, tiempo en tarea, reuniones y sus reflexiones, también las privadas), sus pasos de acción, las visitas que registró como observador u observadora y los puntajes que dio en calibraciones.\n\n" +
    "Las mismas partes en tablas (CSV, UTF-8, separadas por punto y coma, se abren en una planilla):\n" +
    "roles.csv: sus roles en la organización y en cada establecimiento.\n" +
    "sesiones.csv: cuándo ingresó, desde qué navegador y dirección.\n" +
    'auditoria.csv: registros de auditoría; "as" dice si usted actuó (actor) o si el registro es sobre usted (subject).\n' +
    "visitas-recibidas.csv: las visitas a sus clases.\n" +
    "niveles.csv: los niveles (1 a 4) de cada indicador en esas visitas.\n" +
    "tiempo-en-tarea.csv: estudiantes en tarea y presentes en cada momento de esas visitas.\n" +
    "reuniones.csv: las reuniones de retroalimentación y su reflexión.\n" +
    "pasos-de-accion.csv: sus pasos de acción.\n" +
    "visitas-realizadas.csv: las visitas que usted registró.\n" +
    "calibraciones.csv: los niveles que usted dio en calibraciones.\n\n" +
    "Las fechas están en UTC (formato ISO 8601). No se incluyen contraseñas, claves de sesión ni enlaces de invitación.\n" +
    "Puede pedir la corrección o la eliminación de sus datos desde su perfil.",
};
