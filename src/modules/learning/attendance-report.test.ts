import { describe, expect, it } from "vitest";
import {
  MAX_REPORT_ROWS,
  type ParticipantsReport,
  parseDurationSeconds,
  parseParticipantsReport,
  type ReportOptions,
} from "./attendance-report";

// The session of most fixtures: Friday 4 December 2026, 10:00 in Santiago (summer time, −03:00), 90
// minutes. Its window runs from 09:45 to 12:00 local time.
const SANTIAGO = "America/Santiago";
const session: ReportOptions = {
  timeZone: SANTIAGO,
  session: { startsAt: new Date("2026-12-04T13:00:00Z"), durationMinutes: 90 },
};

function parsed(report: ParticipantsReport) {
  if (!report.ok) throw new Error(`expected a parsed report, got ${JSON.stringify(report)}`);
  return report;
}

const minutesOf = (report: ParticipantsReport) =>
  Object.fromEntries(parsed(report).attendees.map((a) => [a.email, a.minutes]));

describe("participants report: the exports of each tool", () => {
  it("reads a Zoom English export under its meeting summary, merging a person's two devices", () => {
    const csv = [
      "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,",
      "812 3456 7890,Taller de retroalimentación formativa,12/04/2026 09:52:10 AM,12/04/2026 11:41:03 AM,facilitadora@impulso.cl,109,4,",
      "",
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,In Waiting Room",
      "Paula Reyes (Host),facilitadora@impulso.cl,12/04/2026 09:52:10 AM,12/04/2026 11:41:03 AM,109,No,Y,No",
      "Ana Muñoz,ana.munoz@escuela.cl,12/04/2026 10:01:00 AM,12/04/2026 10:40:00 AM,39,No,Y,No",
      "Ana Muñoz (iPhone),Ana.Munoz@Escuela.cl ,12/04/2026 10:30:00 AM,12/04/2026 11:30:00 AM,60,No,Y,No",
      "Invitado,,12/04/2026 10:05:00 AM,12/04/2026 11:00:00 AM,55,Yes,,No",
      "",
    ].join("\n");
    const report = parsed(parseParticipantsReport(csv, session));
    expect(report.basis).toBe("times");
    expect(report.columns).toEqual({ email: "User Email", join: "Join Time", leave: "Leave Time" });
    expect(report.attendees).toEqual([
      // 09:52:10 → 11:41:03 is 108 min 53 s
      { email: "facilitadora@impulso.cl", minutes: 109, rows: [5] },
      // 10:01–10:40 and 10:30–11:30 overlap: 10:01–11:30, not 39 + 60
      { email: "ana.munoz@escuela.cl", minutes: 89, rows: [6, 7] },
    ]);
    expect(report.rejected).toEqual([
      {
        row: 8,
        reason: "no_email",
        raw: "Invitado,,12/04/2026 10:05:00 AM,12/04/2026 11:00:00 AM,55,Yes,,No",
      },
    ]);
  });

  it("reads a Zoom Spanish export (day first, 24-hour clock)", () => {
    const csv = [
      "ID de reunión,Tema,Hora de inicio,Hora de finalización,Correo electrónico del usuario,Duración (minutos),Participantes",
      "812 3456 7890,Taller de retroalimentación,04/12/2026 09:55:02,04/12/2026 11:31:40,facilitadora@impulso.cl,97,3",
      "",
      "Nombre (nombre original),Correo electrónico del usuario,Hora de entrada,Hora de salida,Duración (minutos),Invitado,En la sala de espera",
      "Paula Reyes,facilitadora@impulso.cl,04/12/2026 09:55:02,04/12/2026 11:31:40,97,No,No",
      "José Pérez,jose.perez@escuela.cl,04/12/2026 10:00:00,04/12/2026 11:30:00,90,No,No",
      "Marta Soto,marta.soto@escuela.cl,04/12/2026 10:10:00,04/12/2026 10:55:30,46,No,No",
    ].join("\r\n");
    const report = parsed(parseParticipantsReport(csv, session));
    expect(report.columns).toEqual({
      email: "Correo electrónico del usuario",
      join: "Hora de entrada",
      leave: "Hora de salida",
    });
    expect(minutesOf(report)).toEqual({
      "facilitadora@impulso.cl": 97,
      "jose.perez@escuela.cl": 90,
      "marta.soto@escuela.cl": 46, // 45 min 30 s, rounded half up
    });
    expect(report.attendees.map((a) => a.rows)).toEqual([[5], [6], [7]]);
  });

  it("reads Zoom's one-line layout with meeting data: the participant's email, not the host's", () => {
    const csv = [
      "Topic,Meeting ID,User Name,User Email,Department,Group,Has Zoom Rooms,Creation Time,Start Time,End Time,Duration (Minutes),Participants,Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
      "Taller,812 3456 7890,Paula Reyes,facilitadora@impulso.cl,,,No,11/20/2026 09:00:00 AM,12/04/2026 09:55:00 AM,12/04/2026 11:35:00 AM,100,2,Ana Muñoz,ana.munoz@escuela.cl,12/04/2026 10:00:00 AM,12/04/2026 11:00:00 AM,60,No",
    ].join("\n");
    expect(minutesOf(parseParticipantsReport(csv, session))).toEqual({ "ana.munoz@escuela.cl": 60 });
  });

  it("reads a Google Meet attendance report, whose times carry no date (the session's day)", () => {
    const csv = [
      "First name,Last name,Email,Duration,Time joined,Time exited",
      "Ana,Muñoz,ana.munoz@escuela.cl,1 hr 20 min,10:02 AM,11:22 AM",
      "José,Pérez,Jose.Perez@escuela.cl,45 min,10:40 AM,11:25 AM",
      "Carla,Díaz,,30 min,10:00 AM,10:30 AM",
    ].join("\n");
    const report = parsed(parseParticipantsReport(csv, session));
    expect(report.columns).toEqual({ email: "Email", join: "Time joined", leave: "Time exited" });
    expect(minutesOf(report)).toEqual({ "ana.munoz@escuela.cl": 80, "jose.perez@escuela.cl": 45 });
    expect(report.rejected.map((r) => [r.row, r.reason])).toEqual([[4, "no_email"]]);
  });

  it("reads a Google Meet report in Spanish", () => {
    const csv = [
      "Nombre,Apellidos,Correo electrónico,Duración,Hora de incorporación,Hora de salida",
      "Ana,Muñoz,ana.munoz@escuela.cl,1 h 20 min,10:02,11:22",
    ].join("\n");
    expect(minutesOf(parseParticipantsReport(csv, session))).toEqual({ "ana.munoz@escuela.cl": 80 });
  });

  it("reads a Teams attendance report (tabs, sections): one row per join, not first join to last leave", () => {
    const tsv = [
      "1. Summary",
      "Meeting title\tTaller de retroalimentación",
      "Attended participants\t2",
      "Start time\t12/4/26, 9:55:10 AM",
      "End time\t12/4/26, 11:35:00 AM",
      "Meeting duration\t1h 39m 50s",
      "Average attendance time\t1h 19m 55s",
      "",
      "2. Participants",
      "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
      "Paula Reyes\t12/4/26, 9:55:10 AM\t12/4/26, 11:35:00 AM\t1h 39m 50s\tfacilitadora@impulso.cl\tfacilitadora@impulso.cl\tOrganizer",
      "Muñoz, Ana\t12/4/26, 10:00:00 AM\t12/4/26, 11:30:00 AM\t1h\tana.munoz@escuela.cl\tana.munoz@escuela.cl\tAttendee",
      "",
      "3. In-Meeting Activities",
      "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
      "Paula Reyes\t12/4/26, 9:55:10 AM\t12/4/26, 11:35:00 AM\t1h 39m 50s\tfacilitadora@impulso.cl\tOrganizer",
      "Muñoz, Ana\t12/4/26, 10:00:00 AM\t12/4/26, 10:30:00 AM\t30m\tana.munoz@escuela.cl\tAttendee",
      "Muñoz, Ana\t12/4/26, 11:00:00 AM\t12/4/26, 11:30:00 AM\t30m\tana.munoz@escuela.cl\tAttendee",
    ].join("\r\n");
    const report = parsed(parseParticipantsReport(tsv, session));
    expect(report.columns).toEqual({ email: "Email", join: "Join Time", leave: "Leave Time" });
    expect(report.attendees).toEqual([
      { email: "facilitadora@impulso.cl", minutes: 100, rows: [16] },
      { email: "ana.munoz@escuela.cl", minutes: 60, rows: [17, 18] },
    ]);
    expect(report.rejected).toEqual([]);
  });

  it("reads a Teams participants table alone (Spanish, day first, two-digit year)", () => {
    const tsv = [
      "1. Resumen",
      "Título de la reunión\tTaller",
      "Hora de inicio\t04/12/26, 9:55:10",
      "",
      "2. Participantes",
      "Nombre\tPrimera unión\tÚltima salida\tDuración en la reunión\tCorreo electrónico\tId. de participante (UPN)\tRol",
      "Muñoz, Ana\t04/12/26, 10:00:00\t04/12/26, 11:30:00\t1 h 30 min\tana.munoz@escuela.cl\tana.munoz@escuela.cl\tAsistente",
    ].join("\n");
    const report = parsed(parseParticipantsReport(tsv, session));
    expect(report.columns).toEqual({
      email: "Correo electrónico",
      join: "Primera unión",
      leave: "Última salida",
    });
    expect(report.attendees).toEqual([{ email: "ana.munoz@escuela.cl", minutes: 90, rows: [7] }]);
  });

  it("reads a file saved by Excel: semicolons, a BOM, CRLF and dd-mm-yyyy hh:mm", () => {
    const csv = [
      "\uFEFFNombre (nombre original);Correo electrónico del usuario;Hora de entrada;Hora de salida;Duración (minutos);Invitado",
      "Muñoz, Ana;ana.munoz@escuela.cl;04-12-2026 10:00;04-12-2026 11:15;75;No",
      ";;;;;",
      "Pérez, José;jose.perez@escuela.cl;04-12-2026 10:20;04-12-2026 11:00;40;No",
      "",
    ].join("\r\n");
    const report = parsed(parseParticipantsReport(csv, session));
    expect(report.attendees).toEqual([
      { email: "ana.munoz@escuela.cl", minutes: 75, rows: [2] },
      { email: "jose.perez@escuela.cl", minutes: 40, rows: [4] },
    ]);
    expect(report.rejected).toEqual([]);
  });

  it("reads a Portuguese export with ISO 8601 times that carry their offset", () => {
    const csv = [
      "Nome (nome original),E-mail do usuário,Hora de entrada,Hora de saída,Duração (minutos)",
      "Ana Muñoz,ana.munoz@escola.br,2026-12-04T10:00:00-03:00,2026-12-04T13:45:00Z,45",
      "João Silva,joao.silva@escola.br,2026-12-04 10:00:15,2026-12-04 10:30:15,30",
    ].join("\n");
    const report = parsed(parseParticipantsReport(csv, session));
    expect(report.columns).toEqual({
      email: "E-mail do usuário",
      join: "Hora de entrada",
      leave: "Hora de saída",
    });
    expect(minutesOf(report)).toEqual({ "ana.munoz@escola.br": 45, "joao.silva@escola.br": 30 });
  });
});

