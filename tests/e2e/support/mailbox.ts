// Reads the email that the app sent to the test SMTP sink (see smtp-sink.ts and global-setup.ts).
import { readdirSync, readFileSync, renameSync } from "node:fs";
import path from "node:path";
import type { StoredEmail } from "./smtp-sink";

export type { StoredEmail };

export function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR no está definido (lo define playwright.config.ts)");
  return dir;
}

/** Every message received so far, oldest first, including the ones already returned by waitForEmail. */
export function allEmails(): StoredEmail[] {
  const dir = mailDir();
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json") || name.endsWith(".json.read"))
    .sort()
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as StoredEmail);
}

function matches(email: StoredEmail, to: string, subjectIncludes?: string): boolean {
  const address = to.toLowerCase();
  const toMatches = email.recipients.includes(address) || email.to.toLowerCase().includes(address);
  return toMatches && (subjectIncludes === undefined || email.subject.includes(subjectIncludes));
}

/**
 * Waits for the oldest message to `to` (whose subject includes subjectIncludes, when given) that no
 * earlier call returned, and returns it: each message is returned once, so two calls in a row get two
 * messages. Fails after timeoutMs, listing what did arrive.
 */
export async function waitForEmail(
  to: string,
  subjectIncludes?: string,
  timeoutMs = 15_000,
): Promise<StoredEmail> {
  const dir = mailDir();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const names = readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort();
    for (const name of names) {
      const file = path.join(dir, name);
      let email: StoredEmail;
      try {
        email = JSON.parse(readFileSync(file, "utf8")) as StoredEmail;
      } catch {
        continue; // claimed by another worker in the meantime
      }
      if (!matches(email, to, subjectIncludes)) continue;
      try {
        renameSync(file, `${file}.read`); // claim it, atomically, across workers
      } catch {
        continue;
      }
      return email;
    }
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const received = allEmails()
    .map((e) => `  - para ${e.to}: «${e.subject}»`)
    .join("\n");
  throw new Error(
    `No llegó un correo para ${to}${subjectIncludes ? ` con «${subjectIncludes}» en el asunto` : ""} en ${timeoutMs} ms.\n` +
      `Correos recibidos:\n${received || "  (ninguno)"}`,
  );
}

/** The first link in the message that starts with `prefix` (e.g. the app's URL plus a path). */
export function linkIn(email: StoredEmail, prefix = "http"): string {
  const link = email.links.find((l) => l.startsWith(prefix));
  if (!link)
    throw new Error(
      `El correo «${email.subject}» no tiene un enlace que empiece con ${prefix}:\n${email.text}`,
    );
  return link;
}
