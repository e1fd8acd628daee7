import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { type DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makePerson, makeWorld, pair } from "../people/testing";
import {
  acknowledgeFeedback,
  captureKit,
  ensureObservationSetup,
  getDevelopment,
  getVisit,
  observerWork,
  recordMeeting,
  saveReflection,
  saveVisit,
  startVisit,
  visitOptions,
} from ".";
import { actionSteps, catalogueSteps, instruments, observations } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
const TZ = "America/Santiago";

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e) => e,
  );
}

describe("observation: a visit, its meeting and the teacher's side", () => {
  let w: World;
  const a: Record<string, Actor> = {};
  let instrumentId: string;
  let walkthroughId: string;
  let firstStepId: string;
  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    for (const key of [
      "admin",
      "coordinator",
      "otherCoordinator",
      "leaderA",
      "leaderB",
      "mentorA",
      "teacherA",
      "teacherA2",
      "teacherB",
      "otherAdmin",
      "otherLeader",
    ] as const) {
      a[key] = await actorOf(w[key].id);
    }
    const rows = await db().select().from(instruments).where(eq(instruments.organizationId, w.org.id));
    instrumentId = rows.find((r) => r.name.includes("MBE"))?.id ?? "";
    walkthroughId = rows.find((r) => !r.name.includes("MBE"))?.id ?? "";
    const [step] = await db()
      .select()
      .from(catalogueSteps)
      .where(and(eq(catalogueSteps.organizationId, w.org.id), eq(catalogueSteps.category, "routines")))
      .orderBy(catalogueSteps.position)
      .limit(1);
    firstStepId = step.id;
  });

  const start = (who: Actor, teacherId: string, extra: Record<string, string> = {}) =>
    startVisit(who, {
      schoolId: w.schoolA.id,
      teacherId,
      instrumentId,
      course: "5° básico A",
      subject: "Matemática",
      purpose: "formativa",
      ...extra,
    });

  it("seeds two instruments and a catalogue of at least 25 steps in five categories", async () => {
    const steps = await db().select().from(catalogueSteps).where(eq(catalogueSteps.organizationId, w.org.id));
    expect(steps.length).toBeGreaterThanOrEqual(25);
    expect(new Set(steps.map((s) => s.category))).toEqual(
      new Set(["routines", "climate", "checking", "challenge", "feedback"]),
    );
    expect(instrumentId).not.toBe("");
    expect(walkthroughId).not.toBe("");
    expect(await ensureObservationSetup(w.org.id)).toBe(false);
  });

  it("offers leaders and mentors the teachers of their school, and nobody else", async () => {
    const options = await visitOptions(a.leaderA);
    expect(options.school?.id).toBe(w.schoolA.id);
    expect(options.teachers.map((t) => t.id).sort()).toEqual([w.teacherA.id, w.teacherA2.id].sort());
    expect(options.instruments).toHaveLength(2);
    for (const who of ["teacherA", "coordinator", "admin"]) {
      expect(await rejection(visitOptions(a[who])), who).toBeInstanceOf(NotFoundError);
    }
  });

  it("refuses to start a visit of a teacher of another school or of oneself", async () => {
    const other = await rejection(start(a.leaderA, w.teacherB.id));
    expect((other as ValidationError).fieldErrors.teacherId).toBe(
      "observation.errors.teacher_not_observable",
    );
    const self = await rejection(start(a.leaderB, w.teacherA.id));
    expect(self).toBeInstanceOf(ValidationError);
    const blank = await rejection(startVisit(a.leaderA, { schoolId: w.schoolA.id }));
    expect((blank as ValidationError).fieldErrors).toMatchObject({
      teacherId: "observation.errors.teacher_required",
      course: "errors.required",
    });
  });

  it("gives the phone's kit to those who observe only, with their schools' teachers and the instruments' content", async () => {
    const kit = await captureKit(a.leaderA);
    expect(kit.teachers.map((t) => t.id).sort()).toEqual([w.teacherA.id, w.teacherA2.id].sort());
    expect(kit.instruments.map((i) => i.content.sections.length > 0)).toEqual([true, true]);
    expect((await captureKit(a.otherLeader)).teachers.map((t) => t.id)).not.toContain(w.teacherA.id);
    for (const who of ["teacherA", "coordinator", "admin"]) {
      expect(await rejection(captureKit(a[who])), who).toBeInstanceOf(NotFoundError);
    }
  });

  it("opens a visit started on a phone with its id and start, once; another's id is not found", async () => {
    const id = "0193b3c4-5d6e-7f80-9a1b-2c3d4e5f0001";
    const startedAt = new Date(Date.now() - 15 * 60_000);
    const input = {
      schoolId: w.schoolA.id,
      teacherId: w.teacherA2.id,
      instrumentId,
      course: "3° básico B",
      subject: "Historia",
      purpose: "formativa",
    };
    expect(await startVisit(a.leaderA, input, { id, startedAt })).toBe(id);
    expect(await startVisit(a.leaderA, input, { id, startedAt })).toBe(id);
    const rows = await db().select().from(observations).where(eq(observations.id, id));
    expect(rows.map((r) => [r.observerId, r.startedAt.getTime()])).toEqual([
      [w.leaderA.id, startedAt.getTime()],
    ]);
    expect(await rejection(startVisit(a.mentorA, input, { id, startedAt }))).toBeInstanceOf(NotFoundError);
    // A start further back than a week, or in the future, is the moment it arrives.
    const late = "0193b3c4-5d6e-7f80-9a1b-2c3d4e5f0002";
    await startVisit(a.leaderA, input, { id: late, startedAt: new Date(Date.now() - 30 * 86_400_000) });
    const [row] = await db().select().from(observations).where(eq(observations.id, late));
    expect(Date.now() - row.startedAt.getTime()).toBeLessThan(60_000);
    await db()
      .delete(observations)
      .where(inArray(observations.id, [id, late]));
  });

  it("records a visit: notes with their minute, tags, levels, snapshots; submits only with evidence", async () => {
    const t0 = new Date();
    const id = await start(a.leaderA, w.teacherA.id);
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000 + 1000);
    await saveVisit(a.leaderA, id, "note", { note: "Docente saluda en la puerta; 28 estudiantes." }, at(0));
    await saveVisit(a.leaderA, id, "note", { note: "3 estudiantes sin cuaderno.", noteTag: "b5.1" }, at(4));
    await saveVisit(a.leaderA, id, "snapshot", { onTask: "22", present: "28" }, at(5));
    await saveVisit(a.leaderA, id, "snapshot", { onTask: "26", present: "28" }, at(12));
    let visit = await getVisit(a.leaderA, id);
    expect(visit.notes.map((n) => [n.minute, n.indicatorKeys])).toEqual([
      [0, []],
      [4, ["b5.1"]],
    ]);
    expect(visit.onTaskShare).toBeCloseTo(48 / 56);
    const tag = `tag_${visit.notes[0].id}`;
    await saveVisit(a.leaderA, id, "save", { [tag]: "b6.1", level_b5_bad: "3", level_b5: "" });
    await saveVisit(a.leaderA, id, "save", { "level_b5.1": "3", "level_c7.1": "2" });
    visit = await getVisit(a.leaderA, id);
    expect(visit.notes[0].indicatorKeys).toEqual(["b6.1"]);
    expect(visit.levels).toEqual({ "b5.1": 3, "c7.1": 2 });

    const bad = await rejection(saveVisit(a.leaderA, id, "snapshot", { onTask: "30", present: "28" }));
    expect((bad as ValidationError).fieldErrors.onTask).toBe("observation.errors.on_task_over_present");
    const level = await rejection(saveVisit(a.leaderA, id, "save", { "level_b5.1": "7" }));
    expect((level as ValidationError).fieldErrors["level_b5.1"]).toBe("errors.invalid_choice");
    expect((await getVisit(a.leaderA, id)).levels["b5.1"]).toBe(3);

    // Nobody but the author sees a draft, not even the teacher.
    for (const who of ["teacherA", "mentorA", "coordinator"]) {
      expect(await rejection(getVisit(a[who], id)), who).toBeInstanceOf(NotFoundError);
    }
    expect(await rejection(saveVisit(a.mentorA, id, "note", { note: "x" }))).toBeInstanceOf(NotFoundError);

    await saveVisit(a.leaderA, id, "submit", { proposedStep: firstStepId });
    visit = await getVisit(a.leaderA, id);
    expect(visit.status).toBe("submitted");
    expect(visit.can).toMatchObject({ edit: false, holdMeeting: true });
    // The sent visit's page carries no catalogue; the meeting's page does, to name the next step.
    expect(visit.catalogue).toEqual([]);
    expect((await getVisit(a.leaderA, id, { forMeeting: true })).catalogue.length).toBeGreaterThan(20);
    const late = await rejection(saveVisit(a.leaderA, id, "note", { note: "tarde" }));
    expect(late).toBeInstanceOf(NotFoundError);
  });

  it("keeps the last change received and every change in the visit's history, for its author only", async () => {
    const t0 = new Date(Date.now() - 30 * 60_000);
    const id = await startVisit(
      a.leaderA,
      {
        schoolId: w.schoolA.id,
        teacherId: w.teacherA.id,
        instrumentId,
        course: "7° básico",
        subject: "Historia",
        purpose: "formativa",
      },
      undefined,
      t0,
    );
    const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);
    // The tablet, online at minute 20: Competente. The phone, offline, had written Básico at minute 10;
    // it arrives at minute 25, after the tablet's.
    await saveVisit(a.leaderA, id, "save", { "level_b5.1": "3" }, minutes(20));
    await saveVisit(a.leaderA, id, "save", { "level_b5.1": "2", at: minutes(10).toISOString() }, minutes(25));
    let visit = await getVisit(a.leaderA, id);
    expect(visit.levels["b5.1"]).toBe(2);
    expect(visit.history.map((e) => [e.field, e.previous, e.value, e.late])).toEqual([
      ["level:b5.1", "3", "2", true],
      ["level:b5.1", "", "3", false],
    ]);
    expect(visit.history[0].writtenAt.toISOString()).toBe(minutes(10).toISOString());
    expect(visit.history[0].receivedAt.toISOString()).toBe(minutes(25).toISOString());

    // Saving what the visit already holds changes nothing; typing a title on one device is one change,
    // and a step chosen and then unchosen there is none. The same field changed at once on two devices
    // is two changes.
    const tablet = "01a2bc00-0000-7000-8000-00000000000a";
    const phone = "01a2bc00-0000-7000-8000-00000000000b";
    await saveVisit(a.leaderA, id, "save", { "level_b5.1": "2", "level_c7.1": "" }, minutes(26));
    for (const [i, title] of ["Rut", "Rutina de", "Rutina de entrada"].entries())
      await saveVisit(
        a.leaderA,
        id,
        "save",
        { proposedStepTitle: title, device: tablet },
        new Date(minutes(27).getTime() + i * 5000),
      );
    await saveVisit(a.leaderA, id, "save", { proposedStep: firstStepId, device: tablet }, minutes(28));
    await saveVisit(a.leaderA, id, "save", { proposedStep: "", device: tablet }, minutes(28.2));
    await saveVisit(a.leaderA, id, "save", { "level_c7.1": "1", device: tablet }, minutes(28.4));
    await saveVisit(a.leaderA, id, "save", { "level_c7.1": "4", device: phone }, minutes(28.5));
    visit = await getVisit(a.leaderA, id);
    expect(visit.history.map((e) => [e.field, e.previous, e.value])).toEqual([
      ["level:c7.1", "1", "4"],
      ["level:c7.1", "", "1"],
      ["proposedStepTitle", "", "Rutina de entrada"],
      ["level:b5.1", "3", "2"],
      ["level:b5.1", "", "3"],
    ]);
    // A note's tag and the step proposed from the catalogue, with its title to show.
    await saveVisit(a.leaderA, id, "note", { note: "Entran en silencio." }, minutes(29));
    visit = await getVisit(a.leaderA, id);
    await saveVisit(a.leaderA, id, "save", { [`tag_${visit.notes[0].id}`]: "b6.1" }, minutes(33));
    await saveVisit(a.leaderA, id, "save", { proposedStep: firstStepId }, minutes(36));
    visit = await getVisit(a.leaderA, id);
    const [step, tag] = visit.history;
    expect([tag.field, tag.previous, tag.value]).toEqual([`tag:${visit.notes[0].id}`, "", "b6.1"]);
    expect(step.field).toBe("proposedStep");
    expect(step.valueLabel?.length).toBeGreaterThan(5);

    // Once sent, the school's team reads the visit but not its history; the author still does.
    await saveVisit(a.leaderA, id, "submit", {}, minutes(40));
    expect((await getVisit(a.leaderA, id)).history).toHaveLength(7);
    for (const who of ["teacherA", "mentorA", "coordinator"]) {
      const read = await getVisit(a[who], id);
      expect(read.notes, who).toHaveLength(1);
      expect(read.history, who).toEqual([]);
    }
    // (the tests after this one count teacher A's visits)
    await db().delete(observations).where(eq(observations.id, id));
  });

  it("will not submit a visit without evidence, and keeps what was saved", async () => {
    const id = await start(a.mentorA, w.teacherA2.id);
    const error = await rejection(saveVisit(a.mentorA, id, "submit", { "level_b5.1": "2" }));
    expect((error as ValidationError).fieldErrors.note).toBe("observation.errors.evidence_required");
    const [row] = await db().select().from(observations).where(eq(observations.id, id));
    expect(row.status).toBe("draft");
    // A note left typed in the box is added by submit.
    await saveVisit(a.mentorA, id, "submit", { note: "Inicio puntual." });
    expect((await getVisit(a.mentorA, id)).notes).toHaveLength(1);
  });

  it("holds the meeting: the named step opens, the teacher is emailed, acknowledges and reflects in private", async () => {
    const [visit] = await db()
      .select()
      .from(observations)
      .where(and(eq(observations.teacherId, w.teacherA.id), eq(observations.status, "submitted")));
    const missing = await rejection(
      recordMeeting(a.leaderA, visit.id, { heldOn: "2026-13-40", heldAtTime: "10:00", stepChoice: "" }, TZ),
    );
    expect((missing as ValidationError).fieldErrors).toMatchObject({
      praise: "observation.errors.praise_required",
      stepChoice: "observation.errors.step_required",
    });
    expect(await rejection(recordMeeting(a.mentorA, visit.id, {}, TZ))).toBeInstanceOf(NotFoundError);
    const now = new Date();
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: TZ,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .format(now)
      .split(" ");
    await recordMeeting(
      a.leaderA,
      visit.id,
      {
        heldOn: local[0],
        heldAtTime: local[1],
        praise: "Saludó a cada estudiante en la puerta.",
        model: "Vimos el video de la rutina de entrada.",
        gap: "Tres estudiantes tardaron en sacar su cuaderno.",
        stepChoice: "catalogue",
        catalogueStepId: firstStepId,
        plan: "Escribir la rutina en la pizarra.",
        practiced: "on",
        practiceNote: "Dos ensayos de la consigna.",
        followUpOn: local[0],
      },
      TZ,
      new Date(now.getTime() + 60_000),
    );
    const again = await rejection(
      recordMeeting(
        a.leaderA,
        visit.id,
        { heldOn: local[0], heldAtTime: local[1], praise: "x", stepChoice: "custom", stepTitle: "y" },
        TZ,
        new Date(now.getTime() + 60_000),
      ),
    );
    expect((again as DomainError).messageKey).toBe("observation.errors.meeting_exists");
    const [open] = await db()
      .select()
      .from(actionSteps)
      .where(and(eq(actionSteps.teacherId, w.teacherA.id), eq(actionSteps.status, "open")));
    expect(open.catalogueStepId).toBe(firstStepId);
    const mail = await db().select().from(emails).where(eq(emails.toAddress, w.teacherA.email));
    expect(mail).toHaveLength(1);
    expect(mail[0].textBody).toContain(`/observaciones/${visit.id}`);

    // The teacher reads it; a colleague, another school's leader, a coordinator who does not advise
    // the school, an administrator and another organization get 404.
    const seen = await getVisit(a.teacherA, visit.id);
    expect(seen.meeting?.praise).toBe("Saludó a cada estudiante en la puerta.");
    expect(seen.can.respond).toBe(true);
    for (const who of [
      "teacherA2",
      "leaderB",
      "otherCoordinator",
      "admin",
      "otherAdmin",
      "otherLeader",
      "teacherB",
    ]) {
      expect(await rejection(getVisit(a[who], visit.id)), who).toBeInstanceOf(NotFoundError);
      expect(await rejection(acknowledgeFeedback(a[who], visit.id)), who).toBeInstanceOf(NotFoundError);
    }
    for (const who of ["mentorA", "coordinator"]) {
      expect((await getVisit(a[who], visit.id)).meeting, who).not.toBeNull();
    }
    expect(await rejection(acknowledgeFeedback(a.leaderA, visit.id))).toBeInstanceOf(NotFoundError);
    await acknowledgeFeedback(a.teacherA, visit.id);
    await saveReflection(a.teacherA, visit.id, { reflection: "Me costó la consigna.", private: "on" });
    expect((await getVisit(a.teacherA, visit.id)).reflection?.body).toBe("Me costó la consigna.");
    expect((await getVisit(a.leaderA, visit.id)).reflection).toBeNull();
    expect((await getVisit(a.coordinator, visit.id)).reflection).toBeNull();
    await saveReflection(a.teacherA, visit.id, { reflection: "Me costó la consigna.", private: "" });
    expect((await getVisit(a.leaderA, visit.id)).reflection?.body).toBe("Me costó la consigna.");
    const reads = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "observation.read"), eq(auditEvents.actorPersonId, w.coordinator.id)),
      );
    expect(reads.length).toBeGreaterThan(0);
  });

  it("opens the follow-up visit with the open step, for any observer, and marks it mastered", async () => {
    const id = await start(a.mentorA, w.teacherA.id);
    const visit = await getVisit(a.mentorA, id);
    expect(visit.focusStep?.id).toBeDefined();
    const [{ title }] = await db().select().from(catalogueSteps).where(eq(catalogueSteps.id, firstStepId));
    expect(visit.focusStep?.title).toBe(title);
    await saveVisit(a.mentorA, id, "note", { note: "Todos con cuaderno al minuto 2." });
    const undecided = await rejection(saveVisit(a.mentorA, id, "submit", {}));
    expect((undecided as ValidationError).fieldErrors.focusResult).toBe(
      "observation.errors.focus_result_required",
    );
    await saveVisit(a.mentorA, id, "submit", { focusResult: "mastered" });
    const steps = await db().select().from(actionSteps).where(eq(actionSteps.teacherId, w.teacherA.id));
    expect(steps.map((s) => s.status)).toEqual(["mastered"]);
    expect(steps[0].masteredInObservationId).toBe(id);

    const development = await getDevelopment(a.teacherA, w.teacherA.id);
    expect(development.masteredCount).toBe(1);
    expect(development.visits).toHaveLength(2);
    expect(development.onTaskSeries).toHaveLength(1);
    for (const who of ["teacherA2", "leaderB", "otherCoordinator", "otherAdmin"]) {
      expect(await rejection(getDevelopment(a[who], w.teacherA.id)), who).toBeInstanceOf(NotFoundError);
    }
    expect((await getDevelopment(a.leaderA, w.teacherA.id)).visits).toHaveLength(2);
  });

  it("keeps one open step per teacher across observers: a new step closes the one in course", async () => {
    const t = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    await pair(w.org.id, w.mentorA.id, t.id, w.schoolA.id, { startsOn: "2020-01-01" });
    a.mentorA = await actorOf(w.mentorA.id);
    const when = () => {
      const parts = new Intl.DateTimeFormat("sv-SE", {
        timeZone: TZ,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .format(new Date())
        .split(" ");
      return { heldOn: parts[0], heldAtTime: parts[1] };
    };
    for (const [who, title] of [
      [a.leaderA, "Paso del equipo directivo"],
      [a.mentorA, "Paso de la mentora"],
    ] as const) {
      const id = await start(who, t.id);
      await saveVisit(who, id, "note", { note: "Evidencia." });
      const focus = (await getVisit(who, id)).focusStep;
      await saveVisit(who, id, "submit", focus ? { focusResult: "continued" } : {});
      await recordMeeting(
        who,
        id,
        { ...when(), praise: "Bien.", stepChoice: "custom", stepTitle: title },
        TZ,
        new Date(Date.now() + 60_000),
      );
    }
    const steps = await db().select().from(actionSteps).where(eq(actionSteps.teacherId, t.id));
    expect(steps.filter((s) => s.status === "open").map((s) => s.title)).toEqual(["Paso de la mentora"]);
    expect(steps.find((s) => s.title === "Paso del equipo directivo")?.status).toBe("closed");
  });

  it("lists an observer's drafts and visits waiting for their meeting", async () => {
    const draft = await start(a.mentorA, w.teacherA2.id);
    const work = await observerWork(a.mentorA);
    expect(work.drafts.map((v) => v.id)).toContain(draft);
    // The mentor's visits of teacher A2 and of teacher A (step mastered) have no meeting yet; the
    // meeting is due 48 hours after the visit was submitted.
    expect(work.awaiting.length).toBeGreaterThanOrEqual(2);
    for (const v of work.awaiting) {
      expect(v.due.getTime() - (v.submittedAt as Date).getTime()).toBe(48 * 3_600_000);
      expect(work.drafts.map((d) => d.id)).not.toContain(v.id);
    }
    const recent = await observerWork(a.leaderA);
    expect(recent.recent.length).toBeGreaterThanOrEqual(1);
    expect((await observerWork(a.leaderB)).awaiting).toEqual([]);
  });
});
