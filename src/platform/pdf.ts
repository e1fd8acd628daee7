// Printable documents (the cycle of a visit, school reports) built on pdfkit with DejaVu Sans embedded
// (the TrueType files of the npm package dejavu-fonts-ttf, pinned in package.json; Bitstream Vera
// licence with DejaVu's changes in the public domain, which allows embedding and redistribution): names
// such as "Łukasz", "Nguyễn", Greek or Cyrillic print as written, and only the glyphs used are
// embedded (pdfkit subsets the font). A character the font does not have (an emoji, Chinese) becomes
// "?", never a broken document. Pages are US Letter ("Carta", the usual paper in Chilean schools).
// Every page gets the organization and the document's title at the top and "Página N de M" with the
// generation date (viewer's zone and language) at the bottom. The same input and `now` give the same
// bytes, so documents can be compared in tests.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as Fontkit from "fontkit";
import type PDFKit from "pdfkit";
import { translator } from "../messages";
import { lineChart as lineGeometry } from "./charts";
import { formatDateTime } from "./i18n/format";
import type { Locale } from "./i18n/i18n";

// pdfkit and fontkit (about half a second to load) are loaded by the first document a process makes,
// not by every process that imports this file (each test file, each command).
const load = createRequire(import.meta.url);
let pdfkitClass: typeof PDFKit | undefined;
const PDFDocument = function (this: unknown, ...args: ConstructorParameters<typeof PDFKit>) {
  pdfkitClass ??= load("pdfkit") as typeof PDFKit;
  return new pdfkitClass(...args);
} as unknown as typeof PDFKit;
const openFont = (bytes: Buffer) => (load("fontkit") as typeof Fontkit).create(bytes);

export interface PdfOptions {
  /** the document's title: first-page heading, running header and metadata */
  title: string;
  /** the organization the document belongs to, in the running header */
  organization: string;
  /** one line under the title on the first page */
  subtitle?: string;
  locale: Locale;
  /** the viewer's IANA zone, for the generation date */
  timeZone: string;
  /** when it is generated (a fixed instant makes the bytes reproducible) */
  now?: Date;
}

export interface PdfColumn {
  header: string;
  /** relative width (default 1): [1, 4, 2] gives the second column half of the row */
  width?: number;
  align?: "left" | "right" | "center";
}

export type PdfCell = string | number | null | undefined;

export interface PdfBarChart {
  bars: ReadonlyArray<{ label: string; value: number }>;
  /** the value of a full bar (default: the largest value, at least 1) */
  max?: number;
  /** how a value is written at the end of its bar (default: the number as given) */
  format?: (value: number) => string;
}

export interface PdfLineChart {
  /** in order, oldest first; each label is written under its point when there is room */
  points: ReadonlyArray<{ label: string; value: number }>;
  /** the top of the value axis (default 1: shares) */
  max?: number;
  /** how axis values are written (default: the number as given) */
  format?: (value: number) => string;
  /** height in points (default 170) */
  height?: number;
}

const PAGE = { size: "LETTER" as const, width: 612, height: 792 };
const MARGIN = { top: 64, bottom: 60, left: 54, right: 54 };
const COLOR = { ink: "#1b2430", muted: "#4f5b67", line: "#c9d2d8", wash: "#f3f6f7", brand: "#0f5e6e" };
/** the names the fonts are registered under in each document */
const FONT = { regular: "regular", bold: "bold", italic: "italic" } as const;
const SIZE = { body: 10, small: 8.5, table: 9, h1: 14, h2: 11.5, title: 18 };
/** the smallest size a table's header is written in so that no word of it has to be cut */
const MIN_HEADER_SIZE = 6.5;
const LINE_GAP = 1.5;
const CELL_PAD = 4;

const FONT_FILES: Record<keyof typeof FONT, string> = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
};

interface FontFiles {
  /** the faces parsed once per process (pdfkit takes a parsed font as well as its bytes) */
  parsed: Record<keyof typeof FONT, ReturnType<typeof Fontkit.create>>;
  /** whether every one of the three faces has a glyph for the code point */
  printable: (codePoint: number) => boolean;
}
let fontFiles: FontFiles | undefined;

