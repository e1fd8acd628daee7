// /talleres: the public catalogue of open workshops and courses (issue #16 §1). No sign-in, no
// JavaScript (the filters are a GET form); each entry links to its page.
import { Form, Link } from "react-router";
import { publicCatalogue } from "~/modules/learning";
import { COURSE_LEVELS } from "~/modules/learning/content";
import { localParts } from "~/platform/time";
import { Pagination } from "../components/pagination";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { pageOf } from "../lib/paging";
import { sessionOf } from "../lib/session.server";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/workshops";

export const handle: RouteHandle = { scripts: false };

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "learning.catalogue.title") },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const timeZone = sessionOf(context).timeZone;
  const now = new Date();
  const catalogue = await publicCatalogue(
    {
      topic: url.searchParams.get("tema") ?? "",
      level: url.searchParams.get("nivel") ?? "",
      month: url.searchParams.get("mes") ?? "",
      page: pageOf(request),
    },
    localParts(now, timeZone).date,
    now,
  );
  return { ...catalogue, timeZone };
}

export default function Workshops({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { entries, topics, filters, timeZone, page, pages } = loaderData;
  return (
    <div className="stack">
      <h1>{t("learning.catalogue.title")}</h1>
      <p>{t("learning.catalogue.intro")}</p>
      <Form method="get" className="card filters">
        <div className="field">
          <label htmlFor="tema">{t("learning.catalogue.topic")}</label>
          <select id="tema" name="tema" defaultValue={filters.topic}>
            <option value="">{t("learning.catalogue.any")}</option>
            {topics.map((topic) => (
              <option key={topic} value={topic}>
                {topic}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="nivel">{t("learning.catalogue.level")}</label>
          <select id="nivel" name="nivel" defaultValue={filters.level}>
            <option value="">{t("learning.catalogue.any")}</option>
            {COURSE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`learning.level.${level}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mes">{t("learning.catalogue.month")}</label>
          <input id="mes" name="mes" type="month" defaultValue={filters.month} />
        </div>
        <button type="submit" className="button button-secondary">
          {t("learning.catalogue.filter")}
        </button>
      </Form>
      {entries.length === 0 ? (
        <p className="muted">{t("learning.catalogue.empty")}</p>
      ) : (
        <ul className="cards">
          {entries.map((e) => (
            <li key={e.cohortId} className="card stack">
              <h2>
                <Link to={`/talleres/${e.slug}`}>{e.title}</Link>
              </h2>
              <p className="muted">
                {t(`learning.kind.${e.kind}`)} · {t(`learning.modality.${e.modality}`)} ·{" "}
                {t("learning.hours", { count: e.hours })} · {t(`learning.level.${e.level}`)}
                {e.topic ? ` · ${e.topic}` : ""}
              </p>
              {e.summary ? <p>{e.summary}</p> : null}
              <p>
                {t("learning.dates", { start: f.day(e.startsOn), end: f.day(e.endsOn) })}
                {e.nextSessionAt
                  ? ` · ${t("learning.next_session", {
                      when: f.dateTimeIn(e.nextSessionAt, timeZone),
                      zone: f.zoneName(timeZone),
                    })}`
                  : ""}
              </p>
              <p>
                {e.placesLeft === null
                  ? t("learning.places.open")
                  : e.placesLeft === 0
                    ? t("learning.places.full")
                    : t("learning.places.left", { count: e.placesLeft })}
              </p>
              <p className="muted">{e.organizationName}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
