// Capturing a visit without connection (issue #15 §2), on a phone, with the production build and its
// service worker: prepared once online, a visit is started and captured offline, survives closing the
// page, and reaches the server once when the connection returns; a lost acknowledgement stores one
// record; a change the server refuses stays on the phone with its text and the reason.
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { translator } from "~/messages";
import { signIn } from "./support/session";

const t = translator("es-CL");

/** Opens the observations once online and waits until the phone keeps the capture page. */
async function prepare(page: Page) {
  await signIn(page, "director.nielol@demo.impulso.cl");
  await page.goto("/observaciones");
  await expect
    .poll(() => page.evaluate(async () => Boolean(await caches.match("/observaciones/captura"))), {
      timeout: 15_000,
    })
    .toBe(true);
}

async function startOnPhone(page: Page, course: string) {
  await page.getByLabel(t("observation.new.teacher")).selectOption({ index: 1 });
  await page.getByLabel(t("observation.new.course")).fill(course);
  await page.getByLabel(t("observation.new.subject")).fill("Ciencias Naturales");
  await page.getByRole("button", { name: t("observation.new.start") }).click();
  await expect(page.getByRole("heading", { name: t("observation.visit.evidence") })).toBeVisible();
  return new URL(page.url()).searchParams.get("visita") as string;
}

/** A visit started on the capture page with the connection on, once the server has it. */
async function startOnline(page: Page, course: string) {
  await page.goto("/observaciones/captura");
  const id = await startOnPhone(page, course);
  await expect(page.getByText(t("observation.visit.pending_count", { count: 1 }))).toHaveCount(0, {
    timeout: 15_000,
  });
  return id;
}

async function addNote(page: Page, text: string) {
  await page.getByLabel(t("observation.visit.note"), { exact: true }).fill(text);
  await page.getByRole("button", { name: t("observation.visit.add_note") }).click();
  await expect(page.locator("ol.notes li", { hasText: text })).toHaveCount(1);
}

const onServer = async (context: BrowserContext, id: string) => {
  const page = await context.newPage();
  await page.goto(`/observaciones/${id}`);
  const notes = await page.locator("ol.notes li:not(.pending)").count();
  const snapshots = await page.locator("#tiempo-en-tarea ul.rows li:not(.pending)").count();
  await page.close();
  return { notes, snapshots };
};

test("sin conexión: una visita con 20 evidencias, 3 registros y niveles llega una vez al volver la conexión, con dos pestañas", async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "a phone in a classroom");
  test.setTimeout(120_000);
  await prepare(page);
  await context.setOffline(true);
  // "Nueva visita" without connection: the capture page, which starts visits on the phone.
  await page.goto("/observaciones/nueva");
  await expect(page).toHaveURL(/\/observaciones\/captura$/);
  const id = await startOnPhone(page, `5° básico ${String(Date.now()).slice(-6)}`);
  for (let i = 1; i <= 20; i++) await addNote(page, `Evidencia ${i} sin conexión`);
  for (const [onTask, present] of [
    ["20", "30"],
    ["25", "30"],
    ["28", "30"],
  ]) {
    await page.getByLabel(t("observation.visit.on_task_count"), { exact: true }).fill(onTask);
    await page.getByLabel(t("observation.visit.present_count"), { exact: true }).fill(present);
    await page.getByRole("button", { name: t("observation.visit.add_snapshot") }).click();
  }
  await page.locator("details.section summary").first().click();
  await page
    .locator("fieldset.levels")
    .first()
    .getByRole("radio", { name: t("observation.level.3") })
    .check();
  const waiting = t("observation.visit.pending_count", { count: 25 });
  await expect(page.getByText(waiting)).toBeVisible();

  // The page is closed and opened again, still without connection: everything is still queued.
  await page.close();
  const again = await context.newPage();
  await again.goto(`/observaciones/captura?visita=${id}`);
  await expect(again.getByText(waiting)).toBeVisible();
  await expect(again.locator("ol.notes li")).toHaveCount(20);

  // A second tab on the same phone: both try to send when the connection returns.
  const second = await context.newPage();
  await second.goto("/observaciones/captura");
  await expect(second.getByText(waiting)).toBeVisible();

  // The connection returns: sent in order, once.
  await context.setOffline(false);
  await expect(again.getByText(waiting)).toHaveCount(0, { timeout: 30_000 });
  await expect(second.getByText(t("capture.all_sent"))).toBeVisible({ timeout: 30_000 });
  expect(await onServer(context, id)).toEqual({ notes: 20, snapshots: 3 });
  // Sent again (a second tab, a retry): nothing doubles.
  await again.getByRole("button", { name: t("capture.back") }).click();
  await expect(again.getByText(t("capture.all_sent"))).toBeVisible();
  expect(await onServer(context, id)).toEqual({ notes: 20, snapshots: 3 });
});

