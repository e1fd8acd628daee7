import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { hashPassword } from "../../platform/auth/passwords";
import { readSession } from "../../platform/auth/sessions";
import { newToken } from "../../platform/auth/tokens";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError, RateLimitedError, ValidationError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { drainJobs } from "../../platform/jobs/queue";
import { emails } from "../../platform/mail/schema";
import { withClockStopped } from "../../platform/testing/clock";
import { useTestDatabase } from "../../platform/testing/database";
import { memberships, persons } from "../people";
import { confirmRosterImport, previewRosterImport } from "../people/roster-import";
import { actorOf, makePerson, makeWorld } from "../people/testing";
import { passwordResets } from "./schema";
import {
  acceptInvitation,
  countPendingInvitations,
  getInvitation,
  invitePendingOfSchool,
  invitePerson,
  requestPasswordReset,
  resetPassword,
  SIGN_IN_LIMITS,
  signIn,
} from "./service";

useTestDatabase();
const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const PASSWORD = "una clave larga de prueba";

function linkToken(text: string, path: string): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no link to /${path} in: ${text}`);
  return match[1];
}

async function lastEmailTo(address: string) {
  const rows = await db().select().from(emails).where(eq(emails.toAddress, address));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1);
}

describe("accounts", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeAll(async () => {
    w = await makeWorld();
    await db()
      .update(persons)
      .set({ passwordHash: await hashPassword(PASSWORD) })
      .where(eq(persons.id, w.leaderA.id));
  });

  it("signs in with the right password and opens a session in the database", async () => {
    const result = await signIn({ email: ` ${w.leaderA.email.toUpperCase()} `, password: PASSWORD }, meta);
    expect(result.personId).toBe(w.leaderA.id);
    const session = await readSession(result.token);
    expect(session?.personId).toBe(w.leaderA.id);
  });

  it("gives every sign-in a new session token", async () => {
    const a = await signIn({ email: w.leaderA.email, password: PASSWORD }, meta);
    const b = await signIn({ email: w.leaderA.email, password: PASSWORD }, meta);
    expect(a.token).not.toBe(b.token);
  });

  it("answers the same for a wrong password and an unknown email, and audits the failure", async () => {
    const wrong = await signIn({ email: w.leaderA.email, password: "otra clave cualquiera" }, meta).catch(
      (e) => e,
    );
    const unknown = await signIn(
      { email: "nadie@example.cl", password: "otra clave cualquiera" },
      meta,
    ).catch((e) => e);
    expect(wrong).toBeInstanceOf(DomainError);
    expect(unknown).toBeInstanceOf(DomainError);
    expect(wrong.messageKey).toBe("auth.sign_in.failed");
    expect(unknown.messageKey).toBe(wrong.messageKey);
    const failures = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sign_in_failed"));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses an empty form with messages per field", async () => {
    const error = await signIn({ email: "", password: "" }, meta).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({ email: "errors.required", password: "errors.required" });
  });

  it("rate-limits sign-in attempts per account", () =>
    withClockStopped(async () => {
      const email = w.teacherB.email;
      let limited: unknown;
      for (let i = 0; i < 12 && !limited; i++) {
        limited = await signIn(
          { email, password: "incorrecta-123" },
          { ...meta, ip: `198.51.100.${i}` },
        ).then(
          () => undefined,
          (e) => (e instanceof RateLimitedError ? e : undefined),
        );
      }
      expect(limited).toBeInstanceOf(RateLimitedError);
    }));

  it("counts failed sign-ins only: many right passwords from one address are never limited", () =>
    withClockStopped(async () => {
      for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max + 5; i++) {
        const done = await signIn(
          { email: w.leaderA.email, password: PASSWORD },
          { ...meta, ip: "192.0.2.7" },
        );
        expect(done.personId).toBe(w.leaderA.id);
      }
    }));

  it("never lets wrong passwords from one address keep the owner out from another", () =>
    withClockStopped(async () => {
      const owner = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
        passwordHash: await hashPassword(PASSWORD),
      });
      const attacker = { ...meta, ip: "198.51.100.66" };
      const outcomes: string[] = [];
      for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress.max + 3; i++) {
        outcomes.push(
          await signIn({ email: owner.email, password: `adivinanza-${i}` }, attacker).then(
            () => "ok",
            (e) => e.constructor.name,
          ),
        );
      }
      expect(outcomes.slice(0, 10).every((o) => o === "DomainError")).toBe(true);
      expect(outcomes.slice(10)).toEqual(["RateLimitedError", "RateLimitedError", "RateLimitedError"]);
      // The guesser's address is stopped, even with the right password…
      await expect(signIn({ email: owner.email, password: PASSWORD }, attacker)).rejects.toBeInstanceOf(
        RateLimitedError,
      );
      // …the owner, from the school's address, is not.
      const done = await signIn({ email: owner.email, password: PASSWORD }, { ...meta, ip: "203.0.113.200" });
      expect(done.personId).toBe(owner.id);
    }));

  it("slows guessing from many addresses, but not the owner on a browser they used before", async () => {
    const owner = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      passwordHash: await hashPassword(PASSWORD),
    });
    const { deviceToken } = await signIn(
      { email: owner.email, password: PASSWORD },
      { ...meta, ip: "203.0.113.201" },
    );
    const [first] = SIGN_IN_LIMITS.perAccount;
    const outcomes: string[] = [];
    for (let i = 0; i < first.max + 2; i++) {
      outcomes.push(
        await signIn(
          { email: owner.email, password: `adivinanza-${i}` },
          { ...meta, ip: `198.51.100.${100 + i}` },
        ).then(
          () => "ok",
          (e) => e.constructor.name,
        ),
      );
    }
    expect(outcomes.slice(0, first.max).every((o) => o === "DomainError")).toBe(true);
    expect(outcomes.slice(first.max)).toEqual(["RateLimitedError", "RateLimitedError"]);
    // A new address and a new browser wait, even with the right password…
    await expect(
      signIn({ email: owner.email, password: PASSWORD }, { ...meta, ip: "203.0.113.202" }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    // …another person's device does not help…
    const other = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      passwordHash: await hashPassword(PASSWORD),
    });
    const otherDevice = (await signIn({ email: other.email, password: PASSWORD }, meta)).deviceToken;
    await expect(
      signIn(
        { email: owner.email, password: PASSWORD },
        { ...meta, ip: "203.0.113.203", deviceToken: otherDevice },
      ),
    ).rejects.toBeInstanceOf(RateLimitedError);
    // …but the owner's own browser signs in, from a new address too, and keeps its token.
    const again = await signIn(
      { email: owner.email, password: PASSWORD },
      { ...meta, ip: "203.0.113.204", deviceToken },
    );
    expect(again.personId).toBe(owner.id);
    expect(again.deviceToken).toBe(deviceToken);
    // Windows that grow with the failures: the hour's limit is twice the quarter's.
    expect(SIGN_IN_LIMITS.perAccount.map((l) => l.max)).toEqual([10, 20, 40, 80]);
  });

  it("counts one guessing address once per window of the account's limits, however long it goes on", async () => {
    const owner = await makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], {
      passwordHash: await hashPassword(PASSWORD),
    });
    const start = Date.parse("2026-12-01T00:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // One try every quarter of an hour from one address, for a whole day: 96 failures.
      for (let quarter = 0; quarter < 96; quarter++) {
        vi.setSystemTime(start + quarter * 15 * 60_000 + 1000);
        await signIn(
          { email: owner.email, password: `adivinanza-${quarter}` },
          { ...meta, ip: "198.51.100.77" },
        ).catch((e) => e);
      }
      // At the end of that day the owner, on a new browser and another address, still signs in.
      vi.setSystemTime(start + 95 * 15 * 60_000 + 5000);
      const done = await signIn({ email: owner.email, password: PASSWORD }, { ...meta, ip: "203.0.113.210" });
      expect(done.personId).toBe(owner.id);
    } finally {
      vi.useRealTimers();
    }
  });

  it("answers a reset request in the same time whether the address has an account or not", async () => {
    const people = await Promise.all(
      Array.from({ length: 30 }, () => makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolB.id }])),
    );
    const timed = async (email: string, i: number) => {
      const start = performance.now();
      await requestPasswordReset({ email }, { ...meta, ip: `192.0.2.${i}` });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < people.length; i++) {
      // interleaved, so that whatever slows the machine slows both
      known.push(await timed(people[i].email, i));
      unknown.push(await timed(`nadie-${i}@example.cl`, i + 100));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Same work either way (two counters and one queued job): the medians differ by noise only.
    expect(median(known)).toBeLessThan(median(unknown) * 1.5 + 1);
    expect(median(unknown)).toBeLessThan(median(known) * 1.5 + 1);
    // The emails are written by the job, for the accounts only.
    await drainJobs();
    expect((await lastEmailTo(people[0].email))?.subject).toBe("Cree una contraseña nueva para Impulso");
    expect(await lastEmailTo("nadie-0@example.cl")).toBeUndefined();
  });

  it("rate-limits sign-in attempts per address", () =>
    withClockStopped(async () => {
      let limited: unknown;
      for (let i = 0; i < 60 && !limited; i++) {
        limited = await signIn(
          { email: `x${i}@example.cl`, password: "incorrecta-123" },
          { ...meta, ip: "192.0.2.99" },
        ).then(
          () => undefined,
          (e) => (e instanceof RateLimitedError ? e : undefined),
        );
      }
      expect(limited).toBeInstanceOf(RateLimitedError);
    }));

  it("invites a new teacher, who sets a password through the emailed link and is signed in", async () => {
    const leader = await actorOf(w.leaderA.id);
    const { personId, created } = await invitePerson(leader, {
      givenNames: "Ximena",
      familyNames: "Toro Pérez",
      email: "ximena.toro@example.cl",
      rut: "12.345.678-5",
      role: "teacher",
      schoolId: w.schoolA.id,
    });
    expect(created).toBe(true);
    const [person] = await db().select().from(persons).where(eq(persons.id, personId));
    expect(person.rut).toBe("12345678-5");
    expect(person.status).toBe("invited");
    const email = await lastEmailTo("ximena.toro@example.cl");
    expect(email?.subject).toBe("Le invitaron a Impulso");
    expect(email?.textBody).toContain("Docente");
    await drainJobs();
    const [delivered] = await db().select().from(emails).where(eq(emails.id, email!.id));
    expect(delivered.status).toBe("kept");
    const token = linkToken(email!.textBody, "invitacion");
    expect(await getInvitation(token)).toEqual({ givenNames: "Ximena", email: "ximena.toro@example.cl" });
    const mismatch = await acceptInvitation(
      token,
      { password: PASSWORD, passwordConfirm: "otra" },
      meta,
    ).catch((e) => e);
    expect(mismatch.fieldErrors).toEqual({ passwordConfirm: "auth.password.mismatch" });
    const short = await acceptInvitation(token, { password: "corta", passwordConfirm: "corta" }, meta).catch(
      (e) => e,
    );
    expect(short.fieldErrors.password).toBe("auth.password.too_short");
    const session = await acceptInvitation(token, { password: PASSWORD, passwordConfirm: PASSWORD }, meta);
    expect((await readSession(session.token))?.personId).toBe(personId);
    expect(await getInvitation(token)).toBeNull();
    const again = await acceptInvitation(
      token,
      { password: PASSWORD, passwordConfirm: PASSWORD },
      meta,
    ).catch((e) => e);
    expect(again.messageKey).toBe("auth.invitation.invalid");
    const signedIn = await signIn({ email: "ximena.toro@example.cl", password: PASSWORD }, meta);
    expect(signedIn.personId).toBe(personId);
  });

  it("refuses an invitation with a bad RUT and a bad email, writing nothing", async () => {
    const leader = await actorOf(w.leaderA.id);
    const before = await db().select().from(persons);
    const error = await invitePerson(leader, {
      givenNames: "Ana",
      familyNames: "Díaz",
      email: "no-es-correo",
      rut: "12.345.678-9",
      role: "teacher",
      schoolId: w.schoolA.id,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({ email: "errors.invalid_email", rut: "errors.invalid_rut" });
    expect((await db().select().from(persons)).length).toBe(before.length);
  });

  it("does not let a leader invite into another school, nor a teacher invite at all", async () => {
    const input = {
      givenNames: "A",
      familyNames: "B",
      email: "ab@example.cl",
      role: "teacher",
      schoolId: w.schoolB.id,
    };
    await expect(invitePerson(await actorOf(w.leaderA.id), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(invitePerson(await actorOf(w.teacherB.id), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(invitePerson(await actorOf(w.otherAdmin.id), input)).rejects.toBeInstanceOf(NotFoundError);
    const staff = { ...input, role: "coordinator", schoolId: undefined };
    await expect(invitePerson(await actorOf(w.coordinator.id), staff)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("adds a role to an existing person instead of creating a second one", async () => {
    const coordinator = await actorOf(w.coordinator.id);
    const result = await invitePerson(coordinator, {
      givenNames: w.teacherA.givenNames,
      familyNames: w.teacherA.familyNames,
      email: w.teacherA.email,
      role: "mentor",
      schoolId: w.schoolA.id,
    });
    expect(result).toEqual({ personId: w.teacherA.id, created: false });
    const roles = await db().select().from(memberships).where(eq(memberships.personId, w.teacherA.id));
    expect(roles.map((r) => r.role).sort()).toEqual(["mentor", "teacher"]);
  });

  it("invites at once everyone a roster import added, once, and only the school's managers may", async () => {
    const leader = await actorOf(w.leaderA.id);
    const csv = "nombres;apellidos;correo\nNora;Vidal;nora.vidal@escuela.cl\nOmar;Paz;omar.paz@escuela.cl\n";
    const id = await previewRosterImport(leader, w.schoolA.id, {
      fileName: "n.csv",
      bytes: new TextEncoder().encode(csv),
    });
    await confirmRosterImport(leader, id);
    await drainJobs();
    const before = await countPendingInvitations(leader, w.schoolA.id);
    expect(before).toBeGreaterThanOrEqual(2);
    for (const stranger of [w.teacherA, w.leaderB, w.otherCoordinator, w.otherAdmin]) {
      await expect(invitePendingOfSchool(await actorOf(stranger.id), w.schoolA.id)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await countPendingInvitations(leader, w.schoolA.id)).toBe(before);
    expect(await invitePendingOfSchool(leader, w.schoolA.id)).toBe(before);
    expect(await countPendingInvitations(leader, w.schoolA.id)).toBe(0);
    expect(await invitePendingOfSchool(leader, w.schoolA.id)).toBe(0);
    await drainJobs();
    const email = await lastEmailTo("nora.vidal@escuela.cl");
    expect(email?.textBody).toContain("/invitacion/");
    const invitation = await getInvitation(linkToken(email?.textBody ?? "", "invitacion"));
    expect(invitation?.email).toBe("nora.vidal@escuela.cl");
  });

  it("resets a password through the emailed link, once, and revokes the old sessions", async () => {
    const old = await signIn({ email: w.leaderA.email, password: PASSWORD }, meta);
    await requestPasswordReset({ email: w.leaderA.email }, meta);
    await requestPasswordReset({ email: "nadie@example.cl" }, meta); // same silence, no email
    await drainJobs();
    expect(await lastEmailTo("nadie@example.cl")).toBeUndefined();
    const email = await lastEmailTo(w.leaderA.email);
    expect(email?.subject).toBe("Cree una contraseña nueva para Impulso");
    const token = linkToken(email!.textBody, "restablecer");
    const NEW = "otra clave larga y nueva";
    await resetPassword(token, { password: NEW, passwordConfirm: NEW }, meta);
    expect(await readSession(old.token)).toBeNull();
    await expect(signIn({ email: w.leaderA.email, password: PASSWORD }, meta)).rejects.toBeInstanceOf(
      DomainError,
    );
    expect((await signIn({ email: w.leaderA.email, password: NEW }, meta)).personId).toBe(w.leaderA.id);
    const reused = await resetPassword(token, { password: NEW, passwordConfirm: NEW }, meta).catch((e) => e);
    expect(reused.messageKey).toBe("auth.reset.invalid");
  });

  it("says a missing password is required (a form without the field), not 'choose an option'", async () => {
    const reset = newToken();
    await db()
      .insert(passwordResets)
      .values({
        id: newId(),
        personId: w.teacherB.id,
        tokenHash: reset.hash,
        sentTo: w.teacherB.email,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
    const missing = await resetPassword(reset.token, { password: null, passwordConfirm: null }, meta).catch(
      (e) => e,
    );
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.fieldErrors).toEqual({ password: "errors.required", passwordConfirm: "errors.required" });
    const signInMissing = await signIn({ email: null, password: null }, meta).catch((e) => e);
    expect(signInMissing.fieldErrors).toEqual({ email: "errors.required", password: "errors.required" });
  });
});
