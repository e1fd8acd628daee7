// Resumable uploads (tus, /subidas) over real HTTP against the built server: an upload in parts, one
// cut mid-file and resumed from where the server stopped (only the rest is sent again), who may see
// and continue an upload, the size limit, a file that is not what the purpose takes, and the stored
// clip played back in ranges. The purpose is registered here: the registry is the process's, shared
// with the server bundle loaded in this process.
import { createHash, randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { makeWorld } from "~/modules/people/testing";
import { createSession } from "~/platform/auth/sessions";
import type { Actor } from "~/platform/policy";
import {
  fileStore,
  rangeFileResponse,
  registerUploadPurpose,
  type StoredUpload,
  type UploadMetadata,
} from "~/platform/storage";
import { useTestServer } from "./server";

const server = useTestServer();
let w: Awaited<ReturnType<typeof makeWorld>>;

const MAX_BYTES = 3 * 1024 * 1024;
const finished: Array<{ actor: Actor; metadata: UploadMetadata; stored: StoredUpload }> = [];

registerUploadPurpose("test-clip", {
  maxBytes: MAX_BYTES,
  kinds: ["video"],
  async authorize(_actor, metadata) {
    return metadata.room !== "closed";
  },
  async finish(actor, metadata, stored) {
    finished.push({ actor, metadata, stored });
  },
});

/** An MP4 (its ftyp box) followed by random bytes: a clip as the server reads it. */
function clip(size: number): Buffer {
  const head = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypisom\0\0\x02\0isomiso2", "latin1"),
  ]);
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function cookieOf(personId: string): Promise<string> {
  return `impulso_session=${(await createSession(personId, { ip: "127.0.0.1" })).token}`;
}

const TUS = { "tus-resumable": "1.0.0" };

function encodeMetadata(metadata: Record<string, string>): string {
  return Object.entries(metadata)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

async function create(cookie: string | null, length: number, metadata: Record<string, string>) {
  return fetch(`${server.current().url}/subidas`, {
    method: "POST",
    headers: {
      ...TUS,
      ...(cookie ? { cookie } : {}),
      "upload-length": String(length),
      "upload-metadata": encodeMetadata(metadata),
    },
  });
}

/** Creates an upload and answers its address (a path under /subidas). */
async function created(cookie: string, bytes: Buffer, metadata: Record<string, string> = {}) {
  const res = await create(cookie, bytes.length, {
    purpose: "test-clip",
    filename: "Clase 3°B.mp4",
    ...metadata,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const location = res.headers.get("location") ?? "";
  expect(location).toMatch(/^\/subidas\/[0-9a-f-]{36}$/);
  return location;
}

function patch(cookie: string | null, location: string, offset: number, body: Uint8Array) {
  return fetch(server.current().url + location, {
    method: "PATCH",
    headers: {
      ...TUS,
      ...(cookie ? { cookie } : {}),
      "content-type": "application/offset+octet-stream",
      "upload-offset": String(offset),
    },
    body: new Uint8Array(body),
  });
}

function head(cookie: string | null, location: string) {
  return fetch(server.current().url + location, {
    method: "HEAD",
    headers: { ...TUS, ...(cookie ? { cookie } : {}) },
  });
}

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of fileStore().keys()) keys.push(key);
  return keys;
}

/**
 * A PATCH whose connection is cut after `sent` bytes of a body announced whole: the bytes are
 * flushed to the socket, given a moment to reach the server, and the socket is destroyed.
 */
async function cutPatch(cookie: string, location: string, bytes: Buffer, sent: number): Promise<void> {
  const url = new URL(server.current().url + location);
  const req = http.request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: "PATCH",
    headers: {
      ...TUS,
      cookie,
      "content-type": "application/offset+octet-stream",
      "upload-offset": "0",
      "content-length": String(bytes.length),
    },
  });
  const ended = new Promise<void>((resolve) => {
    req.on("error", () => resolve());
    req.on("close", () => resolve());
  });
  await new Promise<void>((resolve) => req.write(bytes.subarray(0, sent), () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 300));
  req.destroy();
  await ended;
}

