// A course's lessons (issue #16 §2, §3): the coordinator writes a module and a lesson with formatted
// text, a video link and a file; enrols the demo teacher, who on her phone finds the course on her home
// page, reads the lesson (typed HTML shown as text, never run), downloads its file and marks it done;
// the coordinator then reads her progress on the version's page.
import { expect, test } from "@playwright/test";
import PDFDocument from "pdfkit";
import { translator } from "~/messages";
import { freshContext, signIn, signOut } from "./support/session";

const t = translator("es-CL");

function pdfBytes(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.text("Pauta de lectura");
    doc.end();
  });
}

test("una coordinadora escribe una lección con un archivo y la docente la lee en su teléfono y la marca terminada", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "one run is enough: the teacher uses her phone");
  test.setTimeout(120_000);
  const run = String(Date.now()).slice(-7);
  const title = `Lectura compartida ${run}`;

  // ── The coordinator writes the course's first lesson ───────────────────────────────────────────
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/cursos/nuevo");
  await page.getByLabel(t("learning.field.kind")).selectOption("course");
  await page.getByLabel(t("learning.field.title")).fill(title);
  await page.getByLabel(t("learning.field.slug")).fill(`lectura-compartida-${run}`);
  await page.getByLabel(t("learning.field.hours")).fill("10");
  await page.getByRole("button", { name: t("learning.manage.create") }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  const courseUrl = page.url();
  await page.getByRole("link", { name: t("learning.content.link") }).click();
  await expect(page.getByText(t("learning.content.empty"))).toBeVisible();
  await page.getByLabel(t("learning.content.module_title")).fill("Antes de empezar");
  await page.getByRole("button", { name: t("learning.content.add_module") }).click();
  await expect(page.getByRole("heading", { name: "Módulo 1: Antes de empezar" })).toBeVisible();
  await page.getByLabel(t("learning.content.lesson_title")).fill("Leer con el curso");
  await page.getByRole("button", { name: t("learning.content.add_lesson") }).click();
  // a new lesson opens on its own page
  await expect(page.getByRole("heading", { name: "Leer con el curso", level: 1 })).toBeVisible();
  await page
    .getByLabel(t("learning.lesson.body"))
    .fill("Lea **en voz alta** cada día.\n\n<script>window.hacked = 1</script>\n\n- uno\n- dos");
  await page.getByLabel(t("learning.lesson.video_url")).fill("http://video.example.org/clase");
  await page.getByRole("button", { name: t("learning.lesson.save") }).click();
  // an address without https is refused beside its field, and what was typed stays
  await expect(page.getByText(t("learning.errors.video_url_invalid"))).toBeVisible();
  await expect(page.getByLabel(t("learning.lesson.body"))).toHaveValue(/en voz alta/);
  await page.getByLabel(t("learning.lesson.video_url")).fill("https://video.example.org/clase");
  await page.getByRole("button", { name: t("learning.lesson.save") }).click();
  await expect(page.getByText(t("learning.lesson.saved"))).toBeVisible();
  await expect(page.locator(".rich-text strong")).toHaveText("en voz alta");
  await page.getByLabel(t("learning.lesson.add_file")).setInputFiles({
    name: "Pauta de lectura.pdf",
    mimeType: "application/pdf",
    buffer: await pdfBytes(),
  });
  await page.getByRole("button", { name: t("learning.lesson.upload") }).click();
  await expect(page.getByText(t("learning.lesson.saved_file"))).toBeVisible();
  await expect(page.getByRole("link", { name: "Pauta de lectura.pdf" })).toBeVisible();

  // ── A version, and the demo teacher enrolled in it ────────────────────────────────────────────
  await page.goto(courseUrl);
  await page.getByLabel(t("learning.field.cohort_name")).fill("Única");
  await page.getByLabel(t("learning.field.starts_on")).fill("2026-01-05");
  await page.getByLabel(t("learning.field.ends_on")).fill("2099-12-31");
  await page.getByRole("button", { name: t("learning.manage.create_cohort") }).click();
  await page.getByRole("button", { name: t("learning.manage.publish") }).click();
  await page.getByRole("link", { name: t("learning.cohort.open") }).click();
  await expect(page.getByRole("heading", { name: "Única", level: 1 })).toBeVisible();
  const cohortUrl = page.url();
  await page.getByText(t("learning.enrol.one")).click();
  await page.getByLabel(t("learning.register.full_name")).fill("Daniela Soto Vergara");
  await page.getByLabel(t("learning.register.email")).fill("docente@demo.impulso.cl");
  await page.getByRole("button", { name: t("learning.enrol.submit") }).click();
  await expect(page.getByText(t("learning.enrol.confirmed"))).toBeVisible();
  await signOut(page);

  // ── The teacher, on her phone ─────────────────────────────────────────────────────────────────
  const teacher = await freshContext(browser, testInfo);
  const phone = await teacher.newPage();
  await signIn(phone, "docente@demo.impulso.cl");
  const myCourses = phone
    .locator("section")
    .filter({ has: phone.getByRole("heading", { name: t("learning.home.my_courses") }) });
  await myCourses.getByRole("link", { name: title }).click();
  await expect(phone.getByText("0 de 1 lecciones terminadas").first()).toBeVisible();
  await phone.getByRole("link", { name: "Leer con el curso" }).click();
  await expect(phone.locator(".rich-text strong")).toHaveText("en voz alta");
  await expect(phone.getByText("<script>window.hacked = 1</script>")).toBeVisible();
  expect(await phone.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
  await expect(
    phone.getByRole("link", { name: t("learning.lesson.watch_video", { site: "video.example.org" }) }),
  ).toHaveAttribute("href", "https://video.example.org/clase");
  const file = await phone.request.get(
    (await phone.getByRole("link", { name: "Pauta de lectura.pdf" }).getAttribute("href")) ?? "",
  );
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");
  expect(file.headers()["content-disposition"]).toContain("attachment");
  expect(file.headers()["content-security-policy"]).toContain("sandbox");
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await phone.getByRole("button", { name: t("learning.classroom.mark_done") }).click();
  await expect(phone.getByRole("button", { name: t("learning.classroom.mark_not_done") })).toBeVisible();
  await phone.getByRole("link", { name: title }).click();
  await expect(phone.getByText("1 de 1 lecciones terminadas").first()).toBeVisible();

  // a stranger with no place gets nothing, not even the file
  const stranger = await freshContext(browser, testInfo);
  const other = await stranger.newPage();
  await signIn(other, "mentor@demo.impulso.cl");
  const refused = await other.request.get(file.url());
  expect(refused.status()).toBe(404);
  await stranger.close();
  await teacher.close();

  // ── The coordinator reads her progress ────────────────────────────────────────────────────────
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto(cohortUrl);
  await expect(page.getByRole("row", { name: /Daniela Soto Vergara/ })).toContainText(
    "1 de 1 lecciones terminadas",
  );
  await expect(page.getByRole("row", { name: /Leer con el curso/ })).toContainText("1 / 1");
});

