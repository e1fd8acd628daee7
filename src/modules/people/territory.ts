import { searchable } from "../../platform/text";
import { COMUNAS, REGIONS } from "./territory-data";

export { COMUNAS, REGIONS };

const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));
const comunaByCode = new Map(COMUNAS.map((c) => [c.code, c]));
const comunaByName = new Map(COMUNAS.map((c) => [searchable(c.name), c]));

export function regionName(code: string | null | undefined): string {
  return (code && regionByCode.get(code)?.name) || "";
}

export function comunaName(code: string | null | undefined): string {
  return (code && comunaByCode.get(code)?.name) || "";
}

/** Accepts "13101", "1101" (unpadded, as some data sets store it) or a comuna's name. */
export function findComuna(value: string): (typeof COMUNAS)[number] | undefined {
  const trimmed = value.trim();
  if (/^\d{4,5}$/.test(trimmed)) return comunaByCode.get(trimmed.padStart(5, "0"));
  return comunaByName.get(searchable(trimmed));
}

export function isRegion(code: string): boolean {
  return regionByCode.has(code);
}

export function comunaBelongsToRegion(comunaCode: string, regionCode: string): boolean {
  return comunaByCode.get(comunaCode)?.regionCode === regionCode;
}

export function comunasOfRegion(regionCode: string): ReadonlyArray<(typeof COMUNAS)[number]> {
  return COMUNAS.filter((c) => c.regionCode === regionCode);
}
