import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Service and policy tests. They run against PGlite by default and against a real PostgreSQL server
// when TEST_DATABASE_URL is set (scripts/test.ts runs them both ways).
export default defineConfig({
  // `~/…` is `src/…`, as in vite.config.ts and tsconfig.json
  resolve: { alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "tests/http/**/*.test.ts"],
    environment: "node",
    globalSetup: ["src/platform/testing/global-setup.ts"],
    env: { LOG_LEVEL: "silent" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: true,
  },
});
