// Every table that holds data about a person is covered by a personal data hook (platform/
// personal-data.ts): the privacy module exports and anonymizes through the hooks alone, so a table no
// hook lists would be left out of "Descargar mis datos" and kept whole after a deletion. The tables
// come from every schema.ts on disk and the hooks from every module's index.ts (which registers its
// hook, as the running server does), so a new module or table is covered without a new test.
import { getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { personalDataHooks } from "../platform/personal-data";

const schemas = import.meta.glob(["./*/schema.ts", "../platform/**/schema.ts"], { eager: true });
const modules = import.meta.glob("./*/index.ts", { eager: true });

const tables = Object.values(schemas).flatMap((exports) =>
  Object.values(exports as Record<string, unknown>).filter((v): v is PgTable => is(v, PgTable)),
);

/**
 * Why a table holds data about a person, or null. The rule, read from the schemas as they are:
 * - it is `persons` itself;
 * - a column has a foreign key to `persons` (memberships.person_id, observations.teacher_id,
 *   calibrations.reference_scorer_id, instrument_versions.created_by, …);
 * - a uuid column holds a person's id without a foreign key, by its name: `person_id` or
 *   `*_person_id` (sessions.person_id, audit_events.actor_person_id), `*_by`, who did something
 *   (roster_imports.created_by, invitations.invited_by, email_changes.requested_by), `teacher_id`,
 *   `observer_id`, `*_scorer_id` (uuid: jobs.locked_by is text, a process's name);
 * - a column holds an address: `email`, `*_email`, `to_address`, `sent_to` (emails.to_address).
 * Person data inside JSON or text keys (a roster's rows, audit details, rate-limit keys) is found by no
 * rule: those tables are found by another column (roster_imports.created_by) or are listed by their
 * hook anyway (rate_limits).
 */
function personColumns(table: PgTable): string[] | null {
  const config = getTableConfig(table);
  if (config.name === "persons") return ["(the persons table)"];
  const found = new Set<string>();
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    if (getTableName(ref.foreignTable) === "persons") {
      for (const c of ref.columns) found.add(`${c.name} → persons`);
    }
  }
  const referencing = new Set([...found].map((f) => f.split(" ")[0]));
  for (const c of config.columns) {
    if (referencing.has(c.name)) continue;
    const personId = /(^|_)person_id$|_by$|^(teacher|observer)_id$|_scorer_id$/;
    if (c.getSQLType() === "uuid" && personId.test(c.name)) found.add(c.name);
    if (/(^|_)email$|^to_address$|^sent_to$/.test(c.name)) found.add(c.name);
  }
  return found.size ? [...found].sort() : null;
}

const personTables = tables
  .map((table) => ({ table, name: getTableName(table), columns: personColumns(table) }))
  .filter((t): t is { table: PgTable; name: string; columns: string[] } => t.columns !== null)
  .sort((a, b) => a.name.localeCompare(b.name));

const hooks = personalDataHooks();
/** table name → the hooks listing it (in `tables` or `untouched`) */
const listedBy = new Map<string, string[]>();
for (const hook of hooks) {
  for (const table of [...hook.tables, ...(hook.untouched ?? []).map((u) => u.table)]) {
    const name = getTableName(table);
    listedBy.set(name, [...(listedBy.get(name) ?? []), hook.name]);
  }
}

describe("personal data hooks", () => {
  it("see every schema and every module", () => {
    expect(Object.keys(schemas).length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(5);
    expect(tables.length).toBeGreaterThan(30);
    expect(hooks.map((h) => h.name)).toEqual(
      expect.arrayContaining(["people", "accounts", "observation", "privacy", "platform.auth"]),
    );
  });

  it("find the tables they should (the rule is not blind)", () => {
    const found = personTables.map((t) => t.name);
    // by a foreign key, by a column's name without one, by an address, the persons table itself
    for (const name of ["memberships", "observations", "sessions", "audit_events", "roster_imports"]) {
      expect(found).toContain(name);
    }
    for (const name of ["emails", "invitations", "persons", "instrument_versions"]) {
      expect(found).toContain(name);
    }
    for (const name of ["organizations", "schools", "instruments", "jobs", "request_keys"]) {
      expect(found).not.toContain(name);
    }
  });

  it.each(personTables.map((t) => [t.name, t.columns.join(", ")]))("cover %s (%s)", (name, columns) => {
    expect(
      listedBy.get(name),
      `${name} holds data about a person (${columns}): list it in its owner's personal data hook (tables, or untouched with a reason)`,
    ).toBeDefined();
  });

  it("list each table once, and only tables of the schemas", () => {
    const known = new Set(tables.map((t) => getTableName(t)));
    for (const [name, owners] of listedBy) {
      expect(owners, name).toHaveLength(1);
      expect(known, name).toContain(name);
    }
  });

  it("say why a table they leave untouched needs nothing", () => {
    for (const hook of hooks) {
      for (const { table, reason } of hook.untouched ?? []) {
        expect(reason.trim().length, `${hook.name}: ${getTableName(table)}`).toBeGreaterThan(20);
      }
    }
  });

  it("come in a fixed order (the archive's keys and files are always in the same order)", () => {
    const orders = hooks.map((h) => h.order);
    expect(new Set(orders).size).toBe(orders.length);
  });
});
