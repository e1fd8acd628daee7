// Mentor pairings (issue #18): coordinators pair a mentor (a person of the organization) with one or
// more teachers of a school, from a start date to an optional end date; they change the end date or end
// a pairing at once. A pairing in force (not ended, today within its dates, the organization's day) is
// what lets the mentor read and observe the teacher there (platform/policy.ts `mentors`, loaded with
// the actor on every request); ending it removes that access on the very next request.
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { translator } from "../../messages";
import type { MessageKey } from "../../messages/translate";
import { audit } from "../../platform/audit/audit";
import { config } from "../../platform/config";
import { type DbOrTx, db } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { formatDay } from "../../platform/i18n/format";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize } from "../../platform/policy";
import { instantFromLocal } from "../../platform/time";
import { asText, optionalText, parseInput } from "../../platform/validation";
import { organizationToday } from "../people/actor";
import { memberships, persons, schools } from "../people/schema";
import { PAIRING_STATES, PAIRING_TEACHERS_MAX, PAIRINGS_PER_PAGE, type PairingState } from "./content";
import type { PairingSubject } from "./policy";
import { mentorPairings } from "./schema";

const p = mentorPairings;
const mentor = alias(persons, "mentor");
const teacher = alias(persons, "teacher");

/** In force on `today`: not ended, started, not past its end date. */
export const inForceSql = (today: string): SQL =>
  sql`(${p.endedAt} IS NULL AND ${p.startsOn} <= ${today}::date AND (${p.endsOn} IS NULL OR ${p.endsOn} >= ${today}::date))`;

/** Whether a pairing row is in force on `today` ("2026-11-25"). */
export function isInForce(
  row: { startsOn: string; endsOn: string | null; endedAt: Date | string | null },
  today = organizationToday(),
): boolean {
  return row.endedAt === null && row.startsOn <= today && (row.endsOn === null || row.endsOn >= today);
}

export type PairingStatus = "in_force" | "upcoming" | "ended";
export function statusOf(
  row: { startsOn: string; endsOn: string | null; endedAt: Date | string | null },
  today = organizationToday(),
): PairingStatus {
  if (isInForce(row, today)) return "in_force";
  if (row.endedAt === null && row.startsOn > today) return "upcoming";
  return "ended";
}

/** A real calendar day written as 2026-11-25 (what a date field sends). */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && instantFromLocal(value, "12:00", "America/Santiago") !== null;
}

export const pairingSubject = (row: {
  organizationId: string;
  mentorId: string;
  teacherId: string;
  schoolId: string;
  startsOn: string;
  endsOn: string | null;
  endedAt: Date | string | null;
}): PairingSubject => ({
  organizationId: row.organizationId,
  mentorId: row.mentorId,
  teacherId: row.teacherId,
  schoolId: row.schoolId,
  inForce: isInForce(row),
});

// ─── The coordinator's form ──────────────────────────────────────────────────────────────────────

/**
 * What the pairing form offers: the organization's schools, the people who may mentor (anyone of the
 * organization holding a school's mentor role, or a mentor certificate), and, once a school is chosen,
 * its teachers.
 */
export async function pairingOptions(actor: Actor, schoolId?: string) {
  authorize(actor, "manage", "pairing", { organizationId: actor.organizationId });
  const org = actor.organizationId;
  const [schoolRows, mentorRows] = await Promise.all([
    db()
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(eq(schools.organizationId, org))
      .orderBy(asc(schools.name)),
    db()
      .select({ id: persons.id, name: sql<string>`${persons.givenNames} || ' ' || ${persons.familyNames}` })
      .from(persons)
      .where(and(eq(persons.organizationId, org), eq(persons.status, "active"), isMentor(sql`${persons.id}`)))
      .orderBy(asc(persons.familyNames), asc(persons.givenNames)),
  ]);
  const school = schoolRows.find((s) => s.id === schoolId) ?? null;
  const teachers = school ? await teachersOf(org, school.id) : [];
  return { schools: schoolRows, mentors: mentorRows, school, teachers };
}

