// Accessibility sweep: every page of app/routes.ts that renders HTML (the .csv resource routes and the
// POST-only /salir and /idioma, whose GET only redirects, are left out), in the states a person meets
// (empty, refused with errors beside the fields, done), opened by the persona who may see it. On each
// page: no serious or critical axe-core violation, and (in the phone run) at 360 px wide the page does
// not scroll sideways.
//
// Problems are collected page by page and reported together at the end of each test, so that one run
// lists all of them.
import { expect, type Locator, type Page, type TestInfo, test } from "@playwright/test";
import { translator } from "~/messages";
import { type A11yOptions, expectNoSeriousA11yViolations } from "./support/axe";
import { linkIn, waitForEmail } from "./support/mailbox";
import { menuLink } from "./support/menu";
import { freshContext, signIn, signOut } from "./support/session";

test.describe.configure({ mode: "parallel" });

/** The Spanish texts the app shows, from its catalogue (sentences get reworded; what they say does not). */
const t = translator("es-CL");
const NARROW = 360;

class Sweep {
  readonly problems: string[] = [];
  readonly checked: string[] = [];
  /** JavaScript errors of the page since the last check (a page that fails to hydrate, for example) */
  private errors: string[] = [];
  constructor(private readonly page: Page) {
    // a request the test's own next navigation cut (the browser aborts a revalidation in flight) is
    // not the page's error: seen once on the submitted visit's page (session 13)
    page.on("pageerror", (error) => {
      if (error.message !== "BodyStreamBuffer was aborted") this.errors.push(error.message);
    });
  }

  /**
   * axe-core on the page as it is, then (on the phone) the page at 360 px wide, then back to the
   * project's size. The desktop run leaves the 360 px check to the phone run: the same page at the same
   * width, where the phone's touch and pixel ratio make it the real case.
   */
  async check(label: string, options?: A11yOptions): Promise<void> {
    const page = this.page;
    const narrowToo = test.info().project.name === "telefono";
    await test.step(`accesibilidad y 360 px: ${label}`, async () => {
      const where = new URL(page.url()).pathname + new URL(page.url()).search;
      this.checked.push(`${label} (${where})`);
      if (this.errors.length) {
        this.problems.push(
          `■ ${label} (${where}): errores de JavaScript en la página: ${[...new Set(this.errors)].join("; ")}`,
        );
        this.errors = [];
      }
      try {
        await expectNoSeriousA11yViolations(page, options);
      } catch (error) {
        this.problems.push(`■ ${label} (${where}): ${(error as Error).message.split("\n\nExpected")[0]}`);
      }
      if (!narrowToo) return;
      const size = page.viewportSize() ?? { width: 1280, height: 800 };
      await page.setViewportSize({ width: NARROW, height: size.height });
      try {
        const overflow = await page.evaluate((limit) => {
          const nameOf = (el: Element) => {
            const id = el.id ? `#${el.id}` : "";
            const cls =
              typeof el.className === "string" && el.className
                ? `.${el.className.trim().split(/\s+/).join(".")}`
                : "";
            const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
            return `<${el.tagName.toLowerCase()}${id}${cls}> «${text}» (${Math.round(el.getBoundingClientRect().width)} px, hasta ${Math.round(el.getBoundingClientRect().right)} px)`;
          };
          const wide: string[] = [];
          for (const el of document.body.querySelectorAll("*")) {
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 || rect.right <= limit + 0.5) continue;
            const parent = el.parentElement;
            if (parent && parent !== document.body && parent.getBoundingClientRect().right > limit + 0.5)
              continue;
            wide.push(nameOf(el));
          }
          // Text wider than its own box (a long address or link that does not wrap).
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const parent = node.parentElement;
            if (!parent || !node.textContent?.trim() || parent.getBoundingClientRect().right > limit + 0.5)
              continue;
            range.selectNodeContents(node);
            const right = range.getBoundingClientRect().right;
            if (right > limit + 0.5)
              wide.push(`texto que no se parte, hasta ${Math.round(right)} px, en ${nameOf(parent)}`);
          }
          return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
        }, NARROW);
        if (overflow.scrollWidth > NARROW) {
          this.problems.push(
            `■ ${label} (${where}): a ${NARROW} px de ancho la página se desplaza horizontalmente ` +
              `(document.documentElement.scrollWidth = ${overflow.scrollWidth}). Sobresalen:\n    ${overflow.wide.join("\n    ")}`,
          );
        }
      } finally {
        await page.setViewportSize(size);
      }
    });
  }

  /** Fails the test with every problem found, after every page was checked. */
  finish(): void {
    expect(
      this.problems,
      `Problemas en ${this.problems.length} de ${this.checked.length} páginas revisadas:\n\n${this.problems.join("\n\n")}\n`,
    ).toEqual([]);
  }
}

/**
 * Opens a link's address as a new page load instead of clicking it. For the profile pages
 * (/personas/:id and …/editar): their client bundle does not load in the browser ("Buffer is not
 * defined"), so a click from another page does not navigate; the sweep still checks them as loaded
 * from the server, and Sweep.check reports the JavaScript error.
 */
async function openByAddress(page: Page, link: Locator): Promise<void> {
  const href = await link.getAttribute("href");
  expect(href, "el enlace tiene dirección").toBeTruthy();
  await page.goto(href as string);
}

