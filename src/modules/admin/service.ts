import { and, desc, eq, like, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { audit } from "../../platform/audit/audit";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { getEmail, listEmails } from "../../platform/mail/mail";
import { type Actor, authorize } from "../../platform/policy";
import { persons } from "../people";

const PAGE = 50;

/** The organization's emails, newest first (administrators). */
export async function listOutbox(actor: Actor, page = 1) {
  authorize(actor, "read", "outbox", { organizationId: actor.organizationId });
  const safePage = Math.max(1, Math.min(10_000, Math.floor(page) || 1));
  const emails = await listEmails(actor.organizationId, PAGE + 1, (safePage - 1) * PAGE);
  return { emails: emails.slice(0, PAGE), page: safePage, hasMore: emails.length > PAGE };
}

/**
 * The links that act on an account that exists: a password reset, a change of the sign-in address and
 * its undo. Whoever opens one acts as the person, so an administrator reading the outbox must not see
 * them (they would take the account without its owner knowing); invitation links stay visible, as
 * they are for people who have no account yet and administrators help them in.
 */
const ACCOUNT_LINK = /(\/(?:restablecer|correo(?:\/deshacer)?))\/[A-Za-z0-9_-]{20,}/g;

/** An email's text with its account links hidden. */
export function withAccountLinksHidden(text: string): string {
  return text.replace(ACCOUNT_LINK, "$1/[enlace oculto]");
}

/**
 * One email, in full but for the links that act on an existing account (hidden). Reading it is
 * audited: it may contain someone's invitation link.
 */
export async function readOutboxEmail(actor: Actor, emailId: string) {
  authorize(actor, "read", "outbox", { organizationId: actor.organizationId });
  if (!isUuid(emailId)) throw new NotFoundError();
  const email = await getEmail(actor.organizationId, emailId);
  if (!email) throw new NotFoundError();
  await audit(actor, { action: "email.read", subjectType: "email", subjectId: emailId });
  return { ...email, textBody: withAccountLinksHidden(email.textBody) };
}

export interface AuditFilters {
  action?: string;
  personId?: string;
  before?: string;
}

/** The audit log of the organization, newest first, with the names of who acted and on whom. */
export async function listAudit(actor: Actor, filters: AuditFilters) {
  authorize(actor, "read", "audit", { organizationId: actor.organizationId });
  const actorPerson = alias(persons, "actor_person");
  const subjectPerson = alias(persons, "subject_person");
  const conditions: SQL[] = [eq(auditEvents.organizationId, actor.organizationId)];
  if (filters.action && /^[a-z_.]{1,60}$/.test(filters.action))
    conditions.push(like(auditEvents.action, `${filters.action}%`));
  if (filters.personId && isUuid(filters.personId))
    conditions.push(eq(auditEvents.actorPersonId, filters.personId));
  if (filters.before && !Number.isNaN(Date.parse(filters.before)))
    conditions.push(lt(auditEvents.createdAt, new Date(filters.before)));
  const rows = await db()
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      details: auditEvents.details,
      ip: auditEvents.ip,
      actorId: auditEvents.actorPersonId,
      actorName: actorPerson.givenNames,
      actorFamily: actorPerson.familyNames,
      subjectName: subjectPerson.givenNames,
      subjectFamily: subjectPerson.familyNames,
    })
    .from(auditEvents)
    .leftJoin(actorPerson, eq(actorPerson.id, auditEvents.actorPersonId))
    .leftJoin(
      subjectPerson,
      and(eq(auditEvents.subjectType, "person"), sql`${subjectPerson.id}::text = ${auditEvents.subjectId}`),
    )
    .where(and(...conditions))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(PAGE + 1);
  const events = rows.slice(0, PAGE);
  return {
    events,
    nextBefore: rows.length > PAGE ? events[events.length - 1]?.createdAt.toISOString() : null,
  };
}
