import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { actorOf, makeWorld } from "../people/testing";
import {
  createInstrument,
  discardInstrumentDraft,
  ensureObservationSetup,
  getInstrument,
  getVisit,
  listInstruments,
  requireSetupManager,
  saveInstrumentDraft,
  saveVisit,
  setInstrumentArchived,
  startVisit,
  visitOptions,
} from ".";
import { draftField, type InstrumentContent } from "./content";
import { instruments, instrumentVersions } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;

async function rejection(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (e) => e,
  );
}

const s = draftField.section;
const i = draftField.indicator;
const keysOf = (content: InstrumentContent) =>
  content.sections.flatMap((section) => [section.key, ...section.indicators.map((x) => x.key)]);

/** Every field of one indicator, as the editor form posts them. */
function indicatorFields(
  key: string,
  values: { title: string; kind?: string; mbe?: string; descriptors?: string[]; draft?: boolean },
) {
  const fields: Record<string, string> = {
    [i(key, "title")]: values.title,
    [i(key, "description")]: "",
    [i(key, "kind")]: values.kind ?? "scored",
    [i(key, "mbe")]: values.mbe ?? "",
  };
  (values.descriptors ?? ["", "", "", ""]).forEach((d, n) => {
    fields[i(key, `d${(n + 1) as 1 | 2 | 3 | 4}`)] = d;
  });
  if (values.draft) fields[i(key, "draft")] = "on";
  return fields;
}
const FOUR = ["Nunca se observa.", "A veces se observa.", "Se observa en general.", "Se observa siempre."];

