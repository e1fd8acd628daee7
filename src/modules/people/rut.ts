/**
 * Chilean RUT/RUN: módulo 11 check digit. Input is accepted with or without dots or hyphen and with a
 * lower-case k; stored as 12345678-5; shown as 12.345.678-5. Bodies of 1 to 9 digits are accepted.
 */
export function rutCheckDigit(body: string | number): string {
  const digits = String(body).split("").reverse();
  let sum = 0;
  let weight = 2;
  for (const d of digits) {
    sum += Number(d) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  return r === 11 ? "0" : r === 10 ? "K" : String(r);
}

/** The normalized form "12345678-5", or null when the input is not a valid RUT. */
export function normalizeRut(input: string): string | null {
  const cleaned = input
    .trim()
    .replace(/[.\s-]/g, "")
    .toUpperCase();
  const match = /^([1-9]\d{0,8})([0-9K])$/.exec(cleaned);
  if (!match) return null;
  const [, body, dv] = match;
  return rutCheckDigit(body) === dv ? `${body}-${dv}` : null;
}

export function formatRut(normalized: string | null | undefined): string {
  if (!normalized) return "";
  const [body, dv] = normalized.split("-");
  if (!body || !dv) return normalized;
  return `${body.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}-${dv}`;
}
