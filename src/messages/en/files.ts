import type { files as source } from "../es-CL/files";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const files: Record<keyof typeof source, string> = {
  "files.errors.empty": "Choose a file: the one you sent is empty or did not arrive.",
  "files.errors.too_large": "The file is larger than {max}.",
  "files.errors.type_not_allowed":
    "This kind of file is not accepted here. Accepted: {kinds}. The type is recognized from the file's content, not its name.",
  "files.fallback_name": "file",
};
