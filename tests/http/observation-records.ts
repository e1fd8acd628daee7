// The observation records that the HTTP suites (access, fuzzing) open and post to: in a world of
// src/modules/people/testing, a submitted visit with its meeting, another submitted one still waiting
// for its meeting, a draft, the scored instrument version and a catalogue step.
import { eq } from "drizzle-orm";
import { ensureObservationSetup, recordMeeting, saveVisit, startVisit } from "~/modules/observation";
import { catalogueSteps, instruments, instrumentVersions } from "~/modules/observation/schema";
import { actorOf, type makeWorld } from "~/modules/people/testing";
import { db } from "~/platform/db/client";

export async function observationRecords(world: Awaited<ReturnType<typeof makeWorld>>, note: string) {
  await ensureObservationSetup(world.org.id);
  const leader = await actorOf(world.leaderA.id);
  const [instrument] = await db()
    .select()
    .from(instruments)
    .where(eq(instruments.organizationId, world.org.id));
  if (!instrument) throw new Error("no instrument was seeded");
  const visitOf = async (teacherId: string, submit: boolean) => {
    const id = await startVisit(leader, {
      schoolId: world.schoolA.id,
      teacherId,
      instrumentId: instrument.id,
      course: "4° básico A",
      subject: "Ciencias Naturales",
      purpose: "formativa",
    });
    await saveVisit(leader, id, submit ? "submit" : "note", { note });
    return id;
  };
  const observationId = await visitOf(world.teacherA.id, true);
  const [day, time] = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "America/Santiago",
    dateStyle: "short",
    timeStyle: "short",
  })
    .format(new Date())
    .split(" ");
  await recordMeeting(
    leader,
    observationId,
    { heldOn: day, heldAtTime: time, praise: "Bien.", stepChoice: "custom", stepTitle: "Paso" },
    "America/Santiago",
    new Date(Date.now() + 120_000),
  );
  const pendingId = await visitOf(world.teacherA2.id, true);
  const draftId = await visitOf(world.teacherA2.id, false);
  const versions = await db()
    .select({ id: instrumentVersions.id, content: instrumentVersions.content })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.organizationId, world.org.id));
  const scoredVersionId =
    versions.find((v) => v.content.sections.some((s) => s.indicators.some((i) => i.kind === "scored")))?.id ??
    "";
  const [step] = await db()
    .select()
    .from(catalogueSteps)
    .where(eq(catalogueSteps.organizationId, world.org.id));
  if (!step) throw new Error("no catalogue step was seeded");
  return { instrument, observationId, pendingId, draftId, scoredVersionId, step };
}
