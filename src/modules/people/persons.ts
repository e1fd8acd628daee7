import { and, asc, count, eq, inArray, like, ne, or, sql } from "drizzle-orm";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db } from "../../platform/db/client";
import { DomainError, type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can, mentoredSchoolIds, type TenantSubject } from "../../platform/policy";
import { likePattern, searchable } from "../../platform/text";
import { parseInput } from "../../platform/validation";
import { schoolsWithPeopleAccess } from "./actor";
import "./policy";
import { z } from "zod";
import type { PersonSubject } from "./policy";
import { isOrganizationRole, memberships, persons, ROLES, type Role, schools } from "./schema";
import { emailField, type PersonInput, personInput } from "./validation";

export const PAGE_SIZE = 25;

/** The facts the policy needs about a person. */
/** The facts the policy needs about a person of the tenant's organization (another's is not found). */
export async function personSubject(
  tenant: TenantSubject,
  personId: string,
  tx: DbOrTx = db(),
): Promise<PersonSubject | null> {
  if (!isUuid(personId)) return null;
  const [person] = await tx
    .select({ organizationId: persons.organizationId, status: persons.status })
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.organizationId, tenant.organizationId)));
  if (!person) return null;
  const roles = await tx
    .select({ schoolId: memberships.schoolId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.personId, personId));
  return {
    organizationId: person.organizationId,
    personId,
    schoolIds: roles.flatMap((r) => (r.schoolId ? [r.schoolId] : [])),
    isStaff: roles.some((r) => r.schoolId === null),
    status: person.status,
  };
}

export interface PeopleFilters {
  q?: string;
  schoolId?: string;
  role?: string;
  page?: number;
}

