// The impact page (coordinators) and the public summary (anyone, by the organization's address).
import { eq } from "drizzle-orm";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { type Actor, authorize, can } from "../../platform/policy";
import { listPrograms, type ProgramRow } from "../people/programs";
import { organizations } from "../people/schema";
import { FIRST_IMPACT_YEAR, IMPACT_TIME_ZONE } from "./content";
import {
  cachedImpactFigures,
  type ImpactFigures,
  publishedMedian,
  type SchoolTimeOnTask,
  schoolsReadBy,
} from "./figures";
import "./policy";

/** Whether the actor reads the impact page (the menu item). */
export function mayReadImpact(actor: Actor): boolean {
  return can(actor, "read", "impact", { organizationId: actor.organizationId });
}

export interface ImpactQuery {
  year?: string | null;
  program?: string | null;
}

/** The calendar year now in Chile. */
export function currentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat("en", { timeZone: IMPACT_TIME_ZONE, year: "numeric" }).format(now));
}

/** The years offered, newest first. */
export function impactYears(now = new Date()): number[] {
  const years: number[] = [];
  for (let y = currentYear(now); y >= FIRST_IMPACT_YEAR; y--) years.push(y);
  return years;
}

export interface ImpactPage {
  years: number[];
  /** null: all years */
  year: number | null;
  programs: ProgramRow[];
  /** null: all programs */
  program: ProgramRow | null;
  figures: ImpactFigures;
  /** the schools whose own time on task the reader may see (those they advise) */
  schoolsShown: SchoolTimeOnTask[];
}

/** The figures for a year (or all) and a program (or all); an unknown year or program reads as "all". */
export async function impactPage(actor: Actor, query: ImpactQuery, now = new Date()): Promise<ImpactPage> {
  authorize(actor, "read", "impact", { organizationId: actor.organizationId });
  const programs = await listPrograms(actor);
  const years = impactYears(now);
  const asked = Number(query.year);
  const year = /^\d{4}$/.test(query.year ?? "") && years.includes(asked) ? asked : null;
  const program = programs.find((p) => p.id === query.program) ?? null;
  const figures = await cachedImpactFigures({
    organizationId: actor.organizationId,
    programId: program?.id ?? null,
    from: year ? `${year}-01-01` : null,
    to: year ? `${year}-12-31` : null,
  });
  return {
    years,
    year,
    programs,
    program,
    figures,
    schoolsShown: schoolsReadBy(figures, actor.advisedSchoolIds),
  };
}

export interface PublicImpact {
  organization: string;
  slug: string;
  teachersTrained: number;
  trainingHours: number;
  countries: number;
  regions: number;
  mentorsCertified: number;
  schoolsAdvised: number;
  cyclesCompleted: number;
  /** schools with a time-on-task change, and the median change (share points) */
  schoolsWithTimeOnTask: number;
  timeOnTaskMedianChange: number | null;
}

/**
 * The public summary: headline figures since the beginning, every program, and nothing else (no
 * school, no person). Anyone reads it; an unknown organization is not found.
 */
export async function publicImpact(slug: string): Promise<PublicImpact> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw new NotFoundError();
  const [organization] = await db()
    .select({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.slug, slug));
  if (!organization) throw new NotFoundError();
  const f = await cachedImpactFigures({
    organizationId: organization.id,
    programId: null,
    from: null,
    to: null,
  });
  return {
    organization: organization.name,
    slug: organization.slug,
    teachersTrained: f.teachersTrained,
    trainingHours: f.trainingHours,
    countries: f.countries.length,
    regions: f.regions.length,
    mentorsCertified: f.mentorsCertified,
    schoolsAdvised: f.schoolsAdvised,
    cyclesCompleted: f.cyclesCompleted,
    schoolsWithTimeOnTask: f.timeOnTask.length,
    timeOnTaskMedianChange: publishedMedian(f),
  };
}
