// /practicas/:practiceId/editar: the author's page for a practice (issue #17): its text and context, the
// consent a practice showing students needs before it is published (who gave it, when, for which use;
// withdrawing it unpublishes at once), publishing and unpublishing, its classroom clip (uploaded in
// parts that resume after a dropped connection) and its files; deleting a draft. Each is its own form.
import { Form, Link, redirect } from "react-router";
import {
  attachPracticeFile,
  deletePractice,
  practiceForEditing,
  publishPractice,
  recordConsent,
  removePracticeFile,
  removePracticeVideo,
  unpublishPractice,
  updatePractice,
  withdrawConsent,
} from "~/modules/practices";
import { PRACTICE_LIMITS, PRACTICE_VISIBILITIES } from "~/modules/practices/content";
import { DomainError, ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import { Field, FileField, FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { PracticeForm, practiceInputOf } from "../components/practice-form";
import { ResumableUpload } from "../components/resumable-upload";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/practice.edit";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "practices.edit") }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const page = await load(() => practiceForEditing(actor, params.practiceId));
  return { ...page, created: new URL(request.url).searchParams.get("creada") === "1" };
}

const MAX_FILE = `${PRACTICE_LIMITS.fileBytes / (1024 * 1024)} MB`;

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request, {
    maxBytes: PRACTICE_LIMITS.fileBytes + 64 * 1024,
    tooLarge: new DomainError(
      "files.errors.too_large",
      { file: "files.errors.too_large" },
      { max: MAX_FILE },
    ),
  });
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const id = params.practiceId;
  const result = await performOnce(async () => {
    switch (intent) {
      case "save":
        return { done: "save" as const, ...(await updatePractice(actor, id, practiceInputOf(form))) };
      case "consent":
        await recordConsent(actor, id, formToObject(form));
        return { done: "consent" as const };
      case "withdraw_consent":
        await withdrawConsent(actor, id);
        return { done: "withdraw_consent" as const };
      case "publish":
        await publishPractice(actor, id);
        return { done: "publish" as const };
      case "unpublish":
        await unpublishPractice(actor, id);
        return { done: "unpublish" as const };
      case "upload": {
        const file = form.get("file");
        if (!file || typeof file !== "object" || file.size === 0)
          throw new ValidationError({ file: "files.errors.empty" });
        await attachPracticeFile(actor, id, {
          fileName: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        });
        return { done: "upload" as const };
      }
      case "remove_file":
        await removePracticeFile(actor, id, String(form.get("fileId") ?? ""));
        return { done: "remove_file" as const };
      case "remove_video":
        await removePracticeVideo(actor, id);
        return { done: "remove_video" as const };
      case "delete":
        await deletePractice(actor, id);
        return { done: "delete" as const };
    }
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) {
    if (result.value.done === "delete") return redirect("/practicas/mias");
    if (result.value.done === "publish") return redirect(`/practicas/${id}`);
    return {
      done: result.value.done,
      unpublished: "unpublished" in result.value && result.value.unpublished,
    };
  }
  return result;
}

const DONE = {
  save: "practices.edit_page.saved",
  consent: "practices.consent.recorded",
  withdraw_consent: "practices.consent.withdrawn",
  unpublish: "practices.edit_page.unpublished",
  upload: "practices.files.saved",
  remove_file: "practices.files.removed",
  remove_video: "practices.video.removed",
} as const;

