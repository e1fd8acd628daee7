// The well-being pulse (issue #17): anonymous by construction (the answers table has no person and no
// time; answering twice is refused), results only for groups of five or more (per question, per
// school, free text), who opens and who sees results, and support requests by name to the people a
// school chose, never in the results.
import { and, eq, getTableColumns } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { type DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import { personalDataHooks } from "../../platform/personal-data";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makePerson, makeSchool, makeWorld } from "../people/testing";
import {
  answerPulse,
  closePulse,
  markSupportHandled,
  openPulse,
  pulseFor,
  pulseList,
  pulseResults,
  pulsesToAnswer,
  rebuildTallies,
  requestSupport,
  setWellbeingContacts,
  shownSchools,
  supportPage,
} from ".";
import {
  wellbeingAnswers,
  wellbeingParticipation,
  wellbeingPulses,
  wellbeingSupportRequests,
  wellbeingTallies,
} from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
const a: Record<string, Actor> = {};

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );
const FIVE = ["belong", "successful", "myself", "helping", "cared"] as const;
const openFields = (scope: string, extra: Record<string, string> = {}) => ({
  title: "Pulso de prueba",
  scope,
  days: "7",
  allowsText: "on",
  ...Object.fromEntries(FIVE.map((k) => [`question_${k}`, "on"])),
  ...extra,
});
const answerFields = (score: number, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(FIVE.map((k) => [`q_${k}`, String(score)])),
  ...extra,
});

/** `n` more teachers of a school, as actors. */
async function teachersOf(schoolId: string, n: number): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = 0; i < n; i++) {
    const p = await makePerson(w.org.id, [{ role: "teacher", schoolId }]);
    out.push(await actorOf(p.id));
  }
  return out;
}

beforeAll(async () => {
  w = await makeWorld();
  for (const [k, id] of Object.entries({
    admin: w.admin.id,
    coordinator: w.coordinator.id,
    otherCoordinator: w.otherCoordinator.id,
    leaderA: w.leaderA.id,
    leaderB: w.leaderB.id,
    mentorA: w.mentorA.id,
    teacherA: w.teacherA.id,
    teacherA2: w.teacherA2.id,
    teacherB: w.teacherB.id,
    facilitator: w.facilitator.id,
    otherAdmin: w.otherAdmin.id,
    otherLeader: w.otherLeader.id,
  }))
    a[k] = await actorOf(id);
});