test("la docente responde una reflexión y un cuestionario, conversa con el curso; la facilitadora pide una corrección y oculta la conversación", async ({
  page,
  browser,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "one run is enough: the teacher uses her phone");
  test.setTimeout(150_000);
  const run = String(Date.now()).slice(-7);
  const title = `Preguntas que enseñan ${run}`;

  // ── The coordinator: a course with a reflection and a quiz; the demo teacher enrolled ──────────
  await signIn(page, "coordinadora@demo.impulso.cl");
  await page.goto("/cursos/nuevo");
  await page.getByLabel(t("learning.field.kind")).selectOption("course");
  await page.getByLabel(t("learning.field.title")).fill(title);
  await page.getByLabel(t("learning.field.slug")).fill(`preguntas-${run}`);
  await page.getByLabel(t("learning.field.hours")).fill("6");
  await page.getByRole("button", { name: t("learning.manage.create") }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await page.getByLabel("Paulina Riquelme Díaz").check();
  await page.getByRole("button", { name: t("learning.manage.save_facilitators") }).click();
  await expect(page.getByText(t("learning.manage.saved_facilitators"))).toBeVisible();
  const courseUrl = page.url();
  await page.getByRole("link", { name: t("learning.content.link") }).click();
  await page.getByLabel(t("learning.content.module_title")).fill("Práctica");
  await page.getByRole("button", { name: t("learning.content.add_module") }).click();
  await page.getByText(t("learning.activity.add"), { exact: true }).first().click();
  await page.getByLabel(t("learning.activity.kind_label")).selectOption("reflection");
  await page.getByLabel(t("learning.activity.title_label")).fill("Mi mejor pregunta");
  await page.getByRole("button", { name: t("learning.activity.add") }).click();
  await expect(page.getByRole("heading", { name: "Mi mejor pregunta", level: 1 })).toBeVisible();
  await page
    .getByLabel(t("learning.activity.instructions"))
    .fill("Cuente **una** pregunta que hizo esta semana.");
  // a new activity is not required until it is saved so
  await page.getByLabel(t("learning.activity.required_label")).check();
  await page.getByRole("button", { name: t("learning.activity.save") }).click();
  await expect(page.getByText(t("learning.activity.saved"))).toBeVisible();
  await page.getByRole("link", { name: t("learning.content.title") }).click();
  await page.getByText(t("learning.activity.add"), { exact: true }).first().click();
  await page.getByLabel(t("learning.activity.kind_label")).selectOption("quiz");
  await page.getByLabel(t("learning.activity.title_label")).fill("Repaso");
  await page.getByRole("button", { name: t("learning.activity.add") }).click();
  await expect(page.getByRole("heading", { name: "Repaso", level: 1 })).toBeVisible();
  // a question without its right answer marked is refused beside the box, what was typed kept
  await page.getByLabel(t("learning.quiz.questions")).fill("¿Abierta o cerrada?\n- Abierta\n- Cerrada");
  await page.getByRole("button", { name: t("learning.activity.save") }).click();
  await expect(page.getByText(t("learning.quiz.errors.one_right", { question: 1 }))).toBeVisible();
  await page
    .getByLabel(t("learning.quiz.questions"))
    .fill("¿Qué pregunta invita a pensar?\n* ¿Por qué crees que…?\n- ¿Cuánto es 2 + 2?");
  await page.getByLabel(t("learning.quiz.pass_percent")).fill("100");
  await page.getByLabel(t("learning.activity.required_label")).check();
  await page.getByRole("button", { name: t("learning.activity.save") }).click();
  await expect(page.getByText(t("learning.activity.saved"))).toBeVisible();
  await page.goto(courseUrl);
  await page.getByLabel(t("learning.field.cohort_name")).fill("Única");
  await page.getByLabel(t("learning.field.starts_on")).fill("2026-01-05");
  await page.getByLabel(t("learning.field.ends_on")).fill("2099-12-31");
  await page.getByRole("button", { name: t("learning.manage.create_cohort") }).click();
  await page.getByRole("button", { name: t("learning.manage.publish") }).click();
  await page.getByRole("link", { name: t("learning.cohort.open") }).click();
  await expect(page.getByRole("heading", { name: "Única", level: 1 })).toBeVisible();
  const cohortUrl = page.url();
  await page.getByText(t("learning.enrol.one")).click();
  await page.getByLabel(t("learning.register.full_name")).fill("Daniela Soto Vergara");
  await page.getByLabel(t("learning.register.email")).fill("docente@demo.impulso.cl");
  await page.getByRole("button", { name: t("learning.enrol.submit") }).click();
  await expect(page.getByText(t("learning.enrol.confirmed"))).toBeVisible();
  await signOut(page);

  // ── The teacher, on her phone: both activities are due on her home page ─────────────────────────
  const teacher = await freshContext(browser, testInfo);
  const phone = await teacher.newPage();
  await signIn(phone, "docente@demo.impulso.cl");
  const due = phone
    .locator("section")
    .filter({ has: phone.getByRole("heading", { name: t("learning.home.activities_due") }) });
  await expect(due.getByRole("link", { name: "Repaso" })).toBeVisible();
  await due.getByRole("link", { name: "Repaso" }).click();
  await phone.getByLabel("¿Cuánto es 2 + 2?").check();
  await phone.getByRole("button", { name: t("learning.quiz.send") }).click();
  await expect(phone.getByText(t("learning.quiz.failed", { percent: 0 }))).toBeVisible();
  await phone.getByLabel("¿Por qué crees que…?").check();
  await phone.getByRole("button", { name: t("learning.quiz.send") }).click();
  await expect(phone.getByText(t("learning.quiz.passed", { percent: 100 }))).toBeVisible();
  await phone.getByRole("link", { name: title }).click();
  await phone.getByRole("link", { name: "Mi mejor pregunta" }).click();
  await expect(phone.locator(".rich-text strong")).toHaveText("una");
  await phone.getByLabel(t("learning.activity.reflection_label")).fill("Pregunté: ¿cómo lo supiste?");
  await phone.getByRole("button", { name: t("learning.activity.send") }).click();
  await expect(phone.getByText(t("learning.activity.sent"))).toBeVisible();
  // the course's discussion
  await phone.getByRole("link", { name: title }).click();
  await phone.getByRole("link", { name: t("discussions.link") }).click();
  await phone.getByLabel(t("discussions.field.title")).fill("Preguntas que funcionan");
  await phone
    .getByLabel(t("discussions.field.body"))
    .fill("La mía: ¿cómo lo supiste? Más en https://example.org/preguntas");
  await phone.getByRole("button", { name: t("discussions.start") }).click();
  await expect(phone.getByRole("heading", { name: "Preguntas que funcionan", level: 1 })).toBeVisible();
  await expect(phone.getByRole("link", { name: "https://example.org/preguntas" })).toHaveAttribute(
    "rel",
    /nofollow/,
  );

  // ── The facilitator asks for a revision and hides the post ──────────────────────────────────────
  await signIn(page, "facilitadora@demo.impulso.cl");
  await page.goto(cohortUrl);
  await page.getByRole("link", { name: "Mi mejor pregunta" }).click();
  await page.getByRole("button", { name: t("learning.activity.to_revise") }).click();
  await expect(page.getByText(t("learning.activity.errors.comment_required"))).toBeVisible();
  await page.getByLabel(t("learning.activity.comment_label")).fill("Cuente también qué respondió el curso.");
  await page.getByRole("button", { name: t("learning.activity.to_revise") }).click();
  await expect(page.getByText(t("learning.activity.reviewed"))).toBeVisible();
  await page.goto(cohortUrl.replace(/\/cursos\/[^/]+\/versiones\//, "/mis-cursos/"));
  await page.getByRole("link", { name: t("discussions.link") }).click();
  await page.getByRole("link", { name: "Preguntas que funcionan" }).click();
  await page.locator("summary", { hasText: t("discussions.hide") }).click();
  await page.getByLabel(t("discussions.hide_label")).fill("Prueba de moderación");
  await page.getByRole("button", { name: t("discussions.hide") }).click();
  await expect(page.getByText(t("discussions.hidden_done"))).toBeVisible();
  // its opening post hidden, the whole thread is the moderators' alone
  await expect(page.getByText(t("discussions.thread_hidden"))).toBeVisible();
  await expect(page.getByLabel(t("discussions.reply_label"))).toHaveCount(0);

  // the teacher no longer finds it, title included; she sees the comment where she answers
  await phone.reload();
  await expect(phone.getByRole("heading", { name: t("errors.not_found.title") })).toBeVisible();
  await expect(phone.getByText("La mía: ¿cómo lo supiste?")).toHaveCount(0);
  await phone.goto(`${cohortUrl.replace(/\/cursos\/[^/]+\/versiones\//, "/mis-cursos/")}/conversacion`);
  await expect(phone.getByRole("heading", { name: t("discussions.title"), level: 1 })).toBeVisible();
  await expect(phone.getByText("Preguntas que funcionan")).toHaveCount(0);
  await phone.goto("/");
  await due.getByRole("link", { name: "Mi mejor pregunta" }).click();
  await expect(phone.getByText("Cuente también qué respondió el curso.")).toBeVisible();
  await teacher.close();
});
