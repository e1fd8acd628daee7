// Reading a video-meeting tool's participants report (Zoom, Google Meet, Microsoft Teams) into the
// minutes each person was present in one live session. Pure: text in, a result out; nothing here
// touches the database, and nobody is matched to a registration here (the caller does that by email).
//
// What real files look like:
// - Zoom (Reports → Usage → Participants → Export): with "Export with meeting data" a summary block
//   comes first ("Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,"),
//   then a blank line, then the participants table; one row per join, so a person who dropped out and
//   came back, or joined on two devices, has several rows, possibly overlapping. Times are wall times in
//   the account's zone, "12/04/2026 10:00:15 AM" in English, "04/12/2026 10:00:15" in Spanish.
//   "Show unique users" gives "Total Duration (Minutes)" instead of join and leave times.
// - Google Meet (the attendance report a Workspace organizer gets as a Sheet): "First name, Last name,
//   Email, Duration, Time joined, Time exited", durations as "1 hr 5 min", times often without a date.
// - Microsoft Teams (attendance report, downloaded as UTF-16 text with tabs): "1. Summary" (key and value
//   rows), "2. Participants" (First Join, Last Leave, In-Meeting Duration, Email), "3. In-Meeting
//   Activities" (one row per join: Join Time, Leave Time, Duration, Email); times as "15/11/22, 09:30:47"
//   or "11/15/22, 9:30:47 AM", durations as "1h 5m 8s".
// - Opened and saved again in Excel on a Spanish or Portuguese system: ";" as separator, a UTF-8 BOM, CRLF.
import Papa from "papaparse";
import { z } from "zod";
import { normalizeEmail, searchable } from "../../platform/text";
import { isTimeZone, localParts, resolveLocalTime } from "../../platform/time";

/** More data rows than this and the report is refused (a session's attendance is far smaller). */
export const MAX_REPORT_ROWS = 5_000;
/** The column names are looked for in the first lines (records) of the file, under any summary block. */
export const HEADER_SEARCH_LINES = 20;
/** Presence counts from this long before the planned start (people come in early to test their audio)… */
export const WINDOW_BEFORE_MINUTES = 15;
/** …until this long after the planned end (sessions run over). Time outside is not counted. */
export const WINDOW_AFTER_MINUTES = 30;
const MAX_RAW = 200;
const MAX_FOUND = 20;

/** The columns the parser reads, by stable identifier (the page names them in the reader's language). */
export type ColumnName = "email" | "join" | "leave" | "duration";
/** A column that must be there: the email, and join and leave times (or else a duration column). */
export type RequiredColumn = Exclude<ColumnName, "duration">;

export type RejectReason =
  /** the email cell is empty (a Zoom guest, a phone dial-in) */
  | "no_email"
  /** the email cell is not one email address */
  | "invalid_email"
  /** a join or leave time is empty or in no format read here */
  | "invalid_time"
  /** a wall time the zone's clocks skipped (e.g. 00:30 on Chile's September change night): the zone is
   * probably not the one the report was written in */
  | "nonexistent_time"
  | "leave_before_join"
  /** (reports with a duration and no times) the duration is empty or unreadable */
  | "invalid_duration";

export interface ReportOptions {
  /** IANA zone of the wall times in the report (the session's planned zone unless the facilitator chose another) */
  timeZone: string;
  session: { startsAt: Date; durationMinutes: number };
}

export interface ReportAttendee {
  /** trimmed and lower-cased */
  email: string;
  /** whole minutes present inside the session window, overlaps counted once */
  minutes: number;
  /** the lines of the file (as a spreadsheet numbers them) that count for this person */
  rows: number[];
}

export interface RejectedReportRow {
  /** the line of the file as a spreadsheet numbers it, the header's own line and blank lines counted */
  row: number;
  reason: RejectReason;
  /** the row's cells as written (separator of the file), at most 200 characters */
  raw: string;
}

