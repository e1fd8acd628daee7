// /practicas/:practiceId/video: a practice's classroom clip, for those who may read the practice, in the
// byte ranges a <video> asks for (to start, seek and resume); anyone else gets the not-found page.
import { practiceVideo } from "~/modules/practices";
import { NotFoundError } from "~/platform/errors";
import { rangeFileResponse } from "~/platform/storage";
import { loadFile } from "../lib/download.server";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/practice.video";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return loadFile(context, async () => {
    const video = await practiceVideo(actor, params.practiceId);
    const response = await rangeFileResponse(request, video.key, { fileName: video.fileName, inline: true });
    if (!response) throw new NotFoundError();
    return response;
  });
}
