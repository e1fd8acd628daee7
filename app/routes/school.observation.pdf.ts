import { translator } from "~/messages";
import { schoolReportPdf } from "~/modules/observation";
import { attachment } from "~/platform/export";
import { dashboardQuery } from "../lib/dashboard-charts.server";
import { loadFile } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/school.observation.pdf";

/** The school report: the school dashboard of the period as a printable PDF. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { locale, timeZone } = sessionOf(context);
  const pdf = await loadFile(context, () =>
    schoolReportPdf(actor, params.schoolId, dashboardQuery(request), {
      t: translator(locale),
      locale,
      timeZone,
    }),
  );
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": attachment(pdf.fileName),
      "content-length": String(pdf.bytes.byteLength),
      "cache-control": "private, no-store",
    },
  });
}
