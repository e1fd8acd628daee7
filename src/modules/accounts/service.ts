import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import {
  hashPassword,
  PASSWORD_MIN_LENGTH,
  verifyAgainstDummy,
  verifyPassword,
} from "../../platform/auth/passwords";
import { clear, clientNetwork, hit, hitCount, underLimit } from "../../platform/auth/rate-limit";
import { createSession, revokeAllSessions } from "../../platform/auth/sessions";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { config } from "../../platform/config";
import { type DbOrTx, db } from "../../platform/db/client";
import { DomainError, NotFoundError, RateLimitedError, ValidationError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { newId } from "../../platform/ids";
import { enqueue, registerJob } from "../../platform/jobs/queue";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize, can } from "../../platform/policy";
import { normalizeEmail } from "../../platform/text";
import { parseInput } from "../../platform/validation";
import {
  emailField,
  ensurePersonWithRole,
  findActiveByEmail,
  isOrganizationRole,
  memberships,
  organizations,
  personInput,
  persons,
  ROLES,
  type Role,
  schools,
} from "../people";
import { invitations, knownDevices, passwordResets } from "./schema";

const INVITATION_TTL_MS = 1000 * 60 * 60 * 24 * 7;
const RESET_TTL_MS = 1000 * 60 * 60;
/**
 * Failed sign-ins are limited three ways (fixed windows in the database, shared by every process;
 * only failures are counted, so a school's shared address signing in thirty teachers is never held):
 * - per account and address: 10 in 15 minutes. Someone guessing from one address is stopped there,
 *   and only there: the owner signs in from any other address.
 * - per address: 50 in 15 minutes, whatever the accounts.
 * - per account from every address, counted in addresses (each once per window), in windows that
 *   grow with the failures: 10 addresses in 15 minutes, 20 in an hour, 40 in 6 hours, 80 in a day.
 *   One address never adds up to keep the owner out; guessing from many addresses slows down.
 * A browser where the person signed in before (a known device) is held by none of these, so nobody
 * keeps the owner out of their own phone, not even from the school's own address; a password reset
 * clears the account-wide windows too.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: { max: 10, windowMs: 15 * 60_000 },
  perAddress: { max: 50, windowMs: 15 * 60_000 },
  perAccount: [
    { max: 10, windowMs: 15 * 60_000 },
    { max: 20, windowMs: 60 * 60_000 },
    { max: 40, windowMs: 6 * 60 * 60_000 },
    { max: 80, windowMs: 24 * 60 * 60_000 },
  ],
};
const RESET_LIMITS = {
  perAccount: { max: 3, windowMs: 60 * 60_000 },
  perAddress: { max: 20, windowMs: 60 * 60_000 },
};

export interface RequestMeta {
  ip: string;
  userAgent?: string | null;
  requestId?: string | null;
}

/** Known devices are remembered for a year after their last sign-in. */
export const KNOWN_DEVICE_TTL_MS = 365 * 24 * 60 * 60_000;

const signInInput = z.object({
  email: z
    .string("errors.required")
    .trim()
    .min(1, "errors.required")
    .max(254, "errors.invalid_email")
    .transform(normalizeEmail),
  password: z.string("errors.required").min(1, "errors.required").max(1000, "auth.password.too_long"),
});

/**
 * Email and password sign-in. Rate-limited (SIGN_IN_LIMITS); the same answer whether or not the email
 * exists; a new session token on every sign-in (no fixation). `deviceToken` is the browser's known-device
 * cookie, if any; the answer carries the one to keep (the same, or a new one for a new device).
 */
