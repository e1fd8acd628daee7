// /cursos/:courseId/contenido: a course's modules and lessons, in order. Coordinators add a module, add
// a lesson to one (then write it on its own page), rename, move up or down and delete; the course's
// facilitators read it.
import { Form, Link, redirect } from "react-router";
import {
  addActivity,
  addLesson,
  addModule,
  courseContent,
  deleteModule,
  moveLesson,
  moveModule,
  renameModule,
} from "~/modules/learning";
import { ACTIVITY_KINDS } from "~/modules/learning/content";
import { ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/course.content";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "learning.content.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => courseContent(actor, params.courseId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const moduleId = String(form.get("moduleId") ?? "");
  const lessonId = String(form.get("lessonId") ?? "");
  const input = formToObject(form);
  const result = await performOnce(async () => {
    // every module or lesson named must be this course's (a stranger's id gives "not found")
    const { modules } = await courseContent(actor, params.courseId);
    const ownModule = () => {
      if (!modules.some((m) => m.id === moduleId)) throw new Response(null, { status: 404 });
    };
    const ownLesson = () => {
      if (!modules.some((m) => m.lessons.some((l) => l.id === lessonId)))
        throw new Response(null, { status: 404 });
    };
    if (intent === "module")
      return { done: "module" as const, ...(await addModule(actor, params.courseId, input)) };
    if (intent === "rename") {
      ownModule();
      await renameModule(actor, moduleId, input);
      return { done: "rename" as const };
    }
    if (intent === "move_module") {
      ownModule();
      await moveModule(actor, moduleId, input);
      return { done: "move" as const };
    }
    if (intent === "delete_module") {
      ownModule();
      await deleteModule(actor, moduleId);
      return { done: "delete_module" as const };
    }
    if (intent === "lesson") {
      ownModule();
      return { done: "lesson" as const, ...(await addLesson(actor, moduleId, input)) };
    }
    if (intent === "activity") {
      ownModule();
      return { done: "activity" as const, ...(await addActivity(actor, moduleId, input)) };
    }
    if (intent === "move_lesson") {
      ownLesson();
      await moveLesson(actor, lessonId, input);
      return { done: "move" as const };
    }
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) {
    // a new lesson is written on its own page
    if (result.value.done === "lesson" && "id" in result.value)
      return redirect(`/cursos/${params.courseId}/lecciones/${result.value.id}`);
    if (result.value.done === "activity" && "id" in result.value)
      return redirect(`/cursos/${params.courseId}/actividades/${result.value.id}`);
    return { saved: result.value.done };
  }
  return result;
}

const SAVED = {
  module: "learning.content.saved_module",
  rename: "learning.content.saved_rename",
  move: "learning.content.saved_move",
  delete_module: "learning.content.saved_delete_module",
  activity: "learning.content.saved_module",
} as const;

function MoveButtons({
  intent,
  field,
  id,
  label,
}: {
  intent: string;
  field: string;
  id: string;
  label: string;
}) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <RequestKey />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={id} />
      <button
        type="submit"
        className="link-button"
        name="direction"
        value="up"
        aria-label={t("learning.content.move_up_named", { name: label })}
      >
        {t("learning.content.move_up")}
      </button>{" "}
      <button
        type="submit"
        className="link-button"
        name="direction"
        value="down"
        aria-label={t("learning.content.move_down_named", { name: label })}
      >
        {t("learning.content.move_down")}
      </button>
    </Form>
  );
}

