// What a leader's or mentor's phone keeps to capture visits without connection (issue #15 §2): the
// schools they observe in, those schools' teachers with their open action step, and the published
// instruments with their content. The offline capture page (/observaciones/captura) is built from it
// and kept by the service worker; the visits captured there reach the server through the same use
// cases as the online pages (startVisit, saveVisit).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { type Actor, can } from "../../platform/policy";
import { memberships, persons, schools } from "../people";
import { type InstrumentContent, PURPOSES, type Purpose } from "./content";
import { observedSchoolIds } from "./policy";
import { actionSteps, instrumentVersions, schoolObservationSettings } from "./schema";
import { personName, publishedInstruments } from "./visits";

export interface CaptureKit {
  schools: Array<{ id: string; name: string; defaultPurpose: Purpose }>;
  teachers: Array<{ id: string; name: string; schoolId: string; openStep: string | null }>;
  instruments: Array<{ id: string; name: string; versionId: string; content: InstrumentContent }>;
  purposes: readonly Purpose[];
}

/** Everything needed to start and capture a visit on the phone; 404 for someone who observes nowhere. */
export async function captureKit(actor: Actor): Promise<CaptureKit> {
  // schools the actor leads or mentors someone in; the teachers are filtered to those they may observe
  const observed = observedSchoolIds(actor);
  if (observed.length === 0) throw new NotFoundError();
  const [schoolRows, teacherRows, instrumentRows] = await Promise.all([
    db()
      .select({
        id: schools.id,
        name: schools.name,
        defaultPurpose: sql<Purpose | null>`${schoolObservationSettings.defaultPurpose}`,
      })
      .from(schools)
      .leftJoin(schoolObservationSettings, eq(schoolObservationSettings.schoolId, schools.id))
      .where(and(inArray(schools.id, observed), eq(schools.organizationId, actor.organizationId)))
      .orderBy(asc(schools.name)),
    db()
      .select({
        id: persons.id,
        name: personName,
        schoolId: sql<string>`${memberships.schoolId}`,
        openStep: actionSteps.title,
      })
      .from(memberships)
      .innerJoin(persons, eq(persons.id, memberships.personId))
      .leftJoin(actionSteps, and(eq(actionSteps.teacherId, persons.id), eq(actionSteps.status, "open")))
      .where(
        and(
          inArray(memberships.schoolId, observed),
          eq(memberships.role, "teacher"),
          eq(persons.organizationId, actor.organizationId),
          sql`${persons.status} <> 'disabled'`,
          sql`${persons.id} <> ${actor.personId}`,
        ),
      )
      .orderBy(asc(persons.familyNames), asc(persons.givenNames)),
    publishedInstruments(actor.organizationId),
  ]);
  const contents = instrumentRows.length
    ? await db()
        .select({ id: instrumentVersions.id, content: instrumentVersions.content })
        .from(instrumentVersions)
        .where(
          inArray(
            instrumentVersions.id,
            instrumentRows.map((i) => i.versionId),
          ),
        )
    : [];
  const contentOf = new Map(contents.map((c) => [c.id, c.content]));
  return {
    schools: schoolRows.map((s) => ({ ...s, defaultPurpose: s.defaultPurpose ?? "formativa" })),
    // The query narrows; the policy decides (the same rule as starting a visit online).
    teachers: teacherRows.filter((t) =>
      can(actor, "observe", "teacher", {
        organizationId: actor.organizationId,
        schoolId: t.schoolId,
        teacherId: t.id,
      }),
    ),
    instruments: instrumentRows.flatMap((i) => {
      const content = contentOf.get(i.versionId);
      return content ? [{ id: i.id, name: i.name, versionId: i.versionId, content }] : [];
    }),
    purposes: PURPOSES,
  };
}
