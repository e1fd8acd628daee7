// /cursos/:courseId: a course's cohorts (places taken, waiting list, status) and their live sessions,
// with the forms to add a cohort, publish it and plan a session in a zone. Coordinators change it;
// the course's facilitators read it.
import { Form, Link } from "react-router";
import {
  courseForManagement,
  createCohort,
  planSession,
  publishCohort,
  setCourseFacilitators,
  setCourseProgram,
} from "~/modules/learning";
import { listPrograms } from "~/modules/people";
import { ValidationError } from "~/platform/errors";
import { can as allowed } from "~/platform/policy";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import { TIME_ZONES } from "../lib/time-zones";
import type { Route } from "./+types/course";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData ? `${loaderData.course.title} · Impulso` : pageTitle(matches, "learning.manage.title"),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    const managed = await courseForManagement(actor, params.courseId);
    const programs =
      managed.can.manage && allowed(actor, "list", "program", { organizationId: actor.organizationId })
        ? await listPrograms(actor)
        : [];
    return { ...managed, programs };
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const cohortId = String(form.get("cohortId") ?? "");
  const input = formToObject(form);
  const result = await performOnce(async () => {
    // the course must be the actor's to see before anything (a stranger gets "not found")
    await courseForManagement(actor, params.courseId);
    const owned = async () => {
      const { cohorts } = await courseForManagement(actor, params.courseId);
      if (!cohorts.some((c) => c.id === cohortId)) throw new Response(null, { status: 404 });
    };
    if (intent === "facilitators") {
      await setCourseFacilitators(actor, params.courseId, {
        facilitators: form.getAll("facilitators").map(String),
      });
      return { done: "facilitators" as const };
    }
    if (intent === "program") {
      await setCourseProgram(actor, params.courseId, input);
      return { done: "program" as const };
    }
    if (intent === "cohort")
      return { done: "cohort" as const, ...(await createCohort(actor, params.courseId, input)) };
    if (intent === "publish") {
      await owned();
      await publishCohort(actor, cohortId);
      return { done: "publish" as const };
    }
    if (intent === "session") {
      await owned();
      return { done: "session" as const, ...(await planSession(actor, cohortId, input)) };
    }
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) return { saved: result.value.done, cohortId };
  return result;
}

const SAVED = {
  cohort: "learning.manage.saved_cohort",
  publish: "learning.manage.saved_publish",
  session: "learning.manage.saved_session",
  facilitators: "learning.manage.saved_facilitators",
  program: "programs.course.saved",
} as const;

