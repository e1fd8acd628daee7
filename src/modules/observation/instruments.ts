// Editing observation instruments (pautas). An instrument has published versions, which never change,
// and at most one draft. The editor is one form holding the whole draft: every button first saves
// everything typed, then does its one thing (add, move or remove a section or indicator, publish).
// Publishing turns the draft into the next version; visits keep the version they were scored with.
// Indicator and section keys are generated once, never reused, and kept across versions.
import { randomBytes } from "node:crypto";
import { asc, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can } from "../../platform/policy";
import { optionalText, parseInput, requiredText } from "../../platform/validation";
import { persons } from "../people";
import {
  draftField,
  INSTRUMENT_LIMITS,
  type IndicatorDef,
  type InstrumentContent,
  MBE_STANDARDS,
  type SectionDef,
} from "./content";
import { instruments, instrumentVersions, observations } from "./schema";
import { personName } from "./visits";

const L = INSTRUMENT_LIMITS;
const orgOf = (actor: Actor) => ({ organizationId: actor.organizationId });

/** What a visit's instrument looks like when nothing is written yet. */
const EMPTY_CONTENT: InstrumentContent = { sections: [], timeOnTask: false };

// ─── Reading ─────────────────────────────────────────────────────────────────────────────────────

/** Every instrument of the actor's organization: latest published version, draft or not, archived apart. */
export async function listInstruments(actor: Actor) {
  authorize(actor, "read", "observation_setup", orgOf(actor));
  const rows = await db()
    .select({
      id: instruments.id,
      name: instruments.name,
      description: instruments.description,
      archivedAt: instruments.archivedAt,
    })
    .from(instruments)
    .where(eq(instruments.organizationId, actor.organizationId))
    .orderBy(asc(instruments.name), asc(instruments.id));
  const versions = rows.length
    ? await db()
        .select({
          instrumentId: instrumentVersions.instrumentId,
          version: instrumentVersions.version,
          status: instrumentVersions.status,
          publishedAt: instrumentVersions.publishedAt,
        })
        .from(instrumentVersions)
        .where(
          inArray(
            instrumentVersions.instrumentId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const list = rows.map((row) => {
    const own = versions.filter((v) => v.instrumentId === row.id);
    const published = own.filter((v) => v.status === "published").sort((a, b) => b.version - a.version)[0];
    return {
      ...row,
      publishedVersion: published?.version ?? null,
      publishedAt: published?.publishedAt ?? null,
      hasDraft: own.some((v) => v.status === "draft"),
    };
  });
  return {
    active: list.filter((i) => !i.archivedAt),
    archived: list.filter((i) => i.archivedAt),
    canManage: can(actor, "manage", "observation_setup", orgOf(actor)),
  };
}

async function instrumentRow(id: string, tx: DbOrTx = db()) {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select({
      id: instruments.id,
      organizationId: instruments.organizationId,
      name: instruments.name,
      description: instruments.description,
      archivedAt: instruments.archivedAt,
    })
    .from(instruments)
    .where(eq(instruments.id, id));
  return row ?? null;
}

/** The instrument, as far as the actor may see it: readers get published versions, managers the draft. */
export async function getInstrument(actor: Actor, id: string) {
  const instrument = await instrumentRow(id);
  if (!instrument) throw new NotFoundError();
  authorize(actor, "read", "observation_setup", instrument);
  const canManage = can(actor, "manage", "observation_setup", instrument);
  const versions = await db()
    .select({
      id: instrumentVersions.id,
      version: instrumentVersions.version,
      status: instrumentVersions.status,
      content: instrumentVersions.content,
      publishedAt: instrumentVersions.publishedAt,
      createdAt: instrumentVersions.createdAt,
      authorName: personName,
    })
    .from(instrumentVersions)
    .leftJoin(persons, eq(persons.id, instrumentVersions.createdBy))
    .where(eq(instrumentVersions.instrumentId, id))
    .orderBy(desc(instrumentVersions.version));
  const uses = versions.length
    ? await db()
        .select({ versionId: observations.instrumentVersionId, visits: count() })
        .from(observations)
        .where(
          inArray(
            observations.instrumentVersionId,
            versions.map((v) => v.id),
          ),
        )
        .groupBy(observations.instrumentVersionId)
    : [];
  const published = versions.filter((v) => v.status === "published");
  const draft = versions.find((v) => v.status === "draft") ?? null;
  return {
    ...instrument,
    published: published[0] ?? null,
    history: published.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt,
      authorName: v.authorName,
      visits: uses.find((u) => u.versionId === v.id)?.visits ?? 0,
    })),
    draft: canManage && draft ? { version: draft.version, content: draft.content } : null,
    /** the number the next published version will get */
    nextVersion: (published[0]?.version ?? 0) + 1,
    canManage,
  };
}
export type InstrumentView = Awaited<ReturnType<typeof getInstrument>>;

