// School advisories (issue #18): an engagement of the organization with one school. Coordinators create
// and edit them (title, dates, goals, advisors, program, status); the advisors keep the plan's
// milestones and the visits; the school's leaders read the goals, the plan and the visits' agreements.
// Adding an advisor records them as advising the school (coordinator_schools) in the same transaction,
// so that the policy lets them read the school's records; removing one leaves that record (it is
// managed on the school's page).
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db, uuidArray } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can, hasSchoolRole, isCoordinator } from "../../platform/policy";
import { renderRichText } from "../../platform/rich-text";
import { localParts } from "../../platform/time";
import { asText, parseInput } from "../../platform/validation";
import { listPrograms, programOfOrganization } from "../people";
import { coordinatorSchools, memberships, persons, programs, schools } from "../people/schema";
import {
  ADVISOR_FIELD,
  ADVISORY_LIMITS,
  ADVISORY_STATUSES,
  type AdvisoryStatusName,
  STATUS_MOVES,
} from "./content";
import type { AdvisorySubject } from "./policy";
import { advisories, advisoryAdvisors, advisoryMilestones, advisoryVisits } from "./schema";

type Advisory = typeof advisories.$inferSelect;

// ── Loading and the policy's subject ──────────────────────────────────────────────────────────────

async function advisoryOf(actor: Actor, advisoryId: string, tx: DbOrTx = db(), lock = false) {
  if (!isUuid(advisoryId)) throw new NotFoundError();
  const q = tx
    .select()
    .from(advisories)
    .where(and(eq(advisories.id, advisoryId), eq(advisories.organizationId, actor.organizationId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new NotFoundError();
  const advisors = await tx
    .select({ personId: advisoryAdvisors.personId })
    .from(advisoryAdvisors)
    .where(eq(advisoryAdvisors.advisoryId, advisoryId));
  return { advisory: row, advisorIds: advisors.map((a) => a.personId) };
}

const subjectOf = (advisory: Advisory, advisorIds: readonly string[]): AdvisorySubject => ({
  organizationId: advisory.organizationId,
  schoolId: advisory.schoolId,
  status: advisory.status,
  advisorIds,
});

/**
 * The advisory, once the actor may `action` it. Whoever may not even read it gets "not found"; so
 * does whoever may read it but not do this.
 */
async function authorized(
  actor: Actor,
  action: "read" | "update" | "work",
  advisoryId: string,
  tx: DbOrTx = db(),
  lock = false,
) {
  const loaded = await advisoryOf(actor, advisoryId, tx, lock);
  const subject = subjectOf(loaded.advisory, loaded.advisorIds);
  authorize(actor, "read", "advisory", subject);
  authorize(actor, action, "advisory", subject);
  return { ...loaded, subject };
}

/**
 * The advisory, for a change of its plan or visits by an advisor. An advisor whose advisory is closed
 * (a page loaded before it closed) is told so rather than shown "not found".
 */
async function workable(actor: Actor, advisoryId: string, tx: DbOrTx) {
  const loaded = await advisoryOf(actor, advisoryId, tx, true);
  const subject = subjectOf(loaded.advisory, loaded.advisorIds);
  authorize(actor, "read", "advisory", subject);
  if (loaded.advisory.status === "closed" && can(actor, "work", "advisory", { ...subject, status: "active" }))
    throw new DomainError("advisory.errors.closed");
  authorize(actor, "work", "advisory", subject);
  return { ...loaded, subject };
}

// ── Input ─────────────────────────────────────────────────────────────────────────────────────────

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string) => {
  if (!DAY_RE.test(v)) return false;
  const d = new Date(`${v}T12:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= "1900-01-01" && v <= "2999-12-31"
  );
};

/** A form's date ("2026-11-25"): required, or optional ("" → null). */
const dayField = (required: boolean, message: string) =>
  z.preprocess(
    asText,
    z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        if (v === "" && required) ctx.addIssue({ code: "custom", message: "advisory.errors.date_required" });
        else if (v !== "" && !isDay(v)) ctx.addIssue({ code: "custom", message });
      })
      .transform((v) => (v === "" ? null : v)),
  );

const text = (max: number, required: string | null, tooLong: string) =>
  z.preprocess(
    asText,
    required ? z.string().trim().min(1, required).max(max, tooLong) : z.string().trim().max(max, tooLong),
  );

const advisoryInput = z.object({
  title: text(ADVISORY_LIMITS.title, "advisory.errors.title_required", "advisory.errors.title_too_long"),
  goals: text(ADVISORY_LIMITS.goals, null, "advisory.errors.goals_too_long"),
  startsOn: dayField(true, "advisory.errors.date_invalid"),
  endsOn: dayField(false, "advisory.errors.date_invalid"),
});

/** Parses a form, gathering every field's message (zod's, then the checks that need the database). */
function parseAll<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { data?: z.infer<S>; errors: FieldErrors } {
  try {
    return { data: parseInput(schema, input), errors: {} };
  } catch (error) {
    if (error instanceof ValidationError) return { errors: { ...error.fieldErrors } };
    throw error;
  }
}

const str = (input: Record<string, unknown>, key: string) => asText(input[key]).trim();

/** The advisor checkboxes ticked in a form. */
function tickedAdvisors(input: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (!key.startsWith(ADVISOR_FIELD) || (value !== "on" && value !== true && value !== "true")) continue;
    ids.push(key.slice(ADVISOR_FIELD.length));
  }
  return [...new Set(ids)];
}

/** The organization's coordinators who may be chosen as advisors (active or invited), by name. */
async function coordinatorsOf(organizationId: string, tx: DbOrTx = db()) {
  return tx
    .selectDistinct({
      id: persons.id,
      givenNames: persons.givenNames,
      familyNames: persons.familyNames,
    })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, "coordinator"),
        sql`${memberships.schoolId} IS NULL`,
        sql`${persons.status} <> 'disabled'`,
      ),
    )
    .orderBy(asc(persons.familyNames), asc(persons.givenNames), asc(persons.id));
}

const fullName = (p: { givenNames: string; familyNames: string }) => `${p.givenNames} ${p.familyNames}`;

// ── The form's choices ────────────────────────────────────────────────────────────────────────────

export interface AdvisoryFormOptions {
  schools: Array<{ id: string; name: string }>;
  coordinators: Array<{ id: string; name: string }>;
  programs: Array<{ id: string; name: string }>;
}

async function formOptions(
  actor: Actor,
  keepAdvisorIds: readonly string[] = [],
): Promise<AdvisoryFormOptions> {
  const [schoolRows, coordinators, programRows] = await Promise.all([
    db()
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(eq(schools.organizationId, actor.organizationId))
      .orderBy(asc(schools.name)),
    coordinatorsOf(actor.organizationId),
    listPrograms(actor),
  ]);
  const people = coordinators.map((c) => ({ id: c.id, name: fullName(c) }));
  // advisors who are no longer coordinators stay on the form (they can be unticked)
  const missing = keepAdvisorIds.filter((id) => !people.some((p) => p.id === id));
  if (missing.length) {
    const rows = await db()
      .select({ id: persons.id, givenNames: persons.givenNames, familyNames: persons.familyNames })
      .from(persons)
      .where(and(eq(persons.organizationId, actor.organizationId), inArray(persons.id, missing)));
    people.push(...rows.map((r) => ({ id: r.id, name: fullName(r) })));
  }
  return { schools: schoolRows, coordinators: people, programs: programRows };
}

/** The new-advisory form's choices (coordinators); `schoolId` preselected when it is one of them. */
export async function newAdvisoryForm(actor: Actor, schoolId?: string | null) {
  authorize(actor, "create", "advisory", { organizationId: actor.organizationId });
  const options = await formOptions(actor);
  return {
    options,
    defaults: {
      schoolId: options.schools.some((s) => s.id === schoolId) ? (schoolId ?? "") : "",
      advisorIds: [actor.personId],
    },
  };
}

/** Validates an advisory's form: its fields, the school (on creation), advisors and program. */
async function checkAdvisoryForm(
  actor: Actor,
  input: Record<string, unknown>,
  options: { creating: boolean; currentAdvisorIds: readonly string[] },
  tx: DbOrTx,
) {
  const { data, errors } = parseAll(advisoryInput, input);
  if (data?.endsOn && data.startsOn && data.endsOn < data.startsOn)
    errors.endsOn = "advisory.errors.ends_before_start";
  let schoolId = "";
  if (options.creating) {
    schoolId = str(input, "schoolId");
    if (schoolId === "") errors.schoolId = "advisory.errors.school_required";
    else {
      const [school] = isUuid(schoolId)
        ? await tx
            .select({ id: schools.id })
            .from(schools)
            .where(and(eq(schools.id, schoolId), eq(schools.organizationId, actor.organizationId)))
        : [];
      if (!school) errors.schoolId = "errors.invalid_choice";
    }
  }
  const advisorIds = tickedAdvisors(input);
  const allowed = new Set([
    ...(await coordinatorsOf(actor.organizationId, tx)).map((c) => c.id),
    ...options.currentAdvisorIds,
  ]);
  if (advisorIds.some((id) => !allowed.has(id))) errors.advisors = "errors.invalid_choice";
  else if (advisorIds.length === 0) errors.advisors = "advisory.errors.advisors_required";
  const programId = str(input, "programId");
  let program: { id: string } | null = null;
  if (programId !== "") {
    program = await programOfOrganization(actor.organizationId, programId, tx);
    if (!program) errors.programId = "errors.invalid_choice";
  }
  if (!data || Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { ...data, schoolId, advisorIds, programId: program?.id ?? null };
}

/**
 * Records the advisors as advising the school (coordinator_schools) where they were not yet: the
 * policy's `advises(a, schoolId)` then lets them read the school's records. Returns who was added.
 */
async function recordAdvising(
  tx: DbOrTx,
  organizationId: string,
  schoolId: string,
  personIds: readonly string[],
) {
  if (personIds.length === 0) return [];
  const added = await tx
    .insert(coordinatorSchools)
    .values(personIds.map((personId) => ({ organizationId, personId, schoolId })))
    .onConflictDoNothing()
    .returning({ personId: coordinatorSchools.personId });
  return added.map((a) => a.personId);
}

// ── Creating and editing ──────────────────────────────────────────────────────────────────────────

/**
 * Creates an advisory (coordinators). Input: title, schoolId, startsOn, endsOn (optional), goals
 * (Markdown, optional), programId (optional), advisor_<personId> ("on") for one or more coordinators.
 */
export async function createAdvisory(actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
  authorize(actor, "create", "advisory", { organizationId: actor.organizationId });
  const id = newId();
  await db().transaction(async (tx) => {
    const form = await checkAdvisoryForm(actor, input, { creating: true, currentAdvisorIds: [] }, tx);
    await tx.insert(advisories).values({
      id,
      organizationId: actor.organizationId,
      schoolId: form.schoolId,
      programId: form.programId,
      title: form.title,
      goals: form.goals,
      startsOn: form.startsOn as string,
      endsOn: form.endsOn,
      status: "planned",
      createdBy: actor.personId,
    });
    await tx
      .insert(advisoryAdvisors)
      .values(form.advisorIds.map((personId) => ({ advisoryId: id, personId })));
    const advising = await recordAdvising(tx, actor.organizationId, form.schoolId, form.advisorIds);
    await audit(
      actor,
      {
        action: "advisory.create",
        subjectType: "advisory",
        subjectId: id,
        details: { schoolId: form.schoolId, advisors: form.advisorIds, advisingRecorded: advising },
      },
      tx,
    );
  });
  return { id };
}

/** The edit form: the stored values and the choices (coordinators). */
export async function advisoryForEdit(actor: Actor, advisoryId: string) {
  const { advisory, advisorIds } = await authorized(actor, "update", advisoryId);
  const [school] = await db()
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.id, advisory.schoolId));
  return {
    id: advisory.id,
    school: { id: advisory.schoolId, name: school?.name ?? "" },
    values: {
      title: advisory.title,
      goals: advisory.goals,
      startsOn: advisory.startsOn,
      endsOn: advisory.endsOn ?? "",
      programId: advisory.programId ?? "",
    },
    advisorIds,
    options: await formOptions(actor, advisorIds),
  };
}

/** Edits an advisory (coordinators); its school stays. Same input as createAdvisory, without schoolId. */
export async function updateAdvisory(actor: Actor, advisoryId: string, input: Record<string, unknown>) {
  await db().transaction(async (tx) => {
    const { advisory, advisorIds } = await authorized(actor, "update", advisoryId, tx, true);
    const form = await checkAdvisoryForm(
      actor,
      input,
      { creating: false, currentAdvisorIds: advisorIds },
      tx,
    );
    await tx
      .update(advisories)
      .set({
        title: form.title,
        goals: form.goals,
        startsOn: form.startsOn as string,
        endsOn: form.endsOn,
        programId: form.programId,
        updatedAt: new Date(),
      })
      .where(eq(advisories.id, advisoryId));
    const added = form.advisorIds.filter((id) => !advisorIds.includes(id));
    const removed = advisorIds.filter((id) => !form.advisorIds.includes(id));
    if (removed.length)
      await tx
        .delete(advisoryAdvisors)
        .where(and(eq(advisoryAdvisors.advisoryId, advisoryId), inArray(advisoryAdvisors.personId, removed)));
    if (added.length)
      await tx
        .insert(advisoryAdvisors)
        .values(added.map((personId) => ({ advisoryId, personId })))
        .onConflictDoNothing();
    const advising = await recordAdvising(tx, advisory.organizationId, advisory.schoolId, added);
    await audit(
      actor,
      {
        action: "advisory.update",
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { advisorsAdded: added, advisorsRemoved: removed, advisingRecorded: advising },
      },
      tx,
    );
  });
}

/** Moves an advisory to another status (coordinators), along STATUS_MOVES. */
export async function setAdvisoryStatus(actor: Actor, advisoryId: string, input: Record<string, unknown>) {
  const wanted = str(input, "status");
  await db().transaction(async (tx) => {
    const { advisory } = await authorized(actor, "update", advisoryId, tx, true);
    if (!(ADVISORY_STATUSES as readonly string[]).includes(wanted))
      throw new ValidationError({ status: "errors.invalid_choice" });
    const to = wanted as AdvisoryStatusName;
    if (to === advisory.status) return; // sent twice: already there
    if (!STATUS_MOVES[advisory.status].includes(to))
      throw new DomainError("advisory.errors.status_move", { status: "advisory.errors.status_move" });
    const now = new Date();
    await tx
      .update(advisories)
      .set({ status: to, closedAt: to === "closed" ? now : null, updatedAt: now })
      .where(eq(advisories.id, advisoryId));
    await audit(
      actor,
      {
        action: "advisory.status",
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { from: advisory.status, to },
      },
      tx,
    );
  });
}

// ── Lists ─────────────────────────────────────────────────────────────────────────────────────────

export interface AdvisoryListRow {
  id: string;
  title: string;
  schoolId: string;
  school: string;
  status: AdvisoryStatusName;
  startsOn: string;
  endsOn: string | null;
  milestones: number;
  milestonesDone: number;
}

/** The schools whose advisories the actor reads: null for every school (coordinators). */
function readableSchools(actor: Actor): string[] | null {
  if (isCoordinator(actor)) return null;
  return [...actor.schoolRoles.keys()].filter((id) => hasSchoolRole(actor, id, "leader"));
}

async function listRows(actor: Actor, where: { schoolId?: string; status?: AdvisoryStatusName | null }) {
  const scope = readableSchools(actor);
  if (scope !== null && scope.length === 0) return [];
  const rows = await db()
    .select({
      id: advisories.id,
      title: advisories.title,
      schoolId: advisories.schoolId,
      school: schools.name,
      status: advisories.status,
      startsOn: advisories.startsOn,
      endsOn: advisories.endsOn,
      milestones: sql<number>`(SELECT count(*)::int FROM advisory_milestones m WHERE m.advisory_id = ${advisories.id})`,
      milestonesDone: sql<number>`(SELECT count(*)::int FROM advisory_milestones m
        WHERE m.advisory_id = ${advisories.id} AND m.done_on IS NOT NULL)`,
    })
    .from(advisories)
    .innerJoin(schools, eq(schools.id, advisories.schoolId))
    .where(
      and(
        eq(advisories.organizationId, actor.organizationId),
        scope === null ? undefined : sql`${advisories.schoolId} = ANY(${uuidArray(scope)})`,
        where.schoolId ? eq(advisories.schoolId, where.schoolId) : undefined,
        where.status ? eq(advisories.status, where.status) : undefined,
      ),
    )
    .orderBy(
      sql`CASE ${advisories.status} WHEN 'active' THEN 0 WHEN 'planned' THEN 1 ELSE 2 END`,
      desc(advisories.startsOn),
      asc(schools.name),
      asc(advisories.id),
    )
    .limit(500);
  return rows as AdvisoryListRow[];
}

/** The advisories the actor reads (coordinators: all; leaders: their schools'), by status if asked. */
export async function listAdvisories(actor: Actor, query: { status?: string | null } = {}) {
  authorize(actor, "list", "advisory", { organizationId: actor.organizationId });
  const status = (ADVISORY_STATUSES as readonly string[]).includes(query.status ?? "")
    ? (query.status as AdvisoryStatusName)
    : null;
  return {
    status,
    rows: await listRows(actor, { status }),
    canCreate: can(actor, "create", "advisory", { organizationId: actor.organizationId }),
  };
}

/** A school's advisories that the actor reads (the school's page); empty for anyone else. */
export async function schoolAdvisories(actor: Actor, school: { id: string; organizationId: string }) {
  if (school.organizationId !== actor.organizationId || !isUuid(school.id))
    return { rows: [], canCreate: false };
  const readable = readableSchools(actor);
  if (readable !== null && !readable.includes(school.id)) return { rows: [], canCreate: false };
  return {
    rows: await listRows(actor, { schoolId: school.id }),
    canCreate: can(actor, "create", "advisory", { organizationId: actor.organizationId }),
  };
}

/** Whether the menu offers "Asesorías": coordinators, and leaders of a school with an advisory. */
export async function hasAdvisories(actor: Actor): Promise<boolean> {
  if (isCoordinator(actor)) return true;
  const led = readableSchools(actor) ?? [];
  if (led.length === 0) return false;
  const [row] = await db()
    .select({ id: advisories.id })
    .from(advisories)
    .where(
      and(
        eq(advisories.organizationId, actor.organizationId),
        sql`${advisories.schoolId} = ANY(${uuidArray(led)})`,
      ),
    )
    .limit(1);
  return !!row;
}

// ── The page ──────────────────────────────────────────────────────────────────────────────────────

/** The actor's local day ("2026-11-25"). */
export const todayIn = (timeZone: string, now = new Date()) => localParts(now, timeZone).date;

/**
 * An advisory's page: what the actor may read of it. Leaders get the visits' dates and agreements
 * only: the notes are not in what is returned.
 */
export async function getAdvisory(actor: Actor, advisoryId: string) {
  const { advisory, advisorIds, subject } = await authorized(actor, "read", advisoryId);
  const readsNotes = can(actor, "read_notes", "advisory", subject);
  const [[school], program, advisorRows, milestones, visits, creator] = await Promise.all([
    db()
      .select({ id: schools.id, name: schools.name })
      .from(schools)
      .where(eq(schools.id, advisory.schoolId)),
    advisory.programId
      ? db().select({ name: programs.name }).from(programs).where(eq(programs.id, advisory.programId))
      : Promise.resolve([]),
    advisorIds.length
      ? db()
          .select({ id: persons.id, givenNames: persons.givenNames, familyNames: persons.familyNames })
          .from(persons)
          .where(inArray(persons.id, advisorIds))
          .orderBy(asc(persons.familyNames), asc(persons.givenNames))
      : Promise.resolve([]),
    db()
      .select({
        id: advisoryMilestones.id,
        title: advisoryMilestones.title,
        dueOn: advisoryMilestones.dueOn,
        doneOn: advisoryMilestones.doneOn,
      })
      .from(advisoryMilestones)
      .where(eq(advisoryMilestones.advisoryId, advisoryId))
      .orderBy(asc(advisoryMilestones.position), asc(advisoryMilestones.id)),
    db()
      .select({
        id: advisoryVisits.id,
        visitedOn: advisoryVisits.visitedOn,
        notes: advisoryVisits.notes,
        agreements: advisoryVisits.agreements,
        authorGiven: persons.givenNames,
        authorFamily: persons.familyNames,
      })
      .from(advisoryVisits)
      .innerJoin(persons, eq(persons.id, advisoryVisits.authorId))
      .where(eq(advisoryVisits.advisoryId, advisoryId))
      .orderBy(desc(advisoryVisits.visitedOn), desc(advisoryVisits.id)),
    db()
      .select({ givenNames: persons.givenNames, familyNames: persons.familyNames })
      .from(persons)
      .where(eq(persons.id, advisory.createdBy)),
  ]);
  return {
    id: advisory.id,
    title: advisory.title,
    status: advisory.status,
    school: { id: advisory.schoolId, name: school?.name ?? "" },
    program: program[0]?.name ?? null,
    startsOn: advisory.startsOn,
    endsOn: advisory.endsOn,
    closedAt: advisory.closedAt,
    goals: advisory.goals,
    goalsHtml: advisory.goals ? renderRichText(advisory.goals) : "",
    createdBy: creator[0] ? fullName(creator[0]) : "",
    advisors: advisorRows.map((p) => ({ id: p.id, name: fullName(p) })),
    milestones,
    visits: visits.map((v) => ({
      id: v.id,
      visitedOn: v.visitedOn,
      author: fullName({ givenNames: v.authorGiven, familyNames: v.authorFamily }),
      agreements: v.agreements,
      // the advisors' working notes: never sent to whoever may not read them
      ...(readsNotes ? { notes: v.notes } : {}),
    })),
    may: {
      update: can(actor, "update", "advisory", subject),
      work: can(actor, "work", "advisory", subject),
      readNotes: readsNotes,
    },
    moves: can(actor, "update", "advisory", subject) ? STATUS_MOVES[advisory.status] : [],
  };
}
export type AdvisoryPage = Awaited<ReturnType<typeof getAdvisory>>;

/** The span of the school's indicators on the advisory's page: from its start to its closing, or today. */
export function indicatorSpan(
  page: Pick<AdvisoryPage, "startsOn" | "status" | "closedAt">,
  timeZone: string,
): { fromDate: string; toDate: string | null } {
  return {
    fromDate: page.startsOn,
    toDate: page.status === "closed" && page.closedAt ? localParts(page.closedAt, timeZone).date : null,
  };
}

// ── The plan: milestones ──────────────────────────────────────────────────────────────────────────

const milestoneInput = z.object({
  title: text(
    ADVISORY_LIMITS.milestoneTitle,
    "advisory.errors.milestone_title_required",
    "advisory.errors.milestone_title_too_long",
  ),
  dueOn: dayField(false, "advisory.errors.date_invalid"),
  doneOn: dayField(false, "advisory.errors.date_invalid"),
});

async function milestoneOf(tx: DbOrTx, advisoryId: string, milestoneId: string) {
  if (!isUuid(milestoneId)) throw new NotFoundError();
  const [row] = await tx
    .select()
    .from(advisoryMilestones)
    .where(and(eq(advisoryMilestones.id, milestoneId), eq(advisoryMilestones.advisoryId, advisoryId)));
  if (!row) throw new NotFoundError();
  return row;
}

/** Adds a milestone at the plan's end (the advisors). Input: title, dueOn (optional). */
export async function addMilestone(actor: Actor, advisoryId: string, input: Record<string, unknown>) {
  const id = newId();
  await db().transaction(async (tx) => {
    await workable(actor, advisoryId, tx);
    const data = parseInput(milestoneInput, { ...input, doneOn: "" });
    const [{ n, last }] = await tx
      .select({
        n: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${advisoryMilestones.position}), 0)::int`,
      })
      .from(advisoryMilestones)
      .where(eq(advisoryMilestones.advisoryId, advisoryId));
    if (n >= ADVISORY_LIMITS.milestones) throw new DomainError("advisory.errors.too_many_milestones");
    await tx.insert(advisoryMilestones).values({
      id,
      advisoryId,
      position: last + 1,
      title: data.title,
      dueOn: data.dueOn,
    });
    await audit(
      actor,
      {
        action: "advisory.milestone_add",
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { milestoneId: id },
      },
      tx,
    );
  });
  return { id };
}

