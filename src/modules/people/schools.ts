// Schools (establecimientos): the directory of an organization's schools, and who advises them.
import {
  and,
  asc,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  ne,
  type SQL,
  sql,
} from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db } from "../../platform/db/client";
import { NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import {
  type Action,
  type Actor,
  authorize,
  can,
  isCoordinator,
  isStaff,
  type TenantSubject,
} from "../../platform/policy";
import { likePattern, searchable } from "../../platform/text";
import { asText, optionalText, parseInput, trimmedText } from "../../platform/validation";
import { schoolsWithPeopleAccess } from "./actor";
import { PAGE_SIZE } from "./persons";
import "./policy";
import type { SchoolSubject } from "./policy";
import {
  coordinatorSchools,
  DEPENDENCIAS,
  type Dependencia,
  memberships,
  persons,
  SCHOOL_ROLES,
  schools,
} from "./schema";
import { COMUNAS, comunaBelongsToRegion, comunaName, findComuna, isRegion, regionName } from "./territory";

// ---------------------------------------------------------------------------------------------
// Reference data for forms and filters

/**
 * IVE bands used to filter and report schools. JUNAEB publishes no official cut-off for "alto IVE":
 * these thresholds are Impulso's convention, and the UI says so.
 * A school falls in the first band whose minimum its IVE reaches; schools without IVE are "sin_dato".
 */
export const IVE_BANDS = [
  { band: "muy_alto", min: 90 },
  { band: "alto", min: 80 },
  { band: "medio", min: 60 },
  { band: "bajo", min: 0 },
] as const;
export type IveBand = (typeof IVE_BANDS)[number]["band"] | "sin_dato";
export const IVE_BAND_NAMES: readonly IveBand[] = [...IVE_BANDS.map((b) => b.band), "sin_dato"];

export function iveBandOf(ive: number | null | undefined): IveBand {
  if (ive === null || ive === undefined) return "sin_dato";
  return IVE_BANDS.find((b) => ive >= b.min)?.band ?? "bajo";
}

/** Regions north to south, the order Chileans expect in a list (reference: chile.md §2.1). */
export const REGION_ORDER = [
  "15",
  "01",
  "02",
  "03",
  "04",
  "05",
  "13",
  "06",
  "07",
  "16",
  "08",
  "09",
  "14",
  "10",
  "11",
  "12",
];

/** The oldest IVE year accepted; the newest is next year (JUNAEB publishes ahead of the school year). */
export const IVE_FIRST_YEAR = 2000;
const lastIveYear = () => new Date().getFullYear() + 1;

export interface SchoolFormOptions {
  /** north to south, each with its comunas in alphabetical order: [code, name] */
  regions: Array<{ code: string; name: string; comunas: Array<[string, string]> }>;
  dependencias: readonly Dependencia[];
  iveBands: ReadonlyArray<{ band: IveBand; min: number | null; max: number | null }>;
  iveYears: { first: number; last: number };
}

let cachedRegions: SchoolFormOptions["regions"] | undefined;

/** Regions, comunas, dependencias and IVE bands, for the school form and the list's filters. */
export function schoolFormOptions(): SchoolFormOptions {
  cachedRegions ??= REGION_ORDER.map((code) => ({
    code,
    name: regionName(code),
    comunas: COMUNAS.filter((c) => c.regionCode === code)
      .map((c): [string, string] => [c.code, c.name])
      .sort((a, b) => a[1].localeCompare(b[1], "es")),
  }));
  return {
    regions: cachedRegions,
    dependencias: DEPENDENCIAS,
    // min inclusive, max exclusive; null = open
    iveBands: [
      ...IVE_BANDS.map((b, i) => ({
        band: b.band,
        min: b.band === "bajo" ? null : b.min,
        max: i === 0 ? null : IVE_BANDS[i - 1].min,
      })),
      { band: "sin_dato" as const, min: null, max: null },
    ],
    iveYears: { first: IVE_FIRST_YEAR, last: lastIveYear() },
  };
}

// ---------------------------------------------------------------------------------------------
// Validation: messages are catalogue keys. Every field reports its own problem, and the checks that
// involve two fields (comuna in region, IVE and its year) run even when another field is wrong, so
// that the user sees every problem at once.

const text = trimmedText;
/** an optional text stored as null when empty */
const nullableText = (max: number, tooLong: string) => optionalText(max, tooLong).transform((v) => v || null);
const refuse = (ctx: z.RefinementCtx, message: string) => {
  ctx.addIssue({ code: "custom", message, continue: true });
  return null;
};

const RBD_PATTERN = /^(\d{1,2}\.\d{3}|\d{1,5})(?:\s*-\s*([0-9K]))?$/;

const schoolInput = z
  .object({
    name: text().pipe(z.string().min(1, "errors.required").max(200, "schools.errors.name_too_long")),
    /** "24517", "24.517" or "24517-5" (then the check digit comes with it) */
    rbd: text().transform((v, ctx) => {
      if (!v) return refuse(ctx, "schools.errors.rbd_required");
      const match = RBD_PATTERN.exec(v.toUpperCase());
      const value = match ? Number(match[1].replace(".", "")) : 0;
      if (!match || value < 1) return refuse(ctx, "schools.errors.rbd_invalid");
      return { value, checkDigit: match[2] ?? null };
    }),
    rbdCheckDigit: text().transform((v, ctx) => {
      if (!v) return null;
      const digit = v.toUpperCase();
      return /^[0-9K]$/.test(digit) ? digit : refuse(ctx, "schools.errors.rbd_check_digit_invalid");
    }),
    regionCode: text().transform((v, ctx) => {
      if (!v) return refuse(ctx, "schools.errors.region_required");
      const code = /^\d$/.test(v) ? `0${v}` : v;
      return isRegion(code) ? code : refuse(ctx, "schools.errors.region_unknown");
    }),
    /** a CUT code ("13101", or unpadded "1101"), or a comuna's name */
    comunaCode: text().transform((v, ctx) => {
      if (!v) return refuse(ctx, "schools.errors.comuna_required");
      return findComuna(v)?.code ?? refuse(ctx, "schools.errors.comuna_unknown");
    }),
    dependencia: text().transform((v, ctx) => {
      if (!v) return refuse(ctx, "schools.errors.dependencia_required");
      return (DEPENDENCIAS as readonly string[]).includes(v)
        ? (v as Dependencia)
        : refuse(ctx, "errors.invalid_choice");
    }),
    sostenedor: nullableText(200, "schools.errors.sostenedor_too_long"),
    /** a percentage with at most one decimal; "92,4", "92.4" and "92,4 %" are the same */
    ive: text().transform((v, ctx) => {
      const cleaned = v.replace(/\s*%$/, "").trim();
      if (!cleaned) return null;
      if (/^-\s*\d/.test(cleaned)) return refuse(ctx, "schools.errors.ive_range");
      const match = /^(\d{1,3})(?:[.,](\d+))?$/.exec(cleaned);
      if (!match) return refuse(ctx, "schools.errors.ive_invalid");
      if ((match[2] ?? "").length > 1) return refuse(ctx, "schools.errors.ive_decimals");
      const value = Number(`${match[1]}.${match[2] ?? "0"}`);
      return value > 100 ? refuse(ctx, "schools.errors.ive_range") : value;
    }),
    iveYear: text().transform((v, ctx) => {
      if (!v) return null;
      const year = /^\d{4}$/.test(v) ? Number(v) : Number.NaN;
      return year >= IVE_FIRST_YEAR && year <= lastIveYear()
        ? year
        : refuse(ctx, "schools.errors.ive_year_range");
    }),
    address: nullableText(300, "schools.errors.address_too_long"),
  })
  .check((ctx) => {
    const failed = new Set(ctx.issues.map((i) => String(i.path?.[0])));
    const v = ctx.value;
    const issue = (field: string, message: string) =>
      ctx.issues.push({
        code: "custom",
        path: [field],
        message,
        input: v[field as keyof typeof v],
        continue: true,
      });
    if (v.regionCode && v.comunaCode && !comunaBelongsToRegion(v.comunaCode, v.regionCode)) {
      issue("comunaCode", "schools.errors.comuna_not_in_region");
    }
    if (v.rbd?.checkDigit && v.rbdCheckDigit && v.rbd.checkDigit !== v.rbdCheckDigit) {
      issue("rbdCheckDigit", "schools.errors.rbd_check_digit_mismatch");
    }
    if (v.dependencia === "particular_pagado") {
      // JUNAEB computes the IVE only for subsidised schools.
      if (v.ive !== null) issue("ive", "schools.errors.ive_not_applicable");
      else if (v.iveYear !== null) issue("iveYear", "schools.errors.ive_not_applicable");
      return;
    }
    if (v.ive !== null && v.iveYear === null && !failed.has("iveYear"))
      issue("iveYear", "schools.errors.ive_year_required");
    if (v.iveYear !== null && v.ive === null && !failed.has("ive"))
      issue("ive", "schools.errors.ive_required_with_year");
  });

/** The columns a valid input sets. */
function schoolValues(input: unknown) {
  const data = parseInput(schoolInput, input);
  // parseInput refuses any input with an issue, so the required fields are present here.
  const rbd = data.rbd as { value: number; checkDigit: string | null };
  return {
    name: data.name,
    rbd: rbd.value,
    rbdCheckDigit: data.rbdCheckDigit ?? rbd.checkDigit,
    regionCode: data.regionCode as string,
    comunaCode: data.comunaCode as string,
    dependencia: data.dependencia as Dependencia,
    sostenedor: data.sostenedor,
    ive: data.ive,
    iveYear: data.iveYear,
    address: data.address,
    searchText: searchable(data.name, String(rbd.value)),
  };
}
export type SchoolValues = ReturnType<typeof schoolValues>;

/** RBD unique per organization: the message names the field. Checked first, and the unique index is the backstop. */
async function assertRbdFree(tx: DbOrTx, organizationId: string, rbd: number, exceptSchoolId?: string) {
  const [clash] = await tx
    .select({ id: schools.id })
    .from(schools)
    .where(
      and(
        eq(schools.organizationId, organizationId),
        eq(schools.rbd, rbd),
        exceptSchoolId ? ne(schools.id, exceptSchoolId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw new ValidationError({ rbd: "schools.errors.rbd_taken" });
}

function isRbdUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string; message?: string };
    if (
      pg.code === "23505" &&
      (pg.constraint === "schools_org_rbd_uq" || pg.message?.includes("schools_org_rbd_uq"))
    )
      return true;
  }
  return false;
}

async function withRbdBackstop<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isRbdUniqueViolation(error)) throw new ValidationError({ rbd: "schools.errors.rbd_taken" });
    throw error;
  }
}

