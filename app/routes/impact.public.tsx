// /impacto-publico/:organizationSlug: the organization's headline figures for anyone (no account, no
// JavaScript), which it can link from its website: aggregates since the beginning, every program, and
// no school or person. Its description and Open Graph tags make a link preview. Kept figures (the
// impact cache) make it fast.
import { translator } from "~/messages";
import { publicImpact } from "~/modules/impact";
import { load } from "../lib/actions.server";
import { useFormat, useT } from "../lib/i18n";
import { sessionOf } from "../lib/session.server";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/impact.public";

export const handle: RouteHandle = { scripts: false };

export const meta: Route.MetaFunction = ({ loaderData: p }) => {
  if (!p) return [{ title: "Impulso" }];
  return [
    { title: `${p.heading} · Impulso` },
    { name: "description", content: p.description },
    { property: "og:type", content: "website" },
    { property: "og:title", content: p.heading },
    { property: "og:description", content: p.description },
    { property: "og:site_name", content: p.organization },
  ];
};

export async function loader({ context, params }: Route.LoaderArgs) {
  const summary = await load(() => publicImpact(params.organizationSlug));
  const t = translator(sessionOf(context).locale);
  return {
    ...summary,
    heading: t("impact.public.heading", { organization: summary.organization }),
    description: t("impact.public.description", { organization: summary.organization }),
  };
}

export default function PublicImpactPage({ loaderData: p }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const points = (change: number) => {
    const v = Math.round(change * 1000) / 10;
    return t("impact.points", { value: `${v > 0 ? "+" : ""}${f.number(v, 1)}` });
  };
  const rows: Array<[string, string, string]> = [
    ["teachers_trained", t("impact.figure.teachers_trained"), f.number(p.teachersTrained)],
    ["training_hours", t("impact.figure.training_hours"), f.number(p.trainingHours)],
    [
      "territories",
      t("impact.figure.territories"),
      `${t("impact.regions", { count: p.regions })} · ${t("impact.countries", { count: p.countries })}`,
    ],
    ["mentors_certified", t("impact.figure.mentors_certified"), f.number(p.mentorsCertified)],
    ["schools_advised", t("impact.figure.schools_advised"), f.number(p.schoolsAdvised)],
    ["cycles_completed", t("impact.figure.cycles_completed"), f.number(p.cyclesCompleted)],
    [
      "time_on_task",
      t("impact.figure.time_on_task"),
      p.timeOnTaskMedianChange === null
        ? t("impact.median_withheld")
        : t("impact.median_change", { value: points(p.timeOnTaskMedianChange) }),
    ],
  ];
  return (
    <article className="stack">
      <h1>{p.heading}</h1>
      <p>{t("impact.public.intro")}</p>
      <dl className="figures">
        {rows.map(([key, label, value]) => (
          <div key={key} className="card">
            <dt>{label}</dt>
            <dd className="figure-value">{value}</dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>{t("impact.public.how")}</summary>
        <dl>
          {rows.map(([key, label]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd>{t(`impact.definition.${key as "teachers_trained"}`)}</dd>
            </div>
          ))}
        </dl>
      </details>
      <p className="muted">{t("impact.public.made_with")}</p>
    </article>
  );
}
