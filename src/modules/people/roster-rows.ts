// Roster import, the rows: what each row of an uploaded roster says (reasons, roles, checks against
// the rows above it) and, given who already exists in the organization, what to do with it. Shared by
// the preview (roster-import.ts) and the job that writes the rows (roster-import-job.ts).
import { and, eq, sql } from "drizzle-orm";
import type { MessageKey } from "../../messages";
import { type DbOrTx, textArray } from "../../platform/db/client";
import { type Actor, can } from "../../platform/policy";
import { searchable } from "../../platform/text";
import { normalizeHeader, type ParsedRoster, type RosterField } from "./roster-parse";
import { normalizeRut } from "./rut";
import { type PersonStatus, persons, type RosterRow, type rosterImports } from "./schema";
import { emailField } from "./validation";

export const ROSTER_IMPORT_JOB = "people.roster_import";
/** Rows written per transaction: large enough to be fast, small enough to show progress. */
export const BATCH_SIZE = 500;
const MAX_NAME = 120;
const MAX_RAW = 200;

export type RosterImportStatus = (typeof rosterImports.$inferSelect)["status"];
export type RawRosterRow = Record<"givenNames" | "familyNames" | "email" | "rut" | "role" | "school", string>;
export interface RosterReason {
  /** a catalogue key, as written when the row was checked (encodeReason) */
  key: MessageKey;
  params: Record<string, string | number>;
}
export interface RejectedRosterRow {
  line: number;
  raw: RawRosterRow;
  reasons: RosterReason[];
}

// ── Reasons ──────────────────────────────────────────────────────────────────────────────────────
// The table keeps a reason as one string, "roster.reason.duplicate_email?line=4", so that it is
// stored as a catalogue key with its parameters and shown in the reader's language.

export function encodeReason(key: MessageKey, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return query ? `${key}?${query}` : key;
}

export function decodeReason(reason: string): RosterReason {
  const at = reason.indexOf("?");
  if (at < 0) return { key: reason as MessageKey, params: {} };
  return {
    key: reason.slice(0, at) as MessageKey,
    params: Object.fromEntries(new URLSearchParams(reason.slice(at + 1))),
  };
}

// ── Roles ────────────────────────────────────────────────────────────────────────────────────────

type SchoolRole = RosterRow["role"];
const TEACHER_WORDS = [
  "docente",
  "docentes",
  "docente de aula",
  "profesor",
  "profesora",
  "profesor a",
  "profesores",
  "profesor jefe",
  "profesora jefe",
  "educador",
  "educadora",
  "educador a",
  "educadora de parvulos",
  "educador diferencial",
  "educadora diferencial",
  "teacher",
  "professor",
  "professora",
];
const MENTOR_WORDS = ["mentor", "mentora", "mentor a", "mentores"];
/** Leadership words and the title they are stored with (null: no particular title). */
const LEADER_TITLES: Record<string, string | null> = {
  "equipo directivo": null,
  directivo: null,
  directiva: null,
  "directivo a": null,
  director: "Director",
  directora: "Directora",
  "director a": "Director/a",
  subdirector: "Subdirector",
  subdirectora: "Subdirectora",
  "subdirector a": "Subdirector/a",
  "jefe utp": "Jefe UTP",
  "jefa utp": "Jefa UTP",
  "jefe a utp": "Jefe/a UTP",
  utp: "Jefe/a UTP",
  "jefe de utp": "Jefe UTP",
  "jefa de utp": "Jefa UTP",
  "jefe tecnico": "Jefe técnico",
  "jefa tecnica": "Jefa técnica",
  "inspector general": "Inspector general",
  "inspectora general": "Inspectora general",
  orientador: "Orientador",
  orientadora: "Orientadora",
  "encargado de convivencia": "Encargado de convivencia",
  "encargada de convivencia": "Encargada de convivencia",
  "coordinador pie": "Coordinador PIE",
  "coordinadora pie": "Coordinadora PIE",
  leader: null,
};

export function roleFromText(text: string): { role: SchoolRole; title: string | null } | null {
  const word = normalizeHeader(text);
  if (!word || TEACHER_WORDS.includes(word)) return { role: "teacher", title: null };
  if (MENTOR_WORDS.includes(word)) return { role: "mentor", title: null };
  if (word in LEADER_TITLES) return { role: "leader", title: LEADER_TITLES[word] ?? null };
  return null;
}

// ── Checking the rows of a file ──────────────────────────────────────────────────────────────────

