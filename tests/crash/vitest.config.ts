import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The crash test (tests/crash): its own step of `npm test` (scripts/test.ts), not part of the Vitest
// runs on PGlite and PostgreSQL, because it starts and kills the real server 40 times and wants the
// machine's two cores to itself. One file; its two engines run at the same time.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("../../src", import.meta.url)) } },
  root: path.resolve(import.meta.dirname, "../.."),
  test: {
    include: ["tests/crash/**/*.test.ts"],
    environment: "node",
    env: { LOG_LEVEL: "silent" },
    testTimeout: 10 * 60_000,
    hookTimeout: 10 * 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
