// Roster import, the job: writes the valid rows of a confirmed import in batches of BATCH_SIZE, each
// in one transaction that also advances processed_rows, so a retry after a crash resumes where it
// stopped; ends "done" (or "failed" after the last attempt) with one audit record.
import { and, eq, inArray, sql } from "drizzle-orm";
import { audit } from "../../platform/audit/audit";
import { db, type Tx } from "../../platform/db/client";
import { isUuid, newId } from "../../platform/ids";
import { registerJob } from "../../platform/jobs/queue";
import { jobs } from "../../platform/jobs/schema";
import { log } from "../../platform/log";
import { searchable } from "../../platform/text";
import { loadActor } from "./actor";
import {
  BATCH_SIZE,
  editableBy,
  encodeReason,
  findExisting,
  type MayEdit,
  planRow,
  type RawRosterRow,
  ROSTER_IMPORT_JOB,
} from "./roster-rows";
import { memberships, persons, type RejectedRow, type RosterRow, rosterImports } from "./schema";

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
    if (state?.status !== "running" || state.processed >= valid.length) return false;
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