describe("anonymity by construction", () => {
  it("stores an answer with no person and no time, and who answered apart", () => {
    const columns = Object.values(getTableColumns(wellbeingAnswers)).map((c) => c.name);
    // `batch`: which of its school's groups of five it belongs to (answers 1–5, 6–10…), nothing finer
    expect(columns.sort()).toEqual(
      [
        "id",
        "pulse_id",
        "school_id",
        "q1",
        "q2",
        "q3",
        "q4",
        "q5",
        "q6",
        "q7",
        "q8",
        "free_text",
        "batch",
      ].sort(),
    );
    expect(Object.values(getTableColumns(wellbeingParticipation)).map((c) => c.name)).toEqual([
      "pulse_id",
      "person_id",
    ]);
  });

  it("refuses a second answer, keeps one participation row and one answer, with a random id", async () => {
    const { id } = await openPulse(a.leaderA as Actor, openFields(w.schoolA.id));
    expect((await pulsesToAnswer(a.teacherA as Actor)).map((p) => p.id)).toContain(id);
    await answerPulse(a.teacherA as Actor, id, answerFields(4));
    const second = await errorOf(answerPulse(a.teacherA as Actor, id, answerFields(2)));
    expect((second as DomainError).messageKey).toBe("wellbeing.errors.already_answered");
    expect((await pulsesToAnswer(a.teacherA as Actor)).map((p) => p.id)).not.toContain(id);
    const answers = await db().select().from(wellbeingAnswers).where(eq(wellbeingAnswers.pulseId, id));
    expect(answers).toHaveLength(1);
    expect(answers[0]?.id[14]).toBe("4"); // UUIDv4: nothing ordered by time
    expect([answers[0]?.q1, answers[0]?.q5, answers[0]?.q6]).toEqual([4, 4, null]);
    expect(
      await db().select().from(wellbeingParticipation).where(eq(wellbeingParticipation.pulseId, id)),
    ).toEqual([{ pulseId: id, personId: w.teacherA.id }]);
    // answering is not audited (the audit would say who answered when); opening is
    const events = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id));
    expect(events.map((e) => e.action)).toEqual(["wellbeing.pulse_opened"]);
    // the person's data download lists the pulse as answered, never the answer
    const hook = personalDataHooks().find((h) => h.name === "wellbeing");
    const part = await hook?.exportFor(
      db(),
      { ...w.teacherA, rut: null },
      { personNames: async () => () => null, schoolNames: async () => () => null },
    );
    const json = JSON.stringify(part?.json);
    expect(json).toContain("Pulso de prueba");
    expect(json).toContain("anónimas");
    expect(json).not.toContain('"q1"');
  });

  it("refuses bad input field by field, a closed pulse, and someone of another school", async () => {
    const { id } = await openPulse(a.leaderA as Actor, openFields(w.schoolA.id));
    const bad = await errorOf(answerPulse(a.teacherA2 as Actor, id, { q_belong: "6", q_successful: "x" }));
    expect(bad).toBeInstanceOf(ValidationError);
    expect(Object.keys((bad as ValidationError).fieldErrors).sort()).toEqual(
      FIVE.map((k) => `q_${k}`).sort(),
    );
    expect(await errorOf(answerPulse(a.teacherB as Actor, id, answerFields(3)))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await errorOf(answerPulse(a.otherLeader as Actor, id, answerFields(3)))).toBeInstanceOf(
      NotFoundError,
    );
    await closePulse(a.leaderA as Actor, id);
    const closed = await errorOf(answerPulse(a.teacherA2 as Actor, id, answerFields(3)));
    expect((closed as DomainError).messageKey).toBe("wellbeing.errors.closed");
    expect(((await errorOf(closePulse(a.leaderA as Actor, id))) as DomainError).messageKey).toBe(
      "wellbeing.errors.closed",
    );
    const events = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id));
    expect(events.map((e) => e.action).sort()).toEqual(["wellbeing.pulse_closed", "wellbeing.pulse_opened"]);
  });
});

describe("opening a pulse", () => {
  it("a coordinator for any school or the network, a leader for their own school only", async () => {
    expect(await openPulse(a.coordinator as Actor, openFields("red"))).toHaveProperty("id");
    expect(await openPulse(a.coordinator as Actor, openFields(w.schoolB.id))).toHaveProperty("id");
    const notHers = await errorOf(openPulse(a.leaderA as Actor, openFields(w.schoolB.id)));
    expect((notHers as ValidationError).fieldErrors).toEqual({ scope: "errors.invalid_choice" });
    const network = await errorOf(openPulse(a.leaderA as Actor, openFields("red")));
    expect((network as ValidationError).fieldErrors).toEqual({ scope: "errors.invalid_choice" });
    for (const who of ["teacherA", "mentorA", "admin", "facilitator"])
      expect(await errorOf(openPulse(a[who] as Actor, openFields(w.schoolA.id))), who).toBeInstanceOf(
        NotFoundError,
      );
    // another organization's leader cannot open one for our school
    const other = await errorOf(openPulse(a.otherLeader as Actor, openFields(w.schoolA.id)));
    expect((other as ValidationError).fieldErrors).toEqual({ scope: "errors.invalid_choice" });
  });

  it("asks for 5 to 8 questions and 1 to 30 days", async () => {
    const few = await errorOf(
      openPulse(a.leaderA as Actor, { ...openFields(w.schoolA.id), question_cared: "", days: "31" }),
    );
    expect((few as ValidationError).fieldErrors).toEqual({
      questions: "wellbeing.errors.questions_count",
      days: "wellbeing.errors.days",
    });
    const nine = Object.fromEntries(
      [
        "belong",
        "successful",
        "myself",
        "helping",
        "cared",
        "accomplished",
        "respected",
        "effective",
        "time",
      ].map((k) => [`question_${k}`, "on"]),
    );
    const many = await errorOf(openPulse(a.leaderA as Actor, { ...openFields(w.schoolA.id), ...nine }));
    expect((many as ValidationError).fieldErrors).toEqual({ questions: "wellbeing.errors.questions_count" });
    const empty = await errorOf(openPulse(a.leaderA as Actor, { title: "", scope: "", days: "" }));
    expect((empty as ValidationError).fieldErrors).toEqual({
      title: "errors.required",
      scope: "wellbeing.errors.scope_required",
      days: "wellbeing.errors.days",
      questions: "wellbeing.errors.questions_count",
    });
  });
});

