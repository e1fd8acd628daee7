// What the input fuzzer (fuzz.test.ts) sends: a seeded random source, the forms read from a page's
// HTML, malformed values, bodies (urlencoded, multipart, broken bytes, wrong content types) and roster
// files (wrong encodings and separators, ragged rows, binary, a zip bomb, huge row counts).
import { deflateRawSync } from "node:zlib";

// ── Seeded randomness ─────────────────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => int(16).toString(16)).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}
export type Random = ReturnType<typeof prng>;

// ── Forms read from the HTML a person gets ────────────────────────────────────────────────────────

export interface FieldSpec {
  name: string;
  /** input type, or "select" / "textarea" */
  kind: string;
  value: string;
  options: string[];
  checked: boolean;
  maxLength?: number;
}
export interface FormSpec {
  action: string;
  multipart: boolean;
  fields: FieldSpec[];
  /** submit buttons with a name: the intents */
  buttons: Array<{ name: string; value: string }>;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code =
        entity[1] === "x" || entity[1] === "X"
          ? Number.parseInt(entity.slice(2), 16)
          : Number(entity.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*"([^"]*)")?/g)) {
    out[m[1].toLowerCase()] = decodeEntities(m[2] ?? "");
  }
  return out;
}

/** The `<form method="post">` elements of a page, with their fields and named buttons. */
export function postForms(html: string): FormSpec[] {
  const forms: FormSpec[] = [];
  for (const f of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(f[1]);
    if ((attrs.method ?? "get").toLowerCase() !== "post") continue;
    const body = f[2];
    const fields: FieldSpec[] = [];
    const buttons: FormSpec["buttons"] = [];
    for (const t of body.matchAll(/<(input|button)\b([^>]*)>/gi)) {
      const a = attributes(t[2]);
      if (!a.name) continue;
      if (t[1].toLowerCase() === "button") {
        if ((a.type ?? "submit") === "submit") buttons.push({ name: a.name, value: a.value ?? "" });
        continue;
      }
      const kind = (a.type ?? "text").toLowerCase();
      if (kind === "submit" || kind === "image") {
        buttons.push({ name: a.name, value: a.value ?? "" });
        continue;
      }
      fields.push({
        name: a.name,
        kind,
        value: a.value ?? (kind === "checkbox" || kind === "radio" ? "on" : ""),
        options: [],
        checked: "checked" in a,
        maxLength: a.maxlength ? Number(a.maxlength) : undefined,
      });
    }
    for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const a = attributes(s[1]);
      if (!a.name) continue;
      const options: string[] = [];
      let selected: string | undefined;
      for (const o of s[2].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)) {
        const oa = attributes(o[1]);
        const value = oa.value ?? decodeEntities(o[2].replace(/<[^>]*>/g, ""));
        options.push(value);
        if ("selected" in oa) selected = value;
      }
      fields.push({
        name: a.name,
        kind: "select",
        value: selected ?? options[0] ?? "",
        options,
        checked: false,
      });
    }
    for (const t of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const a = attributes(t[1]);
      if (!a.name) continue;
      fields.push({
        name: a.name,
        kind: "textarea",
        value: decodeEntities(t[2]),
        options: [],
        checked: false,
        maxLength: a.maxlength ? Number(a.maxlength) : undefined,
      });
    }
    forms.push({
      action: attrs.action ?? "",
      multipart: (attrs.enctype ?? "").toLowerCase() === "multipart/form-data",
      fields,
      buttons,
    });
  }
  return forms;
}

/** What a browser would send for the form as it is, pressing `button` (or Enter). */
export function baseEntries(form: FormSpec, button?: { name: string; value: string }): Entry[] {
  const entries: Entry[] = [];
  const radios = new Set<string>();
  for (const f of form.fields) {
    if (f.kind === "file") continue;
    if (f.kind === "checkbox") {
      if (f.checked) entries.push([f.name, f.value]);
      continue;
    }
    if (f.kind === "radio") {
      if (radios.has(f.name)) continue;
      const group = form.fields.filter((g) => g.kind === "radio" && g.name === f.name);
      const chosen = group.find((g) => g.checked);
      if (chosen) entries.push([f.name, chosen.value]);
      radios.add(f.name);
      continue;
    }
    entries.push([f.name, f.value]);
  }
  if (button) entries.push([button.name, button.value]);
  return entries;
}

// ── Values ────────────────────────────────────────────────────────────────────────────────────────

export type Entry = [name: string, value: string | UploadFile];
export interface UploadFile {
  fileName: string;
  type: string;
  bytes: Uint8Array;
}