describe("participants report: minutes", () => {
  const header = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)";

  it("merges overlapping and nested joins of one person (two devices) and counts them once", () => {
    const csv = [
      header,
      "Ana,ana@escuela.cl,2026-12-04 10:00:00,2026-12-04 11:00:00,60",
      "Ana (tablet),ana@escuela.cl,2026-12-04 10:15:00,2026-12-04 10:45:00,30",
      "Ana,ana@escuela.cl,2026-12-04 10:50:00,2026-12-04 11:20:00,30",
      "Ana,ana@escuela.cl,2026-12-04 11:25:00,2026-12-04 11:30:00,5",
    ].join("\n");
    // 10:00–11:20 and 11:25–11:30
    expect(parsed(parseParticipantsReport(csv, session)).attendees).toEqual([
      { email: "ana@escuela.cl", minutes: 85, rows: [2, 3, 4, 5] },
    ]);
  });

  it("counts only the session window: 15 minutes before the start to 30 after the end", () => {
    const csv = [
      header,
      "Temprano,early@escuela.cl,2026-12-04 09:00:00,2026-12-04 13:00:00,240",
      "Ayer,yesterday@escuela.cl,2026-12-03 10:00:00,2026-12-03 11:30:00,90",
    ].join("\n");
    const report = parsed(parseParticipantsReport(csv, session));
    // 09:45 → 12:00; the other one was in yesterday's session: listed, with 0 minutes
    expect(report.attendees).toEqual([
      { email: "early@escuela.cl", minutes: 135, rows: [2] },
      { email: "yesterday@escuela.cl", minutes: 0, rows: [3] },
    ]);
  });

  it("tells people apart by email only: one name with two emails is two people, and the reverse one", () => {
    const csv = [
      header,
      "Ana Muñoz,ana.munoz@escuela.cl,2026-12-04 10:00:00,2026-12-04 10:30:00,30",
      "Ana Muñoz,ana.munoz@otra-escuela.cl,2026-12-04 10:00:00,2026-12-04 11:00:00,60",
      "A. Muñoz (celular),ANA.MUNOZ@escuela.cl,2026-12-04 11:00:00,2026-12-04 11:10:00,10",
    ].join("\n");
    expect(parsed(parseParticipantsReport(csv, session)).attendees).toEqual([
      { email: "ana.munoz@escuela.cl", minutes: 40, rows: [2, 4] },
      { email: "ana.munoz@otra-escuela.cl", minutes: 60, rows: [3] },
    ]);
  });

  it("sums a duration column when the report has no join and leave times, up to the window's length", () => {
    const csv = [
      "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,",
      "812 3456 7890,Taller,12/04/2026 09:55:00 AM,12/04/2026 11:35:00 AM,facilitadora@impulso.cl,100,3,",
      "",
      "Name (Original Name),User Email,Total Duration (Minutes),Guest",
      "Ana Muñoz,ana.munoz@escuela.cl,60,No",
      "Ana Muñoz (iPhone),ana.munoz@escuela.cl,25,No",
      "José Pérez,jose.perez@escuela.cl,300,No",
      "Carla Díaz,carla.diaz@escuela.cl,,No",
    ].join("\n");
    const report = parsed(parseParticipantsReport(csv, session));
    expect(report.basis).toBe("durations");
    expect(report.columns).toEqual({ email: "User Email", duration: "Total Duration (Minutes)" });
    expect(report.attendees).toEqual([
      { email: "ana.munoz@escuela.cl", minutes: 85, rows: [5, 6] },
      { email: "jose.perez@escuela.cl", minutes: 135, rows: [7] }, // 90 + 15 + 30
    ]);
    expect(report.rejected.map((r) => [r.row, r.reason])).toEqual([[8, "invalid_duration"]]);
  });
});