function rutCheckDigit(body: number): string {
  let sum = 0;
  let weight = 2;
  for (const d of String(body).split("").reverse()) {
    sum += Number(d) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const r = 11 - (sum % 11);
  return r === 11 ? "0" : r === 10 ? "K" : String(r);
}

/** An RBD for this run and project: 65000-99999 (journey 2 uses 30000-64999), phone and desktop differ. */
function uniqueRbd(testInfo: TestInfo): number {
  const seconds = Math.floor(Date.now() / 1000);
  return 65_000 + ((seconds * 2 + (testInfo.project.name === "telefono" ? 0 : 1)) % 35_000);
}

test("sin sesión: ingreso, recuperación de contraseña, enlaces inválidos y página 404", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);

  await page.goto("/ingresar");
  await expect(page.getByRole("heading", { name: "Ingresar a Impulso" })).toBeVisible();
  await sweep.check("ingreso");

  await page.getByLabel("Correo electrónico").fill("nadie@ejemplo.cl");
  await page.getByLabel("Contraseña").fill("no-es-la-clave");
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("alert")).toHaveText(t("auth.sign_in.failed"));
  await sweep.check("ingreso fallido");

  await page.getByRole("link", { name: "¿Olvidó su contraseña?" }).click();
  await expect(page.getByRole("heading", { name: "Recuperar la contraseña" })).toBeVisible();
  await sweep.check("recuperar contraseña");

  // One demo account per project, so that the two runs never read each other's email; the password
  // is not changed (other specs sign in with these accounts).
  const account = testInfo.project.name === "telefono" ? "mentor@demo.impulso.cl" : "docente@demo.impulso.cl";
  await page.getByLabel("Correo electrónico").fill(account);
  await page.getByRole("button", { name: "Enviar enlace" }).click();
  await expect(page.getByRole("status")).toHaveText(t("auth.forgot.sent"));
  await sweep.check("recuperar contraseña, enlace enviado");

  const reset = await waitForEmail(account, t("email.reset.subject"));
  await page.goto(linkIn(reset, `${testInfo.project.use.baseURL}/restablecer/`));
  await expect(page.getByRole("heading", { name: "Crear una contraseña nueva" })).toBeVisible();
  await expect(page.getByLabel("Contraseña nueva")).toBeVisible();
  await sweep.check("crear contraseña nueva");

  await page.getByLabel("Contraseña nueva").fill("una frase bastante larga");
  await page.getByLabel("Repita la contraseña").fill("otra frase distinta");
  await page.getByRole("button", { name: "Guardar contraseña" }).click();
  await expect(page.getByText(t("auth.password.mismatch"))).toBeVisible();
  await sweep.check("crear contraseña nueva con errores");

  await page.goto("/restablecer/un-enlace-que-no-existe");
  await expect(page.getByRole("alert")).toHaveText(t("auth.reset.invalid"));
  await sweep.check("enlace de contraseña inválido");

  await page.goto("/invitacion/una-invitacion-que-no-existe");
  await expect(page.getByRole("alert")).toHaveText(t("auth.invitation.invalid"));
  await sweep.check("invitación inválida");

  const missing = await page.goto("/esta-pagina-no-existe");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: t("errors.not_found.title") })).toBeVisible();
  await sweep.check("página no encontrada (404)");

  // Pages that need a session send a visitor to sign in.
  await page.goto("/personas");
  await expect(page).toHaveURL(/\/ingresar/);

  sweep.finish();
});

