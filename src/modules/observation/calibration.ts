// Calibration (issue #3, item 8): a coordinator sets up a class that several observers score with the
// same instrument version (a class they attend together, or a linked video); one of them is the
// reference. Each observer scores every scored indicator and sends; once the coordinator closes it,
// each observer's agreement with the reference (n, exact, adjacent, Cohen's kappa) is computed, and an
// observer who drifts is flagged. The check of ratings against school IVE is in ive-report.ts.
// Who sees what: policy.ts (coordinators everything; a participant their own figures once closed).
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db, intArray, textArray } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Action, type Actor, authorize, can, type TenantSubject } from "../../platform/policy";
import { instantFromLocal } from "../../platform/time";
import { asText } from "../../platform/validation";
import { memberships, persons, schools } from "../people";
import { type Agreement, agreement, drifts, driftsPersistently, pairLevels, spread } from "./agreement";
import type { IndicatorDef, InstrumentContent } from "./content";
import type { CalibrationSubject } from "./policy";
import {
  type CalibrationStatus,
  calibrationParticipants,
  calibrationScores,
  calibrations,
  instruments,
  instrumentVersions,
} from "./schema";
import { indicatorsOf, personName, publishedInstruments } from "./visits";

export const CALIBRATION_LIMITS = { title: 120, classContext: 200, videoUrl: 500 } as const;

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────────

interface LoadedSubject extends CalibrationSubject {
  referenceScorerId: string;
  instrumentVersionId: string;
  participants: Array<{ personId: string; submittedAt: Date | null }>;
}

async function calibrationSubject(
  tenant: TenantSubject,
  id: string,
  tx: DbOrTx = db(),
): Promise<LoadedSubject | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select({
      organizationId: calibrations.organizationId,
      status: calibrations.status,
      referenceScorerId: calibrations.referenceScorerId,
      instrumentVersionId: calibrations.instrumentVersionId,
    })
    .from(calibrations)
    .where(and(eq(calibrations.id, id), eq(calibrations.organizationId, tenant.organizationId)));
  if (!row) return null;
  const participants = await tx
    .select({ personId: calibrationParticipants.personId, submittedAt: calibrationParticipants.submittedAt })
    .from(calibrationParticipants)
    .where(eq(calibrationParticipants.calibrationId, id));
  return { ...row, participants, participantIds: participants.map((p) => p.personId) };
}

async function authorizedCalibration(
  actor: Actor,
  action: Action<"calibration">,
  id: string,
  tx: DbOrTx = db(),
) {
  const subject = await calibrationSubject(actor, id, tx);
  if (!subject) throw new NotFoundError();
  authorize(actor, action, "calibration", subject);
  return subject;
}

export const scoredIndicators = (content: InstrumentContent): IndicatorDef[] =>
  indicatorsOf(content).filter((i) => i.kind === "scored");

