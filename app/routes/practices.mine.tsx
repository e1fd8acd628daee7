// /practicas/mias: the practices a person wrote, drafts first (those proposed by an observer marked so),
// with where each stands.
import { Link } from "react-router";
import { myPractices, sharingSchools } from "~/modules/practices";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/practices.mine";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "practices.mine.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => ({
    practices: await myPractices(actor),
    canShare: (await sharingSchools(actor)).length > 0,
  }));
}

export default function MyPractices({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { practices, canShare } = loaderData;
  return (
    <div className="stack">
      <p>
        <Link to="/practicas">{t("practices.title")}</Link>
      </p>
      <h1>{t("practices.mine.title")}</h1>
      {canShare ? (
        <p>
          <Link className="button" to="/practicas/nueva">
            {t("practices.share")}
          </Link>
        </p>
      ) : null}
      {practices.length === 0 ? <p className="muted">{t("practices.mine.none")}</p> : null}
      {practices.length ? (
        <ul className="rows">
          {practices.map((p) => (
            <li key={p.id}>
              <Link to={p.status === "draft" ? `/practicas/${p.id}/editar` : `/practicas/${p.id}`}>
                {p.title}
              </Link>{" "}
              <span className={`badge ${p.status === "published" ? "badge-ok" : ""}`}>
                {t(`practices.status.${p.status}`)}
              </span>
              {p.proposed ? <span className="badge">{t("practices.mine.proposed")}</span> : null}
              <span className="muted">
                {" "}
                · {t(`practices.visibility_short.${p.visibility}`)} · {f.date(p.updatedAt)}
                {p.helpfulCount > 0 ? ` · ${t("practices.helpful_count", { count: p.helpfulCount })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
