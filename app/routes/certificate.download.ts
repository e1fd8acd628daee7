// /certificados/:code/descargar: a certificate's PDF, for the holder through the secret of their
// email's link (?clave=…), or signed in as its holder or as someone who runs its course. Anyone else,
// and any unknown code, gets the not-found page (a visitor with no link is sent to sign in first) (the code alone, printed on the PDF, opens nothing
// but the public verification page).
import { certificateForDownload, certificatePdf } from "~/modules/learning";
import { loadFile } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/certificate.download";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, locale } = sessionOf(context);
  const token = new URL(request.url).searchParams.get("clave");
  // without the email's link, the holder or a course's people sign in first and come back here
  if (!token && !actor) requireActor(request, context);
  const file = await loadFile(context, async () => {
    const certificate = await certificateForDownload(params.code, { token, actor });
    return { code: certificate.code, bytes: await certificatePdf(certificate, locale) };
  });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="certificado-${file.code}.pdf"`,
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
