// The personal data of sessions and rate limits (see ../personal-data.ts).
import { asc, eq, or, sql } from "drizzle-orm";
import type { PersonalDataHook } from "../personal-data";
import { iso } from "../time";
import { rateLimits, sessions } from "./schema";

export const authPersonalData: PersonalDataHook = {
  name: "platform.auth",
  order: 20,
  // rate_limits: its keys hold the addresses typed (sign-in, password reset)
  tables: [sessions, rateLimits],

  async exportFor(db, person) {
    const rows = await db
      .select({
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        revokedAt: sessions.revokedAt,
        userAgent: sessions.userAgent,
        ip: sessions.ip,
      })
      .from(sessions)
      .where(eq(sessions.personId, person.id))
      .orderBy(asc(sessions.createdAt));
    // Sessions without their tokens; rate-limit windows are counters, not about the person.
    const list = rows.map((s) => ({
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
      revokedAt: iso(s.revokedAt),
      userAgent: s.userAgent,
      ip: s.ip,
    }));
    return {
      json: { sessions: list },
      csv: {
        "sesiones.csv": {
          columns: ["created_at", "last_seen_at", "expires_at", "revoked_at", "user_agent", "ip"],
          rows: list.map((s) => [s.createdAt, s.lastSeenAt, s.expiresAt, s.revokedAt, s.userAgent, s.ip]),
        },
      },
    };
  },

  async anonymize(tx, person) {
    await tx.delete(sessions).where(eq(sessions.personId, person.id));
    await tx
      .delete(rateLimits)
      .where(
        or(
          sql`right(${rateLimits.key}, ${person.email.length + 1}) = ${`:${person.email}`}`,
          sql`starts_with(${rateLimits.key}, 'sign-in:') AND strpos(${rateLimits.key}, ${`:${person.email}|`}) > 0`,
        ),
      );
  },
};