/** Who may be paired as a mentor: a mentor of some school, or the holder of a mentor certificate in force. */
function isMentor(personId: SQL) {
  return sql`(EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = ${personId} AND m.role = 'mentor')
    OR EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = ${personId} AND c.kind = 'mentor'
      AND c.revoked_at IS NULL))`;
}

function teachersOf(organizationId: string, schoolId: string, tx: DbOrTx = db()) {
  return tx
    .select({ id: persons.id, name: sql<string>`${persons.givenNames} || ' ' || ${persons.familyNames}` })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(
      and(
        eq(memberships.schoolId, schoolId),
        eq(memberships.role, "teacher"),
        eq(persons.organizationId, organizationId),
        sql`${persons.status} <> 'disabled'`,
      ),
    )
    .orderBy(asc(persons.familyNames), asc(persons.givenNames));
}

const pairInput = z.object({
  mentorId: z.preprocess(asText, z.string().trim().min(1, "mentoring.errors.mentor_required")),
  schoolId: z.preprocess(asText, z.string().trim().min(1, "mentoring.errors.school_required")),
  startsOn: z.preprocess(asText, z.string().trim().min(1, "mentoring.errors.date_invalid")),
  endsOn: optionalText(10),
});

/**
 * Pairs a mentor with teachers of a school. Refused whole (nothing written) when a teacher is not a
 * teacher of that school, is the mentor, or is already paired with that mentor there (in force or
 * planned). A pairing of the same three that ran out by its dates but was never ended is closed now
 * (the one "not ended" pairing per mentor, teacher and school). The mentor and each teacher are told
 * by email. Returns the new pairings' ids.
 */
export async function createPairings(
  actor: Actor,
  input: Record<string, unknown> & { teacherIds?: unknown },
): Promise<string[]> {
  authorize(actor, "manage", "pairing", { organizationId: actor.organizationId });
  const values = parseInput(pairInput, input);
  const teacherIds = [
    ...new Set((Array.isArray(input.teacherIds) ? input.teacherIds : []).map((v) => asText(v).trim())),
  ].filter(Boolean);
  const today = organizationToday();
  const errors: FieldErrors = {};
  if (!isDay(values.startsOn)) errors.startsOn = "mentoring.errors.date_invalid";
  if (values.endsOn && !isDay(values.endsOn)) errors.endsOn = "mentoring.errors.date_invalid";
  else if (values.endsOn && isDay(values.startsOn) && values.endsOn < values.startsOn)
    errors.endsOn = "mentoring.errors.end_before_start";
  else if (values.endsOn && values.endsOn < today) errors.endsOn = "mentoring.errors.end_in_past";
  if (teacherIds.length === 0) errors.teacherIds = "mentoring.errors.teachers_required";
  else if (teacherIds.length > PAIRING_TEACHERS_MAX) errors.teacherIds = "mentoring.errors.too_many_teachers";
  const org = actor.organizationId;
  const [mentorRow] = isUuid(values.mentorId)
    ? await db()
        .select({ id: persons.id, status: persons.status })
        .from(persons)
        .where(
          and(eq(persons.id, values.mentorId), eq(persons.organizationId, org), isMentor(sql`${persons.id}`)),
        )
    : [];
  if (!mentorRow || mentorRow.status === "disabled") errors.mentorId = "mentoring.errors.mentor_unknown";
  const [schoolRow] = isUuid(values.schoolId)
    ? await db()
        .select({ id: schools.id })
        .from(schools)
        .where(and(eq(schools.id, values.schoolId), eq(schools.organizationId, org)))
    : [];
  if (!schoolRow) errors.schoolId = "mentoring.errors.school_required";
  if (!errors.teacherIds && schoolRow) {
    const taught = new Set((await teachersOf(org, schoolRow.id)).map((t) => t.id));
    if (teacherIds.some((id) => !taught.has(id))) errors.teacherIds = "mentoring.errors.not_a_teacher";
    else if (teacherIds.includes(values.mentorId)) errors.teacherIds = "mentoring.errors.mentor_is_teacher";
  }
  if (Object.keys(errors).length || !schoolRow || !mentorRow) throw new ValidationError(errors);
  const schoolId = schoolRow.id;
  const mentorId = mentorRow.id;
  const endsOn = values.endsOn || null;
  const ids: string[] = [];
  await db().transaction(async (tx) => {
    // Serialize pairings of this mentor (two coordinators at once): the partial unique index refuses
    // the second; the lock makes it a clear message instead.
    await tx.execute(sql`SELECT id FROM persons WHERE id = ${mentorId} FOR UPDATE`);
    const live = await tx
      .select({
        id: p.id,
        teacherId: p.teacherId,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        endedAt: p.endedAt,
      })
      .from(p)
      .where(
        and(
          eq(p.mentorId, mentorId),
          eq(p.schoolId, schoolId),
          inArray(p.teacherId, teacherIds),
          isNull(p.endedAt),
        ),
      );
    const blocking = live.filter((row) => statusOf(row, today) !== "ended");
    if (blocking.length) throw new ValidationError({ teacherIds: "mentoring.errors.already_paired" });
    // ran out by their dates, never ended: closed now, so the new pairing is the one not ended
    if (live.length)
      await tx
        .update(p)
        .set({ endedAt: new Date(), endedBy: actor.personId })
        .where(
          inArray(
            p.id,
            live.map((row) => row.id),
          ),
        );
    const rows = teacherIds.map((teacherId) => ({
      id: newId(),
      organizationId: org,
      mentorId,
      teacherId,
      schoolId,
      startsOn: values.startsOn,
      endsOn,
      createdBy: actor.personId,
    }));
    await tx.insert(p).values(rows);
    for (const { id, teacherId } of rows) {
      ids.push(id);
      await audit(
        actor,
        {
          action: "pairing.created",
          subjectType: "mentor_pairing",
          subjectId: id,
          details: { mentorId, teacherId, schoolId, startsOn: values.startsOn, endsOn },
        },
        tx,
      );
    }
    await tellPairing(tx, org, mentorId, teacherIds, schoolId, values.startsOn, endsOn);
  });
  return ids;
}