export type ParticipantsReport =
  | {
      ok: true;
      /** "times": join and leave times, merged and clipped; "durations": a duration column summed */
      basis: "times" | "durations";
      /** which column of the file (as written) each identifier was read from */
      columns: Partial<Record<ColumnName, string>>;
      /** one per email, in order of first appearance */
      attendees: ReportAttendee[];
      /** in file order */
      rejected: RejectedReportRow[];
    }
  | {
      ok: false;
      problem: "missing_columns";
      missing: RequiredColumn[];
      /** the column names of the line taken as the header (the closest match), as written */
      found: string[];
    }
  | { ok: false; problem: "too_many_rows"; max: number; rows: number };

// ── Column names ─────────────────────────────────────────────────────────────────────────────────

/**
 * Accepted column names, compared after lower-casing and removing accents and punctuation, so
 * "Duración (minutos)" is "duracion minutos". A column matches a name exactly or starts with it
 * followed by a space ("Join time (UTC-03:00)"); the longest matching name decides the field.
 *
 * Supported exports (as their columns are written):
 * - Zoom, English: Name (Original Name), User Email (newer: Email), Join Time, Leave Time,
 *   Duration (Minutes), Guest; unique users: Total Duration (Minutes).
 * - Zoom, Spanish: Nombre (nombre original), Correo electrónico del usuario, Hora de entrada,
 *   Hora de salida, Duración (minutos); unique users: Duración total (minutos).
 * - Zoom, Portuguese: Nome (nome original), E-mail do usuário, Hora de entrada, Hora de saída,
 *   Duração (minutos).
 * - Google Meet: First name, Last name, Email, Duration, Time joined, Time exited; Spanish: Nombre,
 *   Apellidos, Correo electrónico, Duración, Hora de incorporación (or Hora de unión), Hora de salida;
 *   Portuguese: Nome, Sobrenome, E-mail, Duração, Horário de entrada, Horário de saída.
 * - Microsoft Teams: Email, First Join, Last Leave, In-Meeting Duration; in-meeting activities:
 *   Join Time, Leave Time, Duration; Spanish: Correo electrónico, Primera unión, Última salida,
 *   Duración en la reunión, Hora de unión, Hora de salida; Portuguese: Primeira entrada, Última saída,
 *   Duração na reunião, Hora de entrada, Hora de saída.
 * Names are not read at all: people are told apart by email only.
 */
const COLUMN_NAMES: Record<ColumnName, string[]> = {
  email: [
    "user email",
    "email",
    "e mail",
    "email address",
    "participant email",
    "attendee email",
    "correo electronico del usuario",
    "correo electronico",
    "correo del usuario",
    "correo",
    "direccion de correo electronico",
    "e mail do usuario",
    "email do usuario",
    "endereco de e mail",
    "endereco de email",
  ],
  join: [
    "join time",
    "join",
    "joined",
    "time joined",
    "first join",
    "first join time",
    "hora de entrada",
    "horario de entrada",
    "entrada",
    "hora de incorporacion",
    "hora de union",
    "hora en que se unio",
    "hora a la que se unio",
    "hora de ingreso",
    "primera union",
    "primera entrada",
    "primer ingreso",
    "hora de ingresso",
    "primeira entrada",
    "primeiro ingresso",
  ],
  leave: [
    "leave time",
    "leave",
    "left",
    "time left",
    "time exited",
    "exited",
    "last leave",
    "last leave time",
    "hora de salida",
    "horario de salida",
    "salida",
    "hora en que salio",
    "hora a la que salio",
    "hora de abandono",
    "ultima salida",
    "hora de saida",
    "horario de saida",
    "saida",
    "ultima saida",
  ],
  duration: [
    "duration",
    "duration minutes",
    "total duration",
    "total duration minutes",
    "in meeting duration",
    "attendance duration",
    "duracion",
    "duracion minutos",
    "duracion total",
    "duracion total minutos",
    "duracion en la reunion",
    "duracao",
    "duracao minutos",
    "duracao total",
    "duracao total minutos",
    "duracao na reuniao",
  ],
};

