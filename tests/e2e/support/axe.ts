// Accessibility check with axe-core: fails on every violation whose impact is serious or critical.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

export interface A11yOptions {
  /** CSS selectors to leave out of the check */
  exclude?: string[];
  /** axe rule ids to turn off (say why next to the call) */
  disableRules?: string[];
}

export async function expectNoSeriousA11yViolations(page: Page, options: A11yOptions = {}): Promise<void> {
  // Legacy mode: one axe.run in the page. The default runs axe in each frame and then opens a new page
  // to put the results together, a third of every check's time; our pages have no frames to reach.
  let builder = new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) => `    · ${n.target.join(" ")}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
        )
        .join("\n");
      const more = v.nodes.length > 5 ? `\n    … y ${v.nodes.length - 5} elemento(s) más` : "";
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n\n");
  if (serious.length > 0) {
    await test.info().attach("axe-violations.json", {
      body: JSON.stringify(serious, null, 2),
      contentType: "application/json",
    });
  }
  expect(serious.length, `Problemas de accesibilidad graves en ${page.url()}:\n\n${report}\n`).toBe(0);
}
