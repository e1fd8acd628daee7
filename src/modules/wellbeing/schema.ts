// The well-being pulse's tables (issue #17, "Well-being pulse"). Anonymous by construction:
// - wellbeing_answers holds what was answered and nothing about who or when: no person, no timestamp,
//   a random (v4, not time-ordered) id, and the answerer's school only to group the results by school;
// - wellbeing_participation holds who has answered a pulse, only to refuse a second answer: no
//   timestamp either. Both rows are written in one transaction, so neither exists without the other.
// Nothing in the app joins the two (docs/architecture.md, "Well-being").
// A support request ("quiero conversar con alguien") is by name, in its own table, never mixed with the
// answers; it goes to the people a school chose (wellbeing_contacts; none chosen: its leaders).
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations, persons, schools } from "../people/schema";

export const wellbeingPulses = pgTable(
  "wellbeing_pulses",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** the school the pulse is for; null: the whole network of the organization */
    schoolId: uuid("school_id").references(() => schools.id, { onDelete: "cascade" }),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => persons.id),
    title: text("title").notNull(),
    /** the bank's question keys chosen (5 to 8), in the order asked: answer column qN is the N-th */
    questionKeys: text("question_keys").array().notNull(),
    allowsText: boolean("allows_text").notNull().default(false),
    opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    /** closed before its time by whoever opened it (or a coordinator) */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /**
     * Once closed, its overall figures for the trend between pulses, computed once (a closed pulse's
     * answers never change): the number of answers and the mean of every score.
     */
    trendAnswers: integer("trend_answers"),
    trendMean: real("trend_mean"),
  },
  (t) => [
    index("wellbeing_pulses_scope_idx").on(t.organizationId, t.schoolId, t.opensAt),
    index("wellbeing_pulses_opened_by_idx").on(t.openedBy),
  ],
);

/**
 * One anonymous answer: the scores of the pulse's questions in order (q1 is the first question asked;
 * a pulse of 5 questions leaves q6–q8 null) and the optional free text. Nothing else, by design.
 */
export const wellbeingAnswers = pgTable(
  "wellbeing_answers",
  {
    /** random (UUIDv4): an id that orders nothing */
    id: uuid("id").primaryKey(),
    pulseId: uuid("pulse_id")
      .notNull()
      .references(() => wellbeingPulses.id, { onDelete: "cascade" }),
    /** the answerer's school, only to group results by school */
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    q1: smallint("q1"),
    q2: smallint("q2"),
    q3: smallint("q3"),
    q4: smallint("q4"),
    q5: smallint("q5"),
    q6: smallint("q6"),
    q7: smallint("q7"),
    q8: smallint("q8"),
    freeText: text("free_text"),
    /** its school's group of five it belongs to (0: the school's answers 1–5): shown once the group is whole */
    batch: integer("batch"),
  },
  (t) => [
    index("wellbeing_answers_pulse_school_idx").on(t.pulseId, t.schoolId),
    // a pulse's comments, in the order of their random ids
    index("wellbeing_answers_texts_idx").on(t.pulseId, t.id).where(sql`${t.freeText} IS NOT NULL`),
  ],
);

/**
 * A pulse's running counts per school, updated in the answer's transaction: how many answered, and for
 * each question (at most 8) how many answered 1 … 5 (`counts[q * 5 + score]`, 1-based: question 0's
 * 1s first). Results read a row per school instead of every answer (a network pulse of 40,000
 * answers, issue #17's ≤ 50 ms). Only counts: the same aggregates the results show, nothing of one
 * answer. Rebuilt from the answers by rebuildTallies (the demo, the benchmark).
 */
export const wellbeingTallies = pgTable(
  "wellbeing_tallies",
  {
    pulseId: uuid("pulse_id")
      .notNull()
      .references(() => wellbeingPulses.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    answers: integer("answers").notNull(),
    counts: integer("counts").array().notNull(),
    /**
     * What the results show: the counts as they stood at the school's last whole group of five answers
     * (answers 5, 10, 15…). A new answer changes nothing shown until four more complete its group, so
     * comparing the results before and after a colleague answered never isolates one answer.
     */
    shownAnswers: integer("shown_answers").notNull().default(0),
    shownCounts: integer("shown_counts").array(),
  },
  (t) => [
    primaryKey({ columns: [t.pulseId, t.schoolId] }),
    index("wellbeing_tallies_school_idx").on(t.schoolId),
  ],
);
/** Who has answered a pulse: only to refuse a second answer. No time, no link to the answer. */
export const wellbeingParticipation = pgTable(
  "wellbeing_participation",
  {
    pulseId: uuid("pulse_id")
      .notNull()
      .references(() => wellbeingPulses.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.pulseId, t.personId] }),
    index("wellbeing_participation_person_idx").on(t.personId),
  ],
);

/** The people a school chose to receive its support requests (none chosen: the school's leaders). */
export const wellbeingContacts = pgTable(
  "wellbeing_contacts",
  {
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.personId] }),
    index("wellbeing_contacts_person_idx").on(t.personId),
  ],
);

/** "Quiero conversar con alguien": by name, to the school's contacts; never mixed with the answers. */
export const wellbeingSupportRequests = pgTable(
  "wellbeing_support_requests",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    /** optional: what they would like to talk about ("" when nothing was written) */
    message: text("message").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    handledBy: uuid("handled_by").references(() => persons.id),
  },
  (t) => [
    index("wellbeing_support_requests_school_idx").on(t.schoolId, t.createdAt),
    index("wellbeing_support_requests_person_idx").on(t.personId),
    index("wellbeing_support_requests_handled_by_idx").on(t.handledBy),
  ],
);