test("coordinadora: establecimientos, crear y editar uno, y una página inexistente", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const sweep = new Sweep(page);
  const rbd = uniqueRbd(testInfo);
  const dv = rutCheckDigit(rbd);
  const schoolName = `Liceo Bicentenario Las Araucarias ${rbd}`;

  await signIn(page, "coordinadora@demo.impulso.cl");
  await sweep.check("inicio de la coordinadora");

  await (await menuLink(page, "Establecimientos")).click();
  await expect(page.getByRole("heading", { name: "Establecimientos", level: 1 })).toBeVisible();
  await sweep.check("lista de establecimientos");

  await page.getByRole("link", { name: "Nuevo establecimiento" }).click();
  await expect(page.getByRole("heading", { name: "Nuevo establecimiento", level: 1 })).toBeVisible();
  await sweep.check("nuevo establecimiento");

  await page.getByRole("button", { name: "Crear establecimiento" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByText(t("schools.errors.rbd_required"))).toBeVisible();
  await expect(page.getByText(t("schools.errors.comuna_required"))).toBeVisible();
  await sweep.check("nuevo establecimiento enviado vacío (errores)");

  await page.getByLabel("Nombre del establecimiento").fill(schoolName);
  await page.getByLabel("RBD", { exact: true }).fill(`${rbd}-${dv}`);
  await page.getByLabel("Región").selectOption({ label: "Región de Los Lagos" });
  await page.getByLabel("Comuna").selectOption({ label: "Puerto Montt" });
  await page.getByLabel("Dependencia administrativa").selectOption({ label: "Particular Subvencionado" });
  await page.getByLabel(/^IVE \(%\)/).fill("77");
  await page.getByLabel(/^Año del IVE/).fill("2024");
  await page.getByRole("button", { name: "Crear establecimiento" }).click();
  await expect(page.getByRole("heading", { name: schoolName, level: 1 })).toBeVisible();
  await sweep.check("establecimiento recién creado");

  await page.getByRole("link", { name: "Editar datos" }).click();
  await expect(page.getByRole("heading", { name: `Editar ${schoolName}` })).toBeVisible();
  await sweep.check("editar establecimiento");

  // A page of a school that does not exist, signed in.
  const missing = await page.goto("/establecimientos/01900000-0000-7000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: t("errors.not_found.title") })).toBeVisible();
  await sweep.check("establecimiento inexistente (404 con sesión)");

  await (await menuLink(page, t("nav.privacy_requests"))).click();
  await expect(page.getByRole("heading", { name: t("privacy.requests.title"), level: 1 })).toBeVisible();
  await sweep.check("solicitudes de datos personales");

  sweep.finish();
});

test("coordinadora: importar una nómina, invitar y ver a las personas", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const sweep = new Sweep(page);
  // A demo school the coordinator advises; the people added here are unique to this run and project.
  const school = "Liceo Pampa del Tamarugal";
  const n = uniqueRbd(testInfo);

  await signIn(page, "coordinadora@demo.impulso.cl");
  await (await menuLink(page, "Establecimientos")).click();
  await page.getByRole("link", { name: school }).click();
  await expect(page.getByRole("heading", { name: school, level: 1 })).toBeVisible();
  await sweep.check("establecimiento asesorado");
  const schoolPath = new URL(page.url()).pathname;

  await page.getByRole("link", { name: "Importar nómina" }).click();
  await expect(page.getByRole("heading", { name: `Importar la nómina de ${school}` })).toBeVisible();
  await sweep.check("importar nómina");

  await page.getByRole("button", { name: "Revisar el archivo" }).click();
  await expect(page.getByText(t("roster.errors.no_file"))).toBeVisible();
  await sweep.check("importar nómina sin archivo (error)");

  const body = (i: number) => 31_000_000 + n * 10 + i;
  const rut = (i: number) => `${body(i)}-${rutCheckDigit(body(i))}`;
  const csv = [
    "Nómina docente 2026",
    "",
    "nombres;apellido paterno;apellido materno;correo electrónico;rut;cargo;rbd",
    `Valentina;Oyarzún;Barría;valentina.${n}@ejemplo.cl;${rut(1)};docente;12843`,
    `Cristóbal;Millán;Cárcamo;cristobal.${n}@ejemplo.cl;${rut(2)};jefe utp;12843`,
    `Rocío;Toledo;Zúñiga;rocio.${n}@ejemplo.cl;;mentora;`,
    `Ignacio;Parra;Molina;ignacio.${n}@ejemplo.cl;11.111.111-2;docente;12843`,
    `Bárbara;Ibáñez;Correa;;;docente;12843`,
    `Héctor;Poblete;Arancibia;valentina.${n}@ejemplo.cl;;docente;12843`,
    `Macarena;Quiroz;Olivares;macarena.${n}@ejemplo.cl;;bibliotecaria;24517`,
  ].join("\r\n");
  await page.getByLabel("Archivo de la nómina").setInputFiles({
    name: `nomina-${n}.csv`,
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
  await page.getByRole("button", { name: "Revisar el archivo" }).click();
  await expect(
    page.getByText(t("roster.preview.summary", { total: 7, valid: 3, rejected: 4 })),
  ).toBeVisible();
  await sweep.check("vista previa de la importación");

  await page.getByRole("button", { name: t("roster.preview.confirm", { count: 3, valid: 3 }) }).click();
  await expect(page.getByRole("status")).toHaveText(
    t("roster.done.summary", { created: 3, updated: 0, unchanged: 0, rejected: 4 }),
    { timeout: 30_000 },
  );
  await sweep.check("informe de la importación");

  await page.getByRole("link", { name: "Volver a importar nóminas" }).click();
  await expect(page.getByRole("link", { name: `nomina-${n}.csv` })).toBeVisible();
  await sweep.check("importar nómina, con historial");

  await page.goto(schoolPath);
  await page.getByRole("link", { name: "Invitar a una persona" }).click();
  await expect(page.getByRole("heading", { name: `Invitar a ${school}` })).toBeVisible();
  await sweep.check("invitar a una persona al establecimiento");

  await page.getByLabel("Correo electrónico").fill("no-es-un-correo");
  await page.getByLabel("RUT").fill("12.345.678-9");
  await page.getByRole("button", { name: "Enviar invitación" }).click();
  await expect(page.getByText(t("errors.invalid_email"))).toBeVisible();
  await sweep.check("invitación con errores");

  const invitee = `francisca.${n}@ejemplo.cl`;
  await page.getByLabel("Nombres").fill("Francisca");
  await page.getByLabel("Apellidos").fill("Huenchumilla Paredes");
  await page.getByLabel("Correo electrónico").fill(invitee);
  await page.getByLabel("RUT").fill("");
  await page.getByLabel("Rol").selectOption({ label: "Mentor/a" });
  await page.getByRole("button", { name: "Enviar invitación" }).click();
  await expect(page.getByRole("status")).toHaveText(t("people.invite.sent", { email: invitee }));
  await sweep.check("invitación enviada");

  // The invitation, opened by the person invited (nobody signed in).
  const invitation = await waitForEmail(invitee, t("email.invitation.subject"));
  const guestContext = await freshContext(browser, testInfo);
  try {
    const guest = await guestContext.newPage();
    const guestSweep = new Sweep(guest);
    await guest.goto(linkIn(invitation, `${testInfo.project.use.baseURL}/invitacion/`));
    await expect(guest.getByRole("heading", { name: "Bienvenida/o a Impulso" })).toBeVisible();
    await guestSweep.check("aceptar invitación");
    sweep.problems.push(...guestSweep.problems);
    sweep.checked.push(...guestSweep.checked);
  } finally {
    await guestContext.close();
  }

  await (await menuLink(page, "Personas")).click();
  await page.getByLabel("Buscar por nombre, correo o RUT").fill(String(n));
  await page.getByLabel("Establecimiento").selectOption({ label: school });
  await page.getByRole("button", { name: "Buscar" }).click();
  await expect(page.getByText(t("list.results", { count: 4 }))).toBeVisible();
  await sweep.check("personas de un establecimiento, con búsqueda");

  await openByAddress(page, page.getByRole("link", { name: "Oyarzún Barría, Valentina" }));
  await expect(page.getByRole("heading", { name: "Valentina Oyarzún Barría", level: 1 })).toBeVisible();
  await sweep.check("ficha de una docente");

  await page.getByRole("link", { name: "Editar", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Editar datos de Valentina Oyarzún Barría" })).toBeVisible();
  await sweep.check("editar datos de una docente");

  sweep.finish();
});

test("administrador: personas, invitar a la coordinación, correos y auditoría", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);
  await signIn(page, "admin@demo.impulso.cl");
  await sweep.check("inicio del administrador");

  await (await menuLink(page, "Personas")).click();
  await expect(page.getByRole("heading", { name: "Personas", level: 1 })).toBeVisible();
  await sweep.check("personas de la organización");

  await page.getByRole("link", { name: "Invitar a la coordinación" }).click();
  await expect(page.getByRole("heading", { name: /^Invitar/ })).toBeVisible();
  await sweep.check("invitar a la coordinación");

  const invitee = `coordinacion.${uniqueRbd(testInfo)}@ejemplo.cl`;
  await page.getByLabel("Nombres").fill("Gonzalo");
  await page.getByLabel("Apellidos").fill("Fuentealba Mena");
  await page.getByLabel("Correo electrónico").fill(invitee);
  await page.getByLabel("Rol").selectOption({ label: "Coordinador/a" });
  await page.getByRole("button", { name: "Enviar invitación" }).click();
  await expect(page.getByRole("status")).toHaveText(t("people.invite.sent", { email: invitee }));
  await sweep.check("invitación a la coordinación enviada");

  await (await menuLink(page, "Correos")).click();
  await expect(page.getByRole("heading", { name: "Correos", level: 1 })).toBeVisible();
  await expect(page.getByRole("cell", { name: invitee }).first()).toBeVisible();
  await sweep.check("correos enviados");

  await page.getByRole("row").filter({ hasText: invitee }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: t("email.invitation.subject"), level: 1 })).toBeVisible();
  await sweep.check("un correo enviado");

  await (await menuLink(page, "Auditoría")).click();
  await expect(page.getByRole("heading", { name: "Auditoría", level: 1 })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await sweep.check("registro de auditoría");

  await (await menuLink(page, "Establecimientos")).click();
  await page.getByRole("link", { name: "Colegio Cerro Ñielol" }).click();
  await expect(page.getByRole("heading", { name: "Colegio Cerro Ñielol", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Asignar un coordinador/a" })).toBeVisible();
  await sweep.check("establecimiento visto por el administrador (asignar coordinación)");

  await page.getByRole("button", { name: "Asignar", exact: true }).click();
  await expect(page.getByText(t("schools.errors.coordinator_required"))).toBeVisible();
  await sweep.check("asignar coordinación sin elegir (error)");

  await page.getByRole("link", { name: "Docentes: " }).click();
  await openByAddress(page, page.getByRole("table").getByRole("link").first());
  await expect(page.getByRole("heading", { name: "Agregar un rol" })).toBeVisible();
  await sweep.check("ficha de una persona vista por el administrador");

  sweep.finish();
});

test("observación: visitas, una visita con errores y enviada, la reunión y el lado del docente", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);
  await signIn(page, "mentor@demo.impulso.cl");
  await page.getByRole("link", { name: t("home.card.observations") }).click();
  await expect(page.getByRole("heading", { name: t("observation.list.title"), level: 1 })).toBeVisible();
  await sweep.check("visitas al aula");

  await page.getByRole("link", { name: t("observation.list.new") }).click();
  await sweep.check("nueva visita");
  await page.getByRole("button", { name: t("observation.new.start") }).click();
  await sweep.check("nueva visita enviada vacía (errores)");
  const teacher = page.getByLabel(t("observation.new.teacher"));
  const label = (await teacher.locator("option", { hasText: "Tomás Vidal Rojas" }).textContent()) ?? "";
  await teacher.selectOption({ label });
  await page.getByLabel(t("observation.new.course")).fill("3° medio A");
  await page.getByLabel(t("observation.new.subject")).fill("Matemática");
  await page.getByRole("button", { name: t("observation.new.start") }).click();
  await expect(page.getByRole("heading", { name: t("observation.visit.evidence") })).toBeVisible();
  await sweep.check("visita en borrador");

  await page.getByRole("button", { name: t("observation.visit.submit") }).click();
  await expect(page.getByText(t("observation.errors.evidence_required"))).toBeVisible();
  await sweep.check("visita enviada sin evidencias (errores)");
  await page.getByLabel(t("observation.visit.note"), { exact: true }).fill("Inicio puntual; 30 estudiantes.");
  if (await page.getByText(t("observation.visit.focus_result")).isVisible()) {
    await page.getByText(t("observation.visit.focus_continued"), { exact: true }).click();
  }
  await page.getByRole("button", { name: t("observation.visit.submit") }).click();
  await expect(page.getByRole("link", { name: t("observation.visit.hold_meeting") })).toBeVisible();
  await sweep.check("visita enviada");

  await page.getByRole("link", { name: t("observation.visit.hold_meeting") }).click();
  await sweep.check("reunión de retroalimentación");
  await page
    .getByRole("button", { name: t("observation.meeting.save", { teacher: "Tomás Vidal Rojas" }) })
    .click();
  await expect(page.getByText(t("observation.errors.praise_required"))).toBeVisible();
  await sweep.check("reunión sin elogio ni paso (errores)");
  await page.getByLabel(t("observation.meeting.praise"), { exact: true }).fill("Comenzó a la hora.");
  await page.getByLabel(t("observation.meeting.step_custom")).check();
  await page
    .getByLabel(t("observation.meeting.step_title"))
    .fill(`Verificar la comprensión (${testInfo.project.name})`);
  await page
    .getByRole("button", { name: t("observation.meeting.save", { teacher: "Tomás Vidal Rojas" }) })
    .click();
  await expect(page.getByRole("heading", { name: t("observation.meeting.heading") })).toBeVisible();
  await sweep.check("visita con su retroalimentación");

  const teacherContext = await freshContext(browser, testInfo);
  const teacherPage = await teacherContext.newPage();
  const teacherSweep = new Sweep(teacherPage);
  await signIn(teacherPage, "docente2@demo.impulso.cl");
  await teacherPage.getByRole("link", { name: t("home.card.development") }).click();
  await expect(
    teacherPage.getByRole("heading", { name: t("observation.development.my_title"), level: 1 }),
  ).toBeVisible();
  await teacherSweep.check("mi desarrollo (docente)");
  await teacherPage.locator(".rows a").first().click();
  await expect(teacherPage.getByRole("button", { name: t("observation.respond.save") })).toBeVisible();
  await teacherSweep.check("retroalimentación vista por el docente");
  await teacherPage.getByRole("button", { name: t("observation.respond.save") }).click();
  await expect(teacherPage.getByText(t("observation.errors.reflection_required"))).toBeVisible();
  await teacherSweep.check("reflexión vacía (error)");
  sweep.problems.push(...teacherSweep.problems);
  sweep.checked.push(...teacherSweep.checked);
  await teacherContext.close();
  sweep.finish();
});

test("directora y docente: inicio, personas y datos propios", async ({ page }) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);

  await signIn(page, "directora.aromos@demo.impulso.cl");
  await sweep.check("inicio de la directora");
  await (await menuLink(page, "Personas")).click();
  await expect(page.getByRole("heading", { name: "Personas", level: 1 })).toBeVisible();
  await sweep.check("personas vistas por la directora");
  await (await menuLink(page, "Establecimientos")).click();
  await expect(page.getByRole("heading", { name: "Establecimientos", level: 1 })).toBeVisible();
  await sweep.check("establecimientos vistos por la directora");
  await page.getByRole("link", { name: "Escuela Básica Los Aromos" }).click();
  await expect(page.getByRole("heading", { name: "Escuela Básica Los Aromos", level: 1 })).toBeVisible();
  await sweep.check("su establecimiento visto por la directora");
  await signOut(page);
  await expect(page.getByRole("status")).toHaveText(t("auth.signed_out"));

  await signIn(page, "docente@demo.impulso.cl");
  await sweep.check("inicio de la docente");
  await openByAddress(page, await menuLink(page, "Mi perfil"));
  await expect(page.getByRole("heading", { name: "Daniela Soto Vergara", level: 1 })).toBeVisible();
  await sweep.check("perfil propio de la docente");
  const profilePath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Editar", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Editar datos de Daniela Soto Vergara" })).toBeVisible();
  await sweep.check("editar datos propios");
  await page.goto(`${profilePath}/eliminar-datos`);
  await expect(page.getByRole("heading", { name: t("privacy.deletion.title"), level: 1 })).toBeVisible();
  await sweep.check("pedir la eliminación de los datos propios");
  await page.getByRole("button", { name: t("privacy.deletion.submit") }).click();
  await expect(page.locator(".field-error")).toHaveText(t("privacy.errors.confirm_required"));
  await sweep.check("pedir la eliminación sin confirmar (errores)");

  sweep.finish();
});

