// Deletion requests (Ley 21.719: supresión). The person asks from their profile; a coordinator of
// the organization anonymizes them or rejects the request with a reason; the person gets an email
// either way. Anonymizing removes what identifies the person and the free texts they wrote, and keeps
// every row that feeds an aggregate (visits, levels, snapshots, steps, meetings), so that dashboards
// and reports stay true. What that means table by table is each owner's personal data hook
// (platform/personal-data.ts; the modules' personal-data.ts).
import { and, asc, desc, eq, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { type MessageKey, translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { enqueue, registerJob } from "../../platform/jobs/queue";
import { queueEmail } from "../../platform/mail/mail";
import { emails } from "../../platform/mail/schema";
import { type AnonymizeContext, personalDataHooks } from "../../platform/personal-data";
import { type Actor, authorize, can } from "../../platform/policy";
import { asText } from "../../platform/validation";
import { persons } from "../people";
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

/**
 * Everything that identifies the person, everywhere it is kept, in the caller's transaction: each
 * module's (and the platform's) personal data hook erases or replaces it in its own tables.
 */
async function anonymize(tx: DbOrTx, person: PersonRow, noticeEmailId: string, now: Date) {
  const hooks = personalDataHooks();
  const addresses = new Set([person.email]);
  for (const hook of hooks) {
    for (const address of (await hook.addresses?.(tx, person)) ?? []) addresses.add(address);
  }
  const context: AnonymizeContext = {
    now,
    givenNames: ANONYMIZED_GIVEN_NAMES,
    familyNames: ANONYMIZED_FAMILY_NAMES,
    email: anonymizedEmail(person.id),
    marker: translator("es-CL")("privacy.marker"),
    addresses: [...addresses],
    // the notice just queued keeps its address until it is out (FORGET_EMAIL_JOB)
    keepEmailIds: [noticeEmailId],
  };
  for (const hook of hooks) await hook.anonymize(tx, person, context);
  await enqueue(FORGET_EMAIL_JOB, { emailId: noticeEmailId, personId: person.id }, tx, {
    runAt: new Date(Date.now() + 5_000),
    maxAttempts: 12,
  });
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
