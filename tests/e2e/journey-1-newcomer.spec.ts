// Journey 1 (product.md): a newcomer runs the README's start command, opens the app and signs in with
// the demo account it prints. Then Ctrl-C stops it cleanly and a restart keeps the data.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

/**
 * A newcomer's environment: this machine's, without the settings the test runner passes to the e2e
 * app (no DATABASE_URL, so the embedded database; no SMTP_URL; no APP_URL, so the printed address is
 * the default one).
 */
function newcomerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ["DATABASE_URL", "TEST_DATABASE_URL", "SMTP_URL", "APP_URL", "HOST", "NODE_ENV"]) {
    delete env[key];
  }
  return { ...env, ...extra };
}

const running = new Set<ChildProcess>();

/** Kills what is left of an `npm start` (its whole process group). */
function killAll(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** `npm start`, as the README says, with the embedded database in a fresh directory. */
async function npmStart(dataDir: string, port: number): Promise<Started> {
  const child = spawn("npm", ["start"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: newcomerEnv({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "silent" }),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, like a command typed in a terminal: Ctrl-C goes to the whole group.
    detached: true,
  });
  running.add(child); // killed as a group at the end, even after npm itself exited
  // scripts/test.ts kills the group should this worker die before the test stops it.
  if (process.env.E2E_OUTPUT_DIR && child.pid) {
    writeFileSync(path.join(process.env.E2E_OUTPUT_DIR, `journey-1-${child.pid}.pid`), String(child.pid));
  }
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  while (!output.includes("Detener: Ctrl-C")) {
    if (child.exitCode !== null)
      throw new Error(`npm start terminó con código ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start no terminó de arrancar:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ctrl-C: a terminal sends SIGINT to the whole foreground process group, npm and the app alike. npm
 * itself ends by that signal (a shell shows 130), so what is checked is the app: it says it is
 * stopping, every process of the group is gone within 20 s (the port is free again), and nothing after
 * that line is an error.
 */
async function stop(started: Started): Promise<void> {
  const pid = started.child.pid as number;
  const before = started.output().length;
  process.kill(-pid, "SIGINT");
  const deadline = Date.now() + 20_000;
  while (groupAlive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`npm start no se detuvo con Ctrl-C en 20 s:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const { child } = started;
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once("exit", r));
  const { exitCode, signalCode } = child;
  expect(exitCode === 0 || signalCode === "SIGINT", `npm terminó con código ${exitCode ?? signalCode}`).toBe(
    true,
  );
  const after = started.output().slice(before);
  expect(after).toContain("Deteniendo Impulso");
  expect(after).not.toMatch(/error|exception|unhandled/i);
}

test("un recién llegado arranca Impulso e ingresa con la cuenta de demostración impresa", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), "impulso-journey1-"));
  const port = await freePort();
  try {
    const first = await npmStart(dataDir, port);
    const printed = first.output();
    const url = /Impulso está funcionando en (http:\/\/\S+)/.exec(printed)?.[1];
    const password = /contraseña: ([^)\s]+)\)/.exec(printed)?.[1];
    const email = /^\s+(\S+@\S+)\s/m.exec(printed)?.[1];
    expect(url).toBe(`http://localhost:${port}`);
    expect(printed).toContain("datos de demostración creados");
    expect(email && password).toBeTruthy();

    await page.goto(url as string);
    await expect(page).toHaveURL(/\/ingresar/);
    await page.getByLabel("Correo electrónico").fill(email as string);
    await page.getByLabel("Contraseña").fill(password as string);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page.getByRole("heading", { name: /^Hola, / })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Lo que puede hacer" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    await stop(first);

    // A restart keeps everything: no new demo, and the same account still signs in.
    const second = await npmStart(dataDir, port);
    expect(second.output()).not.toContain("datos de demostración creados");
    await page.context().clearCookies();
    await page.goto(`${url}/ingresar`);
    await page.getByLabel("Correo electrónico").fill(email as string);
    await page.getByLabel("Contraseña").fill(password as string);
    await page.getByRole("button", { name: "Ingresar" }).click();
    await expect(page.getByRole("heading", { name: /^Hola, / })).toBeVisible();
    await stop(second);
  } finally {
    for (const child of running) killAll(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
