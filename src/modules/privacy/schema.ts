import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations, persons } from "../people/schema";

export const PRIVACY_REQUEST_STATUSES = ["pending", "anonymized", "rejected"] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

/**
 * A person's request that their personal data be deleted (Ley 21.719, supresión). A coordinator of
 * the organization handles it: anonymizes the person, or rejects it with a reason. At most one is
 * pending per person.
 */
export const privacyRequests = pgTable(
  "privacy_requests",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    status: text("status").notNull().default("pending").$type<PrivacyRequestStatus>(),
    /** what the person wrote when asking (optional); replaced by a marker when anonymized */
    reason: text("reason").notNull().default(""),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    handledBy: uuid("handled_by").references(() => persons.id),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    /** the coordinator's reason for a rejection */
    decisionNote: text("decision_note"),
  },
  (t) => [
    uniqueIndex("privacy_requests_one_pending_uq").on(t.personId).where(sql`${t.status} = 'pending'`),
    index("privacy_requests_org_idx").on(t.organizationId, t.status, t.requestedAt),
  ],
);
