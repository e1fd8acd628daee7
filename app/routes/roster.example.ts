import { exampleRosterCsv } from "~/modules/people";
import { loadFile } from "../lib/download.server";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/roster.example";

/** An example roster to fill in, with this school's RBD. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const csv = await loadFile(context, () => exampleRosterCsv(actor, params.schoolId));
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="nomina-ejemplo.csv"',
      "cache-control": "private, no-store",
    },
  });
}