test("correo de ingreso: el propio con errores, una propuesta, la recuperación con errores y sus enlaces", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);
  // One account per project, so that the two runs never read each other's email; nothing is confirmed.
  const teacher =
    testInfo.project.name === "telefono" ? "mentor@demo.impulso.cl" : "docente2@demo.impulso.cl";

  await signIn(page, teacher);
  await openByAddress(page, await menuLink(page, "Mi perfil"));
  const profilePath = new URL(page.url()).pathname;
  await openByAddress(page, page.getByRole("link", { name: t("accounts.email.change_link") }));
  await expect(page.getByRole("heading", { name: t("accounts.email.title_self"), level: 1 })).toBeVisible();
  await sweep.check("mi correo de ingreso");
  await page.getByLabel(t("accounts.email.new")).fill(`nuevo-${testInfo.project.name}@ejemplo.cl`);
  await page.getByLabel(t("accounts.email.password")).fill("no-es-la-clave");
  await page.getByRole("button", { name: t("accounts.email.send_link") }).click();
  await expect(page.locator(".field-error")).toHaveText(t("accounts.email.wrong_password"));
  await sweep.check("mi correo de ingreso, contraseña equivocada (errores)");
  await signOut(page);

  await signIn(page, "admin@demo.impulso.cl");
  await page.goto(`${profilePath}/correo`);
  await page.getByRole("button", { name: t("accounts.email.start_recovery") }).click();
  await expect(page.locator(".field-error").first()).toBeVisible();
  await sweep.check("recuperación de acceso sin datos (errores)");
  await page.getByLabel(t("accounts.email.proposed")).fill(`propuesta-${testInfo.project.name}@ejemplo.cl`);
  await page.getByRole("button", { name: t("accounts.email.send_proposal") }).click();
  await expect(page.getByRole("status")).toHaveText(t("accounts.email.sent_proposal"));
  await sweep.check("propuesta de correo enviada");
  await signOut(page);

  // The link the person gets at her current address: its page asks before changing anything.
  const proposal = await waitForEmail(teacher, t("email.address_proposal.subject"));
  await page.goto(linkIn(proposal, `${testInfo.project.use.baseURL}/correo/`));
  await expect(page.getByRole("button", { name: t("accounts.email.confirm_submit") })).toBeVisible();
  await sweep.check("confirmar un cambio de correo");
  await page.goto("/correo/un-enlace-que-no-existe");
  await expect(page.getByRole("alert")).toHaveText(t("accounts.email.link_invalid"));
  await sweep.check("enlace de cambio de correo inválido");
  await page.goto("/correo/deshacer/un-enlace-que-no-existe");
  await expect(page.getByRole("alert")).toHaveText(t("accounts.email.link_invalid"));
  await sweep.check("enlace para deshacer inválido");

  sweep.finish();
});