test("una visita abierta en línea se vuelve a abrir sin conexión desde la copia del teléfono, descargada una vez", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "a phone in a classroom");
  test.setTimeout(90_000);
  await prepare(page);
  const id = await startOnline(page, `9° básico ${String(Date.now()).slice(-6)}`);
  // Another phone of the same leader opens the visit from a link: its first page of the app.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const other = await phone.newPage();
  await signIn(other, "director.nielol@demo.impulso.cl");
  const downloads: Array<Promise<number>> = [];
  phone.on("requestfinished", (request) => {
    if (new URL(request.url()).pathname !== `/observaciones/${id}`) return;
    downloads.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
  });
  await other.goto(`/observaciones/${id}`);
  await expect(other.getByRole("heading", { name: t("observation.visit.evidence") })).toBeVisible();
  // The service worker keeps the copy the browser has just downloaded, not a second download.
  await expect
    .poll(() => other.evaluate(async (path) => Boolean(await caches.match(path)), `/observaciones/${id}`), {
      timeout: 15_000,
    })
    .toBe(true);
  const bytes = await Promise.all(downloads);
  expect(bytes.filter((b) => b > 0)).toHaveLength(1);

  // No connection: the visit opens again and takes a note, which waits on the phone.
  await phone.setOffline(true);
  await other.reload();
  await expect(other.getByRole("heading", { name: t("observation.visit.evidence") })).toBeVisible();
  await other.getByLabel(t("observation.visit.note"), { exact: true }).fill("Nota en la copia del teléfono");
  await other.getByRole("button", { name: t("observation.visit.add_note") }).click();
  await expect(other.getByText(t("observation.visit.pending_count", { count: 1 }))).toBeVisible();
  await phone.setOffline(false);
  await expect(other.getByText(t("observation.visit.pending_count", { count: 1 }))).toHaveCount(0, {
    timeout: 30_000,
  });
  expect((await onServer(phone, id)).notes).toBe(1);
  await phone.close();
});

test("una respuesta perdida guarda una vez; un cambio rechazado queda con su texto y el motivo", async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "a phone in a classroom");
  test.setTimeout(90_000);
  await prepare(page);
  const id = await startOnline(page, `6° básico ${String(Date.now()).slice(-6)}`);

  // The server stores the note; its answer is lost on the way back.
  let dropped = 0;
  await page.route("**/cambios", async (route) => {
    if (dropped++ > 0) return route.continue();
    await route.fetch();
    await route.abort("connectionreset");
  });
  await addNote(page, "Nota cuya respuesta se pierde");
  await expect(page.getByText(t("observation.visit.pending_count", { count: 1 }))).toBeVisible();
  await page.getByRole("button", { name: t("observation.visit.sync_now") }).click();
  await expect(page.getByText(t("observation.visit.pending_count", { count: 1 }))).toHaveCount(0);
  expect((await onServer(context, id)).notes).toBe(1);

  // Meanwhile the draft is discarded on the server: the next note is refused and stays.
  const other = await context.newPage();
  await other.goto(`/observaciones/${id}`);
  await other.getByRole("button", { name: t("observation.visit.discard") }).click();
  await other.waitForURL(/\/observaciones$/);
  await other.close();
  await addNote(page, "Nota para una visita descartada");
  await expect(page.getByRole("heading", { name: t("capture.not_sent") })).toBeVisible();
  await expect(page.getByText(t("observation.errors.visit_closed"), { exact: false })).toBeVisible();
  await expect(page.getByText("Nota para una visita descartada").first()).toBeVisible();
});

