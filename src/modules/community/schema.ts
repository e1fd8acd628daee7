// The community module's tables (issue #17, "Conversations in schools and in the network"): a school's
// announcements, posted by its leaders, and who has read each one (a teacher sees an announcement on
// their home page until they mark it read). The conversations themselves are the discussions module's
// threads, in the "school" and "network" spaces this module hosts (spaces.ts).
import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, persons, schools } from "../people/schema";

export const schoolAnnouncements = pgTable(
  "school_announcements",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => persons.id),
    title: text("title").notNull(),
    /** plain text, shown with its line breaks */
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** withdrawn by a leader: no longer shown to anyone */
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => persons.id),
  },
  (t) => [
    index("school_announcements_school_idx").on(t.schoolId, t.createdAt),
    index("school_announcements_author_idx").on(t.authorId),
  ],
);

/** An announcement a person has marked read (it leaves their home page). */
export const announcementReads = pgTable(
  "announcement_reads",
  {
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => schoolAnnouncements.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.announcementId, t.personId] }),
    index("announcement_reads_person_idx").on(t.personId),
  ],
);
