// Roster import: a leader or coordinator uploads the teachers of a school as CSV or XLSX, sees a
// preview with every rejected row and its reason, confirms, and a background job imports the good
// rows in batches, reporting its progress. Importing the same file again changes nothing.
//
//   previewRosterImport  parse + validate + check against the organization → roster_imports "preview"
//   confirmRosterImport  "preview" (or "failed") → "queued", and a "people.roster_import" job
//   the job              "running": batches of BATCH_SIZE rows, each in one transaction that also
//                        advances processed_rows, so a retry after a crash resumes where it stopped
//                        → "done" (or "failed" after the last attempt), with one audit record.
//
// No invitation emails are sent: imported people stay "invited" without a password until a leader
// invites them one by one.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { MessageKey, Translate } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db, type Tx, textArray } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { csvFile } from "../../platform/export";
import { isUuid, newId } from "../../platform/ids";
import { enqueue, registerJob } from "../../platform/jobs/queue";
import { jobs } from "../../platform/jobs/schema";
import { log } from "../../platform/log";
import { type Actor, authorize, can } from "../../platform/policy";
import { searchable } from "../../platform/text";
import { loadActor } from "./actor";
import "./policy";
import { normalizeHeader, type ParsedRoster, parseRosterFile, type RosterField } from "./roster-parse";
import { normalizeRut } from "./rut";
import {
  memberships,
  type PersonStatus,
  persons,
  type RejectedRow,
  type RosterRow,
  rosterImports,
  schools,
} from "./schema";
import { emailField } from "./validation";

export const ROSTER_IMPORT_JOB = "people.roster_import";
/** Rows written per transaction: large enough to be fast, small enough to show progress. */
export const BATCH_SIZE = 500;
const JOB_ATTEMPTS = 3;
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

interface SchoolFacts {
  id: string;
  organizationId: string;
  name: string;
  rbd: number;
}

interface Checked {
  line: number;
  raw: RawRosterRow;
  /** the row to import, when nothing is wrong with it on its own */
  row: RosterRow | null;
  /** what to look up in the organization (also for a refused row whose email is readable) */
  probe: RosterRow | null;
  reasons: string[];
}

const clean = (value: string | undefined) => (value ?? "").replace(/\s+/g, " ").trim();
const cut = (value: string) => (value.length > MAX_RAW ? `${value.slice(0, MAX_RAW)}…` : value);

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

