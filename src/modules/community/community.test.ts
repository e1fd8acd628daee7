// A school's and the network's community (issue #17): who reads, writes and moderates each
// conversation; replies by email only to those who may still read it (asked in one batch); a school's
// announcements on its staff's home pages until read, withdrawn by a leader; bad input field by field.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { type DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import {
  hidePost,
  readThread,
  reply,
  setFollow,
  spaceThreads,
  startThread,
  THREADS_PER_PAGE,
} from "../discussions";
import { memberships } from "../people/schema";
import { actorsOf, makeWorld } from "../people/testing";
import {
  announcementFor,
  communityHome,
  markAnnouncementRead,
  publishAnnouncement,
  schoolAnnouncementsFor,
  unreadAnnouncements,
  withdrawAnnouncement,
} from ".";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
const a: Record<string, Actor> = {};

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );
const mailTo = async (address: string) =>
  db().select({ subject: emails.subject }).from(emails).where(eq(emails.toAddress, address));

beforeAll(async () => {
  w = await makeWorld();
  Object.assign(a, await actorsOf(w));
});

describe("a school's conversation", () => {
  it("is its staff's and its advising coordinator's; its leaders and that coordinator moderate", async () => {
    for (const who of ["teacherA", "teacherA2", "mentorA", "leaderA", "coordinator"])
      expect((await spaceThreads(a[who] as Actor, "school", w.schoolA.id)).space.title).toBe("Escuela A");
    for (const who of [
      "teacherB",
      "leaderB",
      "otherCoordinator",
      "admin",
      "facilitator",
      "otherAdmin",
      "otherLeader",
    ])
      expect(await errorOf(spaceThreads(a[who] as Actor, "school", w.schoolA.id))).toBeInstanceOf(
        NotFoundError,
      );
    expect(
      await errorOf(startThread(a.teacherB as Actor, "school", w.schoolA.id, { title: "x", body: "y" })),
    ).toBeInstanceOf(NotFoundError);

    const { id } = await startThread(a.teacherA as Actor, "school", w.schoolA.id, {
      title: "¿Quién tiene el proyector el martes?",
      body: "Lo necesito para 3° básico.",
    });
    expect((await readThread(a.leaderA as Actor, id)).can.moderate).toBe(true);
    expect((await readThread(a.coordinator as Actor, id)).can.moderate).toBe(true);
    expect((await readThread(a.teacherA2 as Actor, id)).can.moderate).toBe(false);
    expect(await errorOf(readThread(a.teacherB as Actor, id))).toBeInstanceOf(NotFoundError);
    const [post] = (await readThread(a.teacherA2 as Actor, id)).posts;
    expect(
      await errorOf(hidePost(a.teacherA2 as Actor, id, post?.id ?? "", { reason: "No" })),
    ).toBeInstanceOf(NotFoundError);
    // bad input, field by field
    const empty = await errorOf(
      startThread(a.teacherA as Actor, "school", w.schoolA.id, { title: "", body: "" }),
    );
    expect(empty).toBeInstanceOf(ValidationError);
    expect((empty as ValidationError).fieldErrors).toEqual({
      title: "errors.required",
      body: "errors.required",
    });
  });

  it("emails a reply only to followers who are still on the staff", async () => {
    const { id } = await startThread(a.teacherA as Actor, "school", w.schoolA.id, {
      title: "Jornada de reflexión",
      body: "¿Qué temas proponen?",
    });
    await reply(a.teacherA2 as Actor, id, { body: "Evaluación formativa." });
    await setFollow(a.teacherA2 as Actor, id, { mode: "post" });
    const before = (await mailTo(w.teacherA2.email)).length;
    await reply(a.leaderA as Actor, id, { body: "Anotado." });
    expect((await mailTo(w.teacherA2.email)).length).toBe(before + 1);
    // she leaves the school: no more replies reach her
    await db().delete(memberships).where(eq(memberships.personId, w.teacherA2.id));
    await reply(a.leaderA as Actor, id, { body: "¿Alguien más?" });
    expect((await mailTo(w.teacherA2.email)).length).toBe(before + 1);
    await db().insert(memberships).values({
      id: crypto.randomUUID(),
      organizationId: w.org.id,
      personId: w.teacherA2.id,
      schoolId: w.schoolA.id,
      role: "teacher",
    });
  });
});

describe("a space's list of threads", () => {
  it("comes a page at a time, the latest activity first", async () => {
    for (let i = 1; i <= THREADS_PER_PAGE + 1; i++)
      await startThread(a.teacherB as Actor, "school", w.schoolB.id, { title: `Hilo ${i}`, body: "Hola" });
    const first = await spaceThreads(a.leaderB as Actor, "school", w.schoolB.id);
    const second = await spaceThreads(a.leaderB as Actor, "school", w.schoolB.id, 2);
    expect([first.threads.length, second.threads.length, first.pages, second.page]).toEqual([
      THREADS_PER_PAGE,
      1,
      2,
      2,
    ]);
    expect(first.threads[0]?.title).toBe(`Hilo ${THREADS_PER_PAGE + 1}`);
    expect(second.threads[0]?.title).toBe("Hilo 1");
    expect((await spaceThreads(a.leaderB as Actor, "school", w.schoolB.id, -3)).page).toBe(1);
  });
});