export interface SchoolFacts {
  id: string;
  organizationId: string;
  name: string;
  rbd: number;
}

export interface Checked {
  line: number;
  raw: RawRosterRow;
  /** the row to import, when nothing is wrong with it on its own */
  row: RosterRow | null;
  /** what to look up in the organization (also for a refused row whose email is readable) */
  probe: RosterRow | null;
  reasons: string[];
}

const clean = (value: string | undefined) => (value ?? "").replace(/\s+/g, " ").trim();
/** At most MAX_RAW characters, never half of one (a cut emoji would be a lone surrogate, which neither
 * encodeURIComponent nor PostgreSQL's jsonb accepts). */
const cut = (value: string) => {
  const chars = Array.from(value);
  return chars.length > MAX_RAW ? `${chars.slice(0, MAX_RAW).join("")}…` : value;
};

function rutOf(cells: Partial<Record<RosterField, string>>): string {
  const rut = clean(cells.rut);
  const dv = clean(cells.rutCheckDigit);
  // Mineduc-style files carry the body and the check digit in two columns.
  if (rut && dv && /^[\d.\s]+$/.test(rut)) return `${rut}-${dv}`;
  return rut;
}

/** Does a cell of the RBD/establecimiento column name this school? Empty means yes. */
function belongsToSchool(value: string, school: SchoolFacts): boolean {
  if (!value) return true;
  const rbd = /^(?:rbd\s*)?(\d{1,3}(?:\.\d{3})*|\d+)(?:\s*-\s*[\dk])?$/i.exec(value.trim());
  if (rbd) return Number(rbd[1].replace(/\./g, "")) === school.rbd;
  return searchable(value) === searchable(school.name);
}

/** Checks each row on its own and against the rows above it (duplicates). */
export function checkRows(parsed: ParsedRoster, school: SchoolFacts): Checked[] {
  const firstEmail = new Map<string, number>();
  const firstRut = new Map<string, number>();
  return parsed.rows.map(({ line, cells }) => {
    const familyNames =
      clean(cells.familyNames) || clean(`${cells.paternalName ?? ""} ${cells.maternalName ?? ""}`);
    const raw: RawRosterRow = {
      givenNames: cut(clean(cells.givenNames)),
      familyNames: cut(familyNames),
      email: cut(clean(cells.email)),
      rut: cut(rutOf(cells)),
      role: cut(clean(cells.role)),
      school: cut(clean(cells.school)),
    };
    const reasons: string[] = [];
    const givenNames = clean(cells.givenNames);
    if (!givenNames) reasons.push(encodeReason("roster.reason.given_names_missing"));
    if (!familyNames) reasons.push(encodeReason("roster.reason.family_names_missing"));
    if (givenNames.length > MAX_NAME || familyNames.length > MAX_NAME) {
      reasons.push(encodeReason("roster.reason.name_too_long", { max: MAX_NAME }));
    }

    let email: string | null = null;
    const emailText = raw.email.replace(/^mailto:/i, "").replace(/^<(.*)>$/, "$1");
    if (!emailText) reasons.push(encodeReason("roster.reason.email_missing"));
    else {
      const parsedEmail = emailField.safeParse(emailText);
      if (parsedEmail.success) email = parsedEmail.data;
      else reasons.push(encodeReason("roster.reason.email_invalid", { value: raw.email }));
    }

    let rut: string | null = null;
    if (raw.rut) {
      rut = normalizeRut(raw.rut);
      if (!rut) reasons.push(encodeReason("roster.reason.rut_invalid", { value: raw.rut }));
    }

    if (email) {
      const first = firstEmail.get(email);
      if (first !== undefined) reasons.push(encodeReason("roster.reason.duplicate_email", { line: first }));
      else firstEmail.set(email, line);
    }
    if (rut) {
      const first = firstRut.get(rut);
      if (first !== undefined) reasons.push(encodeReason("roster.reason.duplicate_rut", { line: first }));
      else firstRut.set(rut, line);
    }

    if (!belongsToSchool(raw.school, school)) {
      reasons.push(
        encodeReason("roster.reason.unknown_school", {
          value: raw.school,
          school: school.name,
          rbd: school.rbd,
        }),
      );
    }
    const role = roleFromText(raw.role);
    if (!role) reasons.push(encodeReason("roster.reason.unknown_role", { value: raw.role }));

    const row: RosterRow | null =
      email && role
        ? { line, givenNames, familyNames, email, rut, role: role.role, title: role.title }
        : null;
    // A row refused for another reason is still checked against the organization when its email
    // (and RUT) can be read, so that the report lists every problem at once.
    const probe =
      row ??
      (email && (rut || !raw.rut)
        ? { line, givenNames, familyNames, email, rut, role: "teacher" as const, title: null }
        : null);
    return { line, raw, row: reasons.length === 0 ? row : null, probe, reasons };
  });
}