/** A milestone's edit form (the advisors). */
export async function milestoneForEdit(actor: Actor, advisoryId: string, milestoneId: string) {
  const { advisory } = await authorized(actor, "work", advisoryId);
  const m = await milestoneOf(db(), advisoryId, milestoneId);
  return {
    advisory: { id: advisory.id, title: advisory.title },
    milestone: { id: m.id, title: m.title, dueOn: m.dueOn ?? "", doneOn: m.doneOn ?? "" },
  };
}

/** Edits a milestone (the advisors). Input: title, dueOn, doneOn (both optional). */
export async function updateMilestone(
  actor: Actor,
  advisoryId: string,
  milestoneId: string,
  input: Record<string, unknown>,
) {
  await db().transaction(async (tx) => {
    await workable(actor, advisoryId, tx);
    await milestoneOf(tx, advisoryId, milestoneId);
    const data = parseInput(milestoneInput, input);
    await tx
      .update(advisoryMilestones)
      .set({ title: data.title, dueOn: data.dueOn, doneOn: data.doneOn })
      .where(eq(advisoryMilestones.id, milestoneId));
    await audit(
      actor,
      {
        action: "advisory.milestone_update",
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { milestoneId },
      },
      tx,
    );
  });
}

/** Marks a milestone done today (the actor's day) or not done (the advisors). */
export async function setMilestoneDone(
  actor: Actor,
  advisoryId: string,
  milestoneId: string,
  done: boolean,
  timeZone: string,
  now = new Date(),
) {
  await db().transaction(async (tx) => {
    await workable(actor, advisoryId, tx);
    const m = await milestoneOf(tx, advisoryId, milestoneId);
    if ((m.doneOn !== null) === done) return; // already so (sent twice)
    await tx
      .update(advisoryMilestones)
      .set({ doneOn: done ? todayIn(timeZone, now) : null })
      .where(eq(advisoryMilestones.id, milestoneId));
    await audit(
      actor,
      {
        action: `advisory.milestone_${done ? "done" : "undone"}`,
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { milestoneId },
      },
      tx,
    );
  });
}