/** The facts the policy needs about a school; null when the id names no school. */
async function schoolSubject(
  tenant: TenantSubject,
  schoolId: string,
  tx: DbOrTx = db(),
): Promise<SchoolSubject | null> {
  if (!isUuid(schoolId)) return null;
  const [row] = await tx
    .select({ organizationId: schools.organizationId })
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.organizationId, tenant.organizationId)));
  return row ? { organizationId: row.organizationId, schoolId } : null;
}

/** Loads the subject and checks the rule; a stranger gets NotFoundError whether or not the school exists. */
async function authorizedSchool(
  actor: Actor,
  action: Action<"school">,
  schoolId: string,
): Promise<SchoolSubject> {
  const subject = await schoolSubject(actor, schoolId);
  if (!subject) throw new NotFoundError();
  authorize(actor, action, "school", subject);
  return subject;
}

// ---------------------------------------------------------------------------------------------
// Use cases

export interface SchoolFilters {
  q?: string;
  regionCode?: string;
  comunaCode?: string;
  dependencia?: string;
  iveBand?: string;
  page?: number;
}

/** Words of a search; an RBD typed as "24.517-5" is searched as 24517. */
function searchTerms(q: string | undefined): string[] {
  const cleaned = (q ?? "")
    .slice(0, 100)
    .replace(/(\d)\.(\d{3})/g, "$1$2")
    .replace(/\b(\d{1,5})\s*-\s*[0-9kK]\b/g, "$1");
  return searchable(cleaned).split(" ").filter(Boolean).slice(0, 8);
}

