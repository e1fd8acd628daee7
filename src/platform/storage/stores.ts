// One storage interface for every uploaded file (issue #16 §3). By default a folder under DATA_DIR
// (`files/`), written atomically; when S3_URL is set, an S3-compatible bucket (path-style addressing, so
// MinIO, Garage or s3rver work as well as AWS). Keys are ids the platform makes, never names people
// typed: a key that could leave the folder is refused before any disk or network access.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import type * as S3 from "@aws-sdk/client-s3";
import { config } from "../config";

// The AWS SDK takes a fifth of a second to load: loaded when a process first uses the bucket.
const load = createRequire(import.meta.url);
const sdk = () => load("@aws-sdk/client-s3") as typeof S3;

export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
  size: number;
}

/** Bytes `start` to `end` of a file, both included (as in an HTTP Range header). */
export interface ByteRange {
  start: number;
  end: number;
}

/** What a stored file is, without its bytes. */
export interface FileInfo {
  contentType: string;
  /** of the whole file, also when a range of it is read */
  size: number;
}

/** A stored file read as a stream (a video of hundreds of MB is never held in memory). */
export interface OpenedFile extends FileInfo {
  /** the whole file, or only the range asked for */
  stream: ReadableStream<Uint8Array>;
}

export interface FileStore {
  put(key: string, bytes: Uint8Array, meta: { contentType: string }): Promise<void>;
  /**
   * Stores the file at `filePath` (a finished resumable upload) without reading it into memory. The
   * file must not change afterwards (the folder store may hard-link it); the caller removes it.
   */
  putFile(key: string, filePath: string, meta: { contentType: string }): Promise<void>;
  /** null when there is no such file */
  get(key: string): Promise<StoredFile | null>;
  /** the type and size of a file, null when there is none */
  stat(key: string): Promise<FileInfo | null>;
  /** the file (or a range of it, within its size) as a stream; null when there is no such file */
  open(key: string, range?: ByteRange): Promise<OpenedFile | null>;
  /** removing a file that is not there is not an error */
  delete(key: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

const KEY = /^[a-z0-9][a-z0-9-]{0,127}$/;

export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`not a file key: ${JSON.stringify(key)}`);
  return key;
}

/** Files in a folder: `<key>` holds the bytes, `<key>.type` the content type. */
export class FolderStore implements FileStore {
  constructor(readonly folder: string) {}

  async put(key: string, bytes: Uint8Array, meta: { contentType: string }): Promise<void> {
    checkKey(key);
    await mkdir(this.folder, { recursive: true });
    await this.writeAtomically(`${key}.type`, new TextEncoder().encode(meta.contentType));
    await this.writeAtomically(key, bytes);
  }

