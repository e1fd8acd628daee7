import { Form, Link, redirect } from "react-router";
import type { MessageKey } from "~/messages/translate";
import {
  type CalibrationPage,
  closeCalibration,
  getCalibration,
  saveCalibrationScores,
} from "~/modules/observation";
// Plain functions and constants only: the browser gets no database code.
import {
  DRIFT_EXACT_BELOW,
  DRIFT_KAPPA_BELOW,
  DRIFT_MIN_PAIRS,
  DRIFT_PERSISTENT_COUNT,
} from "~/modules/observation/agreement";
import type { Level } from "~/modules/observation/content";
import { formToObject } from "~/platform/validation";
import { FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { DraftNotice, draftMark } from "../components/visit/levels";
import type { FormFailure } from "../lib/actions.server";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/calibration";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "calibration.page.title", { title: loaderData?.calibration.title ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const calibration = await load(() => getCalibration(actor, params.calibrationId));
  return { calibration, notice: new URL(request.url).searchParams.get("aviso") };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const id = params.calibrationId;
  const intent = String(form.get("intent") ?? "save");
  if (intent === "close") {
    const result = await performOnce(() => closeCalibration(actor, id), form);
    if ("ok" in result && result.ok) throw redirect(`/calibraciones/${id}?aviso=cerrada`);
    return result;
  }
  const result = await performOnce(() => saveCalibrationScores(actor, id, intent, formToObject(form)), form);
  if (!("ok" in result && result.ok)) return result;
  throw redirect(`/calibraciones/${id}?aviso=${result.value.submitted ? "enviados" : "guardados"}`);
}

const NOTICES: Record<string, MessageKey> = {
  guardada: "calibration.notice.updated",
  cerrada: "calibration.notice.closed",
  enviados: "calibration.notice.submitted",
  guardados: "calibration.notice.saved",
};

