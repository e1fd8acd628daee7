// The public catalogue (issue #16 §1): open versions only, soonest first, narrowed by topic, level and
// month, paged; places left read fresh on every visit, while the page count is kept a minute.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeWorld } from "../people/testing";
import {
  CATALOGUE_LIMIT,
  createCohort,
  createCourse,
  publicCatalogue,
  publishCohort,
  registerForCohort,
} from ".";

useTestDatabase();

let coordinator: Actor;
let run = 0;

async function open(
  course: { topic: string; level: "introductory" | "intermediate" | "advanced" },
  cohort: { startsOn: string; endsOn: string; capacity?: number },
  publish = true,
) {
  run += 1;
  const { id: courseId } = await createCourse(coordinator, {
    kind: "workshop",
    title: `Catálogo ${String(run).padStart(3, "0")}`,
    slug: `catalogo-${run}`,
    summary: "Un taller del catálogo.",
    hours: "6",
    level: course.level,
    modality: "online",
    topic: course.topic,
  });
  const { id } = await createCohort(coordinator, courseId, {
    name: `Versión ${run}`,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    capacity: cohort.capacity === undefined ? "" : String(cohort.capacity),
  });
  if (publish) await publishCohort(coordinator, id);
  return id;
}

const titles = (entries: { title: string }[]) => entries.map((e) => e.title);

beforeAll(async () => {
  const w = await makeWorld();
  coordinator = await actorOf(w.coordinator.id);
});

describe("publicCatalogue", () => {
  it("lists published versions that have not ended, soonest first, with the places left", async () => {
    const today = "2030-01-10";
    const later = await open(
      { topic: "Lectura", level: "introductory" },
      { startsOn: "2030-03-01", endsOn: "2030-03-20" },
    );
    const sooner = await open(
      { topic: "Evaluación", level: "advanced" },
      { startsOn: "2030-02-01", endsOn: "2030-02-20", capacity: 3 },
    );
    await open({ topic: "Lectura", level: "introductory" }, { startsOn: "2029-12-01", endsOn: "2030-01-09" }); // ended
    await open(
      { topic: "Lectura", level: "introductory" },
      { startsOn: "2030-04-01", endsOn: "2030-04-09" },
      false,
    ); // draft
    await registerForCohort(sooner, {
      fullName: "Docente Uno",
      email: "uno.catalogo@example.cl",
      country: "CL",
      role: "teacher",
      institution: "Escuela",
    });
    const { entries, topics, pages } = await publicCatalogue({}, today);
    const mine = entries.filter((e) => e.cohortId === sooner || e.cohortId === later);
    expect(mine.map((e) => e.cohortId)).toEqual([sooner, later]);
    expect(mine[0]?.placesLeft).toBe(2);
    expect(mine[1]?.placesLeft).toBeNull();
    expect(entries.some((e) => e.startsOn === "2029-12-01" || e.startsOn === "2030-04-01")).toBe(false);
    expect(topics).toEqual(expect.arrayContaining(["Evaluación", "Lectura"]));
    expect(pages).toBe(1);

    // a second registration shows at once: places left are never kept
    await registerForCohort(sooner, {
      fullName: "Docente Dos",
      email: "dos.catalogo@example.cl",
      country: "CL",
      role: "teacher",
      institution: "Escuela",
    });
    const again = await publicCatalogue({}, today);
    expect(again.entries.find((e) => e.cohortId === sooner)?.placesLeft).toBe(1);
  });

  it("narrows by topic, level and month, and ignores a filter that is not valid", async () => {
    const today = "2031-01-01";
    await open(
      { topic: "Convivencia", level: "intermediate" },
      { startsOn: "2031-05-04", endsOn: "2031-05-30" },
    );
    await open({ topic: "Convivencia", level: "advanced" }, { startsOn: "2031-06-01", endsOn: "2031-06-30" });
    await open(
      { topic: "Matemática", level: "intermediate" },
      { startsOn: "2031-05-10", endsOn: "2031-05-31" },
    );
    const topicOnly = await publicCatalogue({ topic: "Convivencia" }, today);
    expect(topicOnly.entries.map((e) => e.topic)).toEqual(["Convivencia", "Convivencia"]);
    const both = await publicCatalogue({ topic: "Convivencia", level: "intermediate" }, today);
    expect(both.entries.map((e) => e.startsOn)).toEqual(["2031-05-04"]);
    const may = await publicCatalogue({ month: "2031-05" }, today);
    expect(may.entries.map((e) => e.startsOn)).toEqual(["2031-05-04", "2031-05-10"]);
    const nonsense = await publicCatalogue({ level: "experto", month: "mayo" }, today);
    expect(nonsense.filters).toMatchObject({ level: "", month: "" });
    expect(nonsense.entries.length).toBeGreaterThanOrEqual(3);
  });

  it("pages the list, the next page going on where the first ended", async () => {
    const today = "2040-01-01";
    for (let i = 0; i < CATALOGUE_LIMIT + 2; i++)
      await open(
        { topic: "Paginado", level: "introductory" },
        { startsOn: `2040-02-${String(1 + (i % 28)).padStart(2, "0")}`, endsOn: "2040-03-31" },
      );
    const first = await publicCatalogue({ topic: "Paginado" }, today);
    const second = await publicCatalogue({ topic: "Paginado", page: 2 }, today);
    expect(first.entries).toHaveLength(CATALOGUE_LIMIT);
    expect(second.entries).toHaveLength(2);
    expect([first.pages, second.pages]).toEqual([2, 2]);
    expect(titles(first.entries).filter((t) => titles(second.entries).includes(t))).toEqual([]);
    const beyond = await publicCatalogue({ topic: "Paginado", page: 9 }, today);
    expect(beyond.entries).toEqual([]);
  });
});
