import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A program of the organization (for example "Liderazgo pedagógico 2026" or "Diplomado de mentoría"):
 * what funders fund. Courses, mentor certification tracks and advisories may belong to one; the impact
 * figures and the funder report can be read for one program.
 */
export const programs = pgTable(
  "programs",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("programs_name_uq").on(t.organizationId, t.name)],
);

export const DEPENDENCIAS = [
  "municipal_corporacion",
  "municipal_daem",
  "particular_subvencionado",
  "particular_pagado",
  "administracion_delegada",
  "slep",
] as const;
export type Dependencia = (typeof DEPENDENCIAS)[number];

export const schools = pgTable(
  "schools",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    name: text("name").notNull(),
    rbd: integer("rbd").notNull(),
    rbdCheckDigit: text("rbd_check_digit"),
    regionCode: text("region_code").notNull(),
    comunaCode: text("comuna_code").notNull(),
    dependencia: text("dependencia").notNull().$type<Dependencia>(),
    sostenedor: text("sostenedor"),
    ive: numeric("ive", { precision: 4, scale: 1, mode: "number" }),
    iveYear: integer("ive_year"),
    address: text("address"),
    searchText: text("search_text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("schools_org_rbd_uq").on(t.organizationId, t.rbd),
    index("schools_org_region_idx").on(t.organizationId, t.regionCode, t.comunaCode),
    check("schools_ive_range", sql`${t.ive} IS NULL OR (${t.ive} >= 0 AND ${t.ive} <= 100)`),
  ],
);

export const PERSON_STATUSES = ["invited", "active", "disabled"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    givenNames: text("given_names").notNull(),
    familyNames: text("family_names").notNull(),
    email: text("email").notNull(),
    /** Normalized as 12345678-5 (no dots, upper-case K); null for people without a RUT. */
    rut: text("rut"),
    phone: text("phone"),
    passwordHash: text("password_hash"),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    status: text("status").notNull().default("invited").$type<PersonStatus>(),
    locale: text("locale").notNull().default("es-CL"),
    timeZone: text("time_zone").notNull().default("America/Santiago"),
    /** reminder emails (a meeting due, a follow-up date): on unless the person turned them off */
    reminders: boolean("reminders").notNull().default(true),
    searchText: text("search_text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("persons_org_email_uq").on(t.organizationId, t.email),
    uniqueIndex("persons_org_rut_uq").on(t.organizationId, t.rut).where(sql`${t.rut} IS NOT NULL`),
    index("persons_email_idx").on(t.email),
  ],
);

export const SCHOOL_ROLES = ["teacher", "leader", "mentor"] as const;
/** facilitator (facilitador/a): runs learning cohorts (sessions, attendance, reviews, announcements) */
export const ORGANIZATION_ROLES = ["coordinator", "admin", "facilitator"] as const;
export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];
export type Role = SchoolRole | OrganizationRole;
export const ROLES = [...SCHOOL_ROLES, ...ORGANIZATION_ROLES] as const;
/** A role held in the organization (no school): coordinator, admin, facilitator. */
export const isOrganizationRole = (role: string): role is OrganizationRole =>
  (ORGANIZATION_ROLES as readonly string[]).includes(role);

/** A role held by a person: per school (docente, equipo directivo, mentor) or per organization. */
export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id").references(() => schools.id, { onDelete: "cascade" }),
    role: text("role").notNull().$type<Role>(),
    /** For leaders: "Director/a", "Jefe/a UTP", …; free text. */
    title: text("title"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_school_role_uq")
      .on(t.personId, t.schoolId, t.role)
      .where(sql`${t.schoolId} IS NOT NULL`),
    uniqueIndex("memberships_org_role_uq").on(t.personId, t.role).where(sql`${t.schoolId} IS NULL`),
    index("memberships_school_idx").on(t.schoolId, t.role),
    // a person's memberships (their home page, every session's actor): the unique indexes above are partial
    index("memberships_person_idx").on(t.personId),
    check(
      "memberships_scope",
      sql`(${t.role} IN ('teacher','leader','mentor') AND ${t.schoolId} IS NOT NULL) OR (${t.role} IN ('coordinator','admin','facilitator') AND ${t.schoolId} IS NULL)`,
    ),
  ],
);

/** The schools a coordinator advises: it sees individual records only there. */
export const coordinatorSchools = pgTable(
  "coordinator_schools",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.schoolId] }),
    index("coordinator_schools_school_idx").on(t.schoolId),
  ],
);

export type RosterRow = {
  line: number;
  givenNames: string;
  familyNames: string;
  email: string;
  rut: string | null;
  role: "teacher" | "leader" | "mentor";
  title: string | null;
};
export type RejectedRow = { line: number; raw: Record<string, string>; reasons: string[] };

/** A roster upload: parsed rows waiting for confirmation, then the import's progress and report. */
export const rosterImports = pgTable(
  "roster_imports",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").notNull(),
    fileName: text("file_name").notNull(),
    status: text("status")
      .notNull()
      .default("preview")
      .$type<"preview" | "queued" | "running" | "done" | "failed" | "cancelled">(),
    totalRows: integer("total_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    unchangedCount: integer("unchanged_count").notNull().default(0),
    validRows: jsonb("valid_rows").notNull().$type<RosterRow[]>(),
    rejectedRows: jsonb("rejected_rows").notNull().$type<RejectedRow[]>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("roster_imports_school_idx").on(t.schoolId, t.createdAt)],
);
