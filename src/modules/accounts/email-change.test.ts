import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { hashPassword } from "../../platform/auth/passwords";
import { createSession, readSession } from "../../platform/auth/sessions";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { drainJobs } from "../../platform/jobs/queue";
import { emails } from "../../platform/mail/schema";
import { useTestDatabase } from "../../platform/testing/database";
import { persons, updatePerson } from "../people";
import { actorOf, makePerson, makeWorld } from "../people/testing";
import {
  cancelEmailChange,
  confirmEmailChange,
  confirmProposalSignedIn,
  getEmailChangeByToken,
  getEmailChangePage,
  getEmailUndoByToken,
  proposeEmailChange,
  requestOwnEmailChange,
  startAccountRecovery,
  undoEmailChange,
} from "./email-change";
import { knownDevices } from "./schema";
import { getInvitation, invitePerson, isResetTokenValid, requestPasswordReset, signIn } from "./service";

useTestDatabase();
const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const PASSWORD = "una clave larga de prueba";

function linkToken(text: string, path: string): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no link to /${path} in: ${text}`);
  return match[1];
}

async function emailsTo(address: string) {
  const rows = await db().select().from(emails).where(eq(emails.toAddress, address));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

async function emailOf(personId: string) {
  const [row] = await db().select({ email: persons.email }).from(persons).where(eq(persons.id, personId));
  return row.email;
}

async function audited(personId: string, action: string) {
  return db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, personId), eq(auditEvents.action, action)));
}

async function withPassword(personId: string) {
  await db()
    .update(persons)
    .set({ passwordHash: await hashPassword(PASSWORD) })
    .where(eq(persons.id, personId));
}

describe("changing the address a person signs in with", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    w = await makeWorld();
  });

  it("refuses the audit's takeover: a leader cannot set an active teacher's address, nor reset to it", async () => {
    const teacher = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    await withPassword(teacher.id);
    const leader = await actorOf(w.leaderA.id);
    const refused = await updatePerson(leader, teacher.id, {
      givenNames: teacher.givenNames,
      familyNames: teacher.familyNames,
      email: "directora.atacante@example.cl",
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.fieldErrors).toEqual({ email: "people.errors.email_needs_confirmation" });
    expect(await emailOf(teacher.id)).toBe(teacher.email);
    // A proposal goes to the teacher's current address; the proposed one gets nothing it could use.
    await proposeEmailChange(leader, teacher.id, { newEmail: "directora.atacante@example.cl" });
    await requestPasswordReset({ email: "directora.atacante@example.cl" }, meta);
    await drainJobs();
    expect(await emailsTo("directora.atacante@example.cl")).toEqual([]);
    const [proposal] = await emailsTo(teacher.email);
    expect(proposal.subject).toBe("Le proponen cambiar su correo de Impulso");
    expect(await emailOf(teacher.id)).toBe(teacher.email);
    // Administrators and advising coordinators are held to the same rule.
    for (const who of [w.admin, w.coordinator]) {
      const attempt = await updatePerson(await actorOf(who.id), teacher.id, {
        givenNames: teacher.givenNames,
        familyNames: teacher.familyNames,
        email: "otra.atacante@example.cl",
      }).catch((e) => e);
      expect(attempt).toBeInstanceOf(ValidationError);
    }
    expect(await emailOf(teacher.id)).toBe(teacher.email);
  });

  it("lets those who manage a person correct the address of a pending invitation, which kills the old link", async () => {
    const leader = await actorOf(w.leaderA.id);
    const { personId } = await invitePerson(leader, {
      givenNames: "Rosa",
      familyNames: "Equivocada",
      email: "rosa.mal.escrito@example.cl",
      role: "teacher",
      schoolId: w.schoolA.id,
    });
    await drainJobs();
    const [sent] = await emailsTo("rosa.mal.escrito@example.cl");
    const token = linkToken(sent.textBody, "invitacion");
    expect(await getInvitation(token)).not.toBeNull();
    await updatePerson(leader, personId, {
      givenNames: "Rosa",
      familyNames: "Equivocada",
      email: "rosa.bien@example.cl",
    });
    expect(await emailOf(personId)).toBe("rosa.bien@example.cl");
    expect(await getInvitation(token)).toBeNull();
    const [entry] = await audited(personId, "person.email_corrected");
    expect(entry.details).toEqual({ from: "rosa.mal.escrito@example.cl", to: "rosa.bien@example.cl" });
    // Someone who does not manage her may not.
    const stranger = await updatePerson(await actorOf(w.leaderB.id), personId, {
      givenNames: "Rosa",
      familyNames: "Equivocada",
      email: "rosa.otra@example.cl",
    }).catch((e) => e);
    expect(stranger).toBeInstanceOf(NotFoundError);
  });

  it("changes one's own address only from the new one, tells the old one, which may undo it for 7 days", async () => {
    const teacher = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    await withPassword(teacher.id);
    const self = await actorOf(teacher.id);
    const wrong = await requestOwnEmailChange(self, teacher.id, {
      newEmail: "nueva.propia@example.cl",
      password: "no es la clave",
    }).catch((e) => e);
    expect(wrong.fieldErrors).toEqual({ password: "accounts.email.wrong_password" });
    const same = await requestOwnEmailChange(self, teacher.id, {
      newEmail: teacher.email,
      password: PASSWORD,
    }).catch((e) => e);
    expect(same.fieldErrors).toEqual({ newEmail: "accounts.email.same_address" });
    const taken = await requestOwnEmailChange(self, teacher.id, {
      newEmail: w.teacherB.email,
      password: PASSWORD,
    }).catch((e) => e);
    expect(taken.fieldErrors).toEqual({ newEmail: "people.errors.email_taken" });

    await requestOwnEmailChange(self, teacher.id, {
      newEmail: "nueva.propia@example.cl",
      password: PASSWORD,
    });
    expect(await emailOf(teacher.id)).toBe(teacher.email); // nothing yet
    const [confirmation] = await emailsTo("nueva.propia@example.cl");
    const token = linkToken(confirmation.textBody, "correo");
    expect(await getEmailChangeByToken(token)).toMatchObject({
      kind: "self",
      oldEmail: teacher.email,
      newEmail: "nueva.propia@example.cl",
      needsPassword: false,
    });
    const session = await createSession(teacher.id, meta);
    await confirmEmailChange(token, {}, meta);
    expect(await emailOf(teacher.id)).toBe("nueva.propia@example.cl");
    expect(await readSession(session.token)).not.toBeNull(); // her own change keeps her signed in
    await expect(confirmEmailChange(token, {}, meta)).rejects.toBeInstanceOf(DomainError); // once
    expect((await signIn({ email: "nueva.propia@example.cl", password: PASSWORD }, meta)).personId).toBe(
      teacher.id,
    );
    const [changed] = await audited(teacher.id, "person.email_changed");
    expect(changed.details).toMatchObject({
      kind: "self",
      from: teacher.email,
      to: "nueva.propia@example.cl",
    });

    // The old address: a notice with the undo link.
    const notice = (await emailsTo(teacher.email)).at(-1);
    expect(notice?.subject).toBe("Su correo de Impulso cambió");
    const undo = linkToken(notice?.textBody ?? "", "correo/deshacer");
    expect(await getEmailUndoByToken(undo)).toMatchObject({ applied: true, oldEmail: teacher.email });
    // Meanwhile someone at the new address asked for a reset link: undoing makes it useless.
    await requestPasswordReset({ email: "nueva.propia@example.cl" }, meta);
    await drainJobs();
    const resetAtNew = linkToken(
      (await emailsTo("nueva.propia@example.cl")).at(-1)?.textBody ?? "",
      "restablecer",
    );
    expect(await isResetTokenValid(resetAtNew)).toBe(true);

    const device = (await signIn({ email: "nueva.propia@example.cl", password: PASSWORD }, meta)).deviceToken;
    expect(device).toBeTruthy();
    await undoEmailChange(undo, meta);
    expect(await emailOf(teacher.id)).toBe(teacher.email);
    expect(await readSession(session.token)).toBeNull();
    // whoever changed the address keeps no browser exempt from the sign-in limits
    expect(await db().select().from(knownDevices).where(eq(knownDevices.personId, teacher.id))).toEqual([]);
    expect(await isResetTokenValid(resetAtNew)).toBe(false);
    await expect(signIn({ email: teacher.email, password: PASSWORD }, meta)).rejects.toBeInstanceOf(
      DomainError,
    );
    const reset = (await emailsTo(teacher.email)).at(-1);
    expect(reset?.subject).toBe("Cree una contraseña nueva para Impulso");
    expect(await isResetTokenValid(linkToken(reset?.textBody ?? "", "restablecer"))).toBe(true);
    expect(await audited(teacher.id, "person.email_change_undone")).toHaveLength(1);
    await expect(undoEmailChange(undo, meta)).rejects.toBeInstanceOf(DomainError); // once
  });

  it("applies a proposal only when the person confirms it: from their current address or signed in", async () => {
    const teacher = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    await withPassword(teacher.id);
    const coordinator = await actorOf(w.coordinator.id);
    await proposeEmailChange(coordinator, teacher.id, { newEmail: "propuesta.uno@example.cl" });
    const page = await getEmailChangePage(await actorOf(teacher.id), teacher.id);
    expect(page.pending).toMatchObject({ kind: "proposal", newEmail: "propuesta.uno@example.cl" });
    // Declined by the teacher: nothing changes.
    await cancelEmailChange(await actorOf(teacher.id), teacher.id);
    expect(await emailOf(teacher.id)).toBe(teacher.email);
    const [first] = await emailsTo(teacher.email);
    expect(await getEmailChangeByToken(linkToken(first.textBody, "correo"))).toBeNull();

    // A second proposal, confirmed from the link at her current address.
    await proposeEmailChange(coordinator, teacher.id, { newEmail: "propuesta.dos@example.cl" });
    const link = linkToken((await emailsTo(teacher.email)).at(-1)?.textBody ?? "", "correo");
    expect(await emailsTo("propuesta.dos@example.cl")).toEqual([]);
    await confirmEmailChange(link, {}, meta);
    expect(await emailOf(teacher.id)).toBe("propuesta.dos@example.cl");
    expect((await emailsTo("propuesta.dos@example.cl")).map((e) => e.subject)).toEqual([
      "Ya ingresa a Impulso con este correo",
    ]);

    // A third, confirmed while signed in; nobody else may confirm it.
    await proposeEmailChange(await actorOf(w.leaderA.id), teacher.id, {
      newEmail: "propuesta.tres@example.cl",
    });
    await expect(
      confirmProposalSignedIn(await actorOf(w.leaderA.id), teacher.id, meta),
    ).rejects.toBeInstanceOf(NotFoundError);
    await confirmProposalSignedIn(await actorOf(teacher.id), teacher.id, meta);
    expect(await emailOf(teacher.id)).toBe("propuesta.tres@example.cl");
    const changes = await audited(teacher.id, "person.email_changed");
    expect(changes.map((c) => (c.details as { kind: string }).kind)).toEqual(["proposal", "proposal"]);
  });

  it("lets an administrator recover a lost address: both addresses told, a new password, undoable", async () => {
    const teacher = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    await withPassword(teacher.id);
    const session = await createSession(teacher.id, meta);
    for (const who of [w.leaderA, w.coordinator]) {
      await expect(
        startAccountRecovery(await actorOf(who.id), teacher.id, {
          newEmail: "recuperada@example.cl",
          reason: "Videollamada con su cédula de identidad",
          verified: "on",
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    const admin = await actorOf(w.admin.id);
    const unexplained = await startAccountRecovery(admin, teacher.id, {
      newEmail: "recuperada@example.cl",
      reason: "corta",
    }).catch((e) => e);
    expect(unexplained.fieldErrors).toEqual({
      reason: "accounts.email.reason_too_short",
      verified: "accounts.email.verified_required",
    });
    await startAccountRecovery(admin, teacher.id, {
      newEmail: "recuperada@example.cl",
      reason: "Videollamada con su cédula de identidad el 3 de diciembre",
      verified: "on",
    });
    expect(await emailOf(teacher.id)).toBe(teacher.email);
    const [atNew] = await emailsTo("recuperada@example.cl");
    const [atOld] = await emailsTo(teacher.email);
    expect(atOld.subject).toBe("Se inició la recuperación de su cuenta de Impulso");
    const token = linkToken(atNew.textBody, "correo");
    expect(await getEmailChangeByToken(token)).toMatchObject({ kind: "recovery", needsPassword: true });
    const NEW = "otra clave larga recuperada";
    const short = await confirmEmailChange(token, { password: "x", passwordConfirm: "x" }, meta).catch(
      (e) => e,
    );
    expect(short).toBeInstanceOf(ValidationError);
    await confirmEmailChange(token, { password: NEW, passwordConfirm: NEW }, meta);
    expect(await emailOf(teacher.id)).toBe("recuperada@example.cl");
    expect(await readSession(session.token)).toBeNull();
    expect((await signIn({ email: "recuperada@example.cl", password: NEW }, meta)).personId).toBe(teacher.id);
    const [started] = await audited(teacher.id, "person.account_recovery_started");
    expect(started.actorPersonId).toBe(w.admin.id);
    expect(started.details).toMatchObject({
      reason: "Videollamada con su cédula de identidad el 3 de diciembre",
    });

    // The old address says it was not them: the account goes back to it, with no password.
    const undo = linkToken(atOld.textBody, "correo/deshacer");
    await undoEmailChange(undo, meta);
    expect(await emailOf(teacher.id)).toBe(teacher.email);
    await expect(signIn({ email: "recuperada@example.cl", password: NEW }, meta)).rejects.toBeInstanceOf(
      DomainError,
    );
  });

  it("lets the old address cancel a recovery before it is used", async () => {
    const teacher = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }]);
    await withPassword(teacher.id);
    await startAccountRecovery(await actorOf(w.admin.id), teacher.id, {
      newEmail: "no.soy.yo@example.cl",
      reason: "Llamó diciendo que perdió su correo institucional",
      verified: "on",
    });
    const undo = linkToken((await emailsTo(teacher.email))[0].textBody, "correo/deshacer");
    expect(await getEmailUndoByToken(undo)).toMatchObject({ applied: false });
    await undoEmailChange(undo, meta);
    const token = linkToken((await emailsTo("no.soy.yo@example.cl"))[0].textBody, "correo");
    expect(await getEmailChangeByToken(token)).toBeNull();
    await expect(
      confirmEmailChange(token, { password: "otra clave larga", passwordConfirm: "otra clave larga" }, meta),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await emailOf(teacher.id)).toBe(teacher.email);
    // Her password still works: nothing had changed.
    expect((await signIn({ email: teacher.email, password: PASSWORD }, meta)).personId).toBe(teacher.id);
    expect(await audited(teacher.id, "person.account_recovery_cancelled")).toHaveLength(1);
  });

  it("shows the page only to the person, those who may propose and administrators", async () => {
    for (const who of [w.teacherA, w.leaderA, w.coordinator, w.admin]) {
      await expect(getEmailChangePage(await actorOf(who.id), w.teacherA.id)).resolves.toBeTruthy();
    }
    for (const who of [w.mentorA, w.teacherA2, w.leaderB, w.otherCoordinator, w.otherAdmin, w.otherLeader]) {
      await expect(getEmailChangePage(await actorOf(who.id), w.teacherA.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    // Organization staff: only administrators propose, even to a coordinator teaching at school A.
    await expect(getEmailChangePage(await actorOf(w.leaderA.id), w.coordinator.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
