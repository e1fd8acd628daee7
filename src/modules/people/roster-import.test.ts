import { and, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "../../messages";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { drainJobs } from "../../platform/jobs/queue";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import {
  BATCH_SIZE,
  cancelRosterImport,
  confirmRosterImport,
  exampleRosterCsv,
  getRosterImport,
  listRosterImports,
  previewRosterImport,
  rejectedRowsCsv,
} from "./roster-import";
import { runRosterImport } from "./roster-import-job";
import { formatRut, rutCheckDigit } from "./rut";
import { memberships, persons, rosterImports } from "./schema";
import { actorOf, makePerson, makeWorld } from "./testing";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
let coordinator: Actor;
let leaderA: Actor;

beforeAll(async () => {
  w = await makeWorld();
  coordinator = await actorOf(w.coordinator.id);
  leaderA = await actorOf(w.leaderA.id);
});

const encoder = new TextEncoder();
const utf8 = (text: string) => ({ fileName: "nomina.csv", bytes: encoder.encode(text) });
const rut = (body: number) => `${body}-${rutCheckDigit(body)}`;

/** Latin-1 / Windows-1252 bytes, as Chilean Excel saves "CSV (delimitado por comas)". */
function latin1(text: string) {
  return { fileName: "nomina-excel.csv", bytes: Uint8Array.from([...text].map((c) => c.charCodeAt(0))) };
}

async function importFile(actor: Actor, schoolId: string, file: { fileName: string; bytes: Uint8Array }) {
  const id = await previewRosterImport(actor, schoolId, file);
  await confirmRosterImport(actor, id);
  await drainJobs();
  return getRosterImport(actor, id);
}

async function personByEmail(email: string) {
  const [p] = await db()
    .select()
    .from(persons)
    .where(and(eq(persons.organizationId, w.org.id), eq(persons.email, email)));
  return p;
}

const reasonsOf = (page: Awaited<ReturnType<typeof getRosterImport>>, line: number) =>
  page.rejected.find((r) => r.line === line)?.reasons.map((r) => r.key) ?? [];

describe("roster import: reading and checking a file", () => {
  it("reports every bad row with its reason and keeps the good ones", async () => {
    const csv = [
      "\uFEFFNombres;Apellidos;Correo electrónico;RUT;Rol;RBD",
      `Ana María;Muñoz Pérez;ana.munoz@escuela.cl;${formatRut(rut(12345678))};docente;${w.schoolA.rbd}`,
      "Beto;Soto;beto.soto@escuela.cl;12.345.678-9;docente;", // bad check digit
      "Carla;Díaz;;;docente;", // no email
      "Dani;Rojas;dani.rojas@@escuela;;docente;", // bad email
      `Ema;Vera;ANA.MUNOZ@escuela.cl;;docente;`, // same email as line 2
      `Fede;Lagos;fede@escuela.cl;;docente;99999`, // another school
      `Gabi;Pinto;gabi@escuela.cl;;bibliotecario;`, // unknown role
      `;Sin Nombre;sin.nombre@escuela.cl;;;`, // no given names
      `Hugo;Ríos;hugo@escuela.cl;${rut(15509661)};Jefe UTP;${w.schoolA.name}`,
      `Inés;Mora;ines@escuela.cl;;mentora;`,
    ].join("\r\n");
    const id = await previewRosterImport(coordinator, w.schoolA.id, utf8(csv));
    const page = await getRosterImport(coordinator, id);
    expect(page.status).toBe("preview");
    expect(page.totalRows).toBe(10);
    expect(page.validCount).toBe(3);
    expect(page.rejectedCount).toBe(7);
    expect(reasonsOf(page, 3)).toEqual(["roster.reason.rut_invalid"]);
    expect(reasonsOf(page, 4)).toEqual(["roster.reason.email_missing"]);
    expect(reasonsOf(page, 5)).toEqual(["roster.reason.email_invalid"]);
    expect(reasonsOf(page, 6)).toEqual(["roster.reason.duplicate_email"]);
    expect(page.rejected.find((r) => r.line === 6)?.reasons[0].params).toEqual({ line: "2" });
    expect(reasonsOf(page, 7)).toEqual(["roster.reason.unknown_school"]);
    expect(reasonsOf(page, 8)).toEqual(["roster.reason.unknown_role"]);
    expect(reasonsOf(page, 9)).toEqual(["roster.reason.given_names_missing"]);
    expect(page.sample.map((r) => [r.email, r.rut, r.role, r.title])).toEqual([
      ["ana.munoz@escuela.cl", "12345678-5", "teacher", null],
      ["hugo@escuela.cl", rut(15509661), "leader", "Jefe UTP"],
      ["ines@escuela.cl", null, "mentor", null],
    ]);
    // Nothing is written before the preview is confirmed.
    expect(await personByEmail("ana.munoz@escuela.cl")).toBeUndefined();
    // Every reason reads as a Spanish sentence.
    const t = translator("es-CL");
    for (const row of page.rejected)
      for (const r of row.reasons) expect(t(r.key, r.params)).not.toContain("roster.");
    expect(t("roster.reason.duplicate_email", { line: 2 })).toBe(
      "El correo se repite: ya aparece en la línea 2.",
    );
  });

  it("cuts a long value in a reason at a whole character (an emoji is never split in two)", async () => {
    // 199 letters then emoji: the 200-character cut falls inside the first emoji's surrogate pair.
    const role = `${"a".repeat(199)}${"😀".repeat(20)}`;
    const csv = ["Nombres;Apellidos;Correo;RUT;Rol", `Ana;Soto;ana.emoji@escuela.cl;;${role}`].join("\n");
    const id = await previewRosterImport(coordinator, w.schoolA.id, utf8(csv));
    const page = await getRosterImport(coordinator, id);
    const [reason] = page.rejected[0].reasons;
    expect(reason.key).toBe("roster.reason.unknown_role");
    expect(reason.params.value).toBe(`${"a".repeat(199)}😀…`);
  });

  it("reads Windows-1252 CSV with commas, Mineduc-style RUN and DV columns, and title lines above the header", async () => {
    const csv = [
      "Nómina docente 2026,,,,",
      "",
      "RUN,DV,Nombres,Apellido Paterno,Apellido Materno,Correo",
      `11111111,1,José,Núñez,Peña,jose.nunez@escuela.cl`,
    ].join("\r\n");
    const id = await previewRosterImport(coordinator, w.schoolA.id, latin1(csv));
    const page = await getRosterImport(coordinator, id);
    expect(page.rejected).toEqual([]);
    expect(page.sample).toEqual([
      expect.objectContaining({
        line: 4,
        givenNames: "José",
        familyNames: "Núñez Peña",
        email: "jose.nunez@escuela.cl",
        rut: "11111111-1",
      }),
    ]);
  });

  it("reads XLSX files", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Docentes");
    sheet.addRow(["nombres", "apellidos", "correo", "rut"]);
    sheet.addRow(["Lucía", "Vargas", "lucia.vargas@escuela.cl", rut(9876543)]);
    sheet.addRow(["Mario", "Castro", "no-es-correo", ""]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const id = await previewRosterImport(coordinator, w.schoolA.id, { fileName: "nomina.xlsx", bytes });
    const page = await getRosterImport(coordinator, id);
    expect(page.validCount).toBe(1);
    expect(page.sample[0]).toMatchObject({ line: 2, givenNames: "Lucía", email: "lucia.vargas@escuela.cl" });
    expect(reasonsOf(page, 3)).toEqual(["roster.reason.email_invalid"]);
  });

  it("reads an XLSX whose formatting declares thousands of empty cells, and refuses a sheet far too wide", async () => {
    const styled = new ExcelJS.Workbook();
    const sheet = styled.addWorksheet("Docentes");
    sheet.addRow(["nombres", "apellidos", "correo"]);
    sheet.addRow(["Lucía", "Vargas", "lucia.vargas@escuela.cl"]);
    // A border on a far cell: the file declares it, but it holds nothing.
    sheet.getCell(2, 5000).border = { top: { style: "thin" } };
    const page = await getRosterImport(
      coordinator,
      await previewRosterImport(coordinator, w.schoolA.id, {
        fileName: "formato.xlsx",
        bytes: new Uint8Array(await styled.xlsx.writeBuffer()),
      }),
    );
    expect(page.validCount).toBe(1);

    const wide = new ExcelJS.Workbook();
    const wideSheet = wide.addWorksheet("Docentes");
    wideSheet.addRow(["nombres", "apellidos", "correo"]);
    wideSheet.getCell(2, 300).value = "x";
    const error = await previewRosterImport(coordinator, w.schoolA.id, {
      fileName: "ancha.xlsx",
      bytes: new Uint8Array(await wide.xlsx.writeBuffer()),
    }).catch((e) => e);
    expect((error as DomainError).fieldErrors.file).toBe("roster.errors.too_many_columns");
  });

  it("refuses whole files it cannot use, with a message on the file field", async () => {
    const cases: Array<[{ fileName: string; bytes: Uint8Array }, string]> = [
      [utf8(""), "roster.errors.no_file"],
      [utf8("nombre;edad\nAna;30\n"), "roster.errors.missing_columns"],
      [utf8("nombres;apellidos;correo\n"), "roster.errors.no_rows"],
      [
        {
          fileName: "viejo.xls",
          bytes: Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        },
        "roster.errors.old_xls",
      ],
      [
        { fileName: "foto.png", bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 0, 0]) },
        "roster.errors.unsupported_type",
      ],
      // UTF-16 (either byte order) with a NUL character in a cell: as binary as a NUL byte in UTF-8
      ...(["utf16le", "utf16be"] as const).map((order): [{ fileName: string; bytes: Uint8Array }, string] => {
        const le = Buffer.from("nombres;apellidos;correo\nAna\u0000;Pérez;ana@example.cl\n", "utf16le");
        if (order === "utf16be") le.swap16();
        const bom = order === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff];
        return [
          { fileName: `${order}.csv`, bytes: Buffer.concat([Buffer.from(bom), le]) },
          "roster.errors.unsupported_type",
        ];
      }),
      [
        { fileName: "grande.csv", bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(65) },
        "roster.errors.file_too_large",
      ],
    ];
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(rosterImports);
    for (const [file, key] of cases) {
      const error = await previewRosterImport(coordinator, w.schoolA.id, file).catch((e) => e);
      expect(error, key).toBeInstanceOf(DomainError);
      expect((error as DomainError).messageKey).toBe(key);
      expect((error as DomainError).fieldErrors.file).toBe(key);
    }
    const after = await db().select({ n: sql<number>`count(*)::int` }).from(rosterImports);
    expect(after[0].n).toBe(before[0].n);
  });
});

