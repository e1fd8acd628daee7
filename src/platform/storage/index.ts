// Uploaded files (issue #16 §3): one store for all of them, the check of what a file is, and how it is
// served. Who may see a file is not decided here: callers ask the policy first. See
// docs/architecture.md, "Files".
export { downloadName } from "./names";
export { contentDisposition, fileResponse, rangeFileResponse, requestedRange } from "./response";
export { type KeptUpload, keepUpload } from "./stored-upload";
export {
  type ByteRange,
  checkKey,
  type FileInfo,
  type FileStore,
  FolderStore,
  fileStore,
  type OpenedFile,
  parseS3Url,
  S3Store,
  type StoredFile,
  setFileStore,
} from "./stores";
// (the tus server itself, resumableUploads, is imported from ./resumable by the HTTP server alone)
export {
  type LoadUploadSession,
  PARTIAL_UPLOAD_TTL_MS,
  registerUploadPurpose,
  type StoredUpload,
  UPLOADS_PATH,
  type UploadMetadata,
  type UploadPurpose,
  type UploadSession,
} from "./upload-purposes";
export {
  type AcceptedUpload,
  acceptedExtensions,
  acceptFile,
  acceptUpload,
  FILE_KINDS,
  type FileKind,
  type UploadPolicy,
} from "./uploads";
