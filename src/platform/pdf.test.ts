import { describe, expect, it } from "vitest";
import { createPdf, pdfSafe } from "./pdf";
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
  it("keeps what the standard fonts print and replaces the rest", () => {
    expect(pdfSafe("Retroalimentación ñ ¿Qué? ¡Sí! ação “citas” – € …")).toBe(
      "Retroalimentación ñ ¿Qué? ¡Sí! ação “citas” – € …",
    );
    expect(pdfSafe("Hola 😀 漢字")).toBe("Hola ? ??");
    expect(pdfSafe("Erdős Łódź")).toBe("Erdos ?ódz");
    expect(pdfSafe("a\tb\u0007c\u202fd\r\ne")).toBe("a bc d \ne");
    // Decomposed accents (as some phones send them) come out composed.
    expect(pdfSafe("Retroalimentacio\u0301n")).toBe("Retroalimentación");
  });
});

describe("createPdf", () => {
  it("writes what a reader sees: title, accents, blocks, page numbers and the generation date", async () => {
    const doc = createPdf({ ...base, subtitle: "Escuela Peñalolén · 5° básico" });
    doc.heading("¿Qué vimos?");
    doc.paragraph("El docente saludó a cada estudiante; ñandú, acción, pingüino. Un emoji 😀 no rompe nada.");
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
      "Un emoji ? no rompe nada",
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
});