/** The latest published version of each instrument of the organization that has scored indicators. */
export async function scorableInstruments(organizationId: string) {
  const latest = await publishedInstruments(organizationId);
  if (latest.length === 0) return [];
  const contents = await db()
    .select({ id: instrumentVersions.id, content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(
      inArray(
        instrumentVersions.id,
        latest.map((i) => i.versionId),
      ),
    );
  const scorable = new Set(contents.filter((v) => scoredIndicators(v.content).length > 0).map((v) => v.id));
  return latest.filter((i) => scorable.has(i.versionId)).sort((a, b) => a.name.localeCompare(b.name, "es"));
}

/** The calibrations the actor may see: all of the organization for a coordinator, else their own. */
export async function listCalibrations(actor: Actor) {
  const org = { organizationId: actor.organizationId };
  authorize(actor, "list", "calibration", org);
  const all = can(actor, "create", "calibration", org);
  const mine = alias(calibrationParticipants, "mine");
  const rows = await db()
    .select({
      id: calibrations.id,
      title: calibrations.title,
      status: calibrations.status,
      heldOn: calibrations.heldOn,
      createdAt: calibrations.createdAt,
      closedAt: calibrations.closedAt,
      instrumentName: instruments.name,
      schoolName: schools.name,
      classContext: calibrations.classContext,
      participants: sql<number>`(SELECT count(*)::int FROM calibration_participants p WHERE p.calibration_id = "calibrations"."id")`,
      submitted: sql<number>`(SELECT count(*)::int FROM calibration_participants p WHERE p.calibration_id = "calibrations"."id" AND p.submitted_at IS NOT NULL)`,
      participates: sql<boolean>`${mine.personId} IS NOT NULL`,
      mySubmittedAt: mine.submittedAt,
    })
    .from(calibrations)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, calibrations.instrumentVersionId))
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .leftJoin(schools, eq(schools.id, calibrations.schoolId))
    .leftJoin(mine, and(eq(mine.calibrationId, calibrations.id), eq(mine.personId, actor.personId)))
    .where(
      and(eq(calibrations.organizationId, actor.organizationId), all ? undefined : isNotNull(mine.personId)),
    )
    .orderBy(desc(calibrations.createdAt));
  return {
    calibrations: rows.map((r) => ({
      ...r,
      // Who has sent is the coordinator's business.
      submitted: all ? r.submitted : null,
      toScore: r.participates && r.status === "open" && !r.mySubmittedAt,
    })),
    canCreate: all,
    canReport: can(actor, "read_ive_report", "calibration", org),
  };
}

