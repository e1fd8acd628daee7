// "Quiero conversar con alguien" (issue #17): a teacher asks, by name and apart from the anonymous
// pulse, to talk with someone; the request is emailed to the people their school chose (its leaders
// when it chose nobody), who see the school's requests and mark them handled. A school's leaders and
// the coordinators advising it choose those people among its staff and advising coordinators.
// Requests are not audited: the audit log, read by administrators, would tell them who asked.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { config } from "../../platform/config";
import { db, rowsOf, uuidArray } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize, can } from "../../platform/policy";
import { optionalText, parseInput } from "../../platform/validation";
import { schools } from "../people/schema";
import { wellbeingContacts, wellbeingSupportRequests } from "./schema";

interface Contact {
  id: string;
  givenNames: string;
  email: string;
  locale: string;
}

/**
 * The people who receive a school's support requests: those it chose who are still active and still
 * work at the school or advise it; when none, its active leaders.
 */
export async function contactsOf(organizationId: string, schoolId: string): Promise<Contact[]> {
  const chosen = await rowsOf<Contact>(
    db(),
    sql`
    SELECT p.id, p.given_names AS "givenNames", p.email, p.locale
    FROM wellbeing_contacts c JOIN persons p ON p.id = c.person_id
    WHERE c.school_id = ${schoolId} AND c.organization_id = ${organizationId} AND p.status = 'active'
      AND (EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.school_id = c.school_id)
        OR EXISTS (SELECT 1 FROM coordinator_schools k WHERE k.person_id = p.id AND k.school_id = c.school_id))
    ORDER BY p.family_names, p.given_names, p.id`,
  );
  if (chosen.length > 0) return chosen;
  return rowsOf<Contact>(
    db(),
    sql`
    SELECT DISTINCT p.id, p.given_names AS "givenNames", p.email, p.locale, p.family_names
    FROM memberships m JOIN persons p ON p.id = m.person_id
    WHERE m.school_id = ${schoolId} AND m.organization_id = ${organizationId} AND m.role = 'leader'
      AND p.status = 'active'
    ORDER BY p.family_names, p.given_names, p.id`,
  );
}

async function schoolOf(actor: Actor, schoolId: string) {
  if (!isUuid(schoolId)) throw new NotFoundError();
  const [school] = await db()
    .select({ id: schools.id, name: schools.name, organizationId: schools.organizationId })
    .from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.organizationId, actor.organizationId)));
  if (!school) throw new NotFoundError();
  return school;
}

const requestInput = z.object({ message: optionalText(2_000) });

/** Asks the school's contacts for a conversation, by name; one pending request per school at a time. */
export async function requestSupport(
  actor: Actor,
  schoolId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  // someone who may ask in no school is told nothing; a teacher who names a school not theirs, to choose
  const mayAsk = [...actor.schoolRoles.keys()].filter((id) =>
    can(actor, "request", "wellbeing_support", { organizationId: actor.organizationId, schoolId: id }),
  );
  if (mayAsk.length === 0) throw new NotFoundError();
  if (!mayAsk.includes(schoolId)) throw new ValidationError({ schoolId: "errors.invalid_choice" });
  const school = await schoolOf(actor, schoolId);
  authorize(actor, "request", "wellbeing_support", { organizationId: school.organizationId, schoolId });
  const data = parseInput(requestInput, input);
  const [pending] = await db()
    .select({ id: wellbeingSupportRequests.id })
    .from(wellbeingSupportRequests)
    .where(
      and(
        eq(wellbeingSupportRequests.schoolId, schoolId),
        eq(wellbeingSupportRequests.personId, actor.personId),
        isNull(wellbeingSupportRequests.handledAt),
      ),
    );
  if (pending) throw new DomainError("wellbeing.errors.request_pending");
  const contacts = (await contactsOf(school.organizationId, schoolId)).filter((c) => c.id !== actor.personId);
  // a request nobody would read (no one chosen, no other leader) is not taken: the person is told
  // to ask otherwise
  if (contacts.length === 0) throw new DomainError("wellbeing.errors.no_contacts");
  const id = newId();
  await db().transaction(async (tx) => {
    await tx.insert(wellbeingSupportRequests).values({
      id,
      organizationId: school.organizationId,
      schoolId,
      personId: actor.personId,
      message: data.message,
    });
    const link = `${config().appUrl}/bienestar/apoyo`;
    for (const contact of contacts) {
      const t = translator(isLocale(contact.locale) ? contact.locale : "es-CL");
      await queueEmail(
        {
          to: contact.email,
          organizationId: school.organizationId,
          // who asked and what they wrote stay on the page of requests: an email is kept in the outbox,
          // which the organization's administrators read
          subject: t("wellbeing.email.support_subject", { school: school.name }),
          text: [
            t("email.greeting", { name: contact.givenNames }),
            t("wellbeing.email.support_intro", { school: school.name }),
            t("wellbeing.email.support_link", { link }),
            t("email.signature"),
          ].join("\n\n"),
        },
        tx,
      );
    }
  });
  return { id };
}

