import { describe, expect, it } from "vitest";
import { createPdf, fitColumns, pdfSafe } from "./pdf";
import { pdfInfo, pdfPages } from "./testing/pdf";

const NOW = new Date("2026-11-25T13:30:00Z"); // 10:30 in Santiago (summer time, UTC-3)
const base = {
  title: "Informe de Retroalimentación",
  organization: "Fundación Ñandú",
  locale: "es-CL" as const,
  timeZone: "America/Santiago",
  now: NOW,
};

describe("pdfSafe", () => {
  it("keeps what the embedded font prints and replaces the rest", () => {
    expect(pdfSafe("Retroalimentación ñ ¿Qué? ¡Sí! ação “citas” – € …")).toBe(
      "Retroalimentación ñ ¿Qué? ¡Sí! ação “citas” – € …",
    );
    // Letters outside Latin-1 stay as written (DejaVu Sans has them); Chinese does not print.
    expect(pdfSafe("Erdős Łódź Nguyễn Δημήτρης Шевченко ≤ →")).toBe(
      "Erdős Łódź Nguyễn Δημήτρης Шевченко ≤ →",
    );
    expect(pdfSafe("Hola 漢字")).toBe("Hola ??");
    // Tabs and control characters; a narrow no-break space stays a no-break space.
    expect(pdfSafe("a\tb\u0007c\u202fd\r\ne")).toBe("a bc\u00a0d \ne");
    // Decomposed accents (as some phones send them) come out composed.
    expect(pdfSafe("Retroalimentacio\u0301n")).toBe("Retroalimentación");
  });
});

