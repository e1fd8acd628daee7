// What an uploaded file is, read from its bytes (file-type's signatures), never from its name: a PNG
// renamed .pdf, or a web page renamed anything, is refused unless its kind is allowed. Text has no
// signature: it is accepted as text when it is valid UTF-8 with no NUL byte and is not markup (a web
// page or an SVG is never "text" here, whatever it is called).
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { DomainError } from "../errors";

export const FILE_KINDS = ["pdf", "image", "office", "text"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The types each kind accepts, by the type file-type reads from the content. */
const TYPES: Record<Exclude<FileKind, "text">, Record<string, string>> = {
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
};

export interface AcceptedUpload {
  contentType: string;
  extension: string;
  size: number;
  sha256: string;
}

function refuse(
  key: "files.errors.empty" | "files.errors.too_large" | "files.errors.type_not_allowed",
  params: Record<string, string>,
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

/**
 * Checks an upload against what the place takes (kinds, size) and answers its type as read from the
 * content; a refusal is a DomainError on the field `file` whose message says the limit or the kinds.
 */
export async function acceptUpload(
  bytes: Uint8Array,
  policy: { kinds: readonly FileKind[]; maxBytes: number },
): Promise<AcceptedUpload> {
  if (bytes.length === 0) throw refuse("files.errors.empty", {});
  if (bytes.length > policy.maxBytes)
    throw refuse("files.errors.too_large", { max: `${Math.round(policy.maxBytes / (1024 * 1024))} MB` });
  const detected = await fileTypeFromBuffer(bytes);
  let contentType: string | undefined;
  let extension: string | undefined;
  if (detected) {
    for (const kind of policy.kinds) {
      if (kind === "text") continue;
      const ext = TYPES[kind][detected.mime];
      if (ext) {
        contentType = detected.mime;
        extension = ext;
      }
    }
  } else if (policy.kinds.includes("text") && isText(bytes)) {
    contentType = "text/plain; charset=utf-8";
    extension = "txt";
  }
  if (!contentType || !extension) throw refuse("files.errors.type_not_allowed", {});
  return {
    contentType,
    extension,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
}
