// /mentoria/certificacion/:trackId: a coordinator edits a track, its requirements in order, adds
// candidates and sees every candidate's progress (issue #18).
import { Form, Link, redirect } from "react-router";
import { addCandidate, addRequirement, removeRequirement, trackPage, updateTrack } from "~/modules/mentoring";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { MentorTrackFields, requirementLabel } from "../components/mentor-track-form";
import { load, perform, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring-track.track";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoringTrack.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => ({
    ...(await trackPage(actor, params.trackId)),
    notice: new URL(request.url).searchParams.get("aviso"),
  }));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = form.get("intent");
  const here = `/mentoria/certificacion/${params.trackId}`;
  if (intent === "update") {
    const result = await perform(() => updateTrack(actor, params.trackId, formToObject(form)), form);
    if ("ok" in result && result.ok) throw redirect(`${here}?aviso=guardado`);
    return result;
  }
  if (intent === "remove_requirement") {
    const id = form.get("requirementId");
    const result = await perform(
      () => removeRequirement(actor, params.trackId, typeof id === "string" ? id : ""),
      form,
    );
    if ("ok" in result && result.ok) throw redirect(here);
    return result;
  }
  if (intent === "add_candidate") {
    const result = await performOnce(() => addCandidate(actor, params.trackId, formToObject(form)), form);
    if ("ok" in result && result.ok) throw redirect(here);
    return result;
  }
  const result = await perform(() => addRequirement(actor, params.trackId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(here);
  return result;
}

export default function TrackPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { track, requirements, candidates, courses, programs, notice } = loaderData;
  const failure = failureOf(actionData);
  const intent = failure?.values.intent;
  const of = (name: string) => (intent === name ? failure : undefined);
  const elsewhere =
    failure && !["update", "add_requirement", "add_candidate"].includes(String(intent)) ? failure : undefined;
  return (
    <div className="stack">
      <p>
        <Link to="/mentoria/certificacion">{t("mentoringTrack.title")}</Link>
      </p>
      <h1>{track.title}</h1>
      {notice === "guardado" ? (
        <p className="alert alert-ok" role="status">
          {t("mentoringTrack.saved")}
        </p>
      ) : null}
      <FormMessage failure={elsewhere} />

      <section className="stack" aria-labelledby="candidates">
        <h2 id="candidates">{t("mentoringTrack.candidates")}</h2>
        {candidates.length === 0 ? <p className="muted">{t("mentoringTrack.candidates_none")}</p> : null}
        <ul className="stack">
          {candidates.map((c) => (
            <li key={c.id} className="card stack">
              <p>
                <Link to={`/mentoria/certificacion/candidaturas/${c.id}`}>{c.name}</Link>{" "}
                <span className="muted">
                  · {t("mentoringTrack.candidacy.started", { date: f.day(c.startedOn) })}
                </span>
              </p>
              <p>
                {c.certifiedAt ? (
                  <strong>{t("mentoringTrack.certified_on", { date: f.date(c.certifiedAt) })}</strong>
                ) : c.complete ? (
                  <strong>{t("mentoringTrack.complete")}</strong>
                ) : (
                  t("mentoringTrack.progress_summary", {
                    met: c.items.filter((i) => i.met).length,
                    total: c.items.length,
                  })
                )}
              </p>
              {c.items.length ? (
                <p className="muted">
                  {c.items
                    .map(
                      (i, n) =>
                        `${n + 1}. ${t("mentoringTrack.item.count", { have: i.have, need: i.need })} ${
                          i.met ? "✓" : ""
                        }`,
                    )
                    .join(" · ")}
                </p>
              ) : null}
              {c.supervisor ? (
                <p className="muted">{t("mentoringTrack.supervised_by", { name: c.supervisor })}</p>
              ) : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="stack card" noValidate>
          <RequestKey />
          <input type="hidden" name="intent" value="add_candidate" />
          <FormMessage failure={of("add_candidate")} />
          <Field
            name="email"
            type="email"
            label={t("mentoringTrack.field.email")}
            required
            maxLength={320}
            failure={of("add_candidate")}
          />
          <Field
            name="startedOn"
            type="date"
            label={t("mentoringTrack.field.started_on")}
            failure={of("add_candidate")}
          />
          <Field
            name="supervisorEmail"
            type="email"
            label={t("mentoringTrack.field.supervisor_email")}
            maxLength={320}
            failure={of("add_candidate")}
          />
          <SubmitButton>{t("mentoringTrack.add_candidate")}</SubmitButton>
        </Form>
      </section>

      <section className="stack" aria-labelledby="requirements">
        <h2 id="requirements">{t("mentoringTrack.requirements")}</h2>
        {requirements.length === 0 ? <p className="muted">{t("mentoringTrack.requirements_none")}</p> : null}
        <ol className="stack">
          {requirements.map((r) => (
            <li key={r.id}>
              {requirementLabel(t, r)}{" "}
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value="remove_requirement" />
                <input type="hidden" name="requirementId" value={r.id} />
                <button type="submit" className="button-link">
                  {t("mentoringTrack.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ol>
        <Form method="post" className="stack card" noValidate>
          <input type="hidden" name="intent" value="add_requirement" />
          <FormMessage failure={of("add_requirement")} />
          <SelectField
            name="kind"
            label={t("mentoringTrack.field.kind")}
            required
            failure={of("add_requirement")}
            options={(
              ["course_completed", "meetings_recorded", "meetings_reviewed", "final_interview"] as const
            ).map((k) => ({ value: k, label: t(`mentoringTrack.kind_option.${k}`) }))}
          />
          <SelectField
            name="courseId"
            label={t("mentoringTrack.field.course")}
            failure={of("add_requirement")}
            emptyLabel=""
            options={courses.map((c) => ({ value: c.id, label: c.title }))}
          />
          <Field
            name="count"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            label={t("mentoringTrack.field.count")}
            failure={of("add_requirement")}
          />
          <SubmitButton>{t("mentoringTrack.add_requirement")}</SubmitButton>
        </Form>
      </section>

      <section className="stack narrow" aria-labelledby="details">
        <h2 id="details">{t("mentoringTrack.edit.title")}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="update" />
          <FormMessage failure={of("update")} />
          <MentorTrackFields failure={of("update")} track={track} programs={programs} />
          <SubmitButton>{t("mentoringTrack.edit.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