/** Removes a milestone from the plan (the advisors); removed already is no error. */
export async function removeMilestone(actor: Actor, advisoryId: string, milestoneId: string) {
  await db().transaction(async (tx) => {
    await workable(actor, advisoryId, tx);
    if (!isUuid(milestoneId)) throw new NotFoundError();
    const removed = await tx
      .delete(advisoryMilestones)
      .where(and(eq(advisoryMilestones.id, milestoneId), eq(advisoryMilestones.advisoryId, advisoryId)))
      .returning({ title: advisoryMilestones.title });
    if (removed.length === 0) return;
    await audit(
      actor,
      {
        action: "advisory.milestone_remove",
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { milestoneId, title: removed[0]?.title },
      },
      tx,
    );
  });
}

// ── Visits ────────────────────────────────────────────────────────────────────────────────────────

const visitInput = z.object({
  visitedOn: dayField(true, "advisory.errors.date_invalid"),
  notes: text(ADVISORY_LIMITS.visitText, null, "advisory.errors.text_too_long"),
  agreements: text(ADVISORY_LIMITS.visitText, null, "advisory.errors.text_too_long"),
});

function checkVisit(input: Record<string, unknown>, advisory: Advisory, today: string) {
  const { data, errors } = parseAll(visitInput, input);
  if (data?.visitedOn && !errors.visitedOn) {
    if (data.visitedOn < advisory.startsOn) errors.visitedOn = "advisory.errors.visit_before_start";
    else if (data.visitedOn > today) errors.visitedOn = "advisory.errors.visit_in_future";
  }
  if (data && !errors.notes && !errors.agreements && data.notes === "" && data.agreements === "")
    errors.agreements = "advisory.errors.visit_empty";
  if (!data || Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { ...data, visitedOn: data.visitedOn as string };
}

async function visitOf(tx: DbOrTx, advisoryId: string, visitId: string) {
  if (!isUuid(visitId)) throw new NotFoundError();
  const [row] = await tx
    .select()
    .from(advisoryVisits)
    .where(and(eq(advisoryVisits.id, visitId), eq(advisoryVisits.advisoryId, advisoryId)));
  if (!row) throw new NotFoundError();
  return row;
}

/** The new-visit form (the advisors): the advisory and today's date. */
export async function newVisitForm(actor: Actor, advisoryId: string, timeZone: string) {
  const { advisory } = await authorized(actor, "work", advisoryId);
  return {
    advisory: { id: advisory.id, title: advisory.title, startsOn: advisory.startsOn },
    today: todayIn(timeZone),
  };
}

/** Records a visit (the advisors). Input: visitedOn, notes, agreements (one of the two at least). */
export async function recordVisit(
  actor: Actor,
  advisoryId: string,
  input: Record<string, unknown>,
  timeZone: string,
  now = new Date(),
) {
  const id = newId();
  await db().transaction(async (tx) => {
    const { advisory } = await workable(actor, advisoryId, tx);
    const data = checkVisit(input, advisory, todayIn(timeZone, now));
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(advisoryVisits)
      .where(eq(advisoryVisits.advisoryId, advisoryId));
    if (n >= ADVISORY_LIMITS.visits) throw new DomainError("advisory.errors.too_many_visits");
    await tx.insert(advisoryVisits).values({ id, advisoryId, authorId: actor.personId, ...data });
    await audit(
      actor,
      {
        action: "advisory.visit_add",
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { visitId: id },
      },
      tx,
    );
  });
  return { id };
}

/** A visit's edit form (the advisors). */
export async function visitForEdit(actor: Actor, advisoryId: string, visitId: string, timeZone: string) {
  const { advisory } = await authorized(actor, "work", advisoryId);
  const v = await visitOf(db(), advisoryId, visitId);
  return {
    advisory: { id: advisory.id, title: advisory.title, startsOn: advisory.startsOn },
    today: todayIn(timeZone),
    visit: { id: v.id, visitedOn: v.visitedOn, notes: v.notes, agreements: v.agreements },
  };
}

/** Edits a visit (the advisors). Same input as recordVisit. */
export async function updateVisit(
  actor: Actor,
  advisoryId: string,
  visitId: string,
  input: Record<string, unknown>,
  timeZone: string,
  now = new Date(),
) {
  await db().transaction(async (tx) => {
    const { advisory } = await workable(actor, advisoryId, tx);
    await visitOf(tx, advisoryId, visitId);
    const data = checkVisit(input, advisory, todayIn(timeZone, now));
    await tx.update(advisoryVisits).set(data).where(eq(advisoryVisits.id, visitId));
    await audit(
      actor,
      {
        action: "advisory.visit_update",
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { visitId },
      },
      tx,
    );
  });
}

/** Removes a visit (the advisors); removed already is no error. */
export async function removeVisit(actor: Actor, advisoryId: string, visitId: string) {
  await db().transaction(async (tx) => {
    await workable(actor, advisoryId, tx);
    if (!isUuid(visitId)) throw new NotFoundError();
    const removed = await tx
      .delete(advisoryVisits)
      .where(and(eq(advisoryVisits.id, visitId), eq(advisoryVisits.advisoryId, advisoryId)))
      .returning({ id: advisoryVisits.id });
    if (removed.length === 0) return;
    await audit(
      actor,
      {
        action: "advisory.visit_remove",
        subjectType: "advisory",
        subjectId: advisoryId,
        details: { visitId },
      },
      tx,
    );
  });
}
