// Tests keep uploaded files in a temporary folder of their own, removed at the end.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { FolderStore, setFileStore } from "../storage";

export function useTemporaryFileStore(): { folder: () => string } {
  let folder = "";
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "impulso-files-"));
    setFileStore(new FolderStore(folder));
  });
  afterAll(async () => {
    setFileStore(undefined);
    await rm(folder, { recursive: true, force: true });
  });
  return { folder: () => folder };
}