describe("participants report: dates and time zones", () => {
  const zoomEs = (join: string, leave: string) =>
    [
      "Nombre (nombre original),Correo electrónico del usuario,Hora de entrada,Hora de salida,Duración (minutos)",
      `José Pérez,jose.perez@escuela.cl,${join},${leave},90`,
    ].join("\n");

  it("reads 04/12/2026 as 4 December when the session is on 4 December…", () => {
    const csv = zoomEs("04/12/2026 10:00:00", "04/12/2026 11:30:00");
    expect(minutesOf(parseParticipantsReport(csv, session))).toEqual({ "jose.perez@escuela.cl": 90 });
  });

  it("…and as 12 April when the session is on 12 April (month first)", () => {
    const april: ReportOptions = {
      timeZone: SANTIAGO,
      // 12 April 2026, 10:00 in Santiago (winter time, −04:00)
      session: { startsAt: new Date("2026-04-12T14:00:00Z"), durationMinutes: 90 },
    };
    const csv = zoomEs("04/12/2026 10:00:00", "04/12/2026 11:30:00");
    expect(minutesOf(parseParticipantsReport(csv, april))).toEqual({ "jose.perez@escuela.cl": 90 });
    expect(minutesOf(parseParticipantsReport(csv, session))).toEqual({ "jose.perez@escuela.cl": 90 });
  });

  it("follows a date only valid one way for the whole file (13/12 can only be day first)", () => {
    const thirteenth: ReportOptions = {
      timeZone: SANTIAGO,
      session: { startsAt: new Date("2026-12-13T13:00:00Z"), durationMinutes: 90 },
    };
    const csv = [
      "Name (Original Name),User Email,Join Time,Leave Time",
      "Ana,ana@escuela.cl,13/12/2026 10:00:00,13/12/2026 10:30:00",
      "José,jose@escuela.cl,13/12/2026 11:00:00,13/12/2026 11:20:00",
    ].join("\n");
    expect(minutesOf(parseParticipantsReport(csv, thirteenth))).toEqual({
      "ana@escuela.cl": 30,
      "jose@escuela.cl": 20,
    });
  });

  it("reads wall times in the zone chosen for the report, not the session's", () => {
    const csv = zoomEs("04/12/2026 08:00:00", "04/12/2026 09:30:00");
    // 08:00 in Bogotá (−05:00) is 10:00 in Santiago
    const bogota = { ...session, timeZone: "America/Bogota" };
    expect(minutesOf(parseParticipantsReport(csv, bogota))).toEqual({ "jose.perez@escuela.cl": 90 });
    expect(minutesOf(parseParticipantsReport(csv, session))).toEqual({ "jose.perez@escuela.cl": 0 });
  });

  it("reads a time in Chile's repeated hour as the instant inside the session window", () => {
    // Saturday 3 April 2027: at midnight Santiago's clocks go back to 23:00, so 23:00–23:59 happens at
    // −03:00 (02:xx UTC) and again at −04:00 (03:xx UTC). The session: 22:30 (−03:00), 60 minutes; its
    // window ends at 23:30 + 30 min = 03:00 UTC, so only the first 23:10 and 23:40 are inside it.
    const changeNight: ReportOptions = {
      timeZone: SANTIAGO,
      session: { startsAt: new Date("2027-04-04T01:30:00Z"), durationMinutes: 60 },
    };
    const csv = [
      "Name (Original Name),User Email,Join Time,Leave Time",
      "Ana,ana@escuela.cl,2027-04-03 23:10:00,2027-04-03 23:40:00",
    ].join("\n");
    expect(minutesOf(parseParticipantsReport(csv, changeNight))).toEqual({ "ana@escuela.cl": 30 });
  });

  it("reads a repeated leave time as the one after its join when both are in the window", () => {
    // 90 minutes: the window now ends at 03:30 UTC and both 23:10 are inside it. Joined at 23:50 (the
    // first one, −03:00), left at "23:10": the second 23:10 (−04:00), 20 minutes later.
    const changeNight: ReportOptions = {
      timeZone: SANTIAGO,
      session: { startsAt: new Date("2027-04-04T01:30:00Z"), durationMinutes: 90 },
    };
    const csv = [
      "Name (Original Name),User Email,Join Time,Leave Time",
      "Ana,ana@escuela.cl,2027-04-03 23:50:00,2027-04-03 23:10:00",
      "José,jose@escuela.cl,2027-04-03 23:10:00,2027-04-03 23:40:00",
    ].join("\n");
    expect(minutesOf(parseParticipantsReport(csv, changeNight))).toEqual({
      "ana@escuela.cl": 20,
      "jose@escuela.cl": 30, // both inside: the earlier ones
    });
  });

  it("rejects a wall time the clocks skip (Chile's September change night) as nonexistent", () => {
    // Sunday 6 September 2026: at 00:00 Santiago's clocks jump to 01:00
    const springNight: ReportOptions = {
      timeZone: SANTIAGO,
      session: { startsAt: new Date("2026-09-06T03:00:00Z"), durationMinutes: 90 }, // Sat 23:00 (−04:00)
    };
    const csv = [
      "Name (Original Name),User Email,Join Time,Leave Time",
      "Ana,ana@escuela.cl,2026-09-05 23:00:00,2026-09-06 00:15:00",
      "José,jose@escuela.cl,2026-09-05 23:00:00,2026-09-06 01:15:00",
    ].join("\n");
    const report = parsed(parseParticipantsReport(csv, springNight));
    expect(report.rejected.map((r) => [r.row, r.reason])).toEqual([[2, "nonexistent_time"]]);
    expect(minutesOf(report)).toEqual({ "jose@escuela.cl": 75 }); // 23:00 −04:00 → 01:15 −03:00
  });
});

