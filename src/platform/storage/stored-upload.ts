// An upload taken whole in a form (a lesson's or a practice's file): checked against the place's
// policy, stored under a fresh key, then recorded by the caller; when recording fails the stored file
// is removed, so that no file is left without its row.
import { newId } from "../ids";
import { downloadName } from "./names";
import { fileStore } from "./stores";
import { type AcceptedUpload, acceptUpload, type UploadPolicy } from "./uploads";

export interface KeptUpload extends AcceptedUpload {
  /** the row's id, also the end of the storage key */
  id: string;
  storageKey: string;
  /** the name it downloads with (downloadName) */
  fileName: string;
}

export async function keepUpload<T>(
  upload: { bytes: Uint8Array; fileName: string },
  policy: UploadPolicy & { keyPrefix: string },
  record: (kept: KeptUpload) => Promise<T>,
): Promise<T> {
  const accepted = await acceptUpload(upload.bytes, upload.fileName, policy);
  const id = newId();
  const storageKey = `${policy.keyPrefix}-${id}`;
  await fileStore().put(storageKey, upload.bytes, { contentType: accepted.contentType });
  try {
    return await record({
      ...accepted,
      id,
      storageKey,
      fileName: downloadName(upload.fileName, accepted.extension),
    });
  } catch (error) {
    await fileStore().delete(storageKey);
    throw error;
  }
}