  /**
   * The file is synced, then hard-linked to a temporary name in the folder (no copy on one file
   * system; a copy, synced, across file systems), renamed to its key, and the folder synced: as `put`.
   */
  async putFile(key: string, filePath: string, meta: { contentType: string }): Promise<void> {
    checkKey(key);
    await mkdir(this.folder, { recursive: true });
    await this.writeAtomically(`${key}.type`, new TextEncoder().encode(meta.contentType));
    const temporary = this.temporaryName(key);
    try {
      await syncFile(filePath);
      try {
        await link(filePath, temporary);
      } catch {
        // another file system (EXDEV), or one without hard links
        await copyFile(filePath, temporary);
        await syncFile(temporary);
      }
      await rename(temporary, path.join(this.folder, key));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await this.syncFolder();
  }

  private temporaryName(name: string): string {
    return path.join(this.folder, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  }

  private async syncFolder(): Promise<void> {
    const folder = await open(this.folder, "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  /**
   * Written to a temporary name, synced, then renamed, and the folder synced: a crash leaves the old
   * file or the new one, and a file said to be stored is on disk.
   */
  private async writeAtomically(name: string, bytes: Uint8Array): Promise<void> {
    const temporary = this.temporaryName(name);
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await handle.close();
    await rename(temporary, path.join(this.folder, name));
    await this.syncFolder();
  }

  async stat(key: string): Promise<FileInfo | null> {
    checkKey(key);
    try {
      const [info, type] = await Promise.all([
        stat(path.join(this.folder, key)),
        readFile(path.join(this.folder, `${key}.type`), "utf8").catch(() => "application/octet-stream"),
      ]);
      return { contentType: type, size: info.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async open(key: string, range?: ByteRange): Promise<OpenedFile | null> {
    checkKey(key);
    let handle: import("node:fs/promises").FileHandle;
    try {
      handle = await open(path.join(this.folder, key), "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    // The size and the stream from one open file: a file replaced meanwhile is read whole, old or new.
    let size: number;
    let contentType: string;
    try {
      size = (await handle.stat()).size;
      contentType = await readFile(path.join(this.folder, `${key}.type`), "utf8").catch(
        () => "application/octet-stream",
      );
    } catch (error) {
      await handle.close();
      throw error;
    }
    const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    return { contentType, size, stream: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
  }

  async get(key: string): Promise<StoredFile | null> {
    checkKey(key);
    try {
      const [bytes, type] = await Promise.all([
        readFile(path.join(this.folder, key)),
        readFile(path.join(this.folder, `${key}.type`), "utf8").catch(() => "application/octet-stream"),
      ]);
      return { bytes: new Uint8Array(bytes), contentType: type, size: bytes.length };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await rm(path.join(this.folder, key), { force: true });
    await rm(path.join(this.folder, `${key}.type`), { force: true });
  }

  async *keys(): AsyncIterable<string> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    for (const name of names.sort()) if (KEY.test(name)) yield name;
  }
}

/**
 * The parts of S3_URL: http(s)://ACCESS_KEY:SECRET@host:port/bucket?region=… (key and secret
 * percent-encoded; without them the SDK's own chain is used: AWS_ACCESS_KEY_ID, an instance role…).
 */
export function parseS3Url(url: string) {
  const parsed = new URL(url);
  const bucket = parsed.pathname.replace(/^\/+|\/+$/g, "");
  if (!bucket || bucket.includes("/"))
    throw new Error("S3_URL must name one bucket: http(s)://key:secret@host/bucket");
  return {
    endpoint: `${parsed.protocol}//${parsed.host}`,
    bucket,
    region: parsed.searchParams.get("region") ?? "us-east-1",
    credentials: parsed.username
      ? {
          accessKeyId: decodeURIComponent(parsed.username),
          secretAccessKey: decodeURIComponent(parsed.password),
        }
      : undefined,
  };
}

/** Objects in one bucket, named by their key; the content type is the object's own. */
export class S3Store implements FileStore {
  private readonly client: S3.S3Client;
  readonly bucket: string;

  /** `pageSize`: keys listed per request (S3's default, 1000; tests make it small to page). */
  constructor(
    url: string,
    private readonly options: { pageSize?: number } = {},
  ) {
    const parts = parseS3Url(url);
    this.bucket = parts.bucket;
    this.client = new (sdk().S3Client)({
      endpoint: parts.endpoint,
      region: parts.region,
      forcePathStyle: true,
      credentials: parts.credentials,
      // Checksums only where S3 requires them: by default the SDK sends a stream (putFile) as
      // aws-chunked with a trailing checksum, which S3-compatible servers such as s3rver store
      // with the chunk framing in the object.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
  }

  async put(key: string, bytes: Uint8Array, meta: { contentType: string }): Promise<void> {
    await this.client.send(
      new (sdk().PutObjectCommand)({
        Bucket: this.bucket,
        Key: checkKey(key),
        Body: bytes,
        ContentType: meta.contentType,
      }),
    );
  }

  /** A stream with its length (PutObject, not multipart: one request up to S3's 5 GB). */
  async putFile(key: string, filePath: string, meta: { contentType: string }): Promise<void> {
    checkKey(key);
    const { size } = await stat(filePath);
    await this.client.send(
      new (sdk().PutObjectCommand)({
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(filePath),
        ContentLength: size,
        ContentType: meta.contentType,
      }),
    );
  }

  async stat(key: string): Promise<FileInfo | null> {
    try {
      const head = await this.client.send(
        new (sdk().HeadObjectCommand)({ Bucket: this.bucket, Key: checkKey(key) }),
      );
      return { contentType: head.ContentType ?? "application/octet-stream", size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async open(key: string, range?: ByteRange): Promise<OpenedFile | null> {
    try {
      const object = await this.client.send(
        new (sdk().GetObjectCommand)({
          Bucket: this.bucket,
          Key: checkKey(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      // "bytes 0-99/1234": the whole size follows the slash
      const total = range ? Number(/\/(\d+)$/.exec(object.ContentRange ?? "")?.[1]) : object.ContentLength;
      const stream = object.Body
        ? (object.Body.transformToWebStream() as ReadableStream<Uint8Array>)
        : new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
      return {
        contentType: object.ContentType ?? "application/octet-stream",
        size: Number.isFinite(total) ? (total as number) : 0,
        stream,
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async get(key: string): Promise<StoredFile | null> {
    try {
      const object = await this.client.send(
        new (sdk().GetObjectCommand)({ Bucket: this.bucket, Key: checkKey(key) }),
      );
      const bytes = object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      return { bytes, contentType: object.ContentType ?? "application/octet-stream", size: bytes.length };
    } catch (error) {
      if (error instanceof sdk().NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new (sdk().DeleteObjectCommand)({ Bucket: this.bucket, Key: checkKey(key) }));
  }

  async *keys(): AsyncIterable<string> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new (sdk().ListObjectsV2Command)({
          Bucket: this.bucket,
          ContinuationToken: token,
          MaxKeys: this.options.pageSize,
        }),
      );
      for (const item of page.Contents ?? []) if (item.Key && KEY.test(item.Key)) yield item.Key;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return (
    error instanceof sdk().NoSuchKey ||
    error instanceof sdk().NotFound ||
    name === "NoSuchKey" ||
    name === "NotFound"
  );
}

/** fsync(2) of a file written by someone else (tus writes its parts without syncing). */
async function syncFile(filePath: string): Promise<void> {
  const handle = await open(filePath, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

let current: FileStore | undefined;

/** The platform's file store: S3 when S3_URL is set, else the folder DATA_DIR/files. */
export function fileStore(): FileStore {
  current ??= config().S3_URL
    ? new S3Store(config().S3_URL as string)
    : new FolderStore(path.join(config().dataDir, "files"));
  return current;
}

/** Tests put their own store in place (a temporary folder, an s3rver bucket); undefined: back to the configured one. */
export function setFileStore(store: FileStore | undefined): void {
  current = store;
}
