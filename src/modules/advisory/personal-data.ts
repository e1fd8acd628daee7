// The advisory module's personal data (see platform/personal-data.ts). A person's archive holds the
// advisories they created, those they advise or advised, and the visits they recorded with their notes
// and agreements. Anonymizing keeps all of it: an advisory, its advisors and its visits are the
// school's record of the organization's work with it (the agreements are what the school's leaders
// read), and the person's name goes with their own anonymization (their persons row); a visit's notes
// are about the school, not about the person who wrote them.
import { asc, eq } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { schools } from "../people/schema";
import { advisories, advisoryAdvisors, advisoryVisits } from "./schema";

registerPersonalData({
  name: "advisory",
  order: 73,
  tables: [advisories, advisoryAdvisors, advisoryVisits],

  async exportFor(db, person) {
    const created = await db
      .select({ title: advisories.title, school: schools.name, startsOn: advisories.startsOn })
      .from(advisories)
      .innerJoin(schools, eq(schools.id, advisories.schoolId))
      .where(eq(advisories.createdBy, person.id))
      .orderBy(asc(advisories.startsOn), asc(advisories.id));
    const advised = await db
      .select({
        title: advisories.title,
        school: schools.name,
        startsOn: advisories.startsOn,
        endsOn: advisories.endsOn,
        status: advisories.status,
      })
      .from(advisoryAdvisors)
      .innerJoin(advisories, eq(advisories.id, advisoryAdvisors.advisoryId))
      .innerJoin(schools, eq(schools.id, advisories.schoolId))
      .where(eq(advisoryAdvisors.personId, person.id))
      .orderBy(asc(advisories.startsOn), asc(advisories.id));
    const visits = await db
      .select({
        advisory: advisories.title,
        school: schools.name,
        visitedOn: advisoryVisits.visitedOn,
        notes: advisoryVisits.notes,
        agreements: advisoryVisits.agreements,
      })
      .from(advisoryVisits)
      .innerJoin(advisories, eq(advisories.id, advisoryVisits.advisoryId))
      .innerJoin(schools, eq(schools.id, advisories.schoolId))
      .where(eq(advisoryVisits.authorId, person.id))
      .orderBy(asc(advisoryVisits.visitedOn), asc(advisoryVisits.id));
    return {
      json: { advisoriesCreated: created, advisoriesAdvised: advised, advisoryVisits: visits },
      csv: {
        "asesorias-visitas.csv": {
          columns: ["advisory", "school", "visitedOn", "notes", "agreements"],
          rows: visits.map((v) => [v.advisory, v.school, v.visitedOn, v.notes, v.agreements]),
        },
      },
    };
  },

  async anonymize() {
    // nothing to erase: see above (the name goes with the person's own row)
  },
});
