// Browser tests: tests/e2e, in Debian's Chromium (/usr/bin/chromium; Playwright's own browsers can't
// be downloaded here), against the production build served by scripts/start.ts on PostgreSQL, with a
// real SMTP sink. Run them with `npm test` (which installs Chromium and starts PostgreSQL when needed)
// or alone with `node scripts/node24.mjs node_modules/@playwright/test/cli.js test`.
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium";

// The config is loaded by the runner and again by every worker; values chosen here are passed on
// through the environment so that all of them agree. scripts/test.ts picks free ports; alone, these
// fixed ones are used.
const outDir = path.resolve(process.env.E2E_OUTPUT_DIR ?? ".tmp/test-output");
process.env.E2E_OUTPUT_DIR = outDir;
process.env.E2E_PORT ??= "4310";
process.env.E2E_SMTP_PORT ??= "4311";
process.env.E2E_MAIL_DIR ??= path.join(outDir, "mail");
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;
process.env.E2E_BASE_URL = baseURL;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: path.join(outDir, "playwright-artifacts"),
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  globalTimeout: 30 * 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.E2E_JSON_OUTPUT ?? path.join(outDir, "playwright.json") }],
  ],
  use: {
    baseURL,
    locale: "es-CL",
    timezoneId: "America/Santiago",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    {
      name: "telefono",
      use: {
        ...devices["Pixel 7"],
        viewport: { width: 390, height: 844 },
        launchOptions: chromiumLaunchOptions,
      },
    },
    {
      name: "escritorio",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
});
