// The personal data of the audit log (see ../personal-data.ts): records where the person acted or is
// the subject. The records stay (who did what is the organization's record); the addresses they
// hold are replaced.
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { PersonalDataHook } from "../personal-data";
import { iso } from "../time";
import { auditEvents } from "./schema";

export const auditPersonalData: PersonalDataHook = {
  name: "platform.audit",
  order: 40,
  tables: [auditEvents],

  async exportFor(db, person, context) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(or(eq(auditEvents.actorPersonId, person.id), eq(auditEvents.subjectId, person.id)))
      .orderBy(asc(auditEvents.createdAt));
    const name = await context.personNames(rows.map((e) => e.actorPersonId));
    const list = rows.map((e) => {
      const asActor = e.actorPersonId === person.id;
      return {
        createdAt: iso(e.createdAt),
        as: asActor ? "actor" : "subject",
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        actor: asActor ? null : name(e.actorPersonId),
        details: e.details,
        // another person's address is theirs, not the subject's
        ip: asActor ? e.ip : null,
      };
    });
    return {
      json: { auditEvents: list },
      csv: {
        "auditoria.csv": {
          columns: ["created_at", "as", "action", "subject_type", "subject_id", "actor", "ip"],
          rows: list.map((e) => [e.createdAt, e.as, e.action, e.subjectType, e.subjectId, e.actor, e.ip]),
        },
      },
    };
  },

  async anonymize(tx, person, { email }) {
    // Changes of the person's sign-in address recorded the addresses (from, to, restored).
    for (const field of ["from", "to", "restored"]) {
      await tx
        .update(auditEvents)
        .set({
          details: sql`jsonb_set(${auditEvents.details}, ${`{${field}}`}::text[], to_jsonb(${email}::text))`,
        })
        .where(
          and(
            eq(auditEvents.subjectId, person.id),
            sql`${auditEvents.details} ? ${field}`,
            sql`${auditEvents.action} LIKE 'person.%'`,
          ),
        );
    }

    // Failed sign-ins recorded the address typed.
    await tx
      .update(auditEvents)
      .set({ details: sql`jsonb_set(${auditEvents.details}, '{email}', to_jsonb(${email}::text))` })
      .where(
        and(
          eq(auditEvents.organizationId, person.organizationId),
          sql`${auditEvents.details}->>'email' = ${person.email}`,
        ),
      );
  },
};
