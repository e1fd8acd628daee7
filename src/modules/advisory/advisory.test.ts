// School advisories (issue #18): creating and editing with their validation, status moves, advisors
// recorded as advising the school, who reads what (leaders read the plan and the agreements, never the
// advisors' notes; a teacher and another school's leader get "not found"), and the school's indicators
// since the advisory began against a small hand-made set of visits.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { type DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { ensureObservationSetup, schoolIndicatorsSince } from "../observation";
import {
  actionSteps,
  feedbackMeetings,
  instrumentVersions,
  observationSnapshots,
  observations,
} from "../observation/schema";
import { coordinatorSchools, memberships } from "../people/schema";
import { actorOf, makePerson, makeWorld } from "../people/testing";
import {
  addMilestone,
  advisoryIndicators,
  createAdvisory,
  getAdvisory,
  hasAdvisories,
  listAdvisories,
  recordVisit,
  removeMilestone,
  removeVisit,
  schoolAdvisories,
  setAdvisoryStatus,
  setMilestoneDone,
  updateAdvisory,
  updateMilestone,
  updateVisit,
} from ".";
import { advisories, advisoryAdvisors, advisoryMilestones, advisoryVisits } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
const a: Record<string, Actor> = {};
const TZ = "America/Santiago";
const NOW = new Date("2026-11-20T15:00:00Z");

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );
const fieldErrorsOf = async (promise: Promise<unknown>) => {
  const error = await errorOf(promise);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
};

const form = (extra: Record<string, string> = {}) => ({
  title: "Asesoría de prueba",
  schoolId: w.schoolA.id,
  startsOn: "2026-09-01",
  endsOn: "2026-12-20",
  goals: "Instalar **visitas breves**. <script>alert(1)</script>",
  [`advisor_${w.coordinator.id}`]: "on",
  ...extra,
});

beforeAll(async () => {
  w = await makeWorld();
  for (const key of [
    "admin",
    "coordinator",
    "otherCoordinator",
    "leaderA",
    "leaderB",
    "mentorA",
    "teacherA",
    "otherLeader",
    "otherAdmin",
  ] as const)
    a[key] = await actorOf(w[key].id);
});

