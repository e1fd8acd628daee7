// The learning module's personal data (see platform/personal-data.ts): the person's registrations to
// workshops and courses, found by their person id or by any of their addresses (a registration made
// without signing in carries only the email typed). Anonymizing keeps each registration, which counts
// in the cohort's places and reports, and replaces what identifies the person in it.
import { asc, eq, inArray, or } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { cohorts, courseFacilitators, courses, registrations } from "./schema";

registerPersonalData({
  name: "learning",
  order: 65,
  tables: [registrations],
  untouched: [
    {
      table: courses,
      reason:
        "created_by is who created a course: the organization's record of its courses, no text of the person's; it points at their row, which names nobody once anonymized",
    },
    {
      table: courseFacilitators,
      reason:
        "who facilitates a course: the organization's record of its courses; it points at the person's row, which names nobody once anonymized",
    },
  ],

  async exportFor(db, person) {
    const rows = await db
      .select({
        course: courses.title,
        cohort: cohorts.name,
        startsOn: cohorts.startsOn,
        fullName: registrations.fullName,
        email: registrations.email,
        country: registrations.country,
        role: registrations.role,
        institution: registrations.institution,
        rut: registrations.rut,
        status: registrations.status,
        createdAt: registrations.createdAt,
        confirmedAt: registrations.confirmedAt,
        cancelledAt: registrations.cancelledAt,
      })
      .from(registrations)
      .innerJoin(cohorts, eq(cohorts.id, registrations.cohortId))
      .innerJoin(courses, eq(courses.id, cohorts.courseId))
      .where(or(eq(registrations.personId, person.id), eq(registrations.email, person.email.toLowerCase())))
      .orderBy(asc(registrations.createdAt));
    return {
      json: {
        registrations: rows.map((r) => ({
          ...r,
          createdAt: iso(r.createdAt),
          confirmedAt: iso(r.confirmedAt),
          cancelledAt: iso(r.cancelledAt),
        })),
      },
    };
  },

  async anonymize(tx, person, context) {
    const addresses = [...new Set([person.email, ...context.addresses].map((a) => a.toLowerCase()))];
    await tx
      .update(registrations)
      .set({
        fullName: `${context.givenNames} ${context.familyNames}`,
        email: context.email,
        institution: "",
        rut: null,
      })
      .where(or(eq(registrations.personId, person.id), inArray(registrations.email, addresses)));
  },
});