export async function signIn(
  input: Record<string, unknown>,
  meta: RequestMeta & { deviceToken?: string | null },
) {
  const data = parseInput(signInInput, input);
  // Limits per address count an IPv6 client by its /64 (clientNetwork).
  const network = clientNetwork(meta.ip);
  const pairKey = `sign-in:pair:${data.email}|${network}`;
  const addressKey = `sign-in:address:${network}`;
  const accountKeys = SIGN_IN_LIMITS.perAccount.map((limit) => ({
    key: `sign-in:account:${limit.windowMs}:${data.email}`,
    /** this address already counted in this window of the account's limit */
    seenKey: `sign-in:seen:${limit.windowMs}:${data.email}|${network}`,
    limit,
  }));
  // Only failures are counted, after the password is checked; here: is a limit already reached? A
  // browser where the person signed in before is held by none of them (nobody can keep its owner out).
  const knownDevice = await isKnownDevice(data.email, meta.deviceToken);
  if (!knownDevice) {
    const open = await Promise.all([
      underLimit(pairKey, SIGN_IN_LIMITS.perAccountAndAddress),
      underLimit(addressKey, SIGN_IN_LIMITS.perAddress),
      ...accountKeys.map(({ key, limit }) => underLimit(key, limit)),
    ]);
    if (open.some((ok) => !ok)) throw new RateLimitedError();
  }
  const candidates = (await findActiveByEmail(data.email)).filter((c) => c.passwordHash);
  let person: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (await verifyPassword(candidate.passwordHash as string, data.password)) {
      person = candidate;
      break;
    }
  }
  if (!candidates.length) await verifyAgainstDummy(data.password);
  if (!person) {
    await audit(
      {
        personId: null,
        organizationId: candidates[0]?.organizationId ?? null,
        ip: meta.ip,
        requestId: meta.requestId,
      },
      {
        action: "auth.sign_in_failed",
        subjectType: "account",
        subjectId: null,
        details: { email: data.email },
      },
    );
    // Counted: this address for this account, this address, and the account once per address and
    // window (one address trying all day adds one to each window, never enough to keep the owner out).
    await Promise.all([
      hit(pairKey, SIGN_IN_LIMITS.perAccountAndAddress),
      hit(addressKey, SIGN_IN_LIMITS.perAddress),
      ...accountKeys.map(async ({ key, seenKey, limit }) => {
        if ((await hitCount(seenKey, limit)) === 1) await hit(key, limit);
      }),
    ]);
    throw new DomainError("auth.sign_in.failed", {}, {});
  }
  const session = await createSession(person.id, meta);
  const deviceToken = await rememberDevice(person.id, meta.deviceToken);
  await audit(
    { personId: person.id, organizationId: person.organizationId, ip: meta.ip, requestId: meta.requestId },
    { action: "auth.sign_in", subjectType: "person", subjectId: person.id },
  );
  return { ...session, personId: person.id, locale: person.locale, deviceToken };
}

/** Whether this browser signed in before as someone with this email (within a year). */
async function isKnownDevice(email: string, deviceToken: string | null | undefined): Promise<boolean> {
  if (!deviceToken || deviceToken.length > 100) return false;
  const [row] = await db()
    .select({ personId: knownDevices.personId })
    .from(knownDevices)
    .innerJoin(persons, eq(persons.id, knownDevices.personId))
    .where(
      and(
        eq(knownDevices.tokenHash, hashToken(deviceToken)),
        eq(persons.email, email),
        gt(knownDevices.lastUsedAt, new Date(Date.now() - KNOWN_DEVICE_TTL_MS)),
      ),
    );
  return !!row;
}

/** Marks the browser as a known device of the person: the same token if it was theirs, else a new one. */
async function rememberDevice(personId: string, deviceToken: string | null | undefined): Promise<string> {
  if (deviceToken && deviceToken.length <= 100) {
    const touched = await db()
      .update(knownDevices)
      .set({ lastUsedAt: new Date() })
      .where(and(eq(knownDevices.tokenHash, hashToken(deviceToken)), eq(knownDevices.personId, personId)))
      .returning({ personId: knownDevices.personId });
    if (touched.length) return deviceToken;
  }
  const { token, hash } = newToken();
  await db().insert(knownDevices).values({ tokenHash: hash, personId });
  return token;
}

/** A reset proves the person reads their address: failed sign-ins held against the account are cleared. */
async function clearAccountLimits(email: string) {
  await Promise.all(
    SIGN_IN_LIMITS.perAccount.map((limit) => clear(`sign-in:account:${limit.windowMs}:${email}`)),
  );
}

const passwordPair = z
  .object({
    // A field missing from the form is "required", not zod's type error (shown as "choose an option").
    password: z
      .string("errors.required")
      .min(PASSWORD_MIN_LENGTH, "auth.password.too_short")
      .max(200, "auth.password.too_long"),
    passwordConfirm: z.string("errors.required"),
  })
  .refine((v) => v.password === v.passwordConfirm, {
    message: "auth.password.mismatch",
    path: ["passwordConfirm"],
  });

export function parsePasswords(input: Record<string, unknown>) {
  try {
    return parseInput(passwordPair, input);
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(error.fieldErrors, "errors.form_invalid");
    }
    throw error;
  }
}

const forgotInput = z.object({ email: emailField });

