// Computed dashboard figures, kept in this process and keyed by what they were computed from: the
// changes counted in the schools involved (school_figure_versions, inserted by triggers in the same
// transaction as any change the figures read, defined in figure-triggers.ts), the period and the
// instrument asked for. A change anywhere shows on the next request in every process (the sum moved, so the key
// did); figures that depend on the clock alone (days overdue, meetings now late) are recomputed each
// minute and are at most about three minutes old. Authorization is checked before a lookup: the cache
// holds figures, never decisions.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, db, rowsOf, uuidArray } from "../../platform/db/client";
import { isUuid } from "../../platform/ids";

/** Entries kept per database connection (primary or replica): a few hundred dashboards' figures. */
const MAX_ENTRIES = 400;
const MINUTE = 60_000;

const caches = new WeakMap<object, Map<string, Entry>>();
const counters = { hits: 0, misses: 0 };

/** How many lookups found their figures and how many computed them (for tests and the benchmark). */
export function figuresCacheStats(): { hits: number; misses: number } {
  return { ...counters };
}

/**
 * A fingerprint of the changes counted in these schools (and of which schools they are), read from
 * the database the figures will be read from, so that the two agree.
 */
export async function schoolsFingerprint(source: Db, schoolIds: readonly string[]): Promise<string> {
  const valid = [...new Set(schoolIds.filter(isUuid))].sort();
  const [row] = await rowsOf<{ changes: string }>(
    source,
    sql`SELECT coalesce(string_agg(c.school_id::text || ':' || c.total, ',' ORDER BY c.school_id), '') AS changes
      FROM (SELECT v.school_id, sum(v.n) AS total FROM school_figure_versions v
            WHERE v.school_id = ANY(${uuidArray(valid)}) GROUP BY v.school_id) c`,
  );
  return digest(`${valid.join(",")}|${row?.changes ?? ""}`);
}

/** The same for every school of an organization (network totals): how many, and their changes. */
export async function organizationFingerprint(source: Db, organizationId: string): Promise<string> {
  const [row] = await rowsOf<{ schools: string; changes: string }>(
    source,
    sql`SELECT (SELECT count(*) FROM schools s WHERE s.organization_id = ${organizationId})::text AS schools,
      (SELECT coalesce(sum(v.n), 0) FROM school_figure_versions v JOIN schools s ON s.id = v.school_id
        WHERE s.organization_id = ${organizationId})::text AS changes`,
  );
  return digest(`${organizationId}|${row?.schools ?? 0}|${row?.changes ?? 0}`);
}

/**
 * Folds each school's counted changes into one row with the same sum (hourly housekeeping), so the
 * table holds about one row per school. Rows counted meanwhile by other transactions are not in this
 * statement's snapshot and stay as they are; every school's sum is the same before and after.
 */
export async function foldFigureChanges(database: Db = db()): Promise<void> {
  await database.execute(sql`
    WITH folded AS (DELETE FROM school_figure_versions RETURNING school_id, n)
    INSERT INTO school_figure_versions (school_id, n)
    SELECT school_id, sum(n) FROM folded GROUP BY school_id`);
}

const digest = (text: string) => createHash("sha256").update(text).digest("base64url");

/** How long figures computed at an earlier minute are still given while they are computed again. */
const STALE_MINUTES = 2;

interface Entry {
  minute: number;
  figures: Promise<unknown>;
  settled: boolean;
  refreshing: boolean;
}

/**
 * The figures for `key` (which must include a fingerprint of the data they read), computed at most
 * once a minute. Two requests for the same figures at once share one computation; a failed one is not
 * kept. When only the clock has moved (same data, a minute or two later) the figures already computed
 * are given at once and computed again behind them, so that the minute's turn does not make every
 * reader wait; any change of the data changes the key, and those figures are computed before answering.
 */
export function cachedFigures<T>(source: Db, key: string, now: Date, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(source);
  if (!cache) {
    cache = new Map();
    caches.set(source, cache);
  }
  const entries = cache;
  const minute = Math.floor(now.getTime() / MINUTE);
  const start = (): Entry => {
    const entry: Entry = { minute, figures: compute(), settled: false, refreshing: false };
    counters.misses++;
    entry.figures.then(
      () => {
        entry.settled = true;
        // a newer computation may have replaced this one meanwhile
        const current = entries.get(key);
        if (!current || current.minute <= entry.minute) put(entry);
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry;
  };
  const put = (entry: Entry) => {
    // the most recently used last: the first key is the one to drop
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  const found = entries.get(key);
  if (found && found.minute === minute) {
    counters.hits++;
    put(found);
    return found.figures as Promise<T>;
  }
  if (found?.settled && found.minute < minute && minute - found.minute <= STALE_MINUTES) {
    counters.hits++;
    if (!found.refreshing) {
      found.refreshing = true;
      start().figures.catch(() => {
        found.refreshing = false;
      });
    }
    put(found);
    return found.figures as Promise<T>;
  }
  const entry = start();
  put(entry);
  return entry.figures as Promise<T>;
}
