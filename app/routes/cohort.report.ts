// /cursos/:courseId/versiones/:cohortId/informe?formato=csv|xlsx: a version's report (people,
// attendance per session, completion, certificates; in XLSX also the sessions and the count by country
// and region).
import { translator } from "~/messages";
import { cohortReport } from "~/modules/learning";
import { attachment } from "~/platform/export";
import { loadFile } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/cohort.report";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { locale, timeZone } = sessionOf(context);
  const format = new URL(request.url).searchParams.get("formato") === "xlsx" ? "xlsx" : "csv";
  const file = await loadFile(context, async () => {
    const report = await cohortReport(actor, params.cohortId, format, {
      t: translator(locale),
      locale,
      timeZone,
    });
    return report;
  });
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": attachment(file.fileName),
      "cache-control": "private, no-store",
    },
  });
}