describe("the network's conversation", () => {
  it("is every member's; its coordinators moderate; another organization finds nothing", async () => {
    for (const who of ["teacherA", "teacherB", "leaderB", "facilitator", "admin", "coordinator"])
      expect((await spaceThreads(a[who] as Actor, "network", w.org.id)).space.kind).toBe("network");
    expect(await errorOf(spaceThreads(a.otherAdmin as Actor, "network", w.org.id))).toBeInstanceOf(
      NotFoundError,
    );
    // a space id that is not the actor's own organization
    expect(await errorOf(spaceThreads(a.teacherA as Actor, "network", w.otherOrg.id))).toBeInstanceOf(
      NotFoundError,
    );
    const { id } = await startThread(a.teacherB as Actor, "network", w.org.id, {
      title: "Ideas para el inicio de clase",
      body: "Comparto una que me funciona.",
    });
    expect((await readThread(a.teacherA as Actor, id)).posts).toHaveLength(1);
    expect((await readThread(a.coordinator as Actor, id)).can.moderate).toBe(true);
    for (const who of ["leaderA", "teacherA", "admin", "facilitator"])
      expect((await readThread(a[who] as Actor, id)).can.moderate).toBe(false);
    expect(await errorOf(readThread(a.otherAdmin as Actor, id))).toBeInstanceOf(NotFoundError);
  });

  it("shows on the community page with the person's schools", async () => {
    const teacher = await communityHome(a.teacherA as Actor);
    expect(teacher.spaces.map((s) => [s.kind, s.title])).toEqual([
      ["network", ""],
      ["school", "Escuela A"],
    ]);
    expect(teacher.spaces[0]?.threads).toBeGreaterThanOrEqual(1);
    expect((await communityHome(a.admin as Actor)).spaces.map((s) => s.kind)).toEqual(["network"]);
    expect((await communityHome(a.coordinator as Actor)).spaces.map((s) => s.title)).toEqual([
      "",
      "Escuela A",
    ]);
  });
});

describe("a school's announcements", () => {
  it("reach the staff's home pages until read; only leaders post and withdraw them", async () => {
    for (const who of ["teacherA", "mentorA", "leaderB", "otherLeader"])
      expect(
        await errorOf(publishAnnouncement(a[who] as Actor, w.schoolA.id, { title: "x", body: "y" })),
      ).toBeInstanceOf(NotFoundError);
    const bad = await errorOf(
      publishAnnouncement(a.leaderA as Actor, w.schoolA.id, { title: " ", body: "" }),
    );
    expect((bad as ValidationError).fieldErrors).toEqual({
      title: "errors.required",
      body: "errors.required",
    });

    const { id } = await publishAnnouncement(a.leaderA as Actor, w.schoolA.id, {
      title: "Consejo de profesores el jueves",
      body: "A las 16:00 en la biblioteca.\nTraigan sus planificaciones.",
    });
    const unread = async (who: string) => (await unreadAnnouncements(a[who] as Actor)).map((x) => x.id);
    expect(await unread("teacherA")).toEqual([id]);
    expect(await unread("teacherA2")).toEqual([id]);
    expect(await unread("coordinator")).toEqual([id]);
    expect(await unread("leaderA")).toEqual([]); // its author has read it
    expect(await unread("teacherB")).toEqual([]);
    expect(await errorOf(announcementFor(a.teacherB as Actor, id))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(markAnnouncementRead(a.otherLeader as Actor, id))).toBeInstanceOf(NotFoundError);

    await markAnnouncementRead(a.teacherA as Actor, id);
    await markAnnouncementRead(a.teacherA as Actor, id); // again: nothing changes
    expect(await unread("teacherA")).toEqual([]);
    expect((await announcementFor(a.teacherA as Actor, id)).announcement.read).toBe(true);
    const list = await schoolAnnouncementsFor(a.teacherA2 as Actor, w.schoolA.id);
    expect(list.announcements.map((x) => [x.title, x.read])).toEqual([
      ["Consejo de profesores el jueves", false],
    ]);
    expect(list.can.announce).toBe(false);

    expect(await errorOf(withdrawAnnouncement(a.teacherA2 as Actor, id))).toBeInstanceOf(NotFoundError);
    expect(await withdrawAnnouncement(a.leaderA as Actor, id)).toEqual({ schoolId: w.schoolA.id });
    expect(await unread("teacherA2")).toEqual([]);
    // a home page loaded before the withdrawal: marking it read is done with, not "not found"
    await markAnnouncementRead(a.teacherA2 as Actor, id);
    expect(await errorOf(markAnnouncementRead(a.teacherB as Actor, id))).toBeInstanceOf(NotFoundError);
    expect((await schoolAnnouncementsFor(a.teacherA2 as Actor, w.schoolA.id)).announcements).toEqual([]);
    expect(await errorOf(withdrawAnnouncement(a.leaderA as Actor, id))).toBeInstanceOf(NotFoundError);
    const audited = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id)));
    expect(audited.map((e) => e.action).sort()).toEqual(["announcement.published", "announcement.withdrawn"]);
  });

  it("tells the second of two leaders withdrawing at once", async () => {
    const { id } = await publishAnnouncement(a.leaderA as Actor, w.schoolA.id, {
      title: "Aviso doble",
      body: "x",
    });
    const results = await Promise.all([
      errorOf(withdrawAnnouncement(a.leaderA as Actor, id)),
      errorOf(withdrawAnnouncement(a.coordinator as Actor, id)),
    ]);
    const refusals = results.filter((r) => r !== null);
    expect(refusals).toHaveLength(1);
    // told it was withdrawn already, or (if it read the announcement after the first one committed) that
    // there is no such announcement in force: either way, one withdrawal is recorded
    const refusal = refusals[0] as DomainError;
    expect(
      refusal instanceof NotFoundError || refusal.messageKey === "community.errors.already_withdrawn",
    ).toBe(true);
    const audited = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "announcement.withdrawn")));
    expect(audited).toHaveLength(1);
  });
});
