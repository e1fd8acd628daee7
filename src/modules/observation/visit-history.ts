// A draft visit's history of field changes (observation_field_edits): saveVisit records here, in its
// own transaction and before it writes, every field whose value the save changes; the visit's author
// reads the list on the visit's page (getVisit reads it in the visit's statement: historyColumn). The visit itself keeps the last value received, so a change
// written on a phone without connection and received after one written on another device wins, and
// both stay here with when each was written and when it arrived.
//
// Typing (a proposed step's title, saved a moment after each pause) would leave one row per pause: a
// change written and received at once, on a field whose last change came from the same device
// (app/lib/device.ts) the same way within a couple of minutes, updates that row instead (and removes
// it when the field is back where it started). Two devices' changes are never folded.
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { rowsOf, type Tx, textArray } from "../../platform/db/client";
import { newId } from "../../platform/ids";
import { observationFieldEdits } from "./schema";

/** One field a save sets: "level:<indicator>", "tag:<note id>", "focusResult", "proposedStep", "proposedStepTitle". */
export interface FieldChange {
  field: string;
  /** as the form sends it; "" for none */
  value: string;
}

/** Changes closer than this, each written and received at once, are one change (typing). */
const TYPING_MS = 120_000;
/** A change received this long after it was written was sent late (from the phone's queue). */
const LATE_MS = 60_000;

const online = (writtenAt: Date, receivedAt: Date) =>
  Math.abs(receivedAt.getTime() - writtenAt.getTime()) < LATE_MS;

/** The values the visit holds now for the given fields ("" for none). */
async function currentValues(tx: Tx, visitId: string): Promise<Map<string, string>> {
  const [row] = await rowsOf<{
    focus_result: string | null;
    proposed_step: string | null;
    proposed_step_title: string | null;
    levels: Record<string, number> | null;
    tags: Record<string, string> | null;
  }>(
    tx,
    sql`
    SELECT o.focus_result, o.proposed_catalogue_step_id AS proposed_step, o.proposed_step_title,
      (SELECT json_object_agg(l.indicator_key, l.level) FROM observation_levels l
        WHERE l.observation_id = o.id) AS levels,
      (SELECT json_object_agg(n.id, coalesce(n.indicator_keys[1], '')) FROM observation_notes n
        WHERE n.observation_id = o.id) AS tags
    FROM observations o WHERE o.id = ${visitId}`,
  );
  const values = new Map<string, string>();
  if (!row) return values;
  values.set("focusResult", row.focus_result ?? "");
  values.set("proposedStep", row.proposed_step ?? "");
  values.set("proposedStepTitle", row.proposed_step_title ?? "");
  for (const [key, level] of Object.entries(row.levels ?? {})) values.set(`level:${key}`, String(level));
  for (const [id, tag] of Object.entries(row.tags ?? {})) values.set(`tag:${id}`, tag);
  return values;
}

/**
 * Records, inside the save's transaction and before it writes, each of `changes` that changes the
 * visit's value. `writtenAt` is when the change was written on the device (now for a form).
 */
export async function recordFieldEdits(
  tx: Tx,
  visitId: string,
  changes: readonly FieldChange[],
  { writtenAt, device }: { writtenAt: Date; device: string | null },
  now: Date,
): Promise<void> {
  if (changes.length === 0) return;
  const before = await currentValues(tx, visitId);
  const changed = changes.filter((c) => (before.get(c.field) ?? "") !== c.value);
  if (changed.length === 0) return;
  // The last change of each of these fields, to fold typing into one.
  const last =
    device && online(writtenAt, now)
      ? await tx
          .selectDistinctOn([observationFieldEdits.field])
          .from(observationFieldEdits)
          .where(
            and(
              eq(observationFieldEdits.observationId, visitId),
              sql`${observationFieldEdits.field} = ANY(${textArray(changed.map((c) => c.field))})`,
            ),
          )
          .orderBy(observationFieldEdits.field, desc(observationFieldEdits.receivedAt))
      : [];
  const lastOf = new Map(last.map((row) => [row.field, row]));
  const inserts: Array<typeof observationFieldEdits.$inferInsert> = [];
  for (const change of changed) {
    const previous = lastOf.get(change.field);
    const typing =
      previous &&
      previous.device === device &&
      online(previous.writtenAt, previous.receivedAt) &&
      now.getTime() - previous.receivedAt.getTime() < TYPING_MS;
    if (typing && previous.previous === change.value) {
      await tx.delete(observationFieldEdits).where(eq(observationFieldEdits.id, previous.id));
    } else if (typing) {
      await tx
        .update(observationFieldEdits)
        .set({ value: change.value, writtenAt, receivedAt: now })
        .where(eq(observationFieldEdits.id, previous.id));
    } else {
      inserts.push({
        id: newId(),
        observationId: visitId,
        field: change.field,
        previous: before.get(change.field) ?? "",
        value: change.value,
        writtenAt,
        receivedAt: now,
        device,
      });
    }
  }
  if (inserts.length) await tx.insert(observationFieldEdits).values(inserts);
}

export interface FieldEdit {
  id: string;
  field: string;
  previous: string;
  value: string;
  /** titles of the catalogue steps named by a "proposedStep" change */
  previousLabel: string | null;
  valueLabel: string | null;
  writtenAt: Date;
  receivedAt: Date;
  /** received well after it was written: sent from the phone's queue when the connection came back */
  late: boolean;
}

/**
 * The visit's changes, the latest received first, as a column of the visit's own statement (getVisit:
 * one statement, no round trip more); read only for those the policy lets read it
 * (`observation:read_history`, the author), `NULL` for anyone else.
 */
export function historyColumn(readable: boolean): SQL<FieldEditRow[] | null> {
  if (!readable) return sql<null>`NULL`;
  // (written out: the subquery names the outer row in full)
  return sql<FieldEditRow[] | null>`(
    SELECT json_agg(json_build_object('id', e.id, 'field', e.field, 'previous', e.previous,
      'value', e.value, 'writtenAt', e.written_at, 'receivedAt', e.received_at,
      'previousLabel', CASE WHEN e.field = 'proposedStep' AND e.previous <> ''
        THEN (SELECT s.title FROM catalogue_steps s WHERE s.id::text = e.previous) END,
      'valueLabel', CASE WHEN e.field = 'proposedStep' AND e.value <> ''
        THEN (SELECT s.title FROM catalogue_steps s WHERE s.id::text = e.value) END)
      ORDER BY e.received_at DESC, e.written_at DESC)
    FROM observation_field_edits e WHERE e.observation_id = "observations"."id")`;
}

/** As read from JSON: instants as strings. */
type FieldEditRow = Omit<FieldEdit, "writtenAt" | "receivedAt" | "late"> & {
  writtenAt: string;
  receivedAt: string;
};

export function historyOf(rows: FieldEditRow[] | null): FieldEdit[] {
  return (rows ?? []).map((row) => {
    const writtenAt = new Date(row.writtenAt);
    const receivedAt = new Date(row.receivedAt);
    return { ...row, writtenAt, receivedAt, late: !online(writtenAt, receivedAt) };
  });
}
