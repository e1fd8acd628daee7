// /impacto/informes/:reportId/informe.pdf and …/informe.xlsx: a finished funder report's files, for the
// organization's coordinators only (anyone else gets the not-found page).
import { funderReportFile } from "~/modules/impact";
import { attachment } from "~/platform/export";
import { loadFile } from "../lib/download.server";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/impact.report.file";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const format = new URL(request.url).pathname.endsWith(".xlsx") ? "xlsx" : "pdf";
  const file = await loadFile(context, () => funderReportFile(actor, params.reportId, format));
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": attachment(file.fileName),
      "content-length": String(file.bytes.byteLength),
      "cache-control": "private, no-store",
    },
  });
}