/**
 * Sends a reset link if the email belongs to an active account; answers the same either way, in the
 * same time: the request only counts the attempt and queues a job with the address (both the same
 * work whether the account exists or not); the job looks the address up and writes the email.
 */
export async function requestPasswordReset(input: Record<string, unknown>, meta: RequestMeta) {
  const { email } = parseInput(forgotInput, input);
  const [accountOk, addressOk] = await Promise.all([
    hit(`reset:account:${email}`, RESET_LIMITS.perAccount),
    hit(`reset:address:${clientNetwork(meta.ip)}`, RESET_LIMITS.perAddress),
  ]);
  if (!addressOk) throw new RateLimitedError();
  if (!accountOk) return; // silently: the answer must not reveal that the account exists
  await enqueue(RESET_JOB, { email, ip: meta.ip, requestId: meta.requestId ?? null });
}

const RESET_JOB = "accounts.password_reset";
const resetJobPayload = z.object({ email: z.string(), ip: z.string(), requestId: z.string().nullable() });

registerJob(RESET_JOB, async (payload) => {
  const { email, ip, requestId } = resetJobPayload.parse(payload);
  for (const person of await findActiveByEmail(email)) {
    await db().transaction(async (tx) => {
      await sendResetLink(tx, person);
      await audit(
        { personId: null, organizationId: person.organizationId, ip, requestId },
        { action: "auth.password_reset_requested", subjectType: "person", subjectId: person.id },
        tx,
      );
    });
  }
});

/** Stores a reset link for the person's current address and queues its email, in the caller's transaction. */
export async function sendResetLink(
  tx: DbOrTx,
  person: { id: string; organizationId: string; email: string; givenNames: string; locale: string | null },
) {
  const { token, hash } = newToken();
  await tx.insert(passwordResets).values({
    id: newId(),
    personId: person.id,
    tokenHash: hash,
    sentTo: person.email,
    expiresAt: new Date(Date.now() + RESET_TTL_MS),
  });
  const t = translator(isLocale(person.locale) ? person.locale : "es-CL");
  await queueEmail(
    {
      to: person.email,
      organizationId: person.organizationId,
      subject: t("email.reset.subject"),
      text: `${t("email.greeting", { name: person.givenNames })}\n\n${t("email.reset.body", {
        link: `${config().appUrl}/restablecer/${token}`,
      })}\n\n${t("email.signature")}`,
    },
    tx,
  );
}

async function findReset(token: string, tx: DbOrTx = db()) {
  if (!token || token.length > 100) return undefined;
  const [reset] = await tx
    .select({ id: passwordResets.id, personId: passwordResets.personId })
    .from(passwordResets)
    // A link works only while the person still signs in with the address it was sent to.
    .innerJoin(
      persons,
      and(eq(persons.id, passwordResets.personId), eq(persons.email, passwordResets.sentTo)),
    )
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        eq(persons.status, "active"),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, new Date()),
      ),
    );
  return reset;
}

export async function isResetTokenValid(token: string): Promise<boolean> {
  return !!(await findReset(token));
}

/** Sets the new password, uses up the link and signs out every session of the person. */
export async function resetPassword(token: string, input: Record<string, unknown>, meta: RequestMeta) {
  const reset = await findReset(token);
  if (!reset) throw new DomainError("auth.reset.invalid");
  const { password } = parsePasswords(input);
  const passwordHash = await hashPassword(password);
  const email = await db().transaction(async (tx) => {
    // The person's row first: a change of address (or its undo) under way finishes before the link is
    // checked again, and a link sent to an address the person no longer has is refused.
    await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, reset.personId)).for("update");
    const current = await findReset(token, tx);
    if (!current) throw new DomainError("auth.reset.invalid");
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, current.id));
    const [person] = await tx
      .update(persons)
      .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(persons.id, current.personId))
      .returning({ organizationId: persons.organizationId, email: persons.email });
    await revokeAllSessions(current.personId, tx);
    await audit(
      {
        personId: current.personId,
        organizationId: person?.organizationId ?? null,
        ip: meta.ip,
        requestId: meta.requestId,
      },
      { action: "auth.password_reset", subjectType: "person", subjectId: current.personId },
      tx,
    );
    return person?.email;
  });
  if (email) await clearAccountLimits(email);
}

const inviteInput = personInput.extend({
  role: z.enum(ROLES, { message: "errors.invalid_choice" }),
  schoolId: z.string().optional(),
  title: z.string().trim().max(80, "errors.too_long").optional(),
});

