// Builds the production bundle when a source changed since the last build (npm start and the tests
// that drive the real server both call it).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
export const buildDir = path.join(root, "build");
const stamp = path.join(buildDir, ".built");
const sources = [
  "app",
  "src",
  "server",
  "public",
  "package.json",
  "vite.config.ts",
  "react-router.config.ts",
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function ensureBuilt(): void {
  // scripts/test.ts builds once at its start and sets this, so that every suite tests that one build
  // even if a source file is edited while the tests run (no rebuild half-way through a suite).
  if (process.env.IMPULSO_PREBUILT === "1" && existsSync(path.join(buildDir, "server", "index.js"))) return;
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (builtAt >= changedAt && existsSync(path.join(buildDir, "server", "index.js"))) return;
  console.log("Preparando Impulso (compilación de producción, solo la primera vez o tras cambios)…");
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/@react-router/dev/bin.cjs"), "build"],
    {
      cwd: root,
      // Always a production build, also when called from Vitest (which sets NODE_ENV=test and would
      // otherwise ship React's development build to the browser).
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (result.status !== 0) {
    console.error("La compilación falló.");
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString());
}
