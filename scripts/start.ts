// `npm start`: builds the app when its sources changed (a production build, not a dev server),
// applies migrations, seeds the demo on first start, prints the URL and the demo accounts, and serves
// until Ctrl-C. Same code on PGlite (default, files under ./data) and on PostgreSQL (DATABASE_URL).
// It runs on Node's own type stripping, not tsx (scripts/node24.mjs): its imports name their files
// (./build.ts) and use no path alias, and tsx's loader cost 1.2 s of every start.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildDir, ensureBuilt } from "./build.ts";

ensureBuilt();
// React and React Router pick their production code from NODE_ENV when first loaded: without it the
// server rendered every page with React's development checks, about three times slower.
process.env.NODE_ENV ??= "production";
const server = await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href);
const running = await server.startServer({
  clientDir: path.join(buildDir, "client"),
  seed: process.env.SEED !== "false",
});
const database = process.env.DATABASE_URL
  ? "PostgreSQL (DATABASE_URL)"
  : `PGlite en ${path.resolve(process.env.DATA_DIR ?? "./data")}`;
console.log(`
Impulso está funcionando en ${running.url}
Base de datos: ${database}${running.seeded ? " (datos de demostración creados)" : ""}

Cuentas de demostración (contraseña: ${server.DEMO_PASSWORD}):
${(server.DEMO_ACCOUNTS as Array<{ email: string; description: string }>).map((a) => `  ${a.email.padEnd(36)} ${a.description}`).join("\n")}

Otra organización, para probar que una no ve los datos de la otra (misma contraseña):
${(server.OTHER_ORGANIZATION_ACCOUNTS as Array<{ email: string; description: string }>).map((a) => `  ${a.email.padEnd(36)} ${a.description}`).join("\n")}

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
