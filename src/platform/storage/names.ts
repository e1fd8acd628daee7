// The name a stored file is downloaded with (every module that takes uploads uses it).
import { translator } from "../../messages";

/**
 * A file's name as downloaded: the uploaded name's last part, without control characters, ending in
 * the extension of what the file really is (a text file called "guia.html" downloads as
 * "guia.html.txt": saved on a computer, it never opens as a page or runs as a script).
 */
export function downloadName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean =
    base
      .replace(/[\p{Cc}\p{Cf}]/gu, "")
      .trim()
      // a name of nothing but control characters: stored under the catalogue's word, in the source language
      .slice(-200) || translator("es-CL")("files.fallback_name");
  const typed = clean.includes(".") ? (clean.split(".").pop() ?? "").toLowerCase() : "";
  const same = typed === extension || (extension === "jpg" && typed === "jpeg");
  return same ? clean : `${clean}.${extension}`;
}
