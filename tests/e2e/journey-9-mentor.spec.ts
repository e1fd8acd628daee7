// Journey 9 (issue #18): the coordinator opens the demo mentor's candidacy on the "Diplomado de
// mentoría", every requirement met with its evidence, and certifies her; the mentor gets her certificate
// by email, and a stranger checks it at the address its QR code holds. A candidacy still in progress
// offers no certification.
import { expect, test } from "@playwright/test";
import { translator } from "~/messages";
import { pdfPages } from "~/platform/testing/pdf";
import { waitForEmail } from "./support/mailbox";
import { freshContext, signIn, signOut } from "./support/session";

const t = translator("es-CL");

test("la coordinadora certifica a una mentora que cumplió la trayectoria y un desconocido verifica su certificado", async ({
  page,
  browser,
}, testInfo) => {
  // one run: certifying happens once on the shared demo (a coordinator's desk work)
  test.skip(testInfo.project.name !== "escritorio", "one run is enough: the demo mentor is certified once");
  test.setTimeout(120_000);

  // ── The coordinator opens the track and the candidate in progress: nothing to certify yet ────────
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/mentoria/certificacion");
  await page.getByRole("link", { name: "Diplomado de mentoría" }).click();
  await expect(page.getByRole("heading", { name: "Diplomado de mentoría", level: 1 })).toBeVisible();
  await expect(page.getByText(t("mentoringTrack.complete"))).toBeVisible();
  await page.getByRole("link", { name: "Marcela Fuentes Araya" }).click();
  await expect(page.getByText(t("mentoringTrack.certify.not_ready"))).toBeVisible();
  await expect(page.getByRole("button", { name: t("mentoringTrack.certify.submit") })).toHaveCount(0);

  // ── The complete candidate: each requirement met, linked to its evidence; she is certified ───────
  await page.goBack();
  await page.getByRole("link", { name: "Andrea Moreno Lillo" }).click();
  await expect(
    page.getByRole("heading", { name: /Andrea Moreno Lillo: Diplomado de mentoría/ }),
  ).toBeVisible();
  await expect(page.getByText(t("mentoringTrack.item.met"))).toHaveCount(3);
  await expect(page.getByText("2 de 2")).toBeVisible();
  await expect(
    page.getByRole("link", { name: /Revisión de Carolina Henríquez Lagos/ }).first(),
  ).toBeVisible();
  await expect(page.getByText(t("mentoringTrack.certify.ready"))).toBeVisible();
  await page.getByRole("button", { name: t("mentoringTrack.certify.submit") }).click();
  await expect(page.getByText(t("mentoringTrack.notice.certified"))).toBeVisible();
  const code = /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(
    (await page.getByRole("link", { name: /Página pública del certificado/ }).textContent()) ?? "",
  )?.[0];
  expect(code).toBeTruthy();
  await expect(page.getByRole("button", { name: t("mentoringTrack.certify.submit") })).toHaveCount(0);
  await signOut(page);

  // ── The mentor downloads it from her email; a stranger checks the address its QR code holds ──────
  const email = await waitForEmail("mentor@demo.impulso.cl", "Su certificado de mentor");
  const download = email.links.find((l) => l.includes("/descargar?clave="));
  expect(download).toBeTruthy();
  const pdf = await page.request.get(download ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const [text] = await pdfPages(new Uint8Array(await pdf.body()));
  expect(text).toContain("Andrea Moreno Lillo");
  expect(text).toContain("Diplomado de mentoría");
  // the address printed under the QR code (the same text the code holds), however the lines broke it
  const address = /\/certificados\/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(
    (text ?? "").replace(/\s+/g, ""),
  )?.[0];
  expect(address).toBe(`/certificados/${code}`);
  const stranger = await freshContext(browser, testInfo);
  const verifier = await stranger.newPage();
  await verifier.goto(address ?? "");
  await expect(verifier.getByText(t("learning.verify.valid"))).toBeVisible();
  await expect(verifier.getByText("Andrea Moreno Lillo")).toBeVisible();
  await expect(verifier.getByText("Diplomado de mentoría")).toBeVisible();
  await expect(verifier.getByText("120 horas")).toBeVisible();
  await expect(verifier.locator("script")).toHaveCount(0);
  await stranger.close();

  // ── The mentor sees her track certified ─────────────────────────────────────────────────────────
  await signIn(page, "mentor@demo.impulso.cl");
  await page.goto("/mentoria/certificacion");
  await expect(page.getByText(/Certificado el/)).toBeVisible();
});