/** The schools whose support requests the actor receives: chosen as a contact, or a leader of a school that chose nobody. */
async function inboxSchools(actor: Actor) {
  const rows = await rowsOf<{ id: string; name: string }>(
    db(),
    sql`
    SELECT s.id, s.name FROM schools s
    WHERE s.organization_id = ${actor.organizationId}
      AND (EXISTS (SELECT 1 FROM wellbeing_contacts c WHERE c.school_id = s.id AND c.person_id = ${actor.personId})
        OR (s.id = ANY(${uuidArray([...actor.schoolRoles.entries()].filter(([, r]) => r.has("leader")).map(([id]) => id))})
          AND NOT EXISTS (SELECT 1 FROM wellbeing_contacts c WHERE c.school_id = s.id)))
    ORDER BY s.name`,
  );
  const allowed = [];
  for (const s of rows) {
    const contactIds = (await contactsOf(actor.organizationId, s.id)).map((c) => c.id);
    if (
      can(actor, "handle", "wellbeing_support", {
        organizationId: actor.organizationId,
        schoolId: s.id,
        contactIds,
      })
    )
      allowed.push(s);
  }
  return allowed;
}

/**
 * /bienestar/apoyo: the schools the actor may ask support in (with a request of theirs still
 * pending), the requests of the schools whose contact they are, and the schools whose contacts they
 * choose (with the current choice and who may be chosen).
 */
export async function supportPage(actor: Actor) {
  const org = actor.organizationId;
  const mine = [...actor.schoolRoles.keys()];
  const names = mine.length
    ? await db()
        .select({ id: schools.id, name: schools.name })
        .from(schools)
        .where(and(eq(schools.organizationId, org), inArray(schools.id, mine)))
        .orderBy(schools.name)
    : [];
  const pending = mine.length
    ? await db()
        .select({
          schoolId: wellbeingSupportRequests.schoolId,
          createdAt: wellbeingSupportRequests.createdAt,
        })
        .from(wellbeingSupportRequests)
        .where(
          and(
            eq(wellbeingSupportRequests.personId, actor.personId),
            isNull(wellbeingSupportRequests.handledAt),
          ),
        )
    : [];
  const askIn = names
    .filter((s) => can(actor, "request", "wellbeing_support", { organizationId: org, schoolId: s.id }))
    .map((s) => ({ ...s, pendingSince: pending.find((p) => p.schoolId === s.id)?.createdAt ?? null }));

  const inbox = await inboxSchools(actor);
  const requests = inbox.length
    ? await rowsOf<{
        id: string;
        school_id: string;
        name: string;
        email: string;
        message: string;
        created_at: Date | string;
        handled_at: Date | string | null;
        handler: string | null;
      }>(
        db(),
        sql`
        SELECT r.id, r.school_id, p.given_names || ' ' || p.family_names AS name, p.email, r.message,
          r.created_at, r.handled_at, h.given_names || ' ' || h.family_names AS handler
        FROM wellbeing_support_requests r JOIN persons p ON p.id = r.person_id
          LEFT JOIN persons h ON h.id = r.handled_by
        WHERE r.organization_id = ${org} AND r.school_id = ANY(${uuidArray(inbox.map((s) => s.id))})
        ORDER BY (r.handled_at IS NULL) DESC, r.created_at DESC, r.id
        LIMIT 200`,
      )
    : [];
  const schoolName = new Map(inbox.map((s) => [s.id, s.name]));

  const managed = [];
  for (const s of await managedSchools(actor)) {
    const [chosen, candidates] = await Promise.all([
      db()
        .select({ personId: wellbeingContacts.personId })
        .from(wellbeingContacts)
        .where(eq(wellbeingContacts.schoolId, s.id)),
      candidatesOf(org, s.id),
    ]);
    managed.push({ ...s, chosen: chosen.map((c) => c.personId), candidates });
  }
  return {
    askIn,
    requests: requests.map((r) => ({
      id: r.id,
      school: schoolName.get(r.school_id) ?? "",
      name: r.name,
      email: r.email,
      message: r.message,
      createdAt: new Date(r.created_at),
      handledAt: r.handled_at ? new Date(r.handled_at) : null,
      handler: r.handler,
    })),
    inbox: inbox.length > 0,
    contacts: managed,
  };
}

