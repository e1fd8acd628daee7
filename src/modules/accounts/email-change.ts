// Changing the address a person signs in with. The address is the key to the account (a reset link
// goes there), so whoever could change someone else's address could take their account: once a person
// has an account, only they change it, or they confirm a change someone proposed; an administrator's
// account recovery is the one exception, and it is documented, audited and undoable from the old
// address. Every change is audited and, once applied, the old address can undo it for 7 days.
// The rows of "who may change what of a person" are in docs/architecture.md.
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { type MessageKey, translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { hashPassword, verifyPassword } from "../../platform/auth/passwords";
import { hit } from "../../platform/auth/rate-limit";
import { revokeAllSessions } from "../../platform/auth/sessions";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { config } from "../../platform/config";
import { type DbOrTx, db } from "../../platform/db/client";
import { DomainError, NotFoundError, RateLimitedError, ValidationError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize, can } from "../../platform/policy";
import { searchable } from "../../platform/text";
import { parseInput } from "../../platform/validation";
import { emailField, personSubject, persons } from "../people";
import { type EmailChangeKind, emailChanges, knownDevices, passwordResets } from "./schema";
import { parsePasswords, type RequestMeta, sendResetLink } from "./service";

/** A confirmation link lives a day; the old address may undo an applied change for 7 days. */
const CONFIRM_TTL_MS = 24 * 60 * 60_000;
export const UNDO_TTL_MS = 7 * 24 * 60 * 60_000;
/** Requests per person and hour: each sends an email, and a wrong password counts. */
const REQUEST_LIMIT = { max: 5, windowMs: 60 * 60_000 };

type PersonRow = {
  id: string;
  organizationId: string;
  email: string;
  givenNames: string;
  familyNames: string;
  locale: string;
  status: string;
  passwordHash: string | null;
  rut: string | null;
};

async function personRow(personId: string, tx: DbOrTx = db(), lock = false): Promise<PersonRow> {
  const query = tx
    .select({
      id: persons.id,
      organizationId: persons.organizationId,
      email: persons.email,
      givenNames: persons.givenNames,
      familyNames: persons.familyNames,
      locale: persons.locale,
      status: persons.status,
      passwordHash: persons.passwordHash,
      rut: persons.rut,
    })
    .from(persons)
    .where(eq(persons.id, personId));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError();
  return row;
}

/** The pending (not confirmed, not cancelled, not expired) change of a person, if any. */
async function pendingChange(personId: string, tx: DbOrTx = db()) {
  const [row] = await tx
    .select()
    .from(emailChanges)
    .where(
      and(
        eq(emailChanges.personId, personId),
        isNull(emailChanges.confirmedAt),
        isNull(emailChanges.cancelledAt),
        isNull(emailChanges.undoneAt),
        gt(emailChanges.expiresAt, new Date()),
      ),
    )
    .orderBy(sql`${emailChanges.createdAt} DESC`)
    .limit(1);
  return row;
}

/** What /personas/:id/correo shows this actor: what they may do, and the change waiting, if any. */
export async function getEmailChangePage(actor: Actor, personId: string) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  const may = {
    changeOwn: can(actor, "change_own_email", "person", subject),
    propose: can(actor, "propose_email", "person", subject),
    recover: can(actor, "recover_account", "person", subject),
  };
  if (!may.changeOwn && !may.propose && !may.recover) throw new NotFoundError();
  const person = await personRow(personId);
  const pending = await pendingChange(personId);
  let requestedBy = "";
  if (pending) {
    const [who] = await db()
      .select({ givenNames: persons.givenNames, familyNames: persons.familyNames })
      .from(persons)
      .where(eq(persons.id, pending.requestedBy));
    requestedBy = who ? `${who.givenNames} ${who.familyNames}` : "";
  }
  return {
    person: {
      id: person.id,
      givenNames: person.givenNames,
      familyNames: person.familyNames,
      email: person.email,
    },
    may,
    isSelf: actor.personId === personId,
    pending: pending
      ? {
          kind: pending.kind,
          newEmail: pending.newEmail,
          requestedBy,
          requestedByActor: pending.requestedBy === actor.personId,
          expiresAt: pending.expiresAt,
        }
      : null,
  };
}

