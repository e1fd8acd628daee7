// Recording a classroom visit: start it for a teacher, add timestamped evidence, tag notes to
// indicators, give optional levels, take time-on-task snapshots, decide on the open action step and
// propose the next one, then submit. Every save writes everything the observer typed, so a reload or a
// lost connection loses nothing already sent.
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db, intArray, textArray } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import {
  type Action,
  type Actor,
  authorize,
  can,
  hasSchoolRole,
  menteesIn,
  type TenantSubject,
} from "../../platform/policy";
import { asText, parseInput, requiredText } from "../../platform/validation";
import { memberships, persons, schools } from "../people";
import { type IndicatorDef, type InstrumentContent, NOTE_MAX } from "./content";
import { type ObservationSubject, observedSchoolIds } from "./policy";
import {
  actionSteps,
  catalogueSteps,
  type FocusResult,
  feedbackMeetings,
  instruments,
  instrumentVersions,
  observationNotes,
  observationSnapshots,
  observations,
  PURPOSES,
  type Purpose,
  reflections,
  schoolObservationSettings,
} from "./schema";
import { historyColumn, historyOf, recordFieldEdits } from "./visit-history";

export const MAX_STUDENTS = 200;

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────────

/** The facts the policy needs about a visit of the tenant's organization (another's is not found). */
export async function observationSubject(
  tenant: TenantSubject,
  id: string,
  tx: DbOrTx = db(),
): Promise<ObservationSubject | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select({
      organizationId: observations.organizationId,
      schoolId: observations.schoolId,
      teacherId: observations.teacherId,
      observerId: observations.observerId,
      status: observations.status,
    })
    .from(observations)
    .where(and(eq(observations.id, id), eq(observations.organizationId, tenant.organizationId)));
  return row ?? null;
}

export async function authorizedObservation(
  actor: Actor,
  action: Action<"observation">,
  id: string,
  tx: DbOrTx = db(),
) {
  const subject = await observationSubject(actor, id, tx);
  if (!subject) throw new NotFoundError();
  authorize(actor, action, "observation", subject);
  return subject;
}

/** Scored and evidence indicators of a version, in order. */
export function indicatorsOf(content: InstrumentContent): IndicatorDef[] {
  return content.sections.flatMap((s) => s.indicators);
}

export const personName = sql<string>`${persons.givenNames} || ' ' || ${persons.familyNames}`;

/** The teacher's open action step, if any. */
export async function openStepOf(teacherId: string, tx: DbOrTx = db()) {
  const [step] = await tx
    .select({
      id: actionSteps.id,
      title: actionSteps.title,
      mastery: actionSteps.mastery,
      category: actionSteps.category,
      openedAt: actionSteps.openedAt,
    })
    .from(actionSteps)
    .where(and(eq(actionSteps.teacherId, teacherId), eq(actionSteps.status, "open")));
  return step ?? null;
}

/**
 * Everything the visit page shows, as far as the actor may see it. `readAction` is what a read by
 * someone other than the teacher and the author is audited as (the cycle PDF records its own).
 * The catalogue of steps comes with a draft (to propose one) and, with `forMeeting`, for the feedback
 * meeting's page (to name one); the page of a sent visit shows none, so it carries none.
 */
