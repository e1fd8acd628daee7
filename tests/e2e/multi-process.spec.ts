// Several app processes on one PostgreSQL (issue #6). global-setup.ts starts E2E_APPS processes (3)
// behind a round-robin proxy, so every browser test already runs across them; this file shows the
// parts that would break first if any state lived in one process: the session, the rate limits and
// the job queue (a job runs once even with three workers polling).
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { translator } from "~/messages";
import { allEmails } from "./support/mailbox";
import { signIn } from "./support/session";

const t = translator("es-CL");
const apps = Number(process.env.E2E_APPS ?? 1);

test.beforeEach(({ browserName: _ }, testInfo) => {
  test.skip(apps < 2, "needs the app running as several processes (E2E_APPS ≥ 2)");
  test.skip(testInfo.project.name !== "escritorio", "one run is enough: no page layout involved");
});

test("tres procesos que arrancan a la vez en una base vacía la migran y siembran una sola vez", async () => {
  // global-setup.ts starts them together; the advisory locks let one do each step.
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const migrations = readdirSync(path.resolve(import.meta.dirname, "../../db/migrations")).filter((f) =>
      f.endsWith(".sql"),
    ).length;
    const applied = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations",
    );
    expect(applied.rows[0]?.n).toBe(migrations);
    const demo = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM organizations WHERE slug = 'demo'",
    );
    expect(demo.rows[0]?.n).toBe(1);
  } finally {
    await client.end();
  }
});

test("una sesión iniciada en un proceso vale en los otros", async ({ page }) => {
  await signIn(page, "directora.aromos@demo.impulso.cl");
  // The proxy takes turns over all requests, also the other test worker's: ask until each process
  // has answered (a few requests; at most 30).
  const backends = new Set<string>();
  for (let i = 0; i < 30 && backends.size < apps; i++) {
    const response = await page.request.get("/");
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain("Hola, ");
    backends.add(response.headers()["x-impulso-backend"] ?? "?");
  }
  expect([...backends].sort()).toEqual(Array.from({ length: apps }, (_, i) => String(i + 1)));
  // Signing out in one process ends the session in all of them.
  await page.getByRole("button", { name: t("nav.sign_out") }).click();
  await expect(page.getByRole("heading", { name: "Ingresar a Impulso" })).toBeVisible();
  for (let i = 0; i < apps; i++) {
    const response = await page.request.get("/");
    const html = await response.text();
    expect(html).toContain("Ingresar a Impulso");
    expect(html).not.toContain("Hola, ");
  }
});

test("los límites de intentos de ingreso se cuentan entre todos los procesos", async ({ page }) => {
  const email = `nadie-${randomUUID().slice(0, 8)}@ejemplo.cl`;
  const statuses: number[] = [];
  const backends = new Set<string>();
  // The per-account limit is 10 failed attempts in 15 minutes; spread over three processes, a limit
  // kept in each process's memory would allow 30.
  for (let i = 0; i < 11; i++) {
    const response = await page.request.post("/ingresar", {
      form: { email, password: "no-es-la-clave" },
      maxRedirects: 0,
    });
    statuses.push(response.status());
    backends.add(response.headers()["x-impulso-backend"] ?? "?");
    if (i === 10) expect(await response.text()).toContain(t("errors.rate_limited"));
  }
  expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
  expect(statuses[10]).toBe(429);
  expect(backends.size).toBeGreaterThan(1);
});

test("cada trabajo de la cola se ejecuta una sola vez con tres procesos atendiéndola", async () => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const count = 90;
    const tag = randomUUID().slice(0, 8);
    const addresses = Array.from({ length: count }, (_, i) => `cola-${tag}-${i}@ejemplo.cl`);
    const jobIds: string[] = [];
    // All at once, in one transaction, so that the three workers find them together and race.
    await client.query("BEGIN");
    for (const address of addresses) {
      const emailId = randomUUID();
      const jobId = randomUUID();
      jobIds.push(jobId);
      await client.query("INSERT INTO emails (id, to_address, subject, text_body) VALUES ($1, $2, $3, $4)", [
        emailId,
        address,
        `Prueba de cola ${tag}`,
        "Un correo por trabajo.",
      ]);
      await client.query(
        "INSERT INTO jobs (id, name, payload, run_at, max_attempts) VALUES ($1, 'mail.send', $2, now(), 5)",
        [jobId, JSON.stringify({ emailId })],
      );
    }
    await client.query("COMMIT");

    type JobRow = { status: string; attempts: number; locked_by: string };
    let rows: JobRow[] = [];
    await expect
      .poll(
        async () => {
          rows = (
            await client.query<JobRow>("SELECT status, attempts, locked_by FROM jobs WHERE id = ANY($1)", [
              jobIds,
            ])
          ).rows;
          return rows.filter((row) => row.status === "done").length;
        },
        { timeout: 30_000 },
      )
      .toBe(count);
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
    // More than one process took part (each polls every 100 ms in the tests).
    expect(new Set(rows.map((row) => row.locked_by)).size).toBeGreaterThan(1);

    // And the SMTP sink got exactly one message per address.
    await expect
      .poll(() => allEmails().filter((email) => email.subject === `Prueba de cola ${tag}`).length, {
        timeout: 15_000,
      })
      .toBe(count);
    const received = allEmails().filter((email) => email.subject === `Prueba de cola ${tag}`);
    const perAddress = new Map<string, number>();
    for (const email of received) {
      for (const to of email.recipients) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    expect(addresses.every((address) => perAddress.get(address) === 1)).toBe(true);
    const sent = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM emails WHERE subject = $1 AND status = 'sent'",
      [`Prueba de cola ${tag}`],
    );
    expect(sent.rows[0]?.n).toBe(count);
  } finally {
    await client.end();
  }
});
