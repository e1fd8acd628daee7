// A visit in a classroom with a weak connection (issue #15, §1 "Nothing typed is lost"), on a phone:
// a note added while the answer is slow leaves the next note being typed alone; a note added with no
// connection is kept on the phone, survives a reload, and is sent once when the connection returns.
import { expect, type Page, test } from "@playwright/test";
import { translator } from "~/messages";
import { signIn } from "./support/session";

const t = translator("es-CL");

async function startVisit(page: Page, course: string) {
  await signIn(page, "director.nielol@demo.impulso.cl");
  await page.goto("/observaciones/nueva");
  await page.getByLabel(t("observation.new.teacher")).selectOption({ index: 1 });
  await page.getByLabel(t("observation.new.course")).fill(course);
  await page.getByLabel(t("observation.new.subject")).fill("Matemática");
  await page.getByRole("button", { name: t("observation.new.start") }).click();
  await expect(page.getByRole("heading", { name: t("observation.visit.evidence") })).toBeVisible();
}

const noteBox = (page: Page) => page.getByLabel(t("observation.visit.note"), { exact: true });
const savedNotes = (page: Page) => page.locator("ol.notes li:not(.pending)");

test("una nota agregada con respuesta lenta no borra la siguiente que se escribe", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "a phone in a classroom");
  const run = String(Date.now()).slice(-6);
  await startVisit(page, `3° básico ${run}`);
  // Every change answers 1.5 s late.
  await page.route("**/cambios", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await noteBox(page).fill("Primera nota: la docente modela el ejercicio.");
  await page.getByRole("button", { name: t("observation.visit.add_note") }).click();
  await expect(page.locator("ol.notes li.pending")).toContainText("Primera nota");
  await noteBox(page).pressSequentially("Segunda nota en curso");
  await expect(savedNotes(page)).toHaveCount(1, { timeout: 10_000 });
  await expect(savedNotes(page).first()).toContainText("Primera nota");
  await expect(noteBox(page)).toHaveValue("Segunda nota en curso");
  await page.getByRole("button", { name: t("observation.visit.add_note") }).click();
  await expect(savedNotes(page)).toHaveCount(2, { timeout: 10_000 });
  await page.reload();
  await expect(savedNotes(page)).toHaveCount(2);
});

test("una nota agregada sin conexión queda en el teléfono, sobrevive a una recarga y se envía una vez", async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "a phone in a classroom");
  const run = String(Date.now()).slice(-6);
  await startVisit(page, `4° básico ${run}`);
  await context.setOffline(true);
  await noteBox(page).fill("Nota sin conexión: 20 de 31 trabajan en parejas.");
  await page.getByRole("button", { name: t("observation.visit.add_note") }).click();
  await expect(page.getByText(t("observation.visit.pending_count", { count: 1 }))).toBeVisible();
  await expect(page.locator("ol.notes li.pending")).toContainText("Nota sin conexión");
  // Something typed and not yet added is kept too.
  await noteBox(page).fill("Otra nota a medio escribir");
  // The connection comes back but the server is still out of reach; the page is reloaded.
  await page.route("**/cambios", (route) => route.abort("internetdisconnected"));
  await context.setOffline(false);
  await page.reload();
  await expect(page.locator("ol.notes li.pending")).toContainText("Nota sin conexión");
  await expect(noteBox(page)).toHaveValue("Otra nota a medio escribir");
  await expect(savedNotes(page)).toHaveCount(0);
  // The server answers again: "Sincronizar ahora" sends it, once.
  await page.unroute("**/cambios");
  // The queue also tries again by itself every few seconds; whichever comes first sends it.
  const syncNow = page.getByRole("button", { name: t("observation.visit.sync_now") });
  await syncNow.click({ timeout: 5_000 }).catch(() => expect(syncNow).toHaveCount(0));
  await expect(savedNotes(page)).toHaveCount(1, { timeout: 10_000 });
  await expect(page.locator("ol.notes li.pending")).toHaveCount(0);
  await expect(page.getByText(t("observation.visit.pending_count", { count: 1 }))).toHaveCount(0);
  await page.reload();
  await expect(savedNotes(page)).toHaveCount(1);
  await expect(savedNotes(page).first()).toContainText("Nota sin conexión");
});
