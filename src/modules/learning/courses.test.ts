// Courses, cohorts and live sessions (issue #16 §2, §4): who may create them, bad input field by
// field, and a session's time planned in a zone: stored as the instant plus the zone, a time the
// clocks skip refused, a time they repeat refused until the planner says which.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeWorld } from "../people/testing";
import { createCohort, createCourse, listCourses, planSession, setCourseFacilitators } from ".";
import { courseFacilitators, liveSessions } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
const a: Record<string, Actor> = {};
let courseId: string;
let cohortId: string;

const course = (slug: string) => ({
  kind: "workshop",
  title: "Retroalimentación efectiva",
  slug,
  summary: "Cómo dar retroalimentación breve y precisa.",
  hours: "12",
  level: "intermediate",
  modality: "online",
});
const fieldErrorsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
};

beforeAll(async () => {
  w = await makeWorld();
  for (const [k, id] of Object.entries({
    coordinator: w.coordinator.id,
    admin: w.admin.id,
    leaderA: w.leaderA.id,
    teacherA: w.teacherA.id,
    otherAdmin: w.otherAdmin.id,
    facilitator: w.facilitator.id,
  }))
    a[k] = await actorOf(id);
  ({ id: courseId } = await createCourse(a.coordinator as Actor, course("retro-2027")));
  await db()
    .insert(courseFacilitators)
    .values({ courseId, personId: w.facilitator.id, organizationId: w.org.id });
  ({ id: cohortId } = await createCohort(a.coordinator as Actor, courseId, {
    name: "Abril 2027",
    startsOn: "2027-04-01",
    endsOn: "2027-04-30",
    capacity: "30",
  }));
});

