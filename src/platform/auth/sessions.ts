import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { type DbOrTx, db } from "../db/client";
import { sessions } from "./schema";
import { hashToken, newToken } from "./tokens";

export const SESSION_COOKIE = "impulso_session";
export const SESSION_TTL_MS = 1000 * 60 * 60 * 24 * 14; // two weeks, sliding
const TOUCH_EVERY_MS = 1000 * 60 * 5;

export interface SessionRecord {
  idHash: string;
  personId: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** Creates a session and returns the token for the cookie. */
export async function createSession(
  personId: string,
  meta: { userAgent?: string | null; ip?: string | null },
  tx: DbOrTx = db(),
): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await tx.insert(sessions).values({
    idHash: hash,
    personId,
    expiresAt,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { token, expiresAt };
}

/** The live session behind a cookie token, extended while in use; null if unknown, expired or revoked. */
export async function readSession(token: string | undefined | null): Promise<SessionRecord | null> {
  if (!token || token.length > 200) return null;
  const idHash = hashToken(token);
  const now = new Date();
  const [row] = await db()
    .select({
      idHash: sessions.idHash,
      personId: sessions.personId,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await db().update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.idHash, idHash));
    row.expiresAt = expiresAt;
  }
  return row;
}

export async function revokeSession(token: string | undefined | null): Promise<void> {
  if (!token) return;
  await db()
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(eq(sessions.idHash, hashToken(token)));
}

/** Revokes every session of a person (password change, disabled account), optionally but one. */
export async function revokeAllSessions(personId: string, tx: DbOrTx = db()): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.personId, personId), isNull(sessions.revokedAt)));
}

export async function deleteStaleSessions(): Promise<void> {
  const cutoff = new Date(Date.now() - 1000 * 60 * 60 * 24 * 30);
  await db()
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, cutoff), lt(sessions.revokedAt, cutoff)));
}
