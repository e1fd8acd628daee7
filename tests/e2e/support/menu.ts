// The main menu: on a phone it is a disclosure ("Menú") that has to be opened before its links show;
// on a desktop its links are in view.
import type { Locator, Page } from "@playwright/test";

/** The main menu's link with this name, the menu opened first where it is closed. */
export async function menuLink(page: Page, name: string): Promise<Locator> {
  const menu = page.locator("details.menu");
  const summary = menu.locator("> summary");
  if ((await summary.isVisible()) && !(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await summary.click();
  }
  return page.getByRole("navigation", { name: "Menú principal" }).getByRole("link", { name, exact: true });
}