/** Teams' "First Join"/"Last Leave": one span per person from first arrival to last departure. */
const SPAN_NAMES = new Set([
  "first join",
  "first join time",
  "last leave",
  "last leave time",
  "primera union",
  "primera entrada",
  "primer ingreso",
  "ultima salida",
  "primeira entrada",
  "primeiro ingresso",
  "ultima saida",
]);

/** Columns of a meeting summary (Zoom's block above the participants): its row is not the header. */
const SUMMARY_NAMES = new Set([
  "meeting id",
  "id de reunion",
  "id de la reunion",
  "id da reuniao",
  "topic",
  "tema",
  "topico",
  "meeting title",
  "titulo de la reunion",
  "titulo da reuniao",
  "participants",
  "participantes",
]);

const normalizeName = (header: string) =>
  searchable(header)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const ALIASES = (Object.entries(COLUMN_NAMES) as Array<[ColumnName, string[]]>)
  .flatMap(([field, names]) => names.map((name) => ({ field, name })))
  .sort((a, b) => b.name.length - a.name.length);

function columnOf(header: string): { field: ColumnName; span: boolean } | null {
  const name = normalizeName(header);
  if (!name) return null;
  const alias = ALIASES.find((a) => name === a.name || name.startsWith(`${a.name} `));
  return alias ? { field: alias.field, span: SPAN_NAMES.has(alias.name) } : null;
}

interface HeaderRow {
  columns: Map<ColumnName, number>;
  /** join and leave are Teams' first-join/last-leave span, not one interval per join */
  span: boolean;
  summary: boolean;
}

/** Which field each column of a line feeds. When two columns feed one field, the later one wins:
 * Zoom's one-line layout repeats "User Email" and "Duration (Minutes)", the host's first. */
function readHeader(cells: string[]): HeaderRow {
  const columns = new Map<ColumnName, number>();
  let span = false;
  let summary = false;
  cells.forEach((cell, index) => {
    if (SUMMARY_NAMES.has(normalizeName(cell))) summary = true;
    const column = columnOf(cell);
    if (!column) return;
    columns.set(column.field, index);
    if (column.field === "join" || column.field === "leave") span ||= column.span;
  });
  return { columns, span, summary };
}

const hasTimes = (h: HeaderRow) => h.columns.has("join") && h.columns.has("leave");

/** 3: one row per join; 2: Teams' first-join/last-leave spans; 1: durations only; 0: not a header.
 * A meeting summary line (Zoom's, with the host's email and the meeting's duration) is no header. */
function headerRank(h: HeaderRow): number {
  if (!h.columns.has("email")) return 0;
  if (hasTimes(h)) return h.span ? 2 : 3;
  return h.columns.has("duration") && !h.summary ? 1 : 0;
}

// ── The grid ─────────────────────────────────────────────────────────────────────────────────────

type Grid = string[][];
const DELIMITERS = [",", ";", "\t"] as const;
const isBlank = (cells: string[]) => cells.every((c) => !c.trim());

function parseGrid(text: string, delimiter: string, preview = 0): Grid {
  const result = Papa.parse<string[]>(text, { delimiter, preview, skipEmptyLines: false });
  return result.data.map((cells) => cells.map((c) => String(c ?? "")));
}

/** The separator: the one under which a header line shows up in the first lines (the best header if
 * several do; "," on a tie). A Teams file has commas inside its times ("15/11/22, 09:30:47") and tabs
 * between columns, so counting characters would not do. Without any header, Papa's own guess. */
function chooseDelimiter(text: string): string {
  let best: { delimiter: string; rank: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rank = Math.max(
      0,
      ...parseGrid(text, delimiter, HEADER_SEARCH_LINES).map((c) => headerRank(readHeader(c))),
    );
    if (rank > 0 && (!best || rank > best.rank)) best = { delimiter, rank };
  }
  if (best) return best.delimiter;
  const guess = Papa.parse<string[]>(text, { preview: HEADER_SEARCH_LINES }).meta.delimiter;
  return (DELIMITERS as readonly string[]).includes(guess) ? guess : ",";
}

