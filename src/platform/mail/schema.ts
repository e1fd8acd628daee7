import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A file sent with an email (text content: a calendar event). */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Every email the platform writes. Sent through SMTP when configured; otherwise kept here to read. */
export const emails = pgTable(
  "emails",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    attachments: jsonb("attachments").$type<EmailAttachment[]>(),
    status: text("status").notNull().default("pending").$type<"pending" | "sent" | "kept" | "failed">(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("emails_org_created_idx").on(t.organizationId, t.createdAt)],
);
