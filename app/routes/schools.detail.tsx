import { Form, Link, redirect } from "react-router";
import type { MessageKey } from "~/messages/translate";
import { schoolAdvisories } from "~/modules/advisory";
import { mayReadSchoolDashboard } from "~/modules/observation";
import { assignCoordinator, getSchool, unassignCoordinator } from "~/modules/people";
import { FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { IveBandBadge, rbdText, useIveText } from "../components/school-form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/schools.detail";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "schools.detail.title", { name: loaderData?.page.school.name ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const page = await load(() => getSchool(actor, params.schoolId));
  return {
    page,
    notice: new URL(request.url).searchParams.get("aviso"),
    observationDashboard: mayReadSchoolDashboard(actor, {
      organizationId: actor.organizationId,
      id: page.school.id,
    }),
    // the school's advisories the actor reads (coordinators, the school's leaders)
    advisories: await schoolAdvisories(actor, { id: page.school.id, organizationId: actor.organizationId }),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const unassign = form.get("intent") === "unassign";
  const result = await performOnce(
    () =>
      (unassign ? unassignCoordinator : assignCoordinator)(
        actor,
        params.schoolId,
        form.get("coordinatorId") ?? "",
      ),
    form,
  );
  if ("ok" in result && result.ok)
    throw redirect(`/establecimientos/${params.schoolId}?aviso=${unassign ? "quitado" : "asignado"}`);
  return result;
}

const NOTICES: Record<string, MessageKey> = {
  creado: "schools.notice.created",
  "creado-asesoria": "schools.notice.created_advising",
  guardado: "schools.notice.updated",
  asignado: "schools.notice.assigned",
  quitado: "schools.notice.unassigned",
};

export default function SchoolDetail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const iveText = useIveText();
  const failure = failureOf(actionData);
  const { page } = loaderData;
  const { school } = page;
  const notice = loaderData.notice ? NOTICES[loaderData.notice] : undefined;
  const notGiven = <span className="muted">{t("schools.detail.not_given")}</span>;
  return (
    <div className="stack">
      <p>
        <Link to="/establecimientos">{t("schools.back_to_list")}</Link>
      </p>
      <div className="page-head">
        <h1>{school.name}</h1>
        {page.canEdit ? (
          <Link className="button button-secondary" to={`/establecimientos/${school.id}/editar`}>
            {t("schools.action.edit")}
          </Link>
        ) : null}
      </div>
      {notice ? (
        <div className="alert alert-ok" role="status">
          {t(notice)}
        </div>
      ) : null}
      {loaderData.observationDashboard ? (
        <p>
          <Link className="button" to={`/establecimientos/${school.id}/observacion`}>
            {t("schools.action.observation_dashboard")}
          </Link>
        </p>
      ) : null}
      {page.canManagePeople ? (
        <div className="actions">
          <Link className="button" to={`/establecimientos/${school.id}/importar`}>
            {t("schools.action.import")}
          </Link>
          <Link className="button button-secondary" to={`/establecimientos/${school.id}/invitar`}>
            {t("schools.action.invite")}
          </Link>
        </div>
      ) : null}
      <section className="card">
        <h2>{t("schools.detail.facts")}</h2>
        <dl className="facts">
          <dt>{t("schools.detail.rbd")}</dt>
          <dd>{rbdText(school.rbd, school.rbdCheckDigit)}</dd>
          <dt>{t("schools.detail.comuna")}</dt>
          <dd>{school.comunaName}</dd>
          <dt>{t("schools.detail.region")}</dt>
          <dd>{school.regionName}</dd>
          <dt>{t("schools.detail.address")}</dt>
          <dd>{school.address || notGiven}</dd>
          <dt>{t("schools.detail.dependencia")}</dt>
          <dd>{t(school.dependenciaLabel)}</dd>
          <dt>{t("schools.detail.sostenedor")}</dt>
          <dd>{school.sostenedor || notGiven}</dd>
          <dt>{t("schools.detail.ive")}</dt>
          <dd>
            {iveText(school)}
            {school.ive !== null ? (
              <>
                {" "}
                <IveBandBadge band={school.iveBand} />
              </>
            ) : null}
          </dd>
        </dl>
      </section>
      <section className="card">
        <h2>{t("schools.detail.people")}</h2>
        <ul>
          {page.peopleByRole.map(({ role, count }) => (
            <li key={role}>
              {page.canListPeople ? (
                <Link to={`/personas?escuela=${school.id}&rol=${role}`}>
                  {t(`schools.people.${role}`)}: {count}
                </Link>
              ) : (
                <>
                  {t(`schools.people.${role}`)}: {count}
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      {loaderData.advisories.rows.length > 0 || loaderData.advisories.canCreate ? (
        <section className="card" aria-labelledby="advisories">
          <h2 id="advisories">{t("advisory.school.title")}</h2>
          {loaderData.advisories.rows.length === 0 ? <p>{t("advisory.school.none")}</p> : null}
          <ul>
            {loaderData.advisories.rows.map((a) => (
              <li key={a.id}>
                <Link to={`/asesorias/${a.id}`}>{a.title}</Link>{" "}
                <span className="badge">{t(`advisory.status.${a.status}`)}</span>
              </li>
            ))}
          </ul>
          {loaderData.advisories.canCreate ? (
            <p>
              <Link to={`/asesorias/nueva?establecimiento=${school.id}`}>{t("advisory.school.new")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <section className="card">
        <h2>{t("schools.detail.coordinators")}</h2>
        <FormMessage failure={failure} />
        {page.coordinators.length === 0 ? <p>{t("schools.detail.no_coordinators")}</p> : null}
        <ul>
          {page.coordinators.map((c) => {
            const name = `${c.givenNames} ${c.familyNames}`;
            return (
              <li key={c.id}>
                {c.canOpen ? <Link to={`/personas/${c.id}`}>{name}</Link> : name}{" "}
                {page.canAssignCoordinators ? (
                  <Form method="post" className="inline-form">
                    <RequestKey />
                    <input type="hidden" name="intent" value="unassign" />
                    <input type="hidden" name="coordinatorId" value={c.id} />
                    <button
                      type="submit"
                      className="link-button"
                      aria-label={t("schools.detail.unassign_label", { name })}
                    >
                      {t("schools.detail.unassign")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
        {page.canAssignCoordinators ? (
          page.assignableCoordinators.length ? (
            <Form method="post" className="stack" noValidate>
              <RequestKey />
              <h3>{t("schools.detail.assign_title")}</h3>
              <input type="hidden" name="intent" value="assign" />
              <SelectField
                name="coordinatorId"
                label={t("schools.detail.assign_field")}
                options={page.assignableCoordinators.map((c) => ({
                  value: c.id,
                  label: `${c.familyNames}, ${c.givenNames}`,
                }))}
                emptyLabel={t("schools.form.choose")}
                failure={failure}
                required
              />
              <SubmitButton>{t("schools.detail.assign_submit")}</SubmitButton>
            </Form>
          ) : (
            <p className="muted">{t("schools.detail.no_assignable")}</p>
          )
        ) : null}
      </section>
    </div>
  );
}
