// A school's announcements (issue #17): a leader (or a coordinator advising the school) posts one to the
// school; each member of its staff sees it on their home page until they mark it read, and on the
// school's community page. A leader may withdraw one (a mistake, an event cancelled): it leaves every
// home page at once. Posting and withdrawing are audited.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { db, rowsOf, uuidArray } from "../../platform/db/client";
import { DomainError, NotFoundError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can } from "../../platform/policy";
import { parseInput } from "../../platform/validation";
import { schools } from "../people/schema";
import { communitySchoolIds } from "./policy";
import { announcementReads, schoolAnnouncements } from "./schema";

const announcementInput = z.object({
  title: z.string().trim().min(1, "errors.required").max(160, "errors.too_long"),
  body: z.string().trim().min(1, "errors.required").max(5_000, "errors.too_long"),
});

async function schoolSubject(actor: Actor, schoolId: string) {
  if (!isUuid(schoolId)) throw new NotFoundError();
  const [school] = await db()
    .select({ id: schools.id, name: schools.name, organizationId: schools.organizationId })
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.organizationId, actor.organizationId)));
  if (!school) throw new NotFoundError();
  const subject = { organizationId: school.organizationId, schoolId: school.id };
  authorize(actor, "read", "school_community", subject);
  return { school, subject };
}

export async function publishAnnouncement(
  actor: Actor,
  schoolId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const { school, subject } = await schoolSubject(actor, schoolId);
  authorize(actor, "announce", "school_community", subject);
  const data = parseInput(announcementInput, input);
  const id = newId();
  await db().transaction(async (tx) => {
    await tx.insert(schoolAnnouncements).values({
      id,
      organizationId: school.organizationId,
      schoolId: school.id,
      authorId: actor.personId,
      title: data.title,
      body: data.body,
    });
    // the author has read it
    await tx
      .insert(announcementReads)
      .values({ announcementId: id, personId: actor.personId, organizationId: school.organizationId });
    await audit(
      actor,
      { action: "announcement.published", subjectType: "school_announcement", subjectId: id },
      tx,
    );
  });
  return { id };
}

/** A school's announcements in force, the newest first, each marked read or not for the actor. */
export async function schoolAnnouncementsFor(actor: Actor, schoolId: string) {
  const { subject } = await schoolSubject(actor, schoolId);
  const rows = await rowsOf<{
    id: string;
    title: string;
    body: string;
    author: string;
    created_at: Date | string;
    read: boolean;
  }>(
    db(),
    sql`
    SELECT a.id, a.title, a.body, p.given_names || ' ' || p.family_names AS author, a.created_at,
      EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.person_id = ${actor.personId}) AS read
    FROM school_announcements a JOIN persons p ON p.id = a.author_id
    WHERE a.school_id = ${schoolId} AND a.withdrawn_at IS NULL
    ORDER BY a.created_at DESC, a.id
    LIMIT 50`,
  );
  return {
    announcements: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      author: r.author,
      createdAt: new Date(r.created_at),
      read: r.read,
    })),
    can: {
      announce: can(actor, "announce", "school_community", subject),
    },
  };
}

/** Announcements of the actor's schools they have not marked read (their home page; at most 5). */
export async function unreadAnnouncements(actor: Actor) {
  const schoolIds = communitySchoolIds(actor);
  if (schoolIds.length === 0) return [];
  const rows = await db()
    .select({
      id: schoolAnnouncements.id,
      schoolId: schoolAnnouncements.schoolId,
      school: schools.name,
      title: schoolAnnouncements.title,
      body: schoolAnnouncements.body,
      createdAt: schoolAnnouncements.createdAt,
    })
    .from(schoolAnnouncements)
    .innerJoin(schools, eq(schools.id, schoolAnnouncements.schoolId))
    .leftJoin(
      announcementReads,
      and(
        eq(announcementReads.announcementId, schoolAnnouncements.id),
        eq(announcementReads.personId, actor.personId),
      ),
    )
    .where(
      and(
        eq(schoolAnnouncements.organizationId, actor.organizationId),
        sql`${schoolAnnouncements.schoolId} = ANY(${uuidArray(schoolIds)})`,
        isNull(schoolAnnouncements.withdrawnAt),
        isNull(announcementReads.personId),
      ),
    )
    .orderBy(desc(schoolAnnouncements.createdAt))
    .limit(5);
  // the policy has the last word (a role given up since: the school is still in the list above only
  // while the role is held, as the actor is loaded on each request)
  return rows.filter((r) =>
    can(actor, "read", "school_community", { organizationId: actor.organizationId, schoolId: r.schoolId }),
  );
}