export async function getVisit(
  actor: Actor,
  id: string,
  { readAction = "observation.read", forMeeting = false }: { readAction?: string; forMeeting?: boolean } = {},
) {
  const subject = await authorizedObservation(actor, "read", id);
  // The visit with its school, instrument, people, the school's meeting target, its notes, levels and
  // snapshots in one statement (subqueries, each planned on its own); then the steps and the meeting at
  // once. Joining those too made one statement of 11 tables whose planning alone took PostgreSQL
  // 10–30 ms, more than the round trips it saved.
  const teacher = alias(persons, "teacher");
  const observer = alias(persons, "observer");
  const [row] = await db()
    .select({
      id: observations.id,
      schoolId: observations.schoolId,
      schoolName: schools.name,
      teacherId: observations.teacherId,
      observerId: observations.observerId,
      teacherName: sql<string>`${teacher.givenNames} || ' ' || ${teacher.familyNames}`,
      observerName: sql<string>`${observer.givenNames} || ' ' || ${observer.familyNames}`,
      purpose: observations.purpose,
      course: observations.course,
      subject: observations.subject,
      status: observations.status,
      startedAt: observations.startedAt,
      submittedAt: observations.submittedAt,
      updatedAt: observations.updatedAt,
      focusStepId: observations.focusStepId,
      focusResult: observations.focusResult,
      proposedCatalogueStepId: observations.proposedCatalogueStepId,
      proposedStepTitle: observations.proposedStepTitle,
      instrumentName: instruments.name,
      instrumentVersion: instrumentVersions.version,
      content: instrumentVersions.content,
      meetingWithinHours: schoolObservationSettings.meetingWithinHours,
      // (written out: the subqueries name the outer row in full)
      notes: sql<Array<{ id: string; minute: number; body: string; indicatorKeys: string[] }>>`coalesce((
        SELECT json_agg(json_build_object('id', n.id, 'minute', n.minute, 'body', n.body,
          'indicatorKeys', n.indicator_keys) ORDER BY n.minute, n.created_at)
        FROM observation_notes n WHERE n.observation_id = "observations"."id"), '[]'::json)`,
      levels: sql<Array<{ indicatorKey: string; level: number }>>`coalesce((
        SELECT json_agg(json_build_object('indicatorKey', l.indicator_key, 'level', l.level))
        FROM observation_levels l WHERE l.observation_id = "observations"."id"), '[]'::json)`,
      snapshots: sql<Array<{ id: string; minute: number; onTask: number; present: number }>>`coalesce((
        SELECT json_agg(json_build_object('id', s.id, 'minute', s.minute, 'onTask', s.on_task,
          'present', s.present) ORDER BY s.minute, s.id)
        FROM observation_snapshots s WHERE s.observation_id = "observations"."id"), '[]'::json)`,
      history: historyColumn(can(actor, "read_history", "observation", subject)),
    })
    .from(observations)
    .innerJoin(schools, eq(schools.id, observations.schoolId))
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, observations.instrumentVersionId))
    .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
    .innerJoin(teacher, eq(teacher.id, observations.teacherId))
    .innerJoin(observer, eq(observer.id, observations.observerId))
    .leftJoin(schoolObservationSettings, eq(schoolObservationSettings.schoolId, observations.schoolId))
    .where(eq(observations.id, id));
  if (!row) throw new NotFoundError();
  const { notes, levels, snapshots, meetingWithinHours, history, ...visit } = row;
  const [focusStep, meetingRows, proposedSteps] = await Promise.all([
    row.focusStepId
      ? db()
          .select({
            id: actionSteps.id,
            title: actionSteps.title,
            mastery: actionSteps.mastery,
            status: actionSteps.status,
          })
          .from(actionSteps)
          .where(eq(actionSteps.id, row.focusStepId))
      : Promise.resolve([]),
    db()
      .select({
        id: feedbackMeetings.id,
        heldAt: feedbackMeetings.heldAt,
        praise: feedbackMeetings.praise,
        model: feedbackMeetings.model,
        gap: feedbackMeetings.gap,
        plan: feedbackMeetings.plan,
        practiced: feedbackMeetings.practiced,
        practiceNote: feedbackMeetings.practiceNote,
        followUpOn: feedbackMeetings.followUpOn,
        acknowledgedAt: feedbackMeetings.acknowledgedAt,
        stepTitle: actionSteps.title,
        stepMastery: actionSteps.mastery,
        stepStatus: actionSteps.status,
        reflectionBody: reflections.body,
        reflectionPrivate: reflections.private,
        reflectionUpdatedAt: reflections.updatedAt,
      })
      .from(feedbackMeetings)
      .innerJoin(actionSteps, eq(actionSteps.id, feedbackMeetings.actionStepId))
      .leftJoin(reflections, eq(reflections.meetingId, feedbackMeetings.id))
      .where(eq(feedbackMeetings.observationId, id)),
    row.proposedCatalogueStepId
      ? db()
          .select({ id: catalogueSteps.id, title: catalogueSteps.title })
          .from(catalogueSteps)
          .where(eq(catalogueSteps.id, row.proposedCatalogueStepId))
      : Promise.resolve([]),
  ]);
  const found = meetingRows[0];
  const meeting = found
    ? (({ reflectionBody: _b, reflectionPrivate: _p, reflectionUpdatedAt: _u, ...rest }) => rest)(found)
    : null;
  // A reflection is shown to whoever may read it (a private one to its teacher only).
  const reflection =
    found?.reflectionBody !== null &&
    found?.reflectionBody !== undefined &&
    can(actor, "read", "reflection", { ...subject, private: found.reflectionPrivate ?? false })
      ? {
          body: found.reflectionBody,
          private: found.reflectionPrivate ?? false,
          updatedAt: found.reflectionUpdatedAt as Date,
        }
      : null;
  const editable = can(actor, "update", "observation", subject);
  const canHoldMeeting = !meeting && can(actor, "hold_meeting", "observation", subject);
  const canRespond = !!meeting && can(actor, "respond", "observation", subject);
  // Someone other than the teacher and the author reading a teacher's visit is a sensitive read.
  if (actor.personId !== row.teacherId && actor.personId !== row.observerId) {
    await audit(actor, { action: readAction, subjectType: "observation", subjectId: id });
  }
  const meetingDue = row.submittedAt
    ? new Date(row.submittedAt.getTime() + (meetingWithinHours ?? 48) * 3_600_000)
    : null;
  return {
    ...visit,
    meetingDue,
    catalogue:
      editable || (forMeeting && canHoldMeeting) ? await catalogueToPick(subject.organizationId) : [],
    notes,
    levels: Object.fromEntries(levels.map((l) => [l.indicatorKey, l.level])) as Record<string, number>,
    snapshots,
    onTaskShare: onTaskShare(snapshots),
    focusStep: focusStep[0] ?? null,
    proposedCatalogueStep: proposedSteps[0] ?? null,
    meeting,
    reflection,
    history: historyOf(history),
    can: { edit: editable, holdMeeting: canHoldMeeting, respond: canRespond },
    isTeacher: actor.personId === row.teacherId,
    /** its observer, once it is submitted, may propose the practice seen for the library */
    canProposePractice: actor.personId === row.observerId && row.status === "submitted",
  };
}
export type Visit = Awaited<ReturnType<typeof getVisit>>;