/** Leaders and mentors of the organization: who may be chosen to score a calibration. */
async function observersOf(organizationId: string, tx: DbOrTx = db()) {
  const rows = await tx
    .select({ id: persons.id, name: personName, role: memberships.role, schoolName: schools.name })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .innerJoin(schools, eq(schools.id, memberships.schoolId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(persons.organizationId, organizationId),
        inArray(memberships.role, ["leader", "mentor"]),
        ne(persons.status, "disabled"),
      ),
    )
    .orderBy(asc(persons.familyNames), asc(persons.givenNames), asc(schools.name));
  const byId = new Map<
    string,
    { id: string; name: string; roles: Array<{ role: string; schoolName: string }> }
  >();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    entry.roles.push({ role: r.role, schoolName: r.schoolName });
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

/** What the form of a calibration offers: instruments, schools and observers; and its values when editing. */
export async function calibrationForm(actor: Actor, id?: string) {
  let current: Awaited<ReturnType<typeof calibrationValues>> | null = null;
  if (id === undefined) authorize(actor, "create", "calibration", { organizationId: actor.organizationId });
  else {
    await authorizedCalibration(actor, "update", id);
    current = await calibrationValues(id);
  }
  const [instrumentRows, schoolRows, observers] = await Promise.all([
    scorableInstruments(actor.organizationId),
    db()
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(eq(schools.organizationId, actor.organizationId))
      .orderBy(asc(schools.name)),
    observersOf(actor.organizationId),
  ]);
  const versions = instrumentRows.map((i) => ({ id: i.versionId, name: i.name, version: i.version }));
  // Editing keeps the version it was set up with, even when a newer one was published since.
  if (current && !versions.some((v) => v.id === current?.instrumentVersionId)) {
    const [kept] = await db()
      .select({ id: instrumentVersions.id, name: instruments.name, version: instrumentVersions.version })
      .from(instrumentVersions)
      .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
      .where(eq(instrumentVersions.id, current.instrumentVersionId));
    if (kept) versions.unshift(kept);
  }
  return { versions, schools: schoolRows, observers, current };
}

async function calibrationValues(id: string) {
  const [row] = await db()
    .select({
      id: calibrations.id,
      title: calibrations.title,
      instrumentVersionId: calibrations.instrumentVersionId,
      schoolId: calibrations.schoolId,
      classContext: calibrations.classContext,
      heldOn: calibrations.heldOn,
      videoUrl: calibrations.videoUrl,
      referenceScorerId: calibrations.referenceScorerId,
    })
    .from(calibrations)
    .where(eq(calibrations.id, id));
  if (!row) throw new NotFoundError();
  const participants = await db()
    .select({ personId: calibrationParticipants.personId })
    .from(calibrationParticipants)
    .where(eq(calibrationParticipants.calibrationId, id));
  return { ...row, participantIds: participants.map((p) => p.personId) };
}

// ─── Setting up ──────────────────────────────────────────────────────────────────────────────────

/** A link to a recorded class: http or https only. */
export function isVideoUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** The checkbox of each participant in the form. */
export const participantField = (personId: string) => `participant_${personId}`;

async function checkCalibrationInput(actor: Actor, input: Record<string, unknown>, tx: DbOrTx) {
  const str = (key: string) => asText(input[key]).trim();
  const errors: FieldErrors = {};
  const title = str("title");
  if (title === "") errors.title = "errors.required";
  else if (title.length > CALIBRATION_LIMITS.title) errors.title = "calibration.errors.too_long";

  const instrumentVersionId = str("instrumentVersionId");
  const [version] = isUuid(instrumentVersionId)
    ? await tx
        .select({ id: instrumentVersions.id, content: instrumentVersions.content })
        .from(instrumentVersions)
        .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
        .where(
          and(
            eq(instrumentVersions.id, instrumentVersionId),
            eq(instrumentVersions.organizationId, actor.organizationId),
            eq(instrumentVersions.status, "published"),
            isNull(instruments.archivedAt),
          ),
        )
    : [];
  // Only an instrument with levels to give can be calibrated.
  if (!version || scoredIndicators(version.content).length === 0)
    errors.instrumentVersionId = "calibration.errors.instrument_required";

  const schoolId = str("schoolId");
  if (schoolId !== "") {
    const [school] = isUuid(schoolId)
      ? await tx
          .select({ id: schools.id })
          .from(schools)
          .where(and(eq(schools.id, schoolId), eq(schools.organizationId, actor.organizationId)))
      : [];
    if (!school) errors.schoolId = "errors.invalid_choice";
  }
  const classContext = str("classContext");
  if (classContext.length > CALIBRATION_LIMITS.classContext)
    errors.classContext = "calibration.errors.too_long";
  const heldOn = str("heldOn");
  if (heldOn !== "" && !instantFromLocal(heldOn, "12:00", "America/Santiago"))
    errors.heldOn = "calibration.errors.date_invalid";
  const videoUrl = str("videoUrl");
  if (videoUrl.length > CALIBRATION_LIMITS.videoUrl) errors.videoUrl = "calibration.errors.too_long";
  else if (videoUrl !== "" && !isVideoUrl(videoUrl)) errors.videoUrl = "calibration.errors.video_invalid";
  // The class: one attended together (what and when), or a video.
  if (videoUrl === "") {
    if (classContext === "" && !errors.classContext)
      errors.classContext = "calibration.errors.class_required";
    if (heldOn === "") errors.heldOn = "calibration.errors.date_required";
  }

  const observers = new Set((await observersOf(actor.organizationId, tx)).map((o) => o.id));
  const chosen = new Set<string>();
  for (const [key, value] of Object.entries(input)) {
    if (!key.startsWith("participant_") || (value !== "on" && value !== "1")) continue;
    const personId = key.slice("participant_".length);
    if (observers.has(personId)) chosen.add(personId);
    else errors.participants = "errors.invalid_choice";
  }
  const referenceScorerId = str("referenceScorerId");
  if (!observers.has(referenceScorerId)) errors.referenceScorerId = "calibration.errors.reference_required";
  else chosen.add(referenceScorerId); // the reference scores too, checked or not
  if (!errors.participants && [...chosen].filter((p) => p !== referenceScorerId).length === 0)
    errors.participants = "calibration.errors.participants_min";

  return {
    errors,
    values: {
      title,
      instrumentVersionId,
      schoolId: schoolId || null,
      classContext,
      heldOn: heldOn || null,
      videoUrl: videoUrl || null,
      referenceScorerId,
      participantIds: [...chosen],
    },
  };
}

/** Sets up a calibration (open) with its participants; returns its id. */
export async function createCalibration(actor: Actor, input: Record<string, unknown>): Promise<string> {
  authorize(actor, "create", "calibration", { organizationId: actor.organizationId });
  const { errors, values } = await checkCalibrationInput(actor, input, db());
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const id = newId();
  await db().transaction(async (tx) => {
    const { participantIds, ...row } = values;
    await tx.insert(calibrations).values({
      id,
      organizationId: actor.organizationId,
      ...row,
      status: "open",
      createdBy: actor.personId,
    });
    await tx
      .insert(calibrationParticipants)
      .values(participantIds.map((personId) => ({ calibrationId: id, personId })));
    await audit(
      actor,
      {
        action: "calibration.create",
        subjectType: "calibration",
        subjectId: id,
        details: { participants: participantIds.length },
      },
      tx,
    );
  });
  return id;
}

/**
 * Changes an open calibration. The instrument version stays once anyone saved a level, and someone who
 * already sent their scores stays a participant; removing one who had not sent drops their levels.
 */
export async function updateCalibration(actor: Actor, id: string, input: Record<string, unknown>) {
  await authorizedCalibration(actor, "update", id);
  const { errors, values } = await checkCalibrationInput(actor, input, db());
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  await db().transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: calibrations.status, instrumentVersionId: calibrations.instrumentVersionId })
      .from(calibrations)
      .where(eq(calibrations.id, id))
      .for("update");
    if (locked?.status !== "open") throw new DomainError("calibration.errors.closed");
    const current = await tx
      .select({
        personId: calibrationParticipants.personId,
        submittedAt: calibrationParticipants.submittedAt,
      })
      .from(calibrationParticipants)
      .where(eq(calibrationParticipants.calibrationId, id));
    const [{ scores }] = await tx
      .select({ scores: sql<number>`count(*)::int` })
      .from(calibrationScores)
      .where(eq(calibrationScores.calibrationId, id));
    const { participantIds, ...row } = values;
    const removed = current.filter((p) => !participantIds.includes(p.personId));
    const rejected: FieldErrors = {};
    if (scores > 0 && row.instrumentVersionId !== locked.instrumentVersionId)
      rejected.instrumentVersionId = "calibration.errors.instrument_locked";
    if (removed.some((p) => p.submittedAt))
      rejected.participants = "calibration.errors.cannot_remove_submitted";
    if (Object.keys(rejected).length > 0) throw new ValidationError(rejected);
    await tx.update(calibrations).set(row).where(eq(calibrations.id, id));
    if (removed.length > 0) {
      const gone = removed.map((p) => p.personId);
      await tx
        .delete(calibrationScores)
        .where(and(eq(calibrationScores.calibrationId, id), inArray(calibrationScores.personId, gone)));
      await tx
        .delete(calibrationParticipants)
        .where(
          and(eq(calibrationParticipants.calibrationId, id), inArray(calibrationParticipants.personId, gone)),
        );
    }
    await tx
      .insert(calibrationParticipants)
      .values(participantIds.map((personId) => ({ calibrationId: id, personId })))
      .onConflictDoNothing();
    await audit(actor, { action: "calibration.update", subjectType: "calibration", subjectId: id }, tx);
  });
}

