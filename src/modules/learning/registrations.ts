// Registration for an open workshop (issue #16 §5): anyone, without an account, takes a place in a
// published cohort; past its capacity they wait, in order of arrival, and move up by themselves when
// a confirmed place is cancelled. The same email twice is one registration. Every registration of a
// cohort takes the cohort's row lock, so 200 people at once for the last 30 places give exactly 30
// confirmed and 170 waiting, numbered in the order the server took them.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { clientNetwork, hit, type Limit } from "../../platform/auth/rate-limit";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { db, rowsOf, type Tx } from "../../platform/db/client";
import { NotFoundError, RateLimitedError } from "../../platform/errors";
import { isLocale, type Locale } from "../../platform/i18n/i18n";
import { newId } from "../../platform/ids";
import { searchable } from "../../platform/text";
import { isTimeZone } from "../../platform/time";
import { parseInput } from "../../platform/validation";
import { emailField, normalizeRut, REGIONS } from "../people";
import { COUNTRIES } from "./countries";
import { queueRegistrationEmail } from "./emails";
import { cohorts, courses, PARTICIPANT_ROLES, type RegistrationStatus, registrations } from "./schema";

export const registrationInput = z
  .object({
    fullName: z.string().trim().min(1, "errors.required").max(120, "errors.too_long"),
    email: emailField,
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((c) => (COUNTRIES as readonly string[]).includes(c), "errors.invalid_choice"),
    role: z.enum(PARTICIPANT_ROLES, { message: "errors.invalid_choice" }),
    institution: z.string().trim().max(160, "errors.too_long").default(""),
    timeZone: z
      .string()
      .trim()
      .default("America/Santiago")
      .refine((zone) => isTimeZone(zone), "learning.errors.time_zone_invalid"),
    rut: z
      .string()
      .trim()
      .max(20, "errors.too_long")
      .default("")
      .transform((value, ctx) => {
        if (value === "") return null;
        const rut = normalizeRut(value);
        if (!rut) ctx.addIssue({ code: "custom", message: "errors.invalid_rut" });
        return rut;
      }),
    /** region, state or province; optional */
    region: z.string().trim().max(80, "errors.too_long").default(""),
  })
  .transform((data) => ({ ...data, region: regionOf(data.country, data.region) }));

const chileanRegions = new Map(
  REGIONS.flatMap((r) => [
    [searchable(r.name), r.shortName],
    [searchable(r.shortName), r.shortName],
  ]),
);

/**
 * A region as reports group it: a Chilean region by its short name however it was typed ("region
 * metropolitana de santiago", "Metropolitana de Santiago"), anything else as typed.
 */
export function regionOf(country: string, typed: string): string {
  const region = typed.replace(/\s+/g, " ").trim();
  if (country !== "CL" || region === "") return region;
  const key = searchable(region);
  return chileanRegions.get(key) ?? chileanRegions.get(searchable(`Región de ${region}`)) ?? region;
}

/**
 * A public form that sends an email: registrations from one network, and registrations that write to
 * one address, are limited per hour (whoever fills in someone else's address cannot flood it).
 */
export const REGISTRATION_LIMITS = {
  perNetwork: { max: 30, windowMs: 3_600_000 },
  perAddress: { max: 5, windowMs: 3_600_000 },
} satisfies Record<string, Limit>;

export interface RegistrationResult {
  registrationId: string;
  status: Exclude<RegistrationStatus, "cancelled">;
  /** place in the waiting list (1: next to move up); null when confirmed */
  waitingPlace: number | null;
  /** the secret of the cancel link (a fresh one each time: only its hash is kept) */
  cancelToken: string;
  /** this email had a place already: nothing new was taken */
  alreadyRegistered: boolean;
}

/** Takes a place (or a place in the waiting list) in a published open workshop's cohort. */
export async function registerForCohort(
  cohortId: string,
  input: Record<string, unknown>,
  {
    now = new Date(),
    locale = "es-CL",
    signedIn,
    from,
  }: {
    now?: Date;
    locale?: Locale;
    /** the person signed in, if any: the registration is theirs when it carries their address */
    signedIn?: { personId: string; email: string };
    /** the client's address, for the limits (a form on the public page) */
    from?: { ip: string };
  } = {},
): Promise<RegistrationResult> {
  const data = parseInput(registrationInput, input);
  if (from) {
    const [network, address] = await Promise.all([
      hit(`registration:${clientNetwork(from.ip)}`, REGISTRATION_LIMITS.perNetwork),
      hit(`registration-to:${data.email}`, REGISTRATION_LIMITS.perAddress),
    ]);
    if (!network || !address) throw new RateLimitedError();
  }
  const personId = signedIn && signedIn.email.toLowerCase() === data.email ? signedIn.personId : null;
  return placeRegistration(cohortId, data, {
    personId,
    locale: isLocale(locale) ? locale : "es-CL",
    now,
    workshopsOnly: true,
  });
}

