import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";

test("la página de ingreso se muestra y es accesible", async ({ page }) => {
  await page.goto("/ingresar");
  await expect(page.getByRole("heading", { name: "Ingresar a Impulso" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