beforeAll(async () => {
  w = await makeWorld();
});

describe("a resumable upload", () => {
  it("is created, sent in two PATCHes and stored once, with the right bytes", async () => {
    const cookie = await cookieOf(w.teacherA.id);
    const bytes = clip(1_500_000);
    const location = await created(cookie, bytes, { room: "3B" });
    const before = finished.length;

    const first = await patch(cookie, location, 0, bytes.subarray(0, 600_000));
    expect(first.status).toBe(204);
    expect(first.headers.get("upload-offset")).toBe("600000");
    const second = await patch(cookie, location, 600_000, bytes.subarray(600_000));
    expect(second.status).toBe(204);
    expect(second.headers.get("upload-offset")).toBe(String(bytes.length));

    expect(finished.length).toBe(before + 1);
    const { actor, metadata, stored } = finished[finished.length - 1];
    expect(actor.personId).toBe(w.teacherA.id);
    // the page's metadata, without the server's own entries
    expect(metadata).toEqual({ purpose: "test-clip", filename: "Clase 3°B.mp4", room: "3B" });
    expect(stored).toMatchObject({
      contentType: "video/mp4",
      extension: "mp4",
      size: bytes.length,
      sha256: sha256(bytes),
      fileName: "Clase 3°B.mp4",
      uploadId: location.split("/").pop(),
    });
    const kept = await fileStore().get(stored.key);
    expect(kept?.contentType).toBe("video/mp4");
    expect(sha256(kept?.bytes ?? new Uint8Array())).toBe(sha256(bytes));
    // the parts are gone from the partial folder (only the finished record stays, until it expires)
    expect(await readdir(server.current().partialUploads)).not.toContain(location.split("/").pop());

    // a browser that lost the answer to its last PATCH asks again: all of it arrived, and a repeated
    // last PATCH stores nothing twice
    const again = await head(cookie, location);
    expect(again.status).toBe(200);
    expect([again.headers.get("upload-offset"), again.headers.get("upload-length")]).toEqual([
      String(bytes.length),
      String(bytes.length),
    ]);
    expect((await patch(cookie, location, bytes.length, new Uint8Array())).status).toBe(204);
    expect(finished.length).toBe(before + 1);
  });

  it("resumes after the connection drops mid-file: the server keeps what arrived and gets only the rest", async () => {
    const cookie = await cookieOf(w.teacherA.id);
    const bytes = clip(2_000_000);
    const location = await created(cookie, bytes);
    const before = finished.length;

    await cutPatch(cookie, location, bytes, 1_000_000);

    const asked = await head(cookie, location);
    expect(asked.status).toBe(200);
    const offset = Number(asked.headers.get("upload-offset"));
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(1_000_000);
    expect(asked.headers.get("upload-length")).toBe(String(bytes.length));
    expect(finished.length).toBe(before);

    const rest = bytes.subarray(offset);
    const resumed = await patch(cookie, location, offset, rest);
    expect(resumed.status).toBe(204);
    expect(resumed.headers.get("upload-offset")).toBe(String(bytes.length));
    // the second PATCH carried only the rest, not the whole file again
    expect(rest.length).toBe(bytes.length - offset);
    expect(rest.length).toBeLessThan(bytes.length);

    expect(finished.length).toBe(before + 1);
    const { stored } = finished[finished.length - 1];
    expect(stored.sha256).toBe(sha256(bytes));
    const kept = await fileStore().get(stored.key);
    expect(sha256(kept?.bytes ?? new Uint8Array())).toBe(sha256(bytes));
  });

  it("is seen and continued only by the person who created it", async () => {
    const owner = await cookieOf(w.teacherA.id);
    const bytes = clip(100_000);
    const location = await created(owner, bytes);
    await patch(owner, location, 0, bytes.subarray(0, 50_000));

    // a colleague of the same school, someone of another organization: as if there were no upload
    for (const personId of [w.teacherA2.id, w.otherAdmin.id]) {
      const stranger = await cookieOf(personId);
      expect((await head(stranger, location)).status).toBe(404);
      expect((await patch(stranger, location, 50_000, bytes.subarray(50_000))).status).toBe(404);
      const terminate = await fetch(server.current().url + location, {
        method: "DELETE",
        headers: { ...TUS, cookie: stranger },
      });
      expect(terminate.status).toBe(404);
    }
    // nobody signed in: not even a creation
    expect((await create(null, bytes.length, { purpose: "test-clip" })).status).toBe(401);
    expect((await head(null, location)).status).toBe(401);
    expect((await patch(null, location, 50_000, bytes.subarray(50_000))).status).toBe(401);
    // another site's page cannot send the owner's browser to continue it
    const crossSite = await fetch(server.current().url + location, {
      method: "PATCH",
      headers: {
        ...TUS,
        cookie: owner,
        origin: "https://evil.example",
        "content-type": "application/offset+octet-stream",
        "upload-offset": "50000",
      },
      body: new Uint8Array(bytes.subarray(50_000)),
    });
    expect(crossSite.status).toBe(403);
    // tus never serves the parts: a GET is the app's not-found page
    const get = await fetch(server.current().url + location, { headers: { cookie: owner } });
    expect(get.status).toBe(404);
    expect(get.headers.get("content-type")).toMatch(/^text\/html/);

    // the owner's upload is untouched
    const asked = await head(owner, location);
    expect(asked.headers.get("upload-offset")).toBe("50000");
  });

  it("refuses an unknown purpose, one the person may not use, and a length over the purpose's limit", async () => {
    const cookie = await cookieOf(w.teacherA.id);
    const partial = async () => (await readdir(server.current().partialUploads)).length;
    const before = await partial();
    expect((await create(cookie, 1000, { purpose: "nothing" })).status).toBe(403);
    expect((await create(cookie, 1000, { filename: "clase.mp4" })).status).toBe(403);
    expect((await create(cookie, 1000, { purpose: "test-clip", room: "closed" })).status).toBe(403);
    const over = await create(cookie, MAX_BYTES + 1, { purpose: "test-clip" });
    expect(over.status).toBe(413);
    expect(await over.text()).toContain("El archivo pesa más de 3 MB.");
    // nothing was created
    expect(await partial()).toBe(before);
  });

  it("refuses at the end a file that is not a video, and keeps nothing of it", async () => {
    const cookie = await cookieOf(w.teacherA.id);
    const page = Buffer.from(`<!doctype html><script>alert(1)</script>${"x".repeat(10_000)}`);
    const location = await created(cookie, page, { filename: "clase.mp4" });
    const keys = await storedKeys();
    const before = finished.length;
    const last = await patch(cookie, location, 0, page);
    expect(last.status).toBe(422);
    expect(await last.text()).toContain("Se aceptan: MP4, WEBM, MOV.");
    expect(finished.length).toBe(before);
    expect(await storedKeys()).toEqual(keys);
    expect((await head(cookie, location)).status).toBe(404);
    expect(await readdir(server.current().partialUploads)).not.toContain(location.split("/").pop());
  });
});

describe("a stored clip played back", () => {
  it("is served in ranges, as a <video> asks for it", async () => {
    const cookie = await cookieOf(w.teacherB.id);
    const bytes = clip(400_000);
    const location = await created(cookie, bytes);
    expect((await patch(cookie, location, 0, bytes)).status).toBe(204);
    const { stored } = finished[finished.length - 1];
    const served = await rangeFileResponse(
      new Request("http://localhost/video", { headers: { range: "bytes=1000-4999" } }),
      stored.key,
      { fileName: "clase.mp4", inline: true },
    );
    expect(served?.status).toBe(206);
    expect(served?.headers.get("content-range")).toBe(`bytes 1000-4999/${bytes.length}`);
    expect(Buffer.from(await (served as Response).arrayBuffer()).equals(bytes.subarray(1000, 5000))).toBe(
      true,
    );
  });
});