describe("instruments: create, edit the draft, publish, archive", () => {
  let w: World;
  const a: Record<string, Actor> = {};
  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    for (const key of ["coordinator", "admin", "leaderA", "mentorA", "teacherA", "otherAdmin"] as const) {
      a[key] = await actorOf(w[key].id);
    }
  });

  const draftOf = async (id: string) => (await getInstrument(a.coordinator, id)).draft;

  it("creates an instrument with an empty draft version 1, listed as unpublished", async () => {
    const blank = await rejection(createInstrument(a.coordinator, { name: "  " }));
    expect((blank as ValidationError).fieldErrors).toEqual({ name: "instruments.errors.name_required" });
    const id = await createInstrument(a.coordinator, {
      name: "Pauta de lectura",
      description: "Primer ciclo",
    });
    const view = await getInstrument(a.coordinator, id);
    expect(view.draft).toEqual({ version: 1, content: { sections: [], timeOnTask: false } });
    expect(view.published).toBeNull();
    const list = await listInstruments(a.coordinator);
    expect(list.canManage).toBe(true);
    expect(list.active.find((x) => x.id === id)).toMatchObject({ publishedVersion: null, hasDraft: true });
    // The seeded instruments have version 1 published and no draft.
    expect(list.active.filter((x) => x.publishedVersion === 1 && !x.hasDraft)).toHaveLength(2);
    const [logged] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "instrument.create")));
    expect(logged.actorPersonId).toBe(w.coordinator.id);
  });

  it("edits the draft with intents, refuses to publish what is incomplete, and keeps what was typed", async () => {
    const id = await createInstrument(a.coordinator, { name: "Pauta de escritura" });
    const noIndicator = await rejection(saveInstrumentDraft(a.coordinator, id, "publish", { name: "X" }));
    expect(noIndicator).toBeInstanceOf(ValidationError);
    expect((noIndicator as ValidationError).fieldErrors.sections).toBe("instruments.errors.no_indicators");

    const added = await saveInstrumentDraft(a.coordinator, id, "add_section", {
      name: "Pauta de escritura",
      description: "",
      timeOnTask: "on",
    });
    let draft = await draftOf(id);
    const sectionKey = draft?.content.sections[0].key ?? "";
    expect(added.anchor).toBe(`seccion-${sectionKey}`);
    expect(draft?.content.timeOnTask).toBe(true);
    await saveInstrumentDraft(a.coordinator, id, `add_indicator:${sectionKey}`, {
      name: "Pauta de escritura",
      timeOnTask: "on",
      [s(sectionKey, "title")]: "Producción de textos",
      [s(sectionKey, "description")]: "",
    });
    draft = await draftOf(id);
    const first = draft?.content.sections[0].indicators[0].key ?? "";
    expect(draft?.content.sections[0].title).toBe("Producción de textos");
    expect(first).toMatch(/^i[0-9a-f]{8}$/);

    // A scored indicator without its four descriptors cannot be published; what was typed is saved.
    const incomplete = await rejection(
      saveInstrumentDraft(a.coordinator, id, "publish", {
        name: "Pauta de escritura",
        timeOnTask: "on",
        [s(sectionKey, "title")]: "Producción de textos",
        ...indicatorFields(first, {
          title: "Planifica antes de escribir",
          descriptors: ["Nunca.", "", "", ""],
        }),
      }),
    );
    expect(incomplete).toBeInstanceOf(ValidationError);
    expect((incomplete as ValidationError).messageKey).toBe("instruments.errors.cannot_publish");
    expect((incomplete as ValidationError).fieldErrors).toEqual({
      [i(first, "d2")]: "instruments.errors.descriptor_required",
      [i(first, "d3")]: "instruments.errors.descriptor_required",
      [i(first, "d4")]: "instruments.errors.descriptor_required",
    });
    draft = await draftOf(id);
    expect(draft?.content.sections[0].indicators[0]).toMatchObject({
      title: "Planifica antes de escribir",
      descriptors: ["Nunca.", "", "", ""],
    });

    // Lengths are checked on every save: nothing is written, the message sits on the field.
    const tooLong = await rejection(
      saveInstrumentDraft(a.coordinator, id, "save", {
        name: "",
        [s(sectionKey, "title")]: "x".repeat(201),
        ...indicatorFields(first, { title: "Planifica", mbe: "12" }),
      }),
    );
    expect((tooLong as ValidationError).fieldErrors).toEqual({
      name: "instruments.errors.name_required",
      [s(sectionKey, "title")]: "errors.too_long",
      [i(first, "mbe")]: "errors.invalid_choice",
    });
    expect((await draftOf(id))?.content.sections[0].title).toBe("Producción de textos");

    // An evidence-only indicator needs no descriptors; the published version carries none.
    const published = await saveInstrumentDraft(a.coordinator, id, "publish", {
      name: "Pauta de escritura",
      timeOnTask: "on",
      [s(sectionKey, "title")]: "Producción de textos",
      ...indicatorFields(first, {
        title: "Planifica antes de escribir",
        kind: "evidence",
        mbe: "7",
        draft: true,
      }),
    });
    expect(published).toEqual({ anchor: "versiones", published: 1 });
    const view = await getInstrument(a.coordinator, id);
    expect(view.draft).toBeNull();
    expect(view.published?.version).toBe(1);
    expect(view.published?.content.sections[0].indicators[0]).toEqual({
      key: first,
      title: "Planifica antes de escribir",
      kind: "evidence",
      mbeStandard: 7,
      draft: true,
    });
    expect(view.history).toMatchObject([{ version: 1, visits: 0 }]);
    expect(view.history[0].publishedAt).toBeInstanceOf(Date);
  });

  it("makes the next draft from the latest published version and publishes it as version 2", async () => {
    const id = await createInstrument(a.coordinator, { name: "Pauta breve" });
    await saveInstrumentDraft(a.coordinator, id, "add_section", {});
    const sectionKey = (await draftOf(id))?.content.sections[0].key ?? "";
    await saveInstrumentDraft(a.coordinator, id, `add_indicator:${sectionKey}`, {});
    await saveInstrumentDraft(a.coordinator, id, `add_indicator:${sectionKey}`, {});
    const [k1, k2] = (await draftOf(id))?.content.sections[0].indicators.map((x) => x.key) ?? [];
    await saveInstrumentDraft(a.coordinator, id, "publish", {
      name: "Pauta breve",
      [s(sectionKey, "title")]: "Clima",
      ...indicatorFields(k1, { title: "Uno", descriptors: FOUR }),
      ...indicatorFields(k2, { title: "Dos", descriptors: FOUR }),
    });

    await saveInstrumentDraft(a.coordinator, id, "edit", {});
    let draft = await draftOf(id);
    expect(draft?.version).toBe(2);
    expect(draft?.content.sections[0].indicators.map((x) => x.title)).toEqual(["Uno", "Dos"]);
    // Move, remove, add: the new key is new, the kept keys stay.
    await saveInstrumentDraft(a.coordinator, id, `indicator_down:${k1}`, {});
    draft = await draftOf(id);
    expect(draft?.content.sections[0].indicators.map((x) => x.key)).toEqual([k2, k1]);
    await saveInstrumentDraft(a.coordinator, id, `remove_indicator:${k1}`, {});
    await saveInstrumentDraft(a.coordinator, id, `add_indicator:${sectionKey}`, {});
    draft = await draftOf(id);
    const k3 = draft?.content.sections[0].indicators[1].key ?? "";
    expect(draft?.content.sections[0].indicators.map((x) => x.key)).toEqual([k2, k3]);
    expect([k1, k2, sectionKey]).not.toContain(k3);
    await saveInstrumentDraft(a.coordinator, id, "add_section", {});
    draft = await draftOf(id);
    const second = draft?.content.sections[1].key ?? "";
    await saveInstrumentDraft(a.coordinator, id, `section_up:${second}`, {});
    draft = await draftOf(id);
    expect(draft?.content.sections.map((x) => x.key)).toEqual([second, sectionKey]);
    // An empty section stops publishing; removing it lets the version through.
    const refused = await rejection(
      saveInstrumentDraft(
        a.coordinator,
        id,
        "publish",
        indicatorFields(k3, { title: "Tres", descriptors: FOUR }),
      ),
    );
    expect((refused as ValidationError).fieldErrors).toEqual({
      [s(second, "title")]: "errors.required",
      [`s[${second}].indicators`]: "instruments.errors.section_empty",
    });
    await saveInstrumentDraft(a.coordinator, id, `remove_section:${second}`, {});
    expect(await saveInstrumentDraft(a.coordinator, id, "publish", {})).toEqual({
      anchor: "versiones",
      published: 2,
    });
    const view = await getInstrument(a.coordinator, id);
    expect(view.history.map((v) => v.version)).toEqual([2, 1]);
    expect(view.published?.content.sections[0].indicators.map((x) => [x.key, x.title])).toEqual([
      [k2, "Dos"],
      [k3, "Tres"],
    ]);
    // Version 1 is as it was.
    const [v1] = await db()
      .select()
      .from(instrumentVersions)
      .where(and(eq(instrumentVersions.instrumentId, id), eq(instrumentVersions.version, 1)));
    expect(v1.content.sections[0].indicators.map((x) => x.title)).toEqual(["Uno", "Dos"]);
    expect(v1.createdBy).toBe(w.coordinator.id);

    // A draft can be thrown away; the published version stays.
    await saveInstrumentDraft(a.coordinator, id, "edit", {});
    await discardInstrumentDraft(a.coordinator, id);
    expect((await getInstrument(a.coordinator, id)).draft).toBeNull();
    expect(await rejection(discardInstrumentDraft(a.coordinator, id))).toBeInstanceOf(DomainError);
    // Unknown keys and intents are refused.
    expect(
      await rejection(saveInstrumentDraft(a.coordinator, id, "remove_indicator:nope", {})),
    ).toBeInstanceOf(DomainError);
    expect(await rejection(saveInstrumentDraft(a.coordinator, id, "explode", {}))).toBeInstanceOf(
      DomainError,
    );
  });

  it("keeps a version when the draft of a never-published instrument is discarded, also when racing", async () => {
    const id = await createInstrument(a.coordinator, { name: "Pauta recién creada" });
    await saveInstrumentDraft(a.coordinator, id, "add_section", {});
    // Discards and saves at once (on PostgreSQL, several connections): whatever the order, the
    // instrument keeps exactly one version, its draft version 1.
    await Promise.allSettled([
      discardInstrumentDraft(a.coordinator, id),
      saveInstrumentDraft(a.coordinator, id, "add_section", {}),
      discardInstrumentDraft(a.coordinator, id),
    ]);
    const versionsOf = () =>
      db()
        .select({ version: instrumentVersions.version, status: instrumentVersions.status })
        .from(instrumentVersions)
        .where(eq(instrumentVersions.instrumentId, id));
    expect(await versionsOf()).toEqual([{ version: 1, status: "draft" }]);
    await discardInstrumentDraft(a.coordinator, id);
    expect(await versionsOf()).toEqual([{ version: 1, status: "draft" }]);
    expect((await draftOf(id))?.content.sections).toEqual([]);
    const view = await getInstrument(a.coordinator, id);
    expect(view.published).toBeNull();
    expect(view.nextVersion).toBe(1);
  });

  it("limits the number of sections", async () => {
    const id = await createInstrument(a.coordinator, { name: "Pauta larga" });
    for (let n = 0; n < 12; n++) await saveInstrumentDraft(a.coordinator, id, "add_section", {});
    const tooMany = await rejection(saveInstrumentDraft(a.coordinator, id, "add_section", {}));
    expect((tooMany as ValidationError).fieldErrors).toEqual({
      sections: "instruments.errors.too_many_sections",
    });
    expect((await draftOf(id))?.content.sections).toHaveLength(12);
  });

  it("archives an instrument: no longer offered for new visits, not editable until restored", async () => {
    const id = await createInstrument(a.coordinator, { name: "Pauta para archivar" });
    await saveInstrumentDraft(a.coordinator, id, "add_section", {});
    const sectionKey = (await draftOf(id))?.content.sections[0].key ?? "";
    await saveInstrumentDraft(a.coordinator, id, `add_indicator:${sectionKey}`, {});
    const key = (await draftOf(id))?.content.sections[0].indicators[0].key ?? "";
    await saveInstrumentDraft(a.coordinator, id, "publish", {
      name: "Pauta para archivar",
      [s(sectionKey, "title")]: "Única",
      ...indicatorFields(key, { title: "Uno", kind: "evidence" }),
    });
    const offered = async () => (await visitOptions(a.leaderA)).instruments.map((x) => x.id);
    expect(await offered()).toContain(id);
    await setInstrumentArchived(a.coordinator, id, true);
    expect(await offered()).not.toContain(id);
    expect((await listInstruments(a.leaderA)).archived.map((x) => x.id)).toContain(id);
    expect(await rejection(saveInstrumentDraft(a.coordinator, id, "edit", {}))).toBeInstanceOf(DomainError);
    await setInstrumentArchived(a.coordinator, id, false);
    expect(await offered()).toContain(id);
    const actions = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(actions.map((x) => x.action)).toEqual(
      expect.arrayContaining(["instrument.publish", "instrument.archive", "instrument.restore"]),
    );
  });

  it("lets leaders, mentors and teachers read, never manage; other organizations see nothing", async () => {
    const [seeded] = await db().select().from(instruments).where(eq(instruments.organizationId, w.org.id));
    await saveInstrumentDraft(a.coordinator, seeded.id, "edit", {});
    for (const who of ["leaderA", "mentorA", "teacherA"]) {
      const view = await getInstrument(a[who], seeded.id);
      expect(view.canManage, who).toBe(false);
      expect(view.draft, who).toBeNull();
      expect(view.published?.version).toBe(1);
      expect((await listInstruments(a[who])).canManage).toBe(false);
      expect(() => requireSetupManager(a[who])).toThrow(NotFoundError);
      for (const attempt of [
        () => createInstrument(a[who], { name: "Intrusa" }),
        () => saveInstrumentDraft(a[who], seeded.id, "publish", {}),
        () => discardInstrumentDraft(a[who], seeded.id),
        () => setInstrumentArchived(a[who], seeded.id, true),
      ]) {
        expect(await rejection(attempt()), who).toBeInstanceOf(NotFoundError);
      }
    }
    expect((await getInstrument(a.admin, seeded.id)).canManage).toBe(true);
    expect(await rejection(getInstrument(a.otherAdmin, seeded.id))).toBeInstanceOf(NotFoundError);
    expect(await rejection(saveInstrumentDraft(a.otherAdmin, seeded.id, "save", {}))).toBeInstanceOf(
      NotFoundError,
    );
    expect((await listInstruments(a.otherAdmin)).active.map((x) => x.id)).not.toContain(seeded.id);
    expect(await rejection(getInstrument(a.coordinator, "no-es-un-id"))).toBeInstanceOf(NotFoundError);
    const [row] = await db().select().from(instruments).where(eq(instruments.id, seeded.id));
    expect(row.archivedAt).toBeNull();
    await discardInstrumentDraft(a.coordinator, seeded.id);
  });
});

