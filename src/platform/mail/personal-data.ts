// The personal data of the outbox (see ../personal-data.ts). Emails are not in the archive: they carry
// links with tokens. When the person is anonymized, those sent to any of their addresses lose their
// address and text (invitation links included), and the person's name leaves the emails sent to others.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { PersonalDataHook } from "../personal-data";
import { emails } from "./schema";

export const mailPersonalData: PersonalDataHook = {
  name: "platform.mail",
  order: 70,
  tables: [emails],

  async exportFor() {
    return { json: {} };
  },

  async anonymize(tx, person, context) {
    const fullName = `${person.givenNames} ${person.familyNames}`;
    const anonymousName = `${context.givenNames} ${context.familyNames}`;
    await tx
      .update(emails)
      .set({ toAddress: context.email, textBody: context.marker, attachments: null })
      .where(
        and(
          eq(emails.organizationId, person.organizationId),
          inArray(emails.toAddress, [...context.addresses]),
          context.keepEmailIds.length ? notInArray(emails.id, [...context.keepEmailIds]) : undefined,
        ),
      );
    await tx
      .update(emails)
      .set({ textBody: sql`replace(${emails.textBody}, ${fullName}, ${anonymousName})` })
      .where(
        and(
          eq(emails.organizationId, person.organizationId),
          sql`strpos(${emails.textBody}, ${fullName}) > 0`,
        ),
      );
    // A calendar event that names the person (a reminder to their observer) loses its name the same way,
    // its folded lines unfolded first (a name may straddle a fold: CRLF and a space or a tab).
    const unfolded = sql`regexp_replace(a->>'content', E'\r\n[ \t]', '', 'g')`;
    await tx
      .update(emails)
      .set({
        attachments: sql`(SELECT jsonb_agg(jsonb_set(a, '{content}', to_jsonb(replace(${unfolded}, ${fullName}, ${anonymousName}))))
          FROM jsonb_array_elements(${emails.attachments}) AS a)`,
      })
      .where(
        and(
          eq(emails.organizationId, person.organizationId),
          sql`${emails.attachments} IS NOT NULL`,
          sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${emails.attachments}) AS a WHERE strpos(${unfolded}, ${fullName}) > 0)`,
        ),
      );
  },
};
