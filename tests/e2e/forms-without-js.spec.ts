// Every form works before JavaScript loads: here with JavaScript off altogether. A refused form shows
// the Spanish message beside the field and keeps what the person typed.
import { expect, test } from "@playwright/test";

test.use({ javaScriptEnabled: false });

test("sin JavaScript, un ingreso fallido explica el error y conserva el correo", async ({ page }) => {
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill("coordinadora@demo.impulso.cl");
  await page.getByLabel("Contraseña").fill("no-es-la-clave");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("alert")).toHaveText("El correo o la contraseña no son correctos.");
  await expect(page.getByLabel("Correo electrónico")).toHaveValue("coordinadora@demo.impulso.cl");
});

test("sin JavaScript, una invitación con RUT y correo inválidos muestra cada error junto a su campo", async ({
  page,
}) => {
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill("directora.aromos@demo.impulso.cl");
  await page.getByLabel("Contraseña").fill("impulso-demo-2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("heading", { name: /^Hola, / })).toBeVisible();
  await page
    .getByRole("link", { name: /Invitar a una persona a/ })
    .first()
    .click();
  await page.getByLabel("Nombres").fill("Matías");
  await page.getByLabel("Apellidos").fill("Ñancupil Soto");
  await page.getByLabel("Correo electrónico").fill("matias@");
  await page.getByLabel("RUT").fill("12.345.678-9");
  await page.getByRole("button", { name: "Enviar invitación" }).click();
  await expect(page.getByText("Escriba un correo válido, por ejemplo nombre@colegio.cl.")).toBeVisible();
  await expect(
    page.getByText("El RUT no es válido: revise los dígitos y el dígito verificador."),
  ).toBeVisible();
  await expect(page.getByLabel("Nombres")).toHaveValue("Matías");
  await expect(page.getByLabel("Apellidos")).toHaveValue("Ñancupil Soto");
  await expect(page.getByLabel("RUT")).toHaveValue("12.345.678-9");
  await expect(page.getByLabel("RUT")).toHaveAttribute("aria-invalid", "true");
});

test("sin JavaScript, reenviar «Agregar el paso» tras perder la respuesta agrega un solo paso", async ({
  page,
}, testInfo) => {
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill("coordinadora@demo.impulso.cl");
  await page.getByLabel("Contraseña").fill("impulso-demo-2026");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("heading", { name: /^Hola, / })).toBeVisible();
  await page.goto("/pasos/nuevo");
  const title = `Pedir que cada estudiante escriba su respuesta antes de compartir (${testInfo.project.name} ${Date.now()})`;
  await page.getByLabel("Categoría").selectOption({ index: 1 });
  await page.getByLabel("Paso de acción").fill(title);
  await page.getByLabel("Cómo se ve cuando está logrado").fill("Todos escriben antes de que alguien hable.");
  // The server receives the form and answers, but the answer never reaches the phone (a timeout).
  let sent: string | null = null;
  await page.route(
    "**/pasos/nuevo",
    async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      sent = route.request().postData();
      await route.fetch();
      await route.abort("timedout");
    },
    { times: 1 },
  );
  await page
    .getByRole("button", { name: "Agregar el paso" })
    .click()
    .catch(() => {});
  await expect.poll(() => sent).not.toBeNull();
  expect(sent).toContain("_key=");
  // The browser sends the very same form again (the person retries).
  const retry = await page.request.post("/pasos/nuevo", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: sent as unknown as string,
    maxRedirects: 0,
  });
  expect(retry.status()).toBe(302);
  expect(retry.headers().location).toMatch(/^\/pasos\?aviso=creado#paso-/);
  // (read without navigating the tab, which is still showing the lost answer's error page)
  const list = await (await page.request.get("/pasos")).text();
  expect(list.split(`<p class="step-title">${title}</p>`).length - 1).toBe(1);
});