test("un nivel cambiado sin conexión en el teléfono y en línea en otro equipo: queda el último que llega y los dos en el historial", async ({
  page,
  context,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "a phone in a classroom");
  test.setTimeout(90_000);
  await prepare(page);
  const id = await startOnline(page, `7° básico ${String(Date.now()).slice(-6)}`);
  // The levels section opens by itself once a level is set: opened here only when closed.
  const openLevels = async (p: Page) => {
    const section = p.locator("details.section").first();
    if (!(await section.evaluate((e) => (e as HTMLDetailsElement).open)))
      await section.locator("> summary").click();
  };
  const level = (p: Page, n: 1 | 2 | 3 | 4) =>
    p
      .locator("fieldset.levels")
      .first()
      .getByRole("radio", { name: t(`observation.level.${n}`), exact: true });

  // The phone loses the connection; its leader writes Básico on the first indicator.
  await context.setOffline(true);
  await openLevels(page);
  await level(page, 2).check();
  await expect(page.getByText(t("observation.visit.pending_count", { count: 1 }))).toBeVisible();

  // Meanwhile, on a computer with connection, the same leader writes Competente.
  const computer = await browser.newContext();
  const desk = await computer.newPage();
  await signIn(desk, "director.nielol@demo.impulso.cl");
  await desk.goto(`/observaciones/${id}`);
  await openLevels(desk);
  await level(desk, 3).check();
  await expect(desk.locator(".save-state")).toContainText(
    t("observation.visit.saved_at", { time: "" }).trim(),
  );

  // The phone's connection returns: its change arrives last and is the one the visit keeps.
  await context.setOffline(false);
  await expect(page.getByText(t("observation.visit.pending_count", { count: 1 }))).toHaveCount(0, {
    timeout: 30_000,
  });
  await desk.reload();
  await openLevels(desk);
  await expect(level(desk, 2)).toBeChecked();
  const history = desk.locator("details.history");
  await history.locator("summary").click();
  await expect(history.locator("summary")).toHaveText(t("observation.history.heading", { count: 2 }));
  const none = t("observation.history.none");
  await expect(history.locator("li").nth(0)).toContainText(
    `${t("observation.level.3")} → ${t("observation.level.2")}`,
  );
  await expect(history.locator("li").nth(1)).toContainText(`${none} → ${t("observation.level.3")}`);
  await computer.close();
});

test("cerrar la sesión con cambios sin enviar lo advierte; los cambios quedan y se envían al volver a ingresar", async ({
  page,
  context,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "a phone in a classroom");
  test.setTimeout(90_000);
  await prepare(page);
  // The server cannot be reached for the changes (a dead wifi that still says it is connected). On the
  // context: the page's own routes do not see what passes through its service worker.
  await context.route("**/cambios", (route) => route.abort("internetdisconnected"));
  await page.goto("/observaciones/captura");
  const id = await startOnPhone(page, `8° básico ${String(Date.now()).slice(-6)}`);
  await addNote(page, "Nota que espera en el teléfono");
  const waiting = t("observation.visit.pending_count", { count: 2 });
  await expect(page.getByText(waiting)).toBeVisible();

  // Signing out asks first; "Cancelar" keeps the session and the changes.
  const signOut = page.getByRole("button", { name: t("nav.sign_out") });
  const asked: string[] = [];
  page.once("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await signOut.click();
  await expect.poll(() => asked).toEqual([t("capture.sign_out_warning", { count: 2 })]);
  await expect(page).toHaveURL(/\/observaciones\/captura/);
  await expect(page.getByText(waiting)).toBeVisible();

  // Accepted: signed out; the changes stay on the phone and reach the server after signing in again.
  page.once("dialog", (dialog) => void dialog.accept());
  await signOut.click();
  await expect(page).toHaveURL(/\/ingresar/);
  await context.unroute("**/cambios");
  await signIn(page, "director.nielol@demo.impulso.cl");
  await page.goto("/observaciones/captura");
  await expect(page.getByText(t("capture.all_sent"))).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await onServer(context, id)).notes, { timeout: 15_000 }).toBe(1);
});
