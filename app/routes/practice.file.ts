// /practicas/:practiceId/archivos/:fileId: a file of a practice, for those who may read the practice;
// anyone else gets the not-found page. A download the browser never runs or sniffs (platform/storage).
import { practiceFileForDownload } from "~/modules/practices";
import { fileResponse } from "~/platform/storage";
import { loadFile } from "../lib/download.server";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/practice.file";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const file = await loadFile(context, () =>
    practiceFileForDownload(actor, params.practiceId, params.fileId),
  );
  return fileResponse(file.stored, { fileName: file.fileName });
}
