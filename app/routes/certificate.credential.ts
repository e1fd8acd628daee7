// /certificados/:code/credencial: the certificate as an Open Badges 3.0 credential (a signed VC-JWT
// file) for a wallet or any verifier; the same people as its PDF may download it (see
// certificate.download.ts). `scripts/verify-credential.ts` checks a downloaded one.
import { certificateCredential, certificateForDownload } from "~/modules/learning";
import { loadFile } from "../lib/download.server";
import { requireActor, sessionOf } from "../lib/session.server";
import type { Route } from "./+types/certificate.credential";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { actor, locale } = sessionOf(context);
  const token = new URL(request.url).searchParams.get("clave");
  if (!token && !actor) requireActor(request, context);
  const file = await loadFile(context, async () => {
    const certificate = await certificateForDownload(params.code, { token, actor });
    return { code: certificate.code, jwt: await certificateCredential(certificate, locale) };
  });
  return new Response(file.jwt, {
    headers: {
      "content-type": "application/vc+jwt",
      "content-disposition": `attachment; filename="credencial-${file.code}.jwt"`,
      "cache-control": "private, no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
