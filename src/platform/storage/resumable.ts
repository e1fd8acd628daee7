// Resumable uploads (the tus protocol, issue #17: classroom clips up to 300 MB over a weak connection).
// The browser (app/components/resumable-upload.tsx, tus-js-client) creates an upload at /subidas
// with its length and metadata (`purpose` and what the purpose needs, e.g. `practiceId`), sends it in
// PATCHes, and after a cut asks the server how much arrived (HEAD → Upload-Offset) and sends only the
// rest. The parts are written by @tus/file-store to DATA_DIR/uploads-partial; when the last byte
// arrives the file's type is read from its bytes, its SHA-256 computed, and it is moved into the
// platform's FileStore under a fresh key; then the purpose's `finish` records it (its own row).
//
// A module says what may be uploaded where with registerUploadPurpose: the size and kinds, who may
// upload (authorize, with the metadata the page sent), and what to do with the stored file (finish).
// Only the person who created an upload may see or continue it. See docs/architecture.md, "Files".
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import { FileStore as TusFileStore } from "@tus/file-store";
import { ERRORS, Server, Upload } from "@tus/server";
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";
import { type MessageKey, translator } from "../../messages";
import { config } from "../config";
import { DomainError } from "../errors";
import type { RequestInfo } from "../http/security";
import { DEFAULT_LOCALE } from "../i18n/i18n";
import { newId } from "../ids";
import { log } from "../log";
import type { Actor } from "../policy";
import { type FileStore, fileStore } from "./stores";
import { UploadLocker } from "./upload-locks";
import {
  type LoadUploadSession,
  PARTIAL_UPLOAD_TTL_MS,
  purposes,
  UPLOADS_PATH,
  type UploadSession,
} from "./upload-purposes";
import { acceptFile, sizeLabel } from "./uploads";

// The server's own metadata entries: a page cannot set them (they are overwritten at creation).
const OWNER = "impulso-owner";
const FINISHED = "impulso-finished";
const RESERVED = new Set([OWNER, FINISHED]);

/** A refusal as tus answers it: the status and the message in the person's language. */
class Refusal {
  constructor(
    readonly status_code: number,
    readonly body: string,
  ) {}
}

function refusal(session: UploadSession | undefined, status: number, key: MessageKey, params = {}) {
  return new Refusal(status, `${translator(session?.locale ?? DEFAULT_LOCALE)(key, params)}\n`);
}

/** What the page sent, without the server's entries; a key without a value reads as "". */
function pageMetadata(metadata: Upload["metadata"]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata ?? {}))
    if (!RESERVED.has(key)) result[key] = value ?? "";
  return result;
}

/** The page's file name: its last part, without control characters, at most 200 characters. */
function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  return base
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .trim()
    .slice(-200);
}

/**
 * tus's file store with two changes: an upload whose file went into the FileStore keeps its record
 * (marked finished, without its bytes) until it expires, so that a browser that lost the answer to
 * its last PATCH asks again and hears "all of it arrived" (instead of 404, after which it would send
 * the whole file again); and expired uploads are removed whatever state they are in.
 */
class PartialUploads extends TusFileStore {
  private info(id: string): Promise<Upload | undefined> {
    return this.configstore.get(id);
  }

  async getUpload(id: string): Promise<Upload> {
    const info = await this.info(id);
    if (info?.metadata?.[FINISHED]) return new Upload({ ...info, offset: info.size ?? 0 });
    return super.getUpload(id);
  }

  async write(readable: Parameters<TusFileStore["write"]>[0], id: string, offset: number): Promise<number> {
    if ((await this.info(id))?.metadata?.[FINISHED]) {
      // nothing more can be written (tus refuses a body beyond the file's length): an empty body
      readable.resume();
      await finished(readable).catch(() => {});
      return offset;
    }
    return super.write(readable, id, offset);
  }

