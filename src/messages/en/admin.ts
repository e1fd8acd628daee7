import type { admin as source } from "../es-CL/admin";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const admin: Record<keyof typeof source, string> = {
  "outbox.title": "Emails",
  "outbox.intro":
    "Every email the platform writes. When no SMTP server is configured, they stay here to be read.",
  "outbox.empty": "No emails yet.",
  "outbox.to": "To",
  "outbox.subject": "Subject",
  "outbox.status": "Status",
  "outbox.date": "Date",
  "outbox.status.pending": "Pending",
  "outbox.status.sent": "Sent",
  "outbox.status.kept": "In the outbox (no SMTP)",
  "outbox.status.failed": "Failed",
  "audit.title": "Audit",
  "audit.intro": "Who did what and when: every change and every view of another person's personal data.",
  "audit.empty": "No records match these criteria.",
  "audit.when": "When",
  "audit.who": "Who",
  "audit.action": "Action",
  "audit.subject": "Target",
  "audit.filter.action": "Action",
  "audit.filter.person": "Person",
  "audit.system": "System",
};