/** Closes an open calibration, once the reference scorer has sent; figures are computed from then on. */
export async function closeCalibration(actor: Actor, id: string, now = new Date()) {
  await authorizedCalibration(actor, "update", id);
  await db().transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: calibrations.status, referenceScorerId: calibrations.referenceScorerId })
      .from(calibrations)
      .where(eq(calibrations.id, id))
      .for("update");
    if (locked?.status !== "open") throw new DomainError("calibration.errors.closed");
    const [reference] = await tx
      .select({ submittedAt: calibrationParticipants.submittedAt })
      .from(calibrationParticipants)
      .where(
        and(
          eq(calibrationParticipants.calibrationId, id),
          eq(calibrationParticipants.personId, locked.referenceScorerId),
        ),
      );
    if (!reference?.submittedAt) throw new DomainError("calibration.errors.reference_not_submitted");
    await tx
      .update(calibrations)
      .set({ status: "closed" satisfies CalibrationStatus, closedAt: now })
      .where(eq(calibrations.id, id));
    await audit(actor, { action: "calibration.close", subjectType: "calibration", subjectId: id }, tx);
  });
}

// ─── Scoring ─────────────────────────────────────────────────────────────────────────────────────

export const SCORE_INTENTS = ["save", "submit"] as const;

/**
 * A participant's levels (fields level_<indicator key>, 1..4; a field left out keeps its level).
 * "submit" also sends them as final, which needs a level for every scored indicator; when some are
 * missing the levels given are still saved and the refusal names the missing ones.
 */
