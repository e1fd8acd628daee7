// A school's indicators by month since a day (school-indicators.ts): whole months from the month of
// the start, to an end or today; meetings on time among the visits whose deadline has passed, a
// visit never met counting as late; steps mastered and time on task per month; only for whoever may
// read the school's aggregates. (The advisory module's tests check a fuller hand-made set.)
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { useTestDatabase } from "../../platform/testing/database";
import { memberships } from "../people/schema";
import { actorOf, makeWorld } from "../people/testing";
import { ensureObservationSetup, schoolIndicatorsSince } from ".";
import {
  actionSteps,
  feedbackMeetings,
  instrumentVersions,
  observationSnapshots,
  observations,
} from "./schema";

useTestDatabase();

const TZ = "America/Santiago";
const NOW = new Date("2026-11-20T15:00:00Z");

describe("a school's indicators since a day", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;

  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    await db()
      .update(memberships)
      .set({ createdAt: new Date("2026-01-05T12:00:00Z") })
      .where(and(eq(memberships.organizationId, w.org.id), eq(memberships.schoolId, w.schoolA.id)));
    const [version] = await db()
      .select({ id: instrumentVersions.id })
      .from(instrumentVersions)
      .where(eq(instrumentVersions.status, "published"))
      .limit(1);
    const stepId = newId();
    await db()
      .insert(actionSteps)
      .values([
        {
          id: stepId,
          organizationId: w.org.id,
          schoolId: w.schoolA.id,
          teacherId: w.teacherA.id,
          title: "Paso dominado",
          status: "mastered",
          openedAt: new Date("2026-10-01T12:00:00Z"),
          closedAt: new Date("2026-10-15T12:00:00Z"),
        },
      ]);
    // two visits in October: one met after 10 h, one never met; 12/16 on task
    for (const [teacherId, startedAt, meetingAfter, snapshot] of [
      [w.teacherA.id, "2026-10-05T13:00:00Z", 10, [12, 16]],
      [w.teacherA2.id, "2026-10-07T13:00:00Z", null, null],
    ] as const) {
      const id = newId();
      const started = new Date(startedAt);
      await db()
        .insert(observations)
        .values({
          id,
          organizationId: w.org.id,
          schoolId: w.schoolA.id,
          teacherId,
          observerId: w.leaderA.id,
          instrumentVersionId: version?.id as string,
          purpose: "formativa",
          course: "1° medio",
          subject: "Historia",
          status: "submitted",
          startedAt: started,
          submittedAt: started,
        });
      if (snapshot)
        await db()
          .insert(observationSnapshots)
          .values({ id: newId(), observationId: id, minute: 3, onTask: snapshot[0], present: snapshot[1] });
      if (meetingAfter !== null)
        await db()
          .insert(feedbackMeetings)
          .values({
            id: newId(),
            organizationId: w.org.id,
            schoolId: w.schoolA.id,
            observationId: id,
            teacherId,
            observerId: w.leaderA.id,
            heldAt: new Date(started.getTime() + meetingAfter * 3_600_000),
            praise: "Bien",
            actionStepId: stepId,
          });
    }
  });

  it("counts by whole month from the start's month to the end asked for", async () => {
    const leader = await actorOf(w.leaderA.id);
    const figures = await schoolIndicatorsSince(
      leader,
      w.schoolA.id,
      { fromDate: "2026-10-20", toDate: "2026-10-31" },
      TZ,
      NOW,
    );
    expect(figures?.fromDate).toBe("2026-10-01");
    expect(figures?.toDate).toBe("2026-10-31");
    expect(figures?.months).toEqual([
      {
        month: "2026-10-01",
        teachers: 2,
        // neither visit is within 14 days of the 31st
        covered: 0,
        coverage: 0,
        meetingsDue: 2,
        meetingsOnTime: 1,
        onTime: 0.5,
        mastered: 1,
        onTask: 0.75,
        onTaskVisits: 1,
      },
    ]);
    // to today when no end is given; a span not begun yet has none
    expect(
      (await schoolIndicatorsSince(leader, w.schoolA.id, { fromDate: "2026-10-01" }, TZ, NOW))?.months.map(
        (m) => m.month,
      ),
    ).toEqual(["2026-10-01", "2026-11-01"]);
    expect(await schoolIndicatorsSince(leader, w.schoolA.id, { fromDate: "2026-11-21" }, TZ, NOW)).toBeNull();
  });

  it("is refused to whoever may not read the school's aggregates", async () => {
    for (const who of ["teacherA", "mentorA", "leaderB", "otherCoordinator", "otherLeader"] as const) {
      const error = await schoolIndicatorsSince(
        await actorOf(w[who].id),
        w.schoolA.id,
        { fromDate: "2026-10-01" },
        TZ,
        NOW,
      ).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, who).toBeInstanceOf(NotFoundError);
    }
  });
});