/** Columns missing from the line closest to a header (most recognized columns, the first on a tie). */
function missingColumns(grid: Grid): { missing: RequiredColumn[]; found: string[] } {
  const lines = grid.slice(0, HEADER_SEARCH_LINES).filter((cells) => !isBlank(cells));
  let closest: { cells: string[]; header: HeaderRow } | null = null;
  for (const cells of lines) {
    const header = readHeader(cells);
    // A summary line's duration is the meeting's, not a person's.
    if (header.summary) header.columns.delete("duration");
    if (!closest || header.columns.size > closest.header.columns.size) closest = { cells, header };
  }
  const columns = closest?.header.columns ?? new Map<ColumnName, number>();
  const missing: RequiredColumn[] = [];
  if (!columns.has("email")) missing.push("email");
  if (!hasTimes({ columns, span: false, summary: false }) && !columns.has("duration")) {
    if (!columns.has("join")) missing.push("join");
    if (!columns.has("leave")) missing.push("leave");
  }
  const found = (closest?.cells ?? [])
    .map((c) => c.trim())
    .filter(Boolean)
    .slice(0, MAX_FOUND);
  return { missing, found };
}

interface Table {
  header: HeaderRow;
  /** the header line's cells, as written */
  names: string[];
  rank: number;
  rows: Array<{ line: number; cells: string[] }>;
}

/**
 * The tables of the report: the first header line among the first lines starts one; any later header
 * line starts another (Teams' "3. In-Meeting Activities" after "2. Participants"). A line with a single
 * cell and no "@" just above a header is a section title ("3. In-Meeting Activities") and is skipped, as
 * are blank lines and everything above the first header (Zoom's and Teams' summaries).
 */
function readTables(grid: Grid): Table[] | null {
  const first = grid.slice(0, HEADER_SEARCH_LINES).findIndex((cells) => headerRank(readHeader(cells)) > 0);
  if (first < 0) return null;
  const tables: Table[] = [];
  const nonBlank = grid
    .map((cells, index) => ({ line: index + 1, cells }))
    .slice(first)
    .filter((r) => !isBlank(r.cells));
  // A line with an email in it is a data row, not a header: most lines are told apart at no cost.
  const headers = nonBlank.map(({ cells }) => {
    if (cells.some((c) => c.includes("@"))) return null;
    const header = readHeader(cells);
    return headerRank(header) > 0 ? header : null;
  });
  nonBlank.forEach((record, i) => {
    const header = headers[i];
    if (header) {
      tables.push({ header, names: record.cells, rank: headerRank(header), rows: [] });
      return;
    }
    const filled = record.cells.filter((c) => c.trim());
    const isTitle = filled.length === 1 && !filled[0].includes("@") && headers[i + 1];
    if (!isTitle) tables[tables.length - 1].rows.push(record);
  });
  return tables;
}

// ── Times ────────────────────────────────────────────────────────────────────────────────────────

interface Clock {
  hour: number;
  minute: number;
  second: number;
  ampm: boolean;
  /** minutes east of UTC when the value carries an offset ("Z", "-03:00") */
  offset: number | null;
}

type DatePart =
  | { kind: "ymd"; year: number; month: number; day: number }
  /** "04/12/2026": day and month in an order the file decides */
  | { kind: "pair"; first: number; second: number; year: number }
  /** a time alone ("10:02 AM", as Meet writes): the session's day */
  | { kind: "none" };

interface TimeValue {
  date: DatePart;
  clock: Clock;
}

const SPACES = /[\s\u00a0\u2007\u202f]+/g;
const CLOCK =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(?:(a|p)\.?\s?m\.?)?\s*(z|(?:utc|gmt)?\s?([+-])(\d{1,2})(?::?(\d{2}))?|utc|gmt)?$/i;
const ISO_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:t|,?\s)\s*(.*)$/i;
const PAIR_DATE = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2}),?\s+(.*)$/;