/** The font files, read once per process (about 2 MB; each document embeds only what it uses). */
function fonts(): FontFiles {
  if (!fontFiles) {
    const require = createRequire(import.meta.url);
    const data = Object.fromEntries(
      Object.entries(FONT_FILES).map(([face, file]) => [
        face,
        readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
      ]),
    ) as Record<keyof typeof FONT, Buffer>;
    const parsed = Object.fromEntries(
      Object.entries(data).map(([face, bytes]) => [face, openFont(bytes)]),
    ) as FontFiles["parsed"];
    const faces = Object.values(parsed);
    const known = new Map<number, boolean>();
    fontFiles = {
      parsed,
      printable: (codePoint) => {
        let has = known.get(codePoint);
        if (has === undefined) {
          has = faces.every((face) => face.hasGlyphForCodePoint(codePoint));
          known.set(codePoint, has);
        }
        return has;
      },
    };
  }
  return fontFiles;
}

/**
 * The text as the embedded font can print it: line breaks kept, tabs and unusual spaces as spaces
 * (non-breaking ones stay non-breaking: "92,4 %" is never split), other control characters and
 * zero-width marks dropped, every character the font has kept as it is, a letter it lacks without its
 * marks when that one exists, and anything else (emoji, Chinese) as "?".
 */
export function pdfSafe(text: string): string {
  const { printable } = fonts();
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\n") out += ch;
    else if (ch === "\t" || ch === "\r") out += " ";
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (/[\u200b-\u200d\u2060\ufeff]/.test(ch)) continue;
    else if (ch === "\u00a0" || ch === "\u202f" || ch === "\u2007") out += "\u00a0";
    else if (/\p{Zs}/u.test(ch)) out += " ";
    else if (printable(code)) out += ch;
    else {
      const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
      const baseCode = base.codePointAt(0) ?? 0;
      out += base.length === 1 && baseCode >= 0x20 && printable(baseCode) ? base : "?";
    }
  }
  return out;
}

/**
 * What a line may not break: the text between plain spaces ("Observador/a" is one word, never
 * "Observador/" + "a"; "92,4 %" with its no-break space is one as well).
 */
const wordsOf = (text: string) => text.split(/[ \n]+/).filter(Boolean);

/**
 * Column widths that give every column at least its minimum (its header's longest word), taking the
 * difference from the columns that have room to spare, in proportion to that room.
 */
export function fitColumns(wanted: readonly number[], minimum: readonly number[], total: number): number[] {
  const widths = [...wanted];
  for (let round = 0; round < widths.length; round++) {
    const short = widths.map((w, i) => Math.max(0, minimum[i] - w));
    const missing = short.reduce((sum, n) => sum + n, 0);
    if (missing <= 0.01) break;
    const room = widths.map((w, i) => (short[i] > 0 ? 0 : Math.max(0, w - minimum[i])));
    const spare = room.reduce((sum, n) => sum + n, 0);
    if (spare <= 0) break;
    const take = Math.min(missing, spare);
    for (let i = 0; i < widths.length; i++) {
      if (short[i] > 0) widths[i] += (short[i] / missing) * take;
      else widths[i] -= (room[i] / spare) * take;
    }
  }
  const sum = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w * total) / sum);
}

/** A document being written: call the block methods in reading order, then `finish()`. */
export class PdfDocumentBuilder {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Uint8Array[] = [];
  private readonly ended: Promise<void>;
  private readonly options: PdfOptions;
  private readonly now: Date;

