// A cohort's discussion space (issue #16 §8): the cohort's participants, coordinators and the course's
// facilitators read and write in it; those who facilitate the cohort moderate it. The discussions
// module asks here (it never imports learning).

import { NotFoundError } from "../../platform/errors";
import { can } from "../../platform/policy";
import { registerSpaceKind } from "../discussions";
import { classroomOf } from "./lessons";

registerSpaceKind("cohort", async (actor, cohortId) => {
  try {
    const { cohort, info } = await classroomOf(actor, cohortId);
    return {
      kind: "cohort",
      id: cohortId,
      organizationId: cohort.organizationId,
      read: true,
      post: true,
      moderate: can(actor, "facilitate", "cohort", cohort.course),
      title: `${info.courseTitle} · ${info.name}`,
      href: `/mis-cursos/${cohortId}/conversacion`,
    };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
});
