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
//
// This file holds the use cases; roster-rows.ts checks and plans each row; roster-import-job.ts is the job.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Translate } from "../../messages";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { csvFile } from "../../platform/export";
import { isUuid, newId } from "../../platform/ids";
import { enqueue } from "../../platform/jobs/queue";
import { type Actor, authorize } from "../../platform/policy";
import "./policy";
import "./roster-import-job";
import { parseRosterFile } from "./roster-parse";
import {
  checkRows,
  decodeReason,
  editableBy,
  findExisting,
  planRow,
  type RawRosterRow,
  type RejectedRosterRow,
  ROSTER_IMPORT_JOB,
  type SchoolFacts,
} from "./roster-rows";
import { type RejectedRow, type RosterRow, rosterImports, schools } from "./schema";

export {
  BATCH_SIZE,
  type RejectedRosterRow,
  ROSTER_IMPORT_JOB,
  type RosterImportStatus,
} from "./roster-rows";

const JOB_ATTEMPTS = 3;

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
