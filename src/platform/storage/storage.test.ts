// The file store's contract, run against the folder store and against an S3 bucket served by s3rver
// (a real S3-speaking server, in this process); what an upload is, read from its bytes; how a file is
// served.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import PDFDocument from "pdfkit";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors";
import {
  acceptUpload,
  contentDisposition,
  type FileKind,
  type FileStore,
  FolderStore,
  fileResponse,
  parseS3Url,
  S3Store,
} from ".";

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);

function pdfBytes(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.text("Guía");
    doc.end();
  });
}

const folders: string[] = [];
const temporaryFolder = async () => {
  const folder = await mkdtemp(path.join(tmpdir(), "impulso-storage-"));
  folders.push(folder);
  return folder;
};
let s3: S3rver | undefined;
let s3Url = "";

beforeAll(async () => {
  s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: await temporaryFolder(),
    configureBuckets: [{ name: "impulso-archivos", configs: [] }],
  });
  const address = await s3.run();
  s3Url = `http://S3RVER:S3RVER@127.0.0.1:${address.port}/impulso-archivos`;
});

afterAll(async () => {
  await s3?.close();
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

const stores: Array<[string, () => Promise<FileStore>]> = [
  ["a folder", async () => new FolderStore(path.join(await temporaryFolder(), "files"))],
  ["an S3 bucket (s3rver)", async () => new S3Store(s3Url)],
];

describe.each(stores)("the file store in %s", (_name, make) => {
  it("keeps, replaces, lists and deletes files by key", async () => {
    const store = await make();
    const bytes = new TextEncoder().encode("Notas de la sesión: ñandú.\n");
    expect(await store.get("lesson-a")).toBeNull();
    await store.put("lesson-a", bytes, { contentType: "text/plain; charset=utf-8" });
    await store.put("lesson-b", PNG, { contentType: "image/png" });
    const kept = await store.get("lesson-a");
    expect(Buffer.from(kept?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect([kept?.contentType, kept?.size]).toEqual(["text/plain; charset=utf-8", bytes.length]);
    await store.put("lesson-a", PNG, { contentType: "image/png" });
    expect((await store.get("lesson-a"))?.contentType).toBe("image/png");
    const keys: string[] = [];
    for await (const key of store.keys()) keys.push(key);
    expect(keys.sort()).toEqual(["lesson-a", "lesson-b"]);
    await store.delete("lesson-a");
    await store.delete("lesson-a"); // gone already: no error
    expect(await store.get("lesson-a")).toBeNull();
  });

  it("refuses a key that could leave its place", async () => {
    const store = await make();
    for (const key of ["../x", "a/b", "", ".hidden", "A B"])
      await expect(store.put(key, PNG, { contentType: "image/png" }), key).rejects.toThrow(/not a file key/);
  });
});

describe("the folder store", () => {
  it("leaves no temporary file behind", async () => {
    const folder = path.join(await temporaryFolder(), "files");
    const store = new FolderStore(folder);
    await store.put("lesson-c", PNG, { contentType: "image/png" });
    expect((await readdir(folder)).sort()).toEqual(["lesson-c", "lesson-c.type"]);
  });
});

describe("S3_URL", () => {
  it("names the endpoint, bucket, region and keys", () => {
    expect(parseS3Url("https://clave:se%2Fcreto@s3.example.cl:9000/archivos?region=sa-east-1")).toEqual({
      endpoint: "https://s3.example.cl:9000",
      bucket: "archivos",
      region: "sa-east-1",
      accessKeyId: "clave",
      secretAccessKey: "se/creto",
    });
    expect(() => parseS3Url("https://s3.example.cl/")).toThrow(/one bucket/);
  });
});

describe("what an upload is", () => {
  const everything = { kinds: ["pdf", "image", "office", "text"] as FileKind[], maxBytes: 1024 * 1024 };
  const refusal = async (bytes: Uint8Array, policy: { kinds: FileKind[]; maxBytes: number } = everything) => {
    const error = await acceptUpload(bytes, policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).messageKey;
  };

  it("reads the type from the bytes", async () => {
    expect(await acceptUpload(await pdfBytes(), everything)).toMatchObject({
      contentType: "application/pdf",
      extension: "pdf",
    });
    expect(await acceptUpload(PNG, everything)).toMatchObject({ contentType: "image/png", size: PNG.length });
    const text = await acceptUpload(
      new TextEncoder().encode("nombre;correo\nAna;ana@example.cl\n"),
      everything,
    );
    expect(text.contentType).toBe("text/plain; charset=utf-8");
    expect(text.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses an empty file, one too large, a kind not taken, and markup or binary passing for text", async () => {
    expect(await refusal(new Uint8Array())).toBe("files.errors.empty");
    expect(await refusal(new Uint8Array(2 * 1024 * 1024).fill(65))).toBe("files.errors.too_large");
    // a PNG where only PDFs are taken (whatever its name says)
    expect(await refusal(PNG, { kinds: ["pdf"], maxBytes: 1024 })).toBe("files.errors.type_not_allowed");
    for (const page of ["<!DOCTYPE html><p>hola", "<svg onload=alert(1)>", "hola <script>alert(1)</script>"])
      expect(await refusal(new TextEncoder().encode(page)), page).toBe("files.errors.type_not_allowed");
    expect(await refusal(Uint8Array.from([104, 111, 0, 108, 97]))).toBe("files.errors.type_not_allowed");
    expect(await refusal(Uint8Array.from([0xc3, 0x28, 0x41]))).toBe("files.errors.type_not_allowed");
  });
});

describe("a file served", () => {
  it("is a sandboxed download, named in any language (nosniff: on every answer of the platform)", async () => {
    const response = fileResponse(
      { bytes: PNG, contentType: "image/png", size: PNG.length },
      { fileName: "Guía ñandú (2).png" },
    );
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe(String(PNG.length));
    expect(response.headers.get("content-security-policy")).toBe("sandbox");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Guia nandu (2).png"; filename*=UTF-8''Gu%C3%ADa%20%C3%B1and%C3%BA%20%282%29.png`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(PNG))).toBe(true);
    expect(contentDisposition('a"b\\c.pdf')).toContain('filename="a_b_c.pdf"');
  });
});