function readClock(text: string): Clock | null {
  const m = CLOCK.exec(text);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] ? Number(m[3]) : 0;
  if (minute > 59 || second > 59) return null;
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === "p" ? 12 : 0);
  } else if (hour > 23) return null;
  let offset: number | null = null;
  if (m[5]) {
    offset = 0;
    if (m[6]) {
      const hours = Number(m[7]);
      const minutes = m[8] ? Number(m[8]) : 0;
      if (hours > 14 || minutes > 59) return null;
      offset = (m[6] === "-" ? -1 : 1) * (hours * 60 + minutes);
    }
  }
  return { hour, minute, second, ampm: Boolean(ampm), offset };
}

/** The pieces of a join or leave cell, before the file's day/month order is known; null if unreadable. */
function readTime(raw: string): TimeValue | null {
  const text = raw.replace(SPACES, " ").trim();
  if (!text) return null;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const clock = readClock(iso[4]);
    const [year, month, day] = [iso[1], iso[2], iso[3]].map(Number);
    return clock && { date: { kind: "ymd", year, month, day }, clock };
  }
  const pair = PAIR_DATE.exec(text);
  if (pair) {
    const clock = readClock(pair[5]);
    const year = pair[4].length === 2 ? 2000 + Number(pair[4]) : Number(pair[4]);
    return clock && { date: { kind: "pair", first: Number(pair[1]), second: Number(pair[3]), year }, clock };
  }
  const clock = readClock(text);
  return clock && { date: { kind: "none" }, clock };
}

const isRealDate = (year: number, month: number, day: number) =>
  month >= 1 && month <= 12 && day >= 1 && new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;

type Order = "dmy" | "mdy";

/**
 * The order of day and month in "04/12/2026", decided once for the whole file (a tool writes all its
 * dates one way): if some date is only valid one way (a first number above 12 means day first, a second
 * above 12 month first) and none only the other, that way; else the way that puts more dates on the
 * session's day (its local day at the start or end of the window); on a tie, month first when the times
 * carry AM/PM (Zoom's and Teams' US English exports) and day first otherwise (Chile, Spain, Brazil…).
 */
