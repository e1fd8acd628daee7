// /mis-cursos/:cohortId/lecciones/:lessonId: one lesson to read: its text, its video (a link: nothing
// heavy loads until asked), its files, and the participant's "done" mark (a form: works without
// JavaScript), with the previous and next lessons.
import { Form, Link } from "react-router";
import { lessonInClassroom, setLessonDone } from "~/modules/learning";
import { formToObject } from "~/platform/validation";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/classroom.lesson";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.lesson.title} · ${loaderData.cohort.courseTitle} · Impulso`
      : pageTitle(matches, "learning.my.title"),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => lessonInClassroom(actor, params.cohortId, params.lessonId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () => setLessonDone(actor, params.cohortId, params.lessonId, formToObject(form)),
    form,
  );
  if ("ok" in result && result.ok) return { saved: true as const };
  return result;
}

export default function ClassroomLesson({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { cohort, lesson, files, previous, next, can } = loaderData;
  const failure = failureOf(actionData);
  return (
    <article className="stack">
      <p>
        <Link to={`/mis-cursos/${cohort.id}`}>{cohort.courseTitle}</Link>
        {lesson.moduleTitle ? <span className="muted"> · {lesson.moduleTitle}</span> : null}
      </p>
      <h1>{lesson.title}</h1>
      <FormMessage failure={failure} />
      {lesson.html.trim() ? (
        // rendered by platform/rich-text.ts: typed HTML is escaped, only safe links are kept
        // biome-ignore lint/security/noDangerouslySetInnerHtml: safe by construction (see above)
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: lesson.html }} />
      ) : null}
      {lesson.videoUrl ? (
        <p>
          <a href={lesson.videoUrl} rel="noopener noreferrer">
            {t("learning.lesson.watch_video", { site: new URL(lesson.videoUrl).hostname })}
          </a>
        </p>
      ) : null}
      {files.length ? (
        <section className="stack" aria-labelledby="files">
          <h2 id="files">{t("learning.lesson.files")}</h2>
          <ul className="rows">
            {files.map((file) => (
              <li key={file.id}>
                <a href={`/cursos/${cohort.courseId}/lecciones/${lesson.id}/archivos/${file.id}`} download>
                  {file.fileName}
                </a>{" "}
                <span className="muted">· {f.fileSize(file.size)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {can.complete ? (
        <Form method="post" className="card stack">
          <RequestKey />
          <p role={actionData && "saved" in actionData ? "status" : undefined}>
            {lesson.done ? (
              <span className="badge badge-ok">{t("learning.classroom.done")}</span>
            ) : (
              t("learning.classroom.mark_hint")
            )}
          </p>
          <input type="hidden" name="done" value={lesson.done ? "no" : "yes"} />
          <SubmitButton>
            {t(lesson.done ? "learning.classroom.mark_not_done" : "learning.classroom.mark_done")}
          </SubmitButton>
        </Form>
      ) : null}
      <nav className="lesson-nav" aria-label={t("learning.classroom.lesson_nav")}>
        {previous ? (
          <Link to={`/mis-cursos/${cohort.id}/lecciones/${previous.id}`} rel="prev">
            ← {previous.title}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/mis-cursos/${cohort.id}/lecciones/${next.id}`} rel="next">
            {next.title} →
          </Link>
        ) : null}
      </nav>
    </article>
  );
}