/** The catalogue's current steps, in order, to pick one. */
export async function catalogueToPick(organizationId: string) {
  return db()
    .select({ id: catalogueSteps.id, category: catalogueSteps.category, title: catalogueSteps.title })
    .from(catalogueSteps)
    .where(and(eq(catalogueSteps.organizationId, organizationId), isNull(catalogueSteps.archivedAt)))
    .orderBy(asc(catalogueSteps.category), asc(catalogueSteps.position));
}

/** Students on task over students present, across the snapshots (null without snapshots). */
export function onTaskShare(snapshots: Array<{ onTask: number; present: number }>): number | null {
  const present = snapshots.reduce((sum, s) => sum + s.present, 0);
  if (present === 0) return null;
  return snapshots.reduce((sum, s) => sum + s.onTask, 0) / present;
}

// ─── Starting ────────────────────────────────────────────────────────────────────────────────────

/**
 * Schools where the actor observes, with their teachers and each teacher's open step. `teacherId`
 * (a link from a profile, a follow-up or an overdue teacher) picks that teacher, and her school when
 * none is given and she teaches in one the actor observes.
 */
export async function visitOptions(actor: Actor, schoolId?: string, teacherId?: string) {
  // schools the actor leads, and those where they mentor someone (their mentees only, there)
  const observedSchools = observedSchoolIds(actor);
  if (observedSchools.length === 0) throw new NotFoundError();
  const schoolRows = await db()
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(and(inArray(schools.id, observedSchools), eq(schools.organizationId, actor.organizationId)))
    .orderBy(asc(schools.name));
  let asked = schoolRows.find((s) => s.id === schoolId);
  if (!asked && teacherId && isUuid(teacherId) && schoolRows.length > 1) {
    const taught = await db()
      .select({ schoolId: memberships.schoolId })
      .from(memberships)
      .where(
        and(
          eq(memberships.personId, teacherId),
          eq(memberships.role, "teacher"),
          inArray(
            memberships.schoolId,
            schoolRows.map((s) => s.id),
          ),
        ),
      );
    asked = schoolRows.find((s) => taught.some((m) => m.schoolId === s.id));
  }
  const chosen = asked ?? (schoolRows.length === 1 ? schoolRows[0] : null);
  const teachers = chosen
    ? await db()
        .select({ id: persons.id, name: personName, openStep: actionSteps.title })
        .from(memberships)
        .innerJoin(persons, eq(persons.id, memberships.personId))
        .leftJoin(actionSteps, and(eq(actionSteps.teacherId, persons.id), eq(actionSteps.status, "open")))
        .where(
          and(
            eq(memberships.schoolId, chosen.id),
            eq(memberships.role, "teacher"),
            sql`${persons.status} <> 'disabled'`,
            sql`${persons.id} <> ${actor.personId}`,
            hasSchoolRole(actor, chosen.id, "leader")
              ? undefined
              : inArray(persons.id, [...menteesIn(actor, chosen.id), actor.personId]),
          ),
        )
        .orderBy(asc(persons.familyNames), asc(persons.givenNames))
    : [];
  const instrumentRows = await publishedInstruments(actor.organizationId);
  const [settings] = chosen
    ? await db()
        .select({ defaultPurpose: schoolObservationSettings.defaultPurpose })
        .from(schoolObservationSettings)
        .where(eq(schoolObservationSettings.schoolId, chosen.id))
    : [];
  return {
    schools: schoolRows,
    school: chosen,
    teachers,
    /** the teacher asked for, when she is one of the school's teachers the actor may observe */
    teacherId: teachers.find((p) => p.id === teacherId)?.id ?? null,
    instruments: instrumentRows,
    defaultPurpose: settings?.defaultPurpose ?? ("formativa" as Purpose),
  };
}