  async remove(id: string): Promise<void> {
    const data = path.join(this.directory, id);
    if (!path.resolve(data).startsWith(path.resolve(this.directory) + path.sep)) throw ERRORS.FILE_NOT_FOUND;
    await rm(data, { force: true });
    await rm(`${data}.json`, { force: true });
  }

  async markFinished(upload: Upload, key: string): Promise<void> {
    await this.configstore.set(
      upload.id,
      new Upload({ ...upload, metadata: { ...upload.metadata, [FINISHED]: key } }),
    );
    await rm(path.join(this.directory, upload.id), { force: true });
  }

  /** Every upload created more than PARTIAL_UPLOAD_TTL_MS ago, and stray parts of that age. */
  async deleteExpired(): Promise<number> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    const records = new Set(names.filter((n) => n.endsWith(".json")).map((n) => n.slice(0, -5)));
    const now = Date.now();
    let removed = 0;
    for (const name of names) {
      if (name.endsWith(".json")) {
        const id = name.slice(0, -5);
        const created = Date.parse((await this.info(id))?.creation_date ?? "");
        if (Number.isFinite(created) && now - created <= this.getExpiration()) continue;
        await this.remove(id);
        removed++;
      } else if (!records.has(name)) {
        // a part without its record (a crash between the two writes of a creation)
        const modified = await stat(path.join(this.directory, name)).then(
          (s) => s.mtimeMs,
          () => now,
        );
        if (now - modified > this.getExpiration()) {
          await rm(path.join(this.directory, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }
}

export interface ResumableUploads {
  /** The Express handler for `app.all("/subidas{/*rest}", …)`; GET goes on to the app (tus never serves files). */
  handle(req: ExpressRequest, res: ExpressResponse, next: NextFunction): Promise<void>;
  /** Removes expired unfinished uploads (the hourly housekeeping); the number removed. */
  cleanUp(): Promise<number>;
  /** Ends the locks' database connection. */
  close(): Promise<void>;
}

export function resumableUploads(options: {
  loadSession: LoadUploadSession;
  /** UPLOADS_DIR, or DATA_DIR/uploads-partial, by default (one folder all the processes reach) */
  directory?: string;
  /** the FileStore finished files go to; fileStore() (at the time of each upload) by default */
  store?: () => FileStore;
  locker?: UploadLocker;
}): ResumableUploads {
  const directory =
    options.directory ?? path.resolve(config().UPLOADS_DIR ?? path.join(config().dataDir, "uploads-partial"));
  const store = options.store ?? fileStore;
  const locker = options.locker ?? new UploadLocker();
  const partial = new PartialUploads({ directory, expirationPeriodInMilliseconds: PARTIAL_UPLOAD_TTL_MS });
  // the session of each request, read once by the Express handler before tus sees the request
  const sessions = new WeakMap<object, UploadSession>();
  const sessionOf = (req: { runtime?: { node?: { req: object } } }) => {
    const node = req.runtime?.node?.req;
    return node ? sessions.get(node) : undefined;
  };

  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: partial,
    locker,
    relativeLocation: true,
    namingFunction: () => newId(),
    // same origin only: no Access-Control-Allow-Origin for anyone
    allowedOrigins: () => false,
    disableTerminationForFinishedUploads: true,
    // the largest any purpose takes (each purpose's own limit: onUploadCreate)
    maxSize: () => Math.max(1, ...[...purposes().values()].map((p) => p.maxBytes)),

    async onUploadCreate(req, upload) {
      const session = sessionOf(req);
      const actor = session?.actor;
      if (!actor) throw refusal(session, 401, "files.resumable.sign_in");
      const metadata = pageMetadata(upload.metadata);
      const purpose = purposes().get(metadata.purpose ?? "");
      if (!purpose) throw refusal(session, 403, "files.resumable.not_allowed");
      if (upload.sizeIsDeferred) throw refusal(session, 400, "files.resumable.size_unknown");
      if ((upload.size ?? 0) === 0) throw refusal(session, 400, "files.errors.empty");
      if ((upload.size ?? 0) > purpose.maxBytes)
        throw refusal(session, 413, "files.errors.too_large", { max: sizeLabel(purpose.maxBytes) });
      if (!(await purpose.authorize(actor, metadata)))
        throw refusal(session, 403, "files.resumable.not_allowed");
      return { metadata: { ...metadata, [OWNER]: actor.personId } };
    },

    async onIncomingRequest(req, id) {
      if (req.method === "POST" || req.method === "OPTIONS") return; // creation: onUploadCreate
      const session = sessionOf(req);
      const info = await partial.configstore.get(id);
      // someone else's upload, or none: the same answer
      if (!session?.actor || info?.metadata?.[OWNER] !== session.actor.personId) throw ERRORS.FILE_NOT_FOUND;
    },

    async onUploadFinish(req, upload) {
      const session = sessionOf(req);
      const actor = session?.actor;
      if (!actor) throw refusal(session, 401, "files.resumable.sign_in");
      // tus let go of the upload before calling this: hold it again, so that two last PATCHes
      // (a retry) finish it once
      const lock = locker.newLock(upload.id);
      await lock.lock(new AbortController().signal, () => {});
      try {
        const info = await partial.configstore.get(upload.id);
        if (!info) throw ERRORS.FILE_NOT_FOUND;
        if (info.metadata?.[FINISHED]) return {};
        await finishUpload(info, actor, session);
        return {};
      } finally {
        await lock.unlock();
      }
    },

    onResponseError(_req, error) {
      if (error instanceof Refusal || "status_code" in error) return undefined;
      log("error", "resumable upload", { error: String(error.stack ?? error) });
      return {
        status_code: 500,
        body: `${translator(DEFAULT_LOCALE)("files.resumable.failed")}\n`,
      };
    },
  });

  async function finishUpload(info: Upload, actor: Actor, session: UploadSession): Promise<void> {
    const metadata = pageMetadata(info.metadata);
    const purpose = purposes().get(metadata.purpose ?? "");
    if (!purpose) throw refusal(session, 403, "files.resumable.not_allowed");
    const filePath = path.join(directory, info.id);
    const fileName = cleanFileName(metadata.filename ?? metadata.name);
    const refuse = async (error: DomainError) => {
      await partial.remove(info.id);
      return refusal(session, 422, error.messageKey, error.params);
    };
    let accepted: Awaited<ReturnType<typeof acceptFile>>;
    try {
      accepted = await acceptFile(filePath, fileName, purpose);
    } catch (error) {
      if (error instanceof DomainError) throw await refuse(error);
      throw error;
    }
    const key = newId();
    const files = store();
    await files.putFile(key, filePath, { contentType: accepted.contentType });
    try {
      await purpose.finish(actor, metadata, { key, ...accepted, fileName, uploadId: info.id });
    } catch (error) {
      await files.delete(key).catch(() => {});
      if (error instanceof DomainError) throw await refuse(error);
      throw error;
    }
    await partial.markFinished(info, key);
  }

  return {
    async handle(req, res, next) {
      // tus's GET would serve the parts: never
      if (req.method === "GET") return next();
      try {
        const info = res.locals.info as RequestInfo;
        const session = await options.loadSession(sessionRequest(req), info);
        sessions.set(req, session);
        if (!session.actor && req.method !== "OPTIONS") {
          res
            .status(401)
            .set("Tus-Resumable", "1.0.0")
            .type("text/plain; charset=utf-8")
            .send(`${translator(session.locale)("files.resumable.sign_in")}\n`);
          return;
        }
        await tus.handle(req, res);
      } catch (error) {
        next(error);
      }
    },
    cleanUp: () => partial.deleteExpired(),
    close: () => locker.close(),
  };
}

/** A body-less web Request with what the session needs of the Express one (cookie, languages). */
function sessionRequest(req: ExpressRequest): Request {
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = req.get(name);
    if (value) headers.set(name, value);
  }
  return new Request(`http://localhost${UPLOADS_PATH}`, { headers });
}
