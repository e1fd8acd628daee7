// Journey 6 (product.md): a teacher shares a practice that shows her students: it cannot be published
// until she records the families' consent; she uploads a short classroom clip (in resumable parts, from
// the page's own uploader) and publishes it to the network. A colleague finds it by searching without
// accents, marks "me sirvió" and comments at a moment of the clip. When consent is withdrawn the
// practice leaves the colleague's reach at once.
import { expect, test } from "@playwright/test";
import { translator } from "~/messages";
import { freshContext, signIn, signOut } from "./support/session";

const t = translator("es-CL");

/** The first bytes of an MP4 file (an ISO "ftyp" box), then filler: what a phone's clip starts with. */
function tinyClip(): Buffer {
  const header = Buffer.from([
    0,
    0,
    0,
    0x18,
    ...Buffer.from("ftypmp42"),
    0,
    0,
    0,
    0,
    ...Buffer.from("mp42isom"),
  ]);
  return Buffer.concat([header, Buffer.alloc(64 * 1024, 7)]);
}

test("a teacher shares a practice and a colleague finds it by searching without accents", async ({
  page,
  browser,
}, testInfo) => {
  const title = `Retroalimentación oral con semáforo ${testInfo.project.name}`;
  await signIn(page, "docente@demo.impulso.cl");
  await page.goto("/practicas");
  await page.getByRole("link", { name: t("practices.share") }).click();
  await page.getByLabel(t("practices.field.title")).fill(title);
  await page
    .getByLabel(t("practices.field.problem"))
    .fill("Mis estudiantes no sabían si iban bien hasta la prueba.");
  await page
    .getByLabel(t("practices.field.how_to"))
    .fill(
      "1. Cada estudiante muestra una tarjeta verde, amarilla o roja.\n2. Retroalimento primero a los rojos.",
    );
  await page.getByLabel(t("practices.field.subject")).selectOption("mathematics");
  await page.getByLabel(t("practices.standard.8")).check();
  await page.getByLabel(t("practices.visibility.network")).check();
  await page.getByLabel(t("practices.field.shows_students")).check();
  await page.getByRole("button", { name: t("practices.new.save") }).click();
  await expect(page.getByText(t("practices.new.created"))).toBeVisible();

  // it shows students: no publishing before consent
  await expect(page.getByText(t("practices.consent.needed"))).toBeVisible();
  await expect(page.getByRole("button", { name: /^Publicar/ })).toHaveCount(0);
  await page.getByLabel(t("practices.consent.by")).fill("Apoderados del 6° básico A");
  await page.getByLabel(t("practices.consent.on")).fill("2026-11-20");
  await page.getByLabel(t("practices.consent.use")).fill("Compartir con docentes de la red");
  await page.getByRole("button", { name: t("practices.consent.record") }).click();
  await expect(page.getByText(t("practices.consent.recorded"))).toBeVisible();

  // the clip, sent by the page's resumable uploader
  await page.getByLabel(t("files.resumable.choose")).setInputFiles({
    name: "clase.mp4",
    mimeType: "video/mp4",
    buffer: tinyClip(),
  });
  await page.getByRole("button", { name: t("practices.video.upload") }).click();
  await expect(page.getByText(t("files.resumable.done"))).toBeVisible();
  await expect(page.getByRole("link", { name: t("practices.video.current") })).toBeVisible();

  await page.getByRole("button", { name: /^Publicar/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator("video#video")).toHaveAttribute("src", /\/video$/);
  const practiceUrl = new URL(page.url()).pathname;
  await signOut(page);

  // a colleague of another role at the school searches without accents
  const colleague = await (await freshContext(browser, testInfo)).newPage();
  await signIn(colleague, "directora.aromos@demo.impulso.cl");
  await colleague.goto("/practicas");
  await colleague.getByLabel(t("practices.search.words")).fill("retroalimentacion semaforo");
  await colleague.getByRole("button", { name: t("practices.search.submit") }).click();
  await expect(colleague).toHaveURL(/q=retroalimentacion\+semaforo/);
  await colleague.getByRole("link", { name: title }).click();
  await expect(colleague.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await colleague.getByRole("button", { name: t("practices.helpful") }).click();
  await expect(colleague.getByText(t("practices.helpful_count", { count: 1 }))).toBeVisible();
  await colleague.getByLabel(t("practices.comments.field")).fill("El semáforo del final es muy claro.");
  await colleague.getByLabel(t("practices.comments.moment")).fill("0:05");
  await colleague.getByRole("button", { name: t("practices.comments.send") }).click();
  await expect(colleague.getByText("min 0:05 — El semáforo del final es muy claro.")).toBeVisible();
  // the moment is a link that plays the clip from there
  await expect(
    colleague.getByRole("link", { name: t("practices.comments.play_from", { moment: "0:05" }) }),
  ).toHaveAttribute("href", `${practiceUrl}?t=5#video`);

  // the families withdraw their consent: the practice leaves the colleague's reach at once
  await signIn(page, "docente@demo.impulso.cl");
  await page.goto(`${practiceUrl}/editar`);
  await page.getByRole("button", { name: t("practices.consent.withdraw") }).click();
  await expect(page.getByText(t("practices.consent.withdrawn"))).toBeVisible();
  const gone = await colleague.goto(practiceUrl);
  expect(gone?.status()).toBe(404);
  await colleague.goto(`/practicas?q=${encodeURIComponent("retroalimentacion semaforo")}`);
  await expect(colleague.getByRole("link", { name: title })).toHaveCount(0);
  await colleague.context().close();
});