function dateOrder(values: TimeValue[], sessionDays: Set<string>): Order {
  let onlyDmy = 0;
  let onlyMdy = 0;
  let dmyOnSession = 0;
  let mdyOnSession = 0;
  let ampm = 0;
  for (const { date, clock } of values) {
    if (date.kind !== "pair") continue;
    if (clock.ampm) ampm++;
    const dmy = isRealDate(date.year, date.second, date.first);
    const mdy = isRealDate(date.year, date.first, date.second);
    if (dmy && !mdy) onlyDmy++;
    if (mdy && !dmy) onlyMdy++;
    if (dmy && sessionDays.has(dayKey(date.year, date.second, date.first))) dmyOnSession++;
    if (mdy && sessionDays.has(dayKey(date.year, date.first, date.second))) mdyOnSession++;
  }
  if (onlyDmy > 0 && onlyMdy === 0) return "dmy";
  if (onlyMdy > 0 && onlyDmy === 0) return "mdy";
  if (dmyOnSession !== mdyOnSession) return dmyOnSession > mdyOnSession ? "dmy" : "mdy";
  return ampm > 0 ? "mdy" : "dmy";
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const dayKey = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

interface Window {
  start: number;
  end: number;
}

type Instant =
  | { kind: "ok"; at: number }
  | { kind: "invalid" }
  | { kind: "gap" }
  | { kind: "repeated"; earlier: number; later: number };

class TimeReader {
  private readonly cache = new Map<string, Instant>();
  private readonly sessionDay: string;

  constructor(
    private readonly timeZone: string,
    private readonly order: Order,
    startsAt: Date,
  ) {
    this.sessionDay = localParts(startsAt, timeZone).date;
  }

  instant({ date, clock }: TimeValue): Instant {
    let day: string;
    if (date.kind === "ymd") {
      if (!isRealDate(date.year, date.month, date.day)) return { kind: "invalid" };
      day = dayKey(date.year, date.month, date.day);
    } else if (date.kind === "pair") {
      const [month, dayOfMonth] =
        this.order === "dmy" ? [date.second, date.first] : [date.first, date.second];
      if (!isRealDate(date.year, month, dayOfMonth)) return { kind: "invalid" };
      day = dayKey(date.year, month, dayOfMonth);
    } else {
      day = this.sessionDay;
    }
    const seconds = clock.second * 1000;
    if (clock.offset !== null) {
      const [year, month, dayOfMonth] = day.split("-").map(Number);
      const utc = Date.UTC(year, month - 1, dayOfMonth, clock.hour, clock.minute) - clock.offset * 60_000;
      return { kind: "ok", at: utc + seconds };
    }
    // A wall time in the zone; the clocks change on whole minutes, so the seconds are added after.
    const hm = `${pad(clock.hour)}:${pad(clock.minute)}`;
    const key = `${day} ${hm}`;
    const local = this.cache.get(key) ?? this.resolve(day, hm);
    this.cache.set(key, local);
    switch (local.kind) {
      case "ok":
        return { kind: "ok", at: local.at + seconds };
      case "repeated":
        return { kind: "repeated", earlier: local.earlier + seconds, later: local.later + seconds };
      default:
        return local;
    }
  }

  private resolve(day: string, hm: string): Instant {
    const resolved = resolveLocalTime(day, hm, this.timeZone);
    switch (resolved.kind) {
      case "ok":
        return { kind: "ok", at: resolved.instant.getTime() };
      case "repeated":
        return { kind: "repeated", earlier: resolved.earlier.getTime(), later: resolved.later.getTime() };
      case "gap":
        return { kind: "gap" };
      default:
        return { kind: "invalid" };
    }
  }
}

const distance = (at: number, w: Window) => (at < w.start ? w.start - at : at > w.end ? at - w.end : 0);

/**
 * One instant for a wall time the clocks repeat (Chile's April change night: 23:00–23:59 happens at
 * −03:00 and again at −04:00): the one inside the session window, or the nearer to it; when both are
 * inside, the earlier, except that a leave takes the earliest that is not before its join.
 */
function pick(times: number[], window: Window, notBefore = Number.NEGATIVE_INFINITY): number {
  const allowed = times.filter((t) => t >= notBefore);
  const candidates = allowed.length > 0 ? allowed : times;
  return candidates.reduce((best, t) => (distance(t, window) < distance(best, window) ? t : best));
}

// ── Durations ────────────────────────────────────────────────────────────────────────────────────

const UNIT_SECONDS: Record<string, number> = {
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
  hora: 3600,
  horas: 3600,
  m: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  minuto: 60,
  minutos: 60,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  seg: 1,
  segundo: 1,
  segundos: 1,
};
const DURATION_PART = /(\d+(?:[.,]\d+)?)\s*([a-z]+)\.?/g;

/**
 * Seconds in a duration cell: a bare number is minutes (Zoom's "Duration (Minutes)"); "1:05:08" or
 * "1:05" is hours, minutes (and seconds); "1h 5m 8s" (Teams), "1 hr 5 min" (Meet), "1 h 5 min" with the
 * units in English, Spanish or Portuguese. Null when unreadable.
 */
export function parseDurationSeconds(raw: string): number | null {
  const text = searchable(raw.replace(SPACES, " "));
  if (!text) return null;
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return Math.round(Number(text.replace(",", ".")) * 60);
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) {
    if (Number(clock[2]) > 59 || Number(clock[3] ?? 0) > 59) return null;
    return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  }
  let seconds = 0;
  let parts = 0;
  const rest = text.replace(DURATION_PART, (_, amount: string, unit: string) => {
    const factor = UNIT_SECONDS[unit];
    if (factor === undefined) return "?";
    seconds += Number(amount.replace(",", ".")) * factor;
    parts++;
    return " ";
  });
  // Only separators may be left between the parts ("1 h y 5 min", "1 hr, 5 min").
  if (parts === 0 || !/^(?:[\s,]|\by\b|\be\b|\band\b)*$/.test(rest)) return null;
  return Math.round(seconds);
}

// ── The report ───────────────────────────────────────────────────────────────────────────────────

const emailSchema = z.email();