describe("roster import: importing", () => {
  const roster = (rows: string[]) => utf8(["nombres;apellidos;correo;rut;rol", ...rows].join("\n"));

  it("imports the good rows, and the same file again changes nothing", async () => {
    const file = roster([
      `Paula;Fuentes;paula.fuentes@escuela.cl;${rut(16000001)};docente`,
      `Raúl;Medina;raul.medina@escuela.cl;;directora`,
      `Sara;Toro;sara.toro@escuela.cl;${rut(16000001)};docente`, // same RUT as line 2
    ]);
    const first = await importFile(leaderA, w.schoolA.id, file);
    expect(first.status).toBe("done");
    expect([first.createdCount, first.updatedCount, first.unchangedCount, first.rejectedCount]).toEqual([
      2, 0, 0, 1,
    ]);
    const paula = await personByEmail("paula.fuentes@escuela.cl");
    expect(paula).toMatchObject({
      givenNames: "Paula",
      familyNames: "Fuentes",
      rut: rut(16000001),
      status: "invited",
    });
    const roles = await db().select().from(memberships).where(eq(memberships.personId, paula.id));
    expect(roles.map((r) => [r.role, r.schoolId])).toEqual([["teacher", w.schoolA.id]]);
    const raul = await personByEmail("raul.medina@escuela.cl");
    const raulRoles = await db().select().from(memberships).where(eq(memberships.personId, raul.id));
    expect(raulRoles.map((r) => [r.role, r.title])).toEqual([["leader", "Directora"]]);

    const count = async () =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(persons)
          .where(eq(persons.organizationId, w.org.id))
      )[0].n;
    const people = await count();
    const again = await importFile(leaderA, w.schoolA.id, file);
    expect([again.createdCount, again.updatedCount, again.unchangedCount, again.rejectedCount]).toEqual([
      0, 0, 2, 1,
    ]);
    expect(await count()).toBe(people);

    // The import is audited, with its counts.
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "roster.import"), eq(auditEvents.subjectId, w.schoolA.id)));
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it("updates a person's name when the row's name changed, and adds a role in a second school", async () => {
    await importFile(coordinator, w.schoolA.id, roster([`Tomás;Reyes;tomas.reyes@escuela.cl;;docente`]));
    const renamed = await importFile(
      coordinator,
      w.schoolA.id,
      roster([`Tomás Ignacio;Reyes Lagos;tomas.reyes@escuela.cl;;docente`]),
    );
    expect([renamed.createdCount, renamed.updatedCount, renamed.unchangedCount]).toEqual([0, 1, 0]);
    const tomas = await personByEmail("tomas.reyes@escuela.cl");
    expect([tomas.givenNames, tomas.familyNames]).toEqual(["Tomás Ignacio", "Reyes Lagos"]);
    expect(tomas.searchText).toContain("lagos");

    const admin = await actorOf(w.admin.id);
    const second = await importFile(
      admin,
      w.schoolB.id,
      roster([`Tomás Ignacio;Reyes Lagos;tomas.reyes@escuela.cl;;docente`]),
    );
    expect([second.createdCount, second.updatedCount]).toEqual([0, 1]);
    const roles = await db().select().from(memberships).where(eq(memberships.personId, tomas.id));
    expect(roles.map((r) => r.schoolId).sort()).toEqual([w.schoolA.id, w.schoolB.id].sort());
  });

  it("refuses a row whose email belongs to a person with another RUT", async () => {
    await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolB.id }], {
      email: "uma@escuela.cl",
      rut: rut(17000002),
    });
    const id = await previewRosterImport(
      coordinator,
      w.schoolA.id,
      roster([`Uma;Soto;uma@escuela.cl;${rut(17000003)};docente`]),
    );
    const page = await getRosterImport(coordinator, id);
    expect(page.validCount).toBe(0);
    expect(reasonsOf(page, 2)).toEqual(["roster.reason.email_taken"]);
    expect((await personByEmail("uma@escuela.cl")).familyNames).not.toBe("Soto");
  });

  it("never changes people the importer does not manage: another school's teacher, or the admin", async () => {
    const admin = await personByEmail(w.admin.email);
    const teacherB = await personByEmail(w.teacherB.email);
    const id = await previewRosterImport(
      leaderA,
      w.schoolA.id,
      roster([
        `Hacked;Admin;${w.admin.email};${rut(11111111)};director`,
        `Otro;Nombre;${w.teacherB.email};;docente`,
      ]),
    );
    const page = await getRosterImport(leaderA, id);
    expect(page.validCount).toBe(0);
    expect(reasonsOf(page, 2)).toEqual(["roster.reason.person_elsewhere"]);
    expect(reasonsOf(page, 3)).toEqual(["roster.reason.person_elsewhere"]);
    expect(await personByEmail(w.admin.email)).toEqual(admin);
    expect(await personByEmail(w.teacherB.email)).toEqual(teacherB);
    const adminRoles = await db().select().from(memberships).where(eq(memberships.personId, w.admin.id));
    expect(adminRoles.map((r) => r.role)).toEqual(["admin"]);
  });

  it("re-checks at import time: a person moved out of the importer's reach meanwhile is refused", async () => {
    const id = await previewRosterImport(
      leaderA,
      w.schoolA.id,
      roster([`Wanda;Paz;wanda.paz@escuela.cl;;docente`]),
    );
    // Between preview and import, someone registers the same email in school B.
    await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolB.id }], {
      email: "wanda.paz@escuela.cl",
      givenNames: "Wanda",
    });
    await confirmRosterImport(leaderA, id);
    await drainJobs();
    const page = await getRosterImport(leaderA, id);
    expect(page.status).toBe("done");
    expect([page.createdCount, page.updatedCount]).toEqual([0, 0]);
    expect(reasonsOf(page, 2)).toEqual(["roster.reason.person_elsewhere"]);
    expect((await personByEmail("wanda.paz@escuela.cl")).familyNames).not.toBe("Paz");
  });

  it("imports a large file in batches, showing its progress, and resumes after a stop", async () => {
    const rows = Array.from(
      { length: BATCH_SIZE * 2 + 37 },
      (_, i) => `Docente;Número ${i};docente${i}@grande.cl;${rut(20000000 + i)};docente`,
    );
    const id = await previewRosterImport(coordinator, w.schoolA.id, roster(rows));
    await confirmRosterImport(coordinator, id);
    await confirmRosterImport(coordinator, id); // twice is the same as once
    await runRosterImport(id, { maxBatches: 1 });
    const half = await getRosterImport(coordinator, id);
    expect(half.status).toBe("running");
    expect(half.processedRows).toBe(BATCH_SIZE);
    await drainJobs(); // the queued job resumes where the first batch stopped
    const done = await getRosterImport(coordinator, id);
    expect(done.status).toBe("done");
    expect(done.processedRows).toBe(rows.length);
    expect(done.createdCount).toBe(rows.length);
    const [{ n }] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(persons)
      .where(sql`${persons.email} LIKE '%@grande.cl'`);
    expect(n).toBe(rows.length);
  });

  it("discards a preview and its rows; a discarded preview cannot be imported", async () => {
    const id = await previewRosterImport(
      coordinator,
      w.schoolA.id,
      roster([`Vera;Luna;vera.luna@escuela.cl;;docente`]),
    );
    await cancelRosterImport(coordinator, id);
    const [row] = await db().select().from(rosterImports).where(eq(rosterImports.id, id));
    expect(row.status).toBe("cancelled");
    expect(row.validRows).toEqual([]);
    expect(row.rejectedRows).toEqual([]);
    await expect(confirmRosterImport(coordinator, id)).rejects.toMatchObject({
      messageKey: "roster.errors.cancelled",
    });
    expect(await personByEmail("vera.luna@escuela.cl")).toBeUndefined();
  });

  it("refuses to import a preview without good rows", async () => {
    const id = await previewRosterImport(
      coordinator,
      w.schoolA.id,
      roster([`;;;;docente`, `X;Y;mal;;docente`]),
    );
    await expect(confirmRosterImport(coordinator, id)).rejects.toMatchObject({
      messageKey: "roster.errors.nothing_to_import",
    });
    const [row] = await db().select().from(rosterImports).where(eq(rosterImports.id, id));
    expect(row.status).toBe("preview");
  });

  it("gives the rejected rows back as a CSV with the reasons, safe to open in Excel", async () => {
    const id = await previewRosterImport(
      coordinator,
      w.schoolA.id,
      roster([
        `=HYPERLINK("http://x");Malo;mal-correo;;docente`,
        `Bien;Hecho;bien.hecho@escuela.cl;;docente`,
      ]),
    );
    const csv = await rejectedRowsCsv(coordinator, id, translator("es-CL"));
    expect(csv.fileName).toBe("nomina-rechazadas.csv");
    expect(csv.content.startsWith("\uFEFFnombres;apellidos;correo;rut;rol;rbd;línea;motivos")).toBe(true);
    expect(csv.content).toContain(`'=HYPERLINK`);
    expect(csv.content).toContain("El correo «mal-correo» no es válido.");
    expect(csv.content).not.toContain("bien.hecho");
  });

  it("offers an example file with the school's RBD that imports cleanly", async () => {
    const example = await exampleRosterCsv(coordinator, w.schoolA.id);
    expect(example).toContain(String(w.schoolA.rbd));
    const id = await previewRosterImport(coordinator, w.schoolA.id, utf8(example));
    const page = await getRosterImport(coordinator, id);
    expect(page.rejected).toEqual([]);
    expect(page.validCount).toBe(4);
  });
});

