// The privacy module's own personal data (see platform/personal-data.ts): the person's deletion
// requests. Anonymizing keeps the request (it is the record of what was decided) without the reason
// the person wrote.
import { asc, eq, sql } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { privacyRequests } from "./schema";

registerPersonalData({
  name: "privacy",
  order: 50,
  tables: [privacyRequests],

  async exportFor(db, person) {
    const rows = await db
      .select()
      .from(privacyRequests)
      .where(eq(privacyRequests.personId, person.id))
      .orderBy(asc(privacyRequests.requestedAt));
    return {
      json: {
        privacyRequests: rows.map((r) => ({
          status: r.status,
          reason: r.reason,
          requestedAt: iso(r.requestedAt),
          handledAt: iso(r.handledAt),
          decisionNote: r.decisionNote,
        })),
      },
    };
  },

  async anonymize(tx, person, { marker }) {
    await tx
      .update(privacyRequests)
      .set({ reason: sql`CASE WHEN ${privacyRequests.reason} = '' THEN '' ELSE ${marker} END` })
      .where(eq(privacyRequests.personId, person.id));
  },
});
