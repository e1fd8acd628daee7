// `npm run restore -- FILE [--force]`: restores a backup made by `npm run backup` into the database the
// app uses (PGlite under DATA_DIR, or DATABASE_URL), all or nothing; see docs/operations.md.
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "~/platform/config";
import { openConfiguredDatabase, restoreDatabase } from "~/platform/db/backup";
import { runCommand, t, UsageError } from "./operations";

await runCommand(async () => {
  let file: string;
  let force = false;
  try {
    const { values, positionals } = parseArgs({
      options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
    });
    if (values.help) {
      console.log(t("operations.restore.usage"));
      return;
    }
    if (positionals.length !== 1) throw new Error("one file");
    file = path.resolve(positionals[0] as string);
    force = values.force === true;
  } catch {
    throw new UsageError(t("operations.restore.usage"));
  }
  const { database, where } = await openConfiguredDatabase(loadConfig(), { mustExist: false });
  try {
    const result = await restoreDatabase(database, file, {
      force,
      onHeader: (header) =>
        console.log(
          t("operations.restore.starting", {
            file,
            createdAt: header.createdAt,
            engine: header.engine === "pglite" ? "PGlite" : "PostgreSQL",
            level: header.migrations.at(-1)?.tag ?? String(header.migrations.length),
            database: t(where.key, where.params),
          }),
        ),
    });
    console.log(
      t("operations.restore.done", {
        tables: Object.keys(result.summary).length,
        rows: Object.values(result.summary).reduce((sum, s) => sum + s.rows, 0),
      }),
    );
    if (result.migrationsApplied > 0)
      console.log(t("operations.restore.migrated", { count: result.migrationsApplied }));
  } finally {
    await database.close();
  }
}, "operations.restore.failed");
