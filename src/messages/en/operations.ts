import type { operations as source } from "../es-CL/operations";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const operations: Record<keyof typeof source, string> = {
  "operations.database.pglite": "PGlite in {path}",
  "operations.database.postgres": "PostgreSQL (DATABASE_URL)",
  "operations.failed": "Unexpected error: {reason}",
  "operations.pglite_missing": "There is no PGlite database in {path}. Check DATA_DIR.",
  "operations.pglite_in_use":
    "The PGlite database in {path} is open in another process (is Impulso running?). Stop Impulso and try again. If Impulso is not running because it was killed, start it and stop it once with Ctrl-C.",

  "operations.backup.usage":
    "Usage: npm run backup [-- --out FILE]\nWithout --out, the backup goes to backups/impulso-YYYYMMDD-HHMMSS.jsonl.gz.",
  "operations.backup.starting": "Backing up {database}…",
  "operations.backup.done": "Backup written: {file}\n{tables} tables, {rows} rows, schema {level}, {size}.",
  "operations.backup.not_migrated":
    "The database has no Impulso tables (it was never started): there is nothing to back up.",
  "operations.backup.cannot_write": "Could not write the backup to {file}: {reason}",
  "operations.backup.failed": "No backup was made.",

  "operations.restore.usage":
    "Usage: npm run restore -- FILE [--force]\n--force replaces the contents of a database that already holds data.",
  "operations.restore.starting":
    "Restoring {file} (made on {createdAt} from {engine}, schema {level}) into {database}…",
  "operations.restore.done": "Backup restored and verified: {tables} tables, {rows} rows.",
  "operations.restore.migrated": "{count} migrations newer than the backup were applied.",
  "operations.restore.cannot_read": "Could not read {file}: {reason}",
  "operations.restore.not_a_backup": "The file is not an Impulso backup.",
  "operations.restore.unknown_version":
    "The backup uses format {version}, which this version of Impulso does not know. Update Impulso.",
  "operations.restore.truncated":
    "The backup is incomplete: the file ends too early (was it cut while copying?).",
  "operations.restore.corrupt": "The backup is damaged: its contents cannot be read.",
  "operations.restore.corrupt_table": "The backup is damaged: the data of table {table} cannot be read.",
  "operations.restore.newer_schema":
    "The backup comes from a newer version of Impulso ({backup} migrations; this version has {code}). Update Impulso before restoring it.",
  "operations.restore.schema_mismatch": "The backup's migration {migration} differs from this version's.",
  "operations.restore.schema_differs":
    "The backup's table {table} does not match the schema of its migration level.",
  "operations.restore.not_empty":
    "The target database already holds data (table {table}). To replace it, add --force.",
  "operations.restore.verification_failed":
    "Verification failed for table {table}: the backup says {expected} rows and {actual} were read, or its checksum differs. The backup is damaged or was altered.",
  "operations.restore.in_use": "The database is in use by another process. Stop Impulso and try again.",
  "operations.restore.failed": "The backup was not restored: the database was not changed.",
};
