// Deletion requests (Ley 21.719: supresión). The person asks from their profile; a coordinator of
// the organization anonymizes them or rejects the request with a reason; the person gets an email
// either way. Anonymizing removes what identifies the person and the free texts they wrote, and keeps
// every row that feeds an aggregate (visits, levels, snapshots, steps, meetings), so that dashboards
// and reports stay true.
import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { type MessageKey, translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { auditEvents } from "../../platform/audit/schema";
import { rateLimits, sessions } from "../../platform/auth/schema";
import { type DbOrTx, db } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { enqueue, registerJob } from "../../platform/jobs/queue";
import { queueEmail } from "../../platform/mail/mail";
import { emails } from "../../platform/mail/schema";
import { type Actor, authorize, can } from "../../platform/policy";
import { searchable } from "../../platform/text";
import { asText } from "../../platform/validation";
import { emailChanges, invitations, knownDevices, passwordResets } from "../accounts";
import { feedbackMeetings, observationNotes, observations, reflections } from "../observation";
import { persons, rosterImports } from "../people";
import "./policy";
import { type PrivacyRequestStatus, privacyRequests } from "./schema";

export const REASON_MAX = 2000;
/** Ley 21.719: an answer within 30 calendar days of receipt. */
export const ANSWER_DAYS = 30;
export const ANONYMIZED_GIVEN_NAMES = "Persona";
export const ANONYMIZED_FAMILY_NAMES = "eliminada";
export const anonymizedEmail = (personId: string) => `eliminada-${personId}@invalid`;
/** The job that forgets the address of the last email sent to an anonymized person, once it is out. */
export const FORGET_EMAIL_JOB = "privacy.forget_email";

const longText = z.preprocess(
  (v) => asText(v).trim(),
  z.string().max(REASON_MAX, { message: "privacy.errors.too_long" }),
);
const checked = (v: unknown) => v === "on" || v === "true";

function validate<T>(schema: z.ZodType<T>, input: unknown, extra: FieldErrors = {}): T {
  const result = schema.safeParse(input);
  const fieldErrors: FieldErrors = { ...extra };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path.join(".") || "_";
      fieldErrors[field] ??= issue.message as MessageKey; // the schemas' messages are catalogue keys
    }
  }
  if (Object.keys(fieldErrors).length || !result.success) {
    throw new DomainError("errors.form_invalid", fieldErrors, { max: REASON_MAX });
  }
  return result.data;
}

export const dueDate = (requestedAt: Date) => new Date(requestedAt.getTime() + ANSWER_DAYS * 86_400_000);

/** What the person's "eliminar mis datos" page shows: a pending request, or the last handled one. */
export async function deletionRequestPage(actor: Actor, personId: string) {
  if (!isUuid(personId)) throw new NotFoundError();
  authorize(actor, "request_deletion", "personal_data", { organizationId: actor.organizationId, personId });
  const [latest] = await db()
    .select({
      status: privacyRequests.status,
      requestedAt: privacyRequests.requestedAt,
      handledAt: privacyRequests.handledAt,
      decisionNote: privacyRequests.decisionNote,
    })
    .from(privacyRequests)
    .where(eq(privacyRequests.personId, personId))
    .orderBy(desc(privacyRequests.requestedAt))
    .limit(1);
  return { personId, latest: latest ?? null };
}

/** The person asks for the deletion of their data: a confirmation box, an optional reason. */
export async function requestDeletion(
  actor: Actor,
  personId: string,
  input: Record<string, unknown>,
): Promise<string> {
  if (!isUuid(personId)) throw new NotFoundError();
  authorize(actor, "request_deletion", "personal_data", { organizationId: actor.organizationId, personId });
  const values = validate(
    z.object({ reason: longText }),
    input,
    checked(input.confirm) ? {} : { confirm: "privacy.errors.confirm_required" },
  );
  const id = newId();
  await db().transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: privacyRequests.id })
      .from(privacyRequests)
      .where(and(eq(privacyRequests.personId, personId), eq(privacyRequests.status, "pending")))
      .for("update");
    if (pending) throw new DomainError("privacy.errors.already_pending");
    await tx.insert(privacyRequests).values({
      id,
      organizationId: actor.organizationId,
      personId,
      status: "pending",
      reason: values.reason,
    });
    await audit(
      actor,
      { action: "privacy.deletion_requested", subjectType: "privacy_request", subjectId: id },
      tx,
    );
  });
  return id;
}

const handler = alias(persons, "handler");

