// /practicas-publicas/:practiceId/video: the clip of a public practice, for anyone, in byte ranges.
import { publicPracticeVideo } from "~/modules/practices";
import { NotFoundError } from "~/platform/errors";
import { rangeFileResponse } from "~/platform/storage";
import { loadFile } from "../lib/download.server";
import type { Route } from "./+types/practice.public.video";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  return loadFile(context, async () => {
    const video = await publicPracticeVideo(params.practiceId);
    const response =
      video && (await rangeFileResponse(request, video.key, { fileName: video.fileName, inline: true }));
    if (!response) throw new NotFoundError();
    return response;
  });
}
