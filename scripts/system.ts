// Small helpers shared by the test command, the throwaway PostgreSQL server and the benchmarks:
// free ports on loopback and installing Debian packages when a tool the tests need is missing.
import { spawnSync } from "node:child_process";
import net from "node:net";

/** A TCP port that was free on 127.0.0.1 a moment ago (the caller binds it right away). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("no se obtuvo un puerto libre"))));
    });
  });
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/**
 * Installs Debian packages with apt-get, saying so. Tries the install first and refreshes the package
 * lists only when it fails (a fresh machine's lists may be missing or stale). Throws when it can't.
 */
export function aptInstall(packages: string[], why: string): void {
  const list = packages.join(" ");
  console.log(`Instalando ${list} con apt-get… (${why})`);
  if (!isRoot()) {
    throw new Error(`Falta ${list} y no se puede instalar sin ser root: ejecute "sudo apt-get install -y ${list}".`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "-q", ...packages], { stdio: ["ignore", "inherit", "inherit"], env });
  let result = install();
  if (result.status !== 0) {
    console.log("apt-get install falló; actualizando la lista de paquetes (apt-get update) y reintentando…");
    spawnSync("apt-get", ["update", "-q"], { stdio: ["ignore", "inherit", "inherit"], env });
    result = install();
  }
  if (result.status !== 0) {
    throw new Error(`apt-get install ${list} falló (código ${result.status ?? result.signal}).`);
  }
}