describe("createPdf", () => {
  it("writes what a reader sees: title, accents, blocks, page numbers and the generation date", async () => {
    const doc = createPdf({ ...base, subtitle: "Escuela Peñalolén · 5° básico" });
    doc.heading("¿Qué vimos?");
    doc.paragraph(
      "La docente saludó a cada estudiante; ñandú, acción, pingüino. Un carácter chino 漢 no rompe nada.",
    );
    doc.keyValues([
      ["Docente", "María José Muñoz"],
      ["Vacío", ""],
      ["Minutos", 15],
    ]);
    doc.field("Elogio preciso", "Usó el nombre de cada estudiante al preguntar.");
    doc.bullets(["Primero", "Segundo"]);
    doc.table(
      [{ header: "Indicador", width: 3 }, { header: "Nivel" }],
      [
        ["Clima de aula", "Competente"],
        ["Monitoreo", null],
      ],
    );
    doc.barChart({
      bars: [
        { label: "Escuela A", value: 0.82 },
        { label: "Escuela B", value: 0.64 },
      ],
      max: 1,
      format: (v) => `${Math.round(v * 100)} %`,
    });
    doc.lineChart({
      points: [
        { label: "01-03-2026", value: 0.5 },
        { label: "01-04-2026", value: 0.75 },
      ],
      format: (v) => `${Math.round(v * 100)} %`,
    });
    const bytes = await doc.finish();
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    const text = pages[0];
    for (const expected of [
      "Informe de Retroalimentación",
      "Fundación Ñandú",
      "Escuela Peñalolén · 5° básico",
      "¿Qué vimos?",
      "ñandú, acción, pingüino",
      "Un carácter chino ? no rompe nada",
      "María José Muñoz",
      "Elogio preciso",
      "Clima de aula",
      "Competente",
      "Escuela A",
      "82 %",
      "01-04-2026",
      "Página 1 de 1",
      "Generado el 25-11-2026 10:30",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Vacío");
    const info = await pdfInfo(bytes);
    expect(info.Title).toBe("Informe de Retroalimentación");
    expect(info.Author).toBe("Impulso");
  });

  it("repeats the table's header on every page and numbers the pages", async () => {
    const doc = createPdf(base);
    doc.heading("Evidencias");
    doc.table(
      [
        { header: "Minuto", width: 1, align: "right" },
        { header: "Evidencia registrada", width: 6 },
      ],
      Array.from({ length: 90 }, (_, i) => [i, `Nota número ${i}: los estudiantes trabajan en parejas.`]),
    );
    const pages = await pdfPages(await doc.finish());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain("Evidencia registrada");
      expect(page).toContain(`Página ${i + 1} de ${pages.length}`);
    });
    expect(pages.join(" ")).toContain("Nota número 0:");
    expect(pages.at(-1)).toContain("Nota número 89:");
    // Every row is printed once: none is lost or repeated at a page break.
    const all = pages.join(" ");
    for (let i = 0; i < 90; i++) expect(all.split(`Nota número ${i}:`)).toHaveLength(2);
  });

  it("continues long text on the next page and cuts a row taller than a page", async () => {
    const doc = createPdf(base);
    doc.paragraph("Texto largo de la reflexión. ".repeat(600));
    doc.table([{ header: "Nota" }], [["Celda enorme ".repeat(2000)], ["Fila siguiente"]]);
    const pages = await pdfPages(await doc.finish());
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.join(" ")).toContain("Fila siguiente");
  });

  it("speaks the reader's language in the page footer", async () => {
    const doc = createPdf({ ...base, locale: "en", timeZone: "Europe/Lisbon" });
    doc.paragraph("Hello");
    const [page] = await pdfPages(await doc.finish());
    expect(page).toContain("Page 1 of 1");
    expect(page).toContain("Generated on 25-11-2026 13:30");
  });

  it("gives the same bytes for the same content and instant", async () => {
    const make = () => {
      const doc = createPdf(base);
      doc
        .heading("Uno")
        .paragraph("Dos")
        .table([{ header: "A" }], [["b"]]);
      return doc.finish();
    };
    expect(Buffer.from(await make()).equals(Buffer.from(await make()))).toBe(true);
  });

  it("prints names with letters outside Latin-1 as written (the font is embedded)", async () => {
    const names = ["Łukasz Wiśniewski", "Nguyễn Thị Hương", "Δημήτρης Παπαδόπουλος", "Тарас Шевченко"];
    const doc = createPdf({ ...base, organization: "Fundación Ñuñoa", subtitle: names[1] });
    doc.keyValues([["Docente", names[0]]]);
    doc.paragraph(`Observó a ${names[2]} en Ñuñoa.`);
    doc.table([{ header: "Docente" }, { header: "Establecimiento" }], [[names[3], "Escuela Ñuñoa"]]);
    const bytes = await doc.finish();
    const [text] = await pdfPages(bytes);
    for (const expected of [...names, "Fundación Ñuñoa", "Escuela Ñuñoa"]) expect(text).toContain(expected);
    // The font travels inside the file (a subset of DejaVu Sans), no standard font is named.
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toContain("/Helvetica");
  });

  it("never breaks a table header inside a word", async () => {
    const headers = [
      "Establecimiento",
      "Retroalimentación",
      "Observador/a",
      "Docentes al día",
      "Visitas",
      "Reuniones atrasadas",
      "Tiempo en tarea",
      "Pasos logrados",
      "Borradores",
    ];
    const doc = createPdf(base);
    doc.table(
      headers.map((header, i) => ({ header, width: i === 0 ? 4 : 1 })),
      [headers.map((_, i) => (i === 0 ? "Liceo Bicentenario de Excelencia Ñuñoa" : "92,4\u00a0%"))],
    );
    const [text] = await pdfPages(await doc.finish());
    for (const word of headers.flatMap((h) => h.split(" "))) expect(text).toContain(word);
    expect(text).toContain("92,4 %");
  });
});

describe("fitColumns", () => {
  it("widens a column to its minimum with room taken from the others", () => {
    // 30 points missing, taken from the others in proportion to their room (40 and 90).
    expect(fitColumns([50, 50, 100], [80, 10, 10], 200).map(Math.round)).toEqual([80, 41, 79]);
    // Already wide enough: unchanged.
    expect(fitColumns([60, 140], [50, 50], 200)).toEqual([60, 140]);
    // Not enough room anywhere: scaled to the total (words will have to break).
    const squeezed = fitColumns([100, 100], [150, 150], 200);
    expect(squeezed[0] + squeezed[1]).toBeCloseTo(200);
  });
});
