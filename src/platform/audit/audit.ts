import { type DbOrTx, db } from "../db/client";
import { newId } from "../ids";
import { auditEvents } from "./schema";

export interface AuditActor {
  personId: string | null;
  organizationId: string | null;
  ip?: string | null;
  requestId?: string | null;
}

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
  organizationId?: string | null;
}

/** Writes an audit record; pass the transaction of the change so both commit or neither does. */
export async function audit(actor: AuditActor, entry: AuditEntry, tx: DbOrTx = db()): Promise<void> {
  await tx.insert(auditEvents).values({
    id: newId(),
    organizationId: entry.organizationId ?? actor.organizationId,
    actorPersonId: actor.personId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    details: entry.details ?? null,
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  });
}
