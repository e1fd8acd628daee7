// What `npm run backup` and `npm run restore` share: Spanish messages from the catalogue, and one
// way to end (a known failure is explained, an unexpected one shows its text; both exit non-zero).
import { translator } from "~/messages";
import type { MessageKey } from "~/messages/translate";
import { BackupError } from "~/platform/db/backup";

export const t = translator("es-CL");

/** Exit codes: 0 done, 1 refused or failed, 2 wrong arguments. */
export async function runCommand(main: () => Promise<void>, failedKey: MessageKey): Promise<void> {
  try {
    await main();
    process.exitCode = 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    console.error(
      error instanceof BackupError
        ? t(error.messageKey, error.params)
        : t("operations.failed", { reason: error instanceof Error ? error.message : String(error) }),
    );
    if (!(error instanceof BackupError)) console.error(error);
    console.error(t(failedKey));
    process.exitCode = 1;
  }
}

export class UsageError extends Error {}

/** 12.3 MB, 840 KB: the size of the backup for the summary line. */
export function formatSize(bytes: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString("es-CL", { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
