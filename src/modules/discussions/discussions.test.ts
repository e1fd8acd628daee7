// Discussions (issue #16 §8) in a cohort's space (learning is the host): who reads and writes, following
// with an email per post or a daily digest (sent once however many sweeps), reporting, hiding with a
// reason kept for the audit, and what is new on a person's home page.
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../platform/audit/schema";
import { db } from "../../platform/db/client";
import { type DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { createCohort, createCourse, enrolInCohort, publishCohort } from "../learning";
import { courseFacilitators, registrations } from "../learning/schema";
import { actorOf, makeWorld } from "../people/testing";
import { exportPersonalData } from "../privacy";
import {
  followedUpdates,
  hidePost,
  readThread,
  reply,
  reportPost,
  sendDueDigests,
  setFollow,
  spaceThreads,
  startThread,
} from ".";
import { discussionFollows, discussionPosts } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
const a: Record<string, Actor> = {};
let cohortId: string;
let threadId: string;

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );
/** The emails of the discussions to an address (not the enrolment's confirmation). */
const emailsTo = async (address: string) =>
  (await db().select().from(emails).where(eq(emails.toAddress, address))).filter(
    (e) => !e.subject.startsWith("Inscripción"),
  );

beforeAll(async () => {
  w = await makeWorld();
  for (const [k, id] of Object.entries({
    coordinator: w.coordinator.id,
    facilitator: w.facilitator.id,
    teacherA: w.teacherA.id,
    teacherB: w.teacherB.id,
    leaderA: w.leaderA.id,
    otherAdmin: w.otherAdmin.id,
  }))
    a[k] = await actorOf(id);
  const { id: courseId } = await createCourse(a.coordinator as Actor, {
    kind: "course",
    title: "Conversar para enseñar",
    slug: "conversar-para-ensenar",
    hours: "8",
    level: "introductory",
    modality: "online",
  });
  await db()
    .insert(courseFacilitators)
    .values({ courseId, personId: w.facilitator.id, organizationId: w.org.id });
  ({ id: cohortId } = await createCohort(a.coordinator as Actor, courseId, {
    name: "Única",
    startsOn: "2026-09-01",
    endsOn: "2099-09-30",
    capacity: "",
  }));
  await publishCohort(a.coordinator as Actor, cohortId);
  for (const who of [w.teacherA, w.teacherB])
    await enrolInCohort(a.coordinator as Actor, cohortId, {
      fullName: `${who.givenNames} ${who.familyNames}`,
      email: who.email,
      country: "CL",
      role: "teacher",
    });
});

