// The impact module's personal data: only who asked for a funder report (funder_reports.requested_by).
// The reports themselves hold aggregate figures and school names, never a person. A person's archive
// lists the reports they asked for; anonymizing keeps them (the organization's record), pointing to the
// anonymized person, whose name goes with the person's own anonymization.
import { asc, eq } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { programs } from "../people/schema";
import { funderReports } from "./schema";

registerPersonalData({
  name: "impact",
  order: 74,
  tables: [funderReports],

  async exportFor(db, person) {
    const reports = await db
      .select({
        fromOn: funderReports.fromOn,
        toOn: funderReports.toOn,
        program: programs.name,
        status: funderReports.status,
        createdAt: funderReports.createdAt,
      })
      .from(funderReports)
      .leftJoin(programs, eq(programs.id, funderReports.programId))
      .where(eq(funderReports.requestedBy, person.id))
      .orderBy(asc(funderReports.createdAt));
    return { json: { funderReportsRequested: reports.map((r) => ({ ...r, createdAt: iso(r.createdAt) })) } };
  },

  async anonymize() {
    // nothing of the person is in a report: see above
  },
});