/** Values of the injection families carry a per-request marker, so that a reflection is found. */
export function htmlPayloads(marker: string): string[] {
  return [
    `<script>${marker}</script>`,
    `"><script>${marker}</script>`,
    `'><img src=x onerror=${marker}>`,
    `<svg onload=${marker}>`,
    `</textarea><script>${marker}</script>`,
    `</title><script>${marker}</script>`,
    `<iframe src="javascript:${marker}">`,
    `<a href="javascript:${marker}">x</a>`,
    `<!--<script>${marker}</script>-->`,
    `<scr<script>ipt>${marker}</script>`,
  ];
}

export const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE persons; --",
  '" OR ""="',
  "1; SELECT pg_sleep(0); --",
  "%' AND 1=1 --",
  "1 UNION SELECT password_hash FROM persons --",
  "\\'; --",
  "$1",
  "'||(SELECT version())||'",
  "') ON CONFLICT DO NOTHING; --",
];

/**
 * Return paths and notices as an attacker writes them (`volver` in a query string or a hidden field,
 * `aviso`): other sites behind tabs, newlines, backslashes and encodings, header injection.
 */
export const RETURN_PATHS = [
  "//evil.example",
  "/\\evil.example",
  "/\t/evil.example/x",
  "/\n",
  "/\r\nSet-Cookie: x=1",
  "/%0A",
  "/%09/evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "/\u0000",
  "/\u2028/evil.example",
  " /evil",
  "/../../etc/passwd",
  "/personas?x=\n",
  "",
];

export const CONTROL = [
  "\u0000",
  "a\u0000b",
  "Ana\u0000",
  "\u0001\u0002\u0003\u001f",
  "\u007f\u0080\u009f",
  "\b\f\v",
  "\r\n\r\n",
  "line\rbreak",
  "tab\there",
  "\u001b[31mrojo",
];

export const UNICODE = [
  "\u202Eabc\u202C",
  "\u200B\u200C\u200D\uFEFF",
  "\u200B",
  "👩🏽‍🏫🏳️‍🌈",
  "e\u0301\u0301\u0301\u0301",
  "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324",
  "\uFFFD\uFFFE\uFFFF",
  "𝕏𝕐ℤ",
  "\u2028\u2029",
  "مرحبا بالعالم",
  "ñandú Ñuñoa",
  "\u00a0\u3000",
  "ǅǈǋ",
  "İıﬁ",
];

export const WRONG_TYPES = [
  "abc",
  "-1",
  "0",
  "-0",
  "1.5",
  "1,5",
  "1e309",
  "NaN",
  "Infinity",
  "0x10",
  "99999999999999999999",
  "2147483648",
  "9007199254740993",
  "[]",
  "{}",
  '{"a":1}',
  "true",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "2026-13-01",
  "24:61",
  "99:99",
  "../../etc/passwd",
  "http://evil.example/",
  "javascript:alert(1)",
  "a@b",
  "@",
  "00000000-0000-0000-0000-000000000000",
];

export const EMPTY = ["", " ", "   \t  ", "\n"];