/** The organization's pending requests, oldest first, and the latest handled ones (coordinators). */
export async function listPrivacyRequests(actor: Actor) {
  authorize(actor, "list", "privacy_request", { organizationId: actor.organizationId });
  const select = {
    id: privacyRequests.id,
    personId: privacyRequests.personId,
    givenNames: persons.givenNames,
    familyNames: persons.familyNames,
    status: privacyRequests.status,
    requestedAt: privacyRequests.requestedAt,
    handledAt: privacyRequests.handledAt,
  };
  const base = () =>
    db().select(select).from(privacyRequests).innerJoin(persons, eq(persons.id, privacyRequests.personId));
  const pending = await base()
    .where(
      and(
        eq(privacyRequests.organizationId, actor.organizationId),
        eq(privacyRequests.status, "pending"),
        ne(privacyRequests.personId, actor.personId),
      ),
    )
    .orderBy(asc(privacyRequests.requestedAt));
  const handled = await base()
    .where(
      and(
        eq(privacyRequests.organizationId, actor.organizationId),
        ne(privacyRequests.status, "pending"),
        ne(privacyRequests.personId, actor.personId),
      ),
    )
    .orderBy(desc(privacyRequests.handledAt))
    .limit(20);
  return {
    pending: pending.map((r) => ({ ...r, dueAt: dueDate(r.requestedAt) })),
    handled,
  };
}