describe("courses and cohorts", () => {
  it("are created by coordinators only", async () => {
    for (const who of ["admin", "leaderA", "teacherA", "facilitator", "otherAdmin"])
      await expect(createCourse(a[who] as Actor, course(`de-${who.toLowerCase()}`))).rejects.toBeInstanceOf(
        NotFoundError,
      );
    for (const who of ["leaderA", "teacherA", "facilitator", "otherAdmin"])
      await expect(
        createCohort(a[who] as Actor, courseId, { name: "x", startsOn: "2027-01-01", endsOn: "2027-01-02" }),
      ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("take as facilitators only the organization's facilitators, set by coordinators", async () => {
    const { id } = await createCourse(a.coordinator as Actor, course("facilitadores-2027"));
    await expect(
      setCourseFacilitators(a.coordinator as Actor, id, { facilitators: [w.teacherA.id] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      setCourseFacilitators(a.facilitator as Actor, id, { facilitators: [w.facilitator.id] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await listCourses(a.facilitator as Actor, "2027-01-01")).not.toContainEqual(
      expect.objectContaining({ id }),
    );
    expect(
      await setCourseFacilitators(a.coordinator as Actor, id, {
        facilitators: [w.facilitator.id, w.facilitator.id],
      }),
    ).toEqual({ count: 1 });
    expect(await listCourses(a.facilitator as Actor, "2027-01-01")).toContainEqual(
      expect.objectContaining({ id }),
    );
    await setCourseFacilitators(a.coordinator as Actor, id, { facilitators: [] });
    expect(await listCourses(a.facilitator as Actor, "2027-01-01")).not.toContainEqual(
      expect.objectContaining({ id }),
    );
  });

  it("refuse bad input field by field, and a course address already taken", async () => {
    expect(
      await fieldErrorsOf(
        createCourse(a.coordinator as Actor, {
          kind: "seminario",
          title: "",
          slug: "Con Espacios",
          hours: "0",
          level: "experto",
          modality: "online",
        }),
      ),
    ).toEqual({
      kind: "errors.invalid_choice",
      title: "errors.required",
      slug: "learning.errors.slug_invalid",
      hours: "learning.errors.number_invalid",
      level: "errors.invalid_choice",
    });
    expect(await fieldErrorsOf(createCourse(a.coordinator as Actor, course("retro-2027")))).toEqual({
      slug: "learning.errors.slug_taken",
    });
    expect(
      await fieldErrorsOf(
        createCohort(a.coordinator as Actor, courseId, {
          name: "Mal",
          startsOn: "2027-02-30",
          endsOn: "2027-01-01",
          capacity: "-3",
        }),
      ),
    ).toMatchObject({ startsOn: "learning.errors.date_invalid", capacity: "learning.errors.number_invalid" });
    expect(
      await fieldErrorsOf(
        createCohort(a.coordinator as Actor, courseId, {
          name: "Al revés",
          startsOn: "2027-05-10",
          endsOn: "2027-05-01",
        }),
      ),
    ).toEqual({ endsOn: "learning.errors.ends_before_start" });
  });
});

describe("planSession", () => {
  const session = (date: string, time: string, extra: Record<string, string> = {}) => ({
    title: "Sesión en vivo",
    date,
    time,
    durationMinutes: "90",
    meetingUrl: "https://meet.example.org/abc-defg-hij",
    ...extra,
  });
  const storedSession = async (id: string) =>
    (await db().select().from(liveSessions).where(eq(liveSessions.id, id)))[0];

  it("stores the instant and the zone it was planned in (Santiago by default)", async () => {
    const { id } = await planSession(a.coordinator as Actor, cohortId, session("2027-05-19", "18:00"));
    expect(await storedSession(id)).toMatchObject({
      startsAt: new Date("2027-05-19T22:00:00Z"),
      plannedTimeZone: "America/Santiago",
      durationMinutes: 90,
    });
    const mexico = await planSession(
      a.coordinator as Actor,
      cohortId,
      session("2027-05-19", "16:00", { timeZone: "America/Mexico_City" }),
    );
    expect(mexico.startsAt).toEqual(new Date("2027-05-19T22:00:00Z"));
  });

  it("refuses a time Chile's September change skips, and asks which one of a time April's repeats", async () => {
    // 2027: summer time starts Saturday 4 September at 24:00 (→ 01:00); winter time Saturday 3 April at 24:00 (→ 23:00).
    expect(
      await fieldErrorsOf(planSession(a.coordinator as Actor, cohortId, session("2027-09-05", "00:30"))),
    ).toEqual({
      time: "learning.errors.time_skipped",
    });
    expect(
      await fieldErrorsOf(planSession(a.coordinator as Actor, cohortId, session("2027-04-03", "23:30"))),
    ).toEqual({
      occurrence: "learning.errors.time_repeated",
    });
    const earlier = await planSession(
      a.coordinator as Actor,
      cohortId,
      session("2027-04-03", "23:30", { occurrence: "earlier" }),
    );
    const later = await planSession(
      a.coordinator as Actor,
      cohortId,
      session("2027-04-03", "23:30", { occurrence: "later" }),
    );
    expect(later.startsAt.getTime() - earlier.startsAt.getTime()).toBe(3_600_000);
    expect(earlier.startsAt).toEqual(new Date("2027-04-04T02:30:00Z"));
  });

  it("refuses an unknown zone, a bad date, a link that is not https and a stranger", async () => {
    expect(
      await fieldErrorsOf(
        planSession(
          a.coordinator as Actor,
          cohortId,
          session("2027-05-19", "18:00", { timeZone: "America/Gotham" }),
        ),
      ),
    ).toEqual({ timeZone: "learning.errors.time_zone_invalid" });
    expect(
      await fieldErrorsOf(planSession(a.coordinator as Actor, cohortId, session("19-05-2027", "18:00"))),
    ).toEqual({
      date: "learning.errors.date_invalid",
    });
    expect(
      await fieldErrorsOf(
        planSession(
          a.coordinator as Actor,
          cohortId,
          session("2027-05-19", "18:00", { meetingUrl: "javascript:alert(1)" }),
        ),
      ),
    ).toEqual({ meetingUrl: "learning.errors.meeting_url_invalid" });
    for (const who of ["leaderA", "teacherA", "facilitator", "otherAdmin"])
      await expect(
        planSession(a[who] as Actor, cohortId, session("2027-05-19", "18:00")),
      ).rejects.toBeInstanceOf(NotFoundError);
  });
});
