// /impacto: the organization's impact figures for coordinators, each with its definition, filtered by
// year and program (a GET form), charts drawn on the server with the numbers beside; and the funder
// report form with the latest reports.
import { Form, Link, redirect } from "react-router";
import { translator } from "~/messages";
import { impactPage, listFunderReports, requestFunderReport } from "~/modules/impact";
import type { IMPACT_FIGURES } from "~/modules/impact/content";
import { GroupedBars } from "../components/bar-charts";
import { Field, FormMessage, failureOf, RequestKey, SelectField, SubmitButton } from "../components/form";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { impactCharts, impactView } from "../lib/impact-charts.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/impact";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "impact.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { locale } = sessionOf(context);
  const url = new URL(request.url);
  const page = await load(() =>
    impactPage(actor, { year: url.searchParams.get("anio"), program: url.searchParams.get("programa") }),
  );
  const reports = await listFunderReports(actor, 5);
  const year = page.year ?? page.years[0];
  const t = translator(locale);
  return {
    ...page,
    // the page's data: not the table of every school (a network of 1,000 has it in the report's XLSX)
    figures: impactView(page.figures, page.schoolsShown, t, locale),
    charts: impactCharts(page.figures, t, locale),
    reports,
    reportFrom: `${year}-01-01`,
    reportTo: `${year}-12-31`,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const { locale } = sessionOf(context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await performOnce(
    () =>
      requestFunderReport(
        actor,
        { from: form.get("from"), to: form.get("to"), programId: form.get("programId") },
        locale,
      ),
    form,
  );
  if ("ok" in result && result.ok) throw redirect(`/impacto/informes/${result.value.id}`);
  return result;
}

export default function Impact({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const failure = failureOf(actionData);
  const { figures, charts, years, year, programs, program, reports } = loaderData;
  const points = (change: number) => {
    const v = Math.round(change * 1000) / 10;
    return t("impact.points", { value: `${v > 0 ? "+" : ""}${f.number(v, 1)}` });
  };
  const definition = (key: (typeof IMPACT_FIGURES)[number]) => (
    <p className="hint">{t(`impact.definition.${key}`)}</p>
  );
  const countTable = (
    rows: ReadonlyArray<{ label: string; value: number }>,
    labelHeader: string,
    valueHeader: string,
  ) => (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{labelHeader}</th>
          <th scope="col" className="num">
            {valueHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="num">{f.number(r.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <div className="stack">
      <h1>{t("impact.title")}</h1>
      <p>{t("impact.intro")}</p>
      <Form method="get" className="card stack" aria-labelledby="impacto-filtros">
        <h2 id="impacto-filtros">{t("impact.filters.title")}</h2>
        <div className="field">
          <label htmlFor="impacto-anio">{t("impact.filters.year")}</label>
          <select id="impacto-anio" name="anio" defaultValue={year ? String(year) : ""}>
            <option value="">{t("impact.filters.all_years")}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="impacto-programa">{t("impact.filters.program")}</label>
          <select id="impacto-programa" name="programa" defaultValue={program?.id ?? ""}>
            <option value="">{t("impact.filters.all_programs")}</option>
            {programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("impact.filters.submit")}
          </button>
        </div>
      </Form>
      <p className="muted" role="status">
        {t("impact.filters.showing", {
          period: year ? String(year) : t("impact.filters.all_years"),
          program: program?.name ?? t("impact.filters.all_programs"),
        })}
      </p>

      <section className="card stack" aria-labelledby="cifra-docentes">
        <h2 id="cifra-docentes">{t("impact.figure.teachers_trained")}</h2>
        <p className="figure-value">{f.number(figures.teachersTrained)}</p>
        {definition("teachers_trained")}
      </section>
      <section className="card stack" aria-labelledby="cifra-horas">
        <h2 id="cifra-horas">{t("impact.figure.training_hours")}</h2>
        <p className="figure-value">{f.number(figures.trainingHours)}</p>
        {definition("training_hours")}
      </section>
      <section className="card stack" aria-labelledby="cifra-territorios">
        <h2 id="cifra-territorios">{t("impact.figure.territories")}</h2>
        <p className="figure-value">
          {t("impact.regions", { count: figures.regions.length })} ·{" "}
          {t("impact.countries", { count: figures.countries.length })}
        </p>
        {definition("territories")}
        {figures.countries.length ? (
          <>
            <GroupedBars
              chart={charts.countries}
              label={t("impact.chart.countries")}
              seriesLabels={[t("impact.table.people")]}
            />
            {countTable(
              figures.countries.map((c) => ({
                label: charts.countryNames[c.country] ?? c.country,
                value: c.people,
              })),
              t("impact.table.country"),
              t("impact.table.people"),
            )}
          </>
        ) : (
          <p className="muted">{t("impact.no_data")}</p>
        )}
        {figures.regions.length ? (
          <>
            <GroupedBars
              chart={charts.regions}
              label={t("impact.chart.regions")}
              seriesLabels={[t("impact.table.people")]}
            />
            {countTable(
              figures.regions.map((r) => ({ label: r.region, value: r.people })),
              t("impact.table.region"),
              t("impact.table.people"),
            )}
          </>
        ) : null}
      </section>
      <section className="card stack" aria-labelledby="cifra-mentores">
        <h2 id="cifra-mentores">{t("impact.figure.mentors_certified")}</h2>
        <p className="figure-value">{f.number(figures.mentorsCertified)}</p>
        {definition("mentors_certified")}
      </section>
      <section className="card stack" aria-labelledby="cifra-asesorias">
        <h2 id="cifra-asesorias">{t("impact.figure.schools_advised")}</h2>
        <p className="figure-value">{f.number(figures.schoolsAdvised)}</p>
        {definition("schools_advised")}
        <GroupedBars
          chart={charts.ive}
          label={t("impact.chart.ive")}
          seriesLabels={[t("impact.table.schools")]}
        />
        {countTable(
          figures.schoolsByIve.map((b) => ({ label: t(`ive_band.${b.band}`), value: b.schools })),
          t("impact.table.band"),
          t("impact.table.schools"),
        )}
        <GroupedBars
          chart={charts.dependencia}
          label={t("impact.chart.dependencia")}
          seriesLabels={[t("impact.table.schools")]}
        />
        {countTable(
          figures.schoolsByDependencia.map((d) => ({
            label: t(`dependencia.${d.dependencia}`),
            value: d.schools,
          })),
          t("impact.table.dependencia"),
          t("impact.table.schools"),
        )}
      </section>
      <section className="card stack" aria-labelledby="cifra-ciclos">
        <h2 id="cifra-ciclos">{t("impact.figure.cycles_completed")}</h2>
        <p className="figure-value">{f.number(figures.cyclesCompleted)}</p>
        {definition("cycles_completed")}
      </section>
      <section className="card stack" aria-labelledby="cifra-tiempo">
        <h2 id="cifra-tiempo">{t("impact.figure.time_on_task")}</h2>
        <p className="figure-value">
          {figures.timeOnTaskMedianChange === null
            ? t("impact.median_none")
            : t("impact.median_change", { value: points(figures.timeOnTaskMedianChange) })}
        </p>
        {definition("time_on_task")}
        {figures.timeOnTaskSchools ? (
          <>
            <GroupedBars
              chart={charts.timeOnTask}
              label={t("impact.chart.time_on_task")}
              seriesLabels={[t("impact.table.schools")]}
            />
            {countTable(
              figures.timeOnTaskBins.map((b) => ({ label: b.label, value: b.schools })),
              t("impact.table.change"),
              t("impact.table.schools"),
            )}
          </>
        ) : null}
        {figures.timeOnTask.length ? (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("impact.table.school")}</th>
                  <th scope="col" className="num">
                    {t("impact.table.teachers")}
                  </th>
                  <th scope="col" className="num">
                    {t("impact.table.baseline")}
                  </th>
                  <th scope="col" className="num">
                    {t("impact.table.latest")}
                  </th>
                  <th scope="col" className="num">
                    {t("impact.table.change")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.timeOnTask.map((s) => (
                  <tr key={s.schoolId}>
                    <th scope="row">{s.school}</th>
                    <td className="num">{f.number(s.teachers)}</td>
                    <td className="num">{f.percent(s.baseline)}</td>
                    <td className="num">{f.percent(s.latest)}</td>
                    <td className="num">{points(s.change)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : figures.timeOnTaskSchools ? (
          <p className="hint">{t("impact.by_school_in_report", { count: figures.timeOnTaskSchools })}</p>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="informe-financistas">
        <h2 id="informe-financistas">{t("impact.report.title")}</h2>
        <p>{t("impact.report.intro")}</p>
        <Form method="post" className="stack" noValidate>
          <RequestKey />
          <FormMessage failure={failure} />
          <Field
            name="from"
            type="date"
            label={t("impact.report.from")}
            defaultValue={loaderData.reportFrom}
            failure={failure}
            required
          />
          <Field
            name="to"
            type="date"
            label={t("impact.report.to")}
            defaultValue={loaderData.reportTo}
            failure={failure}
            required
          />
          <SelectField
            name="programId"
            label={t("impact.report.program")}
            options={programs.map((p) => ({ value: p.id, label: p.name }))}
            emptyLabel={t("impact.filters.all_programs")}
            defaultValue={program?.id ?? ""}
            failure={failure}
          />
          <div className="actions">
            <SubmitButton>{t("impact.report.submit")}</SubmitButton>
          </div>
        </Form>
        <h3>{t("impact.report.list")}</h3>
        {reports.length === 0 ? (
          <p className="muted">{t("impact.report.none")}</p>
        ) : (
          <ul className="rows">
            {reports.map((r) => (
              <li key={r.id}>
                <Link to={`/impacto/informes/${r.id}`}>
                  {t("impact.report.period", { from: f.day(r.fromOn), to: f.day(r.toOn) })} ·{" "}
                  {r.program ?? t("impact.filters.all_programs")}
                </Link>{" "}
                <span className="muted">
                  · {t(`impact.report.status.${r.status}`, { percent: r.progress })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
