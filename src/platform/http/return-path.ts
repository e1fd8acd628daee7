/**
 * Where to send someone back after signing in or changing the language (`volver`). Judged after
 * parsing, as a browser would read a `Location` header: the value must resolve, against our own
 * origin, to our origin, and be written as one path that starts with exactly one "/", without control
 * characters, spaces or backslashes (which browsers strip or read as "/", turning "/\t/evil" or
 * "/\\evil" into "//evil", another site). Anything else gives "/". What comes back is the parsed
 * path, query and fragment, so it never holds a character a header cannot carry.
 */
const ORIGIN = "https://impulso.invalid";
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const REFUSED_CHARACTERS = /[\u0000-\u0020\u007f-\u009f\\\u2028\u2029\ufeff]/;

export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || REFUSED_CHARACTERS.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The parsed form is judged again: "/%2e%2e//x" and the like may normalize into "//x".
  if (!path.startsWith("/") || path.startsWith("//") || REFUSED_CHARACTERS.test(path)) return "/";
  if (new URL(path, ORIGIN).origin !== ORIGIN) return "/";
  return path;
}