describe("changing an instrument leaves old visits as they were", () => {
  it("keeps version 1's content and levels for a visit scored with it; a new visit uses version 2", async () => {
    const w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    const coordinator = await actorOf(w.coordinator.id);
    const leader = await actorOf(w.leaderA.id);
    const [instrument] = await db()
      .select()
      .from(instruments)
      .where(and(eq(instruments.organizationId, w.org.id)))
      .then((rows) => rows.filter((r) => r.name.includes("MBE")));
    const visitInput = {
      schoolId: w.schoolA.id,
      teacherId: w.teacherA.id,
      instrumentId: instrument.id,
      course: "6° básico B",
      subject: "Lenguaje",
      purpose: "formativa",
    };

    // A visit scored with version 1: two levels and notes tagged to indicators.
    const oldVisit = await startVisit(leader, visitInput);
    await saveVisit(leader, oldVisit, "note", {
      note: "Saluda a cada estudiante por su nombre.",
      noteTag: "b5.1",
    });
    await saveVisit(leader, oldVisit, "note", {
      note: "La entrega de guías tomó 4 minutos.",
      noteTag: "b5.2",
    });
    await saveVisit(leader, oldVisit, "submit", { "level_b5.1": "3", "level_b5.2": "2" });
    const before = await getVisit(leader, oldVisit);
    expect(before.instrumentVersion).toBe(1);

    // The coordinator changes b5.1's title and descriptors, removes b5.2, adds an indicator; publishes.
    await saveInstrumentDraft(coordinator, instrument.id, "edit", {});
    await saveInstrumentDraft(coordinator, instrument.id, "remove_indicator:b5.2", {});
    await saveInstrumentDraft(coordinator, instrument.id, "add_indicator:b", {});
    const draft = (await getInstrument(coordinator, instrument.id)).draft;
    const added = draft?.content.sections[0].indicators.at(-1)?.key ?? "";
    expect(keysOf(before.content)).not.toContain(added);
    const result = await saveInstrumentDraft(coordinator, instrument.id, "publish", {
      ...indicatorFields("b5.1", {
        title: "Trato respetuoso (redacción revisada)",
        mbe: "5",
        descriptors: [
          "Descalifica.",
          "Trato correcto, irregular.",
          "Trato cordial y firme.",
          "Respeto autónomo.",
        ],
      }),
      ...indicatorFields(added, { title: "Uso del tiempo de clase", mbe: "5", descriptors: FOUR }),
    });
    expect(result.published).toBe(2);

    // The old visit still reads version 1: same titles, descriptors, the removed indicator, its levels.
    const after = await getVisit(leader, oldVisit);
    expect(after.instrumentVersion).toBe(1);
    expect(after.content).toEqual(before.content);
    const b51 = after.content.sections[0].indicators.find((x) => x.key === "b5.1");
    expect(b51?.title).toBe(
      "Trato respetuoso entre el/la docente y los estudiantes, y entre los estudiantes",
    );
    expect(b51?.descriptors?.[0]).toMatch(/^El\/la docente grita/);
    expect(keysOf(after.content)).toContain("b5.2");
    expect(keysOf(after.content)).not.toContain(added);
    expect(after.levels).toEqual({ "b5.1": 3, "b5.2": 2 });
    expect(after.notes.map((n) => n.indicatorKeys)).toEqual([["b5.1"], ["b5.2"]]);

    // A new visit uses version 2.
    const newVisit = await startVisit(leader, { ...visitInput, teacherId: w.teacherA2.id });
    const fresh = await getVisit(leader, newVisit);
    expect(fresh.instrumentVersion).toBe(2);
    const indicators = fresh.content.sections.flatMap((x) => x.indicators);
    expect(indicators.find((x) => x.key === "b5.1")?.title).toBe("Trato respetuoso (redacción revisada)");
    expect(indicators.find((x) => x.key === "b5.1")?.descriptors?.[0]).toBe("Descalifica.");
    expect(indicators.map((x) => x.key)).not.toContain("b5.2");
    expect(indicators.map((x) => x.key)).toContain(added);
    // A level for the removed indicator is not taken by a version-2 visit.
    await saveVisit(leader, newVisit, "save", { "level_b5.2": "3", "level_b5.1": "4" });
    expect((await getVisit(leader, newVisit)).levels).toEqual({ "b5.1": 4 });
    const history = (await getInstrument(coordinator, instrument.id)).history;
    expect(history.map((v) => [v.version, v.visits])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });
});
