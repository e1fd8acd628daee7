import { translator } from "~/messages";
import { schoolDashboardFile } from "~/modules/observation";
import { attachment } from "~/platform/export";
import { dashboardQuery } from "../lib/dashboard-charts.server";
import { loadFile } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/school.observation.xlsx";

/** The school dashboard's figures as an XLSX workbook (every table). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { locale, timeZone } = sessionOf(context);
  const file = await loadFile(context, () =>
    schoolDashboardFile(actor, params.schoolId, dashboardQuery(request), "xlsx", {
      t: translator(locale),
      locale,
      timeZone,
    }),
  );
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": attachment(file.fileName),
      "cache-control": "private, no-store",
    },
  });
}