export default function CourseContent({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { course, modules, can } = loaderData;
  const failure = failureOf(actionData);
  const failed = (intent: string, moduleId = "") =>
    failure && failure.values.intent === intent && (failure.values.moduleId ?? "") === moduleId
      ? failure
      : undefined;
  const placed =
    Boolean(failed("module")) ||
    modules.some(
      (m) =>
        failed("lesson", m.id) ||
        failed("activity", m.id) ||
        failed("rename", m.id) ||
        failed("delete_module", m.id),
    );
  return (
    <div className="stack">
      <p>
        <Link to={`/cursos/${course.id}`}>{course.title}</Link>
      </p>
      <h1>{t("learning.content.title")}</h1>
      <p className="muted">{t("learning.content.intro")}</p>
      {placed ? null : <FormMessage failure={failure} />}
      {actionData && "saved" in actionData && actionData.saved ? (
        <p className="alert alert-ok" role="status">
          {t(SAVED[actionData.saved])}
        </p>
      ) : null}
      {modules.length === 0 ? <p className="muted">{t("learning.content.empty")}</p> : null}
      {modules.map((m, index) => (
        <section key={m.id} className="card stack" aria-labelledby={`module-${m.id}`}>
          <h2 id={`module-${m.id}`}>
            {t("learning.content.module_number", { number: index + 1 })}: {m.title}
          </h2>
          {can.manage ? (
            <MoveButtons intent="move_module" field="moduleId" id={m.id} label={m.title} />
          ) : null}
          {m.lessons.length === 0 ? (
            <p className="muted">{t("learning.content.no_lessons")}</p>
          ) : (
            <ol className="rows">
              {m.lessons.map((l) => (
                <li key={l.id}>
                  <Link to={`/cursos/${course.id}/lecciones/${l.id}`}>{l.title}</Link>
                  {l.files ? (
                    <span className="muted"> · {t("learning.content.files", { count: l.files })}</span>
                  ) : null}
                  {can.manage ? (
                    <>
                      {" "}
                      <MoveButtons intent="move_lesson" field="lessonId" id={l.id} label={l.title} />
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {m.activities.length ? (
            <>
              <h3>{t("learning.activity.heading")}</h3>
              <ol className="rows">
                {m.activities.map((a) => (
                  <li key={a.id}>
                    <Link to={`/cursos/${course.id}/actividades/${a.id}`}>{a.title}</Link>{" "}
                    <span className="muted">
                      · {t(`learning.activity.kind.${a.kind}`)}
                      {a.required ? ` · ${t("learning.activity.required")}` : ""}
                    </span>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
          {can.manage ? (
            <>
              <Form method="post" className="stack" noValidate>
                <RequestKey />
                <FormMessage failure={failed("lesson", m.id)} />
                <input type="hidden" name="intent" value="lesson" />
                <input type="hidden" name="moduleId" value={m.id} />
                <Field
                  name="title"
                  label={t("learning.content.lesson_title")}
                  required
                  failure={failed("lesson", m.id)}
                />
                <SubmitButton>{t("learning.content.add_lesson")}</SubmitButton>
              </Form>
              <details open={Boolean(failed("activity", m.id))}>
                <summary>{t("learning.activity.add")}</summary>
                <Form method="post" className="stack" noValidate>
                  <RequestKey />
                  <FormMessage failure={failed("activity", m.id)} />
                  <input type="hidden" name="intent" value="activity" />
                  <input type="hidden" name="moduleId" value={m.id} />
                  <SelectField
                    name="kind"
                    label={t("learning.activity.kind_label")}
                    required
                    options={ACTIVITY_KINDS.map((k) => ({
                      value: k,
                      label: t(`learning.activity.kind.${k}`),
                    }))}
                    failure={failed("activity", m.id)}
                  />
                  <Field
                    name="title"
                    label={t("learning.activity.title_label")}
                    required
                    failure={failed("activity", m.id)}
                  />
                  <SubmitButton>{t("learning.activity.add")}</SubmitButton>
                </Form>
              </details>
              <details open={Boolean(failed("rename", m.id) || failed("delete_module", m.id))}>
                <summary>{t("learning.content.edit_module")}</summary>
                <Form method="post" className="stack" noValidate>
                  <RequestKey />
                  <FormMessage failure={failed("rename", m.id)} />
                  <input type="hidden" name="intent" value="rename" />
                  <input type="hidden" name="moduleId" value={m.id} />
                  <Field
                    name="title"
                    label={t("learning.content.module_title")}
                    required
                    defaultValue={m.title}
                    failure={failed("rename", m.id)}
                  />
                  <SubmitButton>{t("learning.content.rename")}</SubmitButton>
                </Form>
                <Form method="post" className="stack">
                  <RequestKey />
                  <FormMessage failure={failed("delete_module", m.id)} />
                  <input type="hidden" name="intent" value="delete_module" />
                  <input type="hidden" name="moduleId" value={m.id} />
                  <p className="muted">{t("learning.content.delete_module_hint")}</p>
                  <SubmitButton>{t("learning.content.delete_module")}</SubmitButton>
                </Form>
              </details>
            </>
          ) : null}
        </section>
      ))}
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.content.add_module")}</h2>
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failed("module")} />
            <input type="hidden" name="intent" value="module" />
            <Field
              name="title"
              label={t("learning.content.module_title")}
              required
              failure={failed("module")}
            />
            <SubmitButton>{t("learning.content.add_module")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
