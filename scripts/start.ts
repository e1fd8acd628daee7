// `npm start`: builds the app when its sources changed (a production build, not a dev server),
// applies migrations, seeds the demo on first start, prints the URL and the demo accounts, and serves
// until Ctrl-C. Same code on PGlite (default, files under ./data) and on PostgreSQL (DATABASE_URL).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const buildDir = path.join(root, "build");
const stamp = path.join(buildDir, ".built");
const sources = ["app", "src", "server", "public", "package.json", "vite.config.ts", "react-router.config.ts"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function ensureBuilt(): void {
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (builtAt >= changedAt && existsSync(path.join(buildDir, "server", "index.js"))) return;
  console.log("Preparando Impulso (compilación de producción, solo la primera vez o tras cambios)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/@react-router/dev/bin.cjs"), "build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) {
    console.error("La compilación falló.");
    process.exit(1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

ensureBuilt();
const server = await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href);
const running = await server.startServer({ clientDir: path.join(buildDir, "client"), seed: process.env.SEED !== "false" });
const database = process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite en ${path.resolve(process.env.DATA_DIR ?? "./data")}`;
console.log(`
Impulso está funcionando en ${running.url}
Base de datos: ${database}${running.seeded ? " (datos de demostración creados)" : ""}

Cuentas de demostración (contraseña: ${server.DEMO_PASSWORD}):
${(server.DEMO_ACCOUNTS as Array<{ email: string; description: string }>).map((a) => `  ${a.email.padEnd(36)} ${a.description}`).join("\n")}

Detener: Ctrl-C
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nDeteniendo Impulso…");
    await running.stop();
    process.exit(0);
  });
}