/**
 * Invites a person to a school (or, for administrators, to the organization): creates the person if
 * new, gives the role, and emails a link to set a password. Inviting again sends a fresh link.
 */
export async function invitePerson(actor: Actor, input: Record<string, unknown>) {
  const data = parseInput(inviteInput, input);
  const orgRole = isOrganizationRole(data.role);
  let place: string;
  if (orgRole) {
    authorize(actor, "manage_staff", "organization", { organizationId: actor.organizationId });
    const [org] = await db()
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, actor.organizationId));
    place = org?.name ?? "";
  } else {
    const [school] = data.schoolId
      ? await db()
          .select({ id: schools.id, name: schools.name, organizationId: schools.organizationId })
          .from(schools)
          .where(
            eq(
              schools.id,
              z.uuid().safeParse(data.schoolId).success
                ? data.schoolId
                : "00000000-0000-0000-0000-000000000000",
            ),
          )
      : [];
    if (!school) throw new ValidationError({ schoolId: "errors.required" });
    authorize(actor, "manage_people", "school", {
      organizationId: school.organizationId,
      schoolId: school.id,
    });
    place = school.name;
  }
  const inviterName = await nameOf(actor.personId);
  const result = await db().transaction(async (tx) => {
    const ensured = await ensurePersonWithRole(tx, actor.organizationId, data, {
      role: data.role,
      schoolId: orgRole ? null : (data.schoolId ?? null),
      title: data.title || null,
    });
    const [person] = await tx
      .select({
        status: persons.status,
        email: persons.email,
        givenNames: persons.givenNames,
        locale: persons.locale,
      })
      .from(persons)
      .where(eq(persons.id, ensured.personId));
    if (!person) throw new NotFoundError();
    if (!ensured.created && !ensured.roleAdded && person.status === "active") {
      throw new ValidationError({ email: "people.errors.already_member" });
    }
    await sendInvitation(tx, actor, {
      personId: ensured.personId,
      person,
      inviter: inviterName,
      role: data.role,
      place,
    });
    await audit(
      actor,
      {
        action: "person.invite",
        subjectType: "person",
        subjectId: ensured.personId,
        details: { role: data.role, schoolId: data.schoolId ?? null },
      },
      tx,
    );
    return ensured;
  });
  return { personId: result.personId, created: result.created };
}

/**
 * Stores a new invitation for a person without an account (an active person gets a sign-in link
 * instead) and queues its email, in the caller's transaction.
 */
