// Each person's day (day.ts) on a small hand-built school: each list's content and order, the school's
// targets deciding what is due, several roles at once, and nothing of another school or organization.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { memberships } from "../people";
import { actorOf, makePerson, makeWorld, pair } from "../people/testing";
import { ensureObservationSetup, observationLinksFor, pendingWork, visitOptions } from ".";
import { DAY_LIST_SIZE } from "./day";
import {
  actionSteps,
  feedbackMeetings,
  instrumentVersions,
  observations,
  schoolObservationSettings,
} from "./schema";

useTestDatabase();

// A Friday noon in Santiago (UTC-3 in November): today is 2026-11-20 there.
const NOW = new Date("2026-11-20T15:00:00Z");
const TZ = "America/Santiago";
const HOUR = 3_600_000;

type World = Awaited<ReturnType<typeof makeWorld>>;
type Person = Awaited<ReturnType<typeof makePerson>>;

describe("pendingWork: what is pending on each person's home page", () => {
  let w: World;
  const teacher: Record<string, Person> = {};
  let leadTeach: Person;
  let disabled: Person;
  let teacherB2: Person;
  const visit: Record<string, string> = {};
  const a: Record<string, Actor> = {};
  let versionId: string;
  let otherVersionId: string;

  const addVisit = async (
    key: string,
    v: {
      teacherId: string;
      observerId: string;
      startedAt: string;
      status?: "draft" | "submitted";
      schoolId?: string;
      organizationId?: string;
      course?: string;
    },
  ) => {
    const id = newId();
    visit[key] = id;
    const startedAt = new Date(v.startedAt);
    const status = v.status ?? "submitted";
    const organizationId = v.organizationId ?? w.org.id;
    await db()
      .insert(observations)
      .values({
        id,
        organizationId,
        schoolId: v.schoolId ?? w.schoolA.id,
        teacherId: v.teacherId,
        observerId: v.observerId,
        instrumentVersionId: organizationId === w.org.id ? versionId : otherVersionId,
        purpose: "formativa",
        course: v.course ?? `curso ${key}`,
        subject: "Matemática",
        status,
        startedAt,
        submittedAt: status === "submitted" ? new Date(startedAt.getTime() + 20 * 60_000) : null,
      });
    return id;
  };
  /** a meeting on a visit, naming an open step (closing the teacher's other open step) */
  const addMeeting = async (
    visitKey: string,
    m: { heldAt: string; followUpOn?: string; acknowledged?: boolean; stepStatus?: "open" | "closed" },
  ) => {
    const [v] = await db().select().from(observations).where(eq(observations.id, visit[visitKey]));
    const stepId = newId();
    if ((m.stepStatus ?? "open") === "open") {
      await db()
        .update(actionSteps)
        .set({ status: "closed", closedAt: new Date(m.heldAt) })
        .where(eq(actionSteps.teacherId, v.teacherId));
    }
    await db()
      .insert(actionSteps)
      .values({
        id: stepId,
        organizationId: v.organizationId,
        schoolId: v.schoolId,
        teacherId: v.teacherId,
        title: `Paso de ${visitKey}`,
        status: m.stepStatus ?? "open",
        openedAt: new Date(m.heldAt),
      });
    await db()
      .insert(feedbackMeetings)
      .values({
        id: newId(),
        organizationId: v.organizationId,
        schoolId: v.schoolId,
        observationId: v.id,
        teacherId: v.teacherId,
        observerId: v.observerId,
        heldAt: new Date(m.heldAt),
        praise: "Bien",
        actionStepId: stepId,
        followUpOn: m.followUpOn ?? null,
        acknowledgedAt: m.acknowledged ? new Date(new Date(m.heldAt).getTime() + HOUR) : null,
      });
  };

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    await ensureObservationSetup(w.otherOrg.id);
    const version = async (organizationId: string) =>
      (
        await db()
          .select({ id: instrumentVersions.id })
          .from(instrumentVersions)
          .where(eq(instrumentVersions.organizationId, organizationId))
          .limit(1)
      )[0].id;
    versionId = await version(w.org.id);
    otherVersionId = await version(w.otherOrg.id);
    for (const n of [3, 4, 5, 6, 7, 8]) {
      teacher[`A${n}`] = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
        familyNames: `Docente ${n}`,
      });
    }
    teacherB2 = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolB.id }], {
      familyNames: "Docente B2",
    });
    disabled = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      status: "disabled",
      familyNames: "Docente Deshabilitada",
    });
    // Leads school B and teaches in school A.
    leadTeach = await makePerson(
      w.org.id,
      [
        { role: "leader", schoolId: w.schoolB.id },
        { role: "teacher", schoolId: w.schoolA.id },
      ],
      { familyNames: "Directora Docente" },
    );
    // Everyone joined their schools in January; leadTeach joined school A in February.
    await db()
      .update(memberships)
      .set({ createdAt: new Date("2026-01-05T12:00:00Z") })
      .where(eq(memberships.organizationId, w.org.id));
    await db()
      .update(memberships)
      .set({ createdAt: new Date("2026-02-01T12:00:00Z") })
      .where(eq(memberships.personId, leadTeach.id));
    // School A: a visit every 14 days, the meeting within 72 hours.
    await db().insert(schoolObservationSettings).values({
      schoolId: w.schoolA.id,
      organizationId: w.org.id,
      visitEveryDays: 14,
      meetingWithinHours: 72,
    });

    const L = w.leaderA.id;
    // Drafts.
    await addVisit("draft1", {
      teacherId: w.teacherA.id,
      observerId: L,
      startedAt: "2026-11-19T12:00:00Z",
      status: "draft",
    });
    await addVisit("draft2", {
      teacherId: w.teacherA2.id,
      observerId: L,
      startedAt: "2026-11-20T13:00:00Z",
      status: "draft",
    });
    await addVisit("mentorDraft", {
      teacherId: w.teacherA.id,
      observerId: w.mentorA.id,
      startedAt: "2026-11-20T14:00:00Z",
      status: "draft",
    });
    // Meetings: due in more than 48 h (72 h target), due within 48 h, late, held, too old.
    await addVisit("notYet", { teacherId: w.teacherA2.id, observerId: L, startedAt: "2026-11-20T11:40:00Z" });
    await addVisit("soon", { teacherId: teacher.A3.id, observerId: L, startedAt: "2026-11-19T09:40:00Z" });
    await addVisit("late", { teacherId: teacher.A4.id, observerId: L, startedAt: "2026-11-15T11:40:00Z" });
    await addVisit("held", { teacherId: w.teacherA.id, observerId: L, startedAt: "2026-11-18T12:00:00Z" });
    await addMeeting("held", { heldAt: "2026-11-19T13:00:00Z", followUpOn: "2026-11-27" });
    await addVisit("tooOld", { teacherId: teacher.A4.id, observerId: L, startedAt: "2026-06-01T12:00:00Z" });
    // teacher A's earlier feedback: one read, one not.
    await addVisit("olderRead", {
      teacherId: w.teacherA.id,
      observerId: L,
      startedAt: "2026-10-01T12:00:00Z",
    });
    await addMeeting("olderRead", {
      heldAt: "2026-10-02T12:00:00Z",
      acknowledged: true,
      stepStatus: "closed",
    });
    await addVisit("olderUnread", {
      teacherId: w.teacherA.id,
      observerId: w.mentorA.id,
      startedAt: "2026-10-20T12:00:00Z",
    });
    await addMeeting("olderUnread", { heldAt: "2026-10-21T12:00:00Z", stepStatus: "closed" });
    // Follow-ups of meetings leader A held.
    await addVisit("followA5", {
      teacherId: teacher.A5.id,
      observerId: L,
      startedAt: "2026-11-05T12:00:00Z",
    });
    await addMeeting("followA5", { heldAt: "2026-11-06T12:00:00Z", followUpOn: "2026-11-21" });
    await addVisit("followA6", {
      teacherId: teacher.A6.id,
      observerId: L,
      startedAt: "2026-11-01T12:00:00Z",
    });
    await addMeeting("followA6", { heldAt: "2026-11-02T12:00:00Z", followUpOn: "2026-11-18" });
    await addVisit("followFar", {
      teacherId: teacher.A7.id,
      observerId: L,
      startedAt: "2026-11-09T12:00:00Z",
    });
    await addMeeting("followFar", { heldAt: "2026-11-10T12:00:00Z", followUpOn: "2026-11-25" });
    // teacher A4 was followed up (the "late" visit came after the meeting).
    await addVisit("followDone", {
      teacherId: teacher.A4.id,
      observerId: L,
      startedAt: "2026-11-01T10:00:00Z",
    });
    await addMeeting("followDone", { heldAt: "2026-11-02T10:00:00Z", followUpOn: "2026-11-12" });
    // leadTeach: unread feedback as a teacher in school A (by the mentor).
    await addVisit("leadTeachVisit", {
      teacherId: leadTeach.id,
      observerId: w.mentorA.id,
      startedAt: "2026-11-16T12:00:00Z",
    });
    await addMeeting("leadTeachVisit", { heldAt: "2026-11-17T12:00:00Z" });
    // School B: leader B's pending meeting, teacher B's unread feedback.
    await addVisit("schoolB", {
      teacherId: w.teacherB.id,
      observerId: w.leaderB.id,
      startedAt: "2026-11-19T12:00:00Z",
      schoolId: w.schoolB.id,
    });
    await addVisit("schoolBHeld", {
      teacherId: w.teacherB.id,
      observerId: w.leaderB.id,
      startedAt: "2026-11-10T12:00:00Z",
      schoolId: w.schoolB.id,
    });
    await addMeeting("schoolBHeld", { heldAt: "2026-11-11T12:00:00Z" });
    // Another organization: its leader's visits, and a row claiming leader A observed there (the
    // organization in the statements keeps it out all the same).
    await addVisit("other", {
      teacherId: w.otherLeader.id,
      observerId: w.otherLeader.id,
      startedAt: "2026-11-19T12:00:00Z",
      schoolId: w.otherSchool.id,
      organizationId: w.otherOrg.id,
      status: "draft",
    });
    await addVisit("otherByLeaderA", {
      teacherId: w.otherLeader.id,
      observerId: L,
      startedAt: "2026-11-20T12:00:00Z",
      schoolId: w.otherSchool.id,
      organizationId: w.otherOrg.id,
      status: "draft",
    });

    // mentor A mentors A5 and A6 (besides teachers A and A2, the world's pairings), not A8
    for (const t of [teacher.A5, teacher.A6])
      await pair(w.org.id, w.mentorA.id, t.id, w.schoolA.id, { startsOn: "2020-01-01" });
    for (const key of [
      "leaderA",
      "leaderB",
      "mentorA",
      "teacherA",
      "teacherA2",
      "teacherB",
      "otherLeader",
      "coordinator",
    ] as const) {
      a[key] = await actorOf(w[key].id);
    }
    a.leadTeach = await actorOf(leadTeach.id);
  });

  it("a leader: drafts, meetings due within 48 h or late, follow-ups, overdue teachers; newest first", async () => {
    const day = await pendingWork(a.leaderA, NOW, TZ);
    expect(day.today).toBe("2026-11-20");
    expect(day.teacher).toBeNull();
    const o = day.observer;
    if (!o) throw new Error("leader A observes");
    expect(o.drafts.items.map((d) => d.observationId)).toEqual([visit.draft2, visit.draft1]);
    expect(o.drafts.more).toBe(false);
    // due 22-11 10:20 (within 48 h), then the late one; "notYet" is due in 72 h, "held" has its meeting
    expect(o.meetings.items.map((m) => [m.observationId, m.late])).toEqual([
      [visit.soon, false],
      [visit.late, true],
    ]);
    expect(o.meetings.items[0].dueAt).toEqual(new Date("2026-11-22T10:00:00Z"));
    // follow-up dates up to 22-11 whose teacher has had no visit since, newest first
    expect(o.followUps.items.map((f) => [f.teacherId, f.date, f.late])).toEqual([
      [teacher.A5.id, "2026-11-21", false],
      [teacher.A6.id, "2026-11-18", true],
    ]);
    expect(o.followUps.items[0]).toMatchObject({ schoolId: w.schoolA.id, stepTitle: "Paso de followA5" });
    // overdue: due (last visit, or joining, + 14 days) before now, the one due last first; never the
    // disabled teacher, nor those visited within 14 days (leadTeach, by the mentor)
    expect(o.overdue.items.map((t) => [t.teacherId, t.dueAt.toISOString()])).toEqual([
      [teacher.A5.id, "2026-11-19T12:00:00.000Z"],
      [teacher.A6.id, "2026-11-15T12:00:00.000Z"],
      [teacher.A8.id, "2026-01-19T12:00:00.000Z"],
    ]);
    expect(o.overdue.items.some((t) => t.teacherId === disabled.id)).toBe(false);
    expect(o.overdue.items[0].lastVisitAt).toEqual(new Date("2026-11-05T12:00:00Z"));
    expect(o.overdue.items[2].lastVisitAt).toBeNull();
    expect(o.dashboardSchoolIds).toEqual([w.schoolA.id]);
  });

  it("a mentor sees her own drafts and her mentees' overdue visits (not the school's), without the dashboard", async () => {
    const o = (await pendingWork(a.mentorA, NOW, TZ)).observer;
    if (!o) throw new Error("mentor A observes");
    expect(o.drafts.items.map((d) => d.observationId)).toEqual([visit.mentorDraft]);
    expect(o.meetings.items).toEqual([]);
    expect(o.followUps.items).toEqual([]);
    expect(o.overdue.items.map((t) => t.teacherId)).toEqual([teacher.A5.id, teacher.A6.id]);
    expect(o.dashboardSchoolIds).toEqual([]);
  });

  it("a teacher: new feedback to read (newest first), the open step and its next follow-up", async () => {
    const day = await pendingWork(a.teacherA, NOW, TZ);
    expect(day.observer).toBeNull();
    const t = day.teacher;
    if (!t) throw new Error("teacher A teaches");
    expect(t.feedback.items.map((f) => f.observationId)).toEqual([visit.held, visit.olderUnread]);
    expect(t.feedback.items[0]).toMatchObject({
      observerName: `${w.leaderA.givenNames} ${w.leaderA.familyNames}`,
    });
    expect(t.openStep).toMatchObject({ title: "Paso de held", observationId: visit.held });
    expect(t.nextFollowUp).toEqual({
      date: "2026-11-27",
      observationId: visit.held,
      observerName: `${w.leaderA.givenNames} ${w.leaderA.familyNames}`,
      late: false,
    });
    // A teacher followed up since the meeting has no next follow-up; one without a step has nothing.
    const a4 = (await pendingWork(await actorOf(teacher.A4.id), NOW, TZ)).teacher;
    expect(a4?.openStep?.title).toBe("Paso de followDone");
    expect(a4?.nextFollowUp).toBeNull();
    expect((await pendingWork(a.teacherA2, NOW, TZ)).teacher).toEqual({
      feedback: { items: [], more: false },
      openStep: null,
      nextFollowUp: null,
    });
  });

  it("a person with several roles gets each role's lists", async () => {
    const day = await pendingWork(a.leadTeach, NOW, TZ);
    expect(day.teacher?.feedback.items.map((f) => f.observationId)).toEqual([visit.leadTeachVisit]);
    // leads school B: its teacher never visited is overdue, nothing of school A
    expect(day.observer?.overdue.items.map((t) => t.teacherId)).toEqual([teacherB2.id]);
    expect(day.observer?.drafts.items).toEqual([]);
  });

  it("never shows another school's or organization's items", async () => {
    const leaderB = (await pendingWork(a.leaderB, NOW, TZ)).observer;
    expect(leaderB?.meetings.items.map((m) => m.observationId)).toEqual([visit.schoolB]);
    expect(leaderB?.overdue.items.map((t) => t.teacherId)).toEqual([teacherB2.id]);
    const schoolAIds = new Set([...Object.values(teacher).map((p) => p.id), w.teacherA.id, w.teacherA2.id]);
    expect(leaderB?.overdue.items.some((t) => schoolAIds.has(t.teacherId))).toBe(false);
    expect(
      (await pendingWork(a.teacherB, NOW, TZ)).teacher?.feedback.items.map((f) => f.observationId),
    ).toEqual([visit.schoolBHeld]);
    // leader A's lists hold nothing of the other organization, not even the row naming leader A
    const leaderA = JSON.stringify(await pendingWork(a.leaderA, NOW, TZ));
    expect(leaderA).not.toContain(visit.otherByLeaderA);
    expect(leaderA).not.toContain(w.otherSchool.id);
    const other = (await pendingWork(a.otherLeader, NOW, TZ)).observer;
    expect(other?.drafts.items.map((d) => d.observationId)).toEqual([visit.other]);
    expect(JSON.stringify(other)).not.toContain(w.schoolA.id);
    // a coordinator neither observes nor teaches: no lists
    expect(await pendingWork(a.coordinator, NOW, TZ)).toMatchObject({ observer: null, teacher: null });
  });

  it("links a teacher's profile to a new visit (prefilled) and her timeline, for whoever may", async () => {
    const roles = [{ role: "teacher", schoolId: w.schoolA.id }];
    const links = (actor: Actor) =>
      observationLinksFor(actor, { id: w.teacherA.id, organizationId: w.org.id }, roles);
    const prefilled = `/observaciones/nueva?establecimiento=${w.schoolA.id}&docente=${w.teacherA.id}`;
    const timeline = `/personas/${w.teacherA.id}/desarrollo`;
    expect(links(a.leaderA)).toEqual({ newVisit: prefilled, development: timeline });
    expect(links(a.mentorA)).toEqual({ newVisit: prefilled, development: timeline });
    expect(links(a.teacherA)).toEqual({ newVisit: null, development: timeline });
    for (const key of ["teacherA2", "leaderB", "otherLeader"] as const)
      expect(links(a[key]), key).toEqual({ newVisit: null, development: null });
    // An observer of two schools (leads A, mentors teacher B in B): the teacher picks her school on
    // /observaciones/nueva. A mentor role in B alone would not make B hers to observe.
    const both = await makePerson(w.org.id, [
      { role: "leader", schoolId: w.schoolA.id },
      { role: "mentor", schoolId: w.schoolB.id },
    ]);
    const unpaired = await visitOptions(await actorOf(both.id), undefined, w.teacherB.id);
    expect(unpaired.schools.map((x) => x.id)).toEqual([w.schoolA.id]);
    await pair(w.org.id, both.id, w.teacherB.id, w.schoolB.id, { startsOn: "2020-01-01" });
    const bothActor = await actorOf(both.id);
    const forB = await visitOptions(bothActor, undefined, w.teacherB.id);
    expect([forB.school?.id, forB.teacherId]).toEqual([w.schoolB.id, w.teacherB.id]);
    const stranger = await visitOptions(bothActor, undefined, w.otherLeader.id);
    expect([stranger.school, stranger.teacherId]).toEqual([null, null]);
  });

  it("cuts each list at DAY_LIST_SIZE and says there is more", async () => {
    const extra = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolB.id }]);
    for (let i = 0; i < DAY_LIST_SIZE + 2; i++) {
      await addVisit(`many${i}`, {
        teacherId: extra.id,
        observerId: w.leaderB.id,
        startedAt: new Date(NOW.getTime() - (i + 1) * HOUR).toISOString(),
        schoolId: w.schoolB.id,
        status: "draft",
      });
    }
    const drafts = (await pendingWork(a.leaderB, NOW, TZ)).observer?.drafts;
    expect(drafts?.items).toHaveLength(DAY_LIST_SIZE);
    expect(drafts?.more).toBe(true);
    expect(drafts?.items[0].observationId).toBe(visit.many0);
  });
});
