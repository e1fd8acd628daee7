// /mis-cursos/:cohortId/conversacion: a cohort's discussion space: its threads, the latest first, and
// the form to start one (which then opens on its own page).
import { Form, Link, redirect } from "react-router";
import { spaceThreads, startThread } from "~/modules/discussions";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/classroom.discussion";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "discussions.title") }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => spaceThreads(actor, "cohort", params.cohortId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () => startThread(actor, "cohort", params.cohortId, formToObject(form)),
    form,
  );
  if ("ok" in result && result.ok) return redirect(`/conversaciones/${result.value.id}`);
  return result;
}

export default function ClassroomDiscussion({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { space, threads, can } = loaderData;
  const failure = failureOf(actionData);
  return (
    <div className="stack">
      <p>
        <Link to={`/mis-cursos/${space.id}`}>{space.title}</Link>
      </p>
      <h1>{t("discussions.title")}</h1>
      <p className="muted">{t("discussions.intro")}</p>
      {threads.length === 0 ? <p className="muted">{t("discussions.none")}</p> : null}
      {threads.length ? (
        <ul className="rows">
          {threads.map((thread) => (
            <li key={thread.id}>
              <Link to={`/conversaciones/${thread.id}`}>
                <strong>{thread.title}</strong>
              </Link>
              {thread.hidden ? (
                <>
                  {" "}
                  <span className="badge badge-warn">{t("discussions.thread_hidden_badge")}</span>
                </>
              ) : null}
              {thread.unread ? (
                <>
                  {" "}
                  <span className="badge badge-ok">
                    {t("discussions.new_posts", { count: thread.unread })}
                  </span>
                </>
              ) : null}
              <br />
              <span className="muted">
                {t("discussions.by", { name: thread.author })} ·{" "}
                {t("discussions.posts", { count: thread.posts })} · {f.dateTime(thread.lastPostAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {can.post ? (
        <section className="card stack">
          <h2>{t("discussions.new")}</h2>
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failure} />
            <Field name="title" label={t("discussions.field.title")} required failure={failure} />
            <TextAreaField
              name="body"
              required
              label={t("discussions.field.body")}
              rows={6}
              failure={failure}
            />
            <SubmitButton>{t("discussions.start")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