  constructor(options: PdfOptions) {
    this.options = options;
    this.now = options.now ?? new Date();
    const { parsed } = fonts();
    this.doc = new PDFDocument({
      // DejaVu Sans from the start: pdfkit would otherwise load Helvetica, a standard font (its
      // types say a name; pdfkit takes the font's bytes, or the font parsed once per process)
      font: parsed.regular as unknown as string,
      size: PAGE.size,
      margins: MARGIN,
      bufferPages: true,
      lang: options.locale,
      displayTitle: true,
      info: {
        Title: pdfSafe(options.title),
        Author: "Impulso",
        Creator: "Impulso",
        Subject: pdfSafe(options.subtitle ?? options.title),
        CreationDate: this.now,
        ModDate: this.now,
      },
    });
    for (const face of Object.keys(FONT) as Array<keyof typeof FONT>)
      this.doc.registerFont(FONT[face], parsed[face] as unknown as string);
    this.doc.on("data", (chunk: Uint8Array) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve());
      this.doc.on("error", reject);
    });
    this.doc.fillColor(COLOR.ink);
    this.doc.font(FONT.bold).fontSize(SIZE.title).text(pdfSafe(options.title), { lineGap: LINE_GAP });
    if (options.subtitle) {
      this.doc
        .font(FONT.regular)
        .fontSize(SIZE.h2)
        .fillColor(COLOR.muted)
        .text(pdfSafe(options.subtitle), { lineGap: LINE_GAP })
        .fillColor(COLOR.ink);
    }
    this.doc.moveDown(0.8);
  }

  private get left() {
    return this.doc.page.margins.left;
  }
  private get contentWidth() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }
  private get contentHeight() {
    return this.bottom - this.doc.page.margins.top;
  }

  /** Starts a new page unless `height` points fit below the cursor. */
  private ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
    this.doc.x = this.left;
  }

  private measure(text: string, width: number, font: string, size: number) {
    this.doc.font(font).fontSize(size);
    return this.doc.heightOfString(text === "" ? " " : text, { width, lineGap: LINE_GAP });
  }

  /** A section heading (1) or a sub-heading (2), kept on the page of what follows it. */
  heading(text: string, level: 1 | 2 = 1): this {
    const size = level === 1 ? SIZE.h1 : SIZE.h2;
    const safe = pdfSafe(text);
    this.doc.moveDown(level === 1 ? 0.6 : 0.3);
    this.ensureSpace(this.measure(safe, this.contentWidth, FONT.bold, size) + 48);
    this.doc
      .font(FONT.bold)
      .fontSize(size)
      .fillColor(level === 1 ? COLOR.brand : COLOR.ink)
      .text(safe, this.left, this.doc.y, { width: this.contentWidth, lineGap: LINE_GAP })
      .fillColor(COLOR.ink);
    this.doc.moveDown(0.25);
    return this;
  }

  /** Running text; long text continues on the next page. */
  paragraph(text: string, options: { muted?: boolean; bold?: boolean; italic?: boolean } = {}): this {
    this.doc.x = this.left;
    this.doc
      .font(options.bold ? FONT.bold : options.italic ? FONT.italic : FONT.regular)
      .fontSize(SIZE.body)
      .fillColor(options.muted ? COLOR.muted : COLOR.ink)
      .text(pdfSafe(text), this.left, this.doc.y, { width: this.contentWidth, lineGap: LINE_GAP })
      .fillColor(COLOR.ink);
    this.doc.moveDown(0.4);
    return this;
  }

  /** A small bold label over running text: for long answers (praise, plan, a reflection). */
  field(label: string, text: string): this {
    const safeLabel = pdfSafe(label);
    this.ensureSpace(this.measure(safeLabel, this.contentWidth, FONT.bold, SIZE.small) + 30);
    this.doc
      .font(FONT.bold)
      .fontSize(SIZE.small)
      .fillColor(COLOR.muted)
      .text(safeLabel, this.left, this.doc.y, { width: this.contentWidth, lineGap: LINE_GAP })
      .fillColor(COLOR.ink);
    return this.paragraph(text);
  }

  /** Label and value side by side, one line per pair; pairs without a value are left out. */
  keyValues(rows: ReadonlyArray<readonly [label: string, value: PdfCell]>): this {
    const labelWidth = Math.round(this.contentWidth * 0.32);
    const valueWidth = this.contentWidth - labelWidth - 8;
    for (const [label, value] of rows) {
      if (value === null || value === undefined || value === "") continue;
      const safeLabel = pdfSafe(label);
      const safeValue = pdfSafe(String(value));
      const height = Math.max(
        this.measure(safeLabel, labelWidth, FONT.bold, SIZE.small + 0.5),
        this.measure(safeValue, valueWidth, FONT.regular, SIZE.body),
      );
      if (height > this.contentHeight / 2) {
        this.field(label, String(value));
        continue;
      }
      this.ensureSpace(height);
      const y = this.doc.y;
      this.doc
        .font(FONT.bold)
        .fontSize(SIZE.small + 0.5)
        .fillColor(COLOR.muted)
        .text(safeLabel, this.left, y + 1, { width: labelWidth, lineGap: LINE_GAP });
      this.doc
        .font(FONT.regular)
        .fontSize(SIZE.body)
        .fillColor(COLOR.ink)
        .text(safeValue, this.left + labelWidth + 8, y, { width: valueWidth, lineGap: LINE_GAP });
      this.doc.x = this.left;
      this.doc.y = y + height + 3;
    }
    this.doc.moveDown(0.3);
    return this;
  }

  /** A bulleted list. */
  bullets(items: readonly string[]): this {
    for (const item of items) {
      const safe = pdfSafe(item);
      const height = this.measure(safe, this.contentWidth - 14, FONT.regular, SIZE.body);
      this.ensureSpace(Math.min(height, this.contentHeight / 2));
      const y = this.doc.y;
      this.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.ink).text("•", this.left, y);
      this.doc.text(safe, this.left + 14, y, { width: this.contentWidth - 14, lineGap: LINE_GAP });
      this.doc.x = this.left;
      this.doc.moveDown(0.2);
    }
    this.doc.moveDown(0.2);
    return this;
  }

  /**
   * A table with a header row, repeated on every page the table reaches. A row never splits: one
   * that does not fit goes to the next page (a row taller than a page is cut with "…").
   */
  table(columns: readonly PdfColumn[], rows: ReadonlyArray<readonly PdfCell[]>): this {
    const total = columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
    const headers = columns.map((c) => pdfSafe(c.header));
    const body = rows.map((row) => columns.map((_, i) => pdfSafe(row[i] == null ? "" : String(row[i]))));
    // Neither a header nor a figure ("92,4 %", a date) breaks inside a word: each column is at least as
    // wide as its header's longest word and its cells' longest word (up to a quarter of the page, so
    // that a long text column still wraps), with room for a space; the others give up the difference.
    // When even that does not fit the page, the headers' letters get smaller (down to MIN_HEADER_SIZE).
    const widest = (texts: readonly string[], font: string, size: number) =>
      Math.max(
        0,
        ...texts.flatMap((text) =>
          wordsOf(text).map((w) => this.doc.font(font).fontSize(size).widthOfString(w)),
        ),
      );
    const slack = (font: string, size: number) =>
      2 * CELL_PAD + 1 + this.doc.font(font).fontSize(size).widthOfString(" ");
    const cellMinimum = columns.map((_, i) =>
      Math.min(
        this.contentWidth / 4,
        widest(
          body.map((cells) => cells[i]),
          FONT.regular,
          SIZE.table,
        ) + slack(FONT.regular, SIZE.table),
      ),
    );
    const minimumAt = (size: number) =>
      headers.map((text, i) =>
        Math.max(cellMinimum[i], widest([text], FONT.bold, size) + slack(FONT.bold, size)),
      );
    let headerSize = SIZE.table;
    let minimum = minimumAt(headerSize);
    while (minimum.reduce((a, b) => a + b, 0) > this.contentWidth && headerSize > MIN_HEADER_SIZE) {
      headerSize = Math.max(MIN_HEADER_SIZE, headerSize - 0.5);
      minimum = minimumAt(headerSize);
    }
    const widths = fitColumns(
      columns.map((c) => (this.contentWidth * (c.width ?? 1)) / total),
      minimum,
      this.contentWidth,
    );
    const rowHeight = (cells: readonly string[], font: string, size = SIZE.table) =>
      Math.max(...cells.map((text, i) => this.measure(text, widths[i] - 2 * CELL_PAD, font, size))) +
      2 * CELL_PAD;
    const headerHeight = rowHeight(headers, FONT.bold, headerSize);
    const drawRow = (cells: readonly string[], height: number, header: boolean) => {
      const y = this.doc.y;
      if (header) this.doc.rect(this.left, y, this.contentWidth, height).fill(COLOR.wash);
      let x = this.left;
      this.doc
        .font(header ? FONT.bold : FONT.regular)
        .fontSize(header ? headerSize : SIZE.table)
        .fillColor(COLOR.ink);
      cells.forEach((text, i) => {
        this.doc.text(text, x + CELL_PAD, y + CELL_PAD, {
          width: widths[i] - 2 * CELL_PAD,
          height: height - 2 * CELL_PAD + 0.5,
          align: columns[i].align ?? "left",
          lineGap: LINE_GAP,
          ellipsis: true,
        });
        x += widths[i];
      });
      this.doc
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.contentWidth, y + height)
        .lineWidth(header ? 0.8 : 0.4)
        .strokeColor(header ? COLOR.muted : COLOR.line)
        .stroke();
      this.doc.x = this.left;
      this.doc.y = y + height;
    };
    const heights = body.map((cells) =>
      Math.min(rowHeight(cells, FONT.regular), this.contentHeight - headerHeight - 2),
    );
    this.ensureSpace(headerHeight + (heights[0] ?? 0));
    drawRow(headers, headerHeight, true);
    body.forEach((cells, i) => {
      if (this.doc.y + heights[i] > this.bottom) {
        this.doc.addPage();
        drawRow(headers, headerHeight, true);
      }
      drawRow(cells, heights[i], false);
    });
    this.doc.moveDown(0.6);
    return this;
  }

  /** Horizontal bars, one per label, with its value written after the bar. */
  barChart(chart: PdfBarChart): this {
    const format = chart.format ?? ((v: number) => String(v));
    const max = chart.max ?? Math.max(1, ...chart.bars.map((b) => b.value));
    const labelWidth = Math.round(this.contentWidth * 0.36);
    const valueWidth = 56;
    const barX = this.left + labelWidth + 8;
    const barWidth = this.contentWidth - labelWidth - 8 - valueWidth;
    const barHeight = 10;
    chart.bars.forEach((bar, i) => {
      const label = pdfSafe(bar.label);
      const labelHeight = this.measure(label, labelWidth, FONT.regular, SIZE.table);
      const height = Math.max(labelHeight, barHeight) + 6;
      // The first bar keeps the heading above it company.
      this.ensureSpace(i === 0 ? Math.min(height * chart.bars.length, 120) : height);
      const y = this.doc.y;
      this.doc
        .font(FONT.regular)
        .fontSize(SIZE.table)
        .fillColor(COLOR.ink)
        .text(label, this.left, y + (height - labelHeight) / 2 + 1.5, {
          width: labelWidth,
          align: "right",
          lineGap: LINE_GAP,
        });
      const share = max > 0 ? Math.max(0, Math.min(1, bar.value / max)) : 0;
      const barY = y + (height - barHeight) / 2;
      this.doc.rect(barX, barY, barWidth, barHeight).fill(COLOR.wash);
      if (share > 0) this.doc.rect(barX, barY, barWidth * share, barHeight).fill(COLOR.brand);
      this.doc.fillColor(COLOR.ink).text(pdfSafe(format(bar.value)), barX + barWidth + 6, barY + 1, {
        width: valueWidth - 6,
        lineBreak: false,
      });
      this.doc.x = this.left;
      this.doc.y = y + height;
    });
    this.doc.moveDown(0.6);
    return this;
  }

  /** A line over values in [0, max], with value gridlines and the first and last labels. */
  lineChart(chart: PdfLineChart): this {
    const format = chart.format ?? ((v: number) => String(v));
    const height = chart.height ?? 170;
    const max = chart.max ?? 1;
    this.ensureSpace(height + 8);
    const x0 = this.left;
    const y0 = this.doc.y;
    const g = lineGeometry(
      chart.points.map((p) => ({ at: p.label, value: p.value })),
      { width: this.contentWidth, height, yMax: max },
    );
    this.doc.font(FONT.regular).fontSize(SIZE.small);
    for (const tick of g.yTicks) {
      const y = y0 + tick.y;
      this.doc
        .moveTo(x0 + g.plot.left, y)
        .lineTo(x0 + g.plot.right, y)
        .lineWidth(0.4)
        .strokeColor(COLOR.line)
        .stroke();
      this.doc.fillColor(COLOR.muted).text(pdfSafe(format(tick.value)), x0, y - 4, {
        width: g.plot.left - 6,
        align: "right",
        lineBreak: false,
      });
    }
    if (g.points.length > 0) {
      this.doc.save().translate(x0, y0);
      if (g.points.length > 1) this.doc.path(g.path).lineWidth(1.6).strokeColor(COLOR.brand).stroke();
      for (const p of g.points) this.doc.circle(p.x, p.y, 2.4).fill(COLOR.brand);
      this.doc.restore();
      // Labels under the points: all when they fit, else the first and the last.
      const room = (g.plot.right - g.plot.left) / Math.max(1, g.points.length);
      const labelled = room >= 52 ? g.points.map((_, i) => i) : [0, g.points.length - 1];
      for (const i of new Set(labelled)) {
        const p = g.points[i];
        const w = Math.min(Math.max(room, 52), 90);
        const x = Math.min(Math.max(x0 + p.x - w / 2, x0 + g.plot.left - 20), x0 + g.plot.right - w + 10);
        this.doc.fillColor(COLOR.muted).text(pdfSafe(chart.points[i].label), x, y0 + g.plot.bottom + 6, {
          width: w,
          align: "center",
          lineBreak: false,
        });
      }
    }
    this.doc.fillColor(COLOR.ink);
    this.doc.x = this.left;
    this.doc.y = y0 + height + 6;
    this.doc.moveDown(0.4);
    return this;
  }

  /** Vertical space, in points. */
  space(points = 8): this {
    this.doc.y += points;
    return this;
  }

  pageBreak(): this {
    this.doc.addPage();
    return this;
  }

  /** Adds the running header and "Página N de M" to every page and returns the file's bytes. */
  async finish(): Promise<Uint8Array> {
    const t = translator(this.options.locale);
    const range = this.doc.bufferedPageRange();
    const generated = t("pdf.generated", {
      date: formatDateTime(this.now, this.options.locale, this.options.timeZone),
    });
    const organization = pdfSafe(this.options.organization);
    const title = pdfSafe(this.options.title);
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      const width = page.width - page.margins.left - page.margins.right;
      const half = width / 2 - 6;
      const savedBottom = page.margins.bottom;
      page.margins.bottom = 0; // writing in the margin must not start a new page
      this.doc.font(FONT.bold).fontSize(SIZE.small).fillColor(COLOR.muted);
      this.doc.text(organization, page.margins.left, 30, { width: half, lineBreak: false, ellipsis: true });
      this.doc.font(FONT.regular).text(title, page.margins.left + half + 12, 30, {
        width: half,
        align: "right",
        lineBreak: false,
        ellipsis: true,
      });
      this.doc
        .moveTo(page.margins.left, 44)
        .lineTo(page.width - page.margins.right, 44)
        .lineWidth(0.5)
        .strokeColor(COLOR.line)
        .stroke();
      const footerY = page.height - 38;
      this.doc.text(pdfSafe(generated), page.margins.left, footerY, { width: half, lineBreak: false });
      this.doc.text(
        pdfSafe(t("pdf.page_of", { page: i - range.start + 1, pages: range.count })),
        page.margins.left + half + 12,
        footerY,
        { width: half, align: "right", lineBreak: false },
      );
      page.margins.bottom = savedBottom;
    }
    this.doc.flushPages();
    this.doc.end();
    await this.ended;
    return Buffer.concat(this.chunks);
  }
}

