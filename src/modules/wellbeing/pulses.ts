// The well-being pulse (issue #17): a coordinator or a leader opens a short pulse for a school or the
// network; its teachers answer once, anonymously; the results are aggregates of five or more answers.
// How anonymity is kept (docs/architecture.md, "Well-being"):
// - an answer row has no person and no time, and a random id (schema.ts); who answered is a separate
//   row, written in the same transaction, only to refuse a second answer; nothing here joins the two;
// - every figure is computed in SQL over a group, and a group of fewer than MIN_GROUP answers shows
//   nothing but "aún no hay respuestas suficientes";
// - a network pulse's school breakdown leaves out the schools under MIN_GROUP, and then as many of the
//   smallest others as it takes for the schools left out to add up to 0 or MIN_GROUP or more answers
//   (else the network's figures minus the schools shown would be a small school's);
// - free text only where its group has MIN_GROUP answers, in the order of the answers' random ids
//   (never the order of answering), and with its school only when that school is shown;
// - the counts are kept per school as they come (wellbeing_tallies, in the answer's transaction), so
//   a network pulse's results read a row per school, not 40,000 answers;
// - answering is not audited (the audit would say who answered when); opening and closing are.
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db, intArray, rowsOf, uuidArray } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can, isCoordinator } from "../../platform/policy";
import { asText, parseInput, requiredText } from "../../platform/validation";
import { schools } from "../people/schema";
import {
  DEFAULT_QUESTIONS,
  isQuestionKey,
  MAX_DAYS,
  MAX_QUESTIONS,
  MIN_GROUP,
  MIN_QUESTIONS,
  NETWORK_SCOPE,
  QUESTION_BANK,
  type QuestionKey,
  SCALE,
} from "./content";
import type { PulseSubject } from "./policy";
import { wellbeingAnswers, wellbeingParticipation, wellbeingPulses } from "./schema";

type Pulse = typeof wellbeingPulses.$inferSelect;

const DAY_MS = 86_400_000;
const FREE_TEXT_MAX = 1_000;
/** How many of a group's comments a results page shows (alphabetical). */
const TEXTS_SHOWN = 100;
/** How many pulses of a scope the trend goes back over (this one included). */
const TREND_PULSES = 8;

const subjectOf = (p: Pick<Pulse, "organizationId" | "schoolId" | "openedBy">): PulseSubject => ({
  organizationId: p.organizationId,
  schoolId: p.schoolId,
  openedBy: p.openedBy,
});

export const isOpen = (p: Pick<Pulse, "opensAt" | "closesAt" | "closedAt">, now = new Date()) =>
  !p.closedAt && p.opensAt.getTime() <= now.getTime() && now.getTime() < p.closesAt.getTime();

/** When it closed or closes: closed early, or at its set time. */
const endOf = (p: Pick<Pulse, "closesAt" | "closedAt">) => p.closedAt ?? p.closesAt;

async function pulseOf(actor: Actor, pulseId: string, tx: DbOrTx = db()): Promise<Pulse> {
  if (!isUuid(pulseId)) throw new NotFoundError();
  const [pulse] = await tx
    .select()
    .from(wellbeingPulses)
    .where(and(eq(wellbeingPulses.id, pulseId), eq(wellbeingPulses.organizationId, actor.organizationId)));
  if (!pulse) throw new NotFoundError();
  return pulse;
}

/** Whether the actor may see the pulse at all: answer it or see its results. */
function mayView(actor: Actor, pulse: Pulse) {
  return (
    can(actor, "results", "wellbeing_pulse", subjectOf(pulse)) ||
    can(actor, "answer", "wellbeing_pulse", subjectOf(pulse))
  );
}

