import { Form, Link } from "react-router";
import { iveReport } from "~/modules/observation";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/calibrations.ive";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "calibration.ive.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const instrumentId = new URL(request.url).searchParams.get("instrumento");
  return load(() => iveReport(actor, instrumentId));
}

type Figure = { mean: number | null; visits: number; schools: number };

export default function IveReport({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { instruments, instrument, rows, unobserved, totals, rule } = loaderData;
  const cols = {
    indicator: t("calibration.results.indicator"),
    high: t("calibration.ive.high", { min: rule.highIveMin }),
    low: t("calibration.ive.low", { min: rule.highIveMin }),
    difference: t("calibration.ive.difference"),
  };
  const cell = (f: Figure) => (
    <>
      {f.mean === null ? (
        <span className="muted">{t("calibration.ive.hidden")}</span>
      ) : (
        <strong>{format.number(f.mean, 2)}</strong>
      )}
      <br />
      <span className="muted">{t("calibration.ive.behind", { visits: f.visits, schools: f.schools })}</span>
    </>
  );
  return (
    <div className="stack">
      <p>
        <Link to="/calibraciones">{t("calibration.list.title")}</Link>
      </p>
      <h1>{t("calibration.ive.title")}</h1>
      <p>{t("calibration.ive.intro")}</p>
      <p className="hint">
        {t("calibration.ive.rule", {
          min: rule.highIveMin,
          visits: rule.minVisits,
          schools: rule.minSchools,
        })}
      </p>
      {instruments.length > 1 ? (
        <Form method="get" className="inline-form">
          <div className="field">
            <label htmlFor="instrumento">{t("calibration.ive.instrument")}</label>
            <select id="instrumento" name="instrumento" defaultValue={instrument?.id ?? ""}>
              {instruments.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {t("calibration.ive.show")}
          </button>
        </Form>
      ) : null}
      {!instrument || !totals ? (
        <p className="muted">{t("calibration.ive.no_instruments")}</p>
      ) : (
        <section className="card stack" aria-labelledby="niveles-ive">
          <h2 id="niveles-ive">{instrument.name}</h2>
          <ul>
            <li>{t("calibration.ive.total_high", { ...totals.high, min: rule.highIveMin })}</li>
            <li>{t("calibration.ive.total_low", { ...totals.low, min: rule.highIveMin })}</li>
            {totals.none.visits > 0 ? <li>{t("calibration.ive.total_none", totals.none)}</li> : null}
          </ul>
          {rows.length === 0 ? (
            <p className="muted">
              {t(unobserved.length ? "calibration.ive.no_levels" : "calibration.ive.no_indicators")}
            </p>
          ) : (
            <div className="table-wrap">
              <table className="responsive">
                <thead>
                  <tr>
                    <th scope="col">{cols.indicator}</th>
                    <th scope="col">{cols.high}</th>
                    <th scope="col">{cols.low}</th>
                    <th scope="col">{cols.difference}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.key}>
                      <td data-label={cols.indicator}>{r.title}</td>
                      <td data-label={cols.high}>{cell(r.high)}</td>
                      <td data-label={cols.low}>{cell(r.low)}</td>
                      <td data-label={cols.difference}>
                        {r.difference === null
                          ? "—"
                          : `${r.difference > 0 ? "+" : ""}${format.number(r.difference, 2)}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {unobserved.length ? (
            <p className="muted">{t("calibration.ive.unobserved", { indicators: unobserved.join("; ") })}</p>
          ) : null}
          <p className="hint">{t("calibration.ive.levels_hint")}</p>
        </section>
      )}
    </div>
  );
}
