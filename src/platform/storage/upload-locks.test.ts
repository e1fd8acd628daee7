// The resumable uploads' locks: within a process a waiting request asks the holder to let go; across
// processes (two lockers, each with its own PostgreSQL connection, as two app processes have) the
// advisory lock keeps the second out until the first lets go. On PGlite only the first part applies.
import { afterAll, describe, expect, it } from "vitest";
import { database } from "../db/client";
import { useTestDatabase } from "../testing/database";
import { UploadLocker } from "./upload-locks";

useTestDatabase();
const lockers: UploadLocker[] = [];
afterAll(async () => {
  for (const locker of lockers) await locker.close();
});
const newLocker = (timeoutMs = 2_000) => {
  const locker = new UploadLocker({ timeoutMs });
  lockers.push(locker);
  return locker;
};
const never = () => new AbortController().signal;

describe("the upload locks", () => {
  it("let one request at a time hold an upload, asking the holder to let go", async () => {
    const locker = newLocker();
    const first = locker.newLock("upload-1");
    let asked = 0;
    await first.lock(never(), () => {
      asked++;
      // tus ends the holder's request, which unlocks
      setTimeout(() => void first.unlock(), 50);
    });
    const second = locker.newLock("upload-1");
    const started = Date.now();
    await second.lock(never(), () => {});
    expect(asked).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    // another upload is not held up
    const other = locker.newLock("upload-2");
    await other.lock(never(), () => {});
    await other.unlock();
    await second.unlock();
  });

  it("give up after their timeout, and when the request is gone", async () => {
    const locker = newLocker(300);
    const holder = locker.newLock("upload-3");
    await holder.lock(never(), () => {});
    await expect(locker.newLock("upload-3").lock(never(), () => {})).rejects.toMatchObject({
      status_code: 500,
    });
    const gone = new AbortController();
    setTimeout(() => gone.abort(), 50);
    await expect(locker.newLock("upload-3").lock(gone.signal, () => {})).rejects.toMatchObject({
      status_code: 500,
    });
    await holder.unlock();
    const after = locker.newLock("upload-3");
    await after.lock(never(), () => {});
    await after.unlock();
  });

  it("keep another process out on PostgreSQL until the holder lets go", async () => {
    if (database().kind !== "postgres") return; // PGlite: one process per data directory
    const processA = newLocker(5_000);
    const processB = newLocker(600);
    const held = processA.newLock("upload-4");
    await held.lock(never(), () => {});
    await expect(processB.newLock("upload-4").lock(never(), () => {})).rejects.toMatchObject({
      status_code: 500,
    });
    await held.unlock();
    const taken = processB.newLock("upload-4");
    await taken.lock(never(), () => {});
    // now process A waits for B
    const next = processA.newLock("upload-4");
    const waiting = next.lock(never(), () => {});
    setTimeout(() => void taken.unlock(), 300);
    await waiting;
    await next.unlock();
  });
});
