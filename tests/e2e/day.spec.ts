// Each person's day (issue #15 §3), on a phone: the demo leader's home lists what is pending, each item
// a link to where it is done (a meeting to hold opens its form, with the visit's evidence one tap away);
// the demo teacher's home lists the feedback she has not read yet.
import { expect, test } from "@playwright/test";
import { translator } from "~/messages";
import { signIn, signOut } from "./support/session";

const t = translator("es-CL");

test("inicio: lo pendiente de la directora y la retroalimentación nueva de la docente", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "telefono", "the home page on a phone");

  await signIn(page, "directora.aromos@demo.impulso.cl");
  const observer = page.getByRole("region", { name: t("day.observer.title") });
  await expect(observer.getByRole("heading", { name: t("day.meetings.title") })).toBeVisible();
  const meeting = observer.getByRole("link", { name: /^Reunión con / }).first();
  const teacher = /^Reunión con (.+) \(/.exec((await meeting.textContent()) ?? "")?.[1] ?? "";
  expect(teacher).not.toBe("");
  await meeting.click();
  await expect(page).toHaveURL(/\/observaciones\/[0-9a-f-]{36}\/reunion$/);
  await expect(
    page.getByRole("heading", { name: t("observation.meeting.title", { teacher }), level: 1 }),
  ).toBeVisible();
  // The visit's evidence, folded, opens with one tap.
  const evidence = page.locator("details.evidence");
  await expect(evidence.locator(".notes")).toBeHidden();
  await evidence.locator("summary").tap();
  await expect(evidence.locator(".notes li").first()).toBeVisible();
  await signOut(page);

  await signIn(page, "docente@demo.impulso.cl");
  const mine = page.getByRole("region", { name: t("day.teacher.title") });
  await expect(mine.getByRole("heading", { name: t("day.feedback.title") })).toBeVisible();
  await mine
    .getByRole("link", { name: /^Retroalimentación de / })
    .first()
    .click();
  await expect(page).toHaveURL(/\/observaciones\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("button", { name: t("observation.respond.acknowledge") })).toBeVisible();
});
