// Fit for a phone (issue #15, §4): the menu takes one line and opens as a disclosure, with and without
// JavaScript, marking the page one is on; a visit's levels are one compact row per indicator, still a
// radio group that works without JavaScript; a dashboard's wide table says that it scrolls.
import { expect, type Page, test } from "@playwright/test";
import { translator } from "~/messages";
import { signIn } from "./support/session";

const t = translator("es-CL");

const summary = (page: Page) => page.locator("details.menu > summary");
const nav = (page: Page) => page.getByRole("navigation", { name: t("nav.menu") });

/** The header's height, in CSS pixels (read without the page's JavaScript, which may be off). */
const headerHeight = async (page: Page) =>
  (await page.locator("header.site-header").boundingBox())?.height ?? 0;

test.describe("el menú", () => {
  test("en un teléfono ocupa una línea y se abre como un menú que marca la página actual", async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "telefono", "the phone's menu");
    // The coordinator's menu is the longest.
    await signIn(page, "coordinadora@demo.impulso.cl");
    expect(await headerHeight(page)).toBeLessThanOrEqual(64);
    await expect(summary(page)).toHaveText(t("nav.menu_button"));
    await expect(nav(page).getByRole("link", { name: t("nav.people"), exact: true })).toBeHidden();
    await summary(page).click();
    await expect(nav(page).getByRole("link", { name: t("nav.people"), exact: true })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: t("nav.home"), exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await nav(page)
      .getByRole("link", { name: t("nav.people"), exact: true })
      .click();
    await expect(page.getByRole("heading", { name: t("nav.people"), level: 1 })).toBeVisible();
    // A navigation closes the menu again; the page's own item is the current one, and only it.
    await expect(nav(page).getByRole("link", { name: t("nav.people"), exact: true })).toBeHidden();
    expect(await headerHeight(page)).toBeLessThanOrEqual(64);
    await summary(page).click();
    await expect(nav(page).locator('[aria-current="page"]')).toHaveCount(1);
    await expect(nav(page).getByRole("link", { name: t("nav.people"), exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("en un escritorio queda abierto en línea, sin botón", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "escritorio", "the desktop's menu");
    await signIn(page, "coordinadora@demo.impulso.cl");
    await expect(summary(page)).toBeHidden();
    await expect(nav(page).getByRole("link", { name: t("nav.people"), exact: true })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: t("nav.home"), exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("una docente no ve cómo administrar establecimientos", async ({ page }) => {
    await signIn(page, "docente@demo.impulso.cl");
    await expect(page.getByRole("link", { name: t("home.card.schools") })).toHaveCount(0);
    await expect(page.locator('header a[href="/establecimientos"]')).toHaveCount(0);
    await expect(page.getByRole("link", { name: t("home.card.development") })).toBeVisible();
  });
});

test.describe("sin JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("el menú se abre y lleva a otra página, marcada como la actual", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "telefono", "the phone's menu");
    await signIn(page, "directora.aromos@demo.impulso.cl");
    expect(await headerHeight(page)).toBeLessThanOrEqual(64);
    await expect(nav(page).getByRole("link", { name: t("nav.observations"), exact: true })).toBeHidden();
    await summary(page).click();
    await nav(page)
      .getByRole("link", { name: t("nav.observations"), exact: true })
      .click();
    await expect(page.getByRole("heading", { name: t("observation.list.title"), level: 1 })).toBeVisible();
    await summary(page).click();
    await expect(nav(page).getByRole("link", { name: t("nav.observations"), exact: true })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  test("los niveles de una visita son una fila por indicador, y un nivel se elige, guarda y quita", async ({
    page,
  }, testInfo) => {
    test.skip(testInfo.project.name !== "telefono", "a visit on a phone");
    await signIn(page, "director.nielol@demo.impulso.cl");
    await page.goto("/observaciones/nueva");
    await page.getByLabel(t("observation.new.teacher")).selectOption({ index: 1 });
    const instrument = page.getByLabel(t("observation.new.instrument"));
    const mbe = (await instrument.locator("option", { hasText: "MBE" }).textContent()) ?? "";
    await instrument.selectOption({ label: mbe });
    await page.getByLabel(t("observation.new.course")).fill(`7° básico ${String(Date.now()).slice(-6)}`);
    await page.getByLabel(t("observation.new.subject")).fill("Historia");
    await page.getByRole("button", { name: t("observation.new.start") }).click();
    const levels = page.locator("#niveles");
    await expect(levels.getByRole("heading", { name: t("observation.visit.levels") })).toBeVisible();

    // Every section open, as an observer scoring all of them would have it: the whole section's height.
    const sections = levels.locator("details.section");
    for (let i = 0; i < (await sections.count()); i++) {
      if ((await sections.nth(i).getAttribute("open")) === null)
        await sections.nth(i).locator("> summary").click();
    }
    const fieldsets = levels.locator("fieldset.levels");
    const count = await fieldsets.count();
    expect(count).toBeGreaterThanOrEqual(10);
    const height = Math.round((await levels.boundingBox())?.height ?? 0);
    testInfo.annotations.push({
      type: "altura de los niveles",
      description: `${height} px (${count} indicadores)`,
    });
    console.log(`Niveles: ${height} px de alto para ${count} indicadores a 390 px de ancho`);
    expect(height).toBeLessThan(3_000);
    // One row per indicator: the four levels side by side, on one line.
    const first = fieldsets.first();
    const tops: number[] = [];
    for (const cell of await first.locator(".level-cell").all())
      tops.push(Math.round((await cell.boundingBox())?.y ?? -1));
    expect(tops).toHaveLength(4);
    expect(new Set(tops).size).toBe(1);
    // The draft notice once for the instrument, not beside every indicator.
    await expect(levels.getByText(t("observation.visit.draft_notice_all"))).toHaveCount(1);

    // A real radio group: each level is a radio named by its level; "no level" is one more.
    const competent = first.getByRole("radio", { name: t("observation.level.3"), exact: true });
    await competent.check();
    await expect(first.locator(".level-desc-3")).toBeVisible();
    await page.getByRole("button", { name: t("observation.visit.save"), exact: true }).click();
    await expect(page.getByRole("heading", { name: t("observation.visit.evidence") })).toBeVisible();
    const saved = page.locator("#niveles fieldset.levels").first();
    await expect(saved.getByRole("radio", { name: t("observation.level.3"), exact: true })).toBeChecked();
    // The chosen level's name and descriptor show under the row.
    await expect(saved.locator(".level-desc-3")).toBeVisible();
    await expect(saved.locator(".level-desc-2")).toBeHidden();

    await saved.getByRole("radio", { name: t("observation.level.none"), exact: true }).check();
    await page.getByRole("button", { name: t("observation.visit.save"), exact: true }).click();
    await expect(page.getByRole("heading", { name: t("observation.visit.evidence") })).toBeVisible();
    // Without a level the section comes back closed.
    await page.locator("#niveles details.section > summary").first().click();
    const cleared = page.locator("#niveles fieldset.levels").first();
    await expect(
      cleared.getByRole("radio", { name: t("observation.level.none"), exact: true }),
    ).toBeChecked();
    await expect(
      cleared.getByRole("radio", { name: t("observation.level.3"), exact: true }),
    ).not.toBeChecked();
  });
});

test("el panel de la red dice que su tabla se desliza y no parte las cifras", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "a phone");
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/observaciones/red");
  const table = page.locator(".scroll-table").first();
  await expect(table).toBeVisible();
  const { scrolls, wraps } = await table.evaluate((box) => ({
    scrolls: box.scrollWidth > box.clientWidth,
    // a figure cell whose text lies on more than one line has wrapped
    wraps: [...box.querySelectorAll("td")].filter((td) => {
      const range = document.createRange();
      range.selectNodeContents(td);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
    }).length,
  }));
  expect(scrolls).toBe(true);
  expect(wraps).toBe(0);
  await expect(page.getByText(t("dashboard.scroll_hint")).first()).toBeVisible();
});
