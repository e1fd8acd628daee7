// The people module's personal data (see platform/personal-data.ts): the person's row, their roles
// and advised schools, and the rows of roster imports that named them.
import { and, asc, eq, sql } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { searchable } from "../../platform/text";
import { iso } from "../../platform/time";
import { coordinatorSchools, memberships, organizations, persons, rosterImports } from "./schema";

registerPersonalData({
  name: "people",
  order: 10,
  tables: [persons, memberships, coordinatorSchools, rosterImports],

  async exportFor(db, subject, context) {
    const [person] = await db.select().from(persons).where(eq(persons.id, subject.id));
    const [organization] = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, subject.organizationId));
    const roleRows = await db
      .select()
      .from(memberships)
      .where(eq(memberships.personId, subject.id))
      .orderBy(asc(memberships.createdAt));
    const advised = await db
      .select()
      .from(coordinatorSchools)
      .where(eq(coordinatorSchools.personId, subject.id));
    const school = await context.schoolNames();
    const json = {
      organization,
      // never the password hash
      person: {
        id: person.id,
        givenNames: person.givenNames,
        familyNames: person.familyNames,
        email: person.email,
        rut: person.rut,
        phone: person.phone,
        status: person.status,
        locale: person.locale,
        timeZone: person.timeZone,
        reminders: person.reminders,
        passwordChangedAt: iso(person.passwordChangedAt),
        createdAt: iso(person.createdAt),
        updatedAt: iso(person.updatedAt),
      },
      memberships: roleRows.map((m) => ({
        role: m.role,
        school: school(m.schoolId),
        schoolId: m.schoolId,
        title: m.title,
        since: iso(m.createdAt),
      })),
      advisedSchools: advised.map((a) => ({
        school: school(a.schoolId),
        schoolId: a.schoolId,
        since: iso(a.createdAt),
      })),
    };
    return {
      json,
      csv: {
        "roles.csv": {
          columns: ["role", "school", "title", "since"],
          rows: json.memberships.map((m) => [m.role, m.school, m.title, m.since]),
        },
      },
    };
  },

  // Roles and advised schools stay (they point at a row that names nobody any more).
  async anonymize(tx, person, context) {
    await tx
      .update(persons)
      .set({
        givenNames: context.givenNames,
        familyNames: context.familyNames,
        email: context.email,
        rut: null,
        phone: null,
        passwordHash: null,
        passwordChangedAt: null,
        status: "disabled",
        searchText: searchable(context.givenNames, context.familyNames),
        updatedAt: context.now,
      })
      .where(eq(persons.id, person.id));

    // Roster imports keep their rows for their report: the person's rows lose what identifies them.
    const rutBody = person.rut ? person.rut.split("-")[0] : null;
    const candidates = await tx
      .select({
        id: rosterImports.id,
        validRows: rosterImports.validRows,
        rejectedRows: rosterImports.rejectedRows,
      })
      .from(rosterImports)
      .where(
        and(
          eq(rosterImports.organizationId, person.organizationId),
          rutBody
            ? sql`(strpos(lower(${rosterImports.validRows}::text || ${rosterImports.rejectedRows}::text), ${person.email}) > 0
              OR strpos(regexp_replace(${rosterImports.validRows}::text || ${rosterImports.rejectedRows}::text, '[.]', '', 'g'), ${rutBody}) > 0)`
            : sql`strpos(lower(${rosterImports.validRows}::text || ${rosterImports.rejectedRows}::text), ${person.email}) > 0`,
        ),
      );
    const compact = (v: string) => v.replace(/[.\s-]/g, "").toUpperCase();
    const rutCompact = person.rut ? compact(person.rut) : null;
    const isTheirs = (value: string) =>
      value.trim().toLowerCase() === person.email || (!!rutCompact && compact(value) === rutCompact);
    for (const c of candidates) {
      const validRows = c.validRows.map((r) =>
        r.email === person.email || (rutCompact && r.rut && compact(r.rut) === rutCompact)
          ? {
              ...r,
              givenNames: context.givenNames,
              familyNames: context.familyNames,
              email: context.email,
              rut: null,
            }
          : r,
      );
      const rejectedRows = c.rejectedRows.map((r) =>
        Object.values(r.raw).some((v) => typeof v === "string" && isTheirs(v)) ? { ...r, raw: {} } : r,
      );
      await tx.update(rosterImports).set({ validRows, rejectedRows }).where(eq(rosterImports.id, c.id));
    }
  },
});