export type RegistrationData = z.infer<typeof registrationInput>;

/**
 * Takes a place in a cohort (or finds the one the address already holds) and queues its email, in one
 * transaction under the cohort's row lock: the one way a registration is made, from the public form
 * (published workshops) or by a coordinator (any course's cohort that is not cancelled).
 */
export async function placeRegistration(
  cohortId: string,
  data: RegistrationData,
  options: {
    personId: string | null;
    locale: Locale;
    now: Date;
    workshopsOnly: boolean;
    /** someone registering again gets their email again (the public form); a coordinator's list sent twice does not */
    resendIfRegistered?: boolean;
  },
): Promise<RegistrationResult> {
  const cancel = newToken();
  const result = await db().transaction(async (tx) => {
    const registered = await takePlace(tx, cohortId, data, cancel, options);
    if (registered.alreadyRegistered && options.resendIfRegistered === false) return registered;
    // The confirmation (or the waiting list's place) with the cancel link: queued with the place.
    await queueRegistrationEmail(tx, {
      organizationId: registered.organizationId,
      cohortId,
      to: data.email,
      fullName: data.fullName,
      status: registered.status,
      waitingPlace: registered.waitingPlace,
      cancelToken: cancel.token,
      timeZone: data.timeZone,
      locale: options.locale,
    });
    return registered;
  });
  const { organizationId: _, ...answer } = result;
  return answer;
}

async function takePlace(
  tx: Tx,
  cohortId: string,
  data: RegistrationData,
  cancel: { token: string; hash: string },
  {
    personId,
    locale: language,
    now,
    workshopsOnly,
    resendIfRegistered,
  }: {
    personId: string | null;
    locale: Locale;
    now: Date;
    workshopsOnly: boolean;
    resendIfRegistered?: boolean;
  },
): Promise<RegistrationResult & { organizationId: string }> {
  // The cohort's row lock: one registration of this cohort at a time, in the order they arrive.
  const [cohort] = await tx
    .select({
      organizationId: cohorts.organizationId,
      capacity: cohorts.capacity,
      lastPosition: cohorts.lastPosition,
    })
    .from(cohorts)
    .innerJoin(courses, eq(courses.id, cohorts.courseId))
    .where(
      workshopsOnly
        ? and(eq(cohorts.id, cohortId), eq(cohorts.status, "published"), eq(courses.kind, "workshop"))
        : and(eq(cohorts.id, cohortId), sql`${cohorts.status} <> 'cancelled'`),
    )
    .for("update", { of: cohorts });
  if (!cohort) throw new NotFoundError();
  const [existing] = await tx
    .select({ id: registrations.id, status: registrations.status, position: registrations.position })
    .from(registrations)
    .where(and(eq(registrations.cohortId, cohortId), eq(registrations.email, data.email)));
  if (existing && existing.status !== "cancelled") {
    // a new cancel link only with a new email (otherwise the one sent before keeps working)
    if (resendIfRegistered !== false)
      await tx
        .update(registrations)
        .set({ cancelTokenHash: cancel.hash })
        .where(eq(registrations.id, existing.id));
    return {
      organizationId: cohort.organizationId,
      registrationId: existing.id,
      status: existing.status,
      waitingPlace:
        existing.status === "waiting" ? await waitingPlaceOf(tx, cohortId, existing.position) : null,
      cancelToken: cancel.token,
      alreadyRegistered: true,
    };
  }
  const [{ confirmed }] = (await tx
    .select({ confirmed: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.cohortId, cohortId), eq(registrations.status, "confirmed")))) as [
    { confirmed: number },
  ];
  const status = cohort.capacity === null || confirmed < cohort.capacity ? "confirmed" : "waiting";
  const position = cohort.lastPosition + 1;
  await tx.update(cohorts).set({ lastPosition: position }).where(eq(cohorts.id, cohortId));
  const values = {
    fullName: data.fullName,
    country: data.country,
    role: data.role,
    institution: data.institution,
    rut: data.rut,
    region: data.region,
    personId,
    timeZone: data.timeZone,
    locale: language,
    status,
    position,
    cancelTokenHash: cancel.hash,
    createdAt: now,
    confirmedAt: status === "confirmed" ? now : null,
    cancelledAt: null,
  } as const;
  let registrationId: string;
  if (existing) {
    // Registering again after cancelling: a new place at the end.
    await tx.update(registrations).set(values).where(eq(registrations.id, existing.id));
    registrationId = existing.id;
  } else {
    registrationId = newId();
    await tx.insert(registrations).values({
      id: registrationId,
      organizationId: cohort.organizationId,
      cohortId,
      email: data.email,
      ...values,
    });
  }
  return {
    organizationId: cohort.organizationId,
    registrationId,
    status,
    waitingPlace: status === "waiting" ? await waitingPlaceOf(tx, cohortId, position) : null,
    cancelToken: cancel.token,
    alreadyRegistered: false,
  };
}

