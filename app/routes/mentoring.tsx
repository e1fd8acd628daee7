// /mentoria (issue #18): a mentor's mentees in force (each one's open step, last visit, next follow-up,
// with links), and, for a teacher with a mentor, their mentors and sessions. 404 for whoever has
// neither mentees nor a mentor nor manages pairings.
import { Link } from "react-router";
import { mentoringHome } from "~/modules/mentoring";
import { NotFoundError } from "~/platform/errors";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "mentoring.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    const home = await mentoringHome(actor);
    if (home.mentees.length === 0 && home.mentors.length === 0 && !home.managesPairings)
      throw new NotFoundError();
    return home;
  });
}

export default function Mentoring({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { mentees, mentors, managesPairings } = loaderData;
  return (
    <div className="stack">
      <h1>{t("mentoring.title")}</h1>
      {managesPairings ? (
        <p>
          <Link to="/mentoria/duplas">{t("mentoring.manage_link")}</Link>
        </p>
      ) : null}
      {mentees.length ? (
        <section className="stack">
          <h2>{t("mentoring.mentees.title")}</h2>
          <ul className="rows">
            {mentees.map((m) => (
              <li key={m.pairingId} className="stack">
                <h3>
                  {m.teacherName} <span className="muted">· {m.schoolName}</span>
                </h3>
                <dl className="facts">
                  <dt>{t("mentoring.mentees.step")}</dt>
                  <dd>{m.stepTitle ?? <span className="muted">{t("mentoring.mentees.no_step")}</span>}</dd>
                  <dt>{t("mentoring.mentees.last_visit")}</dt>
                  <dd>
                    {m.lastVisitId && m.lastVisitAt ? (
                      <Link to={`/observaciones/${m.lastVisitId}`}>{f.date(m.lastVisitAt)}</Link>
                    ) : (
                      <span className="muted">{t("mentoring.mentees.no_visit")}</span>
                    )}
                  </dd>
                  <dt>{t("mentoring.mentees.next")}</dt>
                  <dd>
                    {m.nextFollowUpOn ? (
                      f.day(m.nextFollowUpOn)
                    ) : (
                      <span className="muted">{t("mentoring.mentees.no_next")}</span>
                    )}
                  </dd>
                </dl>
                <p className="actions">
                  <Link to={`/mentoria/duplas/${m.pairingId}`}>
                    {t("mentoring.mentees.pairing")} ({m.sessions})
                  </Link>{" "}
                  ·{" "}
                  <Link to={`/personas/${m.teacherId}/desarrollo`}>{t("mentoring.mentees.development")}</Link>{" "}
                  ·{" "}
                  <Link to={`/observaciones/nueva?establecimiento=${m.schoolId}&docente=${m.teacherId}`}>
                    {t("mentoring.mentees.observe")}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {mentors.length ? (
        <section className="stack">
          <h2>{t("mentoring.mentors.title")}</h2>
          <ul className="rows">
            {mentors.map((m) => (
              <li key={m.id}>
                <p>
                  {t("mentoring.mentors.with", { mentor: m.mentorName, school: m.schoolName })}
                  {m.status === "ended" ? (
                    <span className="muted"> · {t("mentoring.mentors.ended")}</span>
                  ) : null}
                </p>
                <p>
                  <Link to={`/mentoria/duplas/${m.id}`}>
                    {t("mentoring.mentors.sessions", { count: m.sessions })}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {mentees.length === 0 && mentors.length === 0 ? <p>{t("mentoring.mentees.none")}</p> : null}
    </div>
  );
}