test("coordinadora: pautas (lista, nueva, editor con errores, publicada) y pasos de acción", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);
  const name = `Pauta de lectura ${testInfo.project.name} ${uniqueRbd(testInfo)}`;
  await signIn(page, "coordinadora@demo.impulso.cl");

  await (await menuLink(page, t("nav.instruments"))).click();
  await expect(page.getByRole("heading", { name: t("instruments.title"), level: 1 })).toBeVisible();
  await sweep.check("pautas de observación");

  await page.getByRole("link", { name: t("instruments.list.new") }).click();
  await page.getByRole("button", { name: t("instruments.new.submit") }).click();
  await expect(page.getByText(t("instruments.errors.name_required"), { exact: true })).toBeVisible();
  await sweep.check("nueva pauta sin nombre (error)");
  await page.getByLabel(t("instruments.field.name")).fill(name);
  await page.getByRole("button", { name: t("instruments.new.submit") }).click();
  await page.getByRole("button", { name: t("instruments.editor.add_section") }).click();
  await page.getByRole("button", { name: t("instruments.editor.add_indicator", { number: 1 }) }).click();
  await expect(
    page.getByRole("group", { name: t("instruments.editor.indicator", { number: "1.1" }) }),
  ).toBeVisible();
  await page.getByRole("button", { name: t("instruments.editor.publish", { version: 1 }) }).click();
  await expect(page.getByText(t("instruments.errors.cannot_publish"))).toBeVisible();
  await expect(page.getByText(t("instruments.errors.descriptor_required")).first()).toBeVisible();
  await sweep.check("borrador de una pauta con errores");

  await page.getByLabel(t("instruments.field.section_title")).fill("Clima de aula");
  await page.getByLabel(t("instruments.field.indicator_title"), { exact: true }).fill("Trato respetuoso");
  await page.getByLabel(t("instruments.kind.evidence")).check();
  await page.getByRole("button", { name: t("instruments.editor.publish", { version: 1 }) }).click();
  await expect(page.getByRole("status")).toHaveText(t("instruments.notice.published", { version: 1 }));
  await sweep.check("pauta publicada");

  await (await menuLink(page, t("nav.catalogue"))).click();
  await expect(page.getByRole("heading", { name: t("catalogue.title"), level: 1 })).toBeVisible();
  await sweep.check("catálogo de pasos de acción");
  await page.getByRole("link", { name: t("catalogue.new"), exact: true }).click();
  await page.getByRole("button", { name: t("catalogue.form.create") }).click();
  await expect(page.getByText(t("catalogue.errors.title_required"))).toBeVisible();
  await sweep.check("nuevo paso de acción sin datos (errores)");
  await page.goto("/pasos");
  await page
    .getByRole("link", { name: t("catalogue.edit", { number: 1 }) })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: t("catalogue.edit_title"), level: 1 })).toBeVisible();
  await sweep.check("editar un paso de acción");

  sweep.finish();
});

