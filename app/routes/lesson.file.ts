// /cursos/:courseId/lecciones/:lessonId/archivos/:fileId: a lesson's file, for those who may read the
// lesson (its cohorts' participants, coordinators, the course's facilitators); anyone else gets the
// not-found page. Served as a download that the browser never runs or sniffs (platform/storage).
import { lessonFileForDownload } from "~/modules/learning";
import { fileResponse } from "~/platform/storage";
import { loadFile } from "../lib/download.server";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/lesson.file";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const file = await loadFile(context, () =>
    lessonFileForDownload(actor, params.courseId, params.lessonId, params.fileId),
  );
  return fileResponse(file.stored, { fileName: file.fileName });
}
