// Signing in as a demo account, and a browser with nobody signed in, for the browser tests.
import { type Browser, expect, type Page, type TestInfo } from "@playwright/test";

/** The password of every demo account (src/demo/seed.ts). */
export const DEMO_PASSWORD = "impulso-demo-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/ingresar");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("heading", { name: /^Hola, / })).toBeVisible();
}

/**
 * Signing out and waiting until the sign-in page says so: a `goto` right after the click would
 * abort the sign-out request and leave the session alive (then /ingresar sends the person home).
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await page.waitForURL(/\/ingresar\?aviso=salida$/);
  await expect(page.getByLabel("Correo electrónico")).toBeVisible();
}

/** A browser context of the same size and kind as the project's, with nobody signed in. */
export async function freshContext(
  browser: Browser,
  testInfo: TestInfo,
  overrides: { timezoneId?: string } = {},
) {
  const use = testInfo.project.use;
  return browser.newContext({
    baseURL: use.baseURL,
    viewport: use.viewport,
    userAgent: use.userAgent,
    deviceScaleFactor: use.deviceScaleFactor,
    isMobile: use.isMobile,
    hasTouch: use.hasTouch,
    locale: use.locale,
    timezoneId: use.timezoneId,
    ...overrides,
  });
}
