// Enrolment by coordinators (issue #16 §5): a closed course's people are enrolled one by one, or from a
// list (CSV or XLSX, read by the roster import's reader: the same column names, encodings and title
// lines), each row checked like a registration and reported row by row. Every enrolment goes through
// the registration's one path (registrations.ts `placeRegistration`): the cohort's row lock, its places
// and waiting list, the same email once, and the confirmation email with the cancel link.
import { and, eq, sql } from "drizzle-orm";
import type { MessageKey } from "../../messages";
import { db } from "../../platform/db/client";
import { type Actor, authorize } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { parseRosterFile, persons } from "../people";
import { cohortOf } from "./courses";
import { placeRegistration, type RegistrationResult, registrationInput } from "./registrations";

/** The version, if the actor may enrol people in it (manage its course). */
async function cohortToManage(actor: Actor, cohortId: string) {
  const cohort = await cohortOf(actor, cohortId);
  authorize(actor, "manage", "course", cohort.course);
  return cohort;
}

/** The organization's person with that sign-in address, if any: the registration is then theirs. */
async function personWith(organizationId: string, email: string): Promise<string | null> {
  const [person] = await db()
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.organizationId, organizationId), sql`lower(${persons.email}) = ${email}`));
  return person?.id ?? null;
}

/** Enrols one person (the registration form's fields) in a cohort of any course that is not cancelled. */
export async function enrolInCohort(
  actor: Actor,
  cohortId: string,
  input: Record<string, unknown>,
  now = new Date(),
): Promise<RegistrationResult> {
  await cohortToManage(actor, cohortId);
  const data = parseInput(registrationInput, input);
  return placeRegistration(cohortId, data, {
    personId: await personWith(actor.organizationId, data.email),
    locale: "es-CL",
    now,
    workshopsOnly: false,
    resendIfRegistered: false,
  });
}

/** A list row's role column, as people write it, in the registration's terms. */
function participantRole(text: string): string {
  const t = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (t === "" || /docente|profesor|educador|teacher|maestr/.test(t)) return "teacher";
  if (/direct|utp|jefe|inspector|coordin|leader|gestion/.test(t)) return "leader";
  if (/estudiante|student|alumn/.test(t)) return "student";
  return "other";
}

export interface EnrolmentReport {
  confirmed: number;
  waiting: number;
  /** rows whose address already held a place */
  already: number;
  rejected: { line: number; name: string; email: string; errors: MessageKey[] }[];
}

/**
 * Enrols the people of a list (Chileans of the network: the country is Chile). A row with errors is
 * reported with its line and why, and the others are enrolled; a file that cannot be read is refused
 * whole (the roster reader's messages: missing columns, size, format).
 */
export async function enrolFromFile(
  actor: Actor,
  cohortId: string,
  file: { fileName: string; bytes: Uint8Array },
  now = new Date(),
): Promise<EnrolmentReport> {
  await cohortToManage(actor, cohortId);
  const roster = await parseRosterFile(file);
  const report: EnrolmentReport = { confirmed: 0, waiting: 0, already: 0, rejected: [] };
  for (const row of roster.rows) {
    const c = row.cells;
    const family = c.familyNames || [c.paternalName, c.maternalName].filter(Boolean).join(" ");
    const fullName = [c.givenNames, family].filter(Boolean).join(" ");
    const rut = c.rut && c.rutCheckDigit && !/-/.test(c.rut) ? `${c.rut}-${c.rutCheckDigit}` : (c.rut ?? "");
    const parsed = registrationInput.safeParse({
      fullName,
      email: c.email ?? "",
      country: "CL",
      role: participantRole(c.role ?? ""),
      institution: c.school ?? "",
      rut,
    });
    if (!parsed.success) {
      report.rejected.push({
        line: row.line,
        name: fullName.slice(0, 120),
        email: (c.email ?? "").slice(0, 120),
        errors: [...new Set(parsed.error.issues.map((i) => i.message as MessageKey))],
      });
      continue;
    }
    const placed = await placeRegistration(cohortId, parsed.data, {
      personId: await personWith(actor.organizationId, parsed.data.email),
      locale: "es-CL",
      now,
      workshopsOnly: false,
      resendIfRegistered: false,
    });
    if (placed.alreadyRegistered) report.already++;
    else if (placed.status === "confirmed") report.confirmed++;
    else report.waiting++;
  }
  return report;
}
