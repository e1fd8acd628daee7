// Reading a roster file (CSV or XLSX) into rows of named cells. Nothing here touches the database:
// the rules about what a good row is live in roster-import.ts.
//
// What real files look like: Chilean Excel saves CSV with ";" and in Windows-1252 ("Muñoz" as the byte
// F1), or in UTF-8 with a BOM; "Texto Unicode" is UTF-16 with tabs; Mineduc exports put the RUT body
// and its check digit in two columns, and a title line or two may sit above the column names.
import type ExcelJS from "exceljs";
import Papa from "papaparse";
import type { MessageKey } from "../../messages";
import { DomainError } from "../../platform/errors";
import { searchable } from "../../platform/text";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;
/** An XLSX is a zip: refuse one whose parts would unpack to more than this (a "zip bomb"). */
const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;
/** A roster has a handful of columns; a sheet far wider than that is not one (and would be costly). */
export const MAX_COLUMNS = 200;
/** Column names are looked for in the first lines, under possible title lines. */
const HEADER_SEARCH_LINES = 10;

export type RosterField =
  | "givenNames"
  | "familyNames"
  | "paternalName"
  | "maternalName"
  | "email"
  | "rut"
  | "rutCheckDigit"
  | "role"
  | "school";

/**
 * Accepted column names, after lower-casing and removing accents and punctuation. A column matches a
 * name exactly or starts with it followed by a space ("correo electronico institucional"); when two
 * columns match the same field, the one with the earlier name in its list wins.
 */
const COLUMN_NAMES: Record<RosterField, string[]> = {
  givenNames: ["nombres", "nombre", "nombre s", "primer nombre", "given names", "first name", "nome"],
  familyNames: ["apellidos", "apellido", "family names", "last name", "surname", "sobrenome"],
  paternalName: ["apellido paterno", "primer apellido", "ap paterno", "paterno"],
  maternalName: ["apellido materno", "segundo apellido", "ap materno", "materno"],
  email: ["correo electronico", "correo", "email", "e mail", "mail", "correo e"],
  rut: ["rut", "run", "rut run", "run rut", "rut docente", "run docente", "cedula de identidad"],
  rutCheckDigit: ["dv", "digito verificador", "dv rut", "dv run", "digito"],
  role: ["rol", "cargo", "funcion", "role", "funcao"],
  school: [
    "rbd",
    "establecimiento",
    "colegio",
    "escuela",
    "liceo",
    "school",
    "nombre establecimiento",
    "nombre del establecimiento",
    "nombre colegio",
    "nombre del colegio",
  ],
};

/** The columns a roster must have, named as a person would write them. */
export const REQUIRED_COLUMNS = ["nombres", "apellidos", "correo"] as const;

export interface ParsedRoster {
  format: "csv" | "xlsx";
  /** the column names as written in the file */
  headers: string[];
  /** which field each recognized column feeds */
  columns: Partial<Record<RosterField, string>>;
  /** data rows that are not empty; line is the line (CSV) or row (XLSX) number a person sees */
  rows: Array<{ line: number; cells: Partial<Record<RosterField, string>> }>;
}

function fileError(messageKey: MessageKey, params: Record<string, string | number> = {}): DomainError {
  return new DomainError(messageKey, { file: messageKey }, params);
}

