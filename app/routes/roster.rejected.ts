import { translator } from "~/messages";
import { getRosterImport, rejectedRowsCsv } from "~/modules/people";
import { loadFile, notFoundDocument } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/roster.rejected";

/** The rejected rows of an import, with their reasons, as a CSV to fix and upload again. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const found = await loadFile(context, () => getRosterImport(actor, params.importId, { rejectedLimit: 0 }));
  if (found.schoolId !== params.schoolId) throw notFoundDocument(context);
  const csv = await loadFile(context, () =>
    rejectedRowsCsv(actor, found.id, translator(sessionOf(context).locale)),
  );
  return new Response(csv.content, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(csv.fileName)}`,
      "cache-control": "private, no-store",
    },
  });
}