const newAddressInput = z.object({ newEmail: emailField });
const ownChangeInput = newAddressInput.extend({
  password: z.string("errors.required").min(1, "errors.required").max(1000, "auth.password.too_long"),
});
const recoveryInput = newAddressInput.extend({
  reason: z
    .string("errors.required")
    .trim()
    .min(20, "accounts.email.reason_too_short")
    .max(1000, "errors.too_long"),
  verified: z.literal("on", { message: "accounts.email.verified_required" }),
});

/** The new address must differ from the current one and belong to nobody else in the organization. */
async function assertAvailable(tx: DbOrTx, person: PersonRow, newEmail: string) {
  if (newEmail === person.email) throw new ValidationError({ newEmail: "accounts.email.same_address" });
  const [taken] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(
        eq(persons.organizationId, person.organizationId),
        eq(persons.email, newEmail),
        ne(persons.id, person.id),
      ),
    );
  if (taken) throw new ValidationError({ newEmail: "people.errors.email_taken" });
}

function link(path: string, token: string) {
  return `${config().appUrl}/${path}/${token}`;
}

/** An email about the person's address, in the person's language. */
async function mailPerson(
  tx: DbOrTx,
  person: PersonRow,
  to: string,
  subjectKey: MessageKey,
  bodyKey: MessageKey,
  params: Record<string, string>,
) {
  const t = translator(isLocale(person.locale) ? person.locale : "es-CL");
  await queueEmail(
    {
      to,
      organizationId: person.organizationId,
      subject: t(subjectKey),
      text: `${t("email.greeting", { name: person.givenNames })}\n\n${t(bodyKey, params)}\n\n${t("email.signature")}`,
    },
    tx,
  );
}

/** Cancels whatever change was waiting: a person has at most one pending change. */
async function cancelPending(tx: DbOrTx, personId: string) {
  await tx
    .update(emailChanges)
    .set({ cancelledAt: new Date() })
    .where(
      and(
        eq(emailChanges.personId, personId),
        isNull(emailChanges.confirmedAt),
        isNull(emailChanges.cancelledAt),
      ),
    );
}

async function countRequest(actor: Actor) {
  if (!(await hit(`email-change:${actor.personId}`, REQUEST_LIMIT))) throw new RateLimitedError();
}

async function insertChange(
  tx: DbOrTx,
  person: PersonRow,
  values: { kind: EmailChangeKind; newEmail: string; requestedBy: string; reason?: string; undo?: string },
) {
  const confirm = newToken();
  const id = newId();
  await tx.insert(emailChanges).values({
    id,
    organizationId: person.organizationId,
    personId: person.id,
    kind: values.kind,
    oldEmail: person.email,
    newEmail: values.newEmail,
    requestedBy: values.requestedBy,
    reason: values.reason ?? null,
    tokenHash: confirm.hash,
    expiresAt: new Date(Date.now() + CONFIRM_TTL_MS),
    undoTokenHash: values.undo ? hashToken(values.undo) : null,
    undoExpiresAt: values.undo ? new Date(Date.now() + UNDO_TTL_MS) : null,
  });
  return { id, token: confirm.token };
}

/**
 * The person asks to sign in with another address: their password again, then a link to the new
 * address (which proves they read it); nothing changes until it is opened and confirmed.
 */
export async function requestOwnEmailChange(actor: Actor, personId: string, input: Record<string, unknown>) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "change_own_email", "person", subject);
  const data = parseInput(ownChangeInput, input);
  await countRequest(actor);
  const person = await personRow(personId);
  if (!person.passwordHash || !(await verifyPassword(person.passwordHash, data.password))) {
    throw new ValidationError({ password: "accounts.email.wrong_password" });
  }
  await db().transaction(async (tx) => {
    const locked = await personRow(personId, tx, true);
    await assertAvailable(tx, locked, data.newEmail);
    await cancelPending(tx, personId);
    const change = await insertChange(tx, locked, {
      kind: "self",
      newEmail: data.newEmail,
      requestedBy: actor.personId,
    });
    await mailPerson(
      tx,
      locked,
      data.newEmail,
      "email.address_confirm.subject",
      "email.address_confirm.body",
      {
        old: locked.email,
        new: data.newEmail,
        link: link("correo", change.token),
      },
    );
    await audit(
      actor,
      {
        action: "person.email_change_requested",
        subjectType: "person",
        subjectId: personId,
        details: { kind: "self", from: locked.email, to: data.newEmail },
      },
      tx,
    );
  });
}