async function announcementOf(actor: Actor, announcementId: string, { withdrawnToo = false } = {}) {
  if (!isUuid(announcementId)) throw new NotFoundError();
  const [announcement] = await db()
    .select()
    .from(schoolAnnouncements)
    .where(
      and(
        eq(schoolAnnouncements.id, announcementId),
        eq(schoolAnnouncements.organizationId, actor.organizationId),
        withdrawnToo ? undefined : isNull(schoolAnnouncements.withdrawnAt),
      ),
    );
  if (!announcement) throw new NotFoundError();
  const subject = { organizationId: announcement.organizationId, schoolId: announcement.schoolId };
  authorize(actor, "read", "school_community", subject);
  return { announcement, subject };
}

/** Marks an announcement read for the actor (again: nothing changes). */
export async function markAnnouncementRead(actor: Actor, announcementId: string): Promise<void> {
  // one withdrawn since the page was loaded is done with too (it has left the home page anyway)
  const { announcement } = await announcementOf(actor, announcementId, { withdrawnToo: true });
  await db()
    .insert(announcementReads)
    .values({ announcementId, personId: actor.personId, organizationId: announcement.organizationId })
    .onConflictDoNothing();
}

/** Withdraws an announcement: a leader of its school (or a coordinator advising it). */
export async function withdrawAnnouncement(
  actor: Actor,
  announcementId: string,
): Promise<{ schoolId: string }> {
  const { announcement, subject } = await announcementOf(actor, announcementId);
  authorize(actor, "announce", "school_community", subject);
  await db().transaction(async (tx) => {
    const withdrawn = await tx
      .update(schoolAnnouncements)
      .set({ withdrawnAt: new Date(), withdrawnBy: actor.personId })
      .where(and(eq(schoolAnnouncements.id, announcementId), isNull(schoolAnnouncements.withdrawnAt)))
      .returning({ id: schoolAnnouncements.id });
    // two leaders at once: the second is told
    if (withdrawn.length === 0) throw new DomainError("community.errors.already_withdrawn");
    await audit(
      actor,
      { action: "announcement.withdrawn", subjectType: "school_announcement", subjectId: announcementId },
      tx,
    );
  });
  return { schoolId: announcement.schoolId };
}

/** One announcement in force, as a member of its school's staff reads it. */
export async function announcementFor(actor: Actor, announcementId: string) {
  const { announcement, subject } = await announcementOf(actor, announcementId);
  const [row] = await rowsOf<{ school: string; author: string; read: boolean }>(
    db(),
    sql`
    SELECT s.name AS school, p.given_names || ' ' || p.family_names AS author,
      EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = ${announcementId}
        AND r.person_id = ${actor.personId}) AS read
    FROM schools s, persons p WHERE s.id = ${announcement.schoolId} AND p.id = ${announcement.authorId}`,
  );
  return {
    announcement: {
      id: announcement.id,
      schoolId: announcement.schoolId,
      school: row?.school ?? "",
      title: announcement.title,
      body: announcement.body,
      author: row?.author ?? "",
      createdAt: announcement.createdAt,
      read: row?.read ?? false,
    },
    can: { withdraw: can(actor, "announce", "school_community", subject) },
  };
}
