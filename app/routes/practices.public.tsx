// /practicas-publicas: the practices their authors made public, newest first, for anyone and for search
// engines (no account, no JavaScript); each links to its own page.
import { useLocation } from "react-router";
import { publicPractices } from "~/modules/practices";
import { MorePages, PracticeCards } from "../components/practice-card";
import { pageTitle, useT } from "../lib/i18n";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/practices.public";

export const handle: RouteHandle = { scripts: false };

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "practices.public.title") },
];

export async function loader({ request }: Route.LoaderArgs) {
  const page = Number(new URL(request.url).searchParams.get("pagina") ?? 1);
  const safePage = Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
  return { ...(await publicPractices(safePage)), page: safePage };
}

export default function PublicPractices({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const location = useLocation();
  const { practices, more, page } = loaderData;
  return (
    <div className="stack">
      <h1>{t("practices.public.title")}</h1>
      <p>{t("practices.public.intro")}</p>
      {practices.length === 0 ? <p className="muted">{t("practices.public.none")}</p> : null}
      <PracticeCards practices={practices} hrefOf={(id) => `/practicas-publicas/${id}`} />
      <MorePages page={page} more={more} search={location.search} />
    </div>
  );
}