describe("a cohort's discussion", () => {
  it("is for the cohort's participants and those who run it; anyone else finds nothing", async () => {
    const empty = await errorOf(
      startThread(a.teacherA as Actor, "cohort", cohortId, { title: " ", body: "" }),
    );
    expect((empty as ValidationError).fieldErrors).toEqual({
      title: "errors.required",
      body: "errors.required",
    });
    ({ id: threadId } = await startThread(a.teacherA as Actor, "cohort", cohortId, {
      title: "¿Cómo empiezan la clase?",
      body: "Yo parto con una pregunta. Más ideas en https://example.org/inicio.",
    }));
    for (const who of ["teacherB", "facilitator", "coordinator"]) {
      const space = await spaceThreads(a[who] as Actor, "cohort", cohortId);
      expect(space.threads.map((t) => [t.title, t.posts])).toEqual([["¿Cómo empiezan la clase?", 1]]);
    }
    for (const who of ["leaderA", "otherAdmin"]) {
      expect(await errorOf(spaceThreads(a[who] as Actor, "cohort", cohortId))).toBeInstanceOf(NotFoundError);
      expect(await errorOf(readThread(a[who] as Actor, threadId))).toBeInstanceOf(NotFoundError);
      expect(await errorOf(reply(a[who] as Actor, threadId, { body: "Intruso" }))).toBeInstanceOf(
        NotFoundError,
      );
    }
    expect(await errorOf(spaceThreads(a.teacherA as Actor, "school", cohortId))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it("emails each reply to those who chose every post, and shows what is new on the home page", async () => {
    await setFollow(a.teacherA as Actor, threadId, { mode: "post" });
    await reply(a.teacherB as Actor, threadId, { body: "Yo con un problema del día anterior." });
    const [mail] = await emailsTo(w.teacherA.email);
    expect(mail?.subject).toBe("Nuevo mensaje en «¿Cómo empiezan la clase?»");
    expect(mail?.textBody).toContain("Yo con un problema del día anterior.");
    expect(mail?.textBody).toContain(`/conversaciones/${threadId}`);
    // the one who wrote gets nothing
    expect(await emailsTo(w.teacherB.email)).toEqual([]);
    expect(await followedUpdates(a.teacherA as Actor)).toEqual([
      { threadId, title: "¿Cómo empiezan la clase?", newPosts: 1 },
    ]);
    const read = await readThread(a.teacherA as Actor, threadId);
    expect(read.posts.map((p) => p.author)).toEqual([
      `${w.teacherA.givenNames} ${w.teacherA.familyNames}`,
      `${w.teacherB.givenNames} ${w.teacherB.familyNames}`,
    ]);
    expect(read.follow).toBe("post");
    expect(await followedUpdates(a.teacherA as Actor)).toEqual([]);
    expect(await errorOf(setFollow(a.teacherA as Actor, threadId, { mode: "siempre" }))).toBeInstanceOf(
      ValidationError,
    );
  });

  it("sends one daily digest to those who follow that way, however many sweeps run", async () => {
    // teacher B follows with the digest since she replied; teacher A writes again
    await reply(a.teacherA as Actor, threadId, { body: "¡Buena idea!" });
    const later = new Date(Date.now() + 25 * 60 * 60_000);
    const [first, second] = await Promise.all([sendDueDigests(later), sendDueDigests(later)]);
    expect(first + second).toBe(1);
    expect(await sendDueDigests(later)).toBe(0);
    const digests = (await emailsTo(w.teacherB.email)).filter((e) => e.subject.startsWith("Novedades"));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.textBody).toContain("¿Cómo empiezan la clase?: 1 mensaje nuevo");
  });

  it("takes reports once, and lets moderators hide a post with a reason kept for the audit", async () => {
    // a reply (hiding the opening post hides the whole thread: below)
    const { posts } = await readThread(a.teacherA as Actor, threadId);
    const first = posts[1]?.id ?? "";
    expect(await errorOf(reportPost(a.teacherA as Actor, threadId, first, { reason: "" }))).toBeInstanceOf(
      ValidationError,
    );
    await reportPost(a.teacherA as Actor, threadId, first, { reason: "Publicidad" });
    const again = await errorOf(reportPost(a.teacherA as Actor, threadId, first, { reason: "Otra vez" }));
    expect((again as DomainError).messageKey).toBe("discussions.errors.already_reported");
    expect((await readThread(a.facilitator as Actor, threadId)).posts[1]).toMatchObject({
      reports: 1,
      reportReasons: ["Publicidad"],
    });
    expect((await readThread(a.teacherB as Actor, threadId)).posts[1]).toMatchObject({
      reports: 0,
      reportReasons: [],
    });
    // participants do not moderate
    expect(await errorOf(hidePost(a.teacherB as Actor, threadId, first, { reason: "No" }))).toBeInstanceOf(
      NotFoundError,
    );
    await hidePost(a.facilitator as Actor, threadId, first, { reason: "Un enlace comercial" });
    const asParticipant = (await readThread(a.teacherA as Actor, threadId)).posts[1];
    expect([asParticipant?.hidden, asParticipant?.body, asParticipant?.hiddenReason]).toEqual([
      true,
      "",
      null,
    ]);
    const asModerator = (await readThread(a.facilitator as Actor, threadId)).posts[1];
    expect(asModerator?.body).toContain("Yo con un problema del día anterior.");
    expect(asModerator?.hiddenReason).toBe("Un enlace comercial");
    const [stored] = await db().select().from(discussionPosts).where(eq(discussionPosts.id, first));
    expect(stored?.body).toContain("Yo con un problema del día anterior.");
    // a hidden reply leaves the thread as it was for everyone
    expect((await readThread(a.teacherA as Actor, threadId)).thread.hidden).toBe(false);
    const audited = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "discussion.post_hidden"), eq(auditEvents.subjectId, first)));
    expect(audited).toHaveLength(1);
  });
});