function iveBandCondition(band: IveBand): SQL | undefined {
  if (band === "sin_dato") return isNull(schools.ive);
  const i = IVE_BANDS.findIndex((b) => b.band === band);
  const upper = i > 0 ? lt(schools.ive, IVE_BANDS[i - 1].min) : undefined;
  return and(isNotNull(schools.ive), band === "bajo" ? undefined : gte(schools.ive, IVE_BANDS[i].min), upper);
}

/**
 * The schools the actor may see, searched, filtered and paged, with their number of teachers.
 * Staff see every school of their organization; anyone else only the schools where they hold a role
 * (the same scope as the "read school" rule in policy.ts).
 */
export async function listSchools(actor: Actor, filters: SchoolFilters = {}) {
  authorize(actor, "list", "school", { organizationId: actor.organizationId });
  const applied: {
    q: string;
    regionCode: string;
    comunaCode: string;
    dependencia: Dependencia | "";
    iveBand: IveBand | "";
  } = {
    q: (filters.q ?? "").trim().slice(0, 100),
    regionCode: filters.regionCode && isRegion(filters.regionCode) ? filters.regionCode : "",
    comunaCode: filters.comunaCode && comunaName(filters.comunaCode) ? filters.comunaCode : "",
    dependencia: (DEPENDENCIAS as readonly string[]).includes(filters.dependencia ?? "")
      ? (filters.dependencia as Dependencia)
      : "",
    iveBand: IVE_BAND_NAMES.includes(filters.iveBand as IveBand) ? (filters.iveBand as IveBand) : "",
  };
  const conditions: Array<SQL | undefined> = [eq(schools.organizationId, actor.organizationId)];
  if (!isStaff(actor)) {
    const own = [...actor.schoolRoles.keys()];
    conditions.push(own.length ? inArray(schools.id, own) : sql`false`);
  }
  const visible = and(...conditions);
  for (const term of searchTerms(applied.q)) conditions.push(like(schools.searchText, likePattern(term)));
  if (applied.regionCode) conditions.push(eq(schools.regionCode, applied.regionCode));
  if (applied.comunaCode) conditions.push(eq(schools.comunaCode, applied.comunaCode));
  if (applied.dependencia) conditions.push(eq(schools.dependencia, applied.dependencia));
  if (applied.iveBand) conditions.push(iveBandCondition(applied.iveBand));
  const where = and(...conditions);
  const page = Math.max(1, Math.min(10_000, Math.floor(filters.page ?? 1) || 1));
  const [rows, [{ total }], places] = await Promise.all([
    db()
      .select({
        id: schools.id,
        name: schools.name,
        rbd: schools.rbd,
        rbdCheckDigit: schools.rbdCheckDigit,
        regionCode: schools.regionCode,
        comunaCode: schools.comunaCode,
        dependencia: schools.dependencia,
        ive: schools.ive,
        iveYear: schools.iveYear,
      })
      .from(schools)
      .where(where)
      .orderBy(asc(schools.name), asc(schools.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db().select({ total: count() }).from(schools).where(where),
    // The filter offers only the regions and comunas where the actor has schools.
    db().selectDistinct({ comunaCode: schools.comunaCode }).from(schools).where(visible),
  ]);
  const teacherCounts = rows.length
    ? await db()
        .select({ schoolId: memberships.schoolId, n: count() })
        .from(memberships)
        .where(
          and(
            inArray(
              memberships.schoolId,
              rows.map((r) => r.id),
            ),
            eq(memberships.role, "teacher"),
          ),
        )
        .groupBy(memberships.schoolId)
    : [];
  const teachersOf = new Map(teacherCounts.map((c) => [c.schoolId, c.n]));
  return {
    schools: rows.map((r) => ({
      ...r,
      regionName: regionName(r.regionCode),
      comunaName: comunaName(r.comunaCode),
      iveBand: iveBandOf(r.ive),
      teacherCount: teachersOf.get(r.id) ?? 0,
      advisedByMe: isCoordinator(actor) && actor.advisedSchoolIds.has(r.id),
    })),
    filters: applied,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    /** the comunas of the schools the actor sees, for the filter */
    comunasInUse: places.map((p) => p.comunaCode),
    /** false: the actor sees only the schools where they hold a role */
    seesAll: isStaff(actor),
    canCreate: can(actor, "create", "school", { organizationId: actor.organizationId }),
  };
}

/** A school's page: its facts, how many people it has per role, who advises it, and what the actor may do. */
export async function getSchool(actor: Actor, schoolId: string) {
  const subject = await authorizedSchool(actor, "read", schoolId);
  const [school] = await db()
    .select({
      id: schools.id,
      name: schools.name,
      rbd: schools.rbd,
      rbdCheckDigit: schools.rbdCheckDigit,
      regionCode: schools.regionCode,
      comunaCode: schools.comunaCode,
      dependencia: schools.dependencia,
      sostenedor: schools.sostenedor,
      ive: schools.ive,
      iveYear: schools.iveYear,
      address: schools.address,
      updatedAt: schools.updatedAt,
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new NotFoundError();
  const canAssignCoordinators = can(actor, "assign_coordinators", "school", subject);
  const [roleCounts, coordinators, assignable] = await Promise.all([
    db()
      .select({ role: memberships.role, n: count() })
      .from(memberships)
      .where(eq(memberships.schoolId, schoolId))
      .groupBy(memberships.role),
    advisingCoordinators(subject),
    canAssignCoordinators ? coordinatorsNotAdvising(subject) : Promise.resolve([]),
  ]);
  const scope = schoolsWithPeopleAccess(actor);
  return {
    school: {
      ...school,
      regionName: regionName(school.regionCode),
      comunaName: comunaName(school.comunaCode),
      dependenciaLabel: `dependencia.${school.dependencia}` as const,
      iveBand: iveBandOf(school.ive),
    },
    peopleByRole: SCHOOL_ROLES.map((role) => ({
      role,
      count: roleCounts.find((c) => c.role === role)?.n ?? 0,
    })),
    coordinators: coordinators.map((c) => ({
      ...c,
      canOpen: can(actor, "read", "person", {
        organizationId: subject.organizationId,
        personId: c.id,
        schoolIds: [],
        isStaff: true,
        status: "active",
      }),
    })),
    assignableCoordinators: assignable,
    canEdit: can(actor, "update", "school", subject),
    canManagePeople: can(actor, "manage_people", "school", subject),
    canAssignCoordinators,
    /** the people list (/personas) shows this school's people to the actor */
    canListPeople:
      can(actor, "list", "person", { organizationId: subject.organizationId }) &&
      (scope === null || scope.includes(schoolId)),
  };
}

/** Coordinators (current ones: still holding the role) who advise the school. */
function advisingCoordinators(subject: SchoolSubject) {
  return db()
    .select({ id: persons.id, givenNames: persons.givenNames, familyNames: persons.familyNames })
    .from(coordinatorSchools)
    .innerJoin(persons, eq(persons.id, coordinatorSchools.personId))
    .where(
      and(
        eq(coordinatorSchools.schoolId, subject.schoolId),
        eq(coordinatorSchools.organizationId, subject.organizationId),
        sql`EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = ${persons.id} AND m.role = 'coordinator' AND m.school_id IS NULL)`,
      ),
    )
    .orderBy(asc(persons.familyNames), asc(persons.givenNames));
}

/** The organization's coordinators who could be assigned to the school (not disabled, not already there). */
function coordinatorsNotAdvising(subject: SchoolSubject) {
  return db()
    .select({ id: persons.id, givenNames: persons.givenNames, familyNames: persons.familyNames })
    .from(persons)
    .innerJoin(
      memberships,
      and(
        eq(memberships.personId, persons.id),
        eq(memberships.role, "coordinator"),
        isNull(memberships.schoolId),
      ),
    )
    .where(
      and(
        eq(persons.organizationId, subject.organizationId),
        ne(persons.status, "disabled"),
        sql`NOT EXISTS (SELECT 1 FROM coordinator_schools cs WHERE cs.person_id = ${persons.id} AND cs.school_id = ${subject.schoolId})`,
      ),
    )
    .orderBy(asc(persons.familyNames), asc(persons.givenNames));
}

/**
 * What the create or edit form needs: the options, and the school's current values when editing.
 * Refused (NotFoundError) when the actor may not create, or may not edit that school.
 */
export async function prepareSchoolForm(actor: Actor, schoolId?: string) {
  if (schoolId === undefined) {
    authorize(actor, "create", "school", { organizationId: actor.organizationId });
    return { school: null, options: schoolFormOptions() };
  }
  await authorizedSchool(actor, "update", schoolId);
  const [school] = await db()
    .select({
      id: schools.id,
      name: schools.name,
      rbd: schools.rbd,
      rbdCheckDigit: schools.rbdCheckDigit,
      regionCode: schools.regionCode,
      comunaCode: schools.comunaCode,
      dependencia: schools.dependencia,
      sostenedor: schools.sostenedor,
      ive: schools.ive,
      iveYear: schools.iveYear,
      address: schools.address,
    })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new NotFoundError();
  return { school, options: schoolFormOptions() };
}

/**
 * Adds a school to the actor's organization. A coordinator who creates it is assigned to advise it,
 * so that it can import its roster and invite its people next.
 */
export async function createSchool(actor: Actor, input: unknown): Promise<{ id: string; advising: boolean }> {
  authorize(actor, "create", "school", { organizationId: actor.organizationId });
  const values = schoolValues(input);
  const id = newId();
  const advising = isCoordinator(actor);
  await withRbdBackstop(() =>
    db().transaction(async (tx) => {
      await assertRbdFree(tx, actor.organizationId, values.rbd);
      await tx.insert(schools).values({ id, organizationId: actor.organizationId, ...values });
      await audit(
        actor,
        {
          action: "school.create",
          subjectType: "school",
          subjectId: id,
          details: { name: values.name, rbd: values.rbd },
        },
        tx,
      );
      if (advising) {
        await tx
          .insert(coordinatorSchools)
          .values({ organizationId: actor.organizationId, personId: actor.personId, schoolId: id });
        await audit(
          actor,
          {
            action: "school.coordinator_assign",
            subjectType: "school",
            subjectId: id,
            details: { coordinatorId: actor.personId, automatic: true },
          },
          tx,
        );
      }
    }),
  );
  return { id, advising };
}

const EDITABLE = [
  "name",
  "rbd",
  "rbdCheckDigit",
  "regionCode",
  "comunaCode",
  "dependencia",
  "sostenedor",
  "ive",
  "iveYear",
  "address",
] as const;

/** Changes a school's data (admins, and the coordinators who advise it). */
export async function updateSchool(actor: Actor, schoolId: string, input: unknown): Promise<void> {
  const subject = await authorizedSchool(actor, "update", schoolId);
  const values = schoolValues(input);
  await withRbdBackstop(() =>
    db().transaction(async (tx) => {
      await assertRbdFree(tx, subject.organizationId, values.rbd, schoolId);
      const [before] = await tx.select().from(schools).where(eq(schools.id, schoolId));
      if (!before) throw new NotFoundError();
      await tx
        .update(schools)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(schools.id, schoolId), eq(schools.organizationId, subject.organizationId)));
      const changed = EDITABLE.filter((k) => before[k] !== values[k]);
      await audit(
        actor,
        { action: "school.update", subjectType: "school", subjectId: schoolId, details: { changed } },
        tx,
      );
    }),
  );
}

const coordinatorInput = z.object({
  coordinatorId: z.preprocess(asText, z.string().trim().min(1, "schools.errors.coordinator_required")),
});

/** The id of a coordinator of the organization, or a ValidationError on the field. */
async function coordinatorOf(organizationId: string, coordinatorPersonId: unknown): Promise<string> {
  const { coordinatorId } = parseInput(coordinatorInput, { coordinatorId: coordinatorPersonId });
  const [found] = isUuid(coordinatorId)
    ? await db()
        .select({ id: persons.id })
        .from(persons)
        .innerJoin(
          memberships,
          and(
            eq(memberships.personId, persons.id),
            eq(memberships.role, "coordinator"),
            isNull(memberships.schoolId),
          ),
        )
        .where(and(eq(persons.id, coordinatorId), eq(persons.organizationId, organizationId)))
    : [];
  if (!found) throw new ValidationError({ coordinatorId: "schools.errors.not_a_coordinator" });
  return found.id;
}

/** Makes a coordinator advise the school (administrators only). Assigning twice changes nothing. */
export async function assignCoordinator(
  actor: Actor,
  schoolId: string,
  coordinatorPersonId: unknown,
): Promise<void> {
  const subject = await authorizedSchool(actor, "assign_coordinators", schoolId);
  const coordinatorId = await coordinatorOf(subject.organizationId, coordinatorPersonId);
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(coordinatorSchools)
      .values({ organizationId: subject.organizationId, personId: coordinatorId, schoolId })
      .onConflictDoNothing()
      .returning({ personId: coordinatorSchools.personId });
    if (inserted.length) {
      await audit(
        actor,
        {
          action: "school.coordinator_assign",
          subjectType: "school",
          subjectId: schoolId,
          details: { coordinatorId },
        },
        tx,
      );
    }
  });
}

/** Ends a coordinator's advice of the school (administrators only). Removing twice changes nothing. */
export async function unassignCoordinator(
  actor: Actor,
  schoolId: string,
  coordinatorPersonId: unknown,
): Promise<void> {
  const subject = await authorizedSchool(actor, "assign_coordinators", schoolId);
  const { coordinatorId } = parseInput(coordinatorInput, { coordinatorId: coordinatorPersonId });
  if (!isUuid(coordinatorId))
    throw new ValidationError({ coordinatorId: "schools.errors.not_a_coordinator" });
  await db().transaction(async (tx) => {
    const removed = await tx
      .delete(coordinatorSchools)
      .where(
        and(
          eq(coordinatorSchools.schoolId, schoolId),
          eq(coordinatorSchools.personId, coordinatorId),
          eq(coordinatorSchools.organizationId, subject.organizationId),
        ),
      )
      .returning({ personId: coordinatorSchools.personId });
    if (removed.length) {
      await audit(
        actor,
        {
          action: "school.coordinator_unassign",
          subjectType: "school",
          subjectId: schoolId,
          details: { coordinatorId },
        },
        tx,
      );
    }
  });
}