interface Existing {
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
type MayEdit = (person: Existing) => boolean;

function editableBy(actor: Actor | null, organizationId: string): MayEdit {
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

async function findExisting(
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

type Plan =
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
function planRow(
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

// ── Use cases ────────────────────────────────────────────────────────────────────────────────────

async function schoolFor(actor: Actor, schoolId: string): Promise<SchoolFacts> {
  if (!isUuid(schoolId)) throw new NotFoundError();
  const [school] = await db()
    .select({ id: schools.id, organizationId: schools.organizationId, name: schools.name, rbd: schools.rbd })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new NotFoundError();
  authorize(actor, "manage_people", "school", { organizationId: school.organizationId, schoolId: school.id });
  return school;
}

async function importFor(actor: Actor, importId: string) {
  if (!isUuid(importId)) throw new NotFoundError();
  const [found] = await db()
    .select({
      id: rosterImports.id,
      organizationId: rosterImports.organizationId,
      schoolId: rosterImports.schoolId,
      status: rosterImports.status,
    })
    .from(rosterImports)
    .where(eq(rosterImports.id, importId));
  if (!found) throw new NotFoundError();
  authorize(actor, "manage_people", "school", {
    organizationId: found.organizationId,
    schoolId: found.schoolId,
  });
  return found;
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const safe = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return safe || "nomina";
}

/** The school the upload page is about (with its RBD, for the expected columns) and its imports. */
export async function listRosterImports(actor: Actor, schoolId: string) {
  const school = await schoolFor(actor, schoolId);
  const imports = await db()
    .select({
      id: rosterImports.id,
      fileName: rosterImports.fileName,
      status: rosterImports.status,
      totalRows: rosterImports.totalRows,
      createdCount: rosterImports.createdCount,
      updatedCount: rosterImports.updatedCount,
      unchangedCount: rosterImports.unchangedCount,
      rejectedCount: sql<number>`jsonb_array_length(${rosterImports.rejectedRows})`.mapWith(Number),
      createdAt: rosterImports.createdAt,
      createdByName: sql<
        string | null
      >`(SELECT p.given_names || ' ' || p.family_names FROM persons p WHERE p.id = ${rosterImports.createdBy})`,
    })
    .from(rosterImports)
    .where(eq(rosterImports.schoolId, school.id))
    .orderBy(desc(rosterImports.createdAt))
    .limit(20);
  return { school: { id: school.id, name: school.name, rbd: school.rbd }, imports };
}

/**
 * Reads and checks an uploaded roster and keeps it as a preview. File-level problems (type, size,
 * missing columns) are refused with a DomainError on the "file" field; row problems are reported.
 */
export async function previewRosterImport(
  actor: Actor,
  schoolId: string,
  file: { fileName: string; bytes: Uint8Array },
): Promise<string> {
  const school = await schoolFor(actor, schoolId);
  const parsed = await parseRosterFile(file);
  const checked = checkRows(parsed, school);

  const readable = checked.flatMap((c) => (c.probe ? [c.probe] : []));
  const { byEmail, byRut } = await findExisting(db(), school.organizationId, readable);
  const mayEdit = editableBy(actor, school.organizationId);
  const valid: RosterRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const c of checked) {
    const plan = c.probe ? planRow(c.probe, byEmail, byRut, mayEdit) : null;
    const reasons = [...c.reasons, ...(plan?.kind === "reject" ? plan.reasons : [])];
    if (reasons.length === 0 && c.row) valid.push(c.row);
    else rejected.push({ line: c.line, raw: c.raw, reasons });
  }

  const id = newId();
  // In a transaction (one statement) so that an idempotency key claims it: a file sent twice makes one
  // preview (src/platform/requests).
  await db().transaction((tx) =>
    tx.insert(rosterImports).values({
      id,
      organizationId: school.organizationId,
      schoolId: school.id,
      createdBy: actor.personId,
      fileName: cleanFileName(file.fileName),
      status: "preview",
      totalRows: checked.length,
      validRows: valid,
      rejectedRows: rejected,
    }),
  );
  return id;
}

/** Confirms a preview (or retries a failed import): the job does the work. Twice is the same as once. */
export async function confirmRosterImport(actor: Actor, importId: string): Promise<void> {
  const found = await importFor(actor, importId);
  if (found.status === "queued" || found.status === "running" || found.status === "done") return;
  if (found.status === "cancelled") throw new DomainError("roster.errors.cancelled");
  await db().transaction(async (tx) => {
    const [row] = await tx
      .update(rosterImports)
      .set({ status: "queued", finishedAt: null })
      .where(and(eq(rosterImports.id, importId), inArray(rosterImports.status, ["preview", "failed"])))
      .returning({ valid: sql<number>`jsonb_array_length(${rosterImports.validRows})`.mapWith(Number) });
    if (!row) return;
    if (row.valid === 0) throw new DomainError("roster.errors.nothing_to_import");
    await enqueue(ROSTER_IMPORT_JOB, { importId }, tx, { maxAttempts: JOB_ATTEMPTS });
  });
}

/** Drops a preview; the rows it kept (personal data) are deleted. Returns the school's id. */
export async function cancelRosterImport(actor: Actor, importId: string): Promise<string> {
  const found = await importFor(actor, importId);
  if (found.status !== "preview" && found.status !== "cancelled")
    throw new DomainError("roster.errors.not_cancellable");
  await db()
    .update(rosterImports)
    .set({ status: "cancelled", validRows: [], rejectedRows: [], finishedAt: new Date() })
    .where(and(eq(rosterImports.id, importId), eq(rosterImports.status, "preview")));
  return found.schoolId;
}

const PREVIEW_ROWS = 20;
export const REJECTED_ON_PAGE = 500;

/** An import's state for its page: counts, progress, a sample of the valid rows, the rejected ones. */
export async function getRosterImport(
  actor: Actor,
  importId: string,
  options: { rejectedLimit?: number } = {},
) {
  const found = await importFor(actor, importId);
  const limit = options.rejectedLimit ?? REJECTED_ON_PAGE;
  const [row] = await db()
    .select({
      id: rosterImports.id,
      schoolId: rosterImports.schoolId,
      schoolName: schools.name,
      fileName: rosterImports.fileName,
      status: rosterImports.status,
      totalRows: rosterImports.totalRows,
      processedRows: rosterImports.processedRows,
      createdCount: rosterImports.createdCount,
      updatedCount: rosterImports.updatedCount,
      unchangedCount: rosterImports.unchangedCount,
      createdAt: rosterImports.createdAt,
      finishedAt: rosterImports.finishedAt,
      validCount: sql<number>`jsonb_array_length(${rosterImports.validRows})`.mapWith(Number),
      rejectedCount: sql<number>`jsonb_array_length(${rosterImports.rejectedRows})`.mapWith(Number),
      sample: sql<
        RosterRow[]
      >`jsonb_path_query_array(${rosterImports.validRows}, ${`$[0 to ${PREVIEW_ROWS - 1}]`}::jsonpath)`,
      rejected: sql<
        RejectedRow[]
      >`jsonb_path_query_array(${rosterImports.rejectedRows}, ${`$[0 to ${Math.max(0, limit - 1)}]`}::jsonpath)`,
    })
    .from(rosterImports)
    .innerJoin(schools, eq(schools.id, rosterImports.schoolId))
    .where(eq(rosterImports.id, found.id));
  if (!row) throw new NotFoundError();
  return {
    ...row,
    rejected: sortRejected(limit === 0 ? [] : row.rejected).map(decodeRejected),
    sample: row.status === "preview" ? row.sample : [],
  };
}

const sortRejected = (rows: RejectedRow[]) => [...rows].sort((a, b) => a.line - b.line);
const decodeRejected = (r: RejectedRow): RejectedRosterRow => ({
  line: r.line,
  raw: r.raw as RawRosterRow,
  reasons: r.reasons.map(decodeReason),
});

/** The rejected rows of an import as a CSV to fix and upload again, with a column of reasons. */
export async function rejectedRowsCsv(actor: Actor, importId: string, t: Translate) {
  const found = await importFor(actor, importId);
  const [row] = await db()
    .select({ fileName: rosterImports.fileName, rejected: rosterImports.rejectedRows })
    .from(rosterImports)
    .where(eq(rosterImports.id, found.id));
  if (!row) throw new NotFoundError();
  const lines = sortRejected(row.rejected).map((r) => {
    const raw = r.raw as RawRosterRow;
    const reasons = r.reasons.map(decodeReason).map((reason) => t(reason.key, reason.params));
    return [
      raw.givenNames,
      raw.familyNames,
      raw.email,
      raw.rut,
      raw.role,
      raw.school,
      String(r.line),
      reasons.join(" "),
    ].map((v) => v ?? "");
  });
  const header = [
    "nombres",
    "apellidos",
    "correo",
    "rut",
    "rol",
    "rbd",
    t("roster.csv.line"),
    t("roster.csv.reasons"),
  ];
  const base = row.fileName.replace(/\.[^.]+$/, "");
  return { fileName: `${base}-rechazadas.csv`, content: csvFile([header, ...lines]) };
}

/** An example roster for the upload page, with this school's RBD and valid example RUTs. */
export async function exampleRosterCsv(actor: Actor, schoolId: string) {
  const school = await schoolFor(actor, schoolId);
  const rbd = String(school.rbd);
  return csvFile([
    ["nombres", "apellidos", "correo", "rut", "rol", "rbd"],
    ["Ana María", "Muñoz Pérez", "ana.munoz@ejemplo.cl", "12.345.678-5", "docente", rbd],
    ["José", "Núñez Soto", "jose.nunez@ejemplo.cl", "15.509.661-6", "jefe utp", rbd],
    ["Camila", "Rojas Araya", "camila.rojas@ejemplo.cl", "12.678.579-8", "docente", rbd],
    ["Pedro", "González Díaz", "pedro.gonzalez@ejemplo.cl", "", "mentor", rbd],
  ]);
}

// ── The job ──────────────────────────────────────────────────────────────────────────────────────

interface Running {
  id: string;
  organizationId: string;
  schoolId: string;
  createdBy: string;
  fileName: string;
  totalRows: number;
}

/** Imports the next batch of rows in one transaction; false when none was left. */
async function importBatch(job: Running, valid: RosterRow[], mayEdit: MayEdit): Promise<boolean> {
  return db().transaction(async (tx) => {
    // One import at a time per organization writes people, so that two files with the same person
    // never race; the import row itself is locked so that a batch is never done twice.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`roster:${job.organizationId}`}))`);
    const [state] = await tx
      .select({ status: rosterImports.status, processed: rosterImports.processedRows })
      .from(rosterImports)
      .where(eq(rosterImports.id, job.id))
      .for("update");
    if (!state || state.status !== "running" || state.processed >= valid.length) return false;
    const rows = valid.slice(state.processed, state.processed + BATCH_SIZE);
    const outcome = await writeRows(tx, job, rows, mayEdit);
    await tx
      .update(rosterImports)
      .set({
        processedRows: sql`${rosterImports.processedRows} + ${rows.length}`,
        createdCount: sql`${rosterImports.createdCount} + ${outcome.created}`,
        updatedCount: sql`${rosterImports.updatedCount} + ${outcome.updated}`,
        unchangedCount: sql`${rosterImports.unchangedCount} + ${outcome.unchanged}`,
        ...(outcome.rejected.length
          ? { rejectedRows: sql`${rosterImports.rejectedRows} || ${JSON.stringify(outcome.rejected)}::jsonb` }
          : {}),
      })
      .where(eq(rosterImports.id, job.id));
    return state.processed + rows.length < valid.length;
  });
}

/** The set-based heart: one lookup, one insert of people, one update, one insert of roles per batch. */
async function writeRows(tx: Tx, job: Running, rows: RosterRow[], mayEdit: MayEdit) {
  let { byEmail, byRut } = await findExisting(tx, job.organizationId, rows);
  let plans = rows.map((row) => planRow(row, byEmail, byRut, mayEdit));

  const toCreate = plans.filter((p) => p.kind === "create");
  const createdIds = new Map<string, string>();
  if (toCreate.length) {
    const inserted = await tx
      .insert(persons)
      .values(
        toCreate.map(({ row }) => ({
          id: newId(),
          organizationId: job.organizationId,
          givenNames: row.givenNames,
          familyNames: row.familyNames,
          email: row.email,
          rut: row.rut,
          status: "invited" as const,
          searchText: searchable(row.givenNames, row.familyNames, row.email, row.rut),
        })),
      )
      .onConflictDoNothing()
      .returning({ id: persons.id, email: persons.email });
    for (const p of inserted) createdIds.set(p.email, p.id);
    // Someone else (an invitation) created one of these people meanwhile: plan those rows again.
    const raced = toCreate.filter(({ row }) => !createdIds.has(row.email)).map((p) => p.row);
    if (raced.length) {
      ({ byEmail, byRut } = await findExisting(tx, job.organizationId, raced));
      const again = new Map(raced.map((row) => [row.line, planRow(row, byEmail, byRut, mayEdit)]));
      plans = plans.map((p) => {
        const replan = again.get(p.row.line);
        if (!replan) return p;
        if (replan.kind === "create")
          return { kind: "reject", row: p.row, reasons: [encodeReason("roster.reason.conflict")] };
        return replan;
      });
    }
  }

  const changed = plans.flatMap((p) =>
    p.kind === "existing" && p.changes ? [{ person: p.person, ...p.changes }] : [],
  );
  if (changed.length) {
    const values = changed.map((c) => ({
      id: c.person.id,
      given_names: c.givenNames,
      family_names: c.familyNames,
      rut: c.rut,
      search_text: searchable(c.givenNames, c.familyNames, c.person.email, c.rut),
    }));
    await tx.execute(sql`
      UPDATE persons SET given_names = v.given_names, family_names = v.family_names, rut = v.rut,
        search_text = v.search_text, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
        AS v(id uuid, given_names text, family_names text, rut text, search_text text)
      WHERE persons.id = v.id AND persons.organization_id = ${job.organizationId}`);
  }

  const members = plans.flatMap((p) =>
    p.kind === "create"
      ? [{ personId: createdIds.get(p.row.email) as string, row: p.row }]
      : p.kind === "existing"
        ? [{ personId: p.person.id, row: p.row }]
        : [],
  );
  const touched = new Set<string>();
  if (members.length) {
    const result = await tx
      .insert(memberships)
      .values(
        members.map(({ personId, row }) => ({
          id: newId(),
          organizationId: job.organizationId,
          personId,
          schoolId: job.schoolId,
          role: row.role,
          title: row.title,
        })),
      )
      .onConflictDoUpdate({
        target: [memberships.personId, memberships.schoolId, memberships.role],
        targetWhere: sql`${memberships.schoolId} IS NOT NULL`,
        set: { title: sql`excluded.title` },
        setWhere: sql`excluded.title IS NOT NULL AND ${memberships.title} IS DISTINCT FROM excluded.title`,
      })
      .returning({ personId: memberships.personId });
    for (const m of result) touched.add(m.personId);
  }

  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const rejected: RejectedRow[] = [];
  for (const p of plans) {
    if (p.kind === "create") created++;
    else if (p.kind === "existing") {
      if (p.changes || touched.has(p.person.id)) updated++;
      else unchanged++;
    } else rejected.push({ line: p.row.line, raw: rawOf(p.row), reasons: p.reasons });
  }
  return { created, updated, unchanged, rejected };
}

function rawOf(row: RosterRow): RawRosterRow {
  return {
    givenNames: row.givenNames,
    familyNames: row.familyNames,
    email: row.email,
    rut: row.rut ?? "",
    role: row.title ?? row.role,
    school: "",
  };
}

/**
 * Runs (or resumes) an import. Each batch commits with the progress it made, so that running this
 * again after a crash continues where it stopped. `maxBatches` lets a test stop it half-way.
 */
export async function runRosterImport(
  importId: string,
  options: { maxBatches?: number } = {},
): Promise<void> {
  const [job] = await db()
    .update(rosterImports)
    .set({ status: "running" })
    .where(and(eq(rosterImports.id, importId), inArray(rosterImports.status, ["queued", "running"])))
    .returning({
      id: rosterImports.id,
      organizationId: rosterImports.organizationId,
      schoolId: rosterImports.schoolId,
      createdBy: rosterImports.createdBy,
      fileName: rosterImports.fileName,
      totalRows: rosterImports.totalRows,
    });
  if (!job) return; // done, cancelled or gone: nothing to do
  // Existing people are changed on the importer's authority, as it stands now.
  const importer = (await loadActor(job.createdBy))?.actor ?? null;
  const mayEdit = editableBy(importer, job.organizationId);
  const [{ valid }] = await db()
    .select({ valid: rosterImports.validRows })
    .from(rosterImports)
    .where(eq(rosterImports.id, importId));
  let batches = 0;
  while (await importBatch(job, valid, mayEdit)) {
    if (options.maxBatches !== undefined && ++batches >= options.maxBatches) return;
  }
  await finish(job, "done");
}

async function finish(
  job: Pick<Running, "id" | "organizationId" | "schoolId" | "createdBy" | "fileName">,
  status: "done" | "failed",
  error?: string,
) {
  await db().transaction(async (tx) => {
    const [done] = await tx
      .update(rosterImports)
      // A finished import no longer needs the rows it wrote (personal data); a failed one keeps them to retry.
      .set({ status, finishedAt: new Date(), ...(status === "done" ? { validRows: [] } : {}) })
      .where(and(eq(rosterImports.id, job.id), inArray(rosterImports.status, ["queued", "running"])))
      .returning({
        totalRows: rosterImports.totalRows,
        processedRows: rosterImports.processedRows,
        created: rosterImports.createdCount,
        updated: rosterImports.updatedCount,
        unchanged: rosterImports.unchangedCount,
        rejected: sql<number>`jsonb_array_length(${rosterImports.rejectedRows})`.mapWith(Number),
      });
    if (!done) return;
    await audit(
      { personId: job.createdBy, organizationId: job.organizationId },
      {
        action: "roster.import",
        subjectType: "school",
        subjectId: job.schoolId,
        details: {
          importId: job.id,
          fileName: job.fileName,
          status,
          ...done,
          ...(error ? { error: error.slice(0, 500) } : {}),
        },
      },
      tx,
    );
  });
}

/** After an error: "queued" again while the queue will retry, "failed" (and audited) after the last try. */
async function noteFailure(importId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  const [attempt] = await db()
    .select({ attempts: jobs.attempts, maxAttempts: jobs.maxAttempts })
    .from(jobs)
    .where(
      and(
        eq(jobs.name, ROSTER_IMPORT_JOB),
        eq(jobs.status, "running"),
        sql`${jobs.payload} @> ${JSON.stringify({ importId })}::jsonb`,
      ),
    )
    .limit(1);
  const last = !attempt || attempt.attempts >= attempt.maxAttempts;
  const [job] = await db()
    .select({
      id: rosterImports.id,
      organizationId: rosterImports.organizationId,
      schoolId: rosterImports.schoolId,
      createdBy: rosterImports.createdBy,
      fileName: rosterImports.fileName,
    })
    .from(rosterImports)
    .where(eq(rosterImports.id, importId));
  if (!job) return;
  if (last) await finish(job, "failed", message);
  else
    await db()
      .update(rosterImports)
      .set({ status: "queued" })
      .where(and(eq(rosterImports.id, importId), eq(rosterImports.status, "running")));
  log("error", "roster import failed", { importId, last, error: message });
}

registerJob(ROSTER_IMPORT_JOB, async (payload) => {
  const importId = String(payload.importId ?? "");
  if (!isUuid(importId)) return;
  try {
    await runRosterImport(importId);
  } catch (error) {
    await noteFailure(importId, error).catch(() => {});
    throw error;
  }
});