export default function EditPractice({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { practice: p, files, schools, created } = loaderData;
  const failure = failureOf(actionData);
  const failed = (intent: string) => (failure?.values.intent === intent ? failure : undefined);
  const done = actionData && "done" in actionData ? actionData.done : undefined;
  const consented = p.consentRecordedAt !== null && p.consentWithdrawnAt === null;
  const blocked = p.showsStudents && !consented;
  // the forms whose refusals show in their own section
  const placed = new Set([
    "save",
    "upload",
    "publish",
    "unpublish",
    ...(p.showsStudents && !consented ? ["consent"] : []),
    ...(p.status === "draft" ? ["delete"] : []),
  ]);
  return (
    <div className="stack">
      <p>
        <Link to="/practicas/mias">{t("practices.mine.title")}</Link>
      </p>
      <h1>{p.title}</h1>
      <p>
        <span className={`badge ${p.status === "published" ? "badge-ok" : ""}`}>
          {t(`practices.status.${p.status}`)}
        </span>{" "}
        <Link to={`/practicas/${p.id}`}>{t("practices.edit_page.view")}</Link>
      </p>
      {created ? (
        <p className="alert alert-ok" role="status">
          {t("practices.new.created")}
        </p>
      ) : null}
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(DONE[done])}
          {actionData && "unpublished" in actionData && actionData.unpublished
            ? ` ${t("practices.edit_page.back_to_draft")}`
            : ""}
        </p>
      ) : null}
      {p.proposedBy ? <p className="muted">{t("practices.edit_page.proposed")}</p> : null}
      {/* a refusal of a form that has no place of its own on the page as it is now (removing a file or
          the clip, withdrawing consent, one sent from an older page, a file over the size limit) */}
      <FormMessage
        failure={failure && !placed.has(String(failure.values.intent ?? "")) ? failure : undefined}
      />

      <section className="card stack" aria-labelledby="publication">
        <h2 id="publication">{t("practices.edit_page.publication")}</h2>
        <FormMessage failure={failed("publish") ?? failed("unpublish")} />
        {p.status === "published" ? (
          <>
            <p>
              {t("practices.edit_page.published_to", { audience: t(`practices.visibility.${p.visibility}`) })}
            </p>
            <Form method="post">
              <RequestKey />
              <input type="hidden" name="intent" value="unpublish" />
              <SubmitButton>{t("practices.edit_page.unpublish")}</SubmitButton>
            </Form>
          </>
        ) : blocked ? (
          <p className="alert">{t("practices.consent.needed")}</p>
        ) : (
          <>
            <p>{t("practices.edit_page.draft_only_you")}</p>
            <Form method="post">
              <RequestKey />
              <input type="hidden" name="intent" value="publish" />
              <SubmitButton>
                {t("practices.edit_page.publish", {
                  audience: t(`practices.visibility_short.${p.visibility}`),
                })}
              </SubmitButton>
            </Form>
          </>
        )}
      </section>

      {p.showsStudents ? (
        <section className="card stack" aria-labelledby="consent">
          <h2 id="consent">{t("practices.consent.title")}</h2>
          <p>{t("practices.consent.intro")}</p>
          {consented ? (
            <>
              <p>
                {t("practices.consent.on_record", {
                  by: p.consentBy ?? "",
                  on: p.consentOn ? f.day(p.consentOn) : "",
                  use: p.consentUse ?? "",
                  audience: t(`practices.visibility_short.${p.consentAudience ?? p.visibility}`),
                })}
              </p>
              <Form method="post">
                <RequestKey />
                <input type="hidden" name="intent" value="withdraw_consent" />
                <SubmitButton>{t("practices.consent.withdraw")}</SubmitButton>
              </Form>
              <p className="muted">{t("practices.consent.withdraw_hint")}</p>
            </>
          ) : (
            <Form method="post" className="stack" noValidate>
              <RequestKey />
              <input type="hidden" name="intent" value="consent" />
              <FormMessage failure={failed("consent")} />
              {p.consentWithdrawnAt ? <p className="muted">{t("practices.consent.was_withdrawn")}</p> : null}
              <Field
                name="consentBy"
                label={t("practices.consent.by")}
                hint={t("practices.consent.by_hint")}
                required
                maxLength={PRACTICE_LIMITS.consentBy}
                failure={failed("consent")}
              />
              <Field
                name="consentOn"
                type="date"
                label={t("practices.consent.on")}
                required
                failure={failed("consent")}
              />
              <fieldset className="stack">
                <legend>{t("practices.consent.audience")}</legend>
                {PRACTICE_VISIBILITIES.map((v) => (
                  <label key={v} className="choice">
                    <input
                      type="radio"
                      name="consentAudience"
                      value={v}
                      defaultChecked={(failed("consent")?.values.consentAudience ?? p.visibility) === v}
                    />{" "}
                    {t(`practices.visibility.${v}`)}
                  </label>
                ))}
                {failed("consent")?.fieldErrors.consentAudience ? (
                  <p className="field-error">
                    {t(failed("consent")?.fieldErrors.consentAudience ?? "errors.invalid_choice")}
                  </p>
                ) : null}
              </fieldset>
              <Field
                name="consentUse"
                label={t("practices.consent.use")}
                hint={t("practices.consent.use_hint")}
                required
                maxLength={PRACTICE_LIMITS.consentUse}
                failure={failed("consent")}
              />
              <SubmitButton>{t("practices.consent.record")}</SubmitButton>
            </Form>
          )}
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="video">
        <h2 id="video">{t("practices.video.title")}</h2>
        <p className="muted">{t("practices.video.intro")}</p>
        {p.videoKey ? (
          <>
            <p>
              <a href={`/practicas/${p.id}/video`}>{t("practices.video.current")}</a>{" "}
              <span className="muted">{p.videoSize ? f.fileSize(p.videoSize) : ""}</span>
            </p>
            <Form method="post">
              <RequestKey />
              <input type="hidden" name="intent" value="remove_video" />
              <SubmitButton>{t("practices.video.remove")}</SubmitButton>
            </Form>
          </>
        ) : null}
        <ResumableUpload
          purpose="practice-video"
          metadata={{ practiceId: p.id }}
          accept="video/mp4,video/webm,video/quicktime"
          label={p.videoKey ? t("practices.video.replace") : t("practices.video.upload")}
        />
      </section>

      <section className="card stack" aria-labelledby="files">
        <h2 id="files">{t("practices.files.title")}</h2>
        {files.length === 0 ? <p className="muted">{t("practices.files.none")}</p> : null}
        {files.length ? (
          <ul className="rows">
            {files.map((file) => (
              <li key={file.id}>
                <a href={`/practicas/${p.id}/archivos/${file.id}`} download>
                  {file.fileName}
                </a>{" "}
                <span className="muted">{f.fileSize(file.size)}</span>
                <Form method="post" className="inline">
                  <RequestKey />
                  <input type="hidden" name="intent" value="remove_file" />
                  <input type="hidden" name="fileId" value={file.id} />
                  <button type="submit" className="button-link">
                    {t("practices.files.remove", { name: file.fileName })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <RequestKey />
          <input type="hidden" name="intent" value="upload" />
          <FormMessage failure={failed("upload")} />
          <FileField
            name="file"
            label={t("practices.files.add")}
            hint={t("practices.files.hint", { max: MAX_FILE, count: PRACTICE_LIMITS.files })}
            required
            failure={failed("upload")}
          />
          <SubmitButton>{t("practices.files.upload")}</SubmitButton>
        </Form>
      </section>

      <section className="card stack" aria-labelledby="text">
        <h2 id="text">{t("practices.edit_page.text")}</h2>
        <Form method="post" className="stack" noValidate>
          <FormMessage failure={failed("save")} />
          <PracticeForm
            practice={{
              schoolId: p.schoolId,
              title: p.title,
              problem: p.problem,
              howTo: p.howTo,
              level: p.level,
              grade: p.grade,
              subject: p.subject,
              mbeStandards: p.mbeStandards,
              stepCategories: p.stepCategories,
              videoUrl: p.videoUrl,
              visibility: p.visibility,
              showsStudents: p.showsStudents,
            }}
            schools={schools}
            failure={failed("save")}
            submitLabel={t("practices.edit_page.save")}
          />
        </Form>
      </section>

      {p.status === "draft" ? (
        <section className="card stack" aria-labelledby="delete">
          <h2 id="delete">{t("practices.edit_page.delete_title")}</h2>
          <FormMessage failure={failed("delete")} />
          <Form method="post">
            <RequestKey />
            <input type="hidden" name="intent" value="delete" />
            <SubmitButton>{t("practices.edit_page.delete")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
