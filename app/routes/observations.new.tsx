import { Form, Link, redirect } from "react-router";
import { observationHome, startVisit, visitOptions } from "~/modules/observation";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { load, notFound, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/observations.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "observation.new.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const url = new URL(request.url);
  const schoolId = url.searchParams.get("establecimiento") ?? undefined;
  // ?docente=<id>: the teacher picked beforehand (her profile, a follow-up, an overdue teacher)
  const teacherId = url.searchParams.get("docente") ?? undefined;
  return load(() => visitOptions(actor, schoolId, teacherId));
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  if (!observationHome(actor).observes) throw notFound();
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => startVisit(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/observaciones/${result.value}`);
  return result;
}

export default function NewVisit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { schools, school, teachers, teacherId, instruments, defaultPurpose } = loaderData;
  return (
    <div className="stack narrow">
      <p>
        <Link to="/observaciones">{t("observation.list.title")}</Link>
      </p>
      <h1>{t("observation.new.title")}</h1>
      <p>{t("observation.new.intro")}</p>
      {schools.length > 1 ? (
        <Form method="get" className="inline-form">
          {teacherId ? <input type="hidden" name="docente" value={teacherId} /> : null}
          <SelectField
            name="establecimiento"
            label={t("observation.new.school")}
            options={schools.map((s) => ({ value: s.id, label: s.name }))}
            defaultValue={school?.id ?? ""}
            emptyLabel=""
            required
          />
          <button type="submit" className="button button-secondary">
            {t("observation.new.choose_school")}
          </button>
        </Form>
      ) : null}
      {school ? (
        teachers.length === 0 ? (
          <p className="alert alert-info">{t("observation.new.no_teachers")}</p>
        ) : (
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failure} />
            <input type="hidden" name="schoolId" value={school.id} />
            <SelectField
              name="teacherId"
              label={t("observation.new.teacher")}
              options={teachers.map((p) => ({
                value: p.id,
                label: p.openStep
                  ? t("observation.new.teacher_step", { teacher: p.name, step: p.openStep })
                  : p.name,
              }))}
              defaultValue={teacherId ?? undefined}
              emptyLabel=""
              failure={failure}
              required
            />
            <SelectField
              name="instrumentId"
              label={t("observation.new.instrument")}
              options={instruments.map((i) => ({ value: i.id, label: i.name }))}
              defaultValue={instruments[0]?.id}
              failure={failure}
              required
            />
            <Field
              name="course"
              label={t("observation.new.course")}
              hint={t("observation.new.course_hint")}
              failure={failure}
              maxLength={60}
              required
            />
            <Field
              name="subject"
              label={t("observation.new.subject")}
              failure={failure}
              maxLength={80}
              required
            />
            <SelectField
              name="purpose"
              label={t("observation.purpose.label")}
              hint={t("observation.purpose.hint")}
              options={[
                { value: "formativa", label: t("observation.purpose.formativa") },
                { value: "evaluativa", label: t("observation.purpose.evaluativa") },
              ]}
              defaultValue={defaultPurpose}
              failure={failure}
              required
            />
            <SubmitButton>{t("observation.new.start")}</SubmitButton>
          </Form>
        )
      ) : null}
    </div>
  );
}