test("calibración: lista, nueva con errores, puntajes de un observador, resultados y niveles según IVE", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);
  const title = `Calibración ${testInfo.project.name} ${uniqueRbd(testInfo)}`;
  await signIn(page, "coordinadora@demo.impulso.cl");
  await (await menuLink(page, t("nav.calibrations"))).click();
  await expect(page.getByRole("heading", { name: t("calibration.list.title"), level: 1 })).toBeVisible();
  await sweep.check("calibraciones (coordinadora)");

  await page.getByRole("link", { name: t("calibration.list.new") }).click();
  await sweep.check("nueva calibración");
  await page.getByRole("button", { name: t("calibration.new.create") }).click();
  await expect(page.getByText(t("calibration.errors.participants_min"))).toBeVisible();
  await sweep.check("nueva calibración enviada vacía (errores)");
  await page.getByLabel(t("calibration.form.title")).fill(title);
  await page.getByLabel(t("calibration.form.class_context")).fill("6° básico B · Matemática");
  await page.getByLabel(t("calibration.form.held_on")).fill("2026-03-24");
  await page.getByLabel(/Marcela Fuentes Araya/).check();
  await page.getByLabel(t("calibration.form.reference")).selectOption({ label: "Andrea Moreno Lillo" });
  await page.getByRole("button", { name: t("calibration.new.create") }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await sweep.check("calibración abierta vista por la coordinadora");

  await page.getByRole("link", { name: t("calibration.list.title") }).click();
  await page.getByRole("link", { name: "Calibración de primavera, Escuela Los Aromos" }).click();
  await expect(page.getByRole("heading", { name: t("calibration.results.title") })).toBeVisible();
  await sweep.check("resultados de una calibración cerrada (coordinadora)");
  await page.getByRole("link", { name: t("calibration.list.title") }).click();
  await page.getByRole("link", { name: t("calibration.ive.link") }).click();
  await expect(page.getByRole("heading", { name: t("calibration.ive.title"), level: 1 })).toBeVisible();
  await sweep.check("niveles según IVE");

  const observerContext = await freshContext(browser, testInfo);
  const observerPage = await observerContext.newPage();
  const observerSweep = new Sweep(observerPage);
  await signIn(observerPage, "directora.aromos@demo.impulso.cl");
  await observerPage.getByRole("link", { name: t("home.card.calibrations") }).click();
  await expect(
    observerPage.getByRole("heading", { name: t("calibration.list.title"), level: 1 }),
  ).toBeVisible();
  await observerSweep.check("calibraciones (directora)");
  await observerPage.getByRole("link", { name: title }).click();
  await expect(observerPage.getByRole("heading", { name: t("calibration.score.title") })).toBeVisible();
  await observerSweep.check("puntuar una calibración");
  await observerPage.getByRole("button", { name: t("calibration.score.submit") }).click();
  await expect(observerPage.getByText(t("calibration.errors.level_required")).first()).toBeVisible();
  await observerSweep.check("puntajes enviados incompletos (errores)");
  await observerPage.goto("/calibraciones");
  await observerPage.getByRole("link", { name: "Calibración de primavera, Escuela Los Aromos" }).click();
  await expect(observerPage.getByRole("heading", { name: t("calibration.results.title") })).toBeVisible();
  await observerSweep.check("resultados propios de una calibración cerrada");
  sweep.problems.push(...observerSweep.problems);
  sweep.checked.push(...observerSweep.checked);
  await observerContext.close();
  sweep.finish();
});

