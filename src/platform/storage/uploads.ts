// What an uploaded file is, read from its bytes (file-type's signatures), never from its name: a PNG
// renamed .pdf, or a web page renamed anything, is refused unless its kind is allowed. Text has no
// signature: it is accepted as text when it is valid UTF-8 with no NUL byte and is not markup (a web
// page or an SVG is never "text" here, whatever it is called); only then does the name choose between
// plain text, CSV and Markdown. A refusal says the limit, or the types the place takes, as extensions
// ("PDF, PNG, …"), which read the same in every language.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { fileTypeFromBuffer, fileTypeFromFile } from "file-type";
import { DomainError } from "../errors";

export const FILE_KINDS = ["pdf", "image", "office", "text", "video"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface UploadPolicy {
  kinds: readonly FileKind[];
  maxBytes: number;
}

/** The content types each kind takes, with the extension a download gets (text's: see textType). */
const TYPES: Record<FileKind, Record<string, string>> = {
  pdf: { "application/pdf": "pdf" },
  image: { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif" },
  office: {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
  },
  // what phones record (MP4 on Android, QuickTime on iPhone) and browsers play in <video>
  video: { "video/mp4": "mp4", "video/webm": "webm", "video/quicktime": "mov" },
  text: {
    "text/plain; charset=utf-8": "txt",
    "text/csv; charset=utf-8": "csv",
    "text/markdown; charset=utf-8": "md",
  },
};

export interface AcceptedUpload {
  /** as read from the content; store and serve the file with it */
  contentType: string;
  /** without the dot, e.g. "pdf" */
  extension: string;
  size: number;
  /** hex */
  sha256: string;
}

/** "PDF, PNG, JPG, …": the extensions the kinds take, for the refusal's `{kinds}`. */
export function acceptedExtensions(kinds: readonly FileKind[]): string {
  const extensions = new Set(kinds.flatMap((kind) => Object.values(TYPES[kind])));
  return [...extensions].map((extension) => extension.toUpperCase()).join(", ");
}

/** A limit as people read it: "20 MB" (or KB, or B, when it is not a whole number of them). */
export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} B`;
}

function refuse(
  key: "files.errors.empty" | "files.errors.too_large" | "files.errors.type_not_allowed",
  params: Record<string, string> = {},
) {
  return new DomainError(key, { file: key }, params);
}

/** Plain text: valid UTF-8, no NUL byte, and not a web page or an SVG passing for text. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/^\uFEFF?\s*<(?:!doctype|html|head|body|svg|\?xml|script)\b|<script\b/i.test(text);
}

/** Which text it is, by the name's extension (the content is already known to be harmless text). */
function textType(fileName: string): [contentType: string, extension: string] {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  if (extension === "csv") return ["text/csv; charset=utf-8", "csv"];
  if (extension === "md" || extension === "markdown") return ["text/markdown; charset=utf-8", "md"];
  return ["text/plain; charset=utf-8", "txt"];
}

/**
 * Checks an upload against what the place takes (kinds, size) and answers its type as read from the
 * content; a refusal is a DomainError on the field `file` whose message says the limit (`{max}`) or
 * the types taken (`{kinds}`). The name never decides a type: it only tells a CSV or a Markdown file
 * from plain text.
 */
export async function acceptUpload(
  bytes: Uint8Array,
  fileName: string,
  policy: UploadPolicy,
): Promise<AcceptedUpload> {
  if (bytes.length === 0) throw refuse("files.errors.empty");
  if (bytes.length > policy.maxBytes)
    throw refuse("files.errors.too_large", { max: sizeLabel(policy.maxBytes) });
  const detected = await fileTypeFromBuffer(bytes);
  const kind = detected && policy.kinds.find((k) => k !== "text" && TYPES[k][detected.mime]);
  // text that happens to start like a signature ("BM…" reads as a bitmap) is still text
  const accepted: [contentType: string, extension: string] | undefined =
    detected && kind
      ? [detected.mime, TYPES[kind][detected.mime]]
      : policy.kinds.includes("text") && isText(bytes)
        ? textType(fileName)
        : undefined;
  if (!accepted) throw refuse("files.errors.type_not_allowed", { kinds: acceptedExtensions(policy.kinds) });
  return {
    contentType: accepted[0],
    extension: accepted[1],
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}

/**
 * acceptUpload for a file on disk (a finished resumable upload, up to hundreds of MB): the size from
 * the file system, the type from its first bytes (file-type reads only what its signatures need),
 * the SHA-256 by streaming. Text, which has no signature, is read whole (it is at most maxBytes).
 */
export async function acceptFile(
  filePath: string,
  fileName: string,
  policy: UploadPolicy,
): Promise<AcceptedUpload> {
  const { size } = await stat(filePath);
  if (size === 0) throw refuse("files.errors.empty");
  if (size > policy.maxBytes) throw refuse("files.errors.too_large", { max: sizeLabel(policy.maxBytes) });
  const detected = await fileTypeFromFile(filePath);
  const kind = detected && policy.kinds.find((k) => k !== "text" && TYPES[k][detected.mime]);
  const accepted: [contentType: string, extension: string] | undefined =
    detected && kind
      ? [detected.mime, TYPES[kind][detected.mime]]
      : policy.kinds.includes("text") && isText(new Uint8Array(await readFile(filePath)))
        ? textType(fileName)
        : undefined;
  if (!accepted) throw refuse("files.errors.type_not_allowed", { kinds: acceptedExtensions(policy.kinds) });
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return { contentType: accepted[0], extension: accepted[1], size, sha256: hash.digest("hex") };
}
