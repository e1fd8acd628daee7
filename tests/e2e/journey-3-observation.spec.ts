// Journeys 3 and 4 (product.md), on a phone: a leader records a visit with evidence, time on task and
// the decision on the teacher's open action step (mastered), proposes the next one; the draft survives a
// reload; she holds the feedback meeting; the teacher gets the email, reads the feedback, acknowledges
// it and writes a private reflection; another teacher of the same school gets 404; the teacher's
// timeline shows the mastered step and time on task over time; the school dashboard shows the visit and
// the leader downloads the visits (CSV) and the school report (PDF).
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { translator } from "~/messages";
import { pdfPages } from "~/platform/testing/pdf";
import { linkIn, waitForEmail } from "./support/mailbox";
import { freshContext, signIn } from "./support/session";

const t = translator("es-CL");

test("un directivo registra una visita y su retroalimentación; la docente la lee y reflexiona", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "journeys 3 and 4 are phone journeys");
  test.setTimeout(120_000);
  const run = String(Date.now()).slice(-6);

  // ── 1. The leader starts a visit to Daniela Soto, whose open step shows in the list ────────────
  await signIn(page, "directora.aromos@demo.impulso.cl");
  await page.getByRole("link", { name: t("home.card.observations") }).click();
  await page.getByRole("link", { name: t("observation.list.new") }).click();
  const teacher = page.getByLabel(t("observation.new.teacher"));
  const option = teacher.locator("option", { hasText: "Daniela Soto Vergara" });
  const optionLabel = (await option.textContent()) ?? "";
  expect(optionLabel).toContain("paso en curso");
  await teacher.selectOption({ label: optionLabel });
  await page.getByLabel(t("observation.new.course")).fill(`6° básico B ${run}`);
  await page.getByLabel(t("observation.new.subject")).fill("Lenguaje y Comunicación");
  await page.getByRole("button", { name: t("observation.new.start") }).click();

  // ── 2. The visit opens with the open step; evidence, time on task, a level ─────────────────────
  await expect(page.getByRole("heading", { name: t("observation.visit.focus") })).toBeVisible();
  const focusTitle = (await page.locator(".focus-step .step-title").textContent()) ?? "";
  expect(focusTitle.length).toBeGreaterThan(5);
  const visitUrl = page.url();
  await page
    .getByLabel(t("observation.visit.note"), { exact: true })
    .fill("Instrucción escrita en tres pasos; 27 de 29 comienzan al minuto 1.");
  await page.getByRole("button", { name: t("observation.visit.add_note") }).click();
  await expect(page.locator(".notes li")).toHaveCount(1);
  await expect(page.getByLabel(t("observation.visit.note"), { exact: true })).toHaveValue("");
  await page.getByLabel(t("observation.visit.on_task_count"), { exact: true }).fill("26");
  await page.getByLabel(t("observation.visit.present_count"), { exact: true }).fill("29");
  await page.getByRole("button", { name: t("observation.visit.add_snapshot") }).click();
  await expect(page.getByText(/Tiempo en tarea de la visita: 90\s?%/)).toBeVisible();
  await page.getByText(t("observation.visit.focus_mastered"), { exact: true }).click();
  await page.locator("details.section summary").first().click();
  await page
    .locator("fieldset.levels")
    .first()
    .getByRole("radio", { name: t("observation.level.3"), exact: true })
    .check();
  await page.getByLabel(t("observation.visit.proposed_step")).selectOption({ index: 5 });
  // Saved: the server has answered the save (a reload before that would cancel it, not lose saved data).
  await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().includes(new URL(visitUrl).pathname),
    ),
    page.getByRole("button", { name: t("observation.visit.save"), exact: true }).click(),
  ]);
  // Not "networkidle": the service worker may keep fetching for the offline copy of the page.
  await expect(page.locator(".save-state")).not.toHaveText(t("observation.visit.saving"));
  await expect(page.locator("li.pending")).toHaveCount(0);
  await expect(page.getByRole("button", { name: t("observation.visit.submit") })).toBeEnabled();

  // ── 3. A reload loses nothing already saved ───────────────────────────────────────────────────
  await page.reload();
  await expect(page.locator(".notes li")).toHaveCount(1);
  await expect(page.getByText(/Tiempo en tarea de la visita: 90\s?%/)).toBeVisible();
  await expect(page.getByLabel(t("observation.visit.focus_mastered"), { exact: true })).toBeChecked();
  await expect(
    page
      .locator("fieldset.levels")
      .first()
      .getByRole("radio", { name: t("observation.level.3"), exact: true }),
  ).toBeChecked();
  const proposed = await page.getByLabel(t("observation.visit.proposed_step")).inputValue();
  expect(proposed).not.toBe("");

  // ── 4. Submit, then the feedback meeting ───────────────────────────────────────────────────────
  await page.getByRole("button", { name: t("observation.visit.submit") }).click();
  await expect(page.getByText(t("observation.status.submitted"), { exact: true })).toBeVisible();
  await page.getByRole("link", { name: t("observation.visit.hold_meeting") }).click();
  await page
    .getByLabel(t("observation.meeting.praise"), { exact: true })
    .fill(`Las instrucciones escritas funcionaron (${run}).`);
  await page
    .getByLabel(new RegExp(`^${t("observation.meeting.gap")}`))
    .fill("Falta verificar la comprensión antes de empezar.");
  await expect(page.getByLabel(t("observation.meeting.step_catalogue"))).toBeChecked();
  await page
    .getByLabel(new RegExp(`^${t("observation.meeting.plan")}`))
    .fill("Pedir a dos estudiantes repetir la instrucción.");
  await page.getByLabel(t("observation.meeting.practiced")).check();
  await page
    .getByRole("button", { name: t("observation.meeting.save", { teacher: "Daniela Soto Vergara" }) })
    .click();
  await expect(page.getByRole("heading", { name: t("observation.meeting.heading") })).toBeVisible();
  await expect(
    page.getByText(t("observation.respond.not_acknowledged", { teacher: "Daniela Soto Vergara" })),
  ).toBeVisible();

  // ── 5. The teacher gets the email, reads, acknowledges and reflects in private ─────────────────
  const email = await waitForEmail("docente@demo.impulso.cl", t("email.feedback.subject"));
  const link = linkIn(email);
  expect(link).toContain(new URL(visitUrl).pathname);
  const teacherContext = await freshContext(browser, testInfo);
  const teacherPage = await teacherContext.newPage();
  await signIn(teacherPage, "docente@demo.impulso.cl");
  await teacherPage.goto(link);
  await expect(teacherPage.getByText(`Las instrucciones escritas funcionaron (${run}).`)).toBeVisible();
  // The step this visit found achieved is headed as such, not as the step in progress.
  await expect(
    teacherPage.getByRole("heading", { name: t("observation.visit.focus_mastered_heading") }),
  ).toBeVisible();
  await teacherPage.getByRole("button", { name: t("observation.respond.acknowledge") }).click();
  await expect(teacherPage.getByText(/^Leída el /)).toBeVisible();
  await teacherPage
    .getByLabel(t("observation.respond.reflection"), { exact: true })
    .fill(`Me cuesta esperar las respuestas (${run}).`);
  await teacherPage.getByLabel(t("observation.respond.private")).check();
  await teacherPage.getByRole("button", { name: t("observation.respond.save") }).click();
  await expect(teacherPage.getByText(t("observation.respond.saved"))).toBeVisible();

  // The leader does not see a private reflection.
  await page.reload();
  await expect(page.getByText(/^Leída el /)).toBeVisible();
  await expect(page.getByText(`Me cuesta esperar las respuestas (${run}).`)).toHaveCount(0);

  // ── 6. Another teacher of the same school gets 404 ─────────────────────────────────────────────
  const colleagueContext = await freshContext(browser, testInfo);
  const colleague = await colleagueContext.newPage();
  await signIn(colleague, "docente2@demo.impulso.cl");
  const response = await colleague.goto(link);
  expect(response?.status()).toBe(404);
  await expect(colleague.getByText(`Las instrucciones escritas funcionaron (${run}).`)).toHaveCount(0);

  // ── 7. The teacher's timeline: the step mastered, the new one open, time on task over time ─────
  await teacherPage.goto("/");
  await teacherPage.getByRole("link", { name: t("home.card.development") }).click();
  await expect(
    teacherPage.getByRole("heading", { name: t("observation.development.my_title"), level: 1 }),
  ).toBeVisible();
  await expect(
    teacherPage
      .locator(".rows li", { hasText: focusTitle })
      .getByText(new RegExp(`^${t("observation.step_status.mastered")}`)),
  ).toBeVisible();
  await expect(teacherPage.locator("svg.chart circle").first()).toBeVisible();
  await teacherContext.close();
  await colleagueContext.close();

  // ── 8. The school dashboard shows it; the leader downloads the visits and the school report ──────
  await page.goto("/");
  await page
    .getByRole("link", { name: t("home.card.school_dashboard", { school: "Escuela Básica Los Aromos" }) })
    .click();
  await expect(
    page.getByRole("heading", { name: t("dashboard.school.title", { school: "Escuela Básica Los Aromos" }) }),
  ).toBeVisible();
  const overdue = page.locator("section", { hasText: t("dashboard.cadence.overdue_title") });
  await expect(overdue).toBeVisible();
  await expect(overdue.getByRole("link", { name: "Daniela Soto Vergara" })).toHaveCount(0);
  await expect(page.getByRole("img", { name: t("dashboard.coverage.chart") })).toBeVisible();
  await expect(page.getByRole("img", { name: t("dashboard.steps.chart") })).toBeVisible();
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: t("dashboard.download.csv") }).click(),
  ]);
  const csvText = readFileSync((await csv.path()) as string, "utf8");
  expect(csvText).toContain(`6° básico B ${run}`);
  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: t("dashboard.download.pdf") }).click(),
  ]);
  expect(report.suggestedFilename()).toMatch(/^informe-observacion-escuela-basica-los-aromos-.*\.pdf$/);
  const reportText = (await pdfPages(readFileSync((await report.path()) as string))).join(" ");
  expect(reportText).toContain("Escuela Básica Los Aromos");
  expect(reportText).toContain(t("dashboard.levels.title"));
});