describe("someone who loses their place", () => {
  it("gets no more replies by email, no digest and no news on the home page", async () => {
    await setFollow(a.teacherA as Actor, threadId, { mode: "post" });
    const before = (await emailsTo(w.teacherA.email)).length;
    await db()
      .update(registrations)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(and(eq(registrations.cohortId, cohortId), eq(registrations.email, w.teacherA.email)));
    await reply(a.teacherB as Actor, threadId, { body: "¿Alguien más lo probó?" });
    expect((await emailsTo(w.teacherA.email)).length).toBe(before);
    expect(await followedUpdates(a.teacherA as Actor)).toEqual([]);
    // she can no longer change how she follows it (the thread is not hers to see); as if she had the digest:
    expect(await errorOf(setFollow(a.teacherA as Actor, threadId, { mode: "none" }))).toBeInstanceOf(
      NotFoundError,
    );
    await db()
      .update(discussionFollows)
      .set({ mode: "digest", digestedAt: new Date(Date.now() - 2 * 24 * 60 * 60_000) })
      .where(eq(discussionFollows.personId, w.teacherA.id));
    await sendDueDigests(new Date(Date.now() + 3 * 24 * 60 * 60_000));
    expect((await emailsTo(w.teacherA.email)).length).toBe(before);
  });
});

describe("a thread whose opening post is hidden", () => {
  it("is the moderators' alone: no title in the list, no page, no replies, no news", async () => {
    const { id } = await startThread(a.teacherB as Actor, "cohort", cohortId, {
      title: "Vendo planificaciones baratas",
      body: "Escríbanme por interno.",
    });
    await reply(a.facilitator as Actor, id, { body: "Este no es el lugar." });
    expect((await followedUpdates(a.teacherB as Actor)).map((u) => u.threadId)).toContain(id);
    const [opening] = (await readThread(a.facilitator as Actor, id)).posts;
    await hidePost(a.facilitator as Actor, id, opening?.id ?? "", { reason: "Publicidad" });

    const titles = async (who: string) =>
      (await spaceThreads(a[who] as Actor, "cohort", cohortId)).threads
        .filter((t) => t.id === id)
        .map((t) => [t.title, t.hidden]);
    expect(await titles("teacherB")).toEqual([]);
    expect(await titles("facilitator")).toEqual([["Vendo planificaciones baratas", true]]);
    // not even its author reads it now
    expect(await errorOf(readThread(a.teacherB as Actor, id))).toBeInstanceOf(NotFoundError);
    expect(await errorOf(reply(a.teacherB as Actor, id, { body: "¿Por qué?" }))).toBeInstanceOf(
      NotFoundError,
    );
    expect((await readThread(a.facilitator as Actor, id)).thread.hidden).toBe(true);
    const refused = await errorOf(reply(a.facilitator as Actor, id, { body: "Cerrado." }));
    expect((refused as DomainError).messageKey).toBe("discussions.errors.thread_hidden");
    expect((await followedUpdates(a.teacherB as Actor)).map((u) => u.threadId)).not.toContain(id);
    const [audited] = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "discussion.post_hidden"), eq(auditEvents.subjectId, opening?.id ?? "")),
      );
    expect(audited?.details).toMatchObject({ reason: "Publicidad", threadHidden: true });
    // nor in "Descargar mis datos": the replier's copy names no thread; its author's does
    const exported = async (who: "facilitator" | "teacherB") =>
      JSON.parse(
        strFromU8(
          unzipSync((await exportPersonalData(a[who] as Actor, w[who].id)).bytes)["datos.json"] as Uint8Array,
        ),
      ) as { posts: Array<{ thread: string | null; body: string }> };
    expect(
      (await exported("facilitator")).posts.find((p) => p.body === "Este no es el lugar.")?.thread,
    ).toBeNull();
    expect((await exported("teacherB")).posts.find((p) => p.body === "Escríbanme por interno.")?.thread).toBe(
      "Vendo planificaciones baratas",
    );
  });
});
