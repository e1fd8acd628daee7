// The community module's personal data (see platform/personal-data.ts): the announcements a person
// posted to a school and the ones they marked read. Anonymizing keeps a school's announcements in place
// with their title and text replaced by the marker, as a discussion post's; their reads go.
import { asc, eq } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { schools } from "../people/schema";
import { announcementReads, schoolAnnouncements } from "./schema";

registerPersonalData({
  name: "community",
  order: 68,
  tables: [schoolAnnouncements, announcementReads],

  async exportFor(db, person) {
    const posted = await db
      .select({
        school: schools.name,
        title: schoolAnnouncements.title,
        body: schoolAnnouncements.body,
        createdAt: schoolAnnouncements.createdAt,
        withdrawnAt: schoolAnnouncements.withdrawnAt,
      })
      .from(schoolAnnouncements)
      .innerJoin(schools, eq(schools.id, schoolAnnouncements.schoolId))
      .where(eq(schoolAnnouncements.authorId, person.id))
      .orderBy(asc(schoolAnnouncements.createdAt));
    const read = await db
      .select({ title: schoolAnnouncements.title, readAt: announcementReads.readAt })
      .from(announcementReads)
      .innerJoin(schoolAnnouncements, eq(schoolAnnouncements.id, announcementReads.announcementId))
      .where(eq(announcementReads.personId, person.id))
      .orderBy(asc(announcementReads.readAt));
    return {
      json: {
        announcementsPosted: posted.map((a) => ({
          ...a,
          createdAt: iso(a.createdAt),
          withdrawnAt: a.withdrawnAt ? iso(a.withdrawnAt) : null,
        })),
        announcementsRead: read.map((r) => ({ ...r, readAt: iso(r.readAt) })),
      },
    };
  },

  async anonymize(tx, person, context) {
    // what they wrote may name people: replaced by the marker, as in the discussions
    await tx
      .update(schoolAnnouncements)
      .set({ title: context.marker, body: context.marker })
      .where(eq(schoolAnnouncements.authorId, person.id));
    await tx.delete(announcementReads).where(eq(announcementReads.personId, person.id));
  },
});