describe("creating and editing an advisory", () => {
  it("refuses nonsense field by field, and writes nothing", async () => {
    const errors = await fieldErrorsOf(
      createAdvisory(a.coordinator, {
        title: "  ",
        schoolId: newId(),
        startsOn: "2026-02-30",
        endsOn: "mañana",
        goals: "x".repeat(10_001),
        [`advisor_${w.leaderA.id}`]: "on",
      }),
    );
    expect(errors).toEqual({
      title: "advisory.errors.title_required",
      schoolId: "errors.invalid_choice",
      startsOn: "advisory.errors.date_invalid",
      endsOn: "advisory.errors.date_invalid",
      goals: "advisory.errors.goals_too_long",
      advisors: "errors.invalid_choice",
    });
    expect(
      await fieldErrorsOf(
        createAdvisory(
          a.coordinator,
          form({ endsOn: "2026-08-31", schoolId: "", [`advisor_${w.coordinator.id}`]: "" }),
        ),
      ),
    ).toEqual({
      endsOn: "advisory.errors.ends_before_start",
      schoolId: "advisory.errors.school_required",
      advisors: "advisory.errors.advisors_required",
    });
    expect(await fieldErrorsOf(createAdvisory(a.coordinator, form({ startsOn: "" })))).toEqual({
      startsOn: "advisory.errors.date_required",
    });
    const stored = await db().select().from(advisories).where(eq(advisories.organizationId, w.org.id));
    expect(stored).toHaveLength(0);
  });

  it("only coordinators create; a leader, a mentor, a teacher and an administrator get not found", async () => {
    for (const who of ["leaderA", "mentorA", "teacherA", "admin"])
      expect(await errorOf(createAdvisory(a[who], form()))).toBeInstanceOf(NotFoundError);
  });

  it("records a new advisor as advising the school, in the same transaction, and audits it", async () => {
    // otherCoordinator advises school B only
    const { id } = await createAdvisory(a.coordinator, form({ [`advisor_${w.otherCoordinator.id}`]: "on" }));
    const [row] = await db().select().from(advisories).where(eq(advisories.id, id));
    expect(row).toMatchObject({
      status: "planned",
      schoolId: w.schoolA.id,
      startsOn: "2026-09-01",
      createdBy: w.coordinator.id,
    });
    const advisors = await db().select().from(advisoryAdvisors).where(eq(advisoryAdvisors.advisoryId, id));
    expect(advisors.map((r) => r.personId).sort()).toEqual([w.coordinator.id, w.otherCoordinator.id].sort());
    const advising = await db()
      .select()
      .from(coordinatorSchools)
      .where(
        and(
          eq(coordinatorSchools.personId, w.otherCoordinator.id),
          eq(coordinatorSchools.schoolId, w.schoolA.id),
        ),
      );
    expect(advising).toHaveLength(1);
    const otherNow = await actorOf(w.otherCoordinator.id);
    expect(otherNow.advisedSchoolIds.has(w.schoolA.id)).toBe(true);
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(event?.action).toBe("advisory.create");
    expect((event?.details as { advisingRecorded?: string[] } | undefined)?.advisingRecorded).toEqual([
      w.otherCoordinator.id,
    ]);

    // removing that advisor keeps the school's advising record (managed on the school's page)
    await updateAdvisory(a.coordinator, id, {
      ...form({ title: "Asesoría editada", endsOn: "" }),
    });
    const after = await db().select().from(advisoryAdvisors).where(eq(advisoryAdvisors.advisoryId, id));
    expect(after.map((r) => r.personId)).toEqual([w.coordinator.id]);
    expect(
      await db()
        .select()
        .from(coordinatorSchools)
        .where(
          and(
            eq(coordinatorSchools.personId, w.otherCoordinator.id),
            eq(coordinatorSchools.schoolId, w.schoolA.id),
          ),
        ),
    ).toHaveLength(1);
    const [edited] = await db().select().from(advisories).where(eq(advisories.id, id));
    expect(edited).toMatchObject({ title: "Asesoría editada", endsOn: null, schoolId: w.schoolA.id });
    // the school does not change on edit, whatever the form says
    await updateAdvisory(a.coordinator, id, form({ schoolId: w.schoolB.id }));
    expect((await db().select().from(advisories).where(eq(advisories.id, id)))[0]?.schoolId).toBe(
      w.schoolA.id,
    );
    await db()
      .delete(coordinatorSchools)
      .where(
        and(
          eq(coordinatorSchools.personId, w.otherCoordinator.id),
          eq(coordinatorSchools.schoolId, w.schoolA.id),
        ),
      );
  });

  it("moves through planned → active → closed, reopens, and refuses other moves", async () => {
    const { id } = await createAdvisory(a.coordinator, form());
    const statusOf = async () => (await db().select().from(advisories).where(eq(advisories.id, id)))[0];
    await setAdvisoryStatus(a.coordinator, id, { status: "active" });
    expect((await statusOf())?.status).toBe("active");
    const refused = (await errorOf(
      setAdvisoryStatus(a.coordinator, id, { status: "planned" }),
    )) as DomainError;
    expect(refused.messageKey).toBe("advisory.errors.status_move");
    expect(
      ((await errorOf(setAdvisoryStatus(a.coordinator, id, { status: "done" }))) as DomainError).fieldErrors,
    ).toEqual({
      status: "errors.invalid_choice",
    });
    await setAdvisoryStatus(a.coordinator, id, { status: "closed" });
    expect((await statusOf())?.closedAt).not.toBeNull();
    // closed: the plan and visits are frozen, even for its advisor
    expect(
      ((await errorOf(addMilestone(a.coordinator, id, { title: "Hito" }))) as DomainError).messageKey,
    ).toBe("advisory.errors.closed");
    // (a coordinator who is not its advisor still finds nothing to change)
    expect(await errorOf(addMilestone(a.otherCoordinator, id, { title: "Hito" }))).toBeInstanceOf(
      NotFoundError,
    );
    await setAdvisoryStatus(a.coordinator, id, { status: "active" });
    expect(await statusOf()).toMatchObject({ status: "active", closedAt: null });
    // a leader of the school reads it but may not move it
    expect(await errorOf(setAdvisoryStatus(a.leaderA, id, { status: "closed" }))).toBeInstanceOf(
      NotFoundError,
    );
    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.subjectId, id))).map(
      (e) => e.action,
    );
    expect(actions.filter((x) => x === "advisory.status")).toHaveLength(3);
  });
});