async function requestRow(requestId: string, tx: DbOrTx = db(), lock = false) {
  if (!isUuid(requestId)) return undefined;
  const q = tx.select().from(privacyRequests).where(eq(privacyRequests.id, requestId));
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

/** One request, for the coordinator who handles it. Reading it is audited (it names a person). */
export async function getPrivacyRequest(actor: Actor, requestId: string) {
  const row = await requestRow(requestId);
  if (!row) throw new NotFoundError();
  authorize(actor, "handle", "privacy_request", row);
  const [person] = await db()
    .select({ givenNames: persons.givenNames, familyNames: persons.familyNames, email: persons.email })
    .from(persons)
    .where(eq(persons.id, row.personId));
  const [by] = row.handledBy
    ? await db()
        .select({ givenNames: handler.givenNames, familyNames: handler.familyNames })
        .from(handler)
        .where(eq(handler.id, row.handledBy))
    : [];
  await audit(actor, { action: "privacy.request_read", subjectType: "privacy_request", subjectId: row.id });
  return {
    id: row.id,
    personId: row.personId,
    person,
    status: row.status,
    reason: row.reason,
    requestedAt: row.requestedAt,
    dueAt: dueDate(row.requestedAt),
    handledAt: row.handledAt,
    handledBy: by ? `${by.givenNames} ${by.familyNames}` : null,
    decisionNote: row.decisionNote,
  };
}

/** Whether the actor may see the coordinators' list (the menu entry). */
export function mayHandlePrivacyRequests(actor: Actor): boolean {
  return can(actor, "list", "privacy_request", { organizationId: actor.organizationId });
}

export type PrivacyDecision = "anonymize" | "reject";

/**
 * A coordinator handles a pending request: "anonymize" (a confirmation box) or "reject" (a reason is
 * required). One transaction with its audit record and the email to the person.
 */
export async function handlePrivacyRequest(
  actor: Actor,
  requestId: string,
  decision: PrivacyDecision,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<PrivacyRequestStatus> {
  const first = await requestRow(requestId);
  if (!first) throw new NotFoundError();
  authorize(actor, "handle", "privacy_request", first);
  const values =
    decision === "reject"
      ? validate(
          z.object({ note: longText.pipe(z.string().min(1, { message: "privacy.errors.note_required" })) }),
          input,
        )
      : validate(
          z.object({}),
          input,
          checked(input.confirm) ? {} : { confirm: "privacy.errors.confirm_required" },
        );
  const note = "note" in values ? (values.note as string) : "";
  return db().transaction(async (tx) => {
    const row = await requestRow(requestId, tx, true);
    if (!row) throw new NotFoundError();
    if (row.status !== "pending") throw new DomainError("privacy.errors.already_handled");
    const [person] = await tx.select().from(persons).where(eq(persons.id, row.personId)).for("update");
    if (!person) throw new NotFoundError();
    const t = translator(isLocale(person.locale) ? person.locale : "es-CL");
    const emailId = await queueEmail(
      {
        to: person.email,
        organizationId: row.organizationId,
        subject: t(
          decision === "anonymize" ? "email.privacy_anonymized.subject" : "email.privacy_rejected.subject",
        ),
        text: `${t("email.greeting", { name: person.givenNames })}\n\n${
          decision === "anonymize"
            ? t("email.privacy_anonymized.body")
            : t("email.privacy_rejected.body", { note })
        }\n\n${t("email.signature")}`,
      },
      tx,
    );
    if (decision === "reject") {
      await tx
        .update(privacyRequests)
        .set({ status: "rejected", handledBy: actor.personId, handledAt: now, decisionNote: note })
        .where(eq(privacyRequests.id, row.id));
      await audit(
        actor,
        { action: "privacy.request_rejected", subjectType: "privacy_request", subjectId: row.id },
        tx,
      );
      return "rejected";
    }
    await anonymize(tx, person, emailId, now);
    await tx
      .update(privacyRequests)
      .set({ status: "anonymized", handledBy: actor.personId, handledAt: now })
      .where(eq(privacyRequests.id, row.id));
    await audit(
      actor,
      {
        action: "privacy.anonymized",
        subjectType: "person",
        subjectId: person.id,
        details: { requestId: row.id },
      },
      tx,
    );
    return "anonymized";
  });
}

type PersonRow = typeof persons.$inferSelect;

/** Everything that identifies the person, everywhere it is kept, in the caller's transaction. */
async function anonymize(tx: DbOrTx, person: PersonRow, noticeEmailId: string, now: Date) {
  const marker = translator("es-CL")("privacy.marker");
  const email = anonymizedEmail(person.id);
  const fullName = `${person.givenNames} ${person.familyNames}`;
  const anonymousName = `${ANONYMIZED_GIVEN_NAMES} ${ANONYMIZED_FAMILY_NAMES}`;
  await tx
    .update(persons)
    .set({
      givenNames: ANONYMIZED_GIVEN_NAMES,
      familyNames: ANONYMIZED_FAMILY_NAMES,
      email,
      rut: null,
      phone: null,
      passwordHash: null,
      passwordChangedAt: null,
      status: "disabled",
      searchText: searchable(ANONYMIZED_GIVEN_NAMES, ANONYMIZED_FAMILY_NAMES),
      updatedAt: now,
    })
    .where(eq(persons.id, person.id));
  await tx.delete(sessions).where(eq(sessions.personId, person.id));
  await tx.delete(invitations).where(eq(invitations.personId, person.id));
  await tx.delete(passwordResets).where(eq(passwordResets.personId, person.id));
  // Every address the person signed in with, or was asked to: the emails sent there are theirs.
  const changes = await tx
    .select({ oldEmail: emailChanges.oldEmail, newEmail: emailChanges.newEmail })
    .from(emailChanges)
    .where(eq(emailChanges.personId, person.id));
  const addresses = [...new Set([person.email, ...changes.flatMap((c) => [c.oldEmail, c.newEmail])])];
  await tx.delete(emailChanges).where(eq(emailChanges.personId, person.id));
  await tx.delete(knownDevices).where(eq(knownDevices.personId, person.id));
  await tx
    .delete(rateLimits)
    .where(
      or(
        sql`right(${rateLimits.key}, ${person.email.length + 1}) = ${`:${person.email}`}`,
        sql`starts_with(${rateLimits.key}, 'sign-in:') AND strpos(${rateLimits.key}, ${`:${person.email}|`}) > 0`,
      ),
    );

  // Free texts the person wrote; the rows (and their counts) stay.
  await tx.update(reflections).set({ body: marker }).where(eq(reflections.teacherId, person.id));
  await tx
    .update(observationNotes)
    .set({ body: marker })
    .where(
      inArray(
        observationNotes.observationId,
        tx.select({ id: observations.id }).from(observations).where(eq(observations.observerId, person.id)),
      ),
    );
  const textOrEmpty = (column: AnyPgColumn) => sql`CASE WHEN ${column} = '' THEN '' ELSE ${marker} END`;
  await tx
    .update(feedbackMeetings)
    .set({
      praise: marker,
      model: textOrEmpty(feedbackMeetings.model),
      gap: textOrEmpty(feedbackMeetings.gap),
      plan: textOrEmpty(feedbackMeetings.plan),
      practiceNote: textOrEmpty(feedbackMeetings.practiceNote),
    })
    .where(eq(feedbackMeetings.observerId, person.id));
  await tx
    .update(privacyRequests)
    .set({ reason: sql`CASE WHEN ${privacyRequests.reason} = '' THEN '' ELSE ${marker} END` })
    .where(eq(privacyRequests.personId, person.id));

  // Emails: those to the person lose their address and text (invitation links included); the person's
  // name leaves the emails sent to others. The notice just queued keeps its address until it is out.
  await tx
    .update(emails)
    .set({ toAddress: email, textBody: marker })
    .where(
      and(
        eq(emails.organizationId, person.organizationId),
        inArray(emails.toAddress, addresses),
        ne(emails.id, noticeEmailId),
      ),
    );
  await tx
    .update(emails)
    .set({ textBody: sql`replace(${emails.textBody}, ${fullName}, ${anonymousName})` })
    .where(
      and(eq(emails.organizationId, person.organizationId), sql`strpos(${emails.textBody}, ${fullName}) > 0`),
    );
  await enqueue(FORGET_EMAIL_JOB, { emailId: noticeEmailId, personId: person.id }, tx, {
    runAt: new Date(Date.now() + 5_000),
    maxAttempts: 12,
  });

  // Changes of the person's sign-in address recorded the addresses (from, to, restored).
  for (const field of ["from", "to", "restored"]) {
    await tx
      .update(auditEvents)
      .set({
        details: sql`jsonb_set(${auditEvents.details}, ${`{${field}}`}::text[], to_jsonb(${email}::text))`,
      })
      .where(
        and(
          eq(auditEvents.subjectId, person.id),
          sql`${auditEvents.details} ? ${field}`,
          sql`${auditEvents.action} LIKE 'person.%'`,
        ),
      );
  }

  // Failed sign-ins recorded the address typed.
  await tx
    .update(auditEvents)
    .set({ details: sql`jsonb_set(${auditEvents.details}, '{email}', to_jsonb(${email}::text))` })
    .where(
      and(
        eq(auditEvents.organizationId, person.organizationId),
        sql`${auditEvents.details}->>'email' = ${person.email}`,
      ),
    );

  // Roster imports keep their rows for their report: the person's rows lose what identifies them.
  const rutBody = person.rut ? person.rut.split("-")[0] : null;
  const candidates = await tx
    .select({
      id: rosterImports.id,
      validRows: rosterImports.validRows,
      rejectedRows: rosterImports.rejectedRows,
    })
    .from(rosterImports)
    .where(
      and(
        eq(rosterImports.organizationId, person.organizationId),
        rutBody
          ? sql`(strpos(lower(${rosterImports.validRows}::text || ${rosterImports.rejectedRows}::text), ${person.email}) > 0
              OR strpos(regexp_replace(${rosterImports.validRows}::text || ${rosterImports.rejectedRows}::text, '[.]', '', 'g'), ${rutBody}) > 0)`
          : sql`strpos(lower(${rosterImports.validRows}::text || ${rosterImports.rejectedRows}::text), ${person.email}) > 0`,
      ),
    );
  const compact = (v: string) => v.replace(/[.\s-]/g, "").toUpperCase();
  const rutCompact = person.rut ? compact(person.rut) : null;
  const isTheirs = (value: string) =>
    value.trim().toLowerCase() === person.email || (!!rutCompact && compact(value) === rutCompact);
  for (const c of candidates) {
    const validRows = c.validRows.map((r) =>
      r.email === person.email || (rutCompact && r.rut && compact(r.rut) === rutCompact)
        ? { ...r, givenNames: ANONYMIZED_GIVEN_NAMES, familyNames: ANONYMIZED_FAMILY_NAMES, email, rut: null }
        : r,
    );
    const rejectedRows = c.rejectedRows.map((r) =>
      Object.values(r.raw).some((v) => typeof v === "string" && isTheirs(v)) ? { ...r, raw: {} } : r,
    );
    await tx.update(rosterImports).set({ validRows, rejectedRows }).where(eq(rosterImports.id, c.id));
  }
}

/**
 * Once the notice to an anonymized person has left (sent, kept in the outbox or given up), its
 * address and text go too. Until then the job fails and the queue tries again later.
 */
export async function forgetNoticeEmail(emailId: string, personId: string): Promise<void> {
  if (!isUuid(emailId) || !isUuid(personId)) return;
  const [row] = await db().select({ status: emails.status }).from(emails).where(eq(emails.id, emailId));
  if (!row) return;
  if (row.status === "pending") throw new Error("the notice has not been sent yet");
  await db()
    .update(emails)
    .set({ toAddress: anonymizedEmail(personId), textBody: translator("es-CL")("privacy.marker") })
    .where(eq(emails.id, emailId));
}

registerJob(FORGET_EMAIL_JOB, async (payload) => {
  await forgetNoticeEmail(String(payload.emailId), String(payload.personId));
});