describe("roster import: who may", () => {
  it("lets only the school's leaders, its coordinators and administrators import or read imports", async () => {
    const id = await previewRosterImport(
      coordinator,
      w.schoolA.id,
      utf8("nombres;apellidos;correo\nZoe;Paz;zoe@escuela.cl\n"),
    );
    for (const stranger of [
      w.teacherA,
      w.mentorA,
      w.leaderB,
      w.otherCoordinator,
      w.otherAdmin,
      w.otherLeader,
    ]) {
      const actor = await actorOf(stranger.id);
      await expect(
        previewRosterImport(actor, w.schoolA.id, utf8("nombres;apellidos;correo\nA;B;a@b.cl\n")),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(listRosterImports(actor, w.schoolA.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getRosterImport(actor, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(confirmRosterImport(actor, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(cancelRosterImport(actor, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(rejectedRowsCsv(actor, id, translator("es-CL"))).rejects.toBeInstanceOf(NotFoundError);
      await expect(exampleRosterCsv(actor, w.schoolA.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    const [row] = await db().select().from(rosterImports).where(eq(rosterImports.id, id));
    expect(row.status).toBe("preview");
    expect((await listRosterImports(leaderA, w.schoolA.id)).imports.some((i) => i.id === id)).toBe(true);
  });
});