function readEmail(cell: string): { email: string } | { reason: RejectReason } {
  const email = normalizeEmail(cell ?? "");
  if (!email) return { reason: "no_email" };
  if (email.length > 254 || !emailSchema.safeParse(email).success) return { reason: "invalid_email" };
  return { email };
}

function rawOf(cells: string[], delimiter: string): string {
  const trimmed = [...cells];
  while (trimmed.length > 0 && !trimmed[trimmed.length - 1].trim()) trimmed.pop();
  const raw = Papa.unparse([trimmed], { delimiter, newline: " " });
  return raw.length > MAX_RAW ? `${raw.slice(0, MAX_RAW - 1)}…` : raw;
}

/**
 * The minutes each email was present in one live session, from a participants report.
 *
 * Rules:
 * - Columns are found by name (see COLUMN_NAMES), on the first line among the first 20 that has an
 *   email column and join and leave columns, or a duration column; a missing one is reported by
 *   identifier with the names that were found. Separator "," ";" or tab, a BOM and CRLF are read.
 * - People are told apart by email only (trimmed, lower-cased), never by name. A row without an email,
 *   or with one that is not an address, is rejected.
 * - With join and leave columns ("times"), a person's intervals are merged (overlaps, e.g. two devices,
 *   count once), clipped to the session window (15 minutes before the planned start to 30 after the
 *   planned end) and summed; the total is rounded to whole minutes (half up). When a report has both
 *   one-row-per-join tables and first-join/last-leave spans (Teams), only the former are read; a
 *   duration column is then ignored.
 * - With a duration column and no join/leave ("durations"), a person's durations are summed as they are
 *   (they cannot be merged without times) and capped at the window's length.
 * - Times: ISO 8601 with or without offset ("2026-12-04T10:00:15-03:00", "2026-12-04 10:00:15"),
 *   "12/04/2026 10:00:15 AM", "04/12/2026 10:00:15", "04-12-2026 10:00", "04.12.2026 10:00",
 *   "15/11/22, 09:30:47", or a time alone (on the session's local day). Without an offset a time is a
 *   wall time in `timeZone`. Day/month order: see dateOrder. A wall time the clocks repeat: see pick; one
 *   they skip is rejected ("nonexistent_time").
 * - Rows are numbered as a spreadsheet shows the file (one per record, the header's line and blank lines
 *   counted). Blank lines are ignored. More than MAX_REPORT_ROWS data rows: "too_many_rows".
 *
 * Throws a RangeError for an unknown zone or an invalid session (a programming error, not the file's).
 */