export async function saveCalibrationScores(
  actor: Actor,
  id: string,
  intent: string,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ submitted: boolean }> {
  const subject = await authorizedCalibration(actor, "score", id);
  if (!(SCORE_INTENTS as readonly string[]).includes(intent)) throw new DomainError("errors.invalid_choice");
  const [version] = await db()
    .select({ content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.id, subject.instrumentVersionId));
  if (!version) throw new NotFoundError();
  const indicators = scoredIndicators(version.content);
  const errors: FieldErrors = {};
  const levels: Array<{ key: string; level: number }> = [];
  for (const indicator of indicators) {
    const field = `level_${indicator.key}`;
    if (!(field in input)) continue;
    const raw = asText(input[field]);
    if (/^[1-4]$/.test(raw)) levels.push({ key: indicator.key, level: Number(raw) });
    else errors[field] = "errors.invalid_choice";
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);

  const missing = await db().transaction(async (tx) => {
    // Locks: the calibration against a close in between, the participant against a double send.
    const [calibration] = await tx
      .select({ status: calibrations.status })
      .from(calibrations)
      .where(eq(calibrations.id, id))
      .for("share");
    if (calibration?.status !== "open") throw new DomainError("calibration.errors.closed");
    const [me] = await tx
      .select({ submittedAt: calibrationParticipants.submittedAt })
      .from(calibrationParticipants)
      .where(
        and(
          eq(calibrationParticipants.calibrationId, id),
          eq(calibrationParticipants.personId, actor.personId),
        ),
      )
      .for("update");
    if (!me) throw new NotFoundError();
    if (me.submittedAt) throw new DomainError("calibration.errors.already_submitted");
    // One statement for every level given, whatever the number of indicators.
    if (levels.length) {
      await tx.execute(sql`
        INSERT INTO calibration_scores (calibration_id, person_id, indicator_key, level)
        SELECT ${id}::uuid, ${actor.personId}::uuid, t.key, t.level
        FROM unnest(${textArray(levels.map((l) => l.key))}, ${intArray(levels.map((l) => l.level))}) AS t(key, level)
        ON CONFLICT (calibration_id, person_id, indicator_key) DO UPDATE SET level = EXCLUDED.level`);
    }
    if (intent !== "submit") return [];
    const given = await tx
      .select({ key: calibrationScores.indicatorKey })
      .from(calibrationScores)
      .where(and(eq(calibrationScores.calibrationId, id), eq(calibrationScores.personId, actor.personId)));
    const missingKeys = indicators.map((i) => i.key).filter((key) => !given.some((g) => g.key === key));
    if (missingKeys.length > 0) return missingKeys;
    await tx
      .update(calibrationParticipants)
      .set({ submittedAt: now })
      .where(
        and(
          eq(calibrationParticipants.calibrationId, id),
          eq(calibrationParticipants.personId, actor.personId),
        ),
      );
    await audit(actor, { action: "calibration.submit", subjectType: "calibration", subjectId: id }, tx);
    return [];
  });
  if (missing.length > 0) {
    throw new DomainError(
      "calibration.errors.levels_missing",
      Object.fromEntries(missing.map((key) => [`level_${key}`, "calibration.errors.level_required"])),
      { count: missing.length },
    );
  }
  return { submitted: intent === "submit" };
}

// ─── The calibration page ────────────────────────────────────────────────────────────────────────

