// Reminder emails (reminders.ts): a meeting not held 24 h after the visit, a follow-up date; queued once
// however many sweeps run, one after the other or at the same moment; none for a person who turned them
// off (their own choice only); each with a calendar event that parses, its times in UTC.
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { emails } from "../../platform/mail/schema";
import { useTestDatabase } from "../../platform/testing/database";
import { getPersonProfile, persons, updatePerson } from "../people";
import { actorOf, makePerson, makeWorld } from "../people/testing";
import { ensureObservationSetup } from ".";
import { calendarAttachment, sendDueReminders } from "./reminders";
import { actionSteps, feedbackMeetings, instrumentVersions, observations, remindersSent } from "./schema";

useTestDatabase();

const NOW = new Date("2026-11-20T15:00:00Z");
const HOUR = 3_600_000;

/** RFC 5545 read back: unfolded lines, each NAME[;params]:value, BEGIN/END balanced. */
function parseIcs(text: string) {
  expect(text).toContain("\r\n");
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter(Boolean);
  const stack: string[] = [];
  const props: Record<string, string> = {};
  for (const line of lines) {
    const m = /^([A-Z][A-Z0-9-]*)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!m) throw new Error(`línea ics inválida: ${line}`);
    const [, name, , value] = m;
    if (name === "BEGIN") stack.push(value);
    else if (name === "END") expect(stack.pop()).toBe(value);
    else if (stack.at(-1) === "VEVENT") props[name] = value;
  }
  expect(stack).toEqual([]);
  return { lines, props };
}

