import { Link } from "react-router";
import { observationHome, observerWork } from "../../src/modules/observation";
import { notFound } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/observations";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "observation.list.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  if (!observationHome(actor).observes) throw notFound();
  return observerWork(actor);
}

export default function Observations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { drafts, awaiting, recent } = loaderData;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("observation.list.title")}</h1>
        <Link className="button" to="/observaciones/nueva">
          {t("observation.list.new")}
        </Link>
      </div>
      <section className="card">
        <h2>{t("observation.list.drafts")}</h2>
        {drafts.length === 0 ? (
          <p className="muted">{t("observation.list.none_drafts")}</p>
        ) : (
          <ul className="rows">
            {drafts.map((v) => (
              <li key={v.id}>
                <Link to={`/observaciones/${v.id}`}>
                  {t("observation.list.visit_of", {
                    teacher: v.teacherName,
                    course: v.course,
                    school: v.schoolName,
                  })}
                </Link>{" "}
                <span className="muted">{format.dateTime(v.startedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t("observation.list.awaiting")}</h2>
        {awaiting.length === 0 ? (
          <p className="muted">{t("observation.list.none_awaiting")}</p>
        ) : (
          <ul className="rows">
            {awaiting.map((v) => (
              <li key={v.id}>
                <Link to={`/observaciones/${v.id}/reunion`}>
                  {t("observation.list.visit_of", {
                    teacher: v.teacherName,
                    course: v.course,
                    school: v.schoolName,
                  })}
                </Link>{" "}
                {v.late ? <span className="badge badge-warn">{t("observation.list.late")}</span> : null}{" "}
                <span className="muted">
                  {t("observation.list.awaiting_due", { due: format.dateTime(v.due) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card">
        <h2>{t("observation.list.recent")}</h2>
        {recent.length === 0 ? (
          <p className="muted">{t("observation.list.none_recent")}</p>
        ) : (
          <ul className="rows">
            {recent.map((v) => (
              <li key={v.id}>
                <Link to={`/observaciones/${v.id}`}>
                  {t("observation.list.visit_of", {
                    teacher: v.teacherName,
                    course: v.course,
                    school: v.schoolName,
                  })}
                </Link>{" "}
                <span className="muted">{format.date(v.startedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
