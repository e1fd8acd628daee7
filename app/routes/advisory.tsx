// /asesorias/:advisoryId: an advisory's page (issue #18). Everyone who reads it sees the goals, the
// plan, the visits' agreements and, if they may read the school's aggregates, the school's indicators
// since the advisory began (charts drawn on the server, the numbers in a table beside). The
// organization's coordinators also read the advisors' notes and move its status; its advisors keep
// the plan here (add, mark done or pending, remove) and the visits on their own pages. Every form
// works without JavaScript; a refused one shows its message beside its field, what was typed kept.
import { Form, Link, redirect } from "react-router";
import {
  addMilestone,
  advisoryIndicators,
  getAdvisory,
  removeMilestone,
  setAdvisoryStatus,
  setMilestoneDone,
  todayIn,
} from "~/modules/advisory";
import { ADVISORY_LIMITS } from "~/modules/advisory/content";
import type { SchoolIndicators } from "~/modules/observation";
import { lineChart } from "~/platform/charts";
import { ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import { ScrollTable } from "../components/dashboard";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton } from "../components/form";
import { LineChart } from "../components/line-chart";
import { PlainText } from "../components/plain-text";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/advisory";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "advisory.page.title", { title: loaderData?.advisory.title ?? "" }) },
];

function chartsOf(indicators: SchoolIndicators | null) {
  if (!indicators) return null;
  const line = (pick: (m: SchoolIndicators["months"][number]) => number | null, yMax = 1) => {
    const points = indicators.months
      .filter((m) => pick(m) !== null)
      .map((m) => ({ at: m.month, value: pick(m) as number }));
    return points.length ? lineChart(points, { yMax }) : null;
  };
  const mostMastered = Math.max(1, ...indicators.months.map((m) => m.mastered));
  return {
    coverage: line((m) => m.coverage),
    onTime: line((m) => m.onTime),
    mastered: indicators.months.some((m) => m.mastered > 0) ? line((m) => m.mastered, mostMastered) : null,
    onTask: line((m) => m.onTask),
  };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const session = sessionOf(context);
  return load(async () => {
    const advisory = await getAdvisory(actor, params.advisoryId);
    const { mayRead, indicators } = await advisoryIndicators(actor, advisory, session.timeZone);
    return {
      advisory,
      today: todayIn(session.timeZone),
      indicators: { mayRead, figures: indicators, charts: chartsOf(indicators) },
      saved: new URL(request.url).searchParams.get("aviso") === "guardado",
    };
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const session = sessionOf(context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const id = params.advisoryId;
  const intent = String(form.get("intent") ?? "");
  const milestoneId = String(form.get("milestoneId") ?? "");
  const result = await performOnce(async () => {
    switch (intent) {
      case "status":
        return setAdvisoryStatus(actor, id, formToObject(form));
      case "milestone_add":
        await addMilestone(actor, id, formToObject(form));
        return;
      case "milestone_done":
        return setMilestoneDone(actor, id, milestoneId, true, session.timeZone);
      case "milestone_undone":
        return setMilestoneDone(actor, id, milestoneId, false, session.timeZone);
      case "milestone_remove":
        return removeMilestone(actor, id, milestoneId);
    }
    // an unknown intent: the page is read (404 for whoever may not), then refused
    await getAdvisory(actor, id);
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok)
    throw redirect(`/asesorias/${id}${intent.startsWith("milestone") ? "#plan" : ""}`);
  return result;
}

const month = (day: string) => `${day.slice(5, 7)}-${day.slice(0, 4)}`;

export default function AdvisoryPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const failure = failureOf(actionData);
  const failed = (intent: string) => (failure?.values.intent === intent ? failure : undefined);
  const placed = new Set(["milestone_add"]);
  const { advisory: a, today, indicators } = loaderData;
  return (
    <div className="stack">
      <p>
        <Link to="/asesorias">{t("advisory.page.back")}</Link>
      </p>
      <h1>{a.title}</h1>
      {loaderData.saved ? (
        <div className="alert alert-ok" role="status">
          {t("advisory.page.saved")}
        </div>
      ) : null}
      <FormMessage
        failure={failure && !placed.has(String(failure.values.intent ?? "")) ? failure : undefined}
      />
      <section className="card stack">
        <p>
          <span className={`badge${a.status === "active" ? " badge-ok" : ""}`}>
            {t(`advisory.status.${a.status}`)}
          </span>{" "}
          {a.endsOn
            ? t("advisory.page.dates", { from: f.day(a.startsOn), to: f.day(a.endsOn) })
            : t("advisory.page.dates_open", { from: f.day(a.startsOn) })}
          {a.status === "closed" && a.closedAt
            ? ` · ${t("advisory.page.closed_on", { date: f.date(a.closedAt) })}`
            : null}
        </p>
        <p>
          <Link to={`/establecimientos/${a.school.id}`}>
            {t("advisory.page.school", { school: a.school.name })}
          </Link>
          {a.program ? (
            <>
              <br />
              {t("advisory.page.program", { program: a.program })}
            </>
          ) : null}
          <br />
          {t("advisory.page.advisors", { names: a.advisors.map((p) => p.name).join(", ") })}
        </p>
        {a.may.update ? (
          <div className="actions">
            <Link to={`/asesorias/${a.id}/editar`}>{t("advisory.edit.link")}</Link>
            {a.moves.map((to) => (
              <Form method="post" key={to} className="inline-form">
                <RequestKey />
                <input type="hidden" name="intent" value="status" />
                <input type="hidden" name="status" value={to} />
                <SubmitButton>
                  {t(
                    to === "active" && a.status === "closed"
                      ? "advisory.status.move.reopen"
                      : to === "active"
                        ? "advisory.status.move.active"
                        : "advisory.status.move.closed",
                  )}
                </SubmitButton>
              </Form>
            ))}
          </div>
        ) : null}
        {a.status === "closed" && a.may.update ? (
          <p className="hint">{t("advisory.status.closed_note")}</p>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="goals">
        <h2 id="goals">{t("advisory.page.goals")}</h2>
        {a.goalsHtml ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by platform/rich-text, which allows only safe markup
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: a.goalsHtml }} />
        ) : (
          <p className="muted">{t("advisory.page.no_goals")}</p>
        )}
      </section>

      <section className="card stack" aria-labelledby="plan-title" id="plan">
        <h2 id="plan-title">{t("advisory.plan.title")}</h2>
        {a.milestones.length === 0 ? <p className="muted">{t("advisory.plan.none")}</p> : null}
        <ol className="rows">
          {a.milestones.map((m) => (
            <li key={m.id}>
              <strong>{m.title}</strong>{" "}
              {m.doneOn ? (
                <span className="badge badge-ok">
                  {t("advisory.plan.done_on", { date: f.day(m.doneOn) })}
                </span>
              ) : m.dueOn && m.dueOn < today ? (
                <span className="badge badge-warn">{t("advisory.plan.overdue")}</span>
              ) : (
                <span className="badge">{t("advisory.plan.pending")}</span>
              )}
              <br />
              <span className="muted">
                {m.dueOn ? t("advisory.plan.due", { date: f.day(m.dueOn) }) : t("advisory.plan.no_due")}
              </span>
              {a.may.work ? (
                <div className="actions">
                  <Form method="post" className="inline-form">
                    <RequestKey />
                    <input
                      type="hidden"
                      name="intent"
                      value={m.doneOn ? "milestone_undone" : "milestone_done"}
                    />
                    <input type="hidden" name="milestoneId" value={m.id} />
                    <button type="submit" className="link-button">
                      {t(m.doneOn ? "advisory.plan.mark_undone" : "advisory.plan.mark_done")}
                      <span className="sr-only">: {m.title}</span>
                    </button>
                  </Form>
                  <Link to={`/asesorias/${a.id}/hitos/${m.id}`}>
                    {t("advisory.plan.edit")}
                    <span className="sr-only">: {m.title}</span>
                  </Link>
                  <Form method="post" className="inline-form">
                    <RequestKey />
                    <input type="hidden" name="intent" value="milestone_remove" />
                    <input type="hidden" name="milestoneId" value={m.id} />
                    <button type="submit" className="link-button">
                      {t("advisory.plan.remove")}
                      <span className="sr-only">: {m.title}</span>
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
        {a.may.work ? (
          <Form method="post" className="stack" noValidate>
            <h3>{t("advisory.plan.add_title")}</h3>
            <RequestKey />
            <input type="hidden" name="intent" value="milestone_add" />
            <FormMessage failure={failed("milestone_add")} />
            <Field
              name="title"
              label={t("advisory.milestone.field.title")}
              required
              maxLength={ADVISORY_LIMITS.milestoneTitle}
              failure={failed("milestone_add")}
            />
            <Field
              name="dueOn"
              type="date"
              label={t("advisory.milestone.field.due_on")}
              failure={failed("milestone_add")}
            />
            <SubmitButton>{t("advisory.plan.add_submit")}</SubmitButton>
          </Form>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="visits">
        <h2 id="visits">{t("advisory.visits.title")}</h2>
        {a.may.work ? (
          <p>
            <Link className="button" to={`/asesorias/${a.id}/visitas/nueva`}>
              {t("advisory.visits.add")}
            </Link>
          </p>
        ) : null}
        {a.may.readNotes ? <p className="hint">{t("advisory.visits.leaders_note")}</p> : null}
        {a.visits.length === 0 ? <p className="muted">{t("advisory.visits.none")}</p> : null}
        <ul className="rows">
          {a.visits.map((v) => (
            <li key={v.id} className="stack">
              <h3>{t("advisory.visits.on", { date: f.day(v.visitedOn) })}</h3>
              <p className="muted">{t("advisory.visits.by", { name: v.author })}</p>
              <h4>{t("advisory.visits.agreements")}</h4>
              {v.agreements ? (
                <PlainText text={v.agreements} />
              ) : (
                <p className="muted">{t("advisory.visits.no_agreements")}</p>
              )}
              {"notes" in v && v.notes ? (
                <>
                  <h4>{t("advisory.visits.notes")}</h4>
                  <PlainText text={v.notes} />
                </>
              ) : null}
              {a.may.work ? (
                <p>
                  <Link to={`/asesorias/${a.id}/visitas/${v.id}`}>
                    {t("advisory.visits.edit")}
                    <span className="sr-only">: {f.day(v.visitedOn)}</span>
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <Indicators startsOn={a.startsOn} indicators={indicators} />
    </div>
  );
}

function Indicators({
  startsOn,
  indicators,
}: {
  startsOn: string;
  indicators: Route.ComponentProps["loaderData"]["indicators"];
}) {
  const t = useT();
  const f = useFormat();
  const { figures, charts } = indicators;
  const share = (value: number | null, n: number, total: number) =>
    value === null
      ? t("advisory.indicators.none")
      : t("advisory.indicators.share_of", { share: f.percent(value), n, total });
  return (
    <section className="card stack" aria-labelledby="indicators">
      <h2 id="indicators">{t("advisory.indicators.title")}</h2>
      {!indicators.mayRead ? (
        <p className="muted">{t("advisory.indicators.not_yours")}</p>
      ) : !figures || !charts ? (
        <p className="muted">{t("advisory.indicators.not_begun", { date: f.day(startsOn) })}</p>
      ) : (
        <>
          <p>
            {t("advisory.indicators.intro", { from: f.day(figures.fromDate), to: f.day(figures.toDate) })}
          </p>
          <div className="cards">
            <ChartBlock
              title={t("advisory.indicators.coverage")}
              text={t("advisory.indicators.coverage_text", { days: figures.visitEveryDays })}
              chart={charts.coverage}
              percent
            />
            <ChartBlock
              title={t("advisory.indicators.on_time")}
              text={t("advisory.indicators.on_time_text", { hours: figures.meetingWithinHours })}
              chart={charts.onTime}
              percent
            />
            <ChartBlock
              title={t("advisory.indicators.mastered")}
              text={t("advisory.indicators.mastered_text")}
              chart={charts.mastered}
            />
            <ChartBlock
              title={t("advisory.indicators.on_task")}
              text={t("advisory.indicators.on_task_text")}
              chart={charts.onTask}
              percent
            />
          </div>
          <ScrollTable label={t("advisory.indicators.table")}>
            <table>
              <caption className="sr-only">{t("advisory.indicators.table")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("advisory.indicators.col.month")}</th>
                  <th scope="col">{t("advisory.indicators.col.coverage")}</th>
                  <th scope="col">{t("advisory.indicators.col.on_time")}</th>
                  <th scope="col">{t("advisory.indicators.col.mastered")}</th>
                  <th scope="col">{t("advisory.indicators.col.on_task")}</th>
                </tr>
              </thead>
              <tbody>
                {figures.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className="nowrap">
                      {month(m.month)}
                    </th>
                    <td>{share(m.coverage, m.covered, m.teachers)}</td>
                    <td>{share(m.onTime, m.meetingsOnTime, m.meetingsDue)}</td>
                    <td>{m.mastered}</td>
                    <td>{m.onTask === null ? t("advisory.indicators.none") : f.percent(m.onTask)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t("advisory.indicators.total")}</th>
                  <td>{t("advisory.indicators.none")}</td>
                  <td>
                    {share(figures.totals.onTime, figures.totals.meetingsOnTime, figures.totals.meetingsDue)}
                  </td>
                  <td>{figures.totals.mastered}</td>
                  <td>
                    {figures.totals.onTask === null
                      ? t("advisory.indicators.none")
                      : f.percent(figures.totals.onTask)}
                  </td>
                </tr>
              </tbody>
            </table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}

function ChartBlock({
  title,
  text,
  chart,
  percent = false,
}: {
  title: string;
  text: string;
  chart: ReturnType<typeof lineChart> | null;
  percent?: boolean;
}) {
  const t = useT();
  return (
    <div className="stack">
      <h3>{title}</h3>
      <p className="hint">{text}</p>
      {chart ? (
        <LineChart chart={chart} label={title} percent={percent} days />
      ) : (
        <p className="muted">{t("advisory.indicators.no_data")}</p>
      )}
    </div>
  );
}
