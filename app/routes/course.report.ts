// /cursos/:courseId/informe?formato=csv|xlsx: a course's report across its versions (each version's
// places, completion and certificates; in XLSX also everyone registered by country and region).
import { translator } from "~/messages";
import { courseReport } from "~/modules/learning";
import { attachment } from "~/platform/export";
import { loadFile } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/course.report";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { locale } = sessionOf(context);
  const format = new URL(request.url).searchParams.get("formato") === "xlsx" ? "xlsx" : "csv";
  const file = await loadFile(context, () =>
    courseReport(actor, params.courseId, format, { t: translator(locale), locale }),
  );
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": attachment(file.fileName),
      "cache-control": "private, no-store",
    },
  });
}
