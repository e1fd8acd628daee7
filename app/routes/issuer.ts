// /emisores/:organizationId: the organization as an Open Badges issuer (its Profile, with the public key
// that verifies its credentials), published once it has issued a certificate. JSON for anyone.
import { publishedIssuer } from "~/modules/learning";
import { loadFile } from "../lib/download.server";
import type { Route } from "./+types/issuer";

export async function loader({ context, params }: Route.LoaderArgs) {
  const profile = await loadFile(context, () => publishedIssuer(params.organizationId));
  return new Response(JSON.stringify(profile), {
    headers: {
      "content-type": "application/ld+json; charset=utf-8",
      "cache-control": "public, max-age=3600",
      "access-control-allow-origin": "*",
    },
  });
}
