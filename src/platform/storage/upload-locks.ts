// The locks of resumable uploads (tus): one request at a time writes an upload's file. Within a
// process, a waiting request asks the holder to let go (tus then ends the holder's request after its
// drain time), as tus's MemoryLocker does; across processes on one PostgreSQL, a session-level
// advisory lock on one dedicated connection per process (pg_try_advisory_lock, polled), which
// PostgreSQL releases by itself if the process dies. On PGlite (one process per data directory) the
// process's own lock is the whole lock.
import { createHash } from "node:crypto";
import { ERRORS, type Lock, type Locker, type RequestRelease } from "@tus/server";
import { database } from "../db/client";
import { log } from "../log";

/** The first key of the two-key advisory locks of uploads ("tus" 1), apart from every other lock. */
const UPLOAD_LOCK_SPACE = 0x74_75_73_01;
const POLL_MS = 200;

/** What the locker needs of a dedicated PostgreSQL connection. */
export interface LockConnection {
  query(text: string, values: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
  end(): Promise<void>;
  on(event: "error", listener: (error: Error) => void): unknown;
}

interface Held {
  requestRelease?: RequestRelease;
  released: Promise<void>;
  release(): void;
}

/** The second key: 32 bits of the id's SHA-256 (two ids sharing one only wait for each other). */
function objectKey(id: string): number {
  return createHash("sha256").update(id).digest().readInt32BE(0);
}

export class UploadLocker implements Locker {
  readonly held = new Map<string, Held>();
  private connection: Promise<LockConnection> | undefined;

  /**
   * `connect`: a new connection to the platform's PostgreSQL, or undefined for none (PGlite);
   * by default the open database's (`Database.connect`).
   */
  constructor(
    readonly options: {
      timeoutMs?: number;
      connect?: () => Promise<LockConnection> | undefined;
    } = {},
  ) {}

  newLock(id: string): Lock {
    return new UploadLock(this, id);
  }

  get timeoutMs(): number {
    return this.options.timeoutMs ?? 30_000;
  }

  /** The dedicated connection, opened on first use and again after it was lost; null on PGlite. */
  async session(): Promise<LockConnection | null> {
    if (!this.connection) {
      const opening = this.options.connect ? this.options.connect() : database().connect?.();
      if (!opening) return null;
      this.connection = opening.then((connection) => {
        connection.on("error", (error: Error) => {
          // Its locks went with it: PostgreSQL released them. The next lock opens another connection.
          log("warn", "upload locks: connection lost", { message: error.message });
          this.connection = undefined;
        });
        return connection;
      });
      this.connection.catch(() => {
        this.connection = undefined;
      });
    }
    return this.connection;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await (await connection.catch(() => null))?.end().catch(() => {});
  }
}

class UploadLock implements Lock {
  constructor(
    private readonly locker: UploadLocker,
    private readonly id: string,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.locker.timeoutMs;
    await this.lockHere(signal, requestRelease, deadline);
    try {
      await this.lockAcross(signal, deadline);
    } catch (error) {
      this.releaseHere();
      throw error;
    }
  }

  /** The process's own lock: wait for the holder to let go, having asked it to. */
  private async lockHere(signal: AbortSignal, requestRelease: RequestRelease, deadline: number) {
    const { held } = this.locker;
    for (;;) {
      if (signal.aborted || Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      const current = held.get(this.id);
      if (!current) {
        let release = () => {};
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        held.set(this.id, { requestRelease, released, release });
        return;
      }
      await current.requestRelease?.();
      await waitFor(current.released, signal, deadline - Date.now());
    }
  }

  /** Another process's lock: polled until it is free (no way to ask another process to let go). */
  private async lockAcross(signal: AbortSignal, deadline: number) {
    const session = await this.locker.session();
    if (!session) return;
    for (;;) {
      const { rows } = await session.query("SELECT pg_try_advisory_lock($1, $2) AS locked", [
        UPLOAD_LOCK_SPACE,
        objectKey(this.id),
      ]);
      if (rows[0]?.locked === true) return;
      if (signal.aborted || Date.now() + POLL_MS >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await waitFor(new Promise<void>(() => {}), signal, POLL_MS);
    }
  }

  private releaseHere(): void {
    const current = this.locker.held.get(this.id);
    this.locker.held.delete(this.id);
    current?.release();
  }

  async unlock(): Promise<void> {
    try {
      const session = await this.locker.session().catch(() => null);
      await session
        ?.query("SELECT pg_advisory_unlock($1, $2)", [UPLOAD_LOCK_SPACE, objectKey(this.id)])
        .catch((error: Error) => log("warn", "upload locks: unlock failed", { message: error.message }));
    } finally {
      this.releaseHere();
    }
  }
}

/** Resolves when `done` does, when the signal aborts, or after `ms`, whichever comes first. */
function waitFor(done: Promise<void>, signal: AbortSignal, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(finish, Math.max(0, ms));
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener("abort", finish);
      resolve();
    }
    signal.addEventListener("abort", finish, { once: true });
    done.then(finish, finish);
  });
}
