// Tables of figures as files people open in a spreadsheet: CSV (Papa Parse) and XLSX (ExcelJS).
import Papa from "papaparse";

export type Cell = string | number | null;
export interface Table {
  /** the sheet's name (at most 31 characters in XLSX) */
  title: string;
  columns: string[];
  rows: Cell[][];
  /** columns holding a share (0..1), shown as a percentage */
  percentColumns?: number[];
}

/**
 * A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, whatever follows, line breaks included (Papa Parse's own
 * `escapeFormulae` misses a value with a line break: its pattern's "." stops at the newline).
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Every CSV the platform writes: UTF-8 with a BOM, ";" between fields (as spreadsheets in Chile and
 * Brazil open it, the decimal separator being a comma), CRLF, text cells neutralized against formulas;
 * numbers stay numbers, with a decimal comma unless asked otherwise.
 */
export function csvFile(rows: Cell[][], decimalComma = true): string {
  const cells = rows.map((row) =>
    row.map((cell) => {
      if (cell === null) return "";
      if (typeof cell === "number") {
        const text = String(cell);
        return decimalComma ? text.replace(".", ",") : text;
      }
      return neutralizeFormula(cell);
    }),
  );
  return `\uFEFF${Papa.unparse(cells, { delimiter: ";", newline: "\r\n" })}\r\n`;
}

/** A table as a CSV file (csvFile), shares written as percentages. */
export function csvOf(table: Table, decimalComma = true): string {
  const percent = new Set(table.percentColumns ?? []);
  const rows = table.rows.map((row) =>
    row.map((cell, i) => (typeof cell === "number" && percent.has(i) ? Math.round(cell * 1000) / 10 : cell)),
  );
  return csvFile([table.columns, ...rows], decimalComma);
}

/** A workbook with one sheet per table; numbers stay numbers, shares are formatted as percentages. */
export async function xlsxOf(
  tables: Table[],
  meta: { creator: string; title: string },
): Promise<Uint8Array<ArrayBuffer>> {
  // ExcelJS takes about half a second to load: loaded by the first workbook a process writes
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.title = meta.title;
  workbook.created = new Date();
  const used = new Set<string>();
  for (const table of tables) {
    let name = table.title.replace(/[[\]*?/\\:]/g, " ").slice(0, 31) || "Hoja";
    for (let n = 2; used.has(name); n++) name = `${name.slice(0, 28)} ${n}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) {
      // A text cell that starts like a formula stays text: ExcelJS writes strings as strings.
      sheet.addRow(row.map((cell) => (cell === null ? "" : cell)));
    }
    for (const index of table.percentColumns ?? []) sheet.getColumn(index + 1).numFmt = "0.0%";
    table.columns.forEach((column, i) => {
      const longest = Math.max(
        column.length,
        ...table.rows.slice(0, 200).map((r) => String(r[i] ?? "").length),
      );
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
    });
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An ASCII file name for Content-Disposition, with the UTF-8 one beside it. */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
