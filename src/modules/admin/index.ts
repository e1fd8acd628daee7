export { type AuditFilters, listAudit, listOutbox, readOutboxEmail } from "./service";
