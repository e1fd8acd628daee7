// The file store's contract, run against the folder store and against an S3 bucket served by s3rver
// (a real S3-speaking server, in a child process); what an upload is, read from its bytes; how a file
// is served.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../messages";
import { DomainError } from "../errors";
import {
  acceptedExtensions,
  acceptFile,
  acceptUpload,
  contentDisposition,
  type FileStore,
  FolderStore,
  fileResponse,
  parseS3Url,
  rangeFileResponse,
  requestedRange,
  S3Store,
  type UploadPolicy,
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

/** The first bytes of an MP4 (an ftyp box, brand isom), a QuickTime movie and a WebM (an EBML header). */
const VIDEO_HEADS = {
  mp4: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypisom\0\0\x02\0isomiso2", "latin1")]),
  mov: Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from("ftypqt  \0\0\x02\0qt  ", "latin1")]),
  webm: Buffer.from("1A45DFA39F4286810142F7810142F2810442F381084282847765626D4287810242858102", "hex"),
};

const folders: string[] = [];
const temporaryFolder = async () => {
  const folder = await mkdtemp(path.join(tmpdir(), "impulso-storage-"));
  folders.push(folder);
  return folder;
};
/**
 * s3rver in a child process, on a free port. Its ListObjectsV2 continuation tokens are DES-encrypted,
 * which OpenSSL 3 (Node ≥ 17) offers only with the legacy provider: in this process a second page of
 * keys would be a 500, so the server gets `--openssl-legacy-provider` in a process of its own.
 */