async function schoolNames(organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db()
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(and(eq(schools.organizationId, organizationId), sql`${schools.id} = ANY(${uuidArray([...ids])})`));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ── Opening and closing ───────────────────────────────────────────────────────────────────────────

/** The scopes the actor may open a pulse for: the network (coordinators), then schools by name. */
export async function pulseScopes(
  actor: Actor,
): Promise<Array<{ value: string; schoolId: string | null; name: string }>> {
  const org = actor.organizationId;
  const scopes: Array<{ value: string; schoolId: string | null; name: string }> = [];
  if (can(actor, "open", "wellbeing_pulse", { organizationId: org, schoolId: null }))
    scopes.push({ value: NETWORK_SCOPE, schoolId: null, name: "" });
  const candidates = isCoordinator(actor)
    ? await db()
        .select({ id: schools.id, name: schools.name })
        .from(schools)
        .where(eq(schools.organizationId, org))
        .orderBy(schools.name)
    : [...(await schoolNames(org, [...actor.schoolRoles.keys()])).entries()]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => byName.compare(a.name, b.name));
  for (const s of candidates)
    if (can(actor, "open", "wellbeing_pulse", { organizationId: org, schoolId: s.id }))
      scopes.push({ value: s.id, schoolId: s.id, name: s.name });
  return scopes;
}

const openInput = z.object({
  title: requiredText(160),
  scope: z.preprocess(asText, z.string().trim().min(1, "wellbeing.errors.scope_required")),
  days: z.preprocess(
    asText,
    z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, "wellbeing.errors.days")
      .transform(Number)
      .refine((n) => n >= 1 && n <= MAX_DAYS, "wellbeing.errors.days"),
  ),
  allowsText: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()),
});

/** The question keys ticked in a form (`question_<key>`), in the bank's order. */
function chosenQuestions(input: Record<string, unknown>): QuestionKey[] {
  return QUESTION_BANK.map((q) => q.key).filter((key) => {
    const v = input[`question_${key}`];
    return v === "on" || v === true || v === "true";
  });
}

/** The form's defaults: the eight TSWQ items, a week. */
export const openDefaults = { questions: DEFAULT_QUESTIONS, days: 7 };

/**
 * Opens a pulse now, for `days` days. Input: title, scope ("red" or a school's id), days (1–30),
 * allowsText ("on"), question_<key> ("on") for 5 to 8 of the bank's questions.
 */