export function parseParticipantsReport(text: string, options: ReportOptions): ParticipantsReport {
  const { timeZone, session } = options;
  const startsAt = session.startsAt.getTime();
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  if (!Number.isFinite(startsAt) || !(session.durationMinutes > 0))
    throw new RangeError("A session needs a start and a positive duration");
  const window: Window = {
    start: startsAt - WINDOW_BEFORE_MINUTES * 60_000,
    end: startsAt + (session.durationMinutes + WINDOW_AFTER_MINUTES) * 60_000,
  };

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = chooseDelimiter(body);
  const grid = parseGrid(body, delimiter);
  const tables = readTables(grid);
  if (!tables) return { ok: false, problem: "missing_columns", ...missingColumns(grid) };
  const dataRows = tables.reduce((sum, t) => sum + t.rows.length, 0);
  if (dataRows > MAX_REPORT_ROWS)
    return { ok: false, problem: "too_many_rows", max: MAX_REPORT_ROWS, rows: dataRows };

  // The most precise kind of table the report has; the others repeat the same people less precisely.
  const rank = Math.max(...tables.map((t) => t.rank));
  const used = tables.filter((t) => t.rank === rank);
  const basis = rank >= 2 ? "times" : "durations";

  const rejected: RejectedReportRow[] = [];
  const people = new Map<string, { rows: number[]; intervals: Array<[number, number]>; seconds: number }>();
  const reject = (line: number, cells: string[], reason: RejectReason) =>
    rejected.push({ row: line, reason, raw: rawOf(cells, delimiter) });

  // Day/month order from every join and leave cell of the tables read.
  const values = new Map<string, TimeValue | null>();
  const cellTime = (cell: string | undefined) => {
    const key = cell ?? "";
    if (!values.has(key)) values.set(key, readTime(key));
    return values.get(key) ?? null;
  };
  let reader: TimeReader | null = null;
  if (basis === "times") {
    const all: TimeValue[] = [];
    for (const table of used) {
      const join = table.header.columns.get("join") as number;
      const leave = table.header.columns.get("leave") as number;
      for (const { cells } of table.rows) {
        for (const v of [cellTime(cells[join]), cellTime(cells[leave])]) if (v) all.push(v);
      }
    }
    const sessionDays = new Set([
      localParts(new Date(window.start), timeZone).date,
      localParts(new Date(window.end), timeZone).date,
    ]);
    reader = new TimeReader(timeZone, dateOrder(all, sessionDays), session.startsAt);
  }

  for (const table of used) {
    const { columns } = table.header;
    const emailAt = columns.get("email") as number;
    for (const { line, cells } of table.rows) {
      const email = readEmail(cells[emailAt]);
      if ("reason" in email) {
        reject(line, cells, email.reason);
        continue;
      }
      let interval: [number, number] | null = null;
      let seconds = 0;
      if (reader) {
        const joinValue = cellTime(cells[columns.get("join") as number]);
        const leaveValue = cellTime(cells[columns.get("leave") as number]);
        const join = joinValue && reader.instant(joinValue);
        const leave = leaveValue && reader.instant(leaveValue);
        if (!join || !leave || join.kind === "invalid" || leave.kind === "invalid") {
          reject(line, cells, "invalid_time");
          continue;
        }
        if (join.kind === "gap" || leave.kind === "gap") {
          reject(line, cells, "nonexistent_time");
          continue;
        }
        const joinAt = join.kind === "ok" ? join.at : pick([join.earlier, join.later], window);
        const leaveAt = leave.kind === "ok" ? leave.at : pick([leave.earlier, leave.later], window, joinAt);
        if (leaveAt < joinAt) {
          reject(line, cells, "leave_before_join");
          continue;
        }
        interval = [joinAt, leaveAt];
      } else {
        const duration = parseDurationSeconds(cells[columns.get("duration") as number] ?? "");
        if (duration === null) {
          reject(line, cells, "invalid_duration");
          continue;
        }
        seconds = duration;
      }
      let person = people.get(email.email);
      if (!person) {
        person = { rows: [], intervals: [], seconds: 0 };
        people.set(email.email, person);
      }
      person.rows.push(line);
      if (interval) person.intervals.push(interval);
      person.seconds += seconds;
    }
  }

  const windowMs = window.end - window.start;
  const attendees = [...people].map(([email, person]) => ({
    email,
    minutes: Math.round(
      (basis === "times" ? presentMs(person.intervals, window) : Math.min(person.seconds * 1000, windowMs)) /
        60_000,
    ),
    rows: person.rows,
  }));
  const { header, names } = used[0];
  const columns = Object.fromEntries(
    [...header.columns]
      .filter(([field]) =>
        basis === "times" ? field !== "duration" : field === "email" || field === "duration",
      )
      .map(([field, index]) => [field, (names[index] ?? "").trim()]),
  ) as Partial<Record<ColumnName, string>>;
  rejected.sort((a, b) => a.row - b.row);
  return { ok: true, basis, columns, attendees, rejected };
}

/** Milliseconds covered by the intervals inside the window, overlaps counted once. */
function presentMs(intervals: Array<[number, number]>, window: Window): number {
  const clipped = intervals
    .map(([start, end]): [number, number] => [Math.max(start, window.start), Math.min(end, window.end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const [start, end] of clipped) {
    if (current && start <= current[1]) current[1] = Math.max(current[1], end);
    else {
      if (current) total += current[1] - current[0];
      current = [start, end];
    }
  }
  if (current) total += current[1] - current[0];
  return total;
}
