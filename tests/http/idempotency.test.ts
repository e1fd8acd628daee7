// Double submissions through the real server (issue #6): the form that starts a visit, sent twice with
// the key its page carried (a double click without JavaScript, a retry after a timeout), starts one
// visit, and both answers lead to it. Without a key, or with the next page's key, it is a new visit.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureObservationSetup } from "~/modules/observation";
import { instruments, observations } from "~/modules/observation/schema";
import { makeWorld } from "~/modules/people/testing";
import { db } from "~/platform/db/client";
import { useTestServer } from "./server";

const server = useTestServer();

describe("idempotency keys over HTTP", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  let fields: Record<string, string>;
  beforeAll(async () => {
    w = await makeWorld();
    await ensureObservationSetup(w.org.id);
    const [instrument] = await db()
      .select({ id: instruments.id })
      .from(instruments)
      .where(eq(instruments.organizationId, w.org.id));
    fields = {
      schoolId: w.schoolA.id,
      teacherId: w.teacherA.id,
      instrumentId: instrument?.id ?? "",
      course: "6° básico B",
      subject: "Historia",
      purpose: "formativa",
    };
  });
  const visitCount = async () =>
    (
      await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(observations)
        .where(and(eq(observations.teacherId, w.teacherA.id), eq(observations.course, "6° básico B")))
    )[0]?.n ?? 0;

  it("the page carries a key, and the same form sent twice at once starts one visit", async () => {
    const client = await server.current().as(w.leaderA.id);
    const page = await (await client.get(`/observaciones/nueva?establecimiento=${w.schoolA.id}`)).text();
    const key = /name="_key" value="([^"]+)"/.exec(page)?.[1];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const before = await visitCount();
    const answers = await Promise.all([
      client.post("/observaciones/nueva", { ...fields, _key: key as string }),
      client.post("/observaciones/nueva", { ...fields, _key: key as string }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    const [first, second] = answers.map((a) => a.headers.get("location"));
    expect(first).toMatch(/^\/observaciones\/[0-9a-f-]{36}$/);
    expect(second).toBe(first);
    expect(await visitCount()).toBe(before + 1);

    // A retry later (the answer was lost) leads to the same visit again.
    const retry = await client.post("/observaciones/nueva", { ...fields, _key: key as string });
    expect(retry.headers.get("location")).toBe(first);
    expect(await visitCount()).toBe(before + 1);

    // The next page load has a new key: a second visit is a second visit.
    const next = await (await client.get(`/observaciones/nueva?establecimiento=${w.schoolA.id}`)).text();
    const nextKey = /name="_key" value="([^"]+)"/.exec(next)?.[1];
    expect(nextKey).not.toBe(key);
    const another = await client.post("/observaciones/nueva", { ...fields, _key: nextKey as string });
    expect(another.headers.get("location")).not.toBe(first);
    expect(await visitCount()).toBe(before + 2);
  });

  it("a refused form keeps no key: corrected, it goes through", async () => {
    const client = await server.current().as(w.leaderA.id);
    const key = crypto.randomUUID();
    const before = await visitCount();
    const refused = await client.post("/observaciones/nueva", { ...fields, course: "", _key: key });
    expect(refused.status).toBe(400);
    expect(await visitCount()).toBe(before);
    // The very same body again is refused again, with its message (not taken for a received form).
    const again = await client.post("/observaciones/nueva", { ...fields, course: "", _key: key });
    expect(again.status).toBe(400);
    const page = await again.text();
    expect(page).toContain("Este campo es obligatorio.");
    expect(page).not.toContain("ya se había enviado");
    const fixed = await client.post("/observaciones/nueva", { ...fields, _key: key });
    expect(fixed.status).toBe(302);
    expect(await visitCount()).toBe(before + 1);
  });

  it("a key is replayed only to the session that sent it", async () => {
    const leader = await server.current().as(w.leaderA.id);
    const key = crypto.randomUUID();
    const before = await visitCount();
    const made = await leader.post("/observaciones/nueva", { ...fields, _key: key });
    expect(made.status).toBe(302);
    // The school's mentor sending the same form with the same key starts a visit of their own.
    const mentor = await server.current().as(w.mentorA.id);
    const theirs = await mentor.post("/observaciones/nueva", { ...fields, _key: key });
    expect(theirs.status).toBe(302);
    expect(theirs.headers.get("location")).not.toBe(made.headers.get("location"));
    expect(await visitCount()).toBe(before + 2);
    // A teacher of the school sending it is refused as before: teachers do not observe.
    const teacher = await server.current().as(w.teacherA2.id);
    expect((await teacher.post("/observaciones/nueva", { ...fields, _key: key })).status).toBe(404);
  });
});
