import { Form, Link } from "react-router";
import { listPeople, schoolsActorSeesPeopleOf } from "~/modules/people";
import { can } from "~/platform/policy";
import { Pagination } from "../components/pagination";
import { load } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { pageOf } from "../lib/paging";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/people";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "people.title") }];

const ROLES = ["teacher", "leader", "mentor", "coordinator", "admin", "facilitator"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const params = new URL(request.url).searchParams;
  const filters = {
    q: params.get("q")?.slice(0, 100) ?? "",
    schoolId: params.get("escuela") ?? "",
    role: params.get("rol") ?? "",
    page: pageOf(request),
  };
  const [result, schools] = await Promise.all([
    load(() => listPeople(actor, filters)),
    schoolsActorSeesPeopleOf(actor),
  ]);
  return {
    ...result,
    schools,
    filters,
    canInviteStaff: can(actor, "manage_staff", "organization", { organizationId: actor.organizationId }),
  };
}

export default function People({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { people, filters, schools, total, page, pages } = loaderData;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("people.title")}</h1>
        {loaderData.canInviteStaff ? (
          <Link className="button button-secondary" to="/personas/invitar">
            {t("people.invite_staff")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("people.intro")}</p>
      <Form method="get" className="filters card" role="search">
        <div className="field">
          <label htmlFor="people-q">{t("people.search")}</label>
          <input id="people-q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <div className="field">
          <label htmlFor="people-school">{t("people.filter.school")}</label>
          <select id="people-school" name="escuela" defaultValue={filters.schoolId}>
            <option value="">{t("people.filter.any_school")}</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-role">{t("people.filter.role")}</label>
          <select id="people-role" name="rol" defaultValue={filters.role}>
            <option value="">{t("people.filter.any_role")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("action.search")}
          </button>
          <Link to="/personas">{t("action.clear_filters")}</Link>
        </div>
      </Form>
      <p aria-live="polite">{t("list.results", { count: total })}</p>
      {people.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("people.col.name")}</th>
                <th scope="col">{t("people.col.email")}</th>
                <th scope="col">{t("people.col.roles")}</th>
                <th scope="col">{t("people.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.id}>
                  <td data-label={t("people.col.name")}>
                    <Link to={`/personas/${p.id}`}>{`${p.familyNames}, ${p.givenNames}`}</Link>
                  </td>
                  <td data-label={t("people.col.email")}>{p.email}</td>
                  <td data-label={t("people.col.roles")}>
                    {p.roles
                      .map((r) =>
                        r.schoolName ? `${t(`role.${r.role}`)} · ${r.schoolName}` : t(`role.${r.role}`),
                      )
                      .join("; ")}
                  </td>
                  <td data-label={t("people.col.status")}>
                    <span className="badge">{t(`people.status.${p.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
