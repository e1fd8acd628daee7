// Mentor pairings and mentoring sessions (issue #18), and what a pairing opens in the observation
// module: a mentor reads and observes their mentees while the pairing is in force, and nothing after.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import { type Actor, can } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import {
  ensureObservationSetup,
  getDevelopment,
  getVisit,
  recordMeeting,
  saveVisit,
  startVisit,
  visitOptions,
} from "../observation";
import { instruments } from "../observation/schema";
import { organizationToday } from "../people/actor";
import { actorOf, makePerson, makeWorld, pair } from "../people/testing";
import {
  changePairingEnd,
  commentOnSession,
  createPairings,
  endPairing,
  listPairings,
  logSession,
  menteesOf,
  mentoringHome,
  pairingPage,
  sessionPage,
  updateSession,
} from ".";
import { mentoringSessions, mentorPairings } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
const TZ = "America/Santiago";

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e) => e,
  );
}
/** "2026-11-25" plus n days */
const plus = (day: string, n: number) =>
  new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const fieldsOf = (e: unknown) => (e instanceof ValidationError ? e.fieldErrors : e);

describe("mentoring: pairings, what they open, sessions", () => {
  let w: World;
  const a: Record<string, Actor> = {};
  let instrumentId: string;
  /** teacher A's submitted visit by leader A */
  let visitId: string;
  const today = organizationToday();

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
    visitId = await startVisit(a.leaderA, visitInput(w.schoolA.id, w.teacherA.id));
    await saveVisit(a.leaderA, visitId, "note", { note: "Evidencia." });
    await saveVisit(a.leaderA, visitId, "submit", {});
  });

  const visitInput = (schoolId: string, teacherId: string) => ({
    schoolId,
    teacherId,
    instrumentId,
    course: "5° básico A",
    subject: "Matemática",
    purpose: "formativa",
  });

  it("a school's mentor role alone no longer opens its teachers' record; a pairing does, across schools", async () => {
    // a mentor of school A paired with nobody
    const unpaired = await actorOf(
      (await makePerson(w.org.id, [{ role: "mentor", schoolId: w.schoolA.id }])).id,
    );
    expect(await rejection(getVisit(unpaired, visitId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getDevelopment(unpaired, w.teacherA.id))).toBeInstanceOf(NotFoundError);
    expect(fieldsOf(await rejection(startVisit(unpaired, visitInput(w.schoolA.id, w.teacherA.id))))).toEqual({
      teacherId: "observation.errors.teacher_not_observable",
    });
    expect(await rejection(visitOptions(unpaired))).toBeInstanceOf(NotFoundError);

    // a mentor of school B (no role in school A) paired with teacher A in school A
    const across = await makePerson(w.org.id, [{ role: "mentor", schoolId: w.schoolB.id }]);
    await pair(w.org.id, across.id, w.teacherA.id, w.schoolA.id, { startsOn: plus(today, -30) });
    const acrossActor = await actorOf(across.id);
    expect((await getVisit(acrossActor, visitId)).id).toBe(visitId);
    expect((await getDevelopment(acrossActor, w.teacherA.id)).teacher.id).toBe(w.teacherA.id);
    // the picker offers school A with teacher A alone (not teacher A2), and not school B's teachers
    const options = await visitOptions(acrossActor, w.schoolA.id);
    expect(options.schools.map((s) => s.id)).toEqual([w.schoolA.id]);
    expect(options.teachers.map((t) => t.id)).toEqual([w.teacherA.id]);
    const own = await startVisit(acrossActor, visitInput(w.schoolA.id, w.teacherA.id));
    expect((await getVisit(acrossActor, own)).status).toBe("draft");
    // not teacher A2, whom they do not mentor
    expect(
      fieldsOf(await rejection(startVisit(acrossActor, visitInput(w.schoolA.id, w.teacherA2.id)))),
    ).toEqual({
      teacherId: "observation.errors.teacher_not_observable",
    });
    // the world's mentor A (paired with teachers A and A2) still reads and observes them
    expect((await getVisit(a.mentorA, visitId)).id).toBe(visitId);
  });

  it("a pairing not yet started, past its end or ended opens nothing", async () => {
    const cases = [
      { startsOn: plus(today, 1) },
      { startsOn: plus(today, -30), endsOn: plus(today, -1) },
      { startsOn: plus(today, -30), ended: true },
    ];
    for (const values of cases) {
      const mentor = await makePerson(w.org.id, [{ role: "mentor", schoolId: w.schoolA.id }]);
      await pair(w.org.id, mentor.id, w.teacherA.id, w.schoolA.id, values);
      const actor = await actorOf(mentor.id);
      expect(actor.mentees.size, JSON.stringify(values)).toBe(0);
      expect(await rejection(getVisit(actor, visitId)), JSON.stringify(values)).toBeInstanceOf(NotFoundError);
    }
    // the last day of a pairing is in force
    const lastDay = await makePerson(w.org.id, []);
    await pair(w.org.id, lastDay.id, w.teacherA.id, w.schoolA.id, {
      startsOn: plus(today, -3),
      endsOn: today,
    });
    expect((await getVisit(await actorOf(lastDay.id), visitId)).id).toBe(visitId);
  });

  it("pairs a mentor with teachers of a school, refusing what does not hold, and tells them by email", async () => {
    const mentor = await makePerson(w.org.id, [{ role: "mentor", schoolId: w.schoolB.id }]);
    const teacher1 = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    const teacher2 = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    const base = { mentorId: mentor.id, schoolId: w.schoolA.id, startsOn: today, endsOn: "" };
    const refused = async (input: Record<string, unknown>) =>
      fieldsOf(await rejection(createPairings(a.coordinator, input)));
    expect(await refused({ ...base, teacherIds: [] })).toEqual({
      teacherIds: "mentoring.errors.teachers_required",
    });
    expect(await refused({ ...base, teacherIds: [w.teacherB.id] })).toEqual({
      teacherIds: "mentoring.errors.not_a_teacher",
    });
    // a teacher of school A who is also its mentor cannot be paired with themselves
    const both = await makePerson(w.org.id, [
      { role: "teacher", schoolId: w.schoolA.id },
      { role: "mentor", schoolId: w.schoolA.id },
    ]);
    expect(await refused({ ...base, mentorId: both.id, teacherIds: [both.id] })).toEqual({
      teacherIds: "mentoring.errors.mentor_is_teacher",
    });
    expect(await refused({ ...base, startsOn: "2026-02-30", teacherIds: [teacher1.id] })).toEqual({
      startsOn: "mentoring.errors.date_invalid",
    });
    expect(await refused({ ...base, endsOn: plus(today, -1), teacherIds: [teacher1.id] })).toMatchObject({
      endsOn: "mentoring.errors.end_before_start",
    });
    expect(await refused({ ...base, mentorId: w.otherLeader.id, teacherIds: [teacher1.id] })).toEqual({
      mentorId: "mentoring.errors.mentor_unknown",
    });
    // a person of the organization who is no mentor (no mentor role, no mentor certificate in force)
    expect(await refused({ ...base, mentorId: teacher2.id, teacherIds: [teacher1.id] })).toEqual({
      mentorId: "mentoring.errors.mentor_unknown",
    });
    expect(await db().select().from(mentorPairings).where(eq(mentorPairings.mentorId, mentor.id))).toEqual(
      [],
    );
    // only coordinators pair
    for (const who of ["leaderA", "mentorA", "admin", "teacherA", "otherAdmin"])
      expect(
        await rejection(createPairings(a[who], { ...base, teacherIds: [teacher1.id] })),
        who,
      ).toBeInstanceOf(NotFoundError);

    const ids = await createPairings(a.coordinator, { ...base, teacherIds: [teacher1.id, teacher2.id] });
    expect(ids).toHaveLength(2);
    // a duplicate in force is refused, whole
    expect(await refused({ ...base, teacherIds: [teacher2.id] })).toEqual({
      teacherIds: "mentoring.errors.already_paired",
    });
    const sent = await db().select().from(emails).where(eq(emails.organizationId, w.org.id));
    expect(sent.filter((e) => e.toAddress === mentor.email)).toHaveLength(1);
    expect(sent.find((e) => e.toAddress === mentor.email)?.textBody).toContain(teacher1.familyNames);
    expect(sent.find((e) => e.toAddress === teacher1.email)?.textBody).toContain(mentor.familyNames);
    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "pairing.created"), eq(auditEvents.subjectId, ids[0])));
    expect(audited).toHaveLength(1);

    // the list, filtered by mentor; the end date changes and clears
    const listed = await listPairings(a.coordinator, { mentorId: mentor.id });
    expect(listed.pairings.map((p) => p.teacherId).sort()).toEqual([teacher1.id, teacher2.id].sort());
    await changePairingEnd(a.coordinator, ids[0], { endsOn: plus(today, 30) });
    const [changed] = await db().select().from(mentorPairings).where(eq(mentorPairings.id, ids[0]));
    expect(changed.endsOn).toBe(plus(today, 30));
    expect(
      fieldsOf(await rejection(changePairingEnd(a.coordinator, ids[0], { endsOn: "31-12-2026" }))),
    ).toEqual({
      endsOn: "mentoring.errors.date_invalid",
    });
    expect(await rejection(changePairingEnd(a.leaderA, ids[0], { endsOn: "" }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(listPairings(a.mentorA, {}))).toBeInstanceOf(NotFoundError);
  });

  it("ending a pairing removes the mentor's access at once: visits, development and sessions", async () => {
    const mentor = await makePerson(w.org.id, [{ role: "mentor", schoolId: w.schoolB.id }], { givenNames: "Rosa" });
    const [pairingId] = await createPairings(a.coordinator, {
      mentorId: mentor.id,
      schoolId: w.schoolA.id,
      startsOn: today,
      teacherIds: [w.teacherA.id],
    });
    const before = await actorOf(mentor.id);
    expect((await getVisit(before, visitId)).id).toBe(visitId);
    const sessionId = await logSession(before, pairingId, {
      heldOn: today,
      focus: "Rutinas de inicio",
      agreements: "Probar la rutina de entrada tres días.",
      nextStep: "Grabar una clase.",
      nextOn: plus(today, 7),
    });
    expect((await sessionPage(before, sessionId)).session.focus).toBe("Rutinas de inicio");

    await endPairing(a.coordinator, pairingId);
    await endPairing(a.coordinator, pairingId); // a second click changes nothing
    const [ended] = await db().select().from(mentorPairings).where(eq(mentorPairings.id, pairingId));
    expect(ended.endedBy).toBe(w.coordinator.id);
    const after = await actorOf(mentor.id);
    expect(after.mentees.size).toBe(0);
    // a visit the mentor sent while paired: its feedback meeting is no longer theirs to hold
    const theirVisit = {
      organizationId: w.org.id,
      schoolId: w.schoolA.id,
      teacherId: w.teacherA.id,
      observerId: mentor.id,
      status: "submitted" as const,
    };
    expect(can(before, "hold_meeting", "observation", theirVisit)).toBe(true);
    expect(can(after, "hold_meeting", "observation", theirVisit)).toBe(false);
    expect(can(after, "read", "observation", theirVisit)).toBe(true); // their own working record
    expect(await rejection(getVisit(after, visitId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(getDevelopment(after, w.teacherA.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(sessionPage(after, sessionId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(pairingPage(after, pairingId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(logSession(after, pairingId, { heldOn: today, focus: "x" }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(commentOnSession(after, sessionId, { body: "x" }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(updateSession(after, sessionId, { heldOn: today, focus: "x" }))).toBeInstanceOf(
      NotFoundError,
    );
    // the mentee and coordinators still read it; an ended pairing's end date no longer changes
    expect((await sessionPage(a.teacherA, sessionId)).session.focus).toBe("Rutinas de inicio");
    expect((await sessionPage(a.coordinator, sessionId)).canComment).toBe(false);
    expect(await rejection(changePairingEnd(a.coordinator, pairingId, { endsOn: "" }))).toMatchObject({
      message: "mentoring.errors.pairing_ended",
    });
  });

  it("sessions: read by the mentee, the mentor in force and coordinators; comments; edits by the mentor", async () => {
    const [pairingId] = await db()
      .select({ id: mentorPairings.id })
      .from(mentorPairings)
      .where(and(eq(mentorPairings.mentorId, w.mentorA.id), eq(mentorPairings.teacherId, w.teacherA2.id)));
    const input = {
      heldOn: today,
      focus: "Preguntas abiertas",
      agreements: "Acuerdo privado de la sesión.",
      nextStep: "Planificar tres preguntas.",
      nextOn: "",
    };
    // validation: future date, next before held, focus required
    expect(
      fieldsOf(await rejection(logSession(a.mentorA, pairingId.id, { ...input, heldOn: plus(today, 1) }))),
    ).toEqual({
      heldOn: "mentoring.errors.held_in_future",
    });
    expect(
      fieldsOf(await rejection(logSession(a.mentorA, pairingId.id, { ...input, nextOn: plus(today, -1) }))),
    ).toEqual({ nextOn: "mentoring.errors.next_before_held" });
    expect(fieldsOf(await rejection(logSession(a.mentorA, pairingId.id, { ...input, focus: " " })))).toEqual({
      focus: "errors.required",
    });
    for (const who of ["leaderA", "teacherA2", "coordinator", "admin", "otherAdmin"])
      expect(await rejection(logSession(a[who], pairingId.id, input)), who).toBeInstanceOf(NotFoundError);
    const sessionId = await logSession(a.mentorA, pairingId.id, input);
    // the mentee is told: the date and the mentor's name, a link; nothing of what was written
    const [mail] = await db().select().from(emails).where(eq(emails.toAddress, w.teacherA2.email));
    const date = `${today.slice(8, 10)}-${today.slice(5, 7)}-${today.slice(0, 4)}`;
    expect(mail.textBody).toContain(date);
    expect(mail.textBody).toContain(w.mentorA.familyNames);
    expect(mail.textBody).toContain(`/mentoria/sesiones/${sessionId}`);
    expect(mail.textBody).not.toContain("Preguntas abiertas");
    expect(mail.textBody).not.toContain("Acuerdo privado");

    for (const who of ["mentorA", "teacherA2", "coordinator", "otherCoordinator"])
      expect((await sessionPage(a[who], sessionId)).session.agreements, who).toBe(
        "Acuerdo privado de la sesión.",
      );
    // nobody else: the school's leaders, another teacher, the administrator, another organization
    for (const who of ["leaderA", "leaderB", "teacherA", "teacherB", "admin", "otherAdmin", "otherLeader"])
      expect(await rejection(sessionPage(a[who], sessionId)), who).toBeInstanceOf(NotFoundError);

    await commentOnSession(a.teacherA2, sessionId, { body: "Gracias, lo intento el lunes." });
    await commentOnSession(a.mentorA, sessionId, { body: "¡Me cuentas!" });
    for (const who of ["leaderA", "coordinator", "teacherA"])
      expect(await rejection(commentOnSession(a[who], sessionId, { body: "x" })), who).toBeInstanceOf(
        NotFoundError,
      );
    expect(fieldsOf(await rejection(commentOnSession(a.teacherA2, sessionId, { body: "" })))).toEqual({
      body: "errors.required",
    });
    const page = await sessionPage(a.teacherA2, sessionId);
    expect(page.comments.map((c) => [c.authorId, c.body])).toEqual([
      [w.teacherA2.id, "Gracias, lo intento el lunes."],
      [w.mentorA.id, "¡Me cuentas!"],
    ]);
    expect([page.canEdit, page.canComment]).toEqual([false, true]);

    await updateSession(a.mentorA, sessionId, { ...input, focus: "Preguntas abiertas y espera" });
    for (const who of ["teacherA2", "coordinator", "leaderA"])
      expect(await rejection(updateSession(a[who], sessionId, input)), who).toBeInstanceOf(NotFoundError);
    const [stored] = await db().select().from(mentoringSessions).where(eq(mentoringSessions.id, sessionId));
    expect(stored.focus).toBe("Preguntas abiertas y espera");
  });

  it("the mentor's home: each mentee with their open step, last visit and next follow-up, in one list", async () => {
    const mentor = await makePerson(w.org.id, [{ role: "mentor", schoolId: w.schoolB.id }]);
    const mentee = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      familyNames: "Aaa Primera",
    });
    const quiet = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolB.id }], {
      familyNames: "Zzz Última",
    });
    const [p1] = await createPairings(a.coordinator, {
      mentorId: mentor.id,
      schoolId: w.schoolA.id,
      startsOn: plus(today, -10),
      teacherIds: [mentee.id],
    });
    await createPairings(a.coordinator, {
      mentorId: mentor.id,
      schoolId: w.schoolB.id,
      startsOn: plus(today, -10),
      teacherIds: [quiet.id],
    });
    // a visit by leader A with its meeting: a step and a follow-up in 5 days
    const id = await startVisit(a.leaderA, visitInput(w.schoolA.id, mentee.id));
    await saveVisit(a.leaderA, id, "note", { note: "Evidencia." });
    await saveVisit(a.leaderA, id, "submit", {});
    const held = new Intl.DateTimeFormat("sv-SE", {
      timeZone: TZ,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(new Date());
    await recordMeeting(
      a.leaderA,
      id,
      {
        heldOn: today,
        heldAtTime: held,
        praise: "Muy bien.",
        stepChoice: "custom",
        stepTitle: "Esperar tres segundos tras preguntar",
        plan: "Mañana.",
        followUpOn: plus(today, 5),
      },
      TZ,
    );
    const actor = await actorOf(mentor.id);
    // a session whose next date comes before the meeting's follow-up
    await logSession(actor, p1, { heldOn: today, focus: "Espera", nextOn: plus(today, 2) });
    const rows = await menteesOf(actor);
    expect(rows.map((r) => r.teacherId)).toEqual([mentee.id, quiet.id]);
    expect(rows[0]).toMatchObject({
      schoolId: w.schoolA.id,
      stepTitle: "Esperar tres segundos tras preguntar",
      lastVisitId: id,
      nextFollowUpOn: plus(today, 2),
      sessions: 1,
    });
    expect(rows[1]).toMatchObject({ stepTitle: null, lastVisitId: null, nextFollowUpOn: null, sessions: 0 });
    // the mentee sees their mentor at /mentoria
    const home = await mentoringHome(await actorOf(mentee.id));
    expect(home.mentees).toEqual([]);
    expect(home.mentors.map((m) => [m.mentorId, m.sessions])).toEqual([[mentor.id, 1]]);
    // someone with neither sees neither
    const nobody = await mentoringHome(a.leaderB);
    expect([nobody.mentees, nobody.mentors]).toEqual([[], []]);
  });
});
