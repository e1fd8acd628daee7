// /cursos: the courses and open workshops a coordinator manages (all of the organization's) or a
// facilitator runs (their own).
import { Link } from "react-router";
import { listCourses } from "~/modules/learning";
import { can } from "~/platform/policy";
import { localParts } from "~/platform/time";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/courses";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "learning.manage.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const today = localParts(new Date(), sessionOf(context).timeZone).date;
  const courses = await load(() => listCourses(actor, today));
  return { courses, canCreate: can(actor, "create", "course", { organizationId: actor.organizationId }) };
}

export default function Courses({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { courses, canCreate } = loaderData;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("learning.manage.title")}</h1>
        {canCreate ? (
          <Link className="button" to="/cursos/nuevo">
            {t("learning.manage.new")}
          </Link>
        ) : null}
      </div>
      <p>
        <Link to="/talleres">{t("learning.manage.public_catalogue")}</Link>
      </p>
      {courses.length === 0 ? (
        <p className="muted">{t("learning.manage.none")}</p>
      ) : (
        <ul className="rows">
          {courses.map((c) => (
            <li key={c.id}>
              <Link to={`/cursos/${c.id}`}>{c.title}</Link>{" "}
              <span className="muted">
                {t(`learning.kind.${c.kind}`)} · {t("learning.hours", { count: c.hours })} ·{" "}
                {t("learning.manage.cohort_count", { count: c.cohorts })}
                {c.nextStartsOn
                  ? ` · ${t("learning.manage.next_start", { date: f.day(c.nextStartsOn) })}`
                  : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
