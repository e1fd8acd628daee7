import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations, persons } from "../people/schema";

/** A link that lets a new person set a password. Only the token's SHA-256 is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** the address the link was sent to: it works only while the person's address is still this one */
    sentTo: text("sent_to").notNull(),
    invitedBy: uuid("invited_by"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invitations_person_idx").on(t.personId)],
);

export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** the address the link was sent to: it works only while the person's address is still this one */
    sentTo: text("sent_to").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_resets_person_idx").on(t.personId)],
);

export const EMAIL_CHANGE_KINDS = ["self", "proposal", "recovery"] as const;
export type EmailChangeKind = (typeof EMAIL_CHANGE_KINDS)[number];

/**
 * A change of the address a person signs in with (see docs/architecture.md, "Who may change what of a
 * person"): asked by the person ("self", confirmed from the new address), proposed by someone who
 * manages them ("proposal", confirmed by the person from their current address or while signed in), or
 * an administrator's account recovery ("recovery", for a person who lost their old address). Once
 * applied, the old address holds an undo link for 7 days. Only the tokens' SHA-256 are stored.
 */
export const emailChanges = pgTable(
  "email_changes",
  {
    id: uuid("id").primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    kind: text("kind").notNull().$type<EmailChangeKind>(),
    oldEmail: text("old_email").notNull(),
    newEmail: text("new_email").notNull(),
    /** who asked for it (the person, or the leader, coordinator or administrator) */
    requestedBy: uuid("requested_by").notNull(),
    /** an administrator's account recovery: how the person's identity was checked */
    reason: text("reason"),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    undoTokenHash: text("undo_token_hash").unique(),
    undoExpiresAt: timestamp("undo_expires_at", { withTimezone: true }),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_changes_person_idx").on(t.personId)],
);

/**
 * A browser where a person signed in before (the `impulso_dispositivo` cookie holds the token; only its
 * SHA-256 is stored). Failed sign-ins from many addresses slow an account down; from a known device its
 * owner still signs in (see SIGN_IN_LIMITS in service.ts).
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("known_devices_person_idx").on(t.personId)],
);
