// The crawl: every demo account (both organizations) follows every link of every page it reaches,
// breadth first, and every link must lead to a page that person may open (200, not the not-found page,
// not the sign-in page). A link that leads a coordinator to a 404 is a defect even when the 404 is
// right. Downloads (PDF, CSV, XLSX, ZIP) are fetched too. Links are read from the pages as served, so a
// new page or link is crawled without a change here. Desktop only: both sizes get the same links.
import { expect, type TestInfo, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/session";

test.describe.configure({ mode: "parallel" });

const ACCOUNTS = [
  "coordinadora@demo.impulso.cl",
  "admin@demo.impulso.cl",
  "directora.aromos@demo.impulso.cl",
  "mentor@demo.impulso.cl",
  "docente@demo.impulso.cl",
  "admin@litoral.demo.impulso.cl",
  "directora@litoral.demo.impulso.cl",
  "docente@litoral.demo.impulso.cl",
];
/** Pages per account: enough to reach every kind of page from the menu, bounded in time. */
const MAX_PAGES = 150;

const decode = (href: string) =>
  href
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"');

/** The same-site links of a page (not assets, not fragments of the same page, not sign-out). */
function linksOf(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
    const href = decode(match[1]).replace(/#.*$/, "");
    if (!href.startsWith("/") || href.startsWith("//") || href.startsWith("/assets/")) continue;
    links.add(href);
  }
  return [...links];
}

/** Many links differ only in an id or a page number: one of each shape is enough past a point. */
const shapeOf = (href: string) =>
  href.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ":id").replace(/=\d+/g, "=n");

for (const email of ACCOUNTS) {
  test(`cada enlace que ve ${email} lleva a una página que puede abrir`, async ({
    page,
  }, testInfo: TestInfo) => {
    test.skip(testInfo.project.name !== "escritorio", "los enlaces son los mismos en ambos tamaños");
    test.setTimeout(180_000);
    const signIn = await page.request.post("/ingresar", { form: { email, password: DEMO_PASSWORD } });
    expect(signIn.status(), "ingreso").toBe(200);
    expect(await signIn.text()).toContain("Cerrar sesión");

    const seen = new Set<string>(["/"]);
    const shapes = new Map<string, number>();
    const queue: Array<{ href: string; from: string }> = [{ href: "/", from: "(inicio)" }];
    const broken: string[] = [];
    let fetched = 0;
    while (queue.length && fetched < MAX_PAGES) {
      const { href, from } = queue.shift() as { href: string; from: string };
      fetched++;
      const response = await page.request.get(href);
      const finalPath = new URL(response.url()).pathname;
      const type = response.headers()["content-type"] ?? "";
      const body = type.includes("text/html") ? await response.text() : "";
      if (response.status() !== 200) {
        broken.push(`${href} (enlazado desde ${from}): ${response.status()}`);
        continue;
      }
      if (finalPath === "/ingresar") {
        broken.push(`${href} (enlazado desde ${from}): lleva a ingresar`);
        continue;
      }
      if (body.includes("No encontramos esta página")) {
        broken.push(`${href} (enlazado desde ${from}): página no encontrada`);
        continue;
      }
      for (const link of linksOf(body)) {
        if (seen.has(link)) continue;
        seen.add(link);
        const shape = shapeOf(link);
        const count = shapes.get(shape) ?? 0;
        shapes.set(shape, count + 1);
        if (count >= 3) continue;
        queue.push({ href: link, from: href });
      }
    }
    console.log(`${email}: ${fetched} páginas y descargas abiertas, ${seen.size} enlaces distintos`);
    expect(broken).toEqual([]);
    expect(fetched).toBeGreaterThan(3);
  });
}