async function managedSchools(actor: Actor) {
  const ids = [...new Set([...actor.schoolRoles.keys(), ...actor.advisedSchoolIds])];
  if (ids.length === 0) return [];
  const rows = await db()
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(and(eq(schools.organizationId, actor.organizationId), inArray(schools.id, ids)))
    .orderBy(schools.name);
  return rows.filter((s) =>
    can(actor, "manage", "wellbeing_contacts", { organizationId: actor.organizationId, schoolId: s.id }),
  );
}

/** Who may be chosen for a school: its active staff and the coordinators advising it. */
async function candidatesOf(organizationId: string, schoolId: string) {
  return rowsOf<{ id: string; name: string }>(
    db(),
    sql`
    SELECT p.id, p.given_names || ' ' || p.family_names AS name FROM persons p
    WHERE p.organization_id = ${organizationId} AND p.status = 'active'
      AND (EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.school_id = ${schoolId})
        OR EXISTS (SELECT 1 FROM coordinator_schools k WHERE k.person_id = p.id AND k.school_id = ${schoolId}))
    ORDER BY p.family_names, p.given_names, p.id
    LIMIT 500`,
  );
}

/** Marks a request handled (a contact of its school); again: nothing changes. */
export async function markSupportHandled(actor: Actor, requestId: string): Promise<void> {
  if (!isUuid(requestId)) throw new NotFoundError();
  const [request] = await db()
    .select()
    .from(wellbeingSupportRequests)
    .where(
      and(
        eq(wellbeingSupportRequests.id, requestId),
        eq(wellbeingSupportRequests.organizationId, actor.organizationId),
      ),
    );
  if (!request) throw new NotFoundError();
  const contactIds = (await contactsOf(request.organizationId, request.schoolId)).map((c) => c.id);
  authorize(actor, "handle", "wellbeing_support", {
    organizationId: request.organizationId,
    schoolId: request.schoolId,
    contactIds,
  });
  await db()
    .update(wellbeingSupportRequests)
    .set({ handledAt: new Date(), handledBy: actor.personId })
    .where(and(eq(wellbeingSupportRequests.id, requestId), isNull(wellbeingSupportRequests.handledAt)));
}

/**
 * Sets who receives a school's support requests: `contact_<personId>` ("on") for each, among the
 * school's staff and advising coordinators; none ticked: its leaders again.
 */
export async function setWellbeingContacts(
  actor: Actor,
  schoolId: string,
  input: Record<string, unknown>,
): Promise<void> {
  const school = await schoolOf(actor, schoolId);
  authorize(actor, "manage", "wellbeing_contacts", { organizationId: school.organizationId, schoolId });
  const candidates = new Set((await candidatesOf(school.organizationId, schoolId)).map((c) => c.id));
  const chosen = Object.entries(input)
    .filter(
      ([key, value]) => key.startsWith("contact_") && (value === "on" || value === true || value === "true"),
    )
    .map(([key]) => key.slice("contact_".length));
  if (chosen.some((id) => !candidates.has(id))) throw new DomainError("errors.invalid_choice");
  await db().transaction(async (tx) => {
    await tx.delete(wellbeingContacts).where(eq(wellbeingContacts.schoolId, schoolId));
    if (chosen.length)
      await tx
        .insert(wellbeingContacts)
        .values(chosen.map((personId) => ({ schoolId, personId, organizationId: school.organizationId })))
        // the same choice saved twice at once
        .onConflictDoNothing();
    await audit(
      actor,
      {
        action: "wellbeing.contacts_set",
        subjectType: "school",
        subjectId: schoolId,
        details: { contacts: chosen },
      },
      tx,
    );
  });
}
