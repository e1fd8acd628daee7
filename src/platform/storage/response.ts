// A stored file as a download: its type as stored (read from its content at upload), an attachment
// with the file's name in any language (RFC 6266: an ASCII fallback and the UTF-8 name), never sniffed
// by the browser (every answer of the platform says nosniff: platform/http/security.ts), and sandboxed
// should a browser ever render it (an HTML or SVG cannot run script).
import { translator } from "../../messages";
import { type ByteRange, type FileStore, fileStore, type StoredFile } from "./stores";

/** The name for browsers that ignore `filename*`: accents dropped, other characters and `"\\%` as "_". */
function asciiFallback(name: string): string {
  const plain = name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%]/g, "_");
  return plain || translator("es-CL")("files.fallback_name");
}

export function contentDisposition(fileName: string, inline = false): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${inline ? "inline" : "attachment"}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encoded}`;
}

function fileHeaders(contentType: string, options: { fileName: string; inline?: boolean }) {
  return {
    "content-type": contentType,
    "content-disposition": contentDisposition(options.fileName, options.inline),
    "content-security-policy": "sandbox",
    "cache-control": "private, no-store",
    "referrer-policy": "no-referrer",
  };
}

export function fileResponse(file: StoredFile, options: { fileName: string; inline?: boolean }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...fileHeaders(file.contentType, options), "content-length": String(file.size) },
  });
}

/**
 * The byte range a `Range` header asks of a file of `size` bytes: a range (its end clamped to the
 * file), "unsatisfiable" (416), or null to answer with the whole file (no header, a header this does
 * not read, such as several ranges or another unit: RFC 9110 lets a server ignore it).
 */
export function requestedRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    // the last N bytes
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== "" && Number(match[2]) < start) return null; // not a valid range: ignored
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

/**
 * A stored file streamed, answering a `Range` header (what a `<video>` asks to start, seek and
 * resume): 206 Partial Content with `Content-Range` for one satisfiable range, 416 (with the
 * file's size in `Content-Range`) for one beyond the file, 200 with the whole file otherwise; `Accept-Ranges: bytes`
 * always, and the headers of fileResponse. null when there is no such file (the route answers its
 * not-found page). A request with `If-Range` gets the whole file (stored files carry no validator).
 * Call it after the policy check, like fileResponse.
 */
export async function rangeFileResponse(
  request: Request,
  key: string,
  options: { fileName: string; inline?: boolean; store?: FileStore },
): Promise<Response | null> {
  const store = options.store ?? fileStore();
  const info = await store.stat(key);
  if (!info) return null;
  const range = request.headers.has("if-range")
    ? null
    : requestedRange(request.headers.get("range"), info.size);
  const headers = { ...fileHeaders(info.contentType, options), "accept-ranges": "bytes" };
  if (range === "unsatisfiable")
    return new Response(null, {
      status: 416,
      headers: { ...headers, "content-range": `bytes */${info.size}` },
    });
  const opened = await store.open(key, range ?? undefined);
  if (!opened) return null;
  if (!range)
    return new Response(opened.stream, {
      headers: { ...headers, "content-type": opened.contentType, "content-length": String(opened.size) },
    });
  return new Response(opened.stream, {
    status: 206,
    headers: {
      ...headers,
      "content-type": opened.contentType,
      "content-length": String(range.end - range.start + 1),
      "content-range": `bytes ${range.start}-${range.end}/${info.size}`,
    },
  });
}