async function startS3rver(directory: string, buckets: string[]): Promise<{ port: number; stop(): void }> {
  const bin = createRequire(import.meta.url).resolve("s3rver/bin/s3rver.js");
  const args = ["-d", directory, "-a", "127.0.0.1", "-p", "0", "-s"];
  for (const bucket of buckets) args.push("--configure-bucket", bucket);
  const child = spawn(process.execPath, ["--openssl-legacy-provider", bin, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on [\d.]+:(\d+)/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited (${code}):\n${output}`));
    });
  });
  return { port, stop: () => child.kill() };
}

let s3: { port: number; stop(): void } | undefined;
let s3Url = "";
let s3PagesUrl = "";

beforeAll(async () => {
  s3 = await startS3rver(await temporaryFolder(), ["impulso-archivos", "impulso-paginas"]);
  s3Url = `http://S3RVER:S3RVER@127.0.0.1:${s3.port}/impulso-archivos`;
  s3PagesUrl = `http://S3RVER:S3RVER@127.0.0.1:${s3.port}/impulso-paginas?region=sa-east-1`;
});

afterAll(async () => {
  s3?.stop();
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

  it("stores a file from disk, and reads it whole or in ranges as a stream", async () => {
    const store = await make();
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    const source = path.join(await temporaryFolder(), "part");
    await writeFile(source, bytes);
    expect(await store.stat("video-a")).toBeNull();
    expect(await store.open("video-a")).toBeNull();
    await store.putFile("video-a", source, { contentType: "video/mp4" });
    expect(await store.stat("video-a")).toEqual({ contentType: "video/mp4", size: bytes.length });
    const whole = await store.open("video-a");
    expect([whole?.contentType, whole?.size]).toEqual(["video/mp4", bytes.length]);
    expect(Buffer.from(await new Response(whole?.stream).arrayBuffer()).equals(Buffer.from(bytes))).toBe(
      true,
    );
    const part = await store.open("video-a", { start: 1000, end: 1999 });
    expect(part?.size).toBe(bytes.length); // the whole file's size
    const read = new Uint8Array(await new Response(part?.stream).arrayBuffer());
    expect(Buffer.from(read).equals(Buffer.from(bytes.subarray(1000, 2000)))).toBe(true);
    // the same bytes as put() would keep, under the same key rules
    expect(Buffer.from((await store.get("video-a"))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    await expect(store.putFile("../x", source, { contentType: "video/mp4" })).rejects.toThrow(
      /not a file key/,
    );
    const keys: string[] = [];
    for await (const key of store.keys()) keys.push(key);
    expect(keys).toContain("video-a");
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
    const source = path.join(await temporaryFolder(), "part");
    await writeFile(source, PNG);
    await store.putFile("video-c", source, { contentType: "video/mp4" });
    expect((await readdir(folder)).sort()).toEqual(["lesson-c", "lesson-c.type", "video-c", "video-c.type"]);
  });
});

describe("a file served in ranges", () => {
  const bytes = new Uint8Array(1000).map((_, i) => i % 256);
  let store: FolderStore;
  beforeAll(async () => {
    store = new FolderStore(path.join(await temporaryFolder(), "files"));
    const source = path.join(await temporaryFolder(), "clip");
    await writeFile(source, bytes);
    await store.putFile("clip", source, { contentType: "video/webm" });
  });
  const serve = (headers: Record<string, string> = {}) =>
    rangeFileResponse(new Request("http://localhost/v", { headers }), "clip", {
      fileName: "Clase.webm",
      inline: true,
      store,
    });

  it("reads a Range header", () => {
    expect(requestedRange(null, 1000)).toBeNull();
    expect(requestedRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(requestedRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(requestedRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(requestedRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(requestedRange("bytes=-0", 1000)).toBe("unsatisfiable");
    expect(requestedRange("bytes=0-", 0)).toBe("unsatisfiable");
    // ignored: the whole file
    for (const header of ["bytes=5-1", "bytes=0-1,5-9", "items=0-1", "bytes=a-b", "bytes=-"])
      expect(requestedRange(header, 1000), header).toBeNull();
  });

  it("answers 206 with the bytes asked for, 200 with all of them, 416 beyond the end", async () => {
    const partial = await serve({ range: "bytes=100-199" });
    expect(partial?.status).toBe(206);
    expect(partial?.headers.get("content-range")).toBe("bytes 100-199/1000");
    expect(partial?.headers.get("content-length")).toBe("100");
    expect(partial?.headers.get("accept-ranges")).toBe("bytes");
    expect([...new Uint8Array(await (partial as Response).arrayBuffer())]).toEqual([
      ...bytes.subarray(100, 200),
    ]);

    const whole = await serve();
    expect(whole?.status).toBe(200);
    expect(whole?.headers.get("content-length")).toBe("1000");
    expect(whole?.headers.get("accept-ranges")).toBe("bytes");
    expect(Buffer.from(await (whole as Response).arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    // the headers of every stored file served
    expect(whole?.headers.get("content-type")).toBe("video/webm");
    expect(whole?.headers.get("content-security-policy")).toBe("sandbox");
    expect(whole?.headers.get("cache-control")).toBe("private, no-store");
    expect(whole?.headers.get("content-disposition")).toMatch(/^inline; filename="Clase.webm"/);

    const beyond = await serve({ range: "bytes=1000-1100" });
    expect(beyond?.status).toBe(416);
    expect(beyond?.headers.get("content-range")).toBe("bytes */1000");
    // If-Range without a validator: the whole file
    expect((await serve({ range: "bytes=0-1", "if-range": "x" }))?.status).toBe(200);
    expect(
      await rangeFileResponse(new Request("http://localhost/v"), "nothing", { fileName: "x", store }),
    ).toBeNull();
  });
});

describe("the S3 store", () => {
  it("lists every key, page after page", async () => {
    const store = new S3Store(s3PagesUrl, { pageSize: 2 });
    for (const key of ["page-1", "page-2", "page-3", "page-4", "page-5"])
      await store.put(key, PNG, { contentType: "image/png" });
    const keys: string[] = [];
    for await (const key of store.keys()) keys.push(key);
    expect(keys).toEqual(["page-1", "page-2", "page-3", "page-4", "page-5"]);
  });
});

describe("S3_URL", () => {
  it("names the endpoint, bucket, region and keys", () => {
    expect(parseS3Url("https://clave:se%2Fcreto@s3.example.cl:9000/archivos?region=sa-east-1")).toEqual({
      endpoint: "https://s3.example.cl:9000",
      bucket: "archivos",
      region: "sa-east-1",
      credentials: { accessKeyId: "clave", secretAccessKey: "se/creto" },
    });
    // no keys: the SDK's own (environment, instance role)
    expect(parseS3Url("https://s3.sa-east-1.amazonaws.com/archivos")).toEqual({
      endpoint: "https://s3.sa-east-1.amazonaws.com",
      bucket: "archivos",
      region: "us-east-1",
      credentials: undefined,
    });
    expect(() => parseS3Url("https://s3.example.cl/")).toThrow(/one bucket/);
    expect(() => parseS3Url("https://s3.example.cl/a/b")).toThrow(/one bucket/);
  });
});

/** A 1×1 GIF. */
const GIF = Uint8Array.from(
  Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64"),
);

async function xlsxBytes(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("Notas").addRow(["Ana", 7]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** An OpenDocument text: a ZIP whose first entry, stored, is its `mimetype`. */
function odtBytes(): Uint8Array {
  return zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
    "content.xml": strToU8('<?xml version="1.0"?><office:document-content/>'),
  });
}

describe("what an upload is", () => {
  const everything: UploadPolicy = { kinds: ["pdf", "image", "office", "text"], maxBytes: 1024 * 1024 };
  const onlyPdf: UploadPolicy = { kinds: ["pdf"], maxBytes: 1024 * 1024 };
  const refusal = async (bytes: Uint8Array, policy: UploadPolicy = everything, fileName = "archivo") => {
    const error = await acceptUpload(bytes, fileName, policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    const { messageKey, fieldErrors, params } = error as DomainError;
    expect(fieldErrors).toEqual({ file: messageKey });
    return { key: messageKey, params };
  };
  const text = (s: string) => new TextEncoder().encode(s);

  it("reads the type from the bytes", async () => {
    const pdf = await pdfBytes();
    expect(await acceptUpload(pdf, "guía.pdf", onlyPdf)).toEqual({
      contentType: "application/pdf",
      extension: "pdf",
      size: pdf.length,
      sha256: createHash("sha256").update(pdf).digest("hex"),
    });
    // the name says nothing of the type: a PDF called .png is a PDF
    expect((await acceptUpload(pdf, "foto.png", everything)).contentType).toBe("application/pdf");
    expect(await acceptUpload(PNG, "foto.png", everything)).toMatchObject({
      contentType: "image/png",
      size: PNG.length,
    });
    expect(await acceptUpload(GIF, "a.gif", everything)).toMatchObject({
      contentType: "image/gif",
      extension: "gif",
    });
    expect(await acceptUpload(await xlsxBytes(), "notas.xlsx", everything)).toMatchObject({
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      extension: "xlsx",
    });
    expect(await acceptUpload(odtBytes(), "guia.odt", everything)).toMatchObject({
      contentType: "application/vnd.oasis.opendocument.text",
      extension: "odt",
    });
  });

  it("takes UTF-8 text, whose name only tells plain text, CSV and Markdown apart", async () => {
    const rows = text("nombre;correo\nÑuñoa;ana@example.cl\n");
    const plain = await acceptUpload(rows, "nomina.txt", everything);
    expect([plain.contentType, plain.extension]).toEqual(["text/plain; charset=utf-8", "txt"]);
    expect(plain.sha256).toBe(createHash("sha256").update(rows).digest("hex"));
    expect((await acceptUpload(rows, "nómina.CSV", everything)).contentType).toBe("text/csv; charset=utf-8");
    expect((await acceptUpload(text("# Guía\n"), "guia.md", everything)).extension).toBe("md");
    expect((await acceptUpload(rows, "nomina.pdf", everything)).contentType).toBe(
      "text/plain; charset=utf-8",
    );
    // text that starts like a signature ("BM" is a bitmap's) is still text
    expect((await acceptUpload(text("BMW;rojo\n"), "autos.csv", everything)).extension).toBe("csv");
    expect(await refusal(rows, onlyPdf, "nomina.pdf")).toEqual({
      key: "files.errors.type_not_allowed",
      params: { kinds: "PDF" },
    });
  });

  it("refuses an empty file and one too large, saying the limit", async () => {
    expect(await refusal(new Uint8Array())).toEqual({ key: "files.errors.empty", params: {} });
    expect(await refusal(new Uint8Array(1024 * 1024 + 1).fill(65))).toEqual({
      key: "files.errors.too_large",
      params: { max: "1 MB" },
    });
    expect((await refusal(PNG, { kinds: ["image"], maxBytes: 50 })).params).toEqual({ max: "50 B" });
    expect((await acceptUpload(PNG, "foto.png", { kinds: ["image"], maxBytes: PNG.length })).size).toBe(
      PNG.length,
    );
  });

  it("refuses a kind not taken, a ZIP, and markup or binary passing for text, saying what it takes", async () => {
    // a PNG renamed .pdf where only PDFs are taken
    expect(await refusal(PNG, onlyPdf, "guia.pdf")).toEqual({
      key: "files.errors.type_not_allowed",
      params: { kinds: "PDF" },
    });
    expect((await refusal(PNG, { kinds: ["pdf", "text"], maxBytes: 1024 })).params).toEqual({
      kinds: "PDF, TXT, CSV, MD",
    });
    expect((await refusal(zipSync({ "a.txt": strToU8("hola") }))).params).toEqual({
      kinds: "PDF, PNG, JPG, WEBP, GIF, DOCX, XLSX, PPTX, ODT, ODS, ODP, TXT, CSV, MD",
    });
    for (const page of [
      "<!DOCTYPE html><p>hola",
      "<html><body>hola",
      "<svg onload=alert(1)>",
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      "hola <script>alert(1)</script>",
    ])
      expect((await refusal(text(page), everything, "pagina.txt")).key, page).toBe(
        "files.errors.type_not_allowed",
      );
    // a NUL byte, and bytes that are not UTF-8
    expect((await refusal(Uint8Array.from([104, 111, 0, 108, 97]), everything, "a.txt")).key).toBe(
      "files.errors.type_not_allowed",
    );
    expect((await refusal(Uint8Array.from([0xc3, 0x28, 0x41]), everything, "a.txt")).key).toBe(
      "files.errors.type_not_allowed",
    );
  });

  it("knows a video from its first bytes, also in a file on disk, whatever its name", async () => {
    const video: UploadPolicy = { kinds: ["video"], maxBytes: 1024 * 1024 };
    const folder = await temporaryFolder();
    const expected = { mp4: "video/mp4", mov: "video/quicktime", webm: "video/webm" };
    for (const [kind, head] of Object.entries(VIDEO_HEADS)) {
      const bytes = new Uint8Array(Buffer.concat([head, Buffer.alloc(5000, 7)]));
      const file = path.join(folder, `clase.${kind === "mp4" ? "pdf" : "txt"}`);
      await writeFile(file, bytes);
      const fromFile = await acceptFile(file, "clase.pdf", video);
      expect(fromFile).toEqual({
        contentType: expected[kind as keyof typeof expected],
        extension: kind,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
      expect(await acceptUpload(bytes, "x", video)).toEqual(fromFile);
    }
    // a PDF, or a web page, called .mp4
    const pdf = path.join(folder, "clase.mp4");
    await writeFile(pdf, await pdfBytes());
    await expect(acceptFile(pdf, "clase.mp4", video)).rejects.toMatchObject({
      messageKey: "files.errors.type_not_allowed",
      params: { kinds: "MP4, WEBM, MOV" },
    });
    await writeFile(pdf, "<html><script>alert(1)</script>");
    await expect(acceptFile(pdf, "clase.mp4", video)).rejects.toMatchObject({
      messageKey: "files.errors.type_not_allowed",
    });
    await expect(acceptFile(pdf, "clase.mp4", { kinds: ["video"], maxBytes: 10 })).rejects.toMatchObject({
      messageKey: "files.errors.too_large",
    });
  });

  it("is told in every language, with the limit and the types", async () => {
    const { key, params } = await refusal(PNG, { kinds: ["pdf", "office"], maxBytes: 1024 });
    expect(translator("es-CL")(key, params)).toContain("Se aceptan: PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP.");
    expect(translator("pt-BR")(key, params)).toContain("São aceitos: PDF, DOCX");
    expect(translator("en")(key, params)).toContain("Accepted: PDF, DOCX");
    const tooLarge = await refusal(new Uint8Array(3 * 1024 * 1024), {
      kinds: ["pdf"],
      maxBytes: 2 * 1024 * 1024,
    });
    expect(translator("es-CL")(tooLarge.key, tooLarge.params)).toBe("El archivo pesa más de 2 MB.");
    expect(acceptedExtensions(["image"])).toBe("PNG, JPG, WEBP, GIF");
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
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(PNG))).toBe(true);
    expect(contentDisposition('a"b\\c%41.pdf')).toBe(
      `attachment; filename="a_b_c_41.pdf"; filename*=UTF-8''a%22b%5Cc%2541.pdf`,
    );
    expect(contentDisposition("Año 1.pdf", true)).toBe(
      `inline; filename="Ano 1.pdf"; filename*=UTF-8''A%C3%B1o%201.pdf`,
    );
    expect(contentDisposition("学习.pdf")).toBe(
      `attachment; filename="__.pdf"; filename*=UTF-8''%E5%AD%A6%E4%B9%A0.pdf`,
    );
  });
});
