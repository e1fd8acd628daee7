import { Form, Link, useLocation } from "react-router";
import { listSchools, schoolFormOptions } from "~/modules/people";
import { Pagination } from "../components/pagination";
import {
  IveBandBadge,
  RegionComunaFields,
  rbdText,
  useIveBandLabel,
  useIveText,
} from "../components/school-form";
import { load } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { pageOf } from "../lib/paging";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/schools";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "schools.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const params = new URL(request.url).searchParams;
  const result = await load(() =>
    listSchools(actor, {
      q: params.get("q") ?? "",
      regionCode: params.get("region") ?? "",
      comunaCode: params.get("comuna") ?? "",
      dependencia: params.get("dependencia") ?? "",
      iveBand: params.get("ive") ?? "",
      page: pageOf(request),
    }),
  );
  const options = schoolFormOptions();
  // Filtering by a comuna without schools finds nothing: offer only the places in use (a smaller page).
  const inUse = new Set([...result.comunasInUse, result.filters.comunaCode]);
  const regions = options.regions
    .map((r) => ({ ...r, comunas: r.comunas.filter(([code]) => inUse.has(code)) }))
    .filter((r) => r.comunas.length > 0 || r.code === result.filters.regionCode);
  return { ...result, comunasInUse: undefined, options: { ...options, regions } };
}

export default function Schools({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const location = useLocation();
  const bandLabel = useIveBandLabel();
  const iveText = useIveText();
  const { schools, filters, options, total, page, pages } = loaderData;
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("schools.title")}</h1>
        {loaderData.canCreate ? (
          <Link className="button" to="/establecimientos/nuevo">
            {t("schools.new")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t(loaderData.seesAll ? "schools.intro.all" : "schools.intro.own")}</p>
      {/* keyed by the query, so that "Limpiar filtros" and the back button reset the fields */}
      <Form method="get" className="filters card" role="search" key={location.search}>
        <div className="field">
          <label htmlFor="schools-q">{t("schools.search")}</label>
          <input
            id="schools-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            maxLength={100}
            aria-describedby="schools-filters-note"
          />
        </div>
        <RegionComunaFields
          regions={options.regions}
          names={{ region: "region", comuna: "comuna" }}
          labels={{
            region: t("schools.filter.region"),
            comuna: t("schools.filter.comuna"),
            anyRegion: t("schools.filter.any_region"),
            anyComuna: t("schools.filter.any_comuna"),
          }}
          region={filters.regionCode}
          comuna={filters.comunaCode}
          markOptional={false}
        />
        <div className="field">
          <label htmlFor="schools-dependencia">{t("schools.filter.dependencia")}</label>
          <select id="schools-dependencia" name="dependencia" defaultValue={filters.dependencia}>
            <option value="">{t("schools.filter.any_dependencia")}</option>
            {options.dependencias.map((d) => (
              <option key={d} value={d}>
                {t(`dependencia.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="schools-ive">{t("schools.filter.ive_band")}</label>
          <select
            id="schools-ive"
            name="ive"
            defaultValue={filters.iveBand}
            aria-describedby="schools-filters-note"
          >
            <option value="">{t("schools.filter.any_ive_band")}</option>
            {options.iveBands.map((b) => (
              <option key={b.band} value={b.band}>
                {bandLabel(b)}
              </option>
            ))}
          </select>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("action.search")}
          </button>
          {filtered ? <Link to="/establecimientos">{t("action.clear_filters")}</Link> : null}
        </div>
      </Form>
      <p className="hint" id="schools-filters-note">
        {t("schools.search_hint")}{" "}
        {t("schools.ive_bands_note", {
          bands: options.iveBands
            .filter((b) => b.band !== "sin_dato")
            .map(bandLabel)
            .join("; "),
        })}
      </p>
      <p aria-live="polite">{t("list.results", { count: total })}</p>
      {schools.length === 0 ? (
        <p>{loaderData.seesAll || filtered ? t("list.empty") : t("schools.empty_own")}</p>
      ) : (
        <div className="table-wrap">
          <table className="responsive">
            <thead>
              <tr>
                <th scope="col">{t("schools.col.name")}</th>
                <th scope="col">{t("schools.col.place")}</th>
                <th scope="col">{t("schools.col.dependencia")}</th>
                <th scope="col">{t("schools.col.ive")}</th>
                <th scope="col">{t("schools.col.teachers")}</th>
              </tr>
            </thead>
            <tbody>
              {schools.map((s) => (
                <tr key={s.id}>
                  <td data-label={t("schools.col.name")}>
                    <Link to={`/establecimientos/${s.id}`}>{s.name}</Link>
                    <br />
                    <span className="muted">
                      {t("schools.rbd_value", { rbd: rbdText(s.rbd, s.rbdCheckDigit) })}
                    </span>
                    {s.advisedByMe ? (
                      <>
                        {" "}
                        <span className="badge">{t("schools.advised_by_me")}</span>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t("schools.col.place")}>
                    {s.comunaName}
                    <br />
                    <span className="muted">{s.regionName}</span>
                  </td>
                  <td data-label={t("schools.col.dependencia")}>{t(`dependencia.${s.dependencia}`)}</td>
                  <td data-label={t("schools.col.ive")}>
                    {iveText(s)}
                    {s.ive !== null ? (
                      <>
                        {" "}
                        <IveBandBadge band={s.iveBand} />
                      </>
                    ) : null}
                  </td>
                  <td data-label={t("schools.col.teachers")}>{s.teacherCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} />
    </div>
  );
}
