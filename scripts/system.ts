// Small helpers shared by the test command, the throwaway PostgreSQL server and the benchmarks:
// free ports on loopback and installing Debian packages when a tool the tests need is missing.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
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
 * lists only when it fails (a fresh machine's lists may be missing or stale). apt's own output goes to
 * logFile when one is given (its last lines are shown if it fails). Throws when it can't install.
 */
export function aptInstall(packages: string[], why: string, logFile?: string): void {
  const list = packages.join(" ");
  console.log(`Instalando ${list} con apt-get… (${why})`);
  if (!isRoot()) {
    throw new Error(
      `Falta ${list} y no se puede instalar sin ser root: ejecute "sudo apt-get install -y ${list}".`,
    );
  }
  const started = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => {
    const fd = logFile ? openSync(logFile, "a") : undefined;
    try {
      return spawnSync("apt-get", ["-q", "-o", "Dpkg::Use-Pty=0", ...args], {
        stdio: fd === undefined ? ["ignore", "inherit", "inherit"] : ["ignore", fd, fd],
        env,
      });
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
  let result = apt(["install", "-y", ...packages]);
  if (result.status !== 0) {
    console.log("apt-get install falló; actualizando la lista de paquetes (apt-get update) y reintentando…");
    apt(["update"]);
    result = apt(["install", "-y", ...packages]);
  }
  if (result.status !== 0) {
    const shown = logFile
      ? `\n${readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-30).join("\n")}`
      : "";
    throw new Error(`apt-get install ${list} falló (código ${result.status ?? result.signal}).${shown}`);
  }
  console.log(
    `Instalado ${list} en ${((Date.now() - started) / 1000).toFixed(0)} s${logFile ? ` (registro: ${logFile})` : ""}.`,
  );
}
