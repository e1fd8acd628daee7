import { desc, eq } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import { config } from "../config";
import { type DbOrTx, db } from "../db/client";
import { newId } from "../ids";
import { enqueue, registerJob } from "../jobs/queue";
import { log } from "../log";
import { type EmailAttachment, emails } from "./schema";

export type { EmailAttachment };

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  organizationId?: string | null;
  /** files sent with it (a calendar event); kept in the row until it is sent */
  attachments?: EmailAttachment[];
}

/**
 * Writes the email and queues its delivery in the same transaction as the change that caused it:
 * a page never waits for SMTP, and a restart never loses a message.
 */
export async function queueEmail(message: OutgoingEmail, tx: DbOrTx = db()): Promise<string> {
  const id = newId();
  await tx.insert(emails).values({
    id,
    organizationId: message.organizationId ?? null,
    toAddress: message.to,
    subject: message.subject,
    textBody: message.text,
    htmlBody: null,
    attachments: message.attachments?.length ? message.attachments : null,
  });
  await enqueue("mail.send", { emailId: id }, tx);
  return id;
}

let transporter: Transporter | undefined;
let transporterUrl: string | undefined;
async function smtp(url: string): Promise<Transporter> {
  if (!transporter || transporterUrl !== url) {
    // loaded by the first email sent over SMTP, not by every process importing this file
    const { default: nodemailer } = await import("nodemailer");
    transporter = nodemailer.createTransport(url);
    transporterUrl = url;
  }
  return transporter;
}

export async function deliverEmail(emailId: string): Promise<void> {
  const [email] = await db().select().from(emails).where(eq(emails.id, emailId));
  if (!email || email.status === "sent" || email.status === "kept") return;
  const url = config().SMTP_URL;
  if (url) {
    await (await smtp(url)).sendMail({
      from: config().MAIL_FROM,
      to: email.toAddress,
      subject: email.subject,
      text: email.textBody,
      attachments: (email.attachments ?? []).map((a) => ({
        filename: a.filename,
        content: a.content,
        contentType: a.contentType,
      })),
    });
    await db()
      .update(emails)
      .set({ status: "sent", sentAt: new Date(), error: null })
      .where(eq(emails.id, emailId));
  } else {
    await db().update(emails).set({ status: "kept", sentAt: new Date() }).where(eq(emails.id, emailId));
    if (config().LOG_LEVEL !== "silent") {
      console.log(
        `\n── Correo para ${email.toAddress} ──\nAsunto: ${email.subject}\n\n${email.textBody}\n──────────\n`,
      );
    }
  }
  log("info", "email delivered", { emailId, via: url ? "smtp" : "outbox" });
}

registerJob("mail.send", async (payload) => {
  await deliverEmail(String(payload.emailId));
});

export async function listEmails(organizationId: string, limit = 50, offset = 0) {
  return db()
    .select({
      id: emails.id,
      toAddress: emails.toAddress,
      subject: emails.subject,
      status: emails.status,
      createdAt: emails.createdAt,
    })
    .from(emails)
    .where(eq(emails.organizationId, organizationId))
    .orderBy(desc(emails.createdAt))
    .limit(limit)
    .offset(offset);
}

export async function getEmail(organizationId: string, id: string) {
  const [email] = await db().select().from(emails).where(eq(emails.id, id));
  return email && email.organizationId === organizationId ? email : undefined;
}
