import type { privacy as source } from "../es-CL/privacy";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const privacy: Record<keyof typeof source, string> = {
  "nav.privacy_requests": "Data requests",
  "privacy.profile.title": "My personal data",
  "privacy.profile.intro": "Under Chile's Ley 21.719 you can download all your data or ask for its deletion.",
  "privacy.profile.download": "Download my data",
  "privacy.profile.delete": "Ask for my data to be deleted",

  "privacy.deletion.title": "Ask for my data to be deleted",
  "privacy.deletion.intro":
    "A coordinator of your organization will review the request and let you know by email. If it is accepted, your name, email, RUT and phone are erased, you will not be able to sign in again, and what you wrote (reflections, evidence, meetings) is replaced by a marker. The figures of visits, levels and steps are kept, without your name, so that reports stay correct.",
  "privacy.deletion.before": "Before asking, you can download a copy of all your data.",
  "privacy.deletion.reason": "Reason",
  "privacy.deletion.reason_hint": "If you like, tell us why.",
  "privacy.deletion.confirm":
    "I understand that, if accepted, my personal data will be deleted and I will not be able to sign in again.",
  "privacy.deletion.submit": "Send the request",
  "privacy.deletion.sent": "Your request was sent. We will email you when it has been handled.",
  "privacy.deletion.pending": "You have a deletion request in progress, sent on {date}.",
  "privacy.deletion.last_rejected": "Your last request was rejected on {date}. Reason: {note}",
  "privacy.deletion.back": "Back to my profile",

  "privacy.requests.title": "Personal data requests",
  "privacy.requests.intro":
    "Requests to delete personal data (Ley 21.719). They must be answered within 30 calendar days of receipt.",
  "privacy.requests.empty": "No pending requests.",
  "privacy.requests.person": "Person",
  "privacy.requests.requested_at": "Received",
  "privacy.requests.due": "Due",
  "privacy.requests.status": "Status",
  "privacy.requests.open": "Review",
  "privacy.requests.handled_title": "Recently handled",
  "privacy.status.pending": "Pending",
  "privacy.status.anonymized": "Data deleted",
  "privacy.status.rejected": "Rejected",

  "privacy.request.title": "Data deletion request",
  "privacy.request.person": "Person",
  "privacy.request.email": "Email",
  "privacy.request.reason": "Reason given",
  "privacy.request.no_reason": "No reason given.",
  "privacy.request.requested_at": "Received",
  "privacy.request.due": "Answer due",
  "privacy.request.handled": "Handled on {date} by {name}.",
  "privacy.request.decision_note": "Reason for rejection",
  "privacy.request.anonymize_title": "Anonymize",
  "privacy.request.anonymize_intro":
    "Erases name, email, RUT, phone and password; ends their sessions and invitations; replaces their texts with a marker. Visits, levels, times and steps are kept without their name, so reports stay correct. This cannot be undone.",
  "privacy.request.anonymize_confirm": "I confirm that I want to anonymize this person.",
  "privacy.request.anonymize": "Anonymize",
  "privacy.request.reject_title": "Reject",
  "privacy.request.reject_intro":
    "For example, when the law requires the data to be kept. The person receives the reason by email.",
  "privacy.request.reject_note": "Reason",
  "privacy.request.reject": "Reject the request",
  "privacy.request.anonymized": "The person was anonymized.",
  "privacy.request.rejected": "The request was rejected.",

  "privacy.errors.confirm_required": "Tick the box to confirm.",
  "privacy.errors.note_required": "Write the reason for the rejection.",
  "privacy.errors.too_long": "The text is too long (at most {max} characters).",
  "privacy.errors.already_pending": "You already have a request in progress.",
  "privacy.errors.already_handled": "This request has already been handled.",

  "privacy.marker": "[Text deleted at its author's request]",

  "email.privacy_anonymized.subject": "Your data was deleted",
  "email.privacy_anonymized.body":
    "We handled your request: your personal data was deleted from Impulso and your account was closed. Aggregate figures (number of visits, levels, times) are kept without your name.",
  "email.privacy_rejected.subject": "Your data deletion request",
  "email.privacy_rejected.body":
    "We reviewed your data deletion request and could not accept it. Reason: {note}\n\nIf you disagree, you can complain to the Agencia de Protección de Datos Personales.",

  "privacy.readme":
    "Your data in Impulso\n\nThis archive holds all the data Impulso keeps about you, as of {date}.\n\n" +
    "datos.json: everything, in one file (JSON, UTF-8): your profile, your roles, your sessions (without keys), the audit records where you act or are the subject, your invitations, the visits you received as a teacher (once submitted, with evidence, levels, time on task, meetings and your reflections, private ones too), your action steps, the visits you recorded as an observer and the scores you gave in calibrations.\n\n" +
    "The same parts as tables (CSV, UTF-8, separated by semicolons, open them in a spreadsheet):\n" +
    "roles.csv: your roles in the organization and in each school.\n" +
    "sesiones.csv: when you signed in, from which browser and address.\n" +
    'auditoria.csv: audit records; "as" says whether you acted (actor) or the record is about you (subject).\n' +
    "visitas-recibidas.csv: the visits to your classes.\n" +
    "niveles.csv: the levels (1 to 4) of each indicator in those visits.\n" +
    "tiempo-en-tarea.csv: students on task and present at each moment of those visits.\n" +
    "reuniones.csv: the feedback meetings and your reflection.\n" +
    "pasos-de-accion.csv: your action steps.\n" +
    "visitas-realizadas.csv: the visits you recorded.\n" +
    "calibraciones.csv: the levels you gave in calibrations.\n\n" +
    "Dates are in UTC (ISO 8601). Passwords, session keys and invitation links are not included.\n" +
    "You can ask for your data to be corrected or deleted from your profile.",
};
