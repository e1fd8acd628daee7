// /talleres/:slug/sesiones.ics?version=<cohortId>: a published version's live sessions as a calendar
// file, for anyone (each session in UTC: every calendar shows it in its own zone).
import { cohortCalendar } from "~/modules/learning";
import { config } from "~/platform/config";
import { NotFoundError } from "~/platform/errors";
import { loadFile } from "../lib/download.server";
import type { Route } from "./+types/workshop.ics";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const cohortId = new URL(request.url).searchParams.get("version") ?? "";
  const file = await loadFile(context, async () => {
    const found = await cohortCalendar(params.slug, cohortId, config().appUrl);
    if (!found) throw new NotFoundError();
    return found;
  });
  return new Response(file.content, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${file.filename}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=300",
    },
  });
}