/** Emails the mentor (one message naming their mentees) and each teacher (naming their mentor). */
async function tellPairing(
  tx: DbOrTx,
  organizationId: string,
  mentorId: string,
  teacherIds: string[],
  schoolId: string,
  startsOn: string,
  endsOn: string | null,
) {
  const people = await tx
    .select({
      id: persons.id,
      email: persons.email,
      locale: persons.locale,
      givenNames: persons.givenNames,
      name: sql<string>`${persons.givenNames} || ' ' || ${persons.familyNames}`,
      status: persons.status,
    })
    .from(persons)
    .where(inArray(persons.id, [mentorId, ...teacherIds]));
  const [school] = await tx.select({ name: schools.name }).from(schools).where(eq(schools.id, schoolId));
  const byId = new Map(people.map((x) => [x.id, x]));
  const mentorRow = byId.get(mentorId);
  const link = `${config().appUrl}/mentoria`;
  const send = async (to: (typeof people)[number], intro: MessageKey, params: Record<string, string>) => {
    if (to.status !== "active") return;
    const t = translator(isLocale(to.locale) ? to.locale : "es-CL");
    const dates = endsOn
      ? t("mentoring.email.dates_until", { start: formatDay(startsOn), end: formatDay(endsOn) })
      : t("mentoring.email.dates_open", { start: formatDay(startsOn) });
    await queueEmail(
      {
        to: to.email,
        organizationId,
        subject: t("mentoring.email.paired_subject"),
        text: [
          t("email.greeting", { name: to.givenNames }),
          t(intro, { ...params, school: school?.name ?? "" }),
          dates,
          t("mentoring.email.link", { link }),
          t("email.signature"),
        ].join("\n\n"),
      },
      tx,
    );
  };
  if (mentorRow) {
    const names = teacherIds.map((id) => byId.get(id)?.name ?? "").join(", ");
    await send(mentorRow, "mentoring.email.paired_mentor", { teachers: names });
  }
  for (const id of teacherIds) {
    const t = byId.get(id);
    if (t) await send(t, "mentoring.email.paired_teacher", { mentor: mentorRow?.name ?? "" });
  }
}

