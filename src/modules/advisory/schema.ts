// The advisory module's tables (issue #18): an advisory (asesoría) is an engagement of the organization
// with one school, with dates, advisors, goals, a plan of milestones, visits with notes and agreements,
// and a status (planned, active, closed).
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, persons, programs, schools } from "../people/schema";

export const ADVISORY_STATUSES = ["planned", "active", "closed"] as const;
export type AdvisoryStatus = (typeof ADVISORY_STATUSES)[number];

export const advisories = pgTable(
  "advisories",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    programId: uuid("program_id").references(() => programs.id),
    title: text("title").notNull(),
    /** what the engagement is for (Markdown) */
    goals: text("goals").notNull().default(""),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    status: text("status").notNull().$type<AdvisoryStatus>().default("planned"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("advisories_school_idx").on(t.schoolId, t.startsOn),
    index("advisories_org_idx").on(t.organizationId, t.status),
    index("advisories_program_idx").on(t.programId),
    index("advisories_created_by_idx").on(t.createdBy),
    check("advisories_status_ck", sql`${t.status} IN ('planned','active','closed')`),
    check("advisories_dates_ck", sql`${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** The organization's people who carry out an advisory (coordinators). */
export const advisoryAdvisors = pgTable(
  "advisory_advisors",
  {
    advisoryId: uuid("advisory_id")
      .notNull()
      .references(() => advisories.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
  },
  (t) => [
    primaryKey({ columns: [t.advisoryId, t.personId] }),
    index("advisory_advisors_person_idx").on(t.personId),
  ],
);

/** The plan: milestones in order, each with a due date and, once reached, the date it was. */
export const advisoryMilestones = pgTable(
  "advisory_milestones",
  {
    id: uuid("id").primaryKey(),
    advisoryId: uuid("advisory_id")
      .notNull()
      .references(() => advisories.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    doneOn: date("done_on", { mode: "string" }),
  },
  (t) => [index("advisory_milestones_advisory_idx").on(t.advisoryId, t.position)],
);

/** A visit of the advisory to the school: its notes (advisors only) and agreements (the school reads them). */
export const advisoryVisits = pgTable(
  "advisory_visits",
  {
    id: uuid("id").primaryKey(),
    advisoryId: uuid("advisory_id")
      .notNull()
      .references(() => advisories.id, { onDelete: "cascade" }),
    visitedOn: date("visited_on", { mode: "string" }).notNull(),
    notes: text("notes").notNull().default(""),
    agreements: text("agreements").notNull().default(""),
    authorId: uuid("author_id")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("advisory_visits_advisory_idx").on(t.advisoryId, t.visitedOn),
    index("advisory_visits_author_idx").on(t.authorId),
  ],
);