/**
 * A leader, coordinator or administrator proposes another address for a person with an account. The
 * person confirms it from a link sent to their current address, or on this page while signed in;
 * never from the new address.
 */
export async function proposeEmailChange(actor: Actor, personId: string, input: Record<string, unknown>) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "propose_email", "person", subject);
  const data = parseInput(newAddressInput, input);
  await countRequest(actor);
  const proposer = await personRow(actor.personId);
  await db().transaction(async (tx) => {
    const person = await personRow(personId, tx, true);
    await assertAvailable(tx, person, data.newEmail);
    await cancelPending(tx, personId);
    const change = await insertChange(tx, person, {
      kind: "proposal",
      newEmail: data.newEmail,
      requestedBy: actor.personId,
    });
    await mailPerson(
      tx,
      person,
      person.email,
      "email.address_proposal.subject",
      "email.address_proposal.body",
      {
        proposer: `${proposer.givenNames} ${proposer.familyNames}`,
        old: person.email,
        new: data.newEmail,
        link: link("correo", change.token),
      },
    );
    await audit(
      actor,
      {
        action: "person.email_change_requested",
        subjectType: "person",
        subjectId: personId,
        details: { kind: "proposal", from: person.email, to: data.newEmail },
      },
      tx,
    );
  });
}

/**
 * An administrator helps a person who lost their old address: after checking who they are by another
 * way (written as the reason), a link to the new address lets the person set a new password, which
 * applies the change. Both addresses are told at once; the old one may cancel or undo for 7 days.
 */
export async function startAccountRecovery(actor: Actor, personId: string, input: Record<string, unknown>) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "recover_account", "person", subject);
  const data = parseInput(recoveryInput, input);
  await countRequest(actor);
  const admin = await personRow(actor.personId);
  await db().transaction(async (tx) => {
    const person = await personRow(personId, tx, true);
    await assertAvailable(tx, person, data.newEmail);
    await cancelPending(tx, personId);
    const undo = newToken();
    const change = await insertChange(tx, person, {
      kind: "recovery",
      newEmail: data.newEmail,
      requestedBy: actor.personId,
      reason: data.reason,
      undo: undo.token,
    });
    const params = {
      admin: `${admin.givenNames} ${admin.familyNames}`,
      old: person.email,
      new: data.newEmail,
    };
    await mailPerson(tx, person, data.newEmail, "email.recovery_new.subject", "email.recovery_new.body", {
      ...params,
      link: link("correo", change.token),
    });
    await mailPerson(tx, person, person.email, "email.recovery_old.subject", "email.recovery_old.body", {
      ...params,
      link: link("correo/deshacer", undo.token),
    });
    await audit(
      actor,
      {
        action: "person.account_recovery_started",
        subjectType: "person",
        subjectId: personId,
        details: { from: person.email, to: data.newEmail, reason: data.reason },
      },
      tx,
    );
  });
}

/** The person declines a proposal, or whoever asked withdraws it. */
export async function cancelEmailChange(actor: Actor, personId: string) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  const pending = await pendingChange(personId);
  const mayCancel =
    !!pending &&
    ((actor.personId === personId && can(actor, "change_own_email", "person", subject)) ||
      (pending.requestedBy === actor.personId &&
        (can(actor, "propose_email", "person", subject) ||
          can(actor, "recover_account", "person", subject))));
  if (!pending || !mayCancel) throw new NotFoundError();
  await db().transaction(async (tx) => {
    await tx.update(emailChanges).set({ cancelledAt: new Date() }).where(eq(emailChanges.id, pending.id));
    await audit(
      actor,
      {
        action: "person.email_change_cancelled",
        subjectType: "person",
        subjectId: personId,
        details: { kind: pending.kind, to: pending.newEmail },
      },
      tx,
    );
  });
}

/** A proposal confirmed by the person while signed in (their session proves who they are). */
export async function confirmProposalSignedIn(actor: Actor, personId: string, meta: RequestMeta) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "change_own_email", "person", subject);
  const pending = await pendingChange(personId);
  if (pending?.kind !== "proposal") throw new DomainError("accounts.email.nothing_pending");
  await applyChange(pending.id, meta, actor.personId);
}

/** How long after a link was used its page still says it worked (a reload, the back button). */
const USED_LINK_SHOWN_MS = 30 * 60_000;

/**
 * Whether this confirmation or undo link was just used (its page then says it worked): a "done" page
 * for a link that was never used, or used long ago, would be false.
 */