// ─── The list ────────────────────────────────────────────────────────────────────────────────────

export interface PairingFilters {
  schoolId?: string;
  mentorId?: string;
  state?: string;
  page?: number;
}

/** The organization's pairings, filtered by school, mentor and state; newest first. Coordinators. */
export async function listPairings(actor: Actor, filters: PairingFilters) {
  authorize(actor, "manage", "pairing", { organizationId: actor.organizationId });
  const today = organizationToday();
  const state: PairingState = (PAIRING_STATES as readonly string[]).includes(filters.state ?? "")
    ? (filters.state as PairingState)
    : "in_force";
  const conditions: SQL[] = [eq(p.organizationId, actor.organizationId)];
  if (filters.schoolId && isUuid(filters.schoolId)) conditions.push(eq(p.schoolId, filters.schoolId));
  if (filters.mentorId && isUuid(filters.mentorId)) conditions.push(eq(p.mentorId, filters.mentorId));
  if (state === "in_force") conditions.push(inForceSql(today));
  if (state === "upcoming") conditions.push(sql`${p.endedAt} IS NULL AND ${p.startsOn} > ${today}::date`);
  if (state === "ended") conditions.push(sql`(${p.endedAt} IS NOT NULL OR ${p.endsOn} < ${today}::date)`);
  const page = Math.max(1, Math.min(10_000, Math.floor(filters.page ?? 1)));
  const rows = await db()
    .select({
      id: p.id,
      mentorId: p.mentorId,
      mentorName: sql<string>`${mentor.givenNames} || ' ' || ${mentor.familyNames}`,
      teacherId: p.teacherId,
      teacherName: sql<string>`${teacher.givenNames} || ' ' || ${teacher.familyNames}`,
      schoolId: p.schoolId,
      schoolName: schools.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      endedAt: p.endedAt,
    })
    .from(p)
    .innerJoin(mentor, eq(mentor.id, p.mentorId))
    .innerJoin(teacher, eq(teacher.id, p.teacherId))
    .innerJoin(schools, eq(schools.id, p.schoolId))
    .where(and(...conditions))
    .orderBy(desc(p.startsOn), asc(mentor.familyNames), asc(teacher.familyNames), asc(p.id))
    .limit(PAIRINGS_PER_PAGE + 1)
    .offset((page - 1) * PAIRINGS_PER_PAGE);
  return {
    state,
    page,
    more: rows.length > PAIRINGS_PER_PAGE,
    pairings: rows.slice(0, PAIRINGS_PER_PAGE).map((r) => ({ ...r, status: statusOf(r, today) })),
  };
}

// ─── One pairing ─────────────────────────────────────────────────────────────────────────────────

/** A pairing with its people, for whoever may read it (coordinators, its mentor in force, its teacher). */
export async function pairingFor(actor: Actor, pairingId: string) {
  if (!isUuid(pairingId)) throw new NotFoundError();
  const [row] = await db()
    .select({
      id: p.id,
      organizationId: p.organizationId,
      mentorId: p.mentorId,
      mentorName: sql<string>`${mentor.givenNames} || ' ' || ${mentor.familyNames}`,
      teacherId: p.teacherId,
      teacherName: sql<string>`${teacher.givenNames} || ' ' || ${teacher.familyNames}`,
      schoolId: p.schoolId,
      schoolName: schools.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      endedAt: p.endedAt,
    })
    .from(p)
    .innerJoin(mentor, eq(mentor.id, p.mentorId))
    .innerJoin(teacher, eq(teacher.id, p.teacherId))
    .innerJoin(schools, eq(schools.id, p.schoolId))
    .where(eq(p.id, pairingId));
  if (!row) throw new NotFoundError();
  const subject = pairingSubject(row);
  authorize(actor, "read", "pairing", subject);
  return { ...row, status: statusOf(row), subject };
}