export default function Course({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { course, cohorts, can, facilitators, candidates, programs } = loaderData;
  const failure = failureOf(actionData);
  // Each form's refusal beside it: the refused form's own hidden fields say which form it was.
  const failed = (intent: string, cohortId = "") =>
    failure && failure.values.intent === intent && (failure.values.cohortId ?? "") === cohortId
      ? failure
      : undefined;
  const zones = TIME_ZONES.map((z) => ({ value: z, label: z.replace(/_/g, " ") }));
  // A refusal that belongs to none of the forms (an unreadable post, an unknown action): on top.
  const placed =
    Boolean(failed("cohort")) ||
    Boolean(failed("facilitators")) ||
    Boolean(failed("program")) ||
    cohorts.some((c) => Boolean(failed("session", c.id)));
  return (
    <div className="stack">
      <p>
        <Link to="/cursos">{t("learning.manage.title")}</Link>
      </p>
      <h1>{course.title}</h1>
      <p className="muted">
        {t(`learning.kind.${course.kind}`)} · {t("learning.hours", { count: course.hours })} ·{" "}
        {t(`learning.modality.${course.modality}`)} ·{" "}
        <Link to={`/talleres/${course.slug}`}>/talleres/{course.slug}</Link>
      </p>
      <p>
        <Link to={`/cursos/${course.id}/contenido`}>{t("learning.content.link")}</Link> ·{" "}
        <a href={`/cursos/${course.id}/informe?formato=xlsx`} download>
          {t("learning.report.download_xlsx")}
        </a>{" "}
        ·{" "}
        <a href={`/cursos/${course.id}/informe?formato=csv`} download>
          {t("learning.report.download_csv")}
        </a>
      </p>
      {placed ? null : <FormMessage failure={failure} />}
      {actionData && "saved" in actionData ? (
        <p className="alert alert-ok" role="status">
          {t(SAVED[actionData.saved ?? "cohort"])}
        </p>
      ) : null}
      {can.manage ? (
        <section className="card stack" aria-labelledby="curso-programa">
          <h2 id="curso-programa">{t("programs.field.program")}</h2>
          <Form method="post" className="stack">
            <FormMessage failure={failed("program")} />
            <input type="hidden" name="intent" value="program" />
            <SelectField
              name="programId"
              label={t("programs.field.program")}
              options={programs.map((p) => ({ value: p.id, label: p.name }))}
              emptyLabel={t("programs.field.none")}
              defaultValue={course.programId ?? ""}
              failure={failed("program")}
            />
            <div className="actions">
              <SubmitButton>{t("programs.course.save")}</SubmitButton>
            </div>
          </Form>
        </section>
      ) : null}
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.manage.facilitators")}</h2>
          {candidates.length === 0 ? (
            <p className="muted">{t("learning.manage.no_facilitators")}</p>
          ) : (
            <Form method="post" className="stack">
              <RequestKey />
              <FormMessage failure={failed("facilitators")} />
              <input type="hidden" name="intent" value="facilitators" />
              <fieldset>
                <legend>{t("learning.manage.facilitators_legend")}</legend>
                {candidates.map((c) => (
                  <label key={c.id} className="check-row">
                    <input
                      type="checkbox"
                      name="facilitators"
                      value={c.id}
                      defaultChecked={facilitators.includes(c.id)}
                    />{" "}
                    {c.name}
                  </label>
                ))}
              </fieldset>
              {failed("facilitators")?.fieldErrors.facilitators ? (
                <p className="field-error">
                  {t(failed("facilitators")?.fieldErrors.facilitators ?? "errors.invalid_choice")}
                </p>
              ) : null}
              <SubmitButton>{t("learning.manage.save_facilitators")}</SubmitButton>
            </Form>
          )}
        </section>
      ) : null}
      {cohorts.length === 0 ? <p className="muted">{t("learning.manage.no_cohorts")}</p> : null}
      {cohorts.map((cohort) => (
        <section key={cohort.id} className="card stack">
          <h2>{cohort.name}</h2>
          <p>
            <Link to={`/cursos/${course.id}/versiones/${cohort.id}`}>{t("learning.cohort.open")}</Link>
          </p>
          <p>
            {t("learning.dates", { start: f.day(cohort.startsOn), end: f.day(cohort.endsOn) })} ·{" "}
            {t(`learning.cohort_status.${cohort.status}`)}
          </p>
          <p>
            {cohort.capacity === null
              ? t("learning.manage.registered", { count: cohort.confirmed })
              : t("learning.manage.registered_of", { count: cohort.confirmed, capacity: cohort.capacity })}
            {cohort.waiting ? ` · ${t("learning.manage.waiting", { count: cohort.waiting })}` : ""}
          </p>
          {cohort.sessions.length ? (
            <ul className="rows">
              {cohort.sessions.map((s) => (
                <li key={s.id}>
                  <strong>{f.dateTimeIn(s.startsAt, s.plannedTimeZone)}</strong> (
                  {f.zoneName(s.plannedTimeZone)}) · {s.title} ·{" "}
                  {t("learning.sessions.minutes", { count: s.durationMinutes })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("learning.manage.no_sessions")}</p>
          )}
          {can.manage && cohort.status === "draft" ? (
            <Form method="post">
              <RequestKey />
              <input type="hidden" name="intent" value="publish" />
              <input type="hidden" name="cohortId" value={cohort.id} />
              <SubmitButton>{t("learning.manage.publish")}</SubmitButton>
            </Form>
          ) : null}
          {can.manage ? (
            <details open={Boolean(failed("session", cohort.id))}>
              <summary>{t("learning.manage.add_session")}</summary>
              <Form method="post" className="stack" noValidate>
                <RequestKey />
                <FormMessage failure={failed("session", cohort.id)} />
                <input type="hidden" name="intent" value="session" />
                <input type="hidden" name="cohortId" value={cohort.id} />
                <Field
                  name="title"
                  label={t("learning.field.session_title")}
                  required
                  failure={failed("session", cohort.id)}
                />
                <Field
                  name="date"
                  label={t("learning.field.date")}
                  type="date"
                  required
                  failure={failed("session", cohort.id)}
                />
                <Field
                  name="time"
                  label={t("learning.field.time")}
                  type="time"
                  required
                  failure={failed("session", cohort.id)}
                />
                <SelectField
                  name="timeZone"
                  label={t("learning.field.time_zone")}
                  options={zones}
                  failure={failed("session", cohort.id)}
                />
                <SelectField
                  name="occurrence"
                  label={t("learning.field.occurrence")}
                  hint={t("learning.field.occurrence_hint")}
                  emptyLabel=""
                  options={[
                    { value: "earlier", label: t("learning.occurrence.earlier") },
                    { value: "later", label: t("learning.occurrence.later") },
                  ]}
                  failure={failed("session", cohort.id)}
                />
                <Field
                  name="durationMinutes"
                  label={t("learning.field.duration")}
                  type="number"
                  inputMode="numeric"
                  defaultValue={90}
                  failure={failed("session", cohort.id)}
                />
                <Field
                  name="meetingUrl"
                  label={t("learning.field.meeting_url")}
                  type="url"
                  failure={failed("session", cohort.id)}
                />
                <SubmitButton>{t("learning.manage.plan_session")}</SubmitButton>
              </Form>
            </details>
          ) : null}
        </section>
      ))}
      {can.manage ? (
        <section className="card stack">
          <h2>{t("learning.manage.add_cohort")}</h2>
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failed("cohort")} />
            <input type="hidden" name="intent" value="cohort" />
            <Field name="name" label={t("learning.field.cohort_name")} required failure={failed("cohort")} />
            <Field
              name="startsOn"
              label={t("learning.field.starts_on")}
              type="date"
              required
              failure={failed("cohort")}
            />
            <Field
              name="endsOn"
              label={t("learning.field.ends_on")}
              type="date"
              required
              failure={failed("cohort")}
            />
            <Field
              name="capacity"
              label={t("learning.field.capacity")}
              hint={t("learning.field.capacity_hint")}
              type="number"
              inputMode="numeric"
              failure={failed("cohort")}
            />
            <SubmitButton>{t("learning.manage.create_cohort")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
