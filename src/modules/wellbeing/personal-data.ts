// The well-being module's personal data (see platform/personal-data.ts). A person's archive holds the
// pulses they opened, the pulses they answered (only that they did: the participation rows), their
// support requests and the schools whose requests they receive. It never holds their answers: an
// answer is stored with no person and no time (schema.ts), so nothing can find which answers are
// theirs, the archive says so. Anonymizing leaves the answers as they are (they carry no person),
// deletes the person's support requests, participation and contact choices, and keeps the pulses they
// opened (a school's record; their name goes with the person's own anonymization).
import { asc, eq } from "drizzle-orm";
import { translator } from "../../messages";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { schools } from "../people/schema";
import {
  wellbeingContacts,
  wellbeingParticipation,
  wellbeingPulses,
  wellbeingSupportRequests,
} from "./schema";

registerPersonalData({
  name: "wellbeing",
  order: 66,
  tables: [wellbeingPulses, wellbeingParticipation, wellbeingSupportRequests, wellbeingContacts],

  async exportFor(db, person) {
    const opened = await db
      .select({
        title: wellbeingPulses.title,
        school: schools.name,
        opensAt: wellbeingPulses.opensAt,
        closesAt: wellbeingPulses.closesAt,
        closedAt: wellbeingPulses.closedAt,
      })
      .from(wellbeingPulses)
      .leftJoin(schools, eq(schools.id, wellbeingPulses.schoolId))
      .where(eq(wellbeingPulses.openedBy, person.id))
      .orderBy(asc(wellbeingPulses.opensAt));
    const answered = await db
      .select({ title: wellbeingPulses.title, school: schools.name, opensAt: wellbeingPulses.opensAt })
      .from(wellbeingParticipation)
      .innerJoin(wellbeingPulses, eq(wellbeingPulses.id, wellbeingParticipation.pulseId))
      .leftJoin(schools, eq(schools.id, wellbeingPulses.schoolId))
      .where(eq(wellbeingParticipation.personId, person.id))
      .orderBy(asc(wellbeingPulses.opensAt));
    const requests = await db
      .select({
        school: schools.name,
        message: wellbeingSupportRequests.message,
        createdAt: wellbeingSupportRequests.createdAt,
        handledAt: wellbeingSupportRequests.handledAt,
      })
      .from(wellbeingSupportRequests)
      .innerJoin(schools, eq(schools.id, wellbeingSupportRequests.schoolId))
      .where(eq(wellbeingSupportRequests.personId, person.id))
      .orderBy(asc(wellbeingSupportRequests.createdAt));
    const contactOf = await db
      .select({ school: schools.name })
      .from(wellbeingContacts)
      .innerJoin(schools, eq(schools.id, wellbeingContacts.schoolId))
      .where(eq(wellbeingContacts.personId, person.id))
      .orderBy(asc(schools.name));
    return {
      json: {
        wellbeingPulsesOpened: opened.map((p) => ({
          ...p,
          opensAt: iso(p.opensAt),
          closesAt: iso(p.closesAt),
          closedAt: iso(p.closedAt),
        })),
        wellbeingPulsesAnswered: answered.map((p) => ({ ...p, opensAt: iso(p.opensAt) })),
        // the answers themselves cannot be found: said in the archive rather than left unexplained
        wellbeingAnswers: translator("es-CL")("wellbeing.data.answers_note"),
        wellbeingSupportRequests: requests.map((r) => ({
          ...r,
          createdAt: iso(r.createdAt),
          handledAt: iso(r.handledAt),
        })),
        wellbeingContactOf: contactOf.map((c) => c.school),
      },
    };
  },

  async anonymize(tx, person) {
    await tx.delete(wellbeingSupportRequests).where(eq(wellbeingSupportRequests.personId, person.id));
    await tx.delete(wellbeingParticipation).where(eq(wellbeingParticipation.personId, person.id));
    await tx.delete(wellbeingContacts).where(eq(wellbeingContacts.personId, person.id));
  },
});