async function sendInvitation(
  tx: DbOrTx,
  actor: Actor,
  input: {
    personId: string;
    person: { status: string; email: string; givenNames: string; locale: string | null };
    inviter: string;
    role: string;
    place: string;
  },
) {
  const { person } = input;
  const { token, hash } = newToken();
  if (person.status === "invited") {
    await tx.insert(invitations).values({
      id: newId(),
      organizationId: actor.organizationId,
      personId: input.personId,
      tokenHash: hash,
      sentTo: person.email,
      invitedBy: actor.personId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
  }
  const t = translator(isLocale(person.locale) ? person.locale : "es-CL");
  const link =
    person.status === "invited" ? `${config().appUrl}/invitacion/${token}` : `${config().appUrl}/ingresar`;
  await queueEmail(
    {
      to: person.email,
      organizationId: actor.organizationId,
      subject: t("email.invitation.subject"),
      text: `${t("email.greeting", { name: person.givenNames })}\n\n${t("email.invitation.body", {
        inviter: input.inviter,
        role: t(`role.${input.role as Role}`),
        place: input.place,
        link,
      })}\n\n${t("email.signature")}`,
    },
    tx,
  );
}

async function nameOf(personId: string): Promise<string> {
  const [person] = await db()
    .select({ givenNames: persons.givenNames, familyNames: persons.familyNames })
    .from(persons)
    .where(eq(persons.id, personId));
  return `${person?.givenNames ?? ""} ${person?.familyNames ?? ""}`.trim();
}

/** The people of a school who have no account yet and no invitation still valid: who a bulk invitation reaches. */
function pendingOfSchool(tx: DbOrTx, schoolId: string) {
  return tx
    .selectDistinctOn([persons.id], {
      id: persons.id,
      status: persons.status,
      email: persons.email,
      givenNames: persons.givenNames,
      locale: persons.locale,
      role: memberships.role,
    })
    .from(persons)
    .innerJoin(memberships, and(eq(memberships.personId, persons.id), eq(memberships.schoolId, schoolId)))
    .where(
      and(
        eq(persons.status, "invited"),
        sql`NOT EXISTS (SELECT 1 FROM invitations i WHERE i.person_id = ${persons.id} AND i.accepted_at IS NULL AND i.expires_at > now())`,
      ),
    )
    .orderBy(persons.id, memberships.role);
}

async function schoolToManage(actor: Actor, schoolId: string) {
  if (!z.uuid().safeParse(schoolId).success) throw new NotFoundError();
  const [school] = await db()
    .select({ id: schools.id, name: schools.name, organizationId: schools.organizationId })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new NotFoundError();
  authorize(actor, "manage_people", "school", { organizationId: school.organizationId, schoolId: school.id });
  return school;
}

/** How many people of the school a bulk invitation would reach now. */
export async function countPendingInvitations(actor: Actor, schoolId: string): Promise<number> {
  const school = await schoolToManage(actor, schoolId);
  const rows = await pendingOfSchool(db(), school.id);
  return rows.length;
}

/**
 * Invites, in one go, everyone of a school who has no account and no valid invitation (for example
 * the teachers a roster import just added). Returns how many were invited; twice in a row invites nobody.
 */
export async function invitePendingOfSchool(actor: Actor, schoolId: string): Promise<number> {
  const school = await schoolToManage(actor, schoolId);
  const inviterName = await nameOf(actor.personId);
  return db().transaction(async (tx) => {
    // One bulk invitation per school at a time, so that two clicks never invite twice.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`invite-pending:${school.id}`}))`);
    const pending = await pendingOfSchool(tx, school.id);
    for (const person of pending) {
      await sendInvitation(tx, actor, {
        personId: person.id,
        person,
        inviter: inviterName,
        role: person.role,
        place: school.name,
      });
    }
    if (pending.length) {
      await audit(
        actor,
        {
          action: "school.invite_pending",
          subjectType: "school",
          subjectId: school.id,
          details: { count: pending.length },
        },
        tx,
      );
    }
    return pending.length;
  });
}

async function findInvitation(token: string, tx: DbOrTx = db()) {
  if (!token || token.length > 100) return undefined;
  const [row] = await tx
    .select({
      id: invitations.id,
      personId: invitations.personId,
      givenNames: persons.givenNames,
      email: persons.email,
      organizationId: persons.organizationId,
    })
    .from(invitations)
    // A link works only while the person's address is still the one it was sent to.
    .innerJoin(persons, and(eq(persons.id, invitations.personId), eq(persons.email, invitations.sentTo)))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        gt(invitations.expiresAt, new Date()),
        eq(persons.status, "invited"),
      ),
    );
  return row;
}

/** What the invitation page shows: whose account it activates. */
export async function getInvitation(token: string) {
  const row = await findInvitation(token);
  return row ? { givenNames: row.givenNames, email: row.email } : null;
}

/** Sets the password, activates the account and signs the person in. */
export async function acceptInvitation(token: string, input: Record<string, unknown>, meta: RequestMeta) {
  const pending = await findInvitation(token);
  if (!pending) throw new DomainError("auth.invitation.invalid");
  const { password } = parsePasswords(input);
  const passwordHash = await hashPassword(password);
  const personId = await db().transaction(async (tx) => {
    // The person's row first: a correction of the address under way finishes before the link is
    // checked again (the link works only for the address it was sent to).
    await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, pending.personId)).for("update");
    const invitation = await findInvitation(token, tx);
    if (!invitation) throw new DomainError("auth.invitation.invalid");
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(eq(invitations.personId, invitation.personId));
    await tx
      .update(persons)
      .set({ passwordHash, passwordChangedAt: new Date(), status: "active", updatedAt: new Date() })
      .where(eq(persons.id, invitation.personId));
    await audit(
      {
        personId: invitation.personId,
        organizationId: invitation.organizationId,
        ip: meta.ip,
        requestId: meta.requestId,
      },
      { action: "auth.invitation_accepted", subjectType: "person", subjectId: invitation.personId },
      tx,
    );
    return invitation.personId;
  });
  return createSession(personId, meta);
}

/** Whether the actor may invite into this school (used to show the invite form). */
export function canInvite(actor: Actor, school: { organizationId: string; id: string }) {
  return can(actor, "manage_people", "school", {
    organizationId: school.organizationId,
    schoolId: school.id,
  });
}