test("paneles de observación: el del establecimiento, sus metas con errores, el de la red y el desarrollo de la docente", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);
  const school = "Escuela Básica Los Aromos";

  await signIn(page, "directora.aromos@demo.impulso.cl");
  await page.getByRole("link", { name: t("home.card.school_dashboard", { school }) }).click();
  await expect(
    page.getByRole("heading", { name: t("dashboard.school.title", { school }), level: 1 }),
  ).toBeVisible();
  for (const details of await page.locator("details.numbers").all()) await details.locator("summary").click();
  await sweep.check("panel de observación del establecimiento, con las cifras abiertas");
  await page.getByRole("link", { name: t("dashboard.cadence.change") }).click();
  await page.getByLabel(t("dashboard.cadence.visit_every_days")).fill("0");
  await page.getByRole("button", { name: t("action.save") }).click();
  await expect(page.getByText(t("observation.cadence.error.visit_every_days"))).toBeVisible();
  await expect(page.getByLabel(t("dashboard.cadence.visit_every_days"))).toHaveValue("0");
  await sweep.check("metas de observación con un error");
  await page.getByLabel(t("dashboard.cadence.visit_every_days")).fill("14");
  await page.getByRole("button", { name: t("action.save") }).click();
  await expect(page.getByRole("status")).toHaveText(t("dashboard.cadence.saved"));
  await signOut(page);

  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.getByRole("link", { name: t("home.card.network") }).click();
  await expect(page.getByRole("heading", { name: t("dashboard.network.title"), level: 1 })).toBeVisible();
  await sweep.check("panel de la red de la coordinadora");
  await signOut(page);

  await signIn(page, "docente@demo.impulso.cl");
  await page.getByRole("link", { name: t("home.card.development") }).click();
  await expect(page.getByRole("img", { name: t("dashboard.levels.chart") })).toBeVisible();
  await sweep.check("desarrollo de la docente con niveles y pasos por categoría");

  sweep.finish();
});

test("cursos: una versión con asistencia y certificados, su asistencia con un error, y la verificación pública", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/cursos");
  await page.getByRole("link", { name: "Retroalimentación que mejora la clase" }).click();
  await expect(page.getByRole("heading", { name: t("learning.manage.facilitators") })).toBeVisible();
  await sweep.check("un curso, con sus facilitadores");
  await page
    .getByRole("link", { name: t("learning.cohort.open") })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Versión anterior", level: 1 })).toBeVisible();
  await sweep.check("una versión: asistencia y certificados");
  const cohortPage = page.url();
  await page
    .getByRole("link", { name: t("learning.cohort.take_attendance"), exact: true })
    .first()
    .click();
  await expect(page.getByRole("button", { name: t("learning.attendance.save") })).toBeVisible();
  await sweep.check("la asistencia de una sesión");
  await page.getByRole("button", { name: t("learning.attendance.import") }).click();
  await expect(page.getByText(t("learning.attendance.errors.file_empty"))).toBeVisible();
  await sweep.check("importar la asistencia sin archivo (error)");
  await page.goto(cohortPage);
  const code = page.getByRole("link", { name: /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/ }).first();
  await code.click();
  await expect(page.getByText(t("learning.verify.valid"))).toBeVisible();
  await sweep.check("verificación pública de un certificado");
  await page.goto("/certificados?codigo=abc");
  await expect(page.getByText(t("learning.verify.code_invalid"))).toBeVisible();
  await sweep.check("buscar un certificado con un código mal escrito (error)");
  sweep.finish();
});

test("comunidad: la red, un establecimiento con un aviso con errores y publicado, y el aviso en el inicio de un docente", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const sweep = new Sweep(page);
  const title = `Reunión de apoderados (${testInfo.project.name} ${Date.now()})`;
  await signIn(page, "directora.aromos@demo.impulso.cl");
  await (await menuLink(page, t("nav.community"))).click();
  await expect(page.getByRole("heading", { name: t("community.title"), level: 1 })).toBeVisible();
  await sweep.check("comunidad de la directora");
  await page.getByRole("link", { name: "Escuela Básica Los Aromos" }).click();
  await expect(page.getByRole("heading", { name: "Escuela Básica Los Aromos", level: 1 })).toBeVisible();
  await expect(page.getByText("Consejo de profesores el jueves a las 16:00")).toBeVisible();
  await sweep.check("la comunidad de un establecimiento, con un aviso");
  await page.locator("summary", { hasText: t("community.announcements.new_form") }).click();
  await page.getByRole("button", { name: t("community.announcements.publish") }).click();
  await expect(page.getByLabel(t("community.announcements.field.title"))).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await sweep.check("publicar un aviso vacío (errores)");
  await page.getByLabel(t("community.announcements.field.title")).fill(title);
  await page.getByLabel(t("community.announcements.field.body")).fill("El viernes a las 18:00.\nSala 4.");
  await page.getByRole("button", { name: t("community.announcements.publish") }).click();
  await expect(page.getByText(t("community.announcements.published"))).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await sweep.check("un aviso visto por quien lo publicó");
  await page.goto("/comunidad/red");
  await expect(page.getByRole("heading", { name: t("community.network.title"), level: 1 })).toBeVisible();
  await sweep.check("la conversación de la red");
  await page.getByRole("link", { name: "¿Cómo empiezan la clase para que todos participen?" }).click();
  await expect(page.getByText("Una pregunta breve que todos responden")).toBeVisible();
  await sweep.check("una conversación de la red");
  await signOut(page);

  // a teacher of the school finds it on her home page and marks it read: it leaves her home page
  await signIn(page, "docente2@demo.impulso.cl");
  const announcement = page.getByRole("article").filter({ hasText: title });
  await expect(announcement).toBeVisible();
  await sweep.check("el inicio de un docente con avisos");
  await announcement.getByRole("button", { name: t("community.announcements.mark_read") }).click();
  await expect(
    page.getByRole("heading", { name: t("home.title", { name: "Tomás" }), level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: title })).toHaveCount(0);
  sweep.finish();
});

