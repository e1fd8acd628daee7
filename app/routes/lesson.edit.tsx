// /cursos/:courseId/lecciones/:lessonId: a lesson as its editor sees it. Coordinators write its text
// (Markdown: shown below as readers will see it), its video link and its files; they delete it. The
// course's facilitators read it.
import { Form, Link, redirect } from "react-router";
import {
  attachLessonFile,
  deleteLesson,
  lessonForEditing,
  MAX_LESSON_FILE_BYTES,
  removeLessonFile,
  updateLesson,
} from "~/modules/learning";
import { LESSON_FILE_ACCEPT, MAX_LESSON_FILE_MB } from "~/modules/learning/content";
import { DomainError, ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import {
  Field,
  FileField,
  FormMessage,
  failureOf,
  RequestKey,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/lesson.edit";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.lesson.title} · ${loaderData.courseTitle} · Impulso`
      : pageTitle(matches, "learning.content.title"),
  },
];

async function lessonPage(
  request: Request,
  context: Route.LoaderArgs["context"],
  params: Route.LoaderArgs["params"],
) {
  const actor = requireActor(request, context);
  const page = await load(() => lessonForEditing(actor, params.lessonId));
  if (page.lesson.courseId !== params.courseId) throw new Response(null, { status: 404 });
  return { actor, page };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return (await lessonPage(request, context, params)).page;
}

const MAX_MB = `${MAX_LESSON_FILE_MB} MB`;

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor } = await lessonPage(request, context, params);
  const form = await readForm(request, {
    maxBytes: MAX_LESSON_FILE_BYTES + 64 * 1024,
    tooLarge: new DomainError("files.errors.too_large", { file: "files.errors.too_large" }, { max: MAX_MB }),
  });
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const result = await performOnce(async () => {
    if (intent === "save") {
      await updateLesson(actor, params.lessonId, formToObject(form));
      return { done: "save" as const };
    }
    if (intent === "upload") {
      const file = form.get("file");
      if (!file || typeof file !== "object" || file.size === 0)
        throw new ValidationError({ file: "files.errors.empty" });
      await attachLessonFile(actor, params.lessonId, {
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return { done: "upload" as const };
    }
    if (intent === "remove_file") {
      await removeLessonFile(actor, params.lessonId, String(form.get("fileId") ?? ""));
      return { done: "remove_file" as const };
    }
    if (intent === "delete") {
      await deleteLesson(actor, params.lessonId);
      return { done: "delete" as const };
    }
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) {
    if (result.value.done === "delete") return redirect(`/cursos/${params.courseId}/contenido`);
    return { saved: result.value.done };
  }
  return result;
}

const SAVED = {
  save: "learning.lesson.saved",
  upload: "learning.lesson.saved_file",
  remove_file: "learning.lesson.removed_file",
} as const;

export default function LessonEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { lesson, courseTitle, html, files, can } = loaderData;
  const failure = failureOf(actionData);
  const failed = (intent: string) => (failure && failure.values.intent === intent ? failure : undefined);
  const placed = Boolean(failed("save") || failed("upload"));
  const saved = actionData && "saved" in actionData ? actionData.saved : null;
  const base = `/cursos/${lesson.courseId}/lecciones/${lesson.id}`;
  return (
    <div className="stack">
      <p>
        <Link to={`/cursos/${lesson.courseId}`}>{courseTitle}</Link> ·{" "}
        <Link to={`/cursos/${lesson.courseId}/contenido`}>{t("learning.content.title")}</Link>
      </p>
      <h1>{lesson.title}</h1>
      {placed ? null : <FormMessage failure={failure} />}
      {saved ? (
        <p className="alert alert-ok" role="status">
          {t(SAVED[saved])}
        </p>
      ) : null}
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.lesson.edit")}</h2>
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failed("save")} />
            <input type="hidden" name="intent" value="save" />
            <Field
              name="title"
              label={t("learning.content.lesson_title")}
              required
              defaultValue={lesson.title}
              failure={failed("save")}
            />
            <TextAreaField
              name="body"
              label={t("learning.lesson.body")}
              hint={t("learning.lesson.body_hint")}
              rows={14}
              defaultValue={lesson.body}
              failure={failed("save")}
            />
            <Field
              name="videoUrl"
              label={t("learning.lesson.video_url")}
              hint={t("learning.lesson.video_url_hint")}
              type="url"
              defaultValue={lesson.videoUrl}
              failure={failed("save")}
            />
            <SubmitButton>{t("learning.lesson.save")}</SubmitButton>
          </Form>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="preview">
        <h2 id="preview">{t("learning.lesson.preview")}</h2>
        {lesson.body.trim() ? (
          // rendered by platform/rich-text.ts: typed HTML is escaped, only safe links are kept
          // biome-ignore lint/security/noDangerouslySetInnerHtml: safe by construction (see above)
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: html }} />
        ) : (
          <p className="muted">{t("learning.lesson.no_text")}</p>
        )}
        {lesson.videoUrl ? (
          <p>
            <a href={lesson.videoUrl} rel="noopener noreferrer">
              {t("learning.lesson.watch_video", { site: new URL(lesson.videoUrl).hostname })}
            </a>
          </p>
        ) : null}
      </section>
      <section className="card stack" aria-labelledby="files">
        <h2 id="files">{t("learning.lesson.files")}</h2>
        {files.length === 0 ? <p className="muted">{t("learning.lesson.no_files")}</p> : null}
        {files.length ? (
          <ul className="rows">
            {files.map((file) => (
              <li key={file.id}>
                <a href={`${base}/archivos/${file.id}`} download>
                  {file.fileName}
                </a>{" "}
                <span className="muted">· {f.fileSize(file.size)}</span>
                {can.manage ? (
                  <Form method="post" className="inline-form">
                    <RequestKey />
                    <input type="hidden" name="intent" value="remove_file" />
                    <input type="hidden" name="fileId" value={file.id} />{" "}
                    <button
                      type="submit"
                      className="link-button"
                      aria-label={t("learning.lesson.remove_file_named", { name: file.fileName })}
                    >
                      {t("learning.lesson.remove_file")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {can.manage ? (
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failed("upload")} />
            <input type="hidden" name="intent" value="upload" />
            <FileField
              name="file"
              label={t("learning.lesson.add_file")}
              hint={t("learning.lesson.add_file_hint", { max: MAX_MB })}
              accept={LESSON_FILE_ACCEPT}
              required
              failure={failed("upload")}
            />
            <SubmitButton>{t("learning.lesson.upload")}</SubmitButton>
          </Form>
        ) : null}
      </section>
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.lesson.delete")}</h2>
          <p className="muted">{t("learning.lesson.delete_hint")}</p>
          <Form method="post">
            <RequestKey />
            <input type="hidden" name="intent" value="delete" />
            <SubmitButton>{t("learning.lesson.delete")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