describe("results", () => {
  it("show nothing for a group of 4, the figures from 5; free text only then", async () => {
    const school = await makeSchool(w.org.id, { name: "Escuela Pequeña" });
    const leader = await actorOf((await makePerson(w.org.id, [{ role: "leader", schoolId: school.id }])).id);
    const teachers = await teachersOf(school.id, 5);
    const { id } = await openPulse(leader, openFields(school.id));
    for (const [i, t] of teachers.slice(0, 4).entries())
      await answerPulse(t, id, answerFields(i + 1, { freeText: i === 0 ? "Texto muy distintivo 4821" : "" }));
    const four = await pulseResults(leader, id);
    // nothing of the four shows, not even how many answered (each arrival would be seen)
    expect(four).toMatchObject({ answers: 0, enough: false, texts: [], trend: [] });
    expect(four.overall.questions).toBeNull();
    expect(JSON.stringify(await pulseFor(leader, id))).not.toContain("4821");
    await answerPulse(teachers[4] as Actor, id, answerFields(5, { freeText: "Otro comentario" }));
    const five = await pulseResults(leader, id);
    expect(five.enough).toBe(true);
    expect(five.overall.questions?.[0]).toEqual({ key: "belong", distribution: [1, 1, 1, 1, 1], mean: 3 });
    expect(five.texts.map((t) => t.text).sort()).toEqual(["Otro comentario", "Texto muy distintivo 4821"]);
    expect(five.texts.every((t) => t.school === null)).toBe(true);
    expect(five.trend.map((p) => [p.id, p.answers, p.mean])).toEqual([[id, 5, 3]]);
    // a sixth answer changes nothing shown until its group of five is whole: comparing before and
    // after a colleague answered isolates nobody
    const more = await teachersOf(school.id, 5);
    await answerPulse(more[0] as Actor, id, answerFields(1, { freeText: "Sexto comentario 9932" }));
    const six = await pulseResults(leader, id);
    expect(six.answers).toBe(5);
    expect(six.overall).toEqual(five.overall);
    expect(JSON.stringify(six)).not.toContain("9932");
    for (const t of more.slice(1)) await answerPulse(t, id, answerFields(2));
    const ten = await pulseResults(leader, id);
    expect(ten.answers).toBe(10);
    expect(ten.texts.map((t) => t.text)).toContain("Sexto comentario 9932");
  });

  it("ask ten answers of whoever answered, who could otherwise take theirs away from five", async () => {
    const school = await makeSchool(w.org.id, { name: "Escuela de Cinco" });
    const leader = await actorOf((await makePerson(w.org.id, [{ role: "leader", schoolId: school.id }])).id);
    const teachers = await teachersOf(school.id, 4);
    const { id } = await openPulse(leader, openFields(school.id));
    await answerPulse(leader, id, answerFields(5));
    for (const t of teachers) await answerPulse(t, id, answerFields(2));
    const seen = await pulseResults(leader, id);
    expect(seen.enough).toBe(false);
    expect(seen.overall.questions).toBeNull();
    // a coordinator who did not answer sees the five
    expect((await pulseResults(a.coordinator as Actor, id)).enough).toBe(true);
  });

  it("a network pulse: per school only for 5 or more, never a text with a school under 5, nor a difference that is one", async () => {
    const big = await makeSchool(w.org.id, { name: "Escuela Grande" });
    const other = await makeSchool(w.org.id, { name: "Escuela Mediana" });
    const small = await makeSchool(w.org.id, { name: "Escuela Chica" });
    const { id } = await openPulse(a.coordinator as Actor, openFields("red"));
    for (const t of await teachersOf(big.id, 6))
      await answerPulse(t, id, answerFields(4, { freeText: "Grande" }));
    for (const t of await teachersOf(other.id, 5)) await answerPulse(t, id, answerFields(3));
    const [lonely] = await teachersOf(small.id, 1);
    await answerPulse(lonely as Actor, id, answerFields(1, { freeText: "Solo en la escuela chica" }));
    const results = await pulseResults(a.coordinator as Actor, id);
    // each school counts in whole groups of five: the big one's first five, the middle one's five,
    // nothing of the small one (not in any total: no difference of totals is its answer)
    expect(results.answers).toBe(10);
    expect(results.bySchool.map((s) => [s.school, s.answers])).toEqual([
      ["Escuela Grande", 5],
      ["Escuela Mediana", 5],
    ]);
    expect(results.hiddenSchools).toBe(0);
    expect(results.texts.find((t) => t.text === "Solo en la escuela chica")).toBeUndefined();
    expect(results.texts.filter((t) => t.text === "Grande").every((t) => t.school === "Escuela Grande")).toBe(
      true,
    );
    // a teacher at two schools names the one the answer is grouped under
    const both = await makePerson(w.org.id, [
      { role: "teacher", schoolId: big.id },
      { role: "teacher", schoolId: other.id },
    ]);
    const bothActor = await actorOf(both.id);
    expect((await pulseFor(bothActor, id)).schoolChoices.map((s) => s.name)).toEqual([
      "Escuela Grande",
      "Escuela Mediana",
    ]);
    const noSchool = await errorOf(answerPulse(bothActor, id, answerFields(3)));
    expect((noSchool as ValidationError).fieldErrors).toEqual({ school: "wellbeing.errors.school_required" });
    await answerPulse(bothActor, id, answerFields(3, { school: other.id }));
    const after = await pulseResults(a.coordinator as Actor, id);
    // the running counts are the answers' counts
    const tallies = async () =>
      // (which five a rebuild counts as a school's first group follows the answers' random ids)
      (
        await db()
          .select({
            schoolId: wellbeingTallies.schoolId,
            answers: wellbeingTallies.answers,
            counts: wellbeingTallies.counts,
            shownAnswers: wellbeingTallies.shownAnswers,
          })
          .from(wellbeingTallies)
          .where(eq(wellbeingTallies.pulseId, id))
      ).sort((x, y) => x.schoolId.localeCompare(y.schoolId));
    const kept = await tallies();
    expect(kept.map((t) => t.answers).sort()).toEqual([1, 6, 6]);
    await rebuildTallies(db(), id);
    expect(await tallies()).toEqual(kept);
    // 6, 6 and 1 answers: shown as 5, 5 and nothing
    expect(after.answers).toBe(10);
    expect(after.bySchool.map((s) => s.answers)).toEqual([5, 5]);
    expect(after.hiddenSchools).toBe(0);
  });

  it("hides as few schools as it takes", () => {
    const rows = (...n: number[]) => n.map((answers, i) => ({ id: i, answers }));
    expect(shownSchools(rows(5, 6, 7)).map((r) => r.id)).toEqual([0, 1, 2]);
    expect(shownSchools(rows(5, 6, 2, 3)).map((r) => r.id)).toEqual([0, 1]);
    expect(shownSchools(rows(5, 6, 2)).map((r) => r.id)).toEqual([1]);
    expect(shownSchools(rows(9, 4)).map((r) => r.id)).toEqual([]);
    expect(shownSchools(rows(4, 3)).map((r) => r.id)).toEqual([]);
  });

  it("are for the opener, the coordinators and the school's leaders; not a teacher, another school, another organization", async () => {
    const { id } = await openPulse(a.leaderA as Actor, openFields(w.schoolA.id));
    for (const who of ["leaderA", "coordinator", "otherCoordinator"])
      expect((await pulseResults(a[who] as Actor, id)).answers, who).toBe(0);
    for (const who of [
      "teacherA",
      "mentorA",
      "leaderB",
      "teacherB",
      "admin",
      "facilitator",
      "otherAdmin",
      "otherLeader",
    ])
      expect(await errorOf(pulseResults(a[who] as Actor, id)), who).toBeInstanceOf(NotFoundError);
    // a teacher sees the pulse to answer it, without results
    const view = await pulseFor(a.teacherA as Actor, id);
    expect([view.answer, view.results, view.can.close]).toEqual([true, null, false]);
    for (const who of ["teacherB", "otherLeader", "admin"])
      expect(await errorOf(pulseFor(a[who] as Actor, id)), who).toBeInstanceOf(NotFoundError);
    expect((await pulseList(a.teacherB as Actor)).map((p) => p.id)).not.toContain(id);
    expect((await pulseList(a.otherLeader as Actor)).map((p) => p.id)).not.toContain(id);
    expect((await pulseList(a.teacherA as Actor)).find((p) => p.id === id)).toMatchObject({
      mayAnswer: true,
      results: false,
    });
  });

  it("draws the trend between pulses of the same scope, each with 5 answers or more", async () => {
    const school = await makeSchool(w.org.id, { name: "Escuela de la Tendencia" });
    const leader = await actorOf((await makePerson(w.org.id, [{ role: "leader", schoolId: school.id }])).id);
    const teachers = await teachersOf(school.id, 5);
    const ids: string[] = [];
    for (const [n, score] of [
      [5, 2],
      [3, 5],
      [5, 4],
    ] as const) {
      const { id } = await openPulse(leader, openFields(school.id));
      for (const t of teachers.slice(0, n)) await answerPulse(t, id, answerFields(score));
      await closePulse(leader, id);
      // opened one after the other
      await db()
        .update(wellbeingPulses)
        .set({ opensAt: new Date(Date.now() - (10 - ids.length) * 86_400_000) })
        .where(eq(wellbeingPulses.id, id));
      ids.push(id);
    }
    const results = await pulseResults(leader, ids[2] as string);
    expect(results.trend.map((p) => [p.id, p.mean])).toEqual([
      [ids[0], 2],
      [ids[2], 4],
    ]);
    // a closed pulse's figures are kept on it: of the three answers, no whole group, nothing
    const [kept] = await db()
      .select({ n: wellbeingPulses.trendAnswers, mean: wellbeingPulses.trendMean })
      .from(wellbeingPulses)
      .where(eq(wellbeingPulses.id, ids[1] as string));
    expect(kept).toEqual({ n: 0, mean: null });
  });
});

