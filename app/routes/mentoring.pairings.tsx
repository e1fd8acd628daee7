// /mentoria/duplas (issue #18): coordinators list the organization's pairings (by school, mentor,
// state) and pair a mentor with teachers of a school. The form works in two steps without JavaScript:
// choosing the school (GET) lists its teachers to tick; sending (POST) creates the pairings.
import { Form, Link, redirect } from "react-router";
import { createPairings, listPairings, pairingOptions } from "~/modules/mentoring";
import { PAIRING_STATES } from "~/modules/mentoring/content";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring.pairings";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoring.pairings.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const url = new URL(request.url);
  const q = (name: string) => url.searchParams.get(name) ?? undefined;
  return load(async () => {
    const [list, options] = await Promise.all([
      listPairings(actor, {
        schoolId: q("establecimiento"),
        mentorId: q("mentor"),
        state: q("estado"),
        page: Number(q("pagina") ?? 1) || 1,
      }),
      pairingOptions(actor, q("escuela")),
    ]);
    return {
      ...list,
      options,
      filters: { schoolId: q("establecimiento") ?? "", mentorId: q("mentor") ?? "" },
      created: q("creadas") ?? null,
    };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () =>
      createPairings(actor, {
        ...formToObject(form),
        // one checkbox per teacher (teacher_<id>), so that a refused form keeps each tick
        teacherIds: [...form.keys()].filter((k) => k.startsWith("teacher_")).map((k) => k.slice(8)),
      }),
    form,
  );
  if ("ok" in result && result.ok) throw redirect(`/mentoria/duplas?creadas=${result.value.length}`);
  return result;
}

export default function Pairings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { pairings, options, filters, state, page, more, created } = loaderData;
  const failure = failureOf(actionData);
  const stateLabel = {
    in_force: t("mentoring.pairings.state_in_force"),
    upcoming: t("mentoring.pairings.state_upcoming"),
    ended: t("mentoring.pairings.state_ended"),
    all: t("mentoring.pairings.state_all"),
  } as const;
  const statusLabel = {
    in_force: t("mentoring.status.in_force"),
    upcoming: t("mentoring.status.upcoming"),
    ended: t("mentoring.status.ended"),
  } as const;
  const next = new URLSearchParams({
    ...(filters.schoolId ? { establecimiento: filters.schoolId } : {}),
    ...(filters.mentorId ? { mentor: filters.mentorId } : {}),
    estado: state,
    pagina: String(page + 1),
  });
  return (
    <div className="stack">
      <p>
        <Link to="/mentoria">{t("mentoring.title")}</Link>
      </p>
      <h1>{t("mentoring.pairings.title")}</h1>
      <p>{t("mentoring.pairings.intro")}</p>
      {created ? (
        <p className="alert alert-ok" role="status">
          {t("mentoring.new.created", { count: created })}
        </p>
      ) : null}

      <section className="stack card">
        <h2>{t("mentoring.new.title")}</h2>
        <Form method="get" className="stack">
          <SelectField
            name="escuela"
            required
            label={t("mentoring.field.school")}
            emptyLabel={t("mentoring.field.choose")}
            defaultValue={options.school?.id ?? ""}
            options={options.schools.map((s) => ({ value: s.id, label: s.name }))}
          />
          <button type="submit" className="button button-secondary">
            {t("mentoring.new.choose_school")}
          </button>
        </Form>
        {/* a refusal that comes back without a school chosen (no form to show it in) */}
        {!options.school ? <FormMessage failure={failure} /> : null}
        {options.school ? (
          <Form
            method="post"
            action={`/mentoria/duplas?escuela=${options.school.id}`}
            className="stack"
            noValidate
          >
            <RequestKey />
            <FormMessage failure={failure} />
            <input type="hidden" name="schoolId" value={options.school.id} />
            {failure?.fieldErrors.schoolId ? (
              <p className="field-error">{t(failure.fieldErrors.schoolId)}</p>
            ) : null}
            <SelectField
              name="mentorId"
              required
              label={t("mentoring.field.mentor")}
              emptyLabel={t("mentoring.field.choose")}
              failure={failure}
              options={options.mentors.map((m) => ({ value: m.id, label: m.name }))}
            />
            <fieldset className={failure?.fieldErrors.teacherIds ? "field field-invalid" : "field"}>
              <legend>{t("mentoring.new.teachers")}</legend>
              {options.teachers.length === 0 ? (
                <p className="muted">{t("mentoring.new.no_teachers")}</p>
              ) : null}
              {options.teachers.map((teacher) => (
                <label key={teacher.id} className="choice">
                  <input
                    type="checkbox"
                    name={`teacher_${teacher.id}`}
                    defaultChecked={failure?.values[`teacher_${teacher.id}`] === "on"}
                  />{" "}
                  {teacher.name}
                </label>
              ))}
              {failure?.fieldErrors.teacherIds ? (
                <p className="field-error">{t(failure.fieldErrors.teacherIds)}</p>
              ) : null}
            </fieldset>
            <Field
              name="startsOn"
              type="date"
              required
              label={t("mentoring.field.starts_on")}
              failure={failure}
            />
            <Field name="endsOn" type="date" label={t("mentoring.field.ends_on")} failure={failure} />
            <SubmitButton>{t("mentoring.new.submit")}</SubmitButton>
          </Form>
        ) : null}
      </section>

      <section className="stack">
        <Form method="get" className="filters">
          <SelectField
            name="establecimiento"
            label={t("mentoring.pairings.school")}
            emptyLabel={t("mentoring.pairings.all_schools")}
            defaultValue={filters.schoolId}
            options={options.schools.map((s) => ({ value: s.id, label: s.name }))}
          />
          <SelectField
            name="mentor"
            label={t("mentoring.pairings.mentor")}
            emptyLabel={t("mentoring.pairings.all_mentors")}
            defaultValue={filters.mentorId}
            options={options.mentors.map((m) => ({ value: m.id, label: m.name }))}
          />
          <SelectField
            name="estado"
            required
            label={t("mentoring.pairings.state")}
            defaultValue={state}
            options={PAIRING_STATES.map((s) => ({ value: s, label: stateLabel[s] }))}
          />
          <button type="submit" className="button button-secondary">
            {t("mentoring.pairings.filter")}
          </button>
        </Form>
        {pairings.length === 0 ? <p>{t("mentoring.pairings.none")}</p> : null}
        <ul className="rows">
          {pairings.map((p) => (
            <li key={p.id}>
              <Link to={`/mentoria/duplas/${p.id}`}>
                {p.mentorName} → {p.teacherName}
              </Link>{" "}
              <span className="muted">
                · {p.schoolName} ·{" "}
                {p.endsOn
                  ? t("mentoring.pairings.from_to", { start: f.day(p.startsOn), end: f.day(p.endsOn) })
                  : t("mentoring.pairings.from", { start: f.day(p.startsOn) })}{" "}
                · {statusLabel[p.status]}
              </span>
            </li>
          ))}
        </ul>
        {more ? (
          <p>
            <Link to={`/mentoria/duplas?${next}`}>{t("mentoring.pairings.more")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
