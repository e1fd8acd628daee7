import type { programs as source } from "../es-CL/programs";

export const programs: Record<keyof typeof source, string> = {
  "nav.programs": "Programs",
  "programs.title": "Programs",
  "programs.intro":
    "Programs group courses, mentor tracks and advisories, so that impact figures can be filtered by program.",
  "programs.none": "No programs yet.",
  "programs.field.name": "Program name",
  "programs.create.title": "New program",
  "programs.create.submit": "Create program",
  "programs.rename.submit": "Rename",
  "programs.rename.label": "New name for “{name}”",
  "programs.notice.created": "Program created.",
  "programs.notice.renamed": "Name changed.",
  "programs.errors.name_required": "Write the program's name.",
  "programs.errors.name_too_long": "The name may have up to 120 characters.",
  "programs.errors.name_taken": "There is already a program with that name in the organization.",
  "programs.errors.unknown": "Choose a program of the organization.",
  "programs.field.program": "Program",
  "programs.course.saved": "Program saved.",
  "programs.course.save": "Save program",
  "programs.field.none": "No program",
};
