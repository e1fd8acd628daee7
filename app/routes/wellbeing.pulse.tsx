// /bienestar/:pulseId: a well-being pulse (issue #17). A teacher who may answer it gets the answer
// form: one row of five big buttons per question, answered on a phone in under a minute, without
// JavaScript. Its opener, the coordinators and a school pulse's leaders get the results beside it:
// per question the mean and the distribution, only once the group has 5 answers or more; a network
// pulse's schools; the comments; the trend between pulses, drawn on the server.
import { Form, Link, redirect } from "react-router";
import type { MessageKey } from "~/messages";
import { answerPulse, closePulse, pulseFor } from "~/modules/wellbeing";
import { MIN_GROUP } from "~/modules/wellbeing/content";
import { lineChart } from "~/platform/charts";
import { formToObject } from "~/platform/validation";
import { FormMessage, failureOf, SelectField, SubmitButton, TextAreaField } from "../components/form";
import { LineChart } from "../components/line-chart";
import { PlainText } from "../components/plain-text";
import { DistributionBar, ScaleQuestion } from "../components/wellbeing";
import { load, perform, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/wellbeing.pulse";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "wellbeing.title") }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const view = await load(() => pulseFor(actor, params.pulseId));
  const trend = view.results?.trend ?? [];
  const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
  return {
    ...view,
    // a network pulse's schools (up to a thousand rows): only what the table shows
    results: view.results && {
      ...view.results,
      bySchool: view.results.bySchool.map((s) => ({
        school: s.school,
        answers: s.answers,
        mean: round(s.mean),
      })),
    },
    chart:
      trend.length > 1
        ? lineChart(
            trend.map((p) => ({ at: p.at, value: p.mean })),
            { yMax: 5, ticks: 5 },
          )
        : null,
    notice: new URL(request.url).searchParams.get("aviso"),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  if (form.get("intent") === "close") {
    const result = await perform(() => closePulse(actor, params.pulseId), form);
    if ("ok" in result && result.ok) throw redirect(`/bienestar/${params.pulseId}?aviso=cerrado`);
    return result;
  }
  const result = await perform(() => answerPulse(actor, params.pulseId, formToObject(form)), form);
  if ("ok" in result && result.ok) throw redirect(`/bienestar/${params.pulseId}?aviso=respondido`);
  return result;
}

export default function Pulse({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { pulse, results, chart, notice } = loaderData;
  const failure = failureOf(actionData);
  const item = (key: string) => t(`wellbeing.item.${key}` as MessageKey);
  return (
    <div className="stack narrow">
      <p>
        <Link to="/bienestar">{t("wellbeing.title")}</Link>
      </p>
      <h1>{pulse.title}</h1>
      <p className="muted">
        {pulse.school ? t("wellbeing.pulse.school", { school: pulse.school }) : t("wellbeing.pulse.network")}{" "}
        ·{" "}
        {pulse.open
          ? t("wellbeing.list.open_until", { date: f.dateTime(pulse.closesAt) })
          : t("wellbeing.list.closed_on", { date: f.date(pulse.closesAt) })}
      </p>
      {notice === "respondido" ? (
        <p className="alert alert-ok" role="status">
          {t("wellbeing.answer.sent")}
        </p>
      ) : notice === "cerrado" ? (
        <p className="alert alert-ok" role="status">
          {t("wellbeing.closed_done")}
        </p>
      ) : null}
      {/* a refusal when the answer form is gone (closed meanwhile, answered in another tab) */}
      {failure && !loaderData.answer ? <FormMessage failure={failure} /> : null}
      {loaderData.answer ? (
        <section className="stack" aria-labelledby="answer">
          <h2 id="answer">{t("wellbeing.answer.title")}</h2>
          <p className="muted">{t("wellbeing.anonymity")}</p>
          <Form method="post" className="stack" noValidate>
            <FormMessage failure={failure} />
            <input type="hidden" name="intent" value="answer" />
            <p>{t("wellbeing.question.prompt")}</p>
            {pulse.questions.map((key, i) => (
              <ScaleQuestion key={key} name={`q_${key}`} number={i + 1} text={item(key)} failure={failure} />
            ))}
            {loaderData.schoolChoices.length ? (
              <SelectField
                name="school"
                required
                label={t("wellbeing.answer.field.school")}
                hint={t("wellbeing.answer.field.school_hint")}
                failure={failure}
                emptyLabel=""
                options={loaderData.schoolChoices.map((s) => ({ value: s.id, label: s.name }))}
              />
            ) : null}
            {pulse.allowsText ? (
              <TextAreaField
                name="freeText"
                label={t("wellbeing.answer.field.free_text")}
                maxLength={1000}
                rows={3}
                failure={failure}
              />
            ) : null}
            <SubmitButton>{t("wellbeing.answer.submit")}</SubmitButton>
          </Form>
        </section>
      ) : loaderData.answered && notice !== "respondido" ? (
        <p className="muted">{t("wellbeing.answer.already")}</p>
      ) : !pulse.open && !results ? (
        <p className="muted">{t("wellbeing.answer.closed")}</p>
      ) : null}
      {results ? (
        <section className="stack" aria-labelledby="results">
          <h2 id="results">{t("wellbeing.results.title")}</h2>
          <p>{t("wellbeing.results.answers", { count: results.answers })}</p>
          {!results.enough || !results.overall.questions ? (
            <p className="alert alert-info">
              {t(
                results.least > MIN_GROUP
                  ? "wellbeing.results.not_enough_answered"
                  : "wellbeing.results.not_enough",
              )}
            </p>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("wellbeing.results.question")}</th>
                      <th scope="col">{t("wellbeing.results.mean")}</th>
                      <th scope="col">{t("wellbeing.results.distribution")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.overall.questions.map((q) => (
                      <tr key={q.key}>
                        <td>{item(q.key)}</td>
                        <td>{f.number(q.mean, 1)}</td>
                        <td>
                          <DistributionBar distribution={q.distribution} label={item(q.key)} />
                          <span className="muted">{q.distribution.map((c) => f.number(c)).join(" · ")}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">{t("wellbeing.results.overall")}</th>
                      <td>{results.overall.mean === null ? "" : f.number(results.overall.mean, 1)}</td>
                      <td />
                    </tr>
                  </tfoot>
                </table>
              </div>
              {results.bySchool.length || results.hiddenSchools ? (
                <section className="stack" aria-labelledby="by-school">
                  <h3 id="by-school">{t("wellbeing.results.by_school")}</h3>
                  {results.bySchool.length ? (
                    <div className="table-wrap">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">{t("wellbeing.results.school")}</th>
                            <th scope="col">{t("wellbeing.results.answers_col")}</th>
                            <th scope="col">{t("wellbeing.results.overall")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {results.bySchool.map((s, i) => (
                            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, in its order
                            <tr key={i}>
                              <td>{s.school}</td>
                              <td>{f.number(s.answers)}</td>
                              <td>{s.mean === null ? "" : f.number(s.mean, 1)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  ) : null}
                  {results.hiddenSchools ? (
                    <p className="muted">
                      {t("wellbeing.results.hidden_schools", { count: results.hiddenSchools })}
                    </p>
                  ) : null}
                </section>
              ) : null}
              {pulse.allowsText ? (
                <section className="stack" aria-labelledby="texts">
                  <h3 id="texts">{t("wellbeing.results.texts")}</h3>
                  <p className="muted">{t("wellbeing.results.texts_note")}</p>
                  {results.texts.length === 0 ? (
                    <p className="muted">{t("wellbeing.results.no_texts")}</p>
                  ) : null}
                  <ul className="notes">
                    {results.texts.map((text, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: two comments may say the same
                      <li key={i}>
                        <PlainText text={text.text} />
                        {text.school ? <p className="muted">{text.school}</p> : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </>
          )}
          <section className="stack" aria-labelledby="trend">
            <h3 id="trend">{t("wellbeing.results.trend")}</h3>
            {chart ? (
              <>
                <LineChart chart={chart} label={t("wellbeing.results.trend_label")} digits={1} />
                <div className="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("wellbeing.results.date")}</th>
                        <th scope="col">{t("wellbeing.results.pulse")}</th>
                        <th scope="col">{t("wellbeing.results.answers_col")}</th>
                        <th scope="col">{t("wellbeing.results.overall")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {results.trend.map((p) => (
                        <tr key={p.id}>
                          <td>{f.date(p.at)}</td>
                          <td>
                            <Link to={`/bienestar/${p.id}`}>{p.title}</Link>
                          </td>
                          <td>{t("wellbeing.results.answers", { count: p.answers })}</td>
                          <td>{f.number(p.mean, 1)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            ) : (
              <p className="muted">{t("wellbeing.results.trend_none")}</p>
            )}
          </section>
        </section>
      ) : null}
      {loaderData.can.close ? (
        <Form method="post">
          <input type="hidden" name="intent" value="close" />
          <SubmitButton>{t("wellbeing.close")}</SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
