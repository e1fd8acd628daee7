// /practicas: the practices library (issue #17): search in Spanish that ignores accents and understands
// word forms, filters by level, asignatura, standard and school (a GET form: works without JavaScript,
// and a search can be shared as a link), best matches first; the way to share a practice.
import { Form, Link, useLocation } from "react-router";
import { MBE_STANDARDS } from "~/modules/observation/content";
import { filtersFrom, schoolChoices, searchPractices, sharingSchools } from "~/modules/practices";
import { PRACTICE_LEVELS, PRACTICE_LIMITS, PRACTICE_SUBJECTS } from "~/modules/practices/content";
import { MorePages, PracticeCards } from "../components/practice-card";
import { load } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/practices";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "practices.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const filters = filtersFrom(new URL(request.url).searchParams);
  return load(async () => {
    const [found, schools, sharing] = await Promise.all([
      searchPractices(actor, filters),
      schoolChoices(actor, filters.schoolId),
      sharingSchools(actor),
    ]);
    return { ...found, filters, schools, canShare: sharing.length > 0 };
  });
}

export default function Practices({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const location = useLocation();
  const { practices, more, page, filters, schools, canShare } = loaderData;
  const filtered = Boolean(
    filters.q || filters.level || filters.subject || filters.standard || filters.schoolId,
  );
  return (
    <div className="stack">
      <h1>{t("practices.title")}</h1>
      <p>{t("practices.intro")}</p>
      <p className="actions">
        {canShare ? (
          <Link className="button" to="/practicas/nueva">
            {t("practices.share")}
          </Link>
        ) : null}
        <Link to="/practicas/mias">{t("practices.mine.title")}</Link>
      </p>
      <Form method="get" className="card filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("practices.search.words")}</label>
          <input id="q" name="q" type="search" maxLength={PRACTICE_LIMITS.query} defaultValue={filters.q} />
        </div>
        <div className="field">
          <label htmlFor="nivel">{t("practices.field.level")}</label>
          <select id="nivel" name="nivel" defaultValue={filters.level ?? ""}>
            <option value="">{t("practices.search.any")}</option>
            {PRACTICE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`practices.level.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="asignatura">{t("practices.field.subject")}</label>
          <select id="asignatura" name="asignatura" defaultValue={filters.subject ?? ""}>
            <option value="">{t("practices.search.any")}</option>
            {PRACTICE_SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {t(`practices.subject.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="estandar">{t("practices.search.standard")}</label>
          <select id="estandar" name="estandar" defaultValue={filters.standard ?? ""}>
            <option value="">{t("practices.search.any")}</option>
            {MBE_STANDARDS.map((n) => (
              <option key={n} value={n}>
                {t(`practices.standard.${n}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="establecimiento">{t("practices.search.school")}</label>
          <select id="establecimiento" name="establecimiento" defaultValue={filters.schoolId ?? ""}>
            <option value="">{t("practices.search.any_school")}</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("practices.search.submit")}
        </button>
      </Form>
      <h2 className="sr-only">{t("practices.search.results")}</h2>
      {practices.length === 0 ? (
        <p className="muted">{filtered ? t("practices.search.none") : t("practices.search.empty_library")}</p>
      ) : (
        <PracticeCards practices={practices} hrefOf={(id) => `/practicas/${id}`} />
      )}
      <MorePages page={page} more={more} search={location.search} />
    </div>
  );
}
