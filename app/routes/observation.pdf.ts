import { cyclePdf } from "~/modules/observation";
import { loadFile } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/observation.pdf";

/**
 * The cycle of a submitted visit as a printable PDF, for whoever may open the visit. The server adds
 * X-Content-Type-Options: nosniff to every response (src/platform/http/security.ts).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const { locale, timeZone } = sessionOf(context);
  const pdf = await loadFile(context, () => cyclePdf(actor, params.observationId, { locale, timeZone }));
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${pdf.fileName}"`,
      "content-length": String(pdf.bytes.byteLength),
      "cache-control": "private, no-store",
    },
  });
}
