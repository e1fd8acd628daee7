import { translator } from "~/messages";
import { networkDashboardFile } from "~/modules/observation";
import { attachment } from "~/platform/export";
import { dashboardQuery } from "../lib/dashboard-charts.server";
import { loadFile } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/observations.network.csv";

/** The network dashboard's figures as a CSV (one line per advised school). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { locale, timeZone } = sessionOf(context);
  const file = await loadFile(context, () =>
    networkDashboardFile(actor, dashboardQuery(request), "csv", { t: translator(locale), locale, timeZone }),
  );
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": attachment(file.fileName),
      "cache-control": "private, no-store",
    },
  });
}
