// Journey 5 (product.md): a teacher in Mexico registers for an open workshop with no account, reads the
// session times in her own zone, takes the calendar file, is marked present by the facilitator, gets
// her certificate from the coordinator's run, downloads it, and a stranger checks it at the address its
// QR code holds.
import { expect, type Page, test } from "@playwright/test";
import { translator } from "~/messages";
import { pdfPages } from "~/platform/testing/pdf";
import { waitForEmail } from "./support/mailbox";
import { freshContext, signIn, signOut } from "./support/session";

const t = translator("es-CL");

/** A day in Santiago, `offset` days from today, as YYYY-MM-DD (what a date field takes). */
function santiagoDay(offset: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Santiago" }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

/** The instant of a whole hour on a day in Santiago (from the zone's offset that day, by Intl). */
function santiagoInstant(day: string, hour: number): Date {
  const guess = new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  const name = new Intl.DateTimeFormat("en-US", { timeZone: "America/Santiago", timeZoneName: "longOffset" })
    .formatToParts(guess)
    .find((p) => p.type === "timeZoneName")?.value; // "GMT-03:00"
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? "");
  const offsetMinutes = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(guess.getTime() - offsetMinutes * 60_000);
}

/** "DD-MM-YYYY HH:MM", as the pages write a date and time. */
function shown(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

async function planSession(page: Page, title: string, day: string) {
  // the form folds under "Agregar una sesión en vivo" (still open after the previous one was added)
  const details = page.locator("details").filter({ has: page.getByText(t("learning.manage.add_session")) });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator("summary").click();
  await page.getByLabel(t("learning.field.session_title")).fill(title);
  await page.getByLabel(t("learning.field.date")).fill(day);
  await page.getByLabel(t("learning.field.time"), { exact: true }).fill("18:00");
  await page.getByRole("button", { name: t("learning.manage.plan_session") }).click();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toBeVisible();
}

test("una docente en México se inscribe a un taller, ve sus horarios, asiste y un desconocido verifica su certificado", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "one run is enough: the teacher uses her phone");
  test.setTimeout(180_000);
  const run = String(Date.now()).slice(-7);
  const slug = `taller-lectura-${run}`;
  const title = `Lectura en voz alta ${run}`;
  const email = `maria.hernandez.${run}@example.mx`;

  // ── The coordinator publishes the workshop: one session yesterday, one next week ─────────────────
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/cursos/nuevo");
  await page.getByLabel(t("learning.field.kind")).selectOption("workshop");
  await page.getByLabel(t("learning.field.title")).fill(title);
  await page.getByLabel(t("learning.field.slug")).fill(slug);
  await page.getByLabel(t("learning.field.summary")).fill("Estrategias para leer en voz alta con el curso.");
  await page.getByLabel(t("learning.field.hours")).fill("6");
  await page.getByLabel(t("learning.field.signer_name")).fill("Carolina Méndez Araya");
  await page.getByRole("button", { name: t("learning.manage.create") }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await page.getByLabel("Paulina Riquelme Díaz").check();
  await page.getByRole("button", { name: t("learning.manage.save_facilitators") }).click();
  await expect(page.getByText(t("learning.manage.saved_facilitators"))).toBeVisible();
  await page.getByLabel(t("learning.field.cohort_name")).fill("Diciembre");
  await page.getByLabel(t("learning.field.starts_on")).fill(santiagoDay(-1));
  await page.getByLabel(t("learning.field.ends_on")).fill(santiagoDay(10));
  await page.getByRole("button", { name: t("learning.manage.create_cohort") }).click();
  await page.getByRole("button", { name: t("learning.manage.publish") }).click();
  await expect(page.getByText(t("learning.manage.saved_publish"))).toBeVisible();
  await planSession(page, "Sesión 1", santiagoDay(-1));
  await planSession(page, "Sesión 2", santiagoDay(7));
  await signOut(page);

  // ── The teacher, in Mexico City, with no account ────────────────────────────────────────────────
  const teacher = await freshContext(browser, testInfo, { timezoneId: "America/Mexico_City" });
  const phone = await teacher.newPage();
  await phone.goto(`/talleres/${slug}`);
  await phone.getByLabel(t("learning.zone.label")).selectOption("America/Mexico_City");
  await phone.getByRole("button", { name: t("learning.zone.show") }).click();
  // Session 2 is at 18:00 in Santiago; she reads it at her own hour, with her zone named.
  const second = santiagoInstant(santiagoDay(7), 18);
  await expect(phone.getByText(shown(second, "America/Mexico_City"))).toBeVisible();
  await expect(
    phone.getByRole("heading", { name: "Sesiones en vivo (hora estándar central)" }),
  ).toBeVisible();
  const ics = await phone.request.get(
    (await phone.getByRole("link", { name: t("learning.sessions.calendar") }).getAttribute("href")) ?? "",
  );
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain(`DTSTART:${second.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
  await phone.getByLabel(t("learning.register.full_name")).fill("María José Hernández");
  await phone.getByLabel(t("learning.register.email")).fill(email);
  await phone.getByLabel(t("learning.register.country")).selectOption("MX");
  await phone.getByLabel(t("learning.register.role")).selectOption("teacher");
  await phone.getByRole("button", { name: t("learning.register.submit") }).click();
  await expect(phone.getByText(/Su inscripción está confirmada/)).toBeVisible();
  const confirmation = await waitForEmail(email, "Inscripción confirmada");
  expect(confirmation.text).toContain(shown(second, "America/Mexico_City"));

  // ── The facilitator marks her present at session 1 ─────────────────────────────────────────────
  await signIn(page, "facilitadora@demo.impulso.cl");
  await page.goto("/cursos");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: t("learning.cohort.open") }).click();
  await expect(page.getByRole("heading", { name: "Diciembre", level: 1 })).toBeVisible();
  // "Asistencia" exactly: the course page's "Asistencia y certificados" must not stand in for it
  await page
    .getByRole("link", { name: t("learning.cohort.take_attendance"), exact: true })
    .first()
    .click();
  await page.getByLabel(/María José Hernández/).check();
  await page.getByRole("button", { name: t("learning.attendance.save") }).click();
  await expect(page.getByText(/Asistencia guardada: 1 presente/)).toBeVisible();
  await signOut(page);

  // ── The coordinator issues the certificates; the page follows the job ───────────────────────────
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/cursos");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: t("learning.cohort.open") }).click();
  await expect(page.getByText("1 de 1 sesiones (100 %)")).toBeVisible();
  await page.getByRole("button", { name: t("learning.certificates.issue") }).click();
  await expect(page.getByText(/Última emisión: 1 de 1 certificados emitidos/)).toBeVisible({
    timeout: 30_000,
  });

  // ── She downloads it from her email; a stranger checks the address its QR code holds ────────────
  const certificateEmail = await waitForEmail(email, "Su certificado");
  const download = certificateEmail.links.find((l) => l.includes("/descargar?clave="));
  expect(download).toBeTruthy();
  const pdf = await phone.request.get(download ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const [text] = await pdfPages(new Uint8Array(await pdf.body()));
  expect(text).toContain("María José Hernández");
  expect(text).toContain(title);
  // the address printed under the QR code (the same text the code holds), however the lines broke it
  const address = /\/certificados\/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(
    (text ?? "").replace(/\s+/g, ""),
  )?.[0];
  expect(address).toBeTruthy();
  const stranger = await freshContext(browser, testInfo);
  const verifier = await stranger.newPage();
  await verifier.goto(address ?? "");
  await expect(verifier.getByText(t("learning.verify.valid"))).toBeVisible();
  await expect(verifier.getByText("María José Hernández")).toBeVisible();
  await expect(verifier.getByText("6 horas")).toBeVisible();
  await expect(verifier.locator("script")).toHaveCount(0);
  await stranger.close();
  await teacher.close();
});