export default function CalibrationRoute({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { calibration: c, notice } = loaderData;
  const failure = failureOf(actionData);
  return (
    <div className="stack">
      <p>
        <Link to="/calibraciones">{t("calibration.list.title")}</Link>
      </p>
      <header>
        <h1>{c.title}</h1>
        <p>
          {[c.schoolName, c.classContext, c.heldOn ? format.date(`${c.heldOn}T12:00:00Z`) : null]
            .filter(Boolean)
            .join(" · ")}
        </p>
        {c.videoUrl ? (
          <p>
            <a href={c.videoUrl} rel="noopener noreferrer" target="_blank">
              {t("calibration.page.video")}
            </a>
          </p>
        ) : null}
        <p className="muted">
          {t("calibration.page.meta", {
            instrument: c.instrumentName,
            version: c.instrumentVersion,
            reference: c.referenceName,
          })}
        </p>
        <p>
          <span className="badge">{t(`calibration.status.${c.status}`)}</span>
          {c.closedAt ? <span className="muted"> {format.dateTime(c.closedAt)}</span> : null}
        </p>
      </header>
      {notice && NOTICES[notice] && !failure ? (
        <p className="alert alert-ok" role="status">
          {t(NOTICES[notice])}
        </p>
      ) : null}
      {c.can.score ? <ScoreForm c={c} failure={failure} /> : <MyScores c={c} />}
      <Participants c={c} failure={c.can.score ? undefined : failure} />
      {c.results ? <Results c={c} results={c.results} /> : null}
    </div>
  );
}

/** The participant's levels, one fieldset per scored indicator, every level's descriptor in view. */
function ScoreForm({ c, failure }: { c: CalibrationPage; failure?: FormFailure }) {
  const t = useT();
  const chosen = (key: string) => failure?.values[`level_${key}`] ?? String(c.me?.levels[key] ?? "");
  const indicators = c.sections.flatMap((s) => s.indicators);
  return (
    <Form method="post" className="stack" noValidate>
      <RequestKey />
      <section className="card stack" aria-labelledby="puntajes">
        <h2 id="puntajes">{t("calibration.score.title")}</h2>
        <p>{t(c.isReference ? "calibration.score.intro_reference" : "calibration.score.intro")}</p>
        <FormMessage failure={failure} />
        <DraftNotice indicators={indicators} />
        {c.sections.map((section) => (
          <div key={section.key} className="stack">
            <h3>{section.title}</h3>
            {section.indicators.map((indicator) => {
              const error = failure?.fieldErrors[`level_${indicator.key}`];
              return (
                <fieldset
                  key={indicator.key}
                  className={`levels${error ? " field-invalid" : ""}`}
                  aria-describedby={error ? `error-${indicator.key}` : undefined}
                >
                  <legend>
                    {indicator.title}
                    {draftMark(indicator, indicators)}
                  </legend>
                  {error ? (
                    <p className="field-error" id={`error-${indicator.key}`}>
                      {t(error)}
                    </p>
                  ) : null}
                  {[1, 2, 3, 4].map((level) => (
                    <label key={level} className="choice level-choice">
                      <input
                        type="radio"
                        name={`level_${indicator.key}`}
                        value={level}
                        defaultChecked={chosen(indicator.key) === String(level)}
                      />
                      <span>
                        <strong>{t(`observation.level.${level as Level}`)}</strong>
                        {indicator.descriptors ? (
                          <>
                            <br />
                            <span className="muted">{indicator.descriptors[level - 1]}</span>
                          </>
                        ) : null}
                      </span>
                    </label>
                  ))}
                </fieldset>
              );
            })}
          </div>
        ))}
        <div className="actions">
          <SubmitButton name="intent" value="save">
            {t("calibration.score.save")}
          </SubmitButton>
          <SubmitButton name="intent" value="submit">
            {t("calibration.score.submit")}
          </SubmitButton>
        </div>
        <p className="hint">{t("calibration.score.submit_hint")}</p>
      </section>
    </Form>
  );
}

/** After sending (or once closed): the participant's own levels. */
function MyScores({ c }: { c: CalibrationPage }) {
  const t = useT();
  const format = useFormat();
  if (!c.me) return null;
  if (!c.me.submittedAt) {
    return c.status === "closed" ? (
      <p className="alert alert-info">{t("calibration.score.not_sent_closed")}</p>
    ) : null;
  }
  if (c.results) return null; // the results show them beside the reference's
  const indicators = c.sections.flatMap((s) => s.indicators);
  return (
    <section className="card stack" aria-labelledby="mis-puntajes">
      <h2 id="mis-puntajes">{t("calibration.score.mine")}</h2>
      <p>{t("calibration.score.sent", { date: format.dateTime(c.me.submittedAt) })}</p>
      <dl className="levels-list">
        {indicators.map((i) => (
          <div key={i.key}>
            <dt>{i.title}</dt>
            <dd>{c.me?.levels[i.key] ? t(`observation.level.${c.me.levels[i.key] as Level}`) : "—"}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Participants({ c, failure }: { c: CalibrationPage; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  return (
    <section className="card stack" aria-labelledby="participantes">
      <h2 id="participantes">{t("calibration.page.participants")}</h2>
      <ul className="rows">
        {c.participants.map((p) => (
          <li key={p.personId}>
            {p.name}
            {p.isReference ? (
              <>
                {" "}
                <span className="badge">{t("calibration.page.reference")}</span>
              </>
            ) : null}{" "}
            {c.can.seeSubmissions ? (
              p.submittedAt ? (
                <span className="muted">
                  {t("calibration.page.sent_at", { date: format.dateTime(p.submittedAt) })}
                </span>
              ) : (
                <span className="badge badge-warn">{t("calibration.page.pending")}</span>
              )
            ) : null}
          </li>
        ))}
      </ul>
      {c.can.edit ? (
        <>
          <p>
            <Link to={`/calibraciones/${c.id}/editar`}>{t("calibration.page.edit")}</Link>
          </p>
          <Form method="post" className="stack">
            <RequestKey />
            <FormMessage failure={failure} />
            <p className="hint">{t("calibration.page.close_hint")}</p>
            <div>
              <SubmitButton name="intent" value="close">
                {t("calibration.page.close")}
              </SubmitButton>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}

function DriftRule() {
  const t = useT();
  const format = useFormat();
  return (
    <p className="hint">
      {t("calibration.results.rule", {
        kappa: format.number(DRIFT_KAPPA_BELOW, 2),
        exact: format.percent(DRIFT_EXACT_BELOW),
        min: DRIFT_MIN_PAIRS,
        latest: DRIFT_PERSISTENT_COUNT,
      })}
    </p>
  );
}

type ResultsData = NonNullable<CalibrationPage["results"]>;

/** One observer's figures as the table shows them. */
function figuresOf(
  o: ResultsData["observers"][number],
  t: ReturnType<typeof useT>,
  format: ReturnType<typeof useFormat>,
) {
  return {
    n: String(o.n),
    exact: o.exact === null ? "—" : format.percent(o.exact),
    adjacent: o.adjacent === null ? "—" : format.percent(o.adjacent),
    kappa: o.kappa === null ? t("calibration.results.kappa_none") : format.number(o.kappa, 2),
    drift:
      o.n < DRIFT_MIN_PAIRS ? (
        <span className="muted">{t("calibration.results.too_few")}</span>
      ) : o.drifts ? (
        <>
          <span className="badge badge-warn">{t("calibration.results.drifts")}</span>
          {o.driftsPersistently ? (
            <>
              {" "}
              <span className="badge badge-warn">
                {t("calibration.results.drifts_persistently", { latest: DRIFT_PERSISTENT_COUNT })}
              </span>
            </>
          ) : null}
        </>
      ) : (
        <span>{t("calibration.results.no_drift")}</span>
      ),
  };
}

function Results({ c, results }: { c: CalibrationPage; results: ResultsData }) {
  const t = useT();
  const format = useFormat();
  const cols = {
    name: t("calibration.results.observer"),
    n: t("calibration.results.n"),
    exact: t("calibration.results.exact"),
    adjacent: t("calibration.results.adjacent"),
    kappa: t("calibration.results.kappa"),
    drift: t("calibration.results.drift"),
  };
  const levelName = (level: number | null) => (level ? t(`observation.level.${level as Level}`) : "—");
  return (
    <section className="card stack" aria-labelledby="resultados">
      <h2 id="resultados">{t("calibration.results.title")}</h2>
      <p>{t(results.scope === "all" ? "calibration.results.intro_all" : "calibration.results.intro_own")}</p>
      <DriftRule />
      {results.scope === "own" && c.isReference ? (
        <p>{t("calibration.results.you_are_reference")}</p>
      ) : results.observers.length === 0 ? (
        <p className="muted">{t("calibration.results.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{cols.name}</th>
                <th scope="col">{cols.n}</th>
                <th scope="col">{cols.exact}</th>
                <th scope="col">{cols.adjacent}</th>
                <th scope="col">{cols.kappa}</th>
                <th scope="col">{cols.drift}</th>
              </tr>
            </thead>
            <tbody>
              {results.observers.map((o) => {
                const f = figuresOf(o, t, format);
                return (
                  <tr key={o.personId}>
                    <td data-label={cols.name}>{o.name}</td>
                    <td data-label={cols.n}>{f.n}</td>
                    <td data-label={cols.exact}>{f.exact}</td>
                    <td data-label={cols.adjacent}>{f.adjacent}</td>
                    <td data-label={cols.kappa}>{f.kappa}</td>
                    <td data-label={cols.drift}>{f.drift}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">{t("calibration.results.kappa_hint")}</p>
      {results.notSubmitted.length ? (
        <p>{t("calibration.results.not_submitted", { names: results.notSubmitted.join(", ") })}</p>
      ) : null}

      <h3>{t("calibration.results.by_indicator")}</h3>
      {results.scope === "all" ? (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("calibration.results.indicator")}</th>
                <th scope="col">{t("calibration.results.reference_level")}</th>
                {[1, 2, 3, 4].map((level) => (
                  <th scope="col" key={level}>
                    {t(`observation.level.${level as Level}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {results.indicators.map((i) => (
                <tr key={i.key}>
                  <td data-label={t("calibration.results.indicator")}>{i.title}</td>
                  <td data-label={t("calibration.results.reference_level")}>{levelName(i.reference)}</td>
                  {[1, 2, 3, 4].map((level) => (
                    <td key={level} data-label={t(`observation.level.${level as Level}`)}>
                      {i.spread?.[level - 1] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t("calibration.results.spread_hint")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("calibration.results.indicator")}</th>
                <th scope="col">{t("calibration.results.my_level")}</th>
                <th scope="col">{t("calibration.results.reference_level")}</th>
              </tr>
            </thead>
            <tbody>
              {results.indicators.map((i) => (
                <tr key={i.key}>
                  <td data-label={t("calibration.results.indicator")}>{i.title}</td>
                  <td data-label={t("calibration.results.my_level")}>{levelName(i.mine)}</td>
                  <td data-label={t("calibration.results.reference_level")}>{levelName(i.reference)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
