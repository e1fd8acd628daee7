// /mentoria/revisiones: coaching the coach (issue #18). For reviewers, the feedback meetings they may
// review and have not; for everyone with reviews, those they received (and whether read) and wrote.
import { Link } from "react-router";
import { reviewsHome } from "~/modules/mentoring";
import { NotFoundError } from "~/platform/errors";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/mentoring-track.reviews";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "mentoringTrack.reviews.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    const home = await reviewsHome(actor);
    if (!home) throw new NotFoundError();
    return home;
  });
}

export default function Reviews({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { toReview, received, written } = loaderData;
  return (
    <div className="stack">
      <h1>{t("mentoringTrack.reviews.title")}</h1>
      <p>{t("mentoringTrack.reviews.intro")}</p>
      <section className="stack" aria-labelledby="to-review">
        <h2 id="to-review">{t("mentoringTrack.to_review")}</h2>
        {toReview.length === 0 ? <p className="muted">{t("mentoringTrack.to_review_none")}</p> : null}
        <ul className="stack">
          {toReview.map((m) => (
            <li key={m.id}>
              {t("mentoringTrack.to_review_item", {
                observer: m.observer,
                school: m.school,
                date: f.date(m.heldAt),
              })}{" "}
              · <Link to={`/mentoria/revisiones/reunion/${m.id}`}>{t("mentoringTrack.review_this")}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section className="stack" aria-labelledby="received">
        <h2 id="received">{t("mentoringTrack.received")}</h2>
        {received.length === 0 ? <p className="muted">{t("mentoringTrack.received_none")}</p> : null}
        <ul className="stack">
          {received.map((r) => (
            <li key={r.id}>
              <Link to={`/mentoria/revisiones/${r.id}`}>
                {t("mentoringTrack.received_item", { reviewer: r.reviewer, date: f.date(r.heldAt) })}
              </Link>
              {r.readAt ? null : <span className="badge"> {t("mentoringTrack.unread")}</span>}
            </li>
          ))}
        </ul>
      </section>
      {written.length ? (
        <section className="stack" aria-labelledby="written">
          <h2 id="written">{t("mentoringTrack.written")}</h2>
          <ul className="stack">
            {written.map((r) => (
              <li key={r.id}>
                <Link to={`/mentoria/revisiones/${r.id}`}>
                  {t("mentoringTrack.written_item", { observer: r.observer, date: f.date(r.heldAt) })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
