/** Lower-case text without diacritics, for accent-insensitive search ("Nuñoa" finds "Ñuñoa"). */
export function searchable(...parts: Array<string | null | undefined>): string {
  return parts
    .filter(Boolean)
    .join(" ")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Escapes % and _ for a LIKE pattern. */
export function likePattern(query: string): string {
  return `%${searchable(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An https address with a host and nothing that could break out of an attribute (a video link). */
export function isHttpsAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && Boolean(url.hostname) && !/[\s"'<>]/.test(value);
  } catch {
    return false;
  }
}
