import { type ReactNode, useEffect } from "react";
import { Link } from "react-router";
import { observationHome, observerWork } from "~/modules/observation";
import { notFound } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { prepareOffline } from "../lib/offline-page";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/observations";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "observation.list.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const home = observationHome(actor);
  if (!home.observes) throw notFound();
  return { ...(await observerWork(actor)), recordsVisits: home.recordsVisits };
}

export default function Observations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  // Opening the observations once online prepares the phone to capture without connection.
  useEffect(() => void prepareOffline(), []);
  const format = useFormat();
  const { drafts, awaiting, recent, recordsVisits } = loaderData;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("observation.list.title")}</h1>
        {/* a school's mentor with no mentee in force keeps their visits, records none (issue #18) */}
        {recordsVisits ? (
          <Link className="button" to="/observaciones/nueva">
            {t("observation.list.new")}
          </Link>
        ) : null}
      </div>
      <p>
        <a href="/observaciones/captura">{t("capture.link")}</a>
      </p>
      <VisitList
        title={t("observation.list.drafts")}
        empty={t("observation.list.none_drafts")}
        visits={drafts.map((v) => ({
          ...v,
          to: `/observaciones/${v.id}`,
          after: <span className="muted">{format.dateTime(v.startedAt)}</span>,
        }))}
      />
      <VisitList
        title={t("observation.list.awaiting")}
        empty={t("observation.list.none_awaiting")}
        visits={awaiting.map((v) => ({
          ...v,
          to: `/observaciones/${v.id}/reunion`,
          after: (
            <>
              {v.late ? <span className="badge badge-warn">{t("observation.list.late")}</span> : null}{" "}
              <span className="muted">
                {t("observation.list.awaiting_due", { due: format.dateTime(v.due) })}
              </span>
            </>
          ),
        }))}
      />
      <VisitList
        title={t("observation.list.recent")}
        empty={t("observation.list.none_recent")}
        visits={recent.map((v) => ({
          ...v,
          to: `/observaciones/${v.id}`,
          after: <span className="muted">{format.date(v.startedAt)}</span>,
        }))}
      />
    </div>
  );
}

/** One of the observer's lists: each visit a link (whose teacher, course and school) and what follows it. */
function VisitList(props: {
  title: string;
  empty: string;
  visits: Array<{
    id: string;
    to: string;
    teacherName: string;
    course: string;
    schoolName: string;
    after: ReactNode;
  }>;
}) {
  const t = useT();
  return (
    <section className="card">
      <h2>{props.title}</h2>
      {props.visits.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="rows">
          {props.visits.map((v) => (
            <li key={v.id}>
              <Link to={v.to}>
                {t("observation.list.visit_of", {
                  teacher: v.teacherName,
                  course: v.course,
                  school: v.schoolName,
                })}
              </Link>{" "}
              {v.after}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