describe("the plan and the visits, and who reads what", () => {
  let id: string;
  let milestoneId: string;

  beforeAll(async () => {
    ({ id } = await createAdvisory(a.coordinator, form()));
  });

  it("its advisors keep the plan: add, edit, mark done and undone, remove", async () => {
    expect(await fieldErrorsOf(addMilestone(a.coordinator, id, { title: "", dueOn: "2026-13-01" }))).toEqual({
      title: "advisory.errors.milestone_title_required",
      dueOn: "advisory.errors.date_invalid",
    });
    ({ id: milestoneId } = await addMilestone(a.coordinator, id, {
      title: "Jornada de inicio",
      dueOn: "2026-09-15",
    }));
    const { id: second } = await addMilestone(a.coordinator, id, { title: "Primer ciclo", dueOn: "" });
    await setMilestoneDone(a.coordinator, id, milestoneId, true, TZ, NOW);
    let rows = await db()
      .select()
      .from(advisoryMilestones)
      .where(eq(advisoryMilestones.advisoryId, id))
      .orderBy(advisoryMilestones.position);
    expect(rows.map((r) => [r.title, r.dueOn, r.doneOn, r.position])).toEqual([
      ["Jornada de inicio", "2026-09-15", "2026-11-20", 1],
      ["Primer ciclo", null, null, 2],
    ]);
    await setMilestoneDone(a.coordinator, id, milestoneId, false, TZ, NOW);
    await updateMilestone(a.coordinator, id, second, {
      title: "Primer ciclo completo",
      dueOn: "2026-10-30",
      doneOn: "2026-10-29",
    });
    await removeMilestone(a.coordinator, id, milestoneId);
    rows = await db().select().from(advisoryMilestones).where(eq(advisoryMilestones.advisoryId, id));
    expect(rows.map((r) => [r.title, r.dueOn, r.doneOn])).toEqual([
      ["Primer ciclo completo", "2026-10-30", "2026-10-29"],
    ]);
    milestoneId = second;
    // a coordinator who is not its advisor, and the school's leader, may not change the plan
    for (const who of ["otherCoordinator", "leaderA"])
      expect(await errorOf(addMilestone(a[who], id, { title: "Otro" }))).toBeInstanceOf(NotFoundError);
    // a milestone of this advisory through another's id is not found
    const { id: other } = await createAdvisory(a.coordinator, form());
    expect(await errorOf(updateMilestone(a.coordinator, other, milestoneId, { title: "x" }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("records visits with their validation", async () => {
    expect(
      await fieldErrorsOf(
        recordVisit(a.coordinator, id, { visitedOn: "2026-08-30", notes: "", agreements: "" }, TZ, NOW),
      ),
    ).toEqual({ visitedOn: "advisory.errors.visit_before_start", agreements: "advisory.errors.visit_empty" });
    expect(
      await fieldErrorsOf(recordVisit(a.coordinator, id, { visitedOn: "2026-11-21", notes: "n" }, TZ, NOW)),
    ).toEqual({ visitedOn: "advisory.errors.visit_in_future" });
    const { id: visitId } = await recordVisit(
      a.coordinator,
      id,
      {
        visitedOn: "2026-10-05",
        notes: "La directora duda del tiempo protegido.",
        agreements: "Dos horas semanales de visitas.",
      },
      TZ,
      NOW,
    );
    const { id: gone } = await recordVisit(
      a.coordinator,
      id,
      { visitedOn: "2026-10-06", notes: "borrar" },
      TZ,
      NOW,
    );
    await removeVisit(a.coordinator, id, gone);
    await updateVisit(
      a.coordinator,
      id,
      visitId,
      {
        visitedOn: "2026-10-06",
        notes: "La directora duda del tiempo protegido.",
        agreements: "Dos horas semanales.",
      },
      TZ,
      NOW,
    );
    const rows = await db().select().from(advisoryVisits).where(eq(advisoryVisits.advisoryId, id));
    expect(rows.map((r) => [r.visitedOn, r.agreements, r.authorId])).toEqual([
      ["2026-10-06", "Dos horas semanales.", w.coordinator.id],
    ]);
  });

  it("coordinators read everything; the school's leaders read the plan, goals and agreements, not the notes", async () => {
    const forCoordinator = await getAdvisory(a.otherCoordinator, id);
    expect(forCoordinator.visits[0]?.notes).toBe("La directora duda del tiempo protegido.");
    expect(forCoordinator.may).toEqual({ update: true, work: false, readNotes: true });

    const forLeader = await getAdvisory(a.leaderA, id);
    expect(forLeader.milestones.map((m) => m.title)).toEqual(["Primer ciclo completo"]);
    expect(forLeader.visits).toHaveLength(1);
    expect(forLeader.visits[0]?.agreements).toBe("Dos horas semanales.");
    expect(forLeader.visits[0]).not.toHaveProperty("notes");
    expect(JSON.stringify(forLeader)).not.toContain("tiempo protegido");
    expect(forLeader.may).toEqual({ update: false, work: false, readNotes: false });
    expect(forLeader.moves).toEqual([]);
    // the goals are Markdown rendered safe
    expect(forLeader.goalsHtml).toContain("<strong>visitas breves</strong>");
    expect(forLeader.goalsHtml).not.toContain("<script>");
  });

  it("a teacher, a mentor, another school's leader, an administrator and another organization get not found", async () => {
    for (const who of ["teacherA", "mentorA", "leaderB", "admin", "otherLeader", "otherAdmin"]) {
      expect(await errorOf(getAdvisory(a[who], id)), who).toBeInstanceOf(NotFoundError);
    }
    for (const who of ["teacherA", "mentorA", "admin"])
      expect(await errorOf(listAdvisories(a[who])), who).toBeInstanceOf(NotFoundError);
    expect(await hasAdvisories(a.teacherA)).toBe(false);
    expect(await hasAdvisories(a.leaderB)).toBe(false);
    expect(await hasAdvisories(a.leaderA)).toBe(true);
    expect((await listAdvisories(a.leaderB)).rows).toEqual([]);
    expect((await schoolAdvisories(a.teacherA, { id: w.schoolA.id, organizationId: w.org.id })).rows).toEqual(
      [],
    );
  });

  it("lists: coordinators see all, leaders their school's, filtered by status", async () => {
    const all = await listAdvisories(a.otherCoordinator);
    expect(all.rows.length).toBeGreaterThanOrEqual(4);
    expect(all.canCreate).toBe(true);
    const planned = await listAdvisories(a.leaderA, { status: "planned" });
    expect(planned.rows.every((r) => r.status === "planned" && r.schoolId === w.schoolA.id)).toBe(true);
    expect(planned.canCreate).toBe(false);
    const row = planned.rows.find((r) => r.id === id);
    expect(row).toMatchObject({ milestones: 1, milestonesDone: 1 });
    expect((await listAdvisories(a.leaderA, { status: "closed" })).rows.map((r) => r.id)).not.toContain(id);
    expect((await listAdvisories(a.leaderA, { status: "nonsense" })).status).toBeNull();
  });
});

describe("the school's indicators since the advisory began", () => {
  it("counts coverage, meetings on time, steps mastered and time on task by month from a hand-made set", async () => {
    await ensureObservationSetup(w.org.id);
    // school A's two teachers belong to it since January
    await db()
      .update(memberships)
      .set({ createdAt: new Date("2026-01-05T12:00:00Z") })
      .where(and(eq(memberships.organizationId, w.org.id), eq(memberships.schoolId, w.schoolA.id)));
    const [version] = await db()
      .select({ id: instrumentVersions.id })
      .from(instrumentVersions)
      .where(eq(instrumentVersions.status, "published"))
      .limit(1);
    const meetingStep = newId();
    await db()
      .insert(actionSteps)
      .values({
        id: meetingStep,
        organizationId: w.org.id,
        schoolId: w.schoolA.id,
        teacherId: w.teacherA.id,
        title: "Paso de las reuniones",
        status: "closed",
        openedAt: new Date("2026-08-01T12:00:00Z"),
        closedAt: new Date("2026-08-02T12:00:00Z"),
      });
    const visit = async (v: {
      teacherId: string;
      startedAt: string;
      snapshots?: Array<[number, number]>;
      meetingAfterHours?: number;
      schoolId?: string;
    }) => {
      const id = newId();
      const startedAt = new Date(v.startedAt);
      const submittedAt = new Date(startedAt.getTime() + 20 * 60_000);
      const schoolId = v.schoolId ?? w.schoolA.id;
      await db()
        .insert(observations)
        .values({
          id,
          organizationId: w.org.id,
          schoolId,
          teacherId: v.teacherId,
          observerId: w.leaderA.id,
          instrumentVersionId: version?.id as string,
          purpose: "formativa",
          course: "4° básico",
          subject: "Lenguaje",
          status: "submitted",
          startedAt,
          submittedAt,
        });
      for (const [onTask, present] of v.snapshots ?? [])
        await db()
          .insert(observationSnapshots)
          .values({ id: newId(), observationId: id, minute: 5, onTask, present });
      if (v.meetingAfterHours !== undefined)
        await db()
          .insert(feedbackMeetings)
          .values({
            id: newId(),
            organizationId: w.org.id,
            schoolId,
            observationId: id,
            teacherId: v.teacherId,
            observerId: w.leaderA.id,
            heldAt: new Date(submittedAt.getTime() + v.meetingAfterHours * 3_600_000),
            praise: "Bien",
            actionStepId: meetingStep,
          });
    };
    // August (before the advisory): counts nowhere
    await visit({
      teacherId: w.teacherA.id,
      startedAt: "2026-08-20T14:00:00Z",
      snapshots: [[1, 30]],
      meetingAfterHours: 100,
    });
    // September: teacher A twice (a meeting in 24 h, another in 72 h), time on task 20/25 and 15/25
    await visit({
      teacherId: w.teacherA.id,
      startedAt: "2026-09-08T14:00:00Z",
      snapshots: [[20, 25]],
      meetingAfterHours: 24,
    });
    await visit({
      teacherId: w.teacherA.id,
      startedAt: "2026-09-22T14:00:00Z",
      snapshots: [[15, 25]],
      meetingAfterHours: 72,
    });
    // October: both teachers (one meeting on time, one never held), 18/20 on task
    await visit({
      teacherId: w.teacherA.id,
      startedAt: "2026-10-20T14:00:00Z",
      snapshots: [[18, 20]],
      meetingAfterHours: 2,
    });
    await visit({ teacherId: w.teacherA2.id, startedAt: "2026-10-27T14:00:00Z" });
    // November: one visit submitted 23 h before NOW, its meeting not due yet
    await visit({ teacherId: w.teacherA2.id, startedAt: "2026-11-19T15:40:00Z" });
    // another school's visit counts nowhere
    await visit({
      teacherId: w.teacherB.id,
      startedAt: "2026-09-10T14:00:00Z",
      schoolId: w.schoolB.id,
      snapshots: [[0, 30]],
      meetingAfterHours: 1,
    });
    const step = (
      closedAt: string | null,
      status: "mastered" | "open" | "closed",
      teacherId = w.teacherA.id,
    ) => ({
      id: newId(),
      organizationId: w.org.id,
      schoolId: w.schoolA.id,
      teacherId,
      title: "Paso",
      status,
      openedAt: new Date("2026-08-01T12:00:00Z"),
      closedAt: closedAt ? new Date(closedAt) : null,
    });
    await db()
      .insert(actionSteps)
      .values([
        step("2026-08-25T12:00:00Z", "mastered"), // before: not counted
        step("2026-09-25T12:00:00Z", "mastered"),
        step("2026-10-10T12:00:00Z", "mastered"),
        step("2026-10-28T12:00:00Z", "closed"),
        step(null, "open", w.teacherA2.id),
      ]);

    const { id } = await createAdvisory(a.coordinator, form({ startsOn: "2026-09-01" }));
    await setAdvisoryStatus(a.coordinator, id, { status: "active" });
    const page = await getAdvisory(a.leaderA, id);
    const { mayRead, indicators } = await advisoryIndicators(a.leaderA, page, TZ, NOW);
    expect(mayRead).toBe(true);
    expect(indicators?.fromDate).toBe("2026-09-01");
    expect(indicators?.toDate).toBe("2026-11-20");
    expect(
      indicators?.months.map((m) => [
        m.month,
        m.teachers,
        m.covered,
        m.meetingsDue,
        m.meetingsOnTime,
        m.mastered,
        m.onTask,
      ]),
    ).toEqual([
      // end of September: teacher A visited on the 22nd (within 14 days), A2 not
      ["2026-09-01", 2, 1, 2, 1, 1, 35 / 50],
      // end of October: A on the 20th (11 days before), A2 on the 27th
      ["2026-10-01", 2, 2, 2, 1, 1, 18 / 20],
      // to today (the 20th): A2 on the 19th; A's last visit 31 days before
      ["2026-11-01", 2, 1, 0, 0, 0, null],
    ]);
    expect(indicators?.totals).toEqual({
      meetingsDue: 4,
      meetingsOnTime: 2,
      onTime: 0.5,
      mastered: 2,
      onTask: 53 / 70,
    });

    // a closed advisory's indicators stop at its closing day
    const closed = await schoolIndicatorsSince(
      a.leaderA,
      w.schoolA.id,
      { fromDate: "2026-09-10", toDate: "2026-09-30" },
      TZ,
      NOW,
    );
    expect(closed?.months.map((m) => m.month)).toEqual(["2026-09-01"]);
    // an advisory that has not begun has none yet
    expect(
      await schoolIndicatorsSince(a.leaderA, w.schoolA.id, { fromDate: "2026-12-01" }, TZ, NOW),
    ).toBeNull();

    // a coordinator reading the advisory without advising the school is not given the indicators
    const forOther = await advisoryIndicators(
      a.otherCoordinator,
      await getAdvisory(a.otherCoordinator, id),
      TZ,
      NOW,
    );
    expect(forOther).toEqual({ mayRead: false, indicators: null });
    // and the observation module refuses them to whoever may not read the school's aggregates
    for (const who of ["otherCoordinator", "teacherA", "leaderB"])
      expect(
        await errorOf(schoolIndicatorsSince(a[who], w.schoolA.id, { fromDate: "2026-09-01" }, TZ, NOW)),
        who,
      ).toBeInstanceOf(NotFoundError);
  });
});

describe("the personal data hook", () => {
  it("exports the advisories a person advised and the visits they wrote", async () => {
    const { personalDataHooks } = await import("../../platform/personal-data");
    const hook = personalDataHooks().find((h) => h.name === "advisory");
    expect(hook).toBeDefined();
    const coordinator = await makePerson(w.org.id, [{ role: "coordinator" }]);
    const actor = await actorOf(coordinator.id);
    const { id } = await createAdvisory(
      actor,
      form({ [`advisor_${coordinator.id}`]: "on", [`advisor_${w.coordinator.id}`]: "" }),
    );
    await recordVisit(
      actor,
      id,
      { visitedOn: "2026-10-01", notes: "Nota propia", agreements: "Acuerdo" },
      TZ,
      NOW,
    );
    const part = await hook?.exportFor(db(), { ...coordinator, rut: null }, {
      personNames: async () => () => null,
      schoolNames: async () => () => null,
    } as never);
    const json = JSON.stringify(part?.json);
    expect(json).toContain("Nota propia");
    expect(part?.json.advisoriesAdvised as unknown[]).toHaveLength(1);
    expect(part?.csv?.["asesorias-visitas.csv"]?.rows).toHaveLength(1);
  });
});
