import { exportPersonalData } from "~/modules/privacy";
import { attachment } from "~/platform/export";
import { loadFile } from "../lib/download.server";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/person.data";

/** "Descargar mis datos": the person's own data as a ZIP (Ley 21.719). Anyone else gets 404. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const archive = await loadFile(context, () => exportPersonalData(actor, params.personId));
  return new Response(new Uint8Array(archive.bytes), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": attachment(archive.fileName),
      "content-length": String(archive.bytes.byteLength),
      "cache-control": "private, no-store",
    },
  });
}
