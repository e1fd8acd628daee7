// A teacher's development (visits, action steps, time on task over time) and an observer's work list.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { audit } from "../../platform/audit/audit";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { type Actor, can } from "../../platform/policy";
import { memberships, persons, schools } from "../people";
import type { Period } from "./dashboard-periods";
import { levelDistribution, stepsByCategory } from "./dashboard-series";
import { actionSteps, feedbackMeetings, observations, schoolObservationSettings } from "./schema";
import { personName } from "./visits";

const VISITS_SHOWN = 60;

/**
 * The schools where the person teaches that the actor may follow (empty: 404), and the teacher's name,
 * in one round trip (the teacher's row is joined anyway).
 */
async function followedSchools(
  actor: Actor,
  teacherId: string,
): Promise<{ schoolIds: string[]; teacher: { id: string; name: string } | null }> {
  if (!isUuid(teacherId)) return { schoolIds: [], teacher: null };
  const rows = await db()
    .select({ schoolId: memberships.schoolId, organizationId: persons.organizationId, name: personName })
    .from(memberships)
    .innerJoin(persons, eq(persons.id, memberships.personId))
    // school_id IS NOT NULL (always true of a teacher's membership) lets PostgreSQL find the person's
    // memberships in the partial index memberships_school_role_uq instead of reading the whole table.
    .where(
      and(
        eq(memberships.personId, teacherId),
        eq(memberships.role, "teacher"),
        isNotNull(memberships.schoolId),
      ),
    );
  const schoolIds = rows
    .filter(
      (r) =>
        r.schoolId &&
        can(actor, "read_development", "teacher", {
          organizationId: r.organizationId,
          schoolId: r.schoolId,
          teacherId,
        }),
    )
    .map((r) => r.schoolId as string);
  return { schoolIds, teacher: rows[0] ? { id: teacherId, name: rows[0].name } : null };
}

// Columns inside a select field are left unqualified by drizzle: the subquery names them in full.
const onTaskSql = sql<number | null>`(SELECT sum(s.on_task)::float / nullif(sum(s.present), 0)
  FROM observation_snapshots s WHERE s.observation_id = "observations"."id")`;

export async function getDevelopment(actor: Actor, teacherId: string, instrumentId?: string | null) {
  const { schoolIds, teacher } = await followedSchools(actor, teacherId);
  if (schoolIds.length === 0 || !teacher) throw new NotFoundError();
  // The teacher's levels and steps over their whole history.
  const allTime: Period = {
    fromDate: "2000-01-01",
    toDate: "",
    from: new Date("2000-01-01T00:00:00Z"),
    to: new Date(Date.now() + 86_400_000),
    bucket: "month",
    timeZone: "UTC",
  };
  const [visits, steps, levels, stepCategories] = await Promise.all([
    db()
      .select({
        id: observations.id,
        startedAt: observations.startedAt,
        course: observations.course,
        subject: observations.subject,
        observerName: personName,
        onTask: onTaskSql,
        meetingAt: feedbackMeetings.heldAt,
        acknowledgedAt: feedbackMeetings.acknowledgedAt,
      })
      .from(observations)
      .innerJoin(persons, eq(persons.id, observations.observerId))
      .leftJoin(feedbackMeetings, eq(feedbackMeetings.observationId, observations.id))
      .where(
        and(
          eq(observations.teacherId, teacherId),
          eq(observations.status, "submitted"),
          inArray(observations.schoolId, schoolIds),
        ),
      )
      .orderBy(desc(observations.startedAt))
      .limit(VISITS_SHOWN),
    db()
      .select({
        id: actionSteps.id,
        title: actionSteps.title,
        mastery: actionSteps.mastery,
        category: actionSteps.category,
        status: actionSteps.status,
        openedAt: actionSteps.openedAt,
        closedAt: actionSteps.closedAt,
      })
      .from(actionSteps)
      .where(and(eq(actionSteps.teacherId, teacherId), inArray(actionSteps.schoolId, schoolIds)))
      .orderBy(desc(actionSteps.openedAt)),
    levelDistribution(schoolIds, allTime, instrumentId ?? null, teacherId),
    stepsByCategory(schoolIds, allTime, teacherId),
  ]);
  if (actor.personId !== teacherId) {
    await audit(actor, { action: "teacher.development_read", subjectType: "person", subjectId: teacherId });
  }
  return {
    teacher,
    isSelf: actor.personId === teacherId,
    openStep: steps.find((s) => s.status === "open") ?? null,
    masteredCount: steps.filter((s) => s.status === "mastered").length,
    steps,
    visits,
    levels,
    stepCategories,
    onTaskSeries: visits
      .filter((v) => v.onTask !== null)
      .map((v) => ({ at: v.startedAt, share: v.onTask as number }))
      .reverse(),
  };
}

/** What an observer has in hand: drafts, visits waiting for their meeting, and recent visits. */
export async function observerWork(actor: Actor, now = new Date()) {
  const base = db()
    .select({
      id: observations.id,
      status: observations.status,
      startedAt: observations.startedAt,
      submittedAt: observations.submittedAt,
      course: observations.course,
      subject: observations.subject,
      teacherName: personName,
      schoolName: schools.name,
      meetingAt: feedbackMeetings.heldAt,
      meetingWithinHours: sql<number>`coalesce(${schoolObservationSettings.meetingWithinHours}, 48)`,
    })
    .from(observations)
    .innerJoin(persons, eq(persons.id, observations.teacherId))
    .innerJoin(schools, eq(schools.id, observations.schoolId))
    .leftJoin(feedbackMeetings, eq(feedbackMeetings.observationId, observations.id))
    .leftJoin(schoolObservationSettings, eq(schoolObservationSettings.schoolId, observations.schoolId));
  const mine = eq(observations.observerId, actor.personId);
  const [drafts, awaiting, recent] = await Promise.all([
    base.where(and(mine, eq(observations.status, "draft"))).orderBy(desc(observations.startedAt)),
    db()
      .select({
        id: observations.id,
        submittedAt: observations.submittedAt,
        course: observations.course,
        teacherName: personName,
        schoolName: schools.name,
        meetingWithinHours: sql<number>`coalesce(${schoolObservationSettings.meetingWithinHours}, 48)`,
      })
      .from(observations)
      .innerJoin(persons, eq(persons.id, observations.teacherId))
      .innerJoin(schools, eq(schools.id, observations.schoolId))
      .leftJoin(feedbackMeetings, eq(feedbackMeetings.observationId, observations.id))
      .leftJoin(schoolObservationSettings, eq(schoolObservationSettings.schoolId, observations.schoolId))
      .where(and(mine, eq(observations.status, "submitted"), isNull(feedbackMeetings.id)))
      .orderBy(asc(observations.submittedAt)),
    db()
      .select({
        id: observations.id,
        startedAt: observations.startedAt,
        course: observations.course,
        teacherName: personName,
        schoolName: schools.name,
        meetingAt: feedbackMeetings.heldAt,
      })
      .from(observations)
      .innerJoin(persons, eq(persons.id, observations.teacherId))
      .innerJoin(schools, eq(schools.id, observations.schoolId))
      .innerJoin(feedbackMeetings, eq(feedbackMeetings.observationId, observations.id))
      .where(and(mine, eq(observations.status, "submitted")))
      .orderBy(desc(observations.startedAt))
      .limit(20),
  ]);
  return {
    drafts,
    awaiting: awaiting.map((v) => {
      const due = new Date((v.submittedAt ?? now).getTime() + v.meetingWithinHours * 3_600_000);
      return { ...v, due, late: due < now };
    }),
    recent,
  };
}