export function longString(rand: Random, length: number): string {
  const unit = rand.pick(["a", "ñ", "😀", "<", "'", "a b ", "\u0301"]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

// ── Bodies ────────────────────────────────────────────────────────────────────────────────────────

const encoder = new TextEncoder();

/** application/x-www-form-urlencoded as a browser writes it (lone surrogates become U+FFFD). */
export function urlencoded(entries: Entry[]): Uint8Array {
  // TextEncoder → TextDecoder turns lone surrogates into U+FFFD, as a browser does; then the
  // browser's escaping (space as "+").
  const part = (s: string) =>
    encodeURIComponent(new TextDecoder().decode(encoder.encode(s)))
      .replace(/%20/g, "+")
      .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return encoder.encode(
    entries.map(([k, v]) => `${part(k)}=${part(typeof v === "string" ? v : v.fileName)}`).join("&"),
  );
}

export function multipart(entries: Entry[], boundary: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const quote = (s: string) => s.replace(/"/g, "%22").replace(/\r?\n/g, " ");
  for (const [name, value] of entries) {
    if (typeof value === "string") {
      chunks.push(
        encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n`),
      );
      chunks.push(encoder.encode(value));
    } else {
      chunks.push(
        encoder.encode(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"; filename="${quote(value.fileName)}"\r\nContent-Type: ${value.type}\r\n\r\n`,
        ),
      );
      chunks.push(value.bytes);
    }
    chunks.push(encoder.encode("\r\n"));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

/** Percent-escapes and raw bytes that are not UTF-8: lone surrogates, overlongs, stray bytes. */
export const BROKEN_UTF8 = [
  "%FF",
  "%C0%AF",
  "%ED%A0%80",
  "%ED%B0%80",
  "%F4%90%80%80",
  "%E2%82",
  "%C3",
  "%80%80",
  "%",
  "%G1",
  "%%",
  "%00",
];
export const RAW_BROKEN_BYTES = [
  [0xff, 0xfe],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0x80],
  [0x00],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

/** A urlencoded body whose values hold broken escapes or raw non-UTF-8 bytes. */
export function brokenUrlencoded(rand: Random, entries: Entry[]): Uint8Array {
  const good = Buffer.from(urlencoded(entries));
  const parts: Uint8Array[] = [good];
  const times = 1 + rand.int(3);
  for (let i = 0; i < times; i++) {
    const name = entries.length ? rand.pick(entries)[0] : "x";
    parts.push(encoder.encode(`&${encodeURIComponent(name)}=`));
    if (rand.chance(0.5)) parts.push(encoder.encode(`a${rand.pick(BROKEN_UTF8)}b`));
    else parts.push(Uint8Array.from(rand.pick(RAW_BROKEN_BYTES)));
  }
  if (rand.chance(0.2))
    parts.push(encoder.encode(rand.pick(["&&&", "&=&=", "==", "&a&b&", ";", "&%3D=%26"])));
  return Buffer.concat(parts);
}

/** Multipart bodies that are not well formed. */
export function brokenMultipart(rand: Random, entries: Entry[], boundary: string): Uint8Array {
  const good = Buffer.from(multipart(entries, boundary));
  switch (rand.int(8)) {
    case 0:
      return good.subarray(0, Math.max(1, rand.int(good.length))); // cut anywhere
    case 1:
      return Buffer.from(good.toString("latin1").replace(`--${boundary}--`, ""), "latin1"); // no closing boundary
    case 2:
      return encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data\r\n\r\nsin nombre\r\n--${boundary}--\r\n`,
      );
    case 3:
      return encoder.encode(
        `--${boundary}\r\n${"X-Relleno: a\r\n".repeat(2000)}\r\nx\r\n--${boundary}--\r\n`,
      );
    case 4:
      return encoder.encode(`--otro\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--otro--\r\n`);
    case 5:
      return Buffer.concat([
        encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="`),
        Uint8Array.from([0xff, 0x00, 0xed, 0xa0, 0x80]),
        encoder.encode(`"\r\n\r\nv\r\n--${boundary}--\r\n`),
      ]);
    case 6:
      return encoder.encode(`--${boundary}\r\n\r\n\r\n--${boundary}--`);
    default:
      return Buffer.from(good.toString("latin1").replace(/\r\n/g, "\n"), "latin1"); // bare newlines
  }
}

// ── Roster files ──────────────────────────────────────────────────────────────────────────────────

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/**
 * A zip with deflated entries. `declare` overrides the unpacked size written in the headers, which is
 * how a zip bomb hides from a reader that trusts them.
 */
export function zip(files: Array<{ name: string; data: Uint8Array; declare?: number }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name);
    const packed = deflateRawSync(file.data);
    const size = file.declare ?? file.data.length;
    const crc = crc32(file.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function sheetXml(rows: string[][]): string {
  const cell = (v: string) =>
    `<c t="inlineStr"><is><t>${v.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</t></is></c>`;
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((r) => `<row>${r.map(cell).join("")}</row>`)
    .join("")}</sheetData></worksheet>`;
}

/** A minimal XLSX (one sheet of inline strings), or one whose sheet is a bomb. */
export function xlsx(rows: string[][], sheet?: { data: Uint8Array; declare?: number }): Uint8Array {
  const text = (s: string) => encoder.encode(s);
  return zip([
    {
      name: "[Content_Types].xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hoja1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: sheet?.data ?? text(sheetXml(rows)), declare: sheet?.declare },
  ]);
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f));
}
function utf16le(text: string, bom: boolean): Uint8Array {
  return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, "utf16le")]);
}
function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1] as number, le[i] as number];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

const HEADER = ["nombres", "apellidos", "correo", "rut", "rol"];

/** A row of the roster, sometimes with a value from the fuzzing families. */
function rosterRow(rand: Random, n: number, value: () => string): string[] {
  const row = [`Nombre${n}`, `Apellido Ñuñez ${n}`, `fuzz.${n}.${rand.int(1e9)}@example.cl`, "", "docente"];
  if (rand.chance(0.6)) row[rand.int(row.length)] = value();
  return row;
}

/** Bombs are made once: compressing a hundred megabytes each time would dominate the run. */
let bombs: { honest: Uint8Array; lying: Uint8Array } | undefined;
function zipBombs(): { honest: Uint8Array; lying: Uint8Array } {
  if (!bombs) {
    const filler = encoder.encode(
      `<?xml version="1.0"?><worksheet><sheetData>${" ".repeat(120 * 1024 * 1024)}`,
    );
    bombs = {
      honest: xlsx([], { data: filler }),
      lying: xlsx([], { data: filler, declare: 2000 }),
    };
  }
  return bombs;
}

export type RosterKind =
  | "latin1"
  | "utf16le"
  | "utf16le-nobom"
  | "utf16be"
  | "separator"
  | "ragged"
  | "binary"
  | "not-zip"
  | "zip-bomb"
  | "zip-bomb-lying"
  | "xlsx"
  | "xlsx-broken"
  | "huge-rows"
  | "empty"
  | "header-only"
  | "nul"
  | "no-file"
  | "text-field";

export const ROSTER_KINDS: RosterKind[] = [
  "latin1",
  "utf16le",
  "utf16le-nobom",
  "utf16be",
  "separator",
  "ragged",
  "binary",
  "not-zip",
  "xlsx",
  "xlsx-broken",
  "empty",
  "header-only",
  "nul",
  "no-file",
  "text-field",
];
/** Slow kinds, sent a fixed few times per run whatever the count. */
export const SLOW_ROSTER_KINDS: RosterKind[] = ["zip-bomb", "zip-bomb-lying", "huge-rows"];

/** The file field of a roster upload of the given kind (null: no file at all). */
export function rosterFile(rand: Random, kind: RosterKind, value: () => string): Entry | null {
  const rows = Array.from({ length: 1 + rand.int(8) }, (_, i) => rosterRow(rand, i, value));
  const csv = (sep: string, list = rows) =>
    [HEADER, ...list].map((r) => r.join(sep)).join(rand.pick(["\n", "\r\n", "\r"]));
  const name = rand.pick([
    "nomina.csv",
    "nómina 2026.csv",
    "nomina.txt",
    "../../etc/passwd",
    `${"a".repeat(600)}.csv`,
    "nomina.xlsx",
    "nomina.exe",
    "<script>x</script>.csv",
    "",
  ]);
  const file = (bytes: Uint8Array, fileName = name, type = "text/csv"): Entry => [
    "file",
    { fileName, type, bytes },
  ];
  switch (kind) {
    case "latin1":
      return file(latin1(csv(";")));
    case "utf16le":
      return file(utf16le(csv(rand.pick([";", ",", "\t"])), true));
    case "utf16le-nobom":
      return file(utf16le(csv(";"), false));
    case "utf16be":
      return file(utf16be(csv(";")));
    case "separator":
      return file(encoder.encode(csv(rand.pick([",", "\t", "|", " ", ":", ";;", "\u00a0"]))));
    case "ragged": {
      const ragged = rows.map((r) =>
        r.slice(0, rand.int(r.length + 1)).concat(rand.chance(0.5) ? ["extra", '"abierta'] : []),
      );
      return file(encoder.encode(csv(";", ragged)));
    }
    case "binary":
      return file(Uint8Array.from({ length: 1 + rand.int(4096) }, () => rand.int(256)));
    case "not-zip":
      return file(
        Buffer.concat([
          Buffer.from([0x50, 0x4b, 0x03, 0x04]),
          Uint8Array.from({ length: rand.int(2048) }, () => rand.int(256)),
        ]),
        "nomina.xlsx",
        XLSX_TYPE,
      );
    case "zip-bomb":
      return file(zipBombs().honest, "nomina.xlsx", XLSX_TYPE);
    case "zip-bomb-lying":
      return file(zipBombs().lying, "nomina.xlsx", XLSX_TYPE);
    case "xlsx":
      return file(xlsx([HEADER, ...rows]), "nomina.xlsx", XLSX_TYPE);
    case "xlsx-broken": {
      const bytes = Buffer.from(xlsx([HEADER, ...rows]));
      const cut = bytes.subarray(0, rand.int(bytes.length));
      return file(
        rand.chance(0.5) ? cut : Buffer.concat([cut, Buffer.alloc(64, 0xff)]),
        "nomina.xlsx",
        XLSX_TYPE,
      );
    }
    case "huge-rows": {
      // ~4.8 MB: every row valid-looking, well under the size limit, as many rows as fit
      const lines = [HEADER.join(";")];
      let size = 0;
      for (let i = 0; size < 4_800_000; i++) {
        const line = `N${i};A${i};f.${i}@example.cl;;docente`;
        lines.push(line);
        size += line.length + 1;
      }
      return file(encoder.encode(lines.join("\n")));
    }
    case "empty":
      return file(new Uint8Array());
    case "header-only":
      return file(
        encoder.encode(rand.pick(["\ufeffnombres;apellidos;correo", "nombres", "\ufeff", ";;;;", "\n\n\n"])),
      );
    case "nul":
      return file(encoder.encode(csv(";").replace(/o/g, "\u0000")));
    case "no-file":
      return null;
    default:
      return ["file", csv(";")]; // a text field named file
  }
}