// ─── Creating ────────────────────────────────────────────────────────────────────────────────────

const instrumentInput = z.object({
  name: requiredText(L.name, "instruments.errors.name_required"),
  description: optionalText(L.description),
});

/** A new instrument with an empty draft version 1; returns its id. */
export async function createInstrument(actor: Actor, input: Record<string, unknown>): Promise<string> {
  authorize(actor, "manage", "observation_setup", orgOf(actor));
  const values = parseInput(instrumentInput, input);
  const id = newId();
  await db().transaction(async (tx) => {
    await tx.insert(instruments).values({
      id,
      organizationId: actor.organizationId,
      name: values.name,
      description: values.description,
    });
    await tx.insert(instrumentVersions).values({
      id: newId(),
      organizationId: actor.organizationId,
      instrumentId: id,
      version: 1,
      status: "draft",
      content: EMPTY_CONTENT,
      createdBy: actor.personId,
    });
    await audit(actor, { action: "instrument.create", subjectType: "instrument", subjectId: id }, tx);
  });
  return id;
}

// ─── The draft editor ────────────────────────────────────────────────────────────────────────────

export const DRAFT_INTENTS = [
  "save",
  "edit",
  "publish",
  "add_section",
  "remove_section",
  "section_up",
  "section_down",
  "add_indicator",
  "remove_indicator",
  "indicator_up",
  "indicator_down",
] as const;
export type DraftIntent = (typeof DRAFT_INTENTS)[number];

/** A key never used by any version of the instrument (nor by the draft). */
function freshKey(prefix: "s" | "i", taken: Set<string>): string {
  for (;;) {
    const key = `${prefix}${randomBytes(4).toString("hex")}`;
    if (!taken.has(key)) {
      taken.add(key);
      return key;
    }
  }
}

const keysOf = (content: InstrumentContent) =>
  content.sections.flatMap((s) => [s.key, ...s.indicators.map((i) => i.key)]);

const str = (input: Record<string, unknown>, name: string) =>
  typeof input[name] === "string" ? (input[name] as string) : "";

