// Journey 2 (product.md): a coordinator adds a school, imports its roster of teachers from a CSV with
// good and bad rows, reads why each bad row was refused, downloads them to fix, and invites the school's
// leader, who activates the account from the email and sees the school.
import { readFileSync } from "node:fs";
import { expect, type TestInfo, test } from "@playwright/test";
import { translator } from "~/messages";
import { linkIn, waitForEmail } from "./support/mailbox";
import { menuLink } from "./support/menu";
import { freshContext, signIn } from "./support/session";

/** The Spanish texts the app shows, from its catalogue: the copy may be reworded, the facts may not. */
const t = translator("es-CL");

/** Escuela Básica Los Aromos, a demo school: its RBD in this school's file is refused. */
const OTHER_SCHOOL_RBD = 24517;

/** Módulo 11, written here again so that the test does not trust the code it checks. */
function rutCheckDigit(body: number): string {
  let sum = 0;
  let weight = 2;
  for (const d of String(body).split("").reverse()) {
    sum += Number(d) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  return r === 11 ? "0" : r === 10 ? "K" : String(r);
}

function dotted(body: number): string {
  return String(body).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * What is unique to this run of this project: an RBD (five digits, 30000-99999, never a demo school's;
 * the phone and desktop runs differ by parity, reruns by the clock) and a tag for emails and RUTs.
 */
function uniqueRun(testInfo: TestInfo) {
  const seconds = Math.floor(Date.now() / 1000);
  const rbd = 30_000 + ((seconds * 2 + (testInfo.project.name === "telefono" ? 0 : 1)) % 70_000);
  return { rbd, tag: `${rbd}${testInfo.project.name === "telefono" ? "t" : "e"}` };
}

test("una coordinadora crea un establecimiento, importa su nómina e invita a su directora", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const { rbd, tag } = uniqueRun(testInfo);
  const schoolName = `Escuela Básica Los Copihues ${tag}`;
  const rbdCheckDigit = rutCheckDigit(rbd);
  const baseURL = testInfo.project.use.baseURL as string;

  // ── 1. The coordinator adds the school ──────────────────────────────────────────────────────────
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.getByRole("link", { name: "Crear un establecimiento" }).click();
  await expect(page.getByRole("heading", { name: "Nuevo establecimiento", level: 1 })).toBeVisible();
  await page.getByLabel("Nombre del establecimiento").fill(schoolName);
  await page.getByLabel("RBD", { exact: true }).fill(String(rbd));
  await page.getByLabel(/^Dígito verificador del RBD/).fill(rbdCheckDigit);
  await page.getByLabel("Región").selectOption({ label: "Región de Valparaíso" });
  await page.getByLabel("Comuna").selectOption({ label: "Viña del Mar" });
  await page.getByLabel("Dependencia administrativa").selectOption({ label: "Municipal DAEM" });
  await page.getByLabel(/^Sostenedor/).fill("Municipalidad de Viña del Mar");
  await page.getByLabel(/^IVE \(%\)/).fill("85,3");
  await page.getByLabel(/^Año del IVE/).fill("2025");
  await page.getByRole("button", { name: "Crear establecimiento" }).click();

  // The school's page, with what was typed.
  await expect(page.getByRole("heading", { name: schoolName, level: 1 })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(t("schools.notice.created_advising"));
  const schoolUrl = new URL(page.url());
  expect(schoolUrl.pathname).toMatch(/^\/establecimientos\/[0-9a-f-]{36}$/);
  const schoolPath = schoolUrl.pathname;
  const facts = page.locator("dl.facts");
  await expect(facts).toContainText(`${rbd}-${rbdCheckDigit}`);
  await expect(facts).toContainText("Viña del Mar");
  await expect(facts).toContainText("Región de Valparaíso");
  await expect(facts).toContainText("Municipal DAEM");
  await expect(facts).toContainText("85,3 % (2025)");
  await expect(page.getByText(`${t("schools.people.teacher")}: 0`)).toBeVisible();

  // ── 2. The roster: three good rows and four bad ones ───────────────────────────────────────────────
  await page.getByRole("link", { name: "Importar nómina" }).click();
  await expect(
    page.getByRole("heading", { name: t("roster.upload.heading", { school: schoolName }) }),
  ).toBeVisible();
  await expect(page.getByText(t("roster.upload.history_empty"))).toBeVisible();

  const rutBody = (i: number) => 30_000_000 + rbd * 10 + i;
  const rut = (i: number) => `${dotted(rutBody(i))}-${rutCheckDigit(rutBody(i))}`;
  const email = (name: string) => `${name}.${tag}@ejemplo.cl`;
  const csv = [
    "nombres;apellidos;correo;rut;rol;rbd",
    `Ana María;Muñoz Pérez;${email("ana.munoz")};${rut(1)};docente;${rbd}`, // line 2: good
    `José;Núñez Soto;${email("jose.nunez")};${rut(2)};docente;${rbd}-${rbdCheckDigit}`, // 3: good
    `Camila;Rojas Araya;${email("camila.rojas")};;;`, // 4: good (no RUT, no role, no RBD)
    `Pedro;González Díaz;${email("pedro.gonzalez")};12.345.678-9;docente;${rbd}`, // 5: bad check digit
    `Lucía;Huenchumilla Paredes;;${rut(5)};docente;${rbd}`, // 6: no email
    `Ana;Muñoz Vera;${email("ana.munoz")};;docente;${rbd}`, // 7: email of line 2
    `Tomás;Cárcamo Leiva;${email("tomas.carcamo")};;docente;${OTHER_SCHOOL_RBD}`, // 8: another school
  ].join("\r\n");
  const fileName = `nomina-${tag}.csv`;
  await page.getByLabel("Archivo de la nómina").setInputFiles({
    name: fileName,
    mimeType: "text/csv",
    buffer: Buffer.from(`\uFEFF${csv}\r\n`, "utf8"),
  });
  await page.getByRole("button", { name: "Revisar el archivo" }).click();

  // The preview: what will be imported, and each refused row with its reason in Spanish.
  await expect(
    page.getByRole("heading", { name: t("roster.page.heading", { file: fileName }) }),
  ).toBeVisible();
  await expect(
    page.getByText(t("roster.preview.summary", { total: 7, valid: 3, rejected: 4 })),
  ).toBeVisible();
  const sample = page.getByRole("table").first();
  await expect(sample).toContainText("Muñoz Pérez");
  await expect(sample).toContainText("Núñez Soto");
  await expect(sample).toContainText("Rojas Araya");
  await expect(page.getByRole("heading", { name: t("roster.rejected.heading", { count: 4 }) })).toBeVisible();
  const rejectedTable = page.getByRole("table").last();
  // Each refused row, found by the person in it, with its reason.
  const rejectedRow = (person: string) => rejectedTable.getByRole("row").filter({ hasText: person });
  const reasons = {
    badRut: t("roster.reason.rut_invalid", { value: "12.345.678-9" }),
    noEmail: t("roster.reason.email_missing"),
    duplicate: t("roster.reason.duplicate_email", { line: 2 }),
    otherSchool: t("roster.reason.unknown_school", { value: OTHER_SCHOOL_RBD, school: schoolName, rbd }),
  };
  // In Spanish, saying what is wrong: e.g. «El RUT «12.345.678-9» no es válido (revise el dígito verificador).»
  expect(reasons.badRut).toContain("12.345.678-9");
  expect(reasons.otherSchool).toContain(String(OTHER_SCHOOL_RBD));
  await expect(rejectedRow("González Díaz")).toContainText(reasons.badRut);
  await expect(rejectedRow("Huenchumilla Paredes")).toContainText(reasons.noEmail);
  await expect(rejectedRow("Muñoz Vera")).toContainText(reasons.duplicate);
  await expect(rejectedRow("Cárcamo Leiva")).toContainText(reasons.otherSchool);
  for (const good of ["Muñoz Pérez", "Núñez Soto", "Rojas Araya"]) {
    await expect(rejectedTable).not.toContainText(good);
  }

  // ── 3. Confirm, and wait for the report (the page refreshes itself while the job runs) ────────────
  await page.getByRole("button", { name: t("roster.preview.confirm", { count: 3, valid: 3 }) }).click();
  await expect(page.getByRole("status")).toHaveText(
    t("roster.done.summary", { created: 3, updated: 0, unchanged: 0, rejected: 4 }),
    { timeout: 30_000 },
  );
  await expect(page.getByText(t("roster.status.done"), { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: t("roster.rejected.heading", { count: 4 }) })).toBeVisible();
  await expect(rejectedRow("Huenchumilla Paredes")).toContainText(reasons.noEmail);

  // The rejected rows as a CSV to fix: every row with its reasons.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: t("roster.rejected.download") }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`nomina-${tag}-rechazadas.csv`);
  const rejectedCsv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const csvLines = rejectedCsv.trim().split(/\r?\n/);
  expect(csvLines[0]).toBe(
    `nombres;apellidos;correo;rut;rol;rbd;${t("roster.csv.line")};${t("roster.csv.reasons")}`,
  );
  expect(csvLines).toHaveLength(5);
  const csvLine = (person: string) => csvLines.find((line) => line.includes(person)) ?? "";
  expect(csvLine("González Díaz")).toContain(reasons.badRut);
  expect(csvLine("Huenchumilla Paredes")).toContain(reasons.noEmail);
  expect(csvLine("Muñoz Vera")).toContain(reasons.duplicate);
  expect(csvLine("Cárcamo Leiva")).toContain(reasons.otherSchool);
  expect(csvLine("González Díaz")).toMatch(/^Pedro;González Díaz;pedro\.gonzalez\./);
  expect(rejectedCsv).not.toContain("Camila");

  // ── 4. The imported teachers, in Personas filtered by the school ──────────────────────────────────
  await (await menuLink(page, "Personas")).click();
  await expect(page.getByRole("heading", { name: "Personas", level: 1 })).toBeVisible();
  await page.getByLabel("Establecimiento").selectOption({ label: schoolName });
  await page.getByRole("button", { name: "Buscar" }).click();
  await expect(page).toHaveURL(/[?&]escuela=/);
  await expect(page.getByText(t("list.results", { count: 3 }))).toBeVisible();
  const people = page.getByRole("table");
  // the filtered list, not the one it replaces (a heading row and three people)
  await expect(people.getByRole("row")).toHaveCount(4);
  for (const [name, address] of [
    ["Muñoz Pérez, Ana María", email("ana.munoz")],
    ["Núñez Soto, José", email("jose.nunez")],
    ["Rojas Araya, Camila", email("camila.rojas")],
  ]) {
    const row = people.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(address);
    await expect(row).toContainText(`${t("role.teacher")} · ${schoolName}`);
    await expect(row).toContainText(t("people.status.invited"));
  }
  await expect(people).not.toContainText("González Díaz");
  await expect(people).not.toContainText("Cárcamo Leiva");

  // ── 5. Invite the school's leader ─────────────────────────────────────────────────────────────────
  await page.goto(schoolPath);
  await page.getByRole("link", { name: t("schools.action.invite") }).click();
  await expect(
    page.getByRole("heading", { name: t("people.invite.title", { place: schoolName }) }),
  ).toBeVisible();
  const leaderEmail = email("directora.paz");
  await page.getByLabel("Nombres").fill("Paz");
  await page.getByLabel("Apellidos").fill("Valdés Quintana");
  await page.getByLabel("Correo electrónico").fill(leaderEmail);
  await page.getByLabel("Rol").selectOption({ label: "Equipo directivo" });
  await page.getByLabel(/^Cargo/).fill("Directora");
  await page.getByRole("button", { name: "Enviar invitación" }).click();
  await expect(page.getByRole("status")).toHaveText(t("people.invite.sent", { email: leaderEmail }));

  // ── 6. The leader reads the email and activates the account, in a browser nobody signed in to ────
  const invitation = await waitForEmail(leaderEmail, t("email.invitation.subject"));
  expect(invitation.text).toContain(t("email.greeting", { name: "Paz" }));
  expect(invitation.text).toContain(schoolName);
  const link = linkIn(invitation, `${baseURL}/invitacion/`);

  const leaderContext = await freshContext(browser, testInfo);
  try {
    const leader = await leaderContext.newPage();
    await leader.goto(link);
    await expect(leader.getByRole("heading", { name: t("auth.invitation.title") })).toBeVisible();
    await expect(
      leader.getByText(t("auth.invitation.intro", { name: "Paz", email: leaderEmail })),
    ).toBeVisible();
    const password = "copihues rojos en primavera";
    await leader.getByLabel("Contraseña nueva").fill(password);
    await leader.getByLabel("Repita la contraseña").fill(password);
    await leader.getByRole("button", { name: "Activar mi cuenta" }).click();

    // Signed in as the leader, who sees the school.
    await expect(leader.getByRole("heading", { name: t("home.title", { name: "Paz" }) })).toBeVisible();
    await expect(leader.getByRole("button", { name: "Cerrar sesión" })).toBeVisible();
    await expect(
      leader.getByText(t("home.at_school", { role: "Directora", school: schoolName })),
    ).toBeVisible();
    await leader.getByRole("link", { name: t("home.card.my_school", { school: schoolName }) }).click();
    await expect(leader.getByRole("heading", { name: schoolName, level: 1 })).toBeVisible();
    await expect(leader.locator("dl.facts")).toContainText(`${rbd}-${rbdCheckDigit}`);
    await expect(leader.getByText(`${t("schools.people.teacher")}: 3`)).toBeVisible();
    await expect(leader.getByText(`${t("schools.people.leader")}: 1`)).toBeVisible();

    // The link works once.
    await leader.goto(link);
    await expect(leader.getByRole("alert")).toHaveText(t("auth.invitation.invalid"));
  } finally {
    await leaderContext.close();
  }
});