describe("participants report: refusals", () => {
  it("rejects bad rows with their line as a spreadsheet numbers it", () => {
    const csv = [
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)",
      "Ana,ana@escuela.cl,12/04/2026 10:00:00 AM,12/04/2026 11:00:00 AM,60",
      "",
      "Beto,beto@@escuela,12/04/2026 10:00:00 AM,12/04/2026 11:00:00 AM,60",
      "Carla,carla@escuela.cl,ayer,12/04/2026 11:00:00 AM,60",
      "Dani,dani@escuela.cl,12/04/2026 11:00:00 AM,12/04/2026 10:00:00 AM,60",
      "Ema,ema@escuela.cl,12/04/2026 10:00:00 AM,,0",
      "Fede,fede@escuela.cl,02/30/2026 10:00:00 AM,02/30/2026 11:00:00 AM,60",
      '"Soto, Gabi",gabi soto,12/04/2026 10:00:00 AM,12/04/2026 11:00:00 AM,60',
    ].join("\n");
    const report = parsed(parseParticipantsReport(csv, session));
    expect(report.attendees.map((a) => a.email)).toEqual(["ana@escuela.cl"]);
    expect(report.rejected.map((r) => [r.row, r.reason])).toEqual([
      [4, "invalid_email"],
      [5, "invalid_time"],
      [6, "leave_before_join"],
      [7, "invalid_time"],
      [8, "invalid_time"],
      [9, "invalid_email"],
    ]);
    // the row as written, quoted again where a cell holds the separator
    expect(report.rejected.at(-1)?.raw).toBe(
      '"Soto, Gabi",gabi soto,12/04/2026 10:00:00 AM,12/04/2026 11:00:00 AM,60',
    );
  });

  it("reports missing columns by identifier, with the names it found", () => {
    expect(parseParticipantsReport("Nombre;Correo;Curso\nAna;ana@escuela.cl;4° A\n", session)).toEqual({
      ok: false,
      problem: "missing_columns",
      missing: ["join", "leave"],
      found: ["Nombre", "Correo", "Curso"],
    });
    expect(parseParticipantsReport("Name,Join Time,Leave Time\nAna,10:00,11:00", session)).toEqual({
      ok: false,
      problem: "missing_columns",
      missing: ["email"],
      found: ["Name", "Join Time", "Leave Time"],
    });
    expect(parseParticipantsReport("Nombre,Correo electrónico,Hora de entrada\n", session)).toMatchObject({
      missing: ["leave"],
    });
    expect(parseParticipantsReport("", session)).toEqual({
      ok: false,
      problem: "missing_columns",
      missing: ["email", "join", "leave"],
      found: [],
    });
  });

  it("does not take Zoom's meeting summary for the participants table", () => {
    const csv = [
      "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,",
      "812 3456 7890,Taller,12/04/2026 09:55:00 AM,12/04/2026 11:35:00 AM,facilitadora@impulso.cl,100,3,",
    ].join("\n");
    expect(parseParticipantsReport(csv, session)).toMatchObject({
      ok: false,
      problem: "missing_columns",
      missing: ["join", "leave"],
      found: [
        "Meeting ID",
        "Topic",
        "Start Time",
        "End Time",
        "User Email",
        "Duration (Minutes)",
        "Participants",
      ],
    });
  });

  it("looks for the header in the first 20 lines only", () => {
    const header = "Name (Original Name),User Email,Join Time,Leave Time";
    const row = "Ana,ana@escuela.cl,2026-12-04 10:00:00,2026-12-04 11:00:00";
    const within = [...Array.from({ length: 19 }, (_, i) => `Nota ${i + 1}`), header, row].join("\n");
    expect(parsed(parseParticipantsReport(within, session)).attendees[0]).toEqual({
      email: "ana@escuela.cl",
      minutes: 60,
      rows: [21],
    });
    const beyond = [...Array.from({ length: 20 }, (_, i) => `Nota ${i + 1}`), header, row].join("\n");
    expect(parseParticipantsReport(beyond, session)).toMatchObject({ ok: false, problem: "missing_columns" });
  });

  it(`refuses more than ${MAX_REPORT_ROWS} data rows, blank lines not counted`, () => {
    const header = "Name (Original Name),User Email,Join Time,Leave Time";
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => `P${i},p${i}@escuela.cl,2026-12-04 10:00:00,2026-12-04 11:00:00`);
    const atLimit = parsed(
      parseParticipantsReport([header, ...rows(MAX_REPORT_ROWS), "", ""].join("\n"), session),
    );
    expect(atLimit.attendees).toHaveLength(MAX_REPORT_ROWS);
    expect(atLimit.attendees[MAX_REPORT_ROWS - 1]).toEqual({
      email: `p${MAX_REPORT_ROWS - 1}@escuela.cl`,
      minutes: 60,
      rows: [MAX_REPORT_ROWS + 1],
    });
    expect(parseParticipantsReport([header, ...rows(MAX_REPORT_ROWS + 1)].join("\n"), session)).toEqual({
      ok: false,
      problem: "too_many_rows",
      max: MAX_REPORT_ROWS,
      rows: MAX_REPORT_ROWS + 1,
    });
  });

  it("throws for an unknown zone or a session without a duration (the caller's mistake)", () => {
    expect(() => parseParticipantsReport("", { ...session, timeZone: "Chile/Nowhere" })).toThrow(RangeError);
    expect(() =>
      parseParticipantsReport("", {
        ...session,
        session: { startsAt: new Date(Number.NaN), durationMinutes: 90 },
      }),
    ).toThrow(RangeError);
    expect(() =>
      parseParticipantsReport("", { ...session, session: { ...session.session, durationMinutes: 0 } }),
    ).toThrow(RangeError);
  });
});

describe("participants report: durations", () => {
  it.each([
    ["65", 65 * 60],
    ["12,5", 750],
    ["1h 5m 8s", 3908],
    ["58m 30s", 3510],
    ["45s", 45],
    ["1 hr 20 min", 4800],
    ["45 min", 2700],
    ["1 h y 5 min", 3900],
    ["2 horas", 7200],
    ["1:05:08", 3908],
    ["1:05", 3900],
  ])("reads %s as %i seconds", (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(["", "abc", "5 parsecs", "1:75", "min"])("refuses %j", (text) => {
    expect(parseDurationSeconds(text)).toBeNull();
  });
});
