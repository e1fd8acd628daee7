// /comunidad: the conversations a person takes part in: the network's, and each school's where they
// work or that they advise (issue #17), with how many threads each has and which have news for them.
import { Link } from "react-router";
import { communityHome } from "~/modules/community";
import { load } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/community";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "community.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => communityHome(actor));
}

export default function Community({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="stack">
      <h1>{t("community.title")}</h1>
      <p className="muted">{t("community.intro")}</p>
      {loaderData.spaces.length ? (
        <section className="card stack" aria-labelledby="practices">
          <h2 id="practices">
            <Link to="/practicas">{t("practices.title")}</Link>
          </h2>
          <p>{t("practices.community_card")}</p>
        </section>
      ) : null}
      <h2>{t("community.conversations")}</h2>
      {loaderData.spaces.length === 0 ? <p className="muted">{t("community.none")}</p> : null}
      <ul className="rows">
        {loaderData.spaces.map((space) => (
          <li key={`${space.kind}:${space.id}`}>
            <Link to={space.href}>
              <strong>{space.kind === "network" ? t("community.network.title") : space.title}</strong>
            </Link>
            {space.unread ? (
              <>
                {" "}
                <span className="badge badge-ok">
                  {t("community.threads_with_news", { count: space.unread })}
                </span>
              </>
            ) : null}
            <br />
            <span className="muted">
              {space.kind === "network" ? t("community.network.who") : t("community.school.who")} ·{" "}
              {t("community.threads", { count: space.threads })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