/** The latest published version of every instrument of the organization. */
export async function publishedInstruments(organizationId: string, tx: DbOrTx = db()) {
  return tx
    .selectDistinctOn([instruments.id], {
      id: instruments.id,
      name: instruments.name,
      versionId: instrumentVersions.id,
      version: instrumentVersions.version,
    })
    .from(instruments)
    .innerJoin(instrumentVersions, eq(instrumentVersions.instrumentId, instruments.id))
    .where(
      and(
        eq(instruments.organizationId, organizationId),
        isNull(instruments.archivedAt),
        eq(instrumentVersions.status, "published"),
      ),
    )
    .orderBy(instruments.id, desc(instrumentVersions.version));
}

const startInput = z.object({
  schoolId: requiredText(40, "observation.errors.school_required"),
  teacherId: requiredText(40, "observation.errors.teacher_required"),
  instrumentId: requiredText(40, "observation.errors.instrument_required"),
  course: requiredText(60),
  subject: requiredText(80),
  purpose: z.preprocess(asText, z.enum(PURPOSES, { message: "errors.invalid_choice" })),
});

/** How far back a visit started on a phone without connection may say it started. */
const OFFLINE_START_MAX_MS = 7 * 86_400_000;

/**
 * Opens a draft visit and returns its id. The teacher's open step becomes its focus. A visit started
 * on a phone without connection (the offline capture page) brings its own id, made there, and the
 * instant it started: sent again, it is the same visit; the id of someone else's visit is refused.
 */
