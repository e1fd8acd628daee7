// `node scripts/node24.mjs scripts/verify-credential.ts <file>`: verifies a downloaded Open Badges 3.0
// credential (a compact VC-JWT in a text file) as anyone outside the platform would: it fetches the
// issuer's profile (for its key) and the revocation list from the URLs the credential names, and
// prints the verdict in Spanish. Exit code 0: valid; 1: not valid, or it could not be checked. The
// checks are verifyCredential's (src/modules/learning/open-badges.ts); this file reads, fetches and
// prints, in Spanish from the catalogue.
import { readFile } from "node:fs/promises";
import type { MessageKey } from "~/messages/translate";
import {
  describeCredential,
  type VerificationFailure,
  verifyCredential,
} from "~/modules/learning/open-badges";
import { t } from "./operations";

const REASONS: Record<VerificationFailure, MessageKey> = {
  malformed: "learning.credential.reason.malformed",
  header: "learning.credential.reason.header",
  context: "learning.credential.reason.context",
  type: "learning.credential.reason.type",
  key: "learning.credential.reason.key",
  signature: "learning.credential.reason.signature",
  claims: "learning.credential.reason.claims",
  not_yet_valid: "learning.credential.reason.not_yet_valid",
  expired: "learning.credential.reason.expired",
  status: "learning.credential.reason.status",
  revoked: "learning.credential.reason.revoked",
};

// A key or a list fetched over plain HTTP could be swapped on the way: only HTTPS, except for a
// server on this machine (to try the command against a local copy of the platform).
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

async function fetchText(url: string): Promise<string> {
  const target = new URL(url);
  if (target.protocol !== "https:" && !(target.protocol === "http:" && LOCAL_HOSTS.has(target.hostname))) {
    throw new Error(t("learning.credential.not_https", { url }));
  }
  const response = await fetch(target, {
    // the issuer's id answers JSON to this, and HTML to a browser
    headers: { accept: "application/ld+json, application/json, application/vc+jwt, text/plain;q=0.9" },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} en ${url}`);
  return response.text();
}

async function main(args: string[]): Promise<boolean> {
  if (args.length !== 1) {
    console.error(t("learning.credential.usage"));
    return false;
  }
  const result = await verifyCredential(await readFile(args[0], "utf8"), { fetchText });
  if (!result.valid) {
    console.log(
      t("learning.credential.invalid", { reason: t(REASONS[result.reason]), detail: result.detail }),
    );
    return false;
  }
  const summary = describeCredential(result.credential);
  console.log(
    t("learning.credential.valid", {
      holder: summary.holderName ?? "—",
      course: summary.achievementName,
      hours: summary.hours ?? 0,
    }),
  );
  console.log(
    t("learning.credential.issued", {
      issuer: summary.issuerName ?? summary.issuerId,
      url: summary.issuerId,
      date: summary.issuedOn,
      start: summary.startedOn ?? "—",
      end: summary.endedOn ?? "—",
    }),
  );
  return true;
}

try {
  process.exitCode = (await main(process.argv.slice(2))) ? 0 : 1;
} catch (error) {
  console.log(
    t("learning.credential.failed", { error: error instanceof Error ? error.message : String(error) }),
  );
  process.exitCode = 1;
}
