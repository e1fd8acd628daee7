import { Link } from "react-router";
import { listCalibrations } from "~/modules/observation";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/calibrations";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "calibration.list.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => listCalibrations(actor));
}

export default function Calibrations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { calibrations, canCreate, canReport } = loaderData;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("calibration.list.title")}</h1>
        {canCreate ? (
          <Link className="button" to="/calibraciones/nueva">
            {t("calibration.list.new")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t(canCreate ? "calibration.list.intro_all" : "calibration.list.intro_own")}</p>
      {canReport ? (
        <p>
          <Link to="/calibraciones/ive">{t("calibration.ive.link")}</Link>
        </p>
      ) : null}
      <section className="card">
        {calibrations.length === 0 ? (
          <p className="muted">
            {t(canCreate ? "calibration.list.empty_all" : "calibration.list.empty_own")}
          </p>
        ) : (
          <ul className="rows">
            {calibrations.map((c) => (
              <li key={c.id}>
                <Link to={`/calibraciones/${c.id}`}>{c.title}</Link>{" "}
                <span className={`badge${c.toScore ? " badge-warn" : ""}`}>
                  {c.toScore ? t("calibration.list.to_score") : t(`calibration.status.${c.status}`)}
                </span>
                <br />
                <span className="muted">
                  {[
                    c.instrumentName,
                    c.schoolName,
                    c.classContext,
                    c.heldOn ? format.date(`${c.heldOn}T12:00:00Z`) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                {c.submitted !== null ? (
                  <>
                    <br />
                    <span className="muted">
                      {t("calibration.list.submitted_count", {
                        submitted: c.submitted,
                        participants: c.participants,
                      })}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
