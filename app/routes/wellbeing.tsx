// /bienestar: the well-being pulses a person may answer or see the results of (issue #17), a link to
// open one for coordinators and leaders, and to "quiero conversar con alguien".
import { Link } from "react-router";
import { hasWellbeing, opensPulses, pulseList } from "~/modules/wellbeing";
import { NotFoundError } from "~/platform/errors";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/wellbeing";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "wellbeing.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    if (!hasWellbeing(actor)) throw new NotFoundError();
    return { pulses: await pulseList(actor), canOpen: opensPulses(actor) };
  });
}

export default function Wellbeing({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { pulses, canOpen } = loaderData;
  return (
    <div className="stack">
      <h1>{t("wellbeing.title")}</h1>
      <p>{t("wellbeing.intro")}</p>
      <p className="muted">{t("wellbeing.anonymity")}</p>
      <p className="actions">
        {canOpen ? (
          <Link className="button" to="/bienestar/nuevo">
            {t("wellbeing.new.link")}
          </Link>
        ) : null}{" "}
        <Link to="/bienestar/apoyo">{t("wellbeing.support.title")}</Link>
      </p>
      <section className="stack" aria-labelledby="pulses">
        <h2 id="pulses">{t("wellbeing.list.title")}</h2>
        {pulses.length === 0 ? <p className="muted">{t("wellbeing.list.none")}</p> : null}
        <ul className="rows">
          {pulses.map((p) => (
            <li key={p.id}>
              <Link to={`/bienestar/${p.id}`}>{p.title}</Link>{" "}
              <span className="muted">
                · {p.school ?? t("wellbeing.list.network")} ·{" "}
                {p.open
                  ? t("wellbeing.list.open_until", { date: f.dateTime(p.closesAt) })
                  : t("wellbeing.list.closed_on", { date: f.date(p.closesAt) })}
              </span>
              {p.answered ? (
                <>
                  {" "}
                  <span className="badge badge-ok">{t("wellbeing.list.answered")}</span>
                </>
              ) : p.open && p.mayAnswer ? (
                <>
                  {" "}
                  <span className="badge">{t("wellbeing.list.to_answer")}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