/** The draft with what the form says written over it; fields of keys not in the draft are ignored. */
function applyForm(
  content: InstrumentContent,
  input: Record<string, unknown>,
  errors: FieldErrors,
): InstrumentContent {
  const text = (name: string, max: number) => {
    const value = str(input, name).trim();
    if (value.length > max) errors[name] = "errors.too_long";
    return value;
  };
  const sections: SectionDef[] = content.sections.map((section) => {
    const sectionTitle = draftField.section(section.key, "title");
    const next: SectionDef = { ...section };
    if (sectionTitle in input) {
      next.title = text(sectionTitle, L.sectionTitle);
      const description = text(draftField.section(section.key, "description"), L.sectionDescription);
      next.description = description || undefined;
    }
    next.indicators = section.indicators.map((indicator) => {
      const f = (field: Parameters<typeof draftField.indicator>[1]) =>
        draftField.indicator(indicator.key, field);
      if (!(f("title") in input)) return indicator;
      const kindRaw = str(input, f("kind"));
      let kind = indicator.kind;
      if (kindRaw === "scored" || kindRaw === "evidence") kind = kindRaw;
      else errors[f("kind")] = "errors.invalid_choice";
      const mbeRaw = str(input, f("mbe"));
      let mbeStandard: number | null = null;
      if (mbeRaw !== "") {
        if ((MBE_STANDARDS as readonly number[]).includes(Number(mbeRaw)) && /^\d$/.test(mbeRaw))
          mbeStandard = Number(mbeRaw);
        else errors[f("mbe")] = "errors.invalid_choice";
      }
      const description = text(f("description"), L.indicatorDescription);
      const descriptors = ([1, 2, 3, 4] as const).map((n) => text(f(`d${n}`), L.descriptor)) as [
        string,
        string,
        string,
        string,
      ];
      const updated: IndicatorDef = {
        key: indicator.key,
        title: text(f("title"), L.indicatorTitle),
        kind,
        mbeStandard,
      };
      if (description) updated.description = description;
      // Kept while drafting even for an evidence indicator, so switching back loses nothing.
      if (descriptors.some((d) => d !== "")) updated.descriptors = descriptors;
      if (str(input, f("draft")) !== "") updated.draft = true;
      return updated;
    });
    return next;
  });
  let timeOnTask = content.timeOnTask;
  if ("name" in input) timeOnTask = str(input, "timeOnTask") !== "";
  return { sections, timeOnTask };
}

/** What stops a draft from being published: field name → message key. */
export function publishErrors(content: InstrumentContent): FieldErrors {
  const errors: FieldErrors = {};
  const indicators = content.sections.flatMap((s) => s.indicators);
  if (indicators.length === 0) errors.sections = "instruments.errors.no_indicators";
  for (const section of content.sections) {
    if (!section.title.trim()) errors[draftField.section(section.key, "title")] = "errors.required";
    if (section.indicators.length === 0 && indicators.length > 0)
      errors[`s[${section.key}].indicators`] = "instruments.errors.section_empty";
    for (const indicator of section.indicators) {
      if (!indicator.title.trim()) errors[draftField.indicator(indicator.key, "title")] = "errors.required";
      if (indicator.kind === "scored") {
        ([1, 2, 3, 4] as const).forEach((n) => {
          if (!indicator.descriptors?.[n - 1]?.trim())
            errors[draftField.indicator(indicator.key, `d${n}`)] = "instruments.errors.descriptor_required";
        });
      }
    }
  }
  return errors;
}

/** The published form of a draft: evidence indicators carry no level descriptors. */
function publishedContent(content: InstrumentContent): InstrumentContent {
  return {
    timeOnTask: content.timeOnTask,
    sections: content.sections.map((s) => ({
      ...s,
      indicators: s.indicators.map((i) => {
        const { descriptors, ...rest } = i;
        return i.kind === "scored" ? { ...rest, descriptors } : rest;
      }),
    })),
  };
}

function move<T>(list: T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || target < 0 || target >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
}

/**
 * Saves the editor's form into the instrument's draft (made from the latest published version when
 * there is none), then does what the button asked. Returns the anchor to come back to and, after
 * publishing, the version number. A publish refused (an empty title, a scored indicator without its
 * four descriptors, no indicator at all) still keeps what was typed in the draft.
 */