export async function startVisit(
  actor: Actor,
  input: Record<string, unknown>,
  fromPhone?: { id: string; startedAt?: Date },
  now = new Date(),
): Promise<string> {
  if (fromPhone) {
    if (!isUuid(fromPhone.id)) throw new NotFoundError();
    const [existing] = await db()
      .select({ observerId: observations.observerId, organizationId: observations.organizationId })
      .from(observations)
      .where(eq(observations.id, fromPhone.id));
    if (existing) {
      if (existing.observerId === actor.personId && existing.organizationId === actor.organizationId)
        return fromPhone.id;
      throw new NotFoundError();
    }
  }
  const values = parseInput(startInput, input);
  const teacherOk =
    isUuid(values.schoolId) &&
    isUuid(values.teacherId) &&
    (
      await db()
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(persons, eq(persons.id, memberships.personId))
        .where(
          and(
            eq(memberships.personId, values.teacherId),
            eq(memberships.schoolId, values.schoolId),
            eq(memberships.role, "teacher"),
            eq(persons.organizationId, actor.organizationId),
          ),
        )
    ).length > 0;
  const subject = {
    organizationId: actor.organizationId,
    schoolId: values.schoolId,
    teacherId: values.teacherId,
  };
  if (!teacherOk || !can(actor, "observe", "teacher", subject)) {
    throw new ValidationError({ teacherId: "observation.errors.teacher_not_observable" });
  }
  const instrument = (await publishedInstruments(actor.organizationId)).find(
    (i) => i.id === values.instrumentId,
  );
  if (!instrument) throw new ValidationError({ instrumentId: "observation.errors.instrument_required" });
  // The phone captured with the version it kept: that one, if it is a published version of the
  // instrument (levels are keyed by its indicators); otherwise the latest.
  let versionId = instrument.versionId;
  const phoneVersion = asText(input.instrumentVersionId);
  if (fromPhone && isUuid(phoneVersion) && phoneVersion !== versionId) {
    const [kept] = await db()
      .select({ id: instrumentVersions.id })
      .from(instrumentVersions)
      .where(
        and(
          eq(instrumentVersions.id, phoneVersion),
          eq(instrumentVersions.instrumentId, instrument.id),
          eq(instrumentVersions.status, "published"),
        ),
      );
    if (kept) versionId = kept.id;
  }
  const id = fromPhone?.id ?? newId();
  const phoneStart = fromPhone?.startedAt?.getTime();
  const startedAt =
    phoneStart !== undefined &&
    !Number.isNaN(phoneStart) &&
    phoneStart >= now.getTime() - OFFLINE_START_MAX_MS &&
    phoneStart <= now.getTime() + 120_000
      ? new Date(Math.min(phoneStart, now.getTime()))
      : now;
  await db().transaction(async (tx) => {
    const focus = await openStepOf(values.teacherId, tx);
    const inserted = await tx
      .insert(observations)
      .values({
        id,
        organizationId: actor.organizationId,
        schoolId: values.schoolId,
        teacherId: values.teacherId,
        observerId: actor.personId,
        instrumentVersionId: versionId,
        purpose: values.purpose,
        course: values.course,
        subject: values.subject,
        status: "draft",
        startedAt,
        focusStepId: focus?.id ?? null,
      })
      // The same phone's visit sent from two tabs at once: one row.
      .onConflictDoNothing()
      .returning({ id: observations.id });
    if (inserted.length === 0) return;
    await audit(actor, { action: "observation.start", subjectType: "observation", subjectId: id }, tx);
  });
  return id;
}

// ─── Saving ──────────────────────────────────────────────────────────────────────────────────────

export const VISIT_INTENTS = [
  "save",
  "note",
  "snapshot",
  "submit",
  "delete_note",
  "delete_snapshot",
] as const;
export type VisitIntent = (typeof VISIT_INTENTS)[number];

const countField = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, "observation.errors.count_invalid")
  .transform(Number)
  .pipe(z.number().max(MAX_STUDENTS, "observation.errors.count_invalid"));