export function normalizeHeader(header: string): string {
  return searchable(header)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The field a column name feeds, and how good the match is (lower is better); null if none. */
function matchColumn(header: string): { field: RosterField; rank: number } | null {
  const name = normalizeHeader(header);
  if (!name) return null;
  let best: { field: RosterField; rank: number; length: number } | null = null;
  for (const [field, names] of Object.entries(COLUMN_NAMES) as Array<[RosterField, string[]]>) {
    for (const [rank, candidate] of names.entries()) {
      const wanted = normalizeHeader(candidate);
      if (name !== wanted && !name.startsWith(`${wanted} `)) continue;
      // The longest matching name wins across fields ("apellido paterno" over "apellido").
      if (!best || wanted.length > best.length || (wanted.length === best.length && rank < best.rank)) {
        best = { field, rank, length: wanted.length };
      }
    }
  }
  return best && { field: best.field, rank: best.rank };
}

function mapColumns(headers: string[]): Map<RosterField, number> {
  const chosen = new Map<RosterField, { index: number; rank: number }>();
  headers.forEach((header, index) => {
    const match = matchColumn(header);
    if (!match) return;
    const current = chosen.get(match.field);
    if (!current || match.rank < current.rank) chosen.set(match.field, { index, rank: match.rank });
  });
  return new Map([...chosen].map(([field, { index }]) => [field, index]));
}

const isBlank = (cells: string[]) => cells.every((c) => !c.trim());

/** Turns a grid of text cells (first row = line 1) into a roster, finding the line of column names. */
export function rosterFromGrid(
  grid: Array<{ line: number; cells: string[] }>,
  format: ParsedRoster["format"],
): ParsedRoster {
  const nonBlank = grid.filter((r) => !isBlank(r.cells));
  if (nonBlank.length === 0) throw fileError("roster.errors.empty_file");
  let headerAt = -1;
  let columns = new Map<RosterField, number>();
  for (let i = 0; i < Math.min(HEADER_SEARCH_LINES, nonBlank.length); i++) {
    const candidate = mapColumns(nonBlank[i].cells);
    if (candidate.size >= 2) {
      headerAt = i;
      columns = candidate;
      break;
    }
  }
  const headerRow = nonBlank[Math.max(0, headerAt)];
  const headers = headerRow.cells.map((c) => c.trim());
  const missing: string[] = [];
  if (!columns.has("givenNames")) missing.push(REQUIRED_COLUMNS[0]);
  if (!columns.has("familyNames") && !columns.has("paternalName")) missing.push(REQUIRED_COLUMNS[1]);
  if (!columns.has("email")) missing.push(REQUIRED_COLUMNS[2]);
  if (headerAt < 0 || missing.length > 0) {
    const found = headers.filter(Boolean).slice(0, 12);
    throw fileError("roster.errors.missing_columns", {
      missing: missing.join(", "),
      found: found.length ? found.map((h) => `«${h.slice(0, 40)}»`).join(", ") : "—",
    });
  }
  const dataRows = nonBlank.slice(headerAt + 1);
  if (dataRows.length === 0) throw fileError("roster.errors.no_rows");
  if (dataRows.length > MAX_ROWS)
    throw fileError("roster.errors.too_many_rows", { max: MAX_ROWS.toLocaleString("es-CL") });
  const entries = [...columns];
  return {
    format,
    headers,
    columns: Object.fromEntries(entries.map(([field, index]) => [field, headers[index]])),
    rows: dataRows.map(({ line, cells }) => ({
      line,
      cells: Object.fromEntries(entries.map(([field, index]) => [field, (cells[index] ?? "").trim()])),
    })),
  };
}

// ── Text (CSV) ───────────────────────────────────────────────────────────────────────────────────

/** The text of a file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; null if binary. */
export function decodeText(bytes: Uint8Array): string | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const text = new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(2));
    // NUL characters, as NUL bytes below: not a text file (and PostgreSQL cannot store them in jsonb)
    return text.includes("\u0000") ? null : text;
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  // A text file has no NUL bytes and few control characters; a PDF, image or .xls has many.
  let controls = 0;
  const sample = body.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte === 0) return null;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  if (controls > sample.length / 100 + 2) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    // Not valid UTF-8: Excel's "CSV (delimitado por comas)" on Windows writes Windows-1252.
    return new TextDecoder("windows-1252").decode(body);
  }
}