export async function emailLinkJustUsed(token: string, kind: "confirm" | "undo", now = new Date()) {
  if (!token || token.length > 100) return false;
  const since = new Date(now.getTime() - USED_LINK_SHOWN_MS);
  const [row] = await db()
    .select({ id: emailChanges.id })
    .from(emailChanges)
    .where(
      kind === "confirm"
        ? and(eq(emailChanges.tokenHash, hashToken(token)), gt(emailChanges.confirmedAt, since))
        : and(eq(emailChanges.undoTokenHash, hashToken(token)), gt(emailChanges.undoneAt, since)),
    );
  return Boolean(row);
}

async function changeByToken(token: string, tx: DbOrTx = db()) {
  if (!token || token.length > 100) return undefined;
  const [row] = await tx
    .select()
    .from(emailChanges)
    .where(
      and(
        eq(emailChanges.tokenHash, hashToken(token)),
        isNull(emailChanges.confirmedAt),
        isNull(emailChanges.cancelledAt),
        isNull(emailChanges.undoneAt),
        gt(emailChanges.expiresAt, new Date()),
      ),
    );
  return row;
}

/** What the confirmation page (/correo/:token) shows, or null for a link that no longer works. */
export async function getEmailChangeByToken(token: string) {
  const change = await changeByToken(token);
  if (!change) return null;
  const person = await personRow(change.personId);
  if (person.email !== change.oldEmail) return null;
  return {
    kind: change.kind,
    givenNames: person.givenNames,
    oldEmail: change.oldEmail,
    newEmail: change.newEmail,
    needsPassword: change.kind === "recovery",
  };
}

/** Confirms a change from its emailed link (a recovery also sets the new password). */
export async function confirmEmailChange(token: string, input: Record<string, unknown>, meta: RequestMeta) {
  const change = await changeByToken(token);
  if (!change) throw new DomainError("accounts.email.link_invalid");
  const passwordHash =
    change.kind === "recovery" ? await hashPassword(parsePasswords(input).password) : undefined;
  await applyChange(change.id, meta, null, passwordHash);
}

/**
 * Applies a pending change under the person's row lock: the address must still be the one the change
 * was asked from, and the new one still free. The old address gets the undo link (7 days), the new
 * one a notice. A recovery also ends every session and sets the password the person chose.
 */
async function applyChange(
  changeId: string,
  meta: RequestMeta,
  confirmedBy: string | null,
  passwordHash?: string,
) {
  await db().transaction(async (tx) => {
    const [change] = await tx.select().from(emailChanges).where(eq(emailChanges.id, changeId)).for("update");
    if (
      !change ||
      change.confirmedAt ||
      change.cancelledAt ||
      change.undoneAt ||
      change.expiresAt <= new Date()
    ) {
      throw new DomainError("accounts.email.link_invalid");
    }
    const person = await personRow(change.personId, tx, true);
    if (person.email !== change.oldEmail || person.status !== "active") {
      throw new DomainError("accounts.email.link_invalid");
    }
    const [taken] = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(
        and(
          eq(persons.organizationId, person.organizationId),
          eq(persons.email, change.newEmail),
          ne(persons.id, person.id),
        ),
      );
    if (taken) throw new DomainError("accounts.email.address_taken_meanwhile");
    const undo = change.kind === "recovery" ? null : newToken();
    await tx
      .update(emailChanges)
      .set({
        confirmedAt: new Date(),
        ...(undo ? { undoTokenHash: undo.hash, undoExpiresAt: new Date(Date.now() + UNDO_TTL_MS) } : {}),
      })
      .where(eq(emailChanges.id, change.id));
    await tx
      .update(persons)
      .set({
        email: change.newEmail,
        searchText: searchable(person.givenNames, person.familyNames, change.newEmail, person.rut),
        ...(passwordHash ? { passwordHash, passwordChangedAt: new Date() } : {}),
        updatedAt: new Date(),
      })
      .where(eq(persons.id, person.id));
    if (change.kind === "recovery") await forgetAccess(tx, person.id);
    const params = { old: change.oldEmail, new: change.newEmail };
    // A recovery told the old address, with its undo link, when it started.
    if (undo) {
      await mailPerson(
        tx,
        person,
        change.oldEmail,
        "email.address_changed_old.subject",
        "email.address_changed_old.body",
        {
          ...params,
          link: link("correo/deshacer", undo.token),
        },
      );
    }
    await mailPerson(
      tx,
      person,
      change.newEmail,
      "email.address_changed_new.subject",
      "email.address_changed_new.body",
      params,
    );
    await audit(
      {
        personId: confirmedBy,
        organizationId: person.organizationId,
        ip: meta.ip,
        requestId: meta.requestId,
      },
      {
        action: "person.email_changed",
        subjectType: "person",
        subjectId: person.id,
        details: {
          kind: change.kind,
          from: change.oldEmail,
          to: change.newEmail,
          requestedBy: change.requestedBy,
        },
      },
      tx,
    );
  });
}