/** The people the actor works with, filtered and paged. */
export async function listPeople(actor: Actor, filters: PeopleFilters) {
  authorize(actor, "list", "person", { organizationId: actor.organizationId });
  const scope = schoolsWithPeopleAccess(actor);
  const conditions = [eq(persons.organizationId, actor.organizationId)];
  if (scope !== null) {
    const visible = [
      scope.length
        ? sql`EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = ${persons.id} AND m.school_id IN ${scope})`
        : sql`false`,
      eq(persons.id, actor.personId),
    ];
    // a mentor's mentees (pairings in force), wherever they teach
    const mentees = [...actor.mentees].map((key) => key.slice(key.indexOf(":") + 1));
    if (mentees.length) visible.push(inArray(persons.id, mentees));
    if (actor.organizationRoles.has("coordinator")) {
      visible.push(
        sql`EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = ${persons.id} AND m.school_id IS NULL)`,
      );
    }
    conditions.push(or(...visible)!);
  }
  if (filters.q?.trim()) conditions.push(like(persons.searchText, likePattern(filters.q)));
  const roleFilter = z.enum(ROLES).safeParse(filters.role);
  const schoolFilter = filters.schoolId && isUuid(filters.schoolId) ? filters.schoolId : undefined;
  if (schoolFilter || roleFilter.success) {
    const parts = [sql`m.person_id = ${persons.id}`];
    if (schoolFilter) parts.push(sql`m.school_id = ${schoolFilter}`);
    if (roleFilter.success) parts.push(sql`m.role = ${roleFilter.data}`);
    conditions.push(sql`EXISTS (SELECT 1 FROM memberships m WHERE ${sql.join(parts, sql` AND `)})`);
  }
  const where = and(...conditions);
  const page = Math.max(1, Math.min(10_000, Math.floor(filters.page ?? 1)));
  const [rows, [{ total }]] = await Promise.all([
    db()
      .select({
        id: persons.id,
        givenNames: persons.givenNames,
        familyNames: persons.familyNames,
        email: persons.email,
        status: persons.status,
      })
      .from(persons)
      .where(where)
      .orderBy(asc(persons.familyNames), asc(persons.givenNames), asc(persons.id))
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE),
    db().select({ total: count() }).from(persons).where(where),
  ]);
  const roles = rows.length
    ? await db()
        .select({
          personId: memberships.personId,
          role: memberships.role,
          schoolId: memberships.schoolId,
          schoolName: schools.name,
        })
        .from(memberships)
        .leftJoin(schools, eq(schools.id, memberships.schoolId))
        .where(
          inArray(
            memberships.personId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return {
    people: rows.map((r) => ({ ...r, roles: roles.filter((m) => m.personId === r.id) })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** A person's profile and memberships. Reading someone else's personal data is audited. */
export async function getPersonProfile(actor: Actor, personId: string) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "read", "person", subject);
  const [person] = await db()
    .select({
      id: persons.id,
      organizationId: persons.organizationId,
      givenNames: persons.givenNames,
      familyNames: persons.familyNames,
      email: persons.email,
      rut: persons.rut,
      phone: persons.phone,
      status: persons.status,
      locale: persons.locale,
      timeZone: persons.timeZone,
      reminders: persons.reminders,
      createdAt: persons.createdAt,
    })
    .from(persons)
    .where(eq(persons.id, personId));
  const roles = await db()
    .select({
      id: memberships.id,
      role: memberships.role,
      title: memberships.title,
      schoolId: memberships.schoolId,
      schoolName: schools.name,
    })
    .from(memberships)
    .leftJoin(schools, eq(schools.id, memberships.schoolId))
    .where(eq(memberships.personId, personId))
    .orderBy(asc(schools.name));
  if (actor.personId !== personId) {
    await audit(actor, { action: "person.read", subjectType: "person", subjectId: personId });
  }
  return {
    person,
    memberships: roles.map((m) => ({
      ...m,
      canRemove:
        m.schoolId !== null
          ? can(actor, "manage_people", "school", {
              organizationId: subject.organizationId,
              schoolId: m.schoolId,
            })
          : can(actor, "manage_staff", "organization", { organizationId: subject.organizationId }),
    })),
    canEdit: can(actor, "update", "person", subject),
    /** the address may be corrected in the edit form (the person has never signed in) */
    canCorrectEmail: can(actor, "correct_email", "person", subject),
    /** /personas/:id/correo: the person changes it, others propose a change or recover the account */
    canChangeEmail: (["change_own_email", "propose_email", "recover_account"] as const).some((action) =>
      can(actor, action, "person", subject),
    ),
    isSelf: actor.personId === personId,
  };
}

const profileUpdate = personInput.extend({
  // Absent when the form does not offer it (the person has an account: see correct_email).
  email: emailField.optional(),
  locale: z.string().optional(),
  timeZone: z.string().max(64).optional(),
  /** "on" / "off"; absent when the form does not offer it */
  reminders: z.enum(["on", "off"]).optional().catch(undefined),
});

/**
 * Updates names, RUT, phone (and, for oneself, language, time zone and reminder emails). The sign-in address is
 * corrected here only while the person has never signed in (a pending invitation: `correct_email`);
 * the invitation links sent to the old address stop working, as they are bound to the address they
 * were sent to. Once the person has an account, their address changes only through the accounts
 * module's confirmed email change.
 */
export async function updatePerson(actor: Actor, personId: string, input: Record<string, unknown>) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "update", "person", subject);
  const data = parseInput(profileUpdate, input);
  const preferences: Partial<typeof persons.$inferInsert> = {};
  if (actor.personId === personId) {
    if (data.locale && isLocale(data.locale)) preferences.locale = data.locale;
    if (data.timeZone && isTimeZone(data.timeZone)) preferences.timeZone = data.timeZone;
    // Reminder emails are the person's own choice: ignored when anyone else sends the form.
    if (data.reminders) preferences.reminders = data.reminders === "on";
  }
  await db().transaction(async (tx) => {
    const [before] = await tx.select().from(persons).where(eq(persons.id, personId)).for("update");
    if (!before) throw new NotFoundError();
    const email = data.email ?? before.email;
    if (
      email !== before.email &&
      !can(actor, "correct_email", "person", { ...subject, status: before.status })
    ) {
      throw new ValidationError(
        { email: "people.errors.email_needs_confirmation" },
        "people.errors.email_needs_confirmation",
      );
    }
    await assertUnique(tx, subject.organizationId, { email, rut: data.rut }, personId);
    await tx
      .update(persons)
      .set({
        givenNames: data.givenNames,
        familyNames: data.familyNames,
        email,
        rut: data.rut,
        phone: data.phone,
        ...preferences,
        searchText: searchable(data.givenNames, data.familyNames, email, data.rut),
        updatedAt: new Date(),
      })
      .where(eq(persons.id, personId));
    const changed: string[] = (["givenNames", "familyNames", "rut", "phone"] as const).filter(
      (k) => before[k] !== data[k],
    );
    if (preferences.reminders !== undefined && preferences.reminders !== before.reminders)
      changed.push("reminders");
    await audit(
      actor,
      { action: "person.update", subjectType: "person", subjectId: personId, details: { changed } },
      tx,
    );
    if (email !== before.email) {
      await audit(
        actor,
        {
          action: "person.email_corrected",
          subjectType: "person",
          subjectId: personId,
          details: { from: before.email, to: email },
        },
        tx,
      );
    }
  });
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("es-CL", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Email unique per organization, RUT too: the messages name the field at fault. */
export async function assertUnique(
  tx: DbOrTx,
  organizationId: string,
  data: { email: string; rut: string | null },
  exceptPersonId?: string,
) {
  const clash = await tx
    .select({ email: persons.email, rut: persons.rut })
    .from(persons)
    .where(
      and(
        eq(persons.organizationId, organizationId),
        or(eq(persons.email, data.email), data.rut ? eq(persons.rut, data.rut) : sql`false`),
        exceptPersonId ? ne(persons.id, exceptPersonId) : sql`true`,
      ),
    );
  const errors: FieldErrors = {};
  if (clash.some((c) => c.email === data.email)) errors.email = "people.errors.email_taken";
  if (data.rut && clash.some((c) => c.rut === data.rut)) errors.rut = "people.errors.rut_taken";
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/**
 * Finds the organization's person with this email (or RUT) or creates one, and gives them a role in a
 * school or in the organization. Used by invitations and roster imports; the caller checks the policy.
 */
export async function ensurePersonWithRole(
  tx: DbOrTx,
  organizationId: string,
  data: PersonInput,
  role: { role: Role; schoolId: string | null; title?: string | null },
): Promise<{ personId: string; created: boolean; roleAdded: boolean }> {
  const [existing] = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(
      and(
        eq(persons.organizationId, organizationId),
        or(eq(persons.email, data.email), data.rut ? eq(persons.rut, data.rut) : sql`false`),
      ),
    )
    .limit(1);
  let personId = existing?.id;
  const created = !personId;
  if (!personId) {
    personId = newId();
    await tx.insert(persons).values({
      id: personId,
      organizationId,
      givenNames: data.givenNames,
      familyNames: data.familyNames,
      email: data.email,
      rut: data.rut,
      phone: data.phone ?? null,
      status: "invited",
      searchText: searchable(data.givenNames, data.familyNames, data.email, data.rut),
    });
  }
  const inserted = await tx
    .insert(memberships)
    .values({
      id: newId(),
      organizationId,
      personId,
      schoolId: role.schoolId,
      role: role.role,
      title: role.title ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: memberships.id });
  return { personId, created, roleAdded: inserted.length > 0 };
}

/**
 * Removes one role; a person keeps their account and other roles. A person's last role is never
 * removed (every person has at least one): checked with the person's row locked, so that two
 * removals of their last two roles at once cannot both pass.
 */
export async function removeMembership(actor: Actor, membershipId: string) {
  if (!isUuid(membershipId)) throw new NotFoundError();
  const [m] = await db().select().from(memberships).where(eq(memberships.id, membershipId));
  if (!m) throw new NotFoundError();
  if (m.schoolId)
    authorize(actor, "manage_people", "school", { organizationId: m.organizationId, schoolId: m.schoolId });
  else authorize(actor, "manage_staff", "organization", { organizationId: m.organizationId });
  await db().transaction(async (tx) => {
    // The person's row is the lock every removal of one of their roles takes, one after the other.
    await tx.select({ id: persons.id }).from(persons).where(eq(persons.id, m.personId)).for("update");
    const roles = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.personId, m.personId));
    // removed meanwhile by someone else
    if (!roles.some((r) => r.id === membershipId)) throw new NotFoundError();
    if (roles.length <= 1) throw new DomainError("people.errors.last_role");
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
    await audit(
      actor,
      {
        action: "membership.remove",
        subjectType: "person",
        subjectId: m.personId,
        details: { role: m.role, schoolId: m.schoolId },
      },
      tx,
    );
  });
  return m.personId;
}

const membershipInput = z.object({
  role: z.enum(ROLES, { message: "errors.invalid_choice" }),
  schoolId: z.string().optional(),
  title: z.string().trim().max(80, "errors.too_long").optional(),
});

/** Gives an existing person another role (in a school, or in the organization for admins). */
export async function addMembership(actor: Actor, personId: string, input: Record<string, unknown>) {
  const subject = await personSubject(actor, personId);
  if (!subject) throw new NotFoundError();
  authorize(actor, "read", "person", subject);
  const data = parseInput(membershipInput, input);
  const orgRole = isOrganizationRole(data.role);
  if (orgRole) {
    authorize(actor, "manage_staff", "organization", subject);
  } else {
    if (!data.schoolId || !isUuid(data.schoolId)) throw new ValidationError({ schoolId: "errors.required" });
    const [school] = await db()
      .select({ organizationId: schools.organizationId })
      .from(schools)
      .where(eq(schools.id, data.schoolId));
    if (
      !school ||
      !can(actor, "manage_people", "school", {
        organizationId: school.organizationId,
        schoolId: data.schoolId,
      })
    ) {
      throw new ValidationError({ schoolId: "errors.invalid_choice" });
    }
  }
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(memberships)
      .values({
        id: newId(),
        organizationId: subject.organizationId,
        personId,
        schoolId: orgRole ? null : (data.schoolId ?? null),
        role: data.role,
        title: data.title || null,
      })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (!inserted.length) throw new ValidationError({ role: "people.errors.role_exists" });
    await audit(
      actor,
      {
        action: "membership.add",
        subjectType: "person",
        subjectId: personId,
        details: { role: data.role, schoolId: data.schoolId ?? null },
      },
      tx,
    );
  });
}