export async function openPulse(actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
  // someone who may open no pulse anywhere is told nothing
  const scopes = await pulseScopes(actor);
  if (scopes.length === 0) throw new NotFoundError();
  const questions = chosenQuestions(input);
  let data: z.infer<typeof openInput> | undefined;
  let fieldErrors: FieldErrors = {};
  try {
    data = parseInput(openInput, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    fieldErrors = { ...error.fieldErrors };
  }
  if (questions.length < MIN_QUESTIONS || questions.length > MAX_QUESTIONS)
    fieldErrors.questions = "wellbeing.errors.questions_count";
  const scope = data ? scopes.find((s) => s.value === data.scope) : undefined;
  if (data && !scope && !fieldErrors.scope) fieldErrors.scope = "errors.invalid_choice";
  if (!data || !scope || Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);
  const id = newId();
  const now = new Date();
  await db().transaction(async (tx) => {
    await tx.insert(wellbeingPulses).values({
      id,
      organizationId: actor.organizationId,
      schoolId: scope.schoolId,
      openedBy: actor.personId,
      title: data.title,
      questionKeys: questions,
      allowsText: data.allowsText,
      opensAt: now,
      closesAt: new Date(now.getTime() + data.days * DAY_MS),
    });
    await audit(
      actor,
      {
        action: "wellbeing.pulse_opened",
        subjectType: "wellbeing_pulse",
        subjectId: id,
        details: { schoolId: scope.schoolId, days: data.days, questions: questions.length },
      },
      tx,
    );
  });
  return { id };
}

/** Closes an open pulse before its time (its opener, a coordinator, a leader of its school). */
export async function closePulse(actor: Actor, pulseId: string): Promise<void> {
  const pulse = await pulseOf(actor, pulseId);
  if (!mayView(actor, pulse)) throw new NotFoundError();
  authorize(actor, "close", "wellbeing_pulse", subjectOf(pulse));
  const now = new Date();
  await db().transaction(async (tx) => {
    const closed = await tx
      .update(wellbeingPulses)
      .set({ closedAt: now })
      .where(
        and(
          eq(wellbeingPulses.id, pulseId),
          isNull(wellbeingPulses.closedAt),
          sql`${wellbeingPulses.closesAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning({ id: wellbeingPulses.id });
    if (closed.length === 0) throw new DomainError("wellbeing.errors.closed");
    await audit(
      actor,
      { action: "wellbeing.pulse_closed", subjectType: "wellbeing_pulse", subjectId: pulseId },
      tx,
    );
  });
}

// ── Answering ─────────────────────────────────────────────────────────────────────────────────────

/** Open pulses the actor may answer and has not answered, the soonest to close first (home page). */
export async function pulsesToAnswer(actor: Actor, now = new Date()) {
  const schoolIds = [...actor.schoolRoles.keys()];
  if (schoolIds.length === 0) return [];
  const rows = await rowsOf<{
    id: string;
    title: string;
    school_id: string | null;
    school: string | null;
    opened_by: string;
    closes_at: Date | string;
    questions: number;
  }>(
    db(),
    sql`
    SELECT p.id, p.title, p.school_id, s.name AS school, p.opened_by, p.closes_at,
      cardinality(p.question_keys) AS questions
    FROM wellbeing_pulses p LEFT JOIN schools s ON s.id = p.school_id
    WHERE p.organization_id = ${actor.organizationId}
      AND (p.school_id IS NULL OR p.school_id = ANY(${uuidArray(schoolIds)}))
      AND p.closed_at IS NULL AND p.opens_at <= ${now.toISOString()}::timestamptz
      AND p.closes_at > ${now.toISOString()}::timestamptz
      AND NOT EXISTS (SELECT 1 FROM wellbeing_participation w
        WHERE w.pulse_id = p.id AND w.person_id = ${actor.personId})
    ORDER BY p.closes_at, p.id
    LIMIT 5`,
  );
  return rows
    .filter((r) =>
      can(actor, "answer", "wellbeing_pulse", {
        organizationId: actor.organizationId,
        schoolId: r.school_id,
      }),
    )
    .map((r) => ({
      id: r.id,
      title: r.title,
      school: r.school,
      closesAt: new Date(r.closes_at),
      questions: Number(r.questions),
    }));
}

/**
 * Answers a pulse, once. Input: q_<key> ("1"–"5") for each of its questions, freeText when it allows
 * it, and for a network pulse `school` when the actor works at more than one school. The answer is
 * stored without the person and without a time; the participation row, in the same transaction, says
 * only that they answered.
 */
export async function answerPulse(actor: Actor, pulseId: string, input: Record<string, unknown>) {
  const pulse = await pulseOf(actor, pulseId);
  authorize(actor, "answer", "wellbeing_pulse", subjectOf(pulse));
  if (!isOpen(pulse)) throw new DomainError("wellbeing.errors.closed");
  const fieldErrors: FieldErrors = {};
  const scores: number[] = [];
  for (const key of pulse.questionKeys) {
    const v = asText(input[`q_${key}`]).trim();
    const score = /^[1-5]$/.test(v) ? Number(v) : null;
    if (score === null) fieldErrors[`q_${key}`] = "wellbeing.errors.choose_one";
    else scores.push(score);
  }
  let freeText: string | null = null;
  if (pulse.allowsText) {
    const text = asText(input.freeText).trim();
    if (text.length > FREE_TEXT_MAX) fieldErrors.freeText = "errors.too_long";
    else freeText = text || null;
  }
  let schoolId = pulse.schoolId;
  if (schoolId === null) {
    const mine = [...actor.schoolRoles.keys()];
    const chosen = asText(input.school).trim();
    schoolId = mine.length === 1 ? (mine[0] as string) : mine.includes(chosen) ? chosen : null;
    if (schoolId === null) fieldErrors.school = "wellbeing.errors.school_required";
  }
  if (Object.keys(fieldErrors).length > 0 || schoolId === null) throw new ValidationError(fieldErrors);
  const columns = Object.fromEntries(scores.map((s, i) => [`q${i + 1}`, s]));
  const answerSchoolId = schoolId;
  await db().transaction(async (tx) => {
    // the pulse is still open under its row's lock: a closing meanwhile waits for this answer, or
    // this answer sees it closed
    const [open] = await tx
      .select({ id: wellbeingPulses.id })
      .from(wellbeingPulses)
      .where(
        and(
          eq(wellbeingPulses.id, pulse.id),
          isNull(wellbeingPulses.closedAt),
          sql`${wellbeingPulses.closesAt} > now()`,
        ),
      )
      .for("share");
    if (!open) throw new DomainError("wellbeing.errors.closed");
    const first = await tx
      .insert(wellbeingParticipation)
      .values({ pulseId: pulse.id, personId: actor.personId })
      .onConflictDoNothing()
      .returning({ pulseId: wellbeingParticipation.pulseId });
    if (first.length === 0) throw new DomainError("wellbeing.errors.already_answered");
    // the school's running counts, in the same transaction (its row locked until the end: the
    // school's answers are counted one at a time)
    const counts = Array.from({ length: MAX_QUESTIONS * SCALE.length }, () => 0);
    for (const [i, score] of scores.entries()) counts[i * SCALE.length + score - 1] = 1;
    const [tally] = await rowsOf<{ answers: number }>(
      tx,
      sql`
      INSERT INTO wellbeing_tallies (pulse_id, school_id, answers, counts)
      VALUES (${pulse.id}, ${answerSchoolId}, 1, ${intArray(counts)})
      ON CONFLICT (pulse_id, school_id) DO UPDATE SET answers = wellbeing_tallies.answers + 1,
        counts = (SELECT array_agg(u.a + u.b ORDER BY u.i)
                  FROM unnest(wellbeing_tallies.counts, EXCLUDED.counts) WITH ORDINALITY AS u(a, b, i))
      RETURNING answers`,
    );
    const nth = Number(tally?.answers ?? 1);
    await tx.insert(wellbeingAnswers).values({
      // random, not the time-ordered ids of every other table
      id: randomUUID(),
      pulseId: pulse.id,
      schoolId: answerSchoolId,
      ...columns,
      freeText,
      // the school's group of five it belongs to: shown once the group is whole
      batch: Math.floor((nth - 1) / GROUP_STEP),
    });
    // a group of five is whole: what the results show moves to it
    if (nth % GROUP_STEP === 0)
      await tx.execute(sql`
        UPDATE wellbeing_tallies SET shown_answers = answers, shown_counts = counts
        WHERE pulse_id = ${pulse.id} AND school_id = ${answerSchoolId}`);
  });
}

// ── The page of a pulse ───────────────────────────────────────────────────────────────────────────

/** A pulse as the actor sees it: the answer form if they may still answer, its results if allowed. */
export async function pulseFor(actor: Actor, pulseId: string) {
  const pulse = await pulseOf(actor, pulseId);
  if (!mayView(actor, pulse)) throw new NotFoundError();
  const subject = subjectOf(pulse);
  const mayAnswer = can(actor, "answer", "wellbeing_pulse", subject);
  const [participation, names, results] = await Promise.all([
    mayAnswer
      ? db()
          .select({ pulseId: wellbeingParticipation.pulseId })
          .from(wellbeingParticipation)
          .where(
            and(
              eq(wellbeingParticipation.pulseId, pulse.id),
              eq(wellbeingParticipation.personId, actor.personId),
            ),
          )
      : Promise.resolve([]),
    schoolNames(actor.organizationId, [
      ...(pulse.schoolId ? [pulse.schoolId] : []),
      ...(pulse.schoolId === null && mayAnswer ? [...actor.schoolRoles.keys()] : []),
    ]),
    can(actor, "results", "wellbeing_pulse", subject) ? resultsOf(actor, pulse) : Promise.resolve(null),
  ]);
  const answered = participation[0];
  const open = isOpen(pulse);
  return {
    pulse: {
      id: pulse.id,
      title: pulse.title,
      school: pulse.schoolId ? (names.get(pulse.schoolId) ?? "") : null,
      questions: pulse.questionKeys.filter(isQuestionKey),
      allowsText: pulse.allowsText,
      opensAt: pulse.opensAt,
      closesAt: endOf(pulse),
      open,
    },
    answered: Boolean(answered),
    /** the answer form: open, allowed, not answered yet */
    answer: open && mayAnswer && !answered,
    /** a network pulse asks for the school when the actor works at more than one */
    schoolChoices:
      pulse.schoolId === null && mayAnswer && actor.schoolRoles.size > 1
        ? [...actor.schoolRoles.keys()]
            .map((id) => ({ id, name: names.get(id) ?? "" }))
            .sort((a, b) => byName.compare(a.name, b.name))
        : [],
    results,
    can: { close: open && can(actor, "close", "wellbeing_pulse", subject) },
  };
}

// ── Results ───────────────────────────────────────────────────────────────────────────────────────

export interface QuestionFigures {
  key: QuestionKey;
  /** answers 1 (Nunca) … 5 (Siempre) */
  distribution: number[];
  mean: number;
}
export interface GroupFigures {
  answers: number;
  /** null: fewer than MIN_GROUP answers, nothing shown */
  questions: QuestionFigures[] | null;
  /** the mean of every score of the group */
  mean: number | null;
}

interface SchoolRow {
  schoolId: string;
  school: string;
  answers: number;
  /** counts[question][score - 1] */
  counts: number[][];
}

const column = (i: number) => sql.raw(`q${i + 1}`);

/** The counts of each score of each question, per school, for one pulse: its tallies, a row per school. */
async function countsBySchool(pulseId: string, questions: number, tx: DbOrTx = db()): Promise<SchoolRow[]> {
  const k = Math.min(questions, MAX_QUESTIONS);
  const rows = await rowsOf<{ school_id: string; school: string; answers: number; counts: string }>(
    tx,
    // what is shown: each school's whole groups of five (a school with fewer shows nothing, and adds
    // nothing to any total)
    sql`SELECT t.school_id, s.name AS school, t.shown_answers AS answers,
          coalesce(t.shown_counts, '{}')::text AS counts
        FROM wellbeing_tallies t JOIN schools s ON s.id = t.school_id
        WHERE t.pulse_id = ${pulseId} AND t.shown_answers > 0`,
  );
  return rows.map((r) => {
    const flat = String(r.counts).replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
    return {
      schoolId: String(r.school_id),
      school: String(r.school),
      answers: Number(r.answers),
      counts: Array.from({ length: k }, (_, i) => flat.slice(i * SCALE.length, (i + 1) * SCALE.length)),
    };
  });
}

/**
 * Counts a pulse's answers again into its tallies (for answers written in bulk: the demo, the
 * benchmark), in one pass over them in SQL.
 */
export async function rebuildTallies(tx: DbOrTx, pulseId: string): Promise<void> {
  const counts = [];
  for (let i = 0; i < MAX_QUESTIONS; i++)
    for (const v of SCALE)
      counts.push(sql`count(*) FILTER (WHERE ${column(i)} = ${sql.raw(String(v))})::int`);
  await tx.execute(sql`DELETE FROM wellbeing_tallies WHERE pulse_id = ${pulseId}`);
  await tx.execute(sql`
    INSERT INTO wellbeing_tallies (pulse_id, school_id, answers, counts)
    SELECT pulse_id, school_id, count(*)::int, ARRAY[${sql.join(counts, sql`, `)}]
    FROM wellbeing_answers WHERE pulse_id = ${pulseId} GROUP BY pulse_id, school_id`);
  // each school's answers in groups of five (in the order of their random ids), the whole ones shown
  await tx.execute(sql`
    UPDATE wellbeing_answers a SET batch = g.batch
    FROM (SELECT id, (row_number() OVER (PARTITION BY school_id ORDER BY id) - 1) / ${sql.raw(String(GROUP_STEP))} AS batch
          FROM wellbeing_answers WHERE pulse_id = ${pulseId}) g
    WHERE g.id = a.id`);
  const shownCounts = [];
  for (let i = 0; i < MAX_QUESTIONS; i++)
    for (const v of SCALE)
      shownCounts.push(
        sql`count(*) FILTER (WHERE ${sql.raw(`a.q${i + 1}`)} = ${sql.raw(String(v))} AND a.batch < t.answers / ${sql.raw(String(GROUP_STEP))})::int`,
      );
  await tx.execute(sql`
    UPDATE wellbeing_tallies t SET shown_answers = (t.answers / ${sql.raw(String(GROUP_STEP))}) * ${sql.raw(String(GROUP_STEP))},
      shown_counts = (SELECT ARRAY[${sql.join(shownCounts, sql`, `)}] FROM wellbeing_answers a
        WHERE a.pulse_id = t.pulse_id AND a.school_id = t.school_id)
    WHERE t.pulse_id = ${pulseId}`);
}

const byName = new Intl.Collator("es");

/** Answers are shown in whole groups of this many per school (MIN_GROUP). */
const GROUP_STEP = MIN_GROUP;

/** The mean of every score in counts[question][score - 1]; null when there is none. */
function meanOf(counts: number[][]): number | null {
  let sum = 0;
  let n = 0;
  for (const distribution of counts)
    for (const [j, c] of distribution.entries()) {
      sum += c * (j + 1);
      n += c;
    }
  return n > 0 ? sum / n : null;
}

function figuresOf(
  keys: readonly string[],
  answers: number,
  counts: number[][],
  least: number = MIN_GROUP,
): GroupFigures {
  if (answers < least) return { answers, questions: null, mean: null };
  let sum = 0;
  let n = 0;
  const questions = keys.filter(isQuestionKey).map((key, i) => {
    const distribution = counts[i] ?? SCALE.map(() => 0);
    const total = distribution.reduce((s, c) => s + c, 0);
    const weighted = distribution.reduce((s, c, j) => s + c * (j + 1), 0);
    sum += weighted;
    n += total;
    return { key, distribution, mean: total ? weighted / total : 0 };
  });
  return { answers, questions, mean: n ? sum / n : null };
}

/**
 * The schools of a network pulse whose figures may be shown: MIN_GROUP answers or more, and, if the
 * schools left out would then add up to between 1 and MIN_GROUP - 1 answers, fewer still (the
 * smallest first), so that the network's figures minus the schools shown never are a small group's.
 */
export function shownSchools<T extends { answers: number }>(
  rows: readonly T[],
  least: number = MIN_GROUP,
): T[] {
  const shown = rows.filter((r) => r.answers >= least).sort((a, b) => a.answers - b.answers);
  const total = rows.reduce((s, r) => s + r.answers, 0);
  let rest = total - shown.reduce((s, r) => s + r.answers, 0);
  while (rest > 0 && rest < least && shown.length > 0) {
    rest += (shown.shift() as T).answers;
  }
  return shown;
}

/**
 * A pulse's results: per question, the mean and the distribution of the 1–5 answers, only for a group
 * of MIN_GROUP answers or more; for a network pulse, the same per school for the schools that may be
 * shown; the free text where its group is large enough; the trend of the mean between the pulses of
 * the same scope. For its opener, the coordinators, and a school pulse's leaders.
 */
export async function pulseResults(actor: Actor, pulseId: string) {
  const pulse = await pulseOf(actor, pulseId);
  if (!mayView(actor, pulse)) throw new NotFoundError();
  return resultsOf(actor, pulse);
}

async function resultsOf(actor: Actor, pulse: Pulse) {
  authorize(actor, "results", "wellbeing_pulse", subjectOf(pulse));
  // the three reads at once; the comments are dropped below unless the group is large enough
  const [rows, textRows, scopePulses] = await Promise.all([
    countsBySchool(pulse.id, pulse.questionKeys.length),
    pulse.allowsText ? freeTexts(pulse.id) : Promise.resolve([]),
    pulsesOfScope(pulse),
  ]);
  // who answered would find the others' answers by taking theirs away from a group of five: for
  // them, a group shows from two whole groups (ten answers)
  const [answered] = await rowsOf<{ yes: boolean }>(
    db(),
    sql`SELECT true AS yes FROM wellbeing_participation WHERE pulse_id = ${pulse.id} AND person_id = ${actor.personId}`,
  );
  const least = answered ? 2 * MIN_GROUP : MIN_GROUP;
  const k = Math.min(pulse.questionKeys.length, MAX_QUESTIONS);
  const answers = rows.reduce((s, r) => s + r.answers, 0);
  const totals = Array.from({ length: k }, (_, i) =>
    SCALE.map((_, j) => rows.reduce((s, r) => s + (r.counts[i]?.[j] ?? 0), 0)),
  );
  const overall = figuresOf(pulse.questionKeys, answers, totals, least);
  const enough = overall.questions !== null;
  const shown = pulse.schoolId === null && enough ? shownSchools(rows, least) : [];
  // a network pulse's schools: their answers and their mean, nothing per question (a page of 1,000)
  const bySchool = shown
    .map((r) => ({ schoolId: r.schoolId, school: r.school, answers: r.answers, mean: meanOf(r.counts) }))
    .sort((a, b) => byName.compare(a.school, b.school));
  const hiddenSchools = pulse.schoolId === null ? rows.length - shown.length : 0;
  const names = new Map(shown.map((r) => [r.schoolId, r.school]));
  // with its school only when that school is shown
  const texts = enough
    ? textRows.map((r) => ({
        text: r.free_text,
        school: pulse.schoolId === null ? (names.get(r.school_id) ?? null) : null,
      }))
    : [];
  return {
    answers,
    enough,
    /** the answers a group needs before it shows, for this viewer */
    least,
    overall,
    bySchool,
    /** schools with answers whose figures are not shown (under MIN_GROUP, or to protect one that is) */
    hiddenSchools,
    texts,
    trend: await trendOf(actor, pulse, scopePulses, { answers, mean: overall.mean }),
  };
}

/**
 * Up to TEXTS_SHOWN of a pulse's comments, in the order of their random ids (random, and never the
 * order of answering). The caller shows them only for a group of MIN_GROUP answers or more.
 */
async function freeTexts(pulseId: string) {
  return rowsOf<{ school_id: string; free_text: string }>(
    db(),
    // of whole groups of five only (as the figures)
    sql`SELECT a.school_id, a.free_text FROM wellbeing_answers a
        JOIN wellbeing_tallies t ON t.pulse_id = a.pulse_id AND t.school_id = a.school_id
        WHERE a.pulse_id = ${pulseId} AND a.free_text IS NOT NULL AND a.batch < t.shown_answers / ${sql.raw(String(GROUP_STEP))}
        ORDER BY a.id LIMIT ${TEXTS_SHOWN}`,
  );
}

/** The overall answers and mean of a pulse (for the trend), from its tallies. */
async function overallOf(pulseId: string, questions: number) {
  const rows = await countsBySchool(pulseId, questions);
  return {
    answers: rows.reduce((s, r) => s + r.answers, 0),
    mean: meanOf(rows.flatMap((r) => r.counts)),
  };
}

/** The last pulses of a pulse's scope up to it (the same school, or the network), newest first. */
function pulsesOfScope(pulse: Pulse) {
  return db()
    .select()
    .from(wellbeingPulses)
    .where(
      and(
        eq(wellbeingPulses.organizationId, pulse.organizationId),
        pulse.schoolId ? eq(wellbeingPulses.schoolId, pulse.schoolId) : isNull(wellbeingPulses.schoolId),
        sql`${wellbeingPulses.opensAt} <= ${pulse.opensAt.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(wellbeingPulses.opensAt), desc(wellbeingPulses.id))
    .limit(TREND_PULSES);
}

/**
 * The mean of every score in each of the last pulses of the same scope (the same school, or the
 * network) up to this one, those the actor may see the results of and with MIN_GROUP answers or
 * more, oldest first. A closed pulse's figures are computed once and kept on it.
 */
async function trendOf(
  actor: Actor,
  pulse: Pulse,
  pulses: Pulse[],
  current: { answers: number; mean: number | null },
) {
  const now = new Date();
  const points: Array<{ id: string; title: string; at: Date; answers: number; mean: number }> = [];
  for (const p of [...pulses].reverse()) {
    if (!can(actor, "results", "wellbeing_pulse", subjectOf(p))) continue;
    let answers = p.id === pulse.id ? current.answers : p.trendAnswers;
    let mean = p.id === pulse.id ? current.mean : p.trendMean;
    if (answers === null) {
      const figures = await overallOf(p.id, p.questionKeys.length);
      answers = figures.answers;
      mean = figures.mean;
      // a closed pulse's answers no longer change: kept for the next time
      if (!isOpen(p, now) && p.opensAt.getTime() <= now.getTime())
        await db()
          .update(wellbeingPulses)
          .set({ trendAnswers: answers, trendMean: mean })
          .where(eq(wellbeingPulses.id, p.id));
    }
    if (answers >= MIN_GROUP && mean !== null)
      points.push({ id: p.id, title: p.title, at: p.opensAt, answers, mean });
  }
  return points;
}

// ── The list of pulses ────────────────────────────────────────────────────────────────────────────

/**
 * /bienestar: the pulses the actor may answer or see the results of (the newest first), whether they
 * may open one, and the pulses waiting for their answer.
 */
export async function pulseList(actor: Actor, now = new Date()) {
  const schoolIds = [...actor.schoolRoles.keys()];
  const coordinator = isCoordinator(actor);
  const rows = await rowsOf<{
    id: string;
    title: string;
    school_id: string | null;
    school: string | null;
    opened_by: string;
    opens_at: Date | string;
    closes_at: Date | string;
    closed_at: Date | string | null;
    answered: boolean;
  }>(
    db(),
    sql`
    SELECT p.id, p.title, p.school_id, s.name AS school, p.opened_by, p.opens_at, p.closes_at, p.closed_at,
      EXISTS (SELECT 1 FROM wellbeing_participation w WHERE w.pulse_id = p.id AND w.person_id = ${actor.personId}) AS answered
    FROM wellbeing_pulses p LEFT JOIN schools s ON s.id = p.school_id
    WHERE p.organization_id = ${actor.organizationId}
      AND (${coordinator} OR p.opened_by = ${actor.personId} OR p.school_id IS NULL
        OR p.school_id = ANY(${uuidArray(schoolIds)}))
    ORDER BY p.opens_at DESC, p.id DESC
    LIMIT 100`,
  );
  return rows
    .map((r) => {
      const p = {
        organizationId: actor.organizationId,
        schoolId: r.school_id,
        openedBy: r.opened_by,
        opensAt: new Date(r.opens_at),
        closesAt: new Date(r.closes_at),
        closedAt: r.closed_at ? new Date(r.closed_at) : null,
      };
      const results = can(actor, "results", "wellbeing_pulse", p);
      const answer = can(actor, "answer", "wellbeing_pulse", p);
      return { r, p, results, answer };
    })
    .filter((x) => x.results || x.answer)
    .map(({ r, p, results, answer }) => ({
      id: r.id,
      title: r.title,
      school: r.school,
      opensAt: p.opensAt,
      closesAt: endOf(p),
      open: isOpen(p, now),
      answered: r.answered,
      mayAnswer: answer,
      results,
    }));
}