/**
 * Saves what the observer typed on the visit page, then does what the button asked: add a note, add a
 * snapshot, remove one, or submit. Fields: note, noteTag, at (when a note or snapshot was written, if
 * not now), level_<indicator>, tag_<noteId>, onTask, present, focusResult, proposedStep ("" or a catalogue
 * step id), proposedStepTitle. A field left out is left as it is.
 */
export async function saveVisit(
  actor: Actor,
  id: string,
  intent: string,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<{ submitted: boolean }> {
  const subject = await authorizedObservation(actor, "update", id);
  if (!(VISIT_INTENTS as readonly string[]).includes(intent)) throw new DomainError("errors.invalid_choice");
  const [visit] = await db()
    .select({
      startedAt: observations.startedAt,
      focusStepId: observations.focusStepId,
      content: instrumentVersions.content,
    })
    .from(observations)
    .innerJoin(instrumentVersions, eq(instrumentVersions.id, observations.instrumentVersionId))
    .where(eq(observations.id, id));
  if (!visit) throw new NotFoundError();
  const indicators = indicatorsOf(visit.content);
  const errors: FieldErrors = {};
  const str = (key: string) => (typeof input[key] === "string" ? (input[key] as string) : "");

  // Levels: only scored indicators of this version; "" clears.
  const levels: Array<{ key: string; level: number | null }> = [];
  for (const indicator of indicators) {
    const raw = str(`level_${indicator.key}`);
    if (!(`level_${indicator.key}` in input)) continue;
    if (raw === "") levels.push({ key: indicator.key, level: null });
    else if (indicator.kind === "scored" && /^[1-4]$/.test(raw))
      levels.push({ key: indicator.key, level: Number(raw) });
    else errors[`level_${indicator.key}`] = "errors.invalid_choice";
  }
  // Tags of existing notes: only the notes the form names (a note added from the phone names none, and
  // reading every note of the visit on each of 500 queued changes made the sync quadratic).
  const taggedIds = Object.keys(input)
    .filter((field) => field.startsWith("tag_"))
    .map((field) => field.slice(4))
    .filter(isUuid);
  const existingNotes = taggedIds.length
    ? await db()
        .select({ id: observationNotes.id })
        .from(observationNotes)
        .where(and(eq(observationNotes.observationId, id), inArray(observationNotes.id, taggedIds)))
    : [];
  const tags: Array<{ noteId: string; keys: string[] }> = [];
  for (const note of existingNotes) {
    const field = `tag_${note.id}`;
    if (!(field in input)) continue;
    const raw = str(field);
    if (raw === "") tags.push({ noteId: note.id, keys: [] });
    else if (indicators.some((i) => i.key === raw)) tags.push({ noteId: note.id, keys: [raw] });
    else errors[field] = "errors.invalid_choice";
  }
  // Decision on the open step and the proposal for the next one.
  let focusResult: FocusResult | null | undefined;
  if ("focusResult" in input) {
    const raw = str("focusResult");
    if (raw === "") focusResult = null;
    else if (raw === "mastered" || raw === "continued") focusResult = raw;
    else errors.focusResult = "errors.invalid_choice";
  }
  let proposedStep: string | null | undefined;
  if ("proposedStep" in input) {
    const raw = str("proposedStep");
    if (raw === "") proposedStep = null;
    else if (isUuid(raw)) {
      const [found] = await db()
        .select({ id: catalogueSteps.id })
        .from(catalogueSteps)
        .where(
          and(
            eq(catalogueSteps.id, raw),
            eq(catalogueSteps.organizationId, subject.organizationId),
            isNull(catalogueSteps.archivedAt),
          ),
        );
      if (found) proposedStep = found.id;
      else errors.proposedStep = "errors.invalid_choice";
    } else errors.proposedStep = "errors.invalid_choice";
  }
  let proposedStepTitle: string | null | undefined;
  if ("proposedStepTitle" in input) {
    const raw = str("proposedStepTitle").trim();
    if (raw.length > 300) errors.proposedStepTitle = "errors.too_long";
    else proposedStepTitle = raw || null;
  }
  // A note: added by its own button, and by submit when one was left typed.
  const noteText = str("note").trim();
  if (noteText.length > NOTE_MAX) errors.note = "errors.too_long";
  const addNote = (intent === "note" || intent === "submit") && noteText !== "";
  if (intent === "note" && noteText === "") errors.note = "observation.errors.note_required";
  const noteTag = str("noteTag");
  if (noteTag !== "" && !indicators.some((i) => i.key === noteTag)) errors.noteTag = "errors.invalid_choice";
  // A snapshot: by its own button, and by submit when both counts were left typed.
  const onTaskRaw = str("onTask").trim();
  const presentRaw = str("present").trim();
  let snapshot: { onTask: number; present: number } | null = null;
  if (intent === "snapshot" || (intent === "submit" && (onTaskRaw !== "" || presentRaw !== ""))) {
    const onTask = countField.safeParse(onTaskRaw);
    const present = countField.safeParse(presentRaw);
    if (!present.success || present.data === 0) errors.present = "observation.errors.present_invalid";
    if (!onTask.success) errors.onTask = "observation.errors.count_invalid";
    else if (present.success && onTask.data > present.data)
      errors.onTask = "observation.errors.on_task_over_present";
    if (onTask.success && present.success && !errors.present && !errors.onTask) {
      snapshot = { onTask: onTask.data, present: present.data };
    }
  }
  const removeId = str("removeId");
  if ((intent === "delete_note" || intent === "delete_snapshot") && !isUuid(removeId)) {
    throw new DomainError("errors.invalid_choice");
  }
  if (intent === "submit" && Object.keys(errors).length === 0) {
    // Submitting needs evidence, and a decision on the step the visit opened with.
    const [current] = await db()
      .select({
        focusResult: observations.focusResult,
        // Columns inside a select field are left unqualified by drizzle: name them in full.
        notes: sql<number>`(SELECT count(*)::int FROM observation_notes n WHERE n.observation_id = "observations"."id")`,
      })
      .from(observations)
      .where(eq(observations.id, id));
    if (current.notes === 0 && !addNote) errors.note = "observation.errors.evidence_required";
    const decided = focusResult !== undefined ? focusResult : current.focusResult;
    if (visit.focusStepId && !decided) errors.focusResult = "observation.errors.focus_result_required";
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const decided = focusResult;

  const minuteAt = (at: Date) => Math.max(0, Math.floor((at.getTime() - visit.startedAt.getTime()) / 60_000));
  const minute = minuteAt(now);
  // A note or snapshot written on the phone while the connection was slow or gone keeps the minute it
  // was written at ("at", an ISO instant), if that falls between the start of the visit and now.
  const at = new Date(str("at"));
  const writtenMinute =
    str("at") !== "" && at.getTime() >= visit.startedAt.getTime() && at.getTime() <= now.getTime() + 120_000
      ? minuteAt(at)
      : minute;
  // When a change of a field was written on the device (the history's order), now for a form.
  const writtenAt = str("at") !== "" && at.getTime() <= now.getTime() + 120_000 ? at : now;
  return db().transaction(async (tx) => {
    // The row lock keeps two saves (two tabs, a retry) from interleaving; a submitted visit is final.
    const [locked] = await tx
      .select({ status: observations.status })
      .from(observations)
      .where(eq(observations.id, id))
      .for("update");
    if (locked?.status !== "draft") throw new DomainError("observation.errors.already_submitted");
    // Every field this save changes joins the visit's history (visit-history.ts), before it is written.
    await recordFieldEdits(
      tx,
      id,
      [
        ...levels.map((l) => ({ field: `level:${l.key}`, value: l.level === null ? "" : String(l.level) })),
        ...tags.map((t) => ({ field: `tag:${t.noteId}`, value: t.keys[0] ?? "" })),
        ...(focusResult !== undefined && visit.focusStepId
          ? [{ field: "focusResult", value: focusResult ?? "" }]
          : []),
        ...(proposedStep !== undefined ? [{ field: "proposedStep", value: proposedStep ?? "" }] : []),
        ...(proposedStepTitle !== undefined
          ? [{ field: "proposedStepTitle", value: proposedStepTitle ?? "" }]
          : []),
      ],
      { writtenAt, device: /^[\w-]{1,64}$/.test(str("device")) ? str("device") : null },
      now,
    );
    // One statement per kind of row, whatever the number of indicators and notes (every autosave).
    const cleared = levels.filter((l) => l.level === null).map((l) => l.key);
    const set = levels.filter((l): l is { key: string; level: number } => l.level !== null);
    if (cleared.length) {
      await tx.execute(
        sql`DELETE FROM observation_levels WHERE observation_id = ${id} AND indicator_key = ANY(${textArray(cleared)})`,
      );
    }
    if (set.length) {
      await tx.execute(sql`
        INSERT INTO observation_levels (observation_id, indicator_key, level)
        SELECT ${id}::uuid, t.key, t.level
        FROM unnest(${textArray(set.map((l) => l.key))}, ${intArray(set.map((l) => l.level))}) AS t(key, level)
        ON CONFLICT (observation_id, indicator_key) DO UPDATE SET level = EXCLUDED.level`);
    }
    if (tags.length) {
      await tx.execute(sql`
        UPDATE observation_notes n SET indicator_keys = t.keys
        FROM jsonb_to_recordset(${JSON.stringify(tags.map((t) => ({ id: t.noteId, keys: t.keys })))}::jsonb)
          AS t(id uuid, keys text[])
        WHERE n.id = t.id AND n.observation_id = ${id}`);
    }
    const changes: Partial<typeof observations.$inferInsert> = { updatedAt: now };
    if (focusResult !== undefined && visit.focusStepId) changes.focusResult = focusResult;
    if (proposedStep !== undefined) changes.proposedCatalogueStepId = proposedStep;
    if (proposedStepTitle !== undefined) changes.proposedStepTitle = proposedStepTitle;
    if (addNote) {
      await tx.insert(observationNotes).values({
        id: newId(),
        observationId: id,
        minute: writtenMinute,
        body: noteText,
        indicatorKeys: noteTag ? [noteTag] : [],
      });
    }
    if (snapshot) {
      await tx
        .insert(observationSnapshots)
        .values({ id: newId(), observationId: id, minute: writtenMinute, ...snapshot });
    }
    if (intent === "delete_note") {
      await tx
        .delete(observationNotes)
        .where(and(eq(observationNotes.id, removeId), eq(observationNotes.observationId, id)));
    }
    if (intent === "delete_snapshot") {
      await tx
        .delete(observationSnapshots)
        .where(and(eq(observationSnapshots.id, removeId), eq(observationSnapshots.observationId, id)));
    }
    if (intent === "submit") {
      changes.status = "submitted";
      changes.submittedAt = now;
      const [current] = await tx
        .select({ focusResult: observations.focusResult })
        .from(observations)
        .where(eq(observations.id, id));
      if (visit.focusStepId && (decided !== undefined ? decided : current.focusResult) === "mastered") {
        await tx
          .update(actionSteps)
          .set({ status: "mastered", closedAt: now, masteredInObservationId: id })
          .where(and(eq(actionSteps.id, visit.focusStepId), eq(actionSteps.status, "open")));
      }
      await audit(actor, { action: "observation.submit", subjectType: "observation", subjectId: id }, tx);
    }
    await tx.update(observations).set(changes).where(eq(observations.id, id));
    return { submitted: intent === "submit" };
  });
}

/** Deletes a draft visit (the author changed their mind); a submitted visit stays. */
export async function discardVisit(actor: Actor, id: string): Promise<void> {
  await authorizedObservation(actor, "update", id);
  await db().transaction(async (tx) => {
    await tx.delete(observations).where(and(eq(observations.id, id), eq(observations.status, "draft")));
    await audit(actor, { action: "observation.discard", subjectType: "observation", subjectId: id }, tx);
  });
}