test("prácticas y bienestar: la biblioteca, una práctica, compartir con errores, su edición, la página pública; los pulsos", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const sweep = new Sweep(page);
  await signIn(page, "docente@demo.impulso.cl");
  await page.goto("/practicas?q=retroalimentacion");
  await expect(page.getByRole("heading", { name: t("practices.title"), level: 1 })).toBeVisible();
  await sweep.check("la biblioteca de prácticas, con una búsqueda");
  await page.getByRole("link", { name: /Retroalimentación en 30 segundos/ }).click();
  await expect(
    page.getByRole("heading", { name: /Retroalimentación en 30 segundos/, level: 1 }),
  ).toBeVisible();
  await sweep.check("una práctica con comentarios");
  await page.goto("/practicas/nueva");
  await page.getByRole("button", { name: t("practices.new.save") }).click();
  await expect(page.getByLabel(t("practices.field.title"))).toHaveAttribute("aria-invalid", "true");
  await sweep.check("compartir una práctica vacía (errores)");
  await page.goto("/practicas/mias");
  await sweep.check("mis prácticas");
  await page.getByRole("link", { name: /Trabajo en parejas/ }).click();
  await expect(page.getByText(t("practices.consent.needed"))).toBeVisible();
  await sweep.check("editar un borrador que muestra a estudiantes");
  await page.goto("/practicas-publicas");
  await page.getByRole("link", { name: /Observación entre pares/ }).click();
  await expect(page.getByRole("heading", { name: /Observación entre pares/, level: 1 })).toBeVisible();
  await sweep.check("una práctica pública");
  await page.goto("/bienestar");
  await expect(page.getByRole("heading", { name: t("wellbeing.title"), level: 1 })).toBeVisible();
  await sweep.check("los pulsos de bienestar de una docente");
  await page.goto("/bienestar/apoyo");
  await sweep.check("pedir apoyo");
  await signOut(page);
  await signIn(page, "directora.aromos@demo.impulso.cl");
  await page.goto("/bienestar/nuevo");
  await page.getByRole("button", { name: t("wellbeing.new.submit") }).click();
  await expect(page.getByLabel(t("wellbeing.field.title"))).toHaveAttribute("aria-invalid", "true");
  await sweep.check("abrir un pulso vacío (errores)");
  await page.goto("/bienestar");
  await page.getByRole("link", { name: "Pulso de bienestar de mayo" }).click();
  await expect(page.getByRole("heading", { name: t("wellbeing.results.title"), level: 2 })).toBeVisible();
  await sweep.check("los resultados de un pulso");
  sweep.finish();
});

test("certificación de mentores: trayectorias, una trayectoria, nueva con errores, una candidatura, revisiones y una revisión", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const sweep = new Sweep(page);
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/mentoria/certificacion");
  await expect(page.getByRole("heading", { name: t("mentoringTrack.title"), level: 1 })).toBeVisible();
  await sweep.check("las trayectorias de certificación de mentores");
  await page.getByRole("link", { name: "Diplomado de mentoría" }).click();
  await expect(page.getByRole("heading", { name: "Diplomado de mentoría", level: 1 })).toBeVisible();
  await sweep.check("una trayectoria con sus candidaturas y requisitos");
  await page.getByRole("link", { name: "Marcela Fuentes Araya" }).click();
  await expect(page.getByText(t("mentoringTrack.certify.not_ready"))).toBeVisible();
  await sweep.check("una candidatura en curso vista por la coordinadora");
  await page.goto("/mentoria/certificacion/nueva");
  await page.getByRole("button", { name: t("mentoringTrack.create.submit") }).click();
  await expect(page.getByLabel(t("mentoringTrack.field.title"))).toHaveAttribute("aria-invalid", "true");
  await sweep.check("nueva trayectoria vacía (errores)");
  await page.goto("/mentoria/revisiones");
  await expect(
    page.getByRole("heading", { name: t("mentoringTrack.reviews.title"), level: 1 }),
  ).toBeVisible();
  await sweep.check("revisiones de la coordinadora");
  await page
    .getByRole("link", { name: t("mentoringTrack.review_this") })
    .first()
    .click();
  await page.getByRole("button", { name: t("mentoringTrack.form.submit") }).click();
  await expect(page.getByLabel(t("mentoringTrack.field.feedback"))).toHaveAttribute("aria-invalid", "true");
  await sweep.check("revisar una reunión sin comentarios (errores)");
  await signOut(page);
  await signIn(page, "mentor@demo.impulso.cl");
  await page.goto("/mentoria/revisiones");
  await page
    .getByRole("link", { name: /revisó su reunión/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: t("mentoringTrack.review.title"), level: 1 })).toBeVisible();
  await sweep.check("una revisión recibida por la mentora");
  sweep.finish();
});

test("asesorías: la lista, una asesoría con su plan, visitas e indicadores, nueva con errores, una visita con errores; la de un equipo directivo", async ({
  page,
}) => {
  test.setTimeout(150_000);
  const sweep = new Sweep(page);
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/asesorias");
  await expect(page.getByRole("heading", { name: t("advisory.title"), level: 1 })).toBeVisible();
  await sweep.check("las asesorías de la coordinadora");
  await page.getByRole("link", { name: "Sistema de observación y retroalimentación 2026" }).click();
  await expect(page.getByRole("heading", { name: t("advisory.indicators.title"), level: 2 })).toBeVisible();
  await sweep.check("una asesoría en curso con su plan, visitas e indicadores");
  await page.getByRole("button", { name: t("advisory.plan.add_submit") }).click();
  await expect(page.getByLabel(t("advisory.milestone.field.title"))).toHaveAttribute("aria-invalid", "true");
  await sweep.check("agregar un hito vacío (errores)");
  await page.getByRole("link", { name: t("advisory.visits.add") }).click();
  await page.getByLabel(t("advisory.visit.field.visited_on")).fill("");
  await page.getByRole("button", { name: t("advisory.visit.submit") }).click();
  await expect(page.getByLabel(t("advisory.visit.field.visited_on"))).toHaveAttribute("aria-invalid", "true");
  await sweep.check("registrar una visita vacía (errores)");
  await page.goto("/asesorias/nueva");
  await page.getByRole("button", { name: t("advisory.new.submit") }).click();
  await expect(page.getByLabel(t("advisory.field.title"))).toHaveAttribute("aria-invalid", "true");
  await sweep.check("nueva asesoría vacía (errores)");
  await signOut(page);
  await signIn(page, "directora.aromos@demo.impulso.cl");
  await page.goto("/asesorias");
  await page.getByRole("link", { name: "Sistema de observación y retroalimentación 2026" }).click();
  await expect(page.getByRole("heading", { name: t("advisory.plan.title"), level: 2 })).toBeVisible();
  await expect(page.getByText(t("advisory.visits.notes"))).toHaveCount(0);
  await sweep.check("una asesoría leída por la directora (sin las notas)");
  sweep.finish();
});
