// Journey 8 (product.md): a school's director opens a well-being pulse; a teacher finds it on her home
// page and answers it on a phone in under a minute; the director sees the school's figures only once
// five or more have answered (before that: "aún no hay respuestas suficientes", not even how many).
import { expect, type Page, test } from "@playwright/test";
import { translator } from "~/messages";
import { freshContext, signIn, signOut } from "./support/session";

const t = translator("es-CL");

/** Answers the pulse titled `title` from the person's home page, one choice per question. */
async function answer(page: Page, title: string, choice: number): Promise<void> {
  await page.goto("/");
  await page
    .getByRole("listitem")
    .filter({ hasText: title })
    .getByRole("link", { name: t("wellbeing.list.answer") })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const questions = page.locator("fieldset.pulse-question");
  const count = await questions.count();
  expect(count).toBeGreaterThanOrEqual(5);
  expect(count).toBeLessThanOrEqual(8);
  for (let i = 0; i < count; i++)
    await questions
      .nth(i)
      .getByRole("radio", { name: new RegExp(`^${choice}`) })
      .check();
  await page.getByRole("button", { name: t("wellbeing.answer.submit") }).click();
  await expect(page.getByText(t("wellbeing.answer.sent"))).toBeVisible();
}

test("a teacher answers the school's pulse on a phone; the director sees figures only from five answers", async ({
  page,
  browser,
}, testInfo) => {
  const title = `Pulso de bienestar de diciembre (${testInfo.project.name})`;
  await signIn(page, "directora.aromos@demo.impulso.cl");
  await page.goto("/bienestar/nuevo");
  await page.getByLabel(t("wellbeing.field.title")).fill(title);
  await page.getByLabel(t("wellbeing.field.scope")).selectOption({ label: "Escuela Básica Los Aromos" });
  await page.getByLabel(t("wellbeing.field.days")).fill("7");
  await page.getByRole("button", { name: t("wellbeing.new.submit") }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const pulseUrl = new URL(page.url()).pathname;
  await signOut(page);

  // the teacher, on her phone: from the home page's card to "sent", timed
  const teacher = await (await freshContext(browser, testInfo)).newPage();
  await signIn(teacher, "docente@demo.impulso.cl");
  await expect(teacher.getByText(t("wellbeing.home.intro")).first()).toBeVisible();
  const started = Date.now();
  await answer(teacher, title, 4);
  expect(Date.now() - started).toBeLessThan(60_000);
  // once only
  await teacher.goto(pulseUrl);
  await expect(teacher.getByText(t("wellbeing.answer.already"))).toBeVisible();
  await expect(teacher.getByRole("button", { name: t("wellbeing.answer.submit") })).toHaveCount(0);
  await teacher.context().close();

  // three colleagues more: four answers, still no figures
  for (const email of ["docente2@demo.impulso.cl", "mentor@demo.impulso.cl", "utp.aromos@demo.impulso.cl"]) {
    const colleague = await (await freshContext(browser, testInfo)).newPage();
    await signIn(colleague, email);
    await answer(colleague, title, 3);
    await colleague.context().close();
  }
  await signIn(page, "directora.aromos@demo.impulso.cl");
  await page.goto(pulseUrl);
  // not even how many: each arrival would show
  await expect(page.getByText(t("wellbeing.results.not_enough"))).toBeVisible();
  await expect(page.getByText(t("wellbeing.results.answers", { count: 4 }))).toHaveCount(0);
  // no table of the questions' figures (the trend of earlier pulses may show)
  const figures = page.getByRole("table").filter({
    has: page.getByRole("columnheader", { name: t("wellbeing.results.question") }),
  });
  await expect(figures).toHaveCount(0);

  // the fifth, a teacher of the school: the figures show (the director did not answer: who answered
  // sees a group from ten, as they could take their own answer away from five)
  const fifth = await (await freshContext(browser, testInfo)).newPage();
  await signIn(fifth, "camila.gonzalez0@demo.impulso.cl");
  await answer(fifth, title, 5);
  await fifth.context().close();
  await page.goto(pulseUrl);
  await expect(page.getByText(t("wellbeing.results.answers", { count: 5 })).first()).toBeVisible();
  await expect(page.getByText(t("wellbeing.results.not_enough"))).toHaveCount(0);
  const table = figures.first();
  await expect(table).toBeVisible();
  // every question's mean is (4 + 3 + 3 + 3 + 5) / 5 = 3,6
  await expect(table.getByRole("row").filter({ hasText: t("wellbeing.results.overall") })).toContainText(
    "3,6",
  );
});