// ── The organization's people ────────────────────────────────────────────────────────────────────

export interface Existing {
  id: string;
  email: string;
  rut: string | null;
  givenNames: string;
  familyNames: string;
  /** the schools where the person holds a role, and whether they hold an organization role */
  schoolIds: string[];
  isStaff: boolean;
  status: PersonStatus;
}

/** May the importer change this existing person (names, RUT, a role in the school)? The policy decides. */
export type MayEdit = (person: Existing) => boolean;

export function editableBy(actor: Actor | null, organizationId: string): MayEdit {
  return (person) =>
    actor !== null &&
    can(actor, "update", "person", {
      organizationId,
      personId: person.id,
      schoolIds: person.schoolIds,
      isStaff: person.isStaff,
      status: person.status,
    });
}

export async function findExisting(
  tx: DbOrTx,
  organizationId: string,
  rows: Array<{ email: string; rut: string | null }>,
) {
  const emails = rows.map((r) => r.email);
  const ruts = rows.flatMap((r) => (r.rut ? [r.rut] : []));
  const found = emails.length
    ? await tx
        .select({
          id: persons.id,
          email: persons.email,
          rut: persons.rut,
          givenNames: persons.givenNames,
          familyNames: persons.familyNames,
          status: persons.status,
          // "persons.id" written out: inside the subquery an unqualified "id" would be the membership's.
          schoolIds: sql<string[]>`coalesce((SELECT array_agg(m.school_id::text) FROM memberships m
            WHERE m.person_id = persons.id AND m.school_id IS NOT NULL), '{}')`,
          isStaff: sql<boolean>`EXISTS (SELECT 1 FROM memberships m
            WHERE m.person_id = persons.id AND m.school_id IS NULL)`,
        })
        .from(persons)
        .where(
          and(
            eq(persons.organizationId, organizationId),
            sql`(${persons.email} = ANY(${textArray(emails)}) OR ${persons.rut} = ANY(${textArray(ruts)}))`,
          ),
        )
    : [];
  const byEmail = new Map<string, Existing>();
  const byRut = new Map<string, Existing>();
  for (const p of found) {
    byEmail.set(p.email, p);
    if (p.rut) byRut.set(p.rut, p);
  }
  return { byEmail, byRut };
}

export type Plan =
  | { kind: "create"; row: RosterRow }
  | {
      kind: "existing";
      row: RosterRow;
      person: Existing;
      changes: { givenNames: string; familyNames: string; rut: string | null } | null;
    }
  | { kind: "reject"; row: RosterRow; reasons: string[] };

/**
 * What to do with a row, given who already exists: the person is found by email (or RUT); a row
 * whose email and RUT point at different people, or at a person with another RUT or email, is refused.
 * An existing person is changed only if the importer may edit them (people of the importer's schools;
 * organization staff only by an administrator): anyone else is added to a school through an
 * invitation, which tells them by email.
 */
export function planRow(
  row: RosterRow,
  byEmail: Map<string, Existing>,
  byRut: Map<string, Existing>,
  mayEdit: MayEdit,
): Plan {
  const owner = byEmail.get(row.email);
  const rutOwner = row.rut ? byRut.get(row.rut) : undefined;
  const reasons: string[] = [];
  if (owner?.rut && row.rut && owner.rut !== row.rut) reasons.push(encodeReason("roster.reason.email_taken"));
  if (rutOwner && rutOwner.email !== row.email) reasons.push(encodeReason("roster.reason.rut_taken"));
  if (reasons.length) return { kind: "reject", row, reasons };
  if (!owner) return { kind: "create", row };
  if (!mayEdit(owner))
    return { kind: "reject", row, reasons: [encodeReason("roster.reason.person_elsewhere")] };
  const rut = owner.rut ?? row.rut;
  const changed =
    owner.givenNames !== row.givenNames || owner.familyNames !== row.familyNames || owner.rut !== rut;
  return {
    kind: "existing",
    row,
    person: owner,
    changes: changed ? { givenNames: row.givenNames, familyNames: row.familyNames, rut } : null,
  };
}
