// /cursos/nuevo: a coordinator creates a course or an open workshop (its cohorts come next).
import { Form, Link, redirect } from "react-router";
import { createCourse } from "~/modules/learning";
import { COURSE_KINDS, COURSE_LEVELS, COURSE_MODALITIES } from "~/modules/learning/content";
import { listPrograms } from "~/modules/people";
import { authorize } from "~/platform/policy";
import { formToObject } from "~/platform/validation";
import {
  Field,
  FormMessage,
  failureOf,
  RequestKey,
  SelectField,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/courses.new";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "learning.manage.new") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  await load(async () => authorize(actor, "create", "course", { organizationId: actor.organizationId }));
  return { programs: await listPrograms(actor) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(() => createCourse(actor, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/cursos/${result.value.id}`);
  return result;
}

export default function NewCourse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  return (
    <div className="stack narrow">
      <p>
        <Link to="/cursos">{t("learning.manage.title")}</Link>
      </p>
      <h1>{t("learning.manage.new")}</h1>
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <SelectField
          name="kind"
          label={t("learning.field.kind")}
          options={COURSE_KINDS.map((k) => ({ value: k, label: t(`learning.kind.${k}`) }))}
          failure={failure}
        />
        <Field name="title" label={t("learning.field.title")} required failure={failure} />
        <Field
          name="slug"
          label={t("learning.field.slug")}
          hint={t("learning.field.slug_hint")}
          required
          failure={failure}
        />
        <Field name="summary" label={t("learning.field.summary")} failure={failure} />
        <TextAreaField
          name="description"
          label={t("learning.field.description")}
          rows={6}
          failure={failure}
        />
        <Field
          name="hours"
          label={t("learning.field.hours")}
          type="number"
          inputMode="numeric"
          required
          failure={failure}
        />
        <Field name="topic" label={t("learning.field.topic")} failure={failure} />
        <SelectField
          name="programId"
          label={t("programs.field.program")}
          options={loaderData.programs.map((p) => ({ value: p.id, label: p.name }))}
          emptyLabel={t("programs.field.none")}
          failure={failure}
        />
        <SelectField
          name="level"
          label={t("learning.catalogue.level")}
          options={COURSE_LEVELS.map((l) => ({ value: l, label: t(`learning.level.${l}`) }))}
          failure={failure}
        />
        <SelectField
          name="modality"
          label={t("learning.field.modality")}
          options={COURSE_MODALITIES.map((m) => ({ value: m, label: t(`learning.modality.${m}`) }))}
          failure={failure}
        />
        <Field
          name="minAttendancePercent"
          label={t("learning.field.min_attendance")}
          type="number"
          inputMode="numeric"
          defaultValue={75}
          failure={failure}
        />
        <Field
          name="signerName"
          label={t("learning.field.signer_name")}
          hint={t("learning.field.signer_hint")}
          failure={failure}
        />
        <Field name="signerTitle" label={t("learning.field.signer_title")} failure={failure} />
        <div className="actions">
          <SubmitButton>{t("learning.manage.create")}</SubmitButton>
          <Link to="/cursos">{t("learning.manage.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