export interface ObserverResult extends Agreement {
  personId: string;
  name: string;
  drifts: boolean;
  /** drifted in each of their latest closed calibrations (DRIFT_PERSISTENT_COUNT of them) */
  driftsPersistently: boolean;
}

/** Agreement of each person with the reference in the closed calibrations of the organization. */
async function agreementHistory(organizationId: string, personIds: string[], upTo: Date) {
  const history = new Map<string, Agreement[]>();
  if (personIds.length === 0) return history;
  const me = alias(calibrationParticipants, "me");
  const ref = alias(calibrationParticipants, "ref");
  const mine = alias(calibrationScores, "mine");
  const theirs = alias(calibrationScores, "theirs");
  const rows = await db()
    .select({
      personId: me.personId,
      calibrationId: calibrations.id,
      closedAt: calibrations.closedAt,
      observer: mine.level,
      reference: theirs.level,
    })
    .from(calibrations)
    .innerJoin(
      me,
      and(eq(me.calibrationId, calibrations.id), inArray(me.personId, personIds), isNotNull(me.submittedAt)),
    )
    .innerJoin(
      ref,
      and(
        eq(ref.calibrationId, calibrations.id),
        eq(ref.personId, calibrations.referenceScorerId),
        isNotNull(ref.submittedAt),
      ),
    )
    .innerJoin(mine, and(eq(mine.calibrationId, calibrations.id), eq(mine.personId, me.personId)))
    .innerJoin(
      theirs,
      and(
        eq(theirs.calibrationId, calibrations.id),
        eq(theirs.personId, calibrations.referenceScorerId),
        eq(theirs.indicatorKey, mine.indicatorKey),
      ),
    )
    .where(
      and(
        eq(calibrations.organizationId, organizationId),
        eq(calibrations.status, "closed"),
        ne(calibrations.referenceScorerId, me.personId),
        lte(calibrations.closedAt, upTo),
      ),
    )
    .orderBy(desc(calibrations.closedAt), asc(calibrations.id));
  const grouped = new Map<string, Map<string, Array<[number, number]>>>();
  for (const r of rows) {
    const byCalibration = grouped.get(r.personId) ?? new Map<string, Array<[number, number]>>();
    const pairs = byCalibration.get(r.calibrationId) ?? [];
    pairs.push([r.observer, r.reference]);
    byCalibration.set(r.calibrationId, pairs);
    grouped.set(r.personId, byCalibration);
  }
  // Maps keep insertion order: the rows came latest first.
  for (const [personId, byCalibration] of grouped) {
    history.set(
      personId,
      [...byCalibration.values()].map((pairs) => agreement(pairs)),
    );
  }
  return history;
}