describe("reminders", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  let quiet: Awaited<ReturnType<typeof makePerson>>;
  const visit: Record<string, string> = {};

  const addVisit = async (key: string, observerId: string, teacherId: string, submittedAt: Date) => {
    const [version] = await db()
      .select({ id: instrumentVersions.id })
      .from(instrumentVersions)
      .where(eq(instrumentVersions.organizationId, w.org.id))
      .limit(1);
    visit[key] = newId();
    await db()
      .insert(observations)
      .values({
        id: visit[key],
        organizationId: w.org.id,
        schoolId: w.schoolA.id,
        teacherId,
        observerId,
        instrumentVersionId: version.id,
        purpose: "formativa",
        course: "5° básico A",
        subject: "Matemática",
        status: "submitted",
        startedAt: new Date(submittedAt.getTime() - 20 * 60_000),
        submittedAt,
      });
  };
  const addMeeting = async (key: string, teacherId: string, observerId: string, followUpOn: string) => {
    const stepId = newId();
    await db()
      .insert(actionSteps)
      .values({
        id: stepId,
        organizationId: w.org.id,
        schoolId: w.schoolA.id,
        teacherId,
        title: "Rutina de entrada",
        status: "open",
        openedAt: new Date(NOW.getTime() - 48 * HOUR),
      });
    await db()
      .insert(feedbackMeetings)
      .values({
        id: newId(),
        organizationId: w.org.id,
        schoolId: w.schoolA.id,
        observationId: visit[key],
        teacherId,
        observerId,
        heldAt: new Date(NOW.getTime() - 47 * HOUR),
        praise: "Bien",
        actionStepId: stepId,
        followUpOn,
      });
  };
  const mailTo = async (...addresses: string[]) =>
    db().select().from(emails).where(inArray(emails.toAddress, addresses));

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    // a teacher who turned reminders off
    quiet = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], { reminders: false });
    // Leader A: a visit sent 30 h ago without its meeting (reminder), one sent 10 h ago (not yet), one
    // sent 50 h ago whose meeting was held, with a follow-up tomorrow (to leader A and teacher A); the
    // mentor, reminders off: a visit sent 30 h ago.
    await addVisit("due", w.leaderA.id, w.teacherA2.id, new Date(NOW.getTime() - 30 * HOUR));
    await addVisit("fresh", w.leaderA.id, w.teacherA2.id, new Date(NOW.getTime() - 10 * HOUR));
    await addVisit("held", w.leaderA.id, w.teacherA.id, new Date(NOW.getTime() - 50 * HOUR));
    await addMeeting("held", w.teacherA.id, w.leaderA.id, "2026-11-21");
    await db().update(persons).set({ reminders: false }).where(eq(persons.id, w.mentorA.id));
    await addVisit("mentor", w.mentorA.id, w.teacherA2.id, new Date(NOW.getTime() - 30 * HOUR));
    // A follow-up tomorrow with the quiet teacher: only her observer is reminded.
    await addVisit("quiet", w.leaderA.id, quiet.id, new Date(NOW.getTime() - 50 * HOUR));
    await addMeeting("quiet", quiet.id, w.leaderA.id, "2026-11-21");
  });

  it("queues each reminder once when two sweeps run at the same moment, and again later", async () => {
    const [first, second] = await Promise.all([sendDueReminders(NOW), sendDueReminders(NOW)]);
    // meeting due (leader A); follow-up of "held" to leader A and teacher A; of "quiet" to leader A
    expect(first + second).toBe(4);
    const sent = await db().select().from(remindersSent);
    expect(
      sent.map((r) => `${r.kind}:${r.subjectId === visit.due ? "due" : "meeting"}:${r.due}`).sort(),
    ).toEqual([
      "follow_up_observer:meeting:2026-11-21",
      "follow_up_observer:meeting:2026-11-21",
      "follow_up_teacher:meeting:2026-11-21",
      `meeting_due:due:${new Date(NOW.getTime() - 30 * HOUR + 48 * HOUR).toISOString().replace(".000", "")}`,
    ]);
    expect(sent.every((r) => r.emailId)).toBe(true);
    const leaderMail = await mailTo(w.leaderA.email);
    expect(leaderMail).toHaveLength(3);
    expect(await mailTo(w.teacherA.email)).toHaveLength(1);

    // Later sweeps (another process, a restart) find every reminder claimed.
    expect(await sendDueReminders(NOW)).toBe(0);
    expect(await sendDueReminders(new Date(NOW.getTime() + 5 * 60_000))).toBe(0);
    expect(await mailTo(w.leaderA.email, w.teacherA.email)).toHaveLength(4);
  });

  it("sends nothing to a person who turned reminders off", async () => {
    expect(await mailTo(w.mentorA.email, quiet.email)).toEqual([]);
    expect(
      await db()
        .select()
        .from(remindersSent)
        .where(inArray(remindersSent.personId, [w.mentorA.id, quiet.id])),
    ).toEqual([]);
  });

  it("writes the email in the person's language with a calendar event that parses, in UTC", async () => {
    const [meeting] = (await mailTo(w.leaderA.email)).filter((e) => e.subject.includes("reunión"));
    expect(meeting.subject).toBe(
      `Recordatorio: reunión de retroalimentación con ${w.teacherA2.givenNames} ${w.teacherA2.familyNames}`,
    );
    expect(meeting.textBody).toContain(`/observaciones/${visit.due}/reunion`);
    expect(meeting.textBody).toContain(`/personas/${w.leaderA.id}/editar`);
    const [file] = meeting.attachments ?? [];
    expect(file).toMatchObject({
      filename: "reunion.ics",
      contentType: expect.stringContaining("text/calendar"),
    });
    const ics = parseIcs(file.content);
    expect(ics.lines[0]).toBe("BEGIN:VCALENDAR");
    expect(ics.lines).toContain("BEGIN:VEVENT");
    // due 48 h after sending; the event is the half hour before it
    const due = new Date(NOW.getTime() - 30 * HOUR + 48 * HOUR);
    const utc = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    expect(ics.props.DTSTART).toBe(utc(new Date(due.getTime() - 30 * 60_000)));
    expect(ics.props.DTEND).toBe(utc(due));
    expect(ics.props.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
    expect(ics.props.SUMMARY).toContain(w.teacherA2.familyNames);

    // The teacher's follow-up: 08:00 in her zone (Santiago, UTC-3) on the date.
    const [own] = await mailTo(w.teacherA.email);
    expect(own.subject).toBe("Recordatorio: seguimiento de su paso de acción el 21-11-2026");
    const followUp = parseIcs(own.attachments?.[0]?.content ?? "");
    expect(followUp.props.DTSTART).toBe("20261121T110000Z");
  });

  it("makes a calendar event with the ics package", () => {
    const file = calendarAttachment(
      {
        uid: "x@impulso",
        title: "Reunión, con «comillas»; y acentos",
        description: "Abrir en Impulso: http://localhost:3000/observaciones/1",
        url: "http://localhost:3000/observaciones/1",
        start: new Date("2026-11-21T11:00:00Z"),
        end: new Date("2026-11-21T11:30:00Z"),
      },
      "x.ics",
    );
    const { props } = parseIcs(file.content);
    expect(props).toMatchObject({ UID: "x@impulso", DTSTART: "20261121T110000Z", DTEND: "20261121T113000Z" });
  });

  it("reminders are the person's own choice: the profile form of someone else changes nothing", async () => {
    const teacher = await actorOf(w.teacherA.id);
    const leader = await actorOf(w.leaderA.id);
    const fields = (reminders: "on" | "off") => ({
      givenNames: w.teacherA.givenNames,
      familyNames: w.teacherA.familyNames,
      rut: "",
      phone: "",
      reminders,
    });
    await updatePerson(leader, w.teacherA.id, fields("off"));
    expect((await getPersonProfile(teacher, w.teacherA.id)).person?.reminders).toBe(true);
    await updatePerson(teacher, w.teacherA.id, fields("off"));
    expect((await getPersonProfile(teacher, w.teacherA.id)).person?.reminders).toBe(false);
    // absent (a form that does not offer it): unchanged
    await updatePerson(teacher, w.teacherA.id, { ...fields("on"), reminders: undefined });
    expect((await getPersonProfile(teacher, w.teacherA.id)).person?.reminders).toBe(false);
  });
});
