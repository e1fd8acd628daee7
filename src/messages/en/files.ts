import type { files as source } from "../es-CL/files";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const files: Record<keyof typeof source, string> = {
  "files.errors.empty": "Choose a file: the one you sent is empty or did not arrive.",
  "files.errors.too_large": "The file is larger than {max}.",
  "files.errors.type_not_allowed":
    "This kind of file is not accepted here. Accepted: {kinds}. The type is recognized from the file's content, not its name.",
  "files.fallback_name": "file",
  "files.resumable.sign_in": "Your session has ended. Sign in again to upload the file.",
  "files.resumable.not_allowed": "You cannot upload a file here.",
  "files.resumable.size_unknown": "The file's size could not be read. Choose it again.",
  "files.resumable.failed": "The file could not be saved. Try again in a few minutes.",
  "files.resumable.choose": "File",
  "files.resumable.start": "Upload",
  "files.resumable.pause": "Pause",
  "files.resumable.resume": "Continue",
  "files.resumable.progress": "Uploaded: {percent} % ({sent} of {total}).",
  "files.resumable.paused":
    "Paused. You can continue whenever you like; if you close the page, choose the same file and it will go on where it stopped.",
  "files.resumable.retrying":
    "The connection dropped. The upload will go on by itself when it is back, without starting over.",
  "files.resumable.checking": "Checking the file…",
  "files.resumable.done": "Done: the file was uploaded.",
  "files.resumable.error": "The file could not be uploaded. {reason}",
  "files.resumable.needs_javascript":
    "To upload a video, turn on JavaScript in your browser (the rest of the page works without it).",
};
