// What a module declares to take resumable uploads (registerUploadPurpose) and what it is handed: kept
// apart from the tus server (resumable.ts), so that a module registering a purpose does not load tus.

import type { RequestInfo } from "../http/security";
import type { Locale } from "../i18n/i18n";
import type { Actor } from "../policy";
import type { FileKind } from "./uploads";

/** Where the browser sends resumable uploads (Spanish, like every path of the app). */
export const UPLOADS_PATH = "/subidas";
/** An unfinished upload is kept this long after it was created, then removed by the housekeeping. */
export const PARTIAL_UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/** What the page sent with the upload (tus's Upload-Metadata), but the server's own entries. */
export type UploadMetadata = Readonly<Record<string, string>>;

/** The stored file, as handed to a purpose's `finish`. */
export interface StoredUpload {
  /** the file's key in the FileStore (`fileStore().open(key)`, `rangeFileResponse(request, key, …)`) */
  key: string;
  /** read from the content, e.g. "video/mp4" */
  contentType: string;
  /** without the dot, e.g. "mp4" */
  extension: string;
  size: number;
  /** hex */
  sha256: string;
  /** the name the page gave (metadata `filename`), without control characters or folders; may be "" */
  fileName: string;
  /** the tus upload's id: the same for a retried finish (a purpose may keep it to record a file once) */
  uploadId: string;
}

export interface UploadPurpose {
  /** the largest file taken, in bytes (checked against Upload-Length before anything is written) */
  maxBytes: number;
  /** what the file may be, read from its bytes at the end (e.g. ["video"]) */
  kinds: readonly FileKind[];
  /** may this person upload for this? (false: 403). Called when the upload is created. */
  authorize(actor: Actor, metadata: UploadMetadata): Promise<boolean>;
  /**
   * Records the stored file (the purpose's own row). A DomainError refuses it: the stored file and
   * the upload are removed and the browser is told the message (422). Any other error is a 500 and
   * the upload stays, so that the browser's retry of the last PATCH finishes it again.
   */
  finish(actor: Actor, metadata: UploadMetadata, stored: StoredUpload): Promise<void>;
}

// A purpose registered by a module of the server bundle, or by a test next to that bundle: one
// registry per process.
const REGISTRY = Symbol.for("impulso.uploadPurposes");
type Holder = { [REGISTRY]?: Map<string, UploadPurpose> };
export function purposes(): Map<string, UploadPurpose> {
  const holder = globalThis as Holder;
  holder[REGISTRY] ??= new Map();
  return holder[REGISTRY];
}

/** A module says what may be uploaded under `name` (the page sends it as the metadata `purpose`). */
export function registerUploadPurpose(name: string, purpose: UploadPurpose): void {
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(name)) throw new Error(`not an upload purpose name: ${name}`);
  purposes().set(name, purpose);
}

/** Who is asking and in which language they read: what the app's session middleware knows. */
export interface UploadSession {
  actor: Actor | null;
  locale: Locale;
}

/** Reads the session of a request (its cookie) as the app does (server/app.ts passes the app's own). */
export type LoadUploadSession = (request: Request, info: RequestInfo) => Promise<UploadSession>;
