// "Descargar mis datos" (Ley 21.719: acceso y portabilidad): everything the platform keeps about the
// signed-in person, as one ZIP: datos.json with all of it, CSV files for the tabular parts and a
// LEEME.txt in the person's language. Each module (and the platform, for its own tables) gives its
// part through its personal data hook (platform/personal-data.ts); this file knows none of their
// tables. Never password hashes, session or invitation tokens, emails (they carry links with tokens),
// or what other people may keep from the person (a colleague's private reflection).
import { eq, inArray } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { csvOf } from "../../platform/export";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid } from "../../platform/ids";
import { type CsvPart, type ExportContext, personalDataHooks } from "../../platform/personal-data";
import { type Actor, authorize } from "../../platform/policy";
import { persons, schools } from "../people";
import "./policy";

export interface PersonalDataArchive {
  fileName: string;
  bytes: Uint8Array;
}

/** The ZIP of the actor's own data. Anyone else (administrators included) gets 404. Audited. */
export async function exportPersonalData(
  actor: Actor,
  personId: string,
  now = new Date(),
): Promise<PersonalDataArchive> {
  if (!isUuid(personId)) throw new NotFoundError();
  authorize(actor, "export", "personal_data", { organizationId: actor.organizationId, personId });
  const data = await collect(actor.personId);
  if (!data) throw new NotFoundError();
  const t = translator(isLocale(data.person.locale) ? data.person.locale : "es-CL");
  const files: Record<string, Uint8Array> = {
    "LEEME.txt": strToU8(`${t("privacy.readme", { date: now.toISOString().slice(0, 10) })}\n`),
    "datos.json": strToU8(JSON.stringify({ generatedAt: now.toISOString(), ...data.json }, null, 2)),
  };
  for (const [name, table] of Object.entries(data.tables)) {
    files[name] = strToU8(csvOf({ title: name, columns: table.columns, rows: table.rows }, false));
  }
  const mtime = now;
  const bytes = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, content]) => [name, [content, { mtime }]])),
    { level: 6 },
  );
  await audit(actor, {
    action: "privacy.export",
    subjectType: "person",
    subjectId: actor.personId,
    details: { files: Object.keys(files).length, bytes: bytes.byteLength },
  });
  return { fileName: `mis-datos-${now.toISOString().slice(0, 10)}.zip`, bytes };
}

/** Names of the people and schools the parts refer to, each read once for every hook. */
function exportContext(organizationId: string): ExportContext {
  const personNames = new Map<string, string>();
  let schoolNames: Map<string, string> | undefined;
  return {
    async personNames(ids) {
      const missing = [...new Set(ids.filter((id): id is string => !!id && !personNames.has(id)))];
      if (missing.length) {
        const rows = await db()
          .select({ id: persons.id, givenNames: persons.givenNames, familyNames: persons.familyNames })
          .from(persons)
          .where(inArray(persons.id, missing));
        for (const r of rows) personNames.set(r.id, `${r.givenNames} ${r.familyNames}`);
      }
      return (id) => (id ? (personNames.get(id) ?? null) : null);
    },
    async schoolNames() {
      schoolNames ??= new Map(
        (
          await db()
            .select({ id: schools.id, name: schools.name })
            .from(schools)
            .where(eq(schools.organizationId, organizationId))
        ).map((s) => [s.id, s.name]),
      );
      const names = schoolNames;
      return (id) => (id ? (names.get(id) ?? null) : null);
    },
  };
}

/** Every hook's part, in the hooks' order: datos.json's keys after `format`, then the CSV files. */
async function collect(personId: string) {
  const [person] = await db().select().from(persons).where(eq(persons.id, personId));
  if (!person) return undefined;
  const context = exportContext(person.organizationId);
  const json: Record<string, unknown> = { format: "impulso-mis-datos/1" };
  const tables: Record<string, CsvPart> = {};
  for (const hook of personalDataHooks()) {
    const part = await hook.exportFor(db(), person, context);
    for (const [key, value] of Object.entries(part.json)) {
      if (key in json || key === "generatedAt")
        throw new Error(`${hook.name}: datos.json already has "${key}"`);
      json[key] = value;
    }
    for (const [name, table] of Object.entries(part.csv ?? {})) {
      if (name in tables || name === "LEEME.txt" || name === "datos.json") {
        throw new Error(`${hook.name}: the archive already has "${name}"`);
      }
      tables[name] = table;
    }
  }
  return { person, json, tables };
}