/** Active people with this email in any organization (sign-in and password reset look them up). */
export async function findActiveByEmail(email: string) {
  return db()
    .select({
      id: persons.id,
      organizationId: persons.organizationId,
      passwordHash: persons.passwordHash,
      givenNames: persons.givenNames,
      locale: persons.locale,
      email: persons.email,
    })
    .from(persons)
    .where(and(eq(persons.email, email), eq(persons.status, "active")));
}

/** Schools where the actor may manage people (to offer in forms). */
export async function schoolsActorManages(actor: Actor) {
  const rows = await db()
    .select({ id: schools.id, name: schools.name, organizationId: schools.organizationId })
    .from(schools)
    .where(eq(schools.organizationId, actor.organizationId))
    .orderBy(asc(schools.name));
  return rows
    .filter((s) =>
      can(actor, "manage_people", "school", { organizationId: s.organizationId, schoolId: s.id }),
    )
    .map(({ id, name }) => ({ id, name }));
}

/** Schools whose people the actor may list (for the filter of the people list). */
export async function schoolsActorSeesPeopleOf(actor: Actor) {
  const people = schoolsWithPeopleAccess(actor);
  const scope = people === null ? null : [...new Set([...people, ...mentoredSchoolIds(actor)])];
  if (scope !== null && scope.length === 0) return [];
  return db()
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(
      and(
        eq(schools.organizationId, actor.organizationId),
        scope === null ? sql`true` : inArray(schools.id, scope),
      ),
    )
    .orderBy(asc(schools.name));
}

/** The school an invitation or membership form is about, if the actor may manage its people. */
export async function schoolForPeopleManagement(actor: Actor, schoolId: string) {
  if (!isUuid(schoolId)) throw new NotFoundError();
  const [school] = await db()
    .select({ id: schools.id, name: schools.name, organizationId: schools.organizationId })
    .from(schools)
    .where(eq(schools.id, schoolId));
  if (!school) throw new NotFoundError();
  authorize(actor, "manage_people", "school", { organizationId: school.organizationId, schoolId: school.id });
  return { id: school.id, name: school.name };
}

/** The language a signed-in person chose: pages and the emails they receive. */
export async function setPreferredLocale(actor: Actor, locale: string) {
  if (!isLocale(locale)) return;
  await db().transaction(async (tx) => {
    await tx.update(persons).set({ locale, updatedAt: new Date() }).where(eq(persons.id, actor.personId));
    await audit(
      actor,
      { action: "person.set_locale", subjectType: "person", subjectId: actor.personId, details: { locale } },
      tx,
    );
  });
}
