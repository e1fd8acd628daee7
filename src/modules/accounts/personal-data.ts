// The accounts module's personal data (see platform/personal-data.ts): invitations, password resets,
// changes of the sign-in address and known devices, never their tokens. All of it goes when the
// person is anonymized.
import { asc, eq } from "drizzle-orm";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import { emailChanges, invitations, knownDevices, passwordResets } from "./schema";

registerPersonalData({
  name: "accounts",
  order: 30,
  tables: [invitations, passwordResets, emailChanges, knownDevices],

  async exportFor(db, person, context) {
    const invitationRows = await db
      .select({
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        invitedBy: invitations.invitedBy,
      })
      .from(invitations)
      .where(eq(invitations.personId, person.id))
      .orderBy(asc(invitations.createdAt));
    const resetRows = await db
      .select({
        createdAt: passwordResets.createdAt,
        expiresAt: passwordResets.expiresAt,
        usedAt: passwordResets.usedAt,
      })
      .from(passwordResets)
      .where(eq(passwordResets.personId, person.id))
      .orderBy(asc(passwordResets.createdAt));
    const addressRows = await db
      .select()
      .from(emailChanges)
      .where(eq(emailChanges.personId, person.id))
      .orderBy(asc(emailChanges.createdAt));
    const deviceRows = await db
      .select({ createdAt: knownDevices.createdAt, lastUsedAt: knownDevices.lastUsedAt })
      .from(knownDevices)
      .where(eq(knownDevices.personId, person.id))
      .orderBy(asc(knownDevices.createdAt));
    const name = await context.personNames([
      ...invitationRows.map((i) => i.invitedBy),
      ...addressRows.map((c) => c.requestedBy),
    ]);
    return {
      json: {
        invitations: invitationRows.map((i) => ({
          createdAt: iso(i.createdAt),
          expiresAt: iso(i.expiresAt),
          acceptedAt: iso(i.acceptedAt),
          invitedBy: name(i.invitedBy),
        })),
        passwordResets: resetRows.map((r) => ({
          createdAt: iso(r.createdAt),
          expiresAt: iso(r.expiresAt),
          usedAt: iso(r.usedAt),
        })),
        // Changes of the sign-in address, without their links' tokens.
        emailChanges: addressRows.map((c) => ({
          kind: c.kind,
          oldEmail: c.oldEmail,
          newEmail: c.newEmail,
          requestedBy: name(c.requestedBy),
          reason: c.reason,
          createdAt: iso(c.createdAt),
          confirmedAt: iso(c.confirmedAt),
          cancelledAt: iso(c.cancelledAt),
          undoneAt: iso(c.undoneAt),
        })),
        knownDevices: deviceRows.map((d) => ({ createdAt: iso(d.createdAt), lastUsedAt: iso(d.lastUsedAt) })),
      },
    };
  },

  // Every address the person signed in with, or was asked to: the emails sent there are theirs.
  async addresses(tx, person) {
    const changes = await tx
      .select({ oldEmail: emailChanges.oldEmail, newEmail: emailChanges.newEmail })
      .from(emailChanges)
      .where(eq(emailChanges.personId, person.id));
    return changes.flatMap((c) => [c.oldEmail, c.newEmail]);
  },

  async anonymize(tx, person) {
    await tx.delete(invitations).where(eq(invitations.personId, person.id));
    await tx.delete(passwordResets).where(eq(passwordResets.personId, person.id));
    await tx.delete(emailChanges).where(eq(emailChanges.personId, person.id));
    await tx.delete(knownDevices).where(eq(knownDevices.personId, person.id));
  },
});
