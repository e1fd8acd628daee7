// `npm run backup [-- --out FILE]`: a backup of the database the app uses (PGlite under DATA_DIR, or
// DATABASE_URL) in one gzip'd file; see docs/operations.md and src/platform/db/backup.ts.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "~/platform/config";
import { backupDatabase, openConfiguredDatabase } from "~/platform/db/backup";
import { formatSize, runCommand, t, UsageError } from "./operations";

function defaultFile(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return path.join("backups", `impulso-${stamp}.jsonl.gz`);
}

await runCommand(async () => {
  let out: string | undefined;
  try {
    const { values } = parseArgs({
      options: { out: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help) {
      console.log(t("operations.backup.usage"));
      return;
    }
    out = values.out;
  } catch {
    throw new UsageError(t("operations.backup.usage"));
  }
  const file = path.resolve(out ?? defaultFile());
  const { database, where } = await openConfiguredDatabase(loadConfig(), { mustExist: true });
  try {
    console.log(t("operations.backup.starting", { database: t(where.key, where.params) }));
    mkdirSync(path.dirname(file), { recursive: true });
    const { header, summary } = await backupDatabase(database, file);
    const last = header.migrations.at(-1);
    console.log(
      t("operations.backup.done", {
        file,
        tables: Object.keys(summary).length,
        rows: Object.values(summary).reduce((sum, s) => sum + s.rows, 0),
        level: last?.tag ?? String(header.migrations.length),
        size: formatSize(statSync(file).size),
      }),
    );
  } finally {
    await database.close();
  }
}, "operations.backup.failed");
