// Computed dashboard figures, kept in this process and keyed by what they were computed from: the
// figure counters of the schools involved (school_figure_versions, raised by triggers in the same
// transaction as any change the figures read, migration 0006), the period and the instrument asked
// for. A change anywhere shows on the next request in every process (the counter moved, so the key
// did); figures that depend on the clock alone (days overdue, meetings now late) are recomputed each
// minute and are at most about three minutes old. Authorization is checked before a lookup: the cache
// holds figures, never decisions.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
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

type Rows<T> = { rows: T[] };

/**
 * A fingerprint of the figure counters of these schools (and of how many there are), read from the
 * database the figures will be read from, so that the two agree.
 */
export async function schoolsFingerprint(source: Db, schoolIds: readonly string[]): Promise<string> {
  const valid = [...new Set(schoolIds.filter(isUuid))].sort();
  const result = (await source.execute(sql`
    SELECT coalesce(string_agg(v.school_id::text || ':' || v.version, ',' ORDER BY v.school_id), '') AS versions
    FROM school_figure_versions v WHERE v.school_id = ANY(${`{${valid.join(",")}}`}::uuid[])`)) as unknown as Rows<{
    versions: string;
  }>;
  return digest(`${valid.join(",")}|${result.rows[0]?.versions ?? ""}`);
}

/** The same for every school of an organization (network totals): their number and their counters. */
export async function organizationFingerprint(source: Db, organizationId: string): Promise<string> {
  const result = (await source.execute(sql`
    SELECT count(*)::text AS schools, coalesce(sum(v.version), 0)::text AS versions
    FROM schools s LEFT JOIN school_figure_versions v ON v.school_id = s.id
    WHERE s.organization_id = ${organizationId}`)) as unknown as Rows<{ schools: string; versions: string }>;
  const row = result.rows[0];
  return digest(`${organizationId}|${row?.schools ?? 0}|${row?.versions ?? 0}`);
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
