// The impact module's tables (issue #18): the funder reports asked for, made by a job (PDF and XLSX)
// with their progress for the coordinator's page.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, persons, programs } from "../people/schema";

export const funderReports = pgTable(
  "funder_reports",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    /** null: every program */
    programId: uuid("program_id").references(() => programs.id),
    fromOn: date("from_on", { mode: "string" }).notNull(),
    toOn: date("to_on", { mode: "string" }).notNull(),
    /** the language the report is written in */
    locale: text("locale").notNull().default("es-CL"),
    status: text("status").notNull().$type<"pending" | "running" | "done" | "failed">().default("pending"),
    /** 0–100 */
    progress: integer("progress").notNull().default(0),
    /** the stored files (file store keys) once done */
    pdfKey: text("pdf_key"),
    xlsxKey: text("xlsx_key"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => persons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("funder_reports_org_idx").on(t.organizationId, t.createdAt),
    index("funder_reports_program_idx").on(t.programId),
    index("funder_reports_requested_by_idx").on(t.requestedBy),
    check("funder_reports_status_ck", sql`${t.status} IN ('pending','running','done','failed')`),
    check("funder_reports_period_ck", sql`${t.toOn} >= ${t.fromOn}`),
  ],
);