/** Starts a document: title (and subtitle) on the first page; then add blocks and `finish()`. */
export function createPdf(options: PdfOptions): PdfDocumentBuilder {
  return new PdfDocumentBuilder(options);
}

export interface CertificatePdfOptions {
  /** the organization that issues it (top line, and the metadata's author) */
  organization: string;
  /** "Certificado de aprobación" */
  title: string;
  /** the sentence before the name ("certifica que") */
  lead: string;
  holder: string;
  /** what is certified, a paragraph each (course, hours, dates) */
  body: readonly string[];
  signerName: string;
  signerTitle: string;
  /** the verification line under the QR code (its code and address, written out) */
  verification: readonly string[];
  /** the address the QR code holds: the public verification page */
  verifyUrl: string;
  locale: Locale;
  /** when it was issued (the metadata's dates: the same certificate gives the same bytes) */
  issuedAt: Date;
}

/**
 * A certificate: one landscape Letter page, centred, with a QR code that holds the verification
 * page's address drawn as vector squares (sharp when printed; no image decoder involved).
 */
export async function createCertificatePdf(options: CertificatePdfOptions): Promise<Uint8Array> {
  const QRCode = await import("qrcode");
  const { parsed } = fonts();
  const doc = new PDFDocument({
    font: parsed.regular as unknown as string,
    size: PAGE.size,
    layout: "landscape",
    margins: { top: 56, bottom: 48, left: 64, right: 64 },
    lang: options.locale,
    displayTitle: true,
    info: {
      Title: pdfSafe(`${options.title}: ${options.holder}`),
      Author: pdfSafe(options.organization),
      Creator: "Impulso",
      CreationDate: options.issuedAt,
      ModDate: options.issuedAt,
    },
  });
  // the faces parsed once per process: a certificate run writes a thousand documents
  doc.registerFont(FONT.regular, parsed.regular as unknown as string);
  doc.registerFont(FONT.bold, parsed.bold as unknown as string);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  const width = doc.page.width - 128;
  const left = 64;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .strokeColor(COLOR.brand)
    .stroke();
  doc.font(FONT.bold).fontSize(13).fillColor(COLOR.brand);
  doc.text(pdfSafe(options.organization), left, 64, { width, align: "center" });
  doc.moveDown(1.2);
  doc
    .font(FONT.bold)
    .fontSize(26)
    .fillColor(COLOR.ink)
    .text(pdfSafe(options.title), { width, align: "center" });
  doc.moveDown(0.8);
  doc
    .font(FONT.regular)
    .fontSize(12)
    .fillColor(COLOR.muted)
    .text(pdfSafe(options.lead), { width, align: "center" });
  doc.moveDown(0.4);
  doc
    .font(FONT.bold)
    .fontSize(22)
    .fillColor(COLOR.ink)
    .text(pdfSafe(options.holder), { width, align: "center" });
  doc.moveDown(0.6);
  doc.font(FONT.regular).fontSize(12).fillColor(COLOR.ink);
  for (const line of options.body) {
    doc.text(pdfSafe(line), { width, align: "center", lineGap: LINE_GAP });
    doc.moveDown(0.2);
  }
  // The signer at the bottom left, the QR code and its verification lines at the bottom right.
  const baseY = doc.page.height - 170;
  doc
    .moveTo(left + 20, baseY + 50)
    .lineTo(left + 260, baseY + 50)
    .lineWidth(0.75)
    .strokeColor(COLOR.ink)
    .stroke();
  doc
    .font(FONT.bold)
    .fontSize(11)
    .text(pdfSafe(options.signerName), left + 20, baseY + 58, { width: 240, align: "center" });
  doc.font(FONT.regular).fontSize(9.5).fillColor(COLOR.muted);
  doc.text(pdfSafe(options.signerTitle), left + 20, doc.y, { width: 240, align: "center" });
  const qr = QRCode.create(options.verifyUrl, { errorCorrectionLevel: "M" });
  const size = 96;
  const cell = size / qr.modules.size;
  const qrX = doc.page.width - 64 - size - 200;
  doc.fillColor("#000000");
  for (let row = 0; row < qr.modules.size; row++)
    for (let col = 0; col < qr.modules.size; col++)
      if (qr.modules.get(row, col)) doc.rect(qrX + col * cell, baseY + row * cell, cell, cell);
  doc.fill();
  doc.font(FONT.regular).fontSize(8.5).fillColor(COLOR.muted);
  doc.text(pdfSafe(options.verification.join("\n")), qrX + size + 10, baseY + 6, {
    width: 190,
    lineGap: LINE_GAP,
  });
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
