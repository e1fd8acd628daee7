// The file store's contract, run against the folder store and against an S3 bucket served by s3rver
// (a real S3-speaking server, in a child process); what an upload is, read from its bytes; how a file
// is served.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
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
  acceptUpload,
  contentDisposition,
  type FileStore,
  FolderStore,
  fileResponse,
  parseS3Url,
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