async function waitingPlaceOf(tx: Tx, cohortId: string, position: number): Promise<number> {
  const [{ ahead }] = (await tx
    .select({ ahead: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.cohortId, cohortId),
        eq(registrations.status, "waiting"),
        sql`${registrations.position} < ${position}`,
      ),
    )) as [{ ahead: number }];
  return ahead + 1;
}

export interface CancellationResult {
  registrationId: string;
  cohortId: string;
  /** the registration that moved up from the waiting list into the freed place, if any */
  promotedId: string | null;
}

/**
 * Cancels the registration the cancel link names. A confirmed place that frees goes to the first in
 * the waiting list. Cancelling twice is the same as once; an unknown link is "not found".
 */
export async function cancelRegistration(cancelToken: string, now = new Date()): Promise<CancellationResult> {
  if (!cancelToken || cancelToken.length > 200) throw new NotFoundError();
  const hash = hashToken(cancelToken);
  const [found] = await db()
    .select({ id: registrations.id, cohortId: registrations.cohortId })
    .from(registrations)
    .where(eq(registrations.cancelTokenHash, hash));
  if (!found) throw new NotFoundError();
  return db().transaction(async (tx) => {
    const [cohort] = await tx
      .select({ capacity: cohorts.capacity })
      .from(cohorts)
      .where(eq(cohorts.id, found.cohortId))
      .for("update");
    const [registration] = await tx
      .select({ status: registrations.status })
      .from(registrations)
      .where(and(eq(registrations.id, found.id), eq(registrations.cancelTokenHash, hash)));
    if (!cohort || !registration) throw new NotFoundError();
    if (registration.status === "cancelled")
      return { registrationId: found.id, cohortId: found.cohortId, promotedId: null };
    await tx
      .update(registrations)
      .set({ status: "cancelled", cancelledAt: now })
      .where(eq(registrations.id, found.id));
    const promoted = await fillPlaces(tx, found.cohortId, cohort.capacity, now);
    // Whoever moved up is told, with a new cancel link (only its hash is kept).
    for (const id of promoted) {
      const [person] = await tx
        .select({
          organizationId: registrations.organizationId,
          email: registrations.email,
          fullName: registrations.fullName,
          timeZone: registrations.timeZone,
          locale: registrations.locale,
        })
        .from(registrations)
        .where(eq(registrations.id, id));
      if (!person) continue;
      const link = newToken();
      await tx.update(registrations).set({ cancelTokenHash: link.hash }).where(eq(registrations.id, id));
      await queueRegistrationEmail(tx, {
        organizationId: person.organizationId,
        cohortId: found.cohortId,
        to: person.email,
        fullName: person.fullName,
        status: "confirmed",
        waitingPlace: null,
        cancelToken: link.token,
        timeZone: person.timeZone,
        locale: isLocale(person.locale) ? person.locale : "es-CL",
      });
    }
    return { registrationId: found.id, cohortId: found.cohortId, promotedId: promoted[0] ?? null };
  });
}

/** Moves the first waiting registrations up into the cohort's free places (under its row lock). */
async function fillPlaces(tx: Tx, cohortId: string, capacity: number | null, now: Date): Promise<string[]> {
  const [{ confirmed }] = (await tx
    .select({ confirmed: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.cohortId, cohortId), eq(registrations.status, "confirmed")))) as [
    { confirmed: number },
  ];
  const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - confirmed;
  if (free <= 0) return [];
  // One statement: the first `free` of the waiting list, in order of arrival.
  const moved = await rowsOf<{ id: string; position: number }>(
    tx,
    sql`UPDATE registrations SET status = 'confirmed', confirmed_at = ${now.toISOString()}::timestamptz
      WHERE id IN (SELECT id FROM registrations WHERE cohort_id = ${cohortId} AND status = 'waiting'
        ORDER BY position LIMIT ${Math.min(free, 100_000)})
      RETURNING id, position`,
  );
  return moved.sort((a, b) => a.position - b.position).map((r) => r.id);
}