/** Everything the calibration page shows, as far as the actor may see it. */
export async function getCalibration(actor: Actor, id: string) {
  const subject = await authorizedCalibration(actor, "read", id);
  const [row] = await db()
    .select({
      id: calibrations.id,
      title: calibrations.title,
      status: calibrations.status,
      classContext: calibrations.classContext,
      heldOn: calibrations.heldOn,
      videoUrl: calibrations.videoUrl,
      createdAt: calibrations.createdAt,
      closedAt: calibrations.closedAt,
      referenceScorerId: calibrations.referenceScorerId,
      schoolName: schools.name,
      instrumentName: instruments.name,
      instrumentVersion: instrumentVersions.version,
      content: instrumentVersions.content,
    })
    .from(calibrations)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, calibrations.instrumentVersionId))
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .leftJoin(schools, eq(schools.id, calibrations.schoolId))
    .where(eq(calibrations.id, id));
  if (!row) throw new NotFoundError();
  const { content, ...calibration } = row;
  const manages =
    can(actor, "update", "calibration", subject) || can(actor, "read_results", "calibration", subject);
  const participantRows = await db()
    .select({
      personId: calibrationParticipants.personId,
      name: personName,
      submittedAt: calibrationParticipants.submittedAt,
    })
    .from(calibrationParticipants)
    .innerJoin(persons, eq(persons.id, calibrationParticipants.personId))
    .where(eq(calibrationParticipants.calibrationId, id))
    .orderBy(asc(persons.familyNames), asc(persons.givenNames));
  const me = participantRows.find((p) => p.personId === actor.personId) ?? null;
  const nameOf = (personId: string) => participantRows.find((p) => p.personId === personId)?.name ?? "";
  const sections = content.sections
    .map((s) => ({
      key: s.key,
      title: s.title,
      indicators: s.indicators
        .filter((i) => i.kind === "scored")
        .map((i) => ({ key: i.key, title: i.title, descriptors: i.descriptors ?? null, draft: !!i.draft })),
    }))
    .filter((s) => s.indicators.length > 0);
  const indicatorKeys = sections.flatMap((s) => s.indicators.map((i) => i.key));

  const scoreRows = await db()
    .select({
      personId: calibrationScores.personId,
      indicatorKey: calibrationScores.indicatorKey,
      level: calibrationScores.level,
    })
    .from(calibrationScores)
    .where(eq(calibrationScores.calibrationId, id));
  const levelsOf = (personId: string) =>
    Object.fromEntries(
      scoreRows.filter((s) => s.personId === personId).map((s) => [s.indicatorKey, s.level]),
    ) as Record<string, number>;

  const results = calibration.status === "closed" ? await resultsOf() : null;

  async function resultsOf() {
    const all = can(actor, "read_results", "calibration", subject);
    const own = can(actor, "read_own_results", "calibration", subject);
    if (!all && !own) return null;
    const submitted = participantRows.filter((p) => p.submittedAt);
    const reference = submitted.find((p) => p.personId === calibration.referenceScorerId);
    const referenceLevels = reference ? levelsOf(reference.personId) : {};
    const observerIds = submitted
      .map((p) => p.personId)
      .filter((p) => p !== calibration.referenceScorerId && (all || p === actor.personId));
    const history = await agreementHistory(
      subject.organizationId,
      observerIds,
      calibration.closedAt ?? new Date(),
    );
    const observers: ObserverResult[] = observerIds.map((personId) => {
      const figures = agreement(pairLevels(levelsOf(personId), referenceLevels, indicatorKeys));
      return {
        personId,
        name: nameOf(personId),
        ...figures,
        drifts: drifts(figures),
        driftsPersistently: driftsPersistently(history.get(personId) ?? [figures]),
      };
    });
    if (all) {
      // Observers' figures read by the coordinator: a sensitive read.
      await audit(actor, { action: "calibration.results_read", subjectType: "calibration", subjectId: id });
    }
    const mine = me?.submittedAt ? levelsOf(actor.personId) : {};
    return {
      scope: all ? ("all" as const) : ("own" as const),
      referenceSubmitted: !!reference,
      observers,
      notSubmitted: all ? participantRows.filter((p) => !p.submittedAt).map((p) => p.name) : [],
      indicators: sections.flatMap((s) =>
        s.indicators.map((i) => ({
          key: i.key,
          title: i.title,
          reference: referenceLevels[i.key] ?? null,
          mine: mine[i.key] ?? null,
          spread: all ? spread(submitted.map((p) => levelsOf(p.personId)[i.key]).filter(Boolean)) : null,
        })),
      ),
    };
  }

  return {
    ...calibration,
    referenceName: nameOf(calibration.referenceScorerId),
    sections,
    participants: participantRows.map((p) => ({
      personId: p.personId,
      name: p.name,
      isReference: p.personId === calibration.referenceScorerId,
      // Who has sent is shown to the coordinator (and each person knows their own).
      submittedAt: manages || p.personId === actor.personId ? p.submittedAt : null,
    })),
    me: me ? { submittedAt: me.submittedAt, levels: levelsOf(actor.personId) } : null,
    isReference: actor.personId === calibration.referenceScorerId,
    results,
    can: {
      edit: can(actor, "update", "calibration", subject),
      close: can(actor, "update", "calibration", subject),
      score: !!me && !me.submittedAt && can(actor, "score", "calibration", subject),
      seeSubmissions: manages,
    },
  };
}
export type CalibrationPage = Awaited<ReturnType<typeof getCalibration>>;
