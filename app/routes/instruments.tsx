import { Link } from "react-router";
import { listInstruments } from "~/modules/observation";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/instruments";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "instruments.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => listInstruments(actor));
}

type Row = Route.ComponentProps["loaderData"]["active"][number];

function InstrumentRow({ instrument }: { instrument: Row }) {
  const t = useT();
  const format = useFormat();
  return (
    <li>
      <Link to={`/pautas/${instrument.id}`}>{instrument.name}</Link>{" "}
      {instrument.publishedVersion ? (
        <span className="muted">
          {t("instruments.list.version", {
            version: instrument.publishedVersion,
            date: format.date(instrument.publishedAt),
          })}
        </span>
      ) : (
        <span className="muted">{t("instruments.list.unpublished")}</span>
      )}{" "}
      {instrument.hasDraft ? (
        <span className="badge badge-warn">{t("instruments.list.has_draft")}</span>
      ) : null}
    </li>
  );
}

export default function Instruments({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { active, archived, canManage } = loaderData;
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("instruments.title")}</h1>
        {canManage ? (
          <Link className="button" to="/pautas/nueva">
            {t("instruments.list.new")}
          </Link>
        ) : null}
      </div>
      <p>{t(canManage ? "instruments.list.intro_manage" : "instruments.list.intro_read")}</p>
      <section className="card" aria-labelledby="pautas-vigentes">
        <h2 id="pautas-vigentes">{t("instruments.list.active")}</h2>
        {active.length === 0 ? (
          <p className="muted">{t("instruments.list.none")}</p>
        ) : (
          <ul className="rows">
            {active.map((i) => (
              <InstrumentRow key={i.id} instrument={i} />
            ))}
          </ul>
        )}
      </section>
      {archived.length ? (
        <section className="card" aria-labelledby="pautas-archivadas">
          <h2 id="pautas-archivadas">{t("instruments.list.archived")}</h2>
          <p className="hint">{t("instruments.list.archived_hint")}</p>
          <ul className="rows">
            {archived.map((i) => (
              <InstrumentRow key={i.id} instrument={i} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