export async function saveInstrumentDraft(
  actor: Actor,
  id: string,
  intentField: string,
  input: Record<string, unknown>,
): Promise<{ anchor: string; published: number | null }> {
  const instrument = await instrumentRow(id);
  if (!instrument) throw new NotFoundError();
  authorize(actor, "manage", "observation_setup", instrument);
  const separator = intentField.indexOf(":");
  const intent = separator === -1 ? intentField : intentField.slice(0, separator);
  const target = separator === -1 ? "" : intentField.slice(separator + 1);
  if (!(DRAFT_INTENTS as readonly string[]).includes(intent)) throw new DomainError("errors.invalid_choice");
  if (instrument.archivedAt) throw new DomainError("instruments.errors.archived");
  // The name and description are the instrument's own (not versioned): saved with every press.
  const headerErrors: FieldErrors = {};
  let header: z.infer<typeof instrumentInput> | null = null;
  if ("name" in input) {
    try {
      header = parseInput(instrumentInput, input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      Object.assign(headerErrors, error.fieldErrors);
    }
  }

  const outcome = await db().transaction(async (tx): Promise<DraftOutcome> => {
    // The instrument row lock keeps two saves (two tabs, two coordinators) from interleaving.
    await tx.select({ id: instruments.id }).from(instruments).where(eq(instruments.id, id)).for("update");
    const versions = await tx
      .select({
        id: instrumentVersions.id,
        version: instrumentVersions.version,
        status: instrumentVersions.status,
        content: instrumentVersions.content,
      })
      .from(instrumentVersions)
      .where(eq(instrumentVersions.instrumentId, id))
      .orderBy(desc(instrumentVersions.version));
    let draft = versions.find((v) => v.status === "draft");
    if (!draft) {
      const latest = versions.find((v) => v.status === "published");
      draft = {
        id: newId(),
        version: (latest?.version ?? 0) + 1,
        status: "draft",
        content: latest?.content ?? EMPTY_CONTENT,
      };
      await tx.insert(instrumentVersions).values({
        id: draft.id,
        organizationId: instrument.organizationId,
        instrumentId: id,
        version: draft.version,
        status: "draft",
        content: draft.content,
        createdBy: actor.personId,
      });
    }
    const errors: FieldErrors = { ...headerErrors };
    const typed = applyForm(draft.content, input, errors);
    if (Object.keys(errors).length > 0) return { errors, kind: "invalid" as const };
    const taken = new Set(versions.flatMap((v) => keysOf(v.content)));
    const sectionIndex = typed.sections.findIndex((s) => s.key === target);
    const where = (key: string) => {
      for (const [si, s] of typed.sections.entries()) {
        const ii = s.indicators.findIndex((i) => i.key === key);
        if (ii !== -1) return { si, ii };
      }
      return null;
    };
    const indicatorCount = typed.sections.reduce((n, s) => n + s.indicators.length, 0);
    let anchor = "editor";
    const needsSection = ["remove_section", "section_up", "section_down", "add_indicator"].includes(intent);
    const needsIndicator = ["remove_indicator", "indicator_up", "indicator_down"].includes(intent);
    if (needsSection && sectionIndex === -1) throw new DomainError("errors.invalid_choice");
    const found = needsIndicator ? where(target) : null;
    if (needsIndicator && !found) throw new DomainError("errors.invalid_choice");
    let sections = [...typed.sections];
    switch (intent) {
      case "add_section": {
        if (sections.length >= L.sections) {
          return { errors: { sections: "instruments.errors.too_many_sections" }, kind: "invalid" as const };
        }
        const key = freshKey("s", taken);
        sections.push({ key, title: "", indicators: [] });
        anchor = `seccion-${key}`;
        break;
      }
      case "remove_section":
        sections.splice(sectionIndex, 1);
        anchor = "secciones";
        break;
      case "section_up":
      case "section_down":
        sections = move(sections, sectionIndex, intent === "section_up" ? -1 : 1);
        anchor = `seccion-${target}`;
        break;
      case "add_indicator": {
        if (indicatorCount >= L.indicators) {
          return {
            errors: { [`s[${target}].indicators`]: "instruments.errors.too_many_indicators" },
            kind: "invalid" as const,
          };
        }
        const key = freshKey("i", taken);
        const section = sections[sectionIndex];
        sections[sectionIndex] = {
          ...section,
          indicators: [...section.indicators, { key, title: "", kind: "scored", mbeStandard: null }],
        };
        anchor = `indicador-${key}`;
        break;
      }
      case "remove_indicator":
      case "indicator_up":
      case "indicator_down": {
        if (!found) break;
        const section = sections[found.si];
        const indicators =
          intent === "remove_indicator"
            ? section.indicators.filter((_, i) => i !== found.ii)
            : move(section.indicators, found.ii, intent === "indicator_up" ? -1 : 1);
        sections[found.si] = { ...section, indicators };
        anchor = intent === "remove_indicator" ? `seccion-${section.key}` : `indicador-${target}`;
        break;
      }
    }
    const content: InstrumentContent = { ...typed, sections };
    await tx.update(instrumentVersions).set({ content }).where(eq(instrumentVersions.id, draft.id));
    if (header) {
      await tx
        .update(instruments)
        .set({ name: header.name, description: header.description, updatedAt: new Date() })
        .where(eq(instruments.id, id));
    }
    if (intent === "publish") {
      const refused = publishErrors(content);
      if (Object.keys(refused).length > 0) {
        await audit(actor, auditEntry(id, "instrument.draft_save", { intent }), tx);
        return { errors: refused, kind: "unpublishable" as const };
      }
      await tx
        .update(instrumentVersions)
        .set({
          status: "published",
          content: publishedContent(content),
          publishedAt: new Date(),
          createdBy: actor.personId,
        })
        .where(eq(instrumentVersions.id, draft.id));
      await audit(actor, auditEntry(id, "instrument.publish", { version: draft.version }), tx);
      return { anchor: "versiones", published: draft.version };
    }
    await audit(actor, auditEntry(id, "instrument.draft_save", { intent }), tx);
    return { anchor, published: null };
  });
  if ("errors" in outcome) {
    throw new ValidationError(
      outcome.errors,
      outcome.kind === "invalid" ? "errors.form_invalid" : "instruments.errors.cannot_publish",
    );
  }
  return outcome;
}

type DraftOutcome =
  | { errors: FieldErrors; kind: "invalid" | "unpublishable" }
  | { anchor: string; published: number | null };

const auditEntry = (id: string, action: string, details: Record<string, unknown>) => ({
  action,
  subjectType: "instrument",
  subjectId: id,
  details,
});

/**
 * Throws away the draft; the published versions stay as they are. An instrument never published keeps
 * its draft, emptied (as createInstrument left it): every instrument has a version.
 */
export async function discardInstrumentDraft(actor: Actor, id: string): Promise<void> {
  const instrument = await instrumentRow(id);
  if (!instrument) throw new NotFoundError();
  authorize(actor, "manage", "observation_setup", instrument);
  await db().transaction(async (tx) => {
    // The same lock as the saves: a save and a discard never interleave.
    await tx.select({ id: instruments.id }).from(instruments).where(eq(instruments.id, id)).for("update");
    const versions = await tx
      .select({
        id: instrumentVersions.id,
        version: instrumentVersions.version,
        status: instrumentVersions.status,
      })
      .from(instrumentVersions)
      .where(eq(instrumentVersions.instrumentId, id));
    const draft = versions.find((v) => v.status === "draft");
    if (!draft) throw new DomainError("instruments.errors.no_draft");
    if (versions.some((v) => v.status === "published"))
      await tx.delete(instrumentVersions).where(eq(instrumentVersions.id, draft.id));
    else
      await tx
        .update(instrumentVersions)
        .set({ content: EMPTY_CONTENT })
        .where(eq(instrumentVersions.id, draft.id));
    await audit(actor, auditEntry(id, "instrument.draft_discard", { version: draft.version }), tx);
  });
}

/** Archives or restores an instrument: an archived one is not offered for new visits. */
export async function setInstrumentArchived(actor: Actor, id: string, archived: boolean): Promise<void> {
  const instrument = await instrumentRow(id);
  if (!instrument) throw new NotFoundError();
  authorize(actor, "manage", "observation_setup", instrument);
  await db().transaction(async (tx) => {
    await tx
      .update(instruments)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(eq(instruments.id, id));
    await audit(actor, auditEntry(id, archived ? "instrument.archive" : "instrument.restore", {}), tx);
  });
}

/** For the pages that only coordinators open (new instrument, new step): a 404 for anyone else. */
export function requireSetupManager(actor: Actor): void {
  authorize(actor, "manage", "observation_setup", orgOf(actor));
}