describe("support requests", () => {
  const mailTo = async (address: string) =>
    db()
      .select({ subject: emails.subject, text: emails.textBody })
      .from(emails)
      .where(eq(emails.toAddress, address));

  it("reach the school's leaders when it chose nobody, then the people it chose; never the results", async () => {
    const before = (await mailTo(w.leaderA.email)).length;
    await requestSupport(a.teacherA as Actor, w.schoolA.id, { message: "Estoy muy cansada, mensaje 7731" });
    const toLeader = await mailTo(w.leaderA.email);
    expect(toLeader.length).toBe(before + 1);
    // the email says where, not who nor what: the outbox is read by administrators
    expect(toLeader.at(-1)?.subject).toContain(w.schoolA.name);
    expect(`${toLeader.at(-1)?.subject} ${toLeader.at(-1)?.text}`).not.toContain("7731");
    expect(`${toLeader.at(-1)?.subject} ${toLeader.at(-1)?.text}`).not.toContain(w.teacherA.familyNames);
    const again = await errorOf(requestSupport(a.teacherA as Actor, w.schoolA.id, {}));
    expect((again as DomainError).messageKey).toBe("wellbeing.errors.request_pending");
    // only a teacher of the school asks there: another school's (ours or not) is told to choose one
    // of theirs; someone with no school is told nothing
    for (const who of ["teacherB", "otherLeader"])
      expect(await errorOf(requestSupport(a[who] as Actor, w.schoolA.id, {})), who).toHaveProperty(
        "fieldErrors",
        { schoolId: "errors.invalid_choice" },
      );
    for (const who of ["admin", "coordinator", "facilitator"])
      expect(await errorOf(requestSupport(a[who] as Actor, w.schoolA.id, {})), who).toBeInstanceOf(
        NotFoundError,
      );

    // the leader chooses mentor A; a teacher cannot choose
    expect(
      await errorOf(
        setWellbeingContacts(a.teacherA as Actor, w.schoolA.id, { [`contact_${w.mentorA.id}`]: "on" }),
      ),
    ).toBeInstanceOf(NotFoundError);
    expect(
      await errorOf(
        setWellbeingContacts(a.leaderA as Actor, w.schoolA.id, { [`contact_${w.teacherB.id}`]: "on" }),
      ),
    ).toHaveProperty("messageKey", "errors.invalid_choice");
    await setWellbeingContacts(a.leaderA as Actor, w.schoolA.id, { [`contact_${w.mentorA.id}`]: "on" });
    const leaderMail = (await mailTo(w.leaderA.email)).length;
    await requestSupport(a.teacherA2 as Actor, w.schoolA.id, { message: "" });
    expect((await mailTo(w.mentorA.email)).length).toBe(1);
    expect((await mailTo(w.leaderA.email)).length).toBe(leaderMail);

    // mentor A sees both and marks one handled; the leader no longer receives them; nobody else may
    const page = await supportPage(a.mentorA as Actor);
    expect(page.requests.map((r) => r.name).sort()).toEqual(
      [
        `${w.teacherA.givenNames} ${w.teacherA.familyNames}`,
        `${w.teacherA2.givenNames} ${w.teacherA2.familyNames}`,
      ].sort(),
    );
    expect((await supportPage(a.leaderA as Actor)).requests).toEqual([]);
    expect((await supportPage(a.teacherA as Actor)).requests).toEqual([]);
    const first = page.requests.find((r) => r.message.includes("7731"));
    expect(await errorOf(markSupportHandled(a.leaderA as Actor, first?.id ?? ""))).toBeInstanceOf(
      NotFoundError,
    );
    await markSupportHandled(a.mentorA as Actor, first?.id ?? "");
    const [handled] = await db()
      .select()
      .from(wellbeingSupportRequests)
      .where(eq(wellbeingSupportRequests.id, first?.id ?? ""));
    expect(handled?.handledBy).toBe(w.mentorA.id);

    // a pulse's results and page never mention a request
    const { id } = await openPulse(a.leaderA as Actor, openFields(w.schoolA.id));
    const shown = JSON.stringify([
      await pulseResults(a.leaderA as Actor, id),
      await pulseFor(a.leaderA as Actor, id),
    ]);
    expect(shown).not.toContain("7731");
    expect(shown).not.toContain(w.teacherA.familyNames);

    // back to the leaders
    await setWellbeingContacts(a.leaderA as Actor, w.schoolA.id, {});
    expect((await supportPage(a.leaderA as Actor)).inbox).toBe(true);
    expect(
      await db()
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, "wellbeing.contacts_set"), eq(auditEvents.subjectId, w.schoolA.id)),
        ),
    ).toHaveLength(2);
  });
});