/**
 * Ends every session of the person and forgets their known devices: whoever had the account before
 * (a lost phone, whoever changed the address) keeps neither a session nor a browser exempt from the
 * account's sign-in limits.
 */
async function forgetAccess(tx: DbOrTx, personId: string) {
  await revokeAllSessions(personId, tx);
  await tx.delete(knownDevices).where(eq(knownDevices.personId, personId));
}

async function changeByUndoToken(token: string, tx: DbOrTx = db()) {
  if (!token || token.length > 100) return undefined;
  const [row] = await tx
    .select()
    .from(emailChanges)
    .where(
      and(
        eq(emailChanges.undoTokenHash, hashToken(token)),
        isNull(emailChanges.undoneAt),
        isNull(emailChanges.cancelledAt),
        gt(emailChanges.undoExpiresAt, new Date()),
      ),
    );
  return row;
}

/** What the undo page (/correo/deshacer/:token) shows, or null for a link that no longer works. */
export async function getEmailUndoByToken(token: string) {
  const change = await changeByUndoToken(token);
  if (!change) return null;
  const person = await personRow(change.personId);
  const applied = change.confirmedAt !== null;
  if (applied && person.email !== change.newEmail) return null;
  return { givenNames: person.givenNames, oldEmail: change.oldEmail, newEmail: change.newEmail, applied };
}

/**
 * The old address says "it was not me": a change not yet applied (a recovery) is cancelled; an applied
 * one is reverted, every session ends, the password is cleared (whoever changed the address may know
 * it) and a link to set a new one goes to the restored address.
 */
export async function undoEmailChange(token: string, meta: RequestMeta) {
  await db().transaction(async (tx) => {
    const found = await changeByUndoToken(token, tx);
    if (!found) throw new DomainError("accounts.email.link_invalid");
    const [change] = await tx.select().from(emailChanges).where(eq(emailChanges.id, found.id)).for("update");
    if (!change || change.undoneAt || change.cancelledAt)
      throw new DomainError("accounts.email.link_invalid");
    const person = await personRow(change.personId, tx, true);
    const applied = change.confirmedAt !== null;
    if (applied && person.email !== change.newEmail) throw new DomainError("accounts.email.link_invalid");
    await tx.update(emailChanges).set({ undoneAt: new Date() }).where(eq(emailChanges.id, change.id));
    if (applied) {
      const [taken] = await tx
        .select({ id: persons.id })
        .from(persons)
        .where(
          and(
            eq(persons.organizationId, person.organizationId),
            eq(persons.email, change.oldEmail),
            ne(persons.id, person.id),
          ),
        );
      if (taken) throw new DomainError("accounts.email.address_taken_meanwhile");
      await tx
        .update(persons)
        .set({
          email: change.oldEmail,
          searchText: searchable(person.givenNames, person.familyNames, change.oldEmail, person.rut),
          passwordHash: null,
          updatedAt: new Date(),
        })
        .where(eq(persons.id, person.id));
      await forgetAccess(tx, person.id);
      await tx
        .update(passwordResets)
        .set({ usedAt: new Date() })
        .where(and(eq(passwordResets.personId, person.id), isNull(passwordResets.usedAt)));
      await cancelPending(tx, person.id);
      if (person.status === "active") {
        await sendResetLink(tx, { ...person, email: change.oldEmail });
      }
    }
    await audit(
      { personId: null, organizationId: person.organizationId, ip: meta.ip, requestId: meta.requestId },
      {
        action: applied ? "person.email_change_undone" : "person.account_recovery_cancelled",
        subjectType: "person",
        subjectId: person.id,
        details: { kind: change.kind, restored: change.oldEmail, from: change.newEmail },
      },
      tx,
    );
  });
}
