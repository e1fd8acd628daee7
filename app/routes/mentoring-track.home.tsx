// /mentoria/certificacion: the mentor certification tracks (coordinators), the actor's own candidacy
// and the candidacies they supervise (issue #18).
import { Link } from "react-router";
import { hasTrackWork, trackHome } from "~/modules/mentoring";
import { NotFoundError } from "~/platform/errors";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring-track.home";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoringTrack.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    if (!(await hasTrackWork(actor))) throw new NotFoundError();
    return trackHome(actor);
  });
}

export default function TrackHome({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { manages, tracks, mine, supervised } = loaderData;
  const candidacyList = (list: typeof mine, withName: boolean) => (
    <ul className="stack">
      {list.map((c) => (
        <li key={c.id} className="card">
          <Link to={`/mentoria/certificacion/candidaturas/${c.id}`}>
            {withName ? `${c.name}: ${c.title}` : c.title}
          </Link>
          <p className="muted">
            {c.certifiedAt
              ? t("mentoringTrack.certified_on", { date: f.date(c.certifiedAt) })
              : t("mentoringTrack.progress_summary", { met: c.met, total: c.total })}
          </p>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="stack">
      <h1>{t("mentoringTrack.title")}</h1>
      <p>{t("mentoringTrack.intro")}</p>
      <p>
        <Link to="/mentoria/revisiones">{t("mentoringTrack.reviews_link")}</Link>
      </p>
      {mine.length ? (
        <section className="stack" aria-labelledby="mine">
          <h2 id="mine">{t("mentoringTrack.mine")}</h2>
          {candidacyList(mine, false)}
        </section>
      ) : null}
      {supervised.length ? (
        <section className="stack" aria-labelledby="supervised">
          <h2 id="supervised">{t("mentoringTrack.supervised")}</h2>
          {candidacyList(supervised, true)}
        </section>
      ) : null}
      {manages ? (
        <section className="stack" aria-labelledby="tracks">
          <h2 id="tracks">{t("mentoringTrack.tracks")}</h2>
          <p>
            <Link className="button" to="/mentoria/certificacion/nueva">
              {t("mentoringTrack.new_track")}
            </Link>
          </p>
          {tracks.length === 0 ? <p className="muted">{t("mentoringTrack.tracks_none")}</p> : null}
          <ul className="stack">
            {tracks.map((tr) => (
              <li key={tr.id} className="card">
                <Link to={`/mentoria/certificacion/${tr.id}`}>{tr.title}</Link>{" "}
                <span className="muted">· {t("mentoringTrack.hours", { hours: tr.hours })}</span>
                <p className="muted">
                  {t("mentoringTrack.track_counts", {
                    requirements: tr.requirements,
                    candidates: tr.candidates,
                    certified: tr.certified,
                  })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
