export { listAudit, listOutbox, readOutboxEmail, type AuditFilters } from "./service";
