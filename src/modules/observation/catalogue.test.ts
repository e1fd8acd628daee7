import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError, type ValidationError } from "../../platform/errors";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeWorld } from "../people/testing";
import {
  createCatalogueStep,
  ensureObservationSetup,
  getCatalogueStep,
  listCatalogue,
  moveCatalogueStep,
  recordMeeting,
  saveVisit,
  setCatalogueStepArchived,
  startVisit,
  updateCatalogueStep,
} from ".";
import { actionSteps, catalogueSteps, instruments } from "./schema";
import { catalogueToPick } from "./visits";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
const TZ = "America/Santiago";

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e) => e,
  );
}

describe("action-step catalogue", () => {
  let w: World;
  const a: Record<string, Actor> = {};
  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    for (const key of ["coordinator", "leaderA", "mentorA", "teacherA", "otherAdmin"] as const) {
      a[key] = await actorOf(w[key].id);
    }
  });

  const titlesOf = async (category: string, who = a.coordinator) =>
    (await listCatalogue(who)).categories.find((c) => c.category === category)?.steps.map((s) => s.title) ??
    [];

  it("lists the seeded steps grouped by category, for everyone of the organization", async () => {
    for (const who of ["coordinator", "leaderA", "mentorA", "teacherA"]) {
      const list = await listCatalogue(a[who]);
      expect(list.categories.map((c) => c.category)).toEqual([
        "routines",
        "climate",
        "checking",
        "challenge",
        "feedback",
      ]);
      expect(list.categories.every((c) => c.steps.length > 0)).toBe(true);
      expect(list.canManage, who).toBe(who === "coordinator");
    }
    const foreign = await listCatalogue(a.otherAdmin);
    expect(foreign.categories.flatMap((c) => c.steps)).toEqual([]);
  });

  it("creates a step at the end of its category, edits it and refuses bad input beside the field", async () => {
    const empty = await rejection(createCatalogueStep(a.coordinator, { mbeStandard: "4" }));
    expect((empty as ValidationError).fieldErrors).toEqual({
      category: "catalogue.errors.category_required",
      title: "catalogue.errors.title_required",
      mastery: "catalogue.errors.mastery_required",
      mbeStandard: "errors.invalid_choice",
    });
    const tooLong = await rejection(
      createCatalogueStep(a.coordinator, { category: "climate", title: "x".repeat(301), mastery: "y" }),
    );
    expect((tooLong as ValidationError).fieldErrors).toEqual({ title: "errors.too_long" });

    const id = await createCatalogueStep(a.coordinator, {
      category: "climate",
      title: "Nombrar la conducta esperada antes de cada actividad",
      mastery: "Antes de cada actividad el curso escucha qué se espera: volumen, movimiento y tiempo.",
      mbeStandard: "5",
    });
    expect((await titlesOf("climate")).at(-1)).toBe("Nombrar la conducta esperada antes de cada actividad");
    const step = await getCatalogueStep(a.coordinator, id);
    expect(step).toMatchObject({ category: "climate", mbeStandard: 5, uses: 0 });

    await updateCatalogueStep(a.coordinator, id, {
      category: "routines",
      title: "Anunciar la conducta esperada",
      mastery: "El curso sabe qué se espera antes de empezar.",
      mbeStandard: "",
    });
    expect(await titlesOf("climate")).not.toContain("Anunciar la conducta esperada");
    expect((await titlesOf("routines")).at(-1)).toBe("Anunciar la conducta esperada");
    expect(await getCatalogueStep(a.coordinator, id)).toMatchObject({
      category: "routines",
      mbeStandard: null,
    });
    const logged = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id));
    expect(logged.map((l) => l.action).sort()).toEqual(["catalogue_step.create", "catalogue_step.update"]);
  });

  it("moves a step up and down within its category", async () => {
    const before = await titlesOf("checking");
    const list = await listCatalogue(a.coordinator);
    const steps = list.categories.find((c) => c.category === "checking")?.steps ?? [];
    await moveCatalogueStep(a.coordinator, steps[1].id, "up");
    expect(await titlesOf("checking")).toEqual([before[1], before[0], ...before.slice(2)]);
    await moveCatalogueStep(a.coordinator, steps[1].id, "up"); // already first: nothing moves
    expect(await titlesOf("checking")).toEqual([before[1], before[0], ...before.slice(2)]);
    await moveCatalogueStep(a.coordinator, steps[1].id, "down");
    await moveCatalogueStep(a.coordinator, steps[1].id, "down");
    expect(await titlesOf("checking")).toEqual([before[0], before[2], before[1], ...before.slice(3)]);
    // Other categories keep their order.
    expect((await titlesOf("routines")).length).toBeGreaterThan(1);
  });

  it("archives a step: no longer offered in visits or meetings, a teacher's step keeps its text", async () => {
    const [instrument] = await db()
      .select()
      .from(instruments)
      .where(eq(instruments.organizationId, w.org.id));
    const [step] = (await listCatalogue(a.coordinator)).categories[0].steps;
    // The step is given to teacher A in a meeting.
    const visit = await startVisit(a.leaderA, {
      schoolId: w.schoolA.id,
      teacherId: w.teacherA.id,
      instrumentId: instrument.id,
      course: "2° medio A",
      subject: "Historia",
      purpose: "formativa",
    });
    await saveVisit(a.leaderA, visit, "submit", { note: "Inicio con la rutina de entrada." });
    const now = new Date();
    const [day, time] = new Intl.DateTimeFormat("sv-SE", {
      timeZone: TZ,
      dateStyle: "short",
      timeStyle: "short",
    })
      .format(now)
      .split(" ");
    const meeting = { heldOn: day, heldAtTime: time, praise: "Bien.", stepChoice: "catalogue" };
    await recordMeeting(
      a.leaderA,
      visit,
      { ...meeting, catalogueStepId: step.id },
      TZ,
      new Date(now.getTime() + 60_000),
    );
    expect((await getCatalogueStep(a.coordinator, step.id)).uses).toBe(1);

    await updateCatalogueStep(a.coordinator, step.id, {
      category: step.category,
      title: "Texto cambiado por la coordinación",
      mastery: "Otro logro",
      mbeStandard: "",
    });
    await setCatalogueStepArchived(a.coordinator, step.id, true);
    expect((await catalogueToPick(w.org.id)).map((s) => s.id)).not.toContain(step.id);
    expect((await listCatalogue(a.coordinator)).archived.map((s) => s.id)).toEqual([step.id]);
    expect((await listCatalogue(a.leaderA)).archived).toEqual([]);
    expect(await rejection(moveCatalogueStep(a.coordinator, step.id, "down"))).toBeInstanceOf(DomainError);

    const [given] = await db()
      .select()
      .from(actionSteps)
      .where(and(eq(actionSteps.teacherId, w.teacherA.id), eq(actionSteps.catalogueStepId, step.id)));
    expect(given.title).toBe(step.title);
    expect(given.mastery).toBe(step.mastery);

    // Another visit cannot propose it or name it in a meeting any more.
    const next = await startVisit(a.leaderA, {
      schoolId: w.schoolA.id,
      teacherId: w.teacherA2.id,
      instrumentId: instrument.id,
      course: "2° medio B",
      subject: "Historia",
      purpose: "formativa",
    });
    const proposal = await rejection(saveVisit(a.leaderA, next, "save", { proposedStep: step.id }));
    expect((proposal as ValidationError).fieldErrors.proposedStep).toBe("errors.invalid_choice");
    await saveVisit(a.leaderA, next, "submit", { note: "Evidencia." });
    const named = await rejection(
      recordMeeting(
        a.leaderA,
        next,
        { ...meeting, catalogueStepId: step.id },
        TZ,
        new Date(now.getTime() + 60_000),
      ),
    );
    expect((named as ValidationError).fieldErrors.catalogueStepId).toBe("observation.errors.step_required");

    await setCatalogueStepArchived(a.coordinator, step.id, false);
    expect((await catalogueToPick(w.org.id)).map((s) => s.id)).toContain(step.id);
  });

  it("lets no leader, mentor, teacher or other organization change the catalogue (404)", async () => {
    const [step] = await db()
      .select()
      .from(catalogueSteps)
      .where(eq(catalogueSteps.organizationId, w.org.id));
    const input = { category: "climate", title: "Intruso", mastery: "Intruso", mbeStandard: "" };
    for (const who of ["leaderA", "mentorA", "teacherA", "otherAdmin"]) {
      for (const attempt of [
        () => updateCatalogueStep(a[who], step.id, input),
        () => getCatalogueStep(a[who], step.id),
        () => setCatalogueStepArchived(a[who], step.id, true),
        () => moveCatalogueStep(a[who], step.id, "down"),
      ]) {
        expect(await rejection(attempt()), who).toBeInstanceOf(NotFoundError);
      }
      // Another organization's administrator manages its own catalogue, never this one.
      if (who === "otherAdmin") {
        const own = await createCatalogueStep(a[who], input);
        expect((await getCatalogueStep(a[who], own)).organizationId).toBe(w.otherOrg.id);
      } else {
        expect(await rejection(createCatalogueStep(a[who], input)), who).toBeInstanceOf(NotFoundError);
      }
    }
    const [same] = await db().select().from(catalogueSteps).where(eq(catalogueSteps.id, step.id));
    expect(same).toEqual(step);
    expect(await rejection(getCatalogueStep(a.coordinator, "x"))).toBeInstanceOf(NotFoundError);
  });
});
