// The outside audit's findings (issue 13), over real HTTP against the built server: return paths that
// leave the site, an error 500 from a newline, a formula in a downloaded CSV, and downloads that
// answered a bare `null` instead of the not-found page.
import { and, eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { observations } from "~/modules/observation/schema";
import { makeWorld } from "~/modules/people/testing";
import { db } from "~/platform/db/client";
import "~/jobs";
import { drainJobs } from "~/platform/jobs/queue";
import { emails } from "~/platform/mail/schema";
import { observationRecords } from "./observation-records";
import { useTestServer } from "./server";

const server = useTestServer();
let w: Awaited<ReturnType<typeof makeWorld>>;
let records: Awaited<ReturnType<typeof observationRecords>>;

beforeAll(async () => {
  w = await makeWorld();
  records = await observationRecords(w, "Evidencia de la visita.");
});

describe("return paths (volver)", () => {
  const hostile = [
    "/%09/evil.example/x",
    "//evil.example",
    "/%5Cevil.example",
    "/%0A",
    "/%0D%0Ax",
    "%2F%2Fevil.example",
  ];

  it("sends a signed-in person home, never to another site, and never answers 500", async () => {
    const client = await server.current().as(w.teacherA.id);
    for (const value of hostile) {
      const res = await client.get(`/ingresar?volver=${value}`);
      expect(res.status, value).toBe(302);
      const location = res.headers.get("location") ?? "";
      expect(new URL(location, server.current().url).origin, value).toBe(server.current().url);
      expect(location, value).toBe("/");
    }
    const own = await client.get(`/ingresar?volver=${encodeURIComponent("/personas?pagina=2")}`);
    expect(own.headers.get("location")).toBe("/personas?pagina=2");
  });

  it("keeps a newline in a posted volver from breaking the answer (sign-in and language)", async () => {
    const anonymous = await server.current().as(null);
    const signIn = await anonymous.post("/ingresar", {
      email: "nadie@example.cl",
      password: "x",
      volver: "/\n",
    });
    expect(signIn.status).toBe(400);
    const language = await anonymous.post("/idioma", { locale: "en", volver: "/\r\nSet-Cookie: x=1" });
    expect(language.status).toBe(302);
    expect(language.headers.get("location")).toBe("/");
    const tab = await anonymous.post("/idioma", { locale: "es-CL", volver: "/\t/evil.example" });
    expect(tab.headers.get("location")).toBe("/");
  });
});

describe("the outbox", () => {
  it("never shows an administrator a link that acts on someone's account", async () => {
    await (await server.current().as(null)).post("/recuperar", { email: w.teacherA.email });
    await drainJobs();
    const [reset] = await db()
      .select()
      .from(emails)
      .where(
        and(
          eq(emails.toAddress, w.teacherA.email),
          eq(emails.subject, "Cree una contraseña nueva para Impulso"),
        ),
      );
    expect(reset.textBody).toMatch(/\/restablecer\/[A-Za-z0-9_-]{20,}/); // what is sent
    const page = await (await server.current().as(w.admin.id)).get(`/admin/correos/${reset.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("/restablecer/[enlace oculto]");
    expect(html).not.toMatch(/\/restablecer\/[A-Za-z0-9_-]{20,}/);
  });
});

describe("downloads", () => {
  it("answer a missing or refused file with the Spanish not-found page, not a bare null", async () => {
    const stranger = await server.current().as(w.leaderB.id);
    for (const path of [
      `/observaciones/${records.observationId}/ciclo.pdf`,
      "/observaciones/00000000-0000-7000-8000-000000000000/ciclo.pdf",
      `/establecimientos/${w.schoolA.id}/observacion/datos.csv`,
      `/personas/${w.teacherA.id}/mis-datos.zip`,
    ]) {
      const res = await stranger.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toContain("text/html");
      const html = await res.text();
      expect(html, path).toContain("No encontramos esta página");
      expect(html).not.toBe("null");
    }
  });

  it("writes a curso that starts like a formula, line break included, as plain text in datos.csv", async () => {
    const formula = '=HYPERLINK("http://evil.example",\n"Ver curso")';
    await db()
      .update(observations)
      .set({ course: formula })
      .where(eq(observations.id, records.observationId));
    const res = await (await server.current().as(w.leaderA.id)).get(
      `/establecimientos/${w.schoolA.id}/observacion/datos.csv`,
    );
    expect(res.status).toBe(200);
    const rows = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ""), { delimiter: ";" }).data;
    const cells = rows.flat();
    expect(cells).toContain(`'${formula}`);
    // Nothing a spreadsheet would run (a negative number is a number).
    expect(cells.filter((cell) => /^[=+@\t\r]|^-(?![\d.,]+$)/.test(cell))).toEqual([]);
  });
});
