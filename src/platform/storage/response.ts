// A stored file as a download: its type as stored (read from its content at upload), an attachment
// with the file's name in any language (RFC 6266: an ASCII fallback and the UTF-8 name), never sniffed
// by the browser (every answer of the platform says nosniff: platform/http/security.ts), and sandboxed
// should a browser ever render it (an HTML or SVG cannot run script).
import { translator } from "../../messages";
import type { StoredFile } from "./stores";

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

export function fileResponse(file: StoredFile, options: { fileName: string; inline?: boolean }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "content-disposition": contentDisposition(options.fileName, options.inline),
      "content-security-policy": "sandbox",
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