/** The separator of the header line: the most frequent of ; , tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim())
    .slice(0, HEADER_SEARCH_LINES);
  let best = ",";
  let bestScore = 0;
  for (const line of lines) {
    const counts: Record<string, number> = { ";": 0, ",": 0, "\t": 0 };
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch in counts) counts[ch]++;
    }
    for (const delimiter of [",", ";", "\t"]) {
      if (counts[delimiter] > bestScore) {
        best = delimiter;
        bestScore = counts[delimiter];
      }
    }
    // The first line with two or more separators is taken to be the line of column names.
    if (bestScore >= 2) break;
  }
  return best;
}

function parseCsv(text: string): ParsedRoster {
  const result = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  // Line numbers as a spreadsheet shows them: one per record, blank ones included.
  const grid = result.data.map((cells, i) => ({ line: i + 1, cells: cells.map((c) => String(c ?? "")) }));
  return rosterFromGrid(grid, "csv");
}

// ── XLSX ─────────────────────────────────────────────────────────────────────────────────────────

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // the old .xls format
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Sum of the unpacked sizes in a zip's central directory; Infinity if it cannot be read. */
export function zipUnpackedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const earliest = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return Number.POSITIVE_INFINITY;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      return Number.POSITIVE_INFINITY;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any roster
    total += size;
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return total;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    // A date in a roster is a mistake of the sheet; show it as a person would read it.
    return `${String(value.getUTCDate()).padStart(2, "0")}-${String(value.getUTCMonth() + 1).padStart(2, "0")}-${value.getUTCFullYear()}`;
  }
  if (typeof value === "object" && "hyperlink" in value && typeof value.hyperlink === "string") {
    const text = cell.text;
    // An email written as a link whose visible text is a name: the address is in the link.
    if (!text.includes("@") && value.hyperlink.toLowerCase().startsWith("mailto:"))
      return value.hyperlink.slice(7);
    return text;
  }
  if (typeof value === "object" && "error" in value) return "";
  try {
    return cell.text ?? "";
  } catch {
    return "";
  }
}

async function parseXlsx(bytes: Uint8Array): Promise<ParsedRoster> {
  if (zipUnpackedSize(bytes) > MAX_UNPACKED_BYTES)
    throw fileError("roster.errors.file_too_large", { max: "5 MB" });
  // loaded by the first spreadsheet read (about half a second), not by every process importing this file
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    throw fileError("roster.errors.unreadable_xlsx");
  }
  const sheet =
    workbook.worksheets.find((ws) => ws.state !== "hidden" && ws.actualRowCount > 0) ??
    workbook.worksheets[0];
  if (!sheet) throw fileError("roster.errors.empty_file");
  if (sheet.actualRowCount > MAX_ROWS + HEADER_SEARCH_LINES) {
    throw fileError("roster.errors.too_many_rows", { max: MAX_ROWS.toLocaleString("es-CL") });
  }
  const tooWide = () => fileError("roster.errors.too_many_columns", { max: String(MAX_COLUMNS) });
  const grid: Array<{ line: number; cells: string[] }> = [];
  let wide = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (wide) return;
    const cells: string[] = [];
    // Only cells with a value: a sheet's formatting can declare thousands of empty ones.
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > MAX_COLUMNS) wide = true;
      else cells[column - 1] = cellText(cell);
    });
    grid.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });
  if (wide) throw tooWide();
  return rosterFromGrid(grid, "xlsx");
}

/**
 * Reads an uploaded roster. The content decides the format, not the name: a zip is an XLSX, text is
 * CSV; anything else (PDF, image, old .xls) is refused with a message that says what to do.
 */
export async function parseRosterFile(file: { fileName: string; bytes: Uint8Array }): Promise<ParsedRoster> {
  const { bytes } = file;
  if (bytes.length === 0) throw fileError("roster.errors.no_file");
  if (bytes.length > MAX_FILE_BYTES) throw fileError("roster.errors.file_too_large", { max: "5 MB" });
  if (startsWith(bytes, ZIP_MAGIC)) return parseXlsx(bytes);
  if (startsWith(bytes, OLE_MAGIC)) throw fileError("roster.errors.old_xls");
  const text = decodeText(bytes);
  if (text === null) throw fileError("roster.errors.unsupported_type");
  return parseCsv(text);
}
