// A school's cadence targets (visit each teacher every N days, meet within H hours, default purpose):
// read by the dashboards, set by the school's leaders and advising coordinators.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type Db, db } from "../../platform/db/client";
import { reportingDb } from "../../platform/db/replica";
import { type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid } from "../../platform/ids";
import { type Actor, authorize } from "../../platform/policy";
import { schools } from "../people";
import { PURPOSES, type Purpose } from "./content";
import { schoolObservationSettings } from "./schema";

export interface CadenceSettings {
  visitEveryDays: number;
  meetingWithinHours: number;
  defaultPurpose: Purpose;
}
export const DEFAULT_SETTINGS: CadenceSettings = {
  visitEveryDays: 14,
  meetingWithinHours: 48,
  defaultPurpose: "formativa",
};

/** The school's row (its organization, name and IVE), or null. */
export async function schoolRow(schoolId: string) {
  if (!isUuid(schoolId)) return null;
  const [row] = await db()
    .select({ id: schools.id, organizationId: schools.organizationId, name: schools.name, ive: schools.ive })
    .from(schools)
    .where(eq(schools.id, schoolId));
  return row ?? null;
}

/** Read from the replica for the dashboards; the settings form reads the primary (what it will save over). */
export async function settingsOf(
  schoolId: string,
  source: Db | Promise<Db> = reportingDb(),
): Promise<CadenceSettings> {
  const [row] = await (await source)
    .select({
      visitEveryDays: schoolObservationSettings.visitEveryDays,
      meetingWithinHours: schoolObservationSettings.meetingWithinHours,
      defaultPurpose: schoolObservationSettings.defaultPurpose,
    })
    .from(schoolObservationSettings)
    .where(eq(schoolObservationSettings.schoolId, schoolId));
  return row ?? DEFAULT_SETTINGS;
}

export async function getCadenceSettings(actor: Actor, schoolId: string) {
  const school = await schoolRow(schoolId);
  if (!school) throw new NotFoundError();
  authorize(actor, "configure_observation", "school", { organizationId: school.organizationId, schoolId });
  return { school: { id: school.id, name: school.name }, settings: await settingsOf(schoolId, db()) };
}

const integerField = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const settingsInput = z.object({
  visitEveryDays: integerField(1, 120),
  meetingWithinHours: integerField(1, 336),
  defaultPurpose: z.enum(PURPOSES),
});
const SETTINGS_ERRORS: FieldErrors = {
  visitEveryDays: "observation.cadence.error.visit_every_days",
  meetingWithinHours: "observation.cadence.error.meeting_within_hours",
  defaultPurpose: "observation.cadence.error.purpose",
};

export async function saveCadenceSettings(
  actor: Actor,
  schoolId: string,
  input: Record<string, FormDataEntryValue | null | undefined>,
) {
  const school = await schoolRow(schoolId);
  if (!school) throw new NotFoundError();
  authorize(actor, "configure_observation", "school", { organizationId: school.organizationId, schoolId });
  const parsed = settingsInput.safeParse({
    visitEveryDays: typeof input.visitEveryDays === "string" ? input.visitEveryDays : "",
    meetingWithinHours: typeof input.meetingWithinHours === "string" ? input.meetingWithinHours : "",
    defaultPurpose: input.defaultPurpose,
  });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues)
      fieldErrors[String(issue.path[0])] ??= SETTINGS_ERRORS[String(issue.path[0])];
    throw new ValidationError(fieldErrors);
  }
  const values = parsed.data;
  await db().transaction(async (tx) => {
    await tx
      .insert(schoolObservationSettings)
      .values({ schoolId, organizationId: school.organizationId, ...values, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: schoolObservationSettings.schoolId,
        set: { ...values, updatedAt: new Date() },
      });
    await audit(
      actor,
      { action: "observation.settings_updated", subjectType: "school", subjectId: schoolId, details: values },
      tx,
    );
  });
  return values;
}