/** A pairing not yet ended, for a coordinator to change (404 for anyone else, or ended). */
async function livePairing(actor: Actor, pairingId: string, tx: DbOrTx) {
  authorize(actor, "manage", "pairing", { organizationId: actor.organizationId });
  if (!isUuid(pairingId)) throw new NotFoundError();
  const [row] = await tx
    .select({
      id: p.id,
      organizationId: p.organizationId,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      endedAt: p.endedAt,
    })
    .from(p)
    .where(and(eq(p.id, pairingId), eq(p.organizationId, actor.organizationId)))
    .for("update");
  if (!row) throw new NotFoundError();
  return row;
}

/** Changes (or clears) a pairing's end date. An ended pairing cannot be changed. */
export async function changePairingEnd(actor: Actor, pairingId: string, input: Record<string, unknown>) {
  const endsOn = asText(input.endsOn).trim();
  await db().transaction(async (tx) => {
    const row = await livePairing(actor, pairingId, tx);
    if (row.endedAt) throw new DomainError("mentoring.errors.pairing_ended");
    if (endsOn && !isDay(endsOn)) throw new ValidationError({ endsOn: "mentoring.errors.date_invalid" });
    if (endsOn && endsOn < row.startsOn)
      throw new ValidationError({ endsOn: "mentoring.errors.end_before_start" });
    if (endsOn && endsOn < organizationToday())
      throw new ValidationError({ endsOn: "mentoring.errors.end_in_past" });
    if ((row.endsOn ?? "") === endsOn) return;
    await tx
      .update(p)
      .set({ endsOn: endsOn || null })
      .where(eq(p.id, row.id));
    await audit(
      actor,
      {
        action: "pairing.end_date_changed",
        subjectType: "mentor_pairing",
        subjectId: row.id,
        details: { from: row.endsOn, to: endsOn || null },
      },
      tx,
    );
  });
}

/**
 * Ends a pairing now: the mentor's access to the teacher's record ends on their next request. Ending
 * an ended pairing changes nothing (a second click).
 */
export async function endPairing(actor: Actor, pairingId: string) {
  await db().transaction(async (tx) => {
    const row = await livePairing(actor, pairingId, tx);
    if (row.endedAt) return;
    await tx.update(p).set({ endedAt: new Date(), endedBy: actor.personId }).where(eq(p.id, row.id));
    await audit(actor, { action: "pairing.ended", subjectType: "mentor_pairing", subjectId: row.id }, tx);
  });
}

/** The pairings of which the actor is the teacher (their mentors), newest first, ended included. */
export async function myMentors(actor: Actor) {
  const today = organizationToday();
  const rows = await db()
    .select({
      id: p.id,
      organizationId: p.organizationId,
      mentorId: p.mentorId,
      mentorName: sql<string>`${mentor.givenNames} || ' ' || ${mentor.familyNames}`,
      teacherId: p.teacherId,
      schoolId: p.schoolId,
      schoolName: schools.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      endedAt: p.endedAt,
      sessions: sql<number>`(SELECT count(*)::int FROM mentoring_sessions ms WHERE ms.pairing_id = ${p.id})`,
      lastSessionOn: sql<
        string | null
      >`(SELECT max(ms.held_on)::text FROM mentoring_sessions ms WHERE ms.pairing_id = ${p.id})`,
    })
    .from(p)
    .innerJoin(mentor, eq(mentor.id, p.mentorId))
    .innerJoin(schools, eq(schools.id, p.schoolId))
    .where(and(eq(p.teacherId, actor.personId), eq(p.organizationId, actor.organizationId)))
    .orderBy(desc(p.startsOn), asc(p.id));
  return rows.map((r) => ({ ...r, status: statusOf(r, today) }));
}

/** Whether the actor is the teacher of some pairing in force (the home card, the /mentoria page). */
export async function hasMentor(actor: Actor): Promise<boolean> {
  const [row] = await db()
    .select({ id: p.id })
    .from(p)
    .where(
      and(
        eq(p.teacherId, actor.personId),
        eq(p.organizationId, actor.organizationId),
        inForceSql(organizationToday()),
      ),
    )
    .limit(1);
  return !!row;
}
