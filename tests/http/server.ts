// Starts the real production server (the built bundle) on a free port against the test database,
// and gives an HTTP client that signs in as any fixture person by opening a real database session.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { createSession } from "~/platform/auth/sessions";
import { FolderStore } from "~/platform/storage";
import { useTestDatabase } from "~/platform/testing/database";
import { useTemporaryFileStore } from "~/platform/testing/files";
import { buildDir, ensureBuilt } from "../../scripts/build";

export interface TestServer {
  url: string;
  /** the folder of unfinished resumable uploads (/subidas) */
  partialUploads: string;
  /** A client that sends the session cookie of this person (null: anonymous). */
  as(personId: string | null): Promise<Client>;
}

export interface Client {
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>): Promise<Response>;
}

export function useTestServer(): { current: () => TestServer } {
  const database = useTestDatabase();
  // the server's files and the test's are the same folder (the server is a bundle of its own)
  const files = useTemporaryFileStore();
  let server: TestServer | undefined;
  let stop: (() => Promise<void>) | undefined;
  let partialUploads = "";
  beforeAll(async () => {
    ensureBuilt();
    partialUploads = await mkdtemp(path.join(tmpdir(), "impulso-uploads-"));
    const bundle = await import(pathToFileURL(path.join(buildDir, "server", "index.js")).href);
    const running = await bundle.startServer({
      clientDir: path.join(buildDir, "client"),
      seed: false,
      database: database.current(),
      port: 0,
      worker: false,
      fileStore: new FolderStore(files.folder()),
      uploadsDirectory: partialUploads,
    });
    stop = running.stop;
    const url: string = running.url;
    server = {
      url,
      partialUploads,
      async as(personId) {
        const cookie = personId
          ? `impulso_session=${(await createSession(personId, { ip: "127.0.0.1" })).token}`
          : "";
        const headers = (extra: Record<string, string> = {}) => ({ ...(cookie ? { cookie } : {}), ...extra });
        return {
          get: (p) => fetch(url + p, { headers: headers(), redirect: "manual" }),
          post: (p, fields) =>
            fetch(url + p, {
              method: "POST",
              headers: headers({ "content-type": "application/x-www-form-urlencoded", origin: url }),
              body: new URLSearchParams(fields).toString(),
              redirect: "manual",
            }),
        };
      },
    };
  }, 180_000);
  afterAll(async () => {
    await stop?.();
    if (partialUploads) await rm(partialUploads, { recursive: true, force: true });
  });
  return {
    current: () => {
      if (!server) throw new Error("server not started");
      return server;
    },
  };
}
