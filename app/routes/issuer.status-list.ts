// /emisores/:organizationId/revocaciones: the issuer's revocation list (a signed
// BitstringStatusListCredential), which each credential names; a revocation shows within a minute.
import { publishedStatusList } from "~/modules/learning";
import { loadFile } from "../lib/download.server";
import type { Route } from "./+types/issuer.status-list";

export async function loader({ context, params }: Route.LoaderArgs) {
  const jwt = await loadFile(context, () => publishedStatusList(params.organizationId));
  return new Response(jwt, {
    headers: {
      "content-type": "application/vc+jwt",
      "cache-control": "public, max-age=60",
      "access-control-allow-origin": "*",
    },
  });
}
