// The practices library (issue #17): who reads a practice (its author while a draft; its school, the
// network or everyone once published), consent blocking publication and its withdrawal unpublishing at
// once, Spanish search that ignores accents and understands word forms (on both engines: this file runs
// on PGlite and on PostgreSQL), filters, "me sirvió" told at most once a day, comments at a moment of a
// clip, a proposal from a visit that becomes the teacher's draft, featuring, and bad input field by field.
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { emails } from "../../platform/mail/schema";
import { type Actor, can } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import { sendDueDigests } from "../discussions";
import { discussionThreads } from "../discussions/schema";
import { ensureObservationSetup, saveVisit, startVisit } from "../observation";
import { instruments } from "../observation/schema";
import { actorsOf, makeWorld } from "../people/testing";
import {
  commentOnPractice,
  createPractice,
  featuredPractices,
  featurePractice,
  filtersFrom,
  momentOf,
  practiceFor,
  proposeFromVisit,
  publicPractice,
  publishPractice,
  recordConsent,
  searchPractices,
  toggleHelpful,
  updatePractice,
  withdrawConsent,
} from ".";
import { practices } from "./schema";

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
  db()
    .select({ subject: emails.subject, text: emails.textBody })
    .from(emails)
    .where(eq(emails.toAddress, address));

const practiceInput = (overrides: Record<string, unknown> = {}) => ({
  schoolId: w.schoolA.id,
  title: "Retroalimentación con tickets de salida",
  problem: "No sabía quiénes lograban el objetivo de la clase.",
  howTo: "1. Una pregunta al final.\n2. Tres montones de tarjetas.",
  level: "basica",
  grade: "6° básico",
  subject: "mathematics",
  mbeStandards: ["8"],
  stepCategories: ["feedback"],
  videoUrl: "",
  visibility: "network",
  showsStudents: "",
  ...overrides,
});

const search = (actor: Actor, query: string) =>
  searchPractices(actor, filtersFrom(new URLSearchParams(query))).then((r) =>
    r.practices.map((p) => p.title),
  );

beforeAll(async () => {
  w = await makeWorld();
  Object.assign(a, await actorsOf(w));
});

describe("a practice's life", () => {
  it("is its author's alone as a draft, then its audience's once published", async () => {
    const { id } = await createPractice(a.teacherA as Actor, practiceInput());
    for (const other of ["teacherA2", "leaderA", "teacherB", "coordinator", "otherLeader"])
      expect(await errorOf(practiceFor(a[other] as Actor, id))).toBeInstanceOf(NotFoundError);
    await publishPractice(a.teacherA as Actor, id);
    // the network: everyone of the organization, nobody of another
    for (const reader of ["teacherA2", "leaderA", "teacherB", "coordinator", "admin"])
      expect((await practiceFor(a[reader] as Actor, id)).practice.title).toContain("tickets");
    expect(await errorOf(practiceFor(a.otherLeader as Actor, id))).toBeInstanceOf(NotFoundError);
    // its comments' thread was opened in its author's name
    const [thread] = await db()
      .select()
      .from(discussionThreads)
      .where(and(eq(discussionThreads.spaceKind, "practice"), eq(discussionThreads.spaceId, id)));
    expect(thread?.authorId).toBe(w.teacherA.id);
  });

  it("for 'my school' is read by its staff and advising coordinator only", async () => {
    const { id } = await createPractice(
      a.teacherA as Actor,
      practiceInput({ visibility: "school", title: "Rutina de escuela A" }),
    );
    await publishPractice(a.teacherA as Actor, id);
    for (const reader of ["teacherA2", "leaderA", "mentorA", "coordinator"])
      expect((await practiceFor(a[reader] as Actor, id)).practice.title).toBe("Rutina de escuela A");
    for (const other of ["teacherB", "leaderB", "otherCoordinator", "admin"])
      expect(await errorOf(practiceFor(a[other] as Actor, id))).toBeInstanceOf(NotFoundError);
    expect(await search(a.teacherB as Actor, "q=rutina escuela")).not.toContain("Rutina de escuela A");
    expect(await search(a.teacherA2 as Actor, "q=rutina escuela")).toContain("Rutina de escuela A");
  });

  it("is shared only by a teacher or leader, in a school of theirs, with each bad field named", async () => {
    expect(await errorOf(createPractice(a.coordinator as Actor, practiceInput()))).toBeInstanceOf(
      NotFoundError,
    );
    const wrongSchool = await errorOf(
      createPractice(a.teacherA as Actor, practiceInput({ schoolId: w.schoolB.id })),
    );
    expect((wrongSchool as DomainError).fieldErrors.schoolId).toBe("practices.errors.school_not_yours");
    const bad = await errorOf(
      createPractice(
        a.teacherA as Actor,
        practiceInput({
          title: " ",
          howTo: "",
          videoUrl: "javascript:alert(1)",
          visibility: "everyone",
          mbeStandards: ["3"],
        }),
      ),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fieldErrors).toMatchObject({
      title: "errors.required",
      howTo: "errors.required",
      videoUrl: "practices.errors.video_url_invalid",
      visibility: "errors.invalid_choice",
    });
    expect(await db().select().from(practices).where(eq(practices.title, " "))).toEqual([]);
  });
});

describe("consent", () => {
  it("blocks publishing a practice that shows students until it is recorded, and withdrawing it unpublishes at once", async () => {
    const { id } = await createPractice(
      a.teacherA as Actor,
      practiceInput({ title: "Parejas con roles", showsStudents: "on" }),
    );
    const refused = await errorOf(publishPractice(a.teacherA as Actor, id));
    expect((refused as DomainError).messageKey).toBe("practices.errors.consent_required");
    expect(await errorOf(practiceFor(a.teacherA2 as Actor, id))).toBeInstanceOf(NotFoundError);
    // bad consent: each field named, nothing recorded
    const bad = await errorOf(
      recordConsent(a.teacherA as Actor, id, { consentBy: "", consentOn: "2999-01-01", consentUse: "" }),
    );
    // a day that does not exist, and an audience that does not either
    const impossible = await errorOf(
      recordConsent(a.teacherA as Actor, id, {
        consentBy: "x",
        consentOn: "2024-02-30",
        consentUse: "y",
        consentAudience: "everyone",
      }),
    );
    expect((impossible as ValidationError).fieldErrors).toMatchObject({
      consentOn: "practices.errors.date_invalid",
      consentAudience: "errors.invalid_choice",
    });
    // not a date at all (a field left as text by an old phone)
    const notADate = await errorOf(
      recordConsent(a.teacherA as Actor, id, {
        consentBy: "x",
        consentOn: "c925aa4b-fdfe-7c42",
        consentUse: "y",
        consentAudience: "network",
      }),
    );
    expect((notADate as ValidationError).fieldErrors.consentOn).toBe("practices.errors.date_invalid");
    expect((bad as ValidationError).fieldErrors).toMatchObject({
      consentBy: "errors.required",
      consentOn: "practices.errors.consent_in_future",
      consentUse: "errors.required",
    });
    // nobody but the author records consent
    expect(
      await errorOf(
        recordConsent(a.leaderA as Actor, id, { consentBy: "x", consentOn: "2026-11-02", consentUse: "y" }),
      ),
    ).toBeInstanceOf(NotFoundError);
    await recordConsent(a.teacherA as Actor, id, {
      consentBy: "Apoderados del 6° básico",
      consentOn: "2026-11-02",
      consentUse: "Compartir con docentes de la red",
      consentAudience: "network",
    });
    await publishPractice(a.teacherA as Actor, id);
    expect((await practiceFor(a.teacherA2 as Actor, id)).practice.status).toBe("published");
    // the colleague never sees the consent's details
    expect((await practiceFor(a.teacherA2 as Actor, id)).practice.consent).toBeNull();
    await withdrawConsent(a.teacherA as Actor, id);
    expect(await errorOf(practiceFor(a.teacherA2 as Actor, id))).toBeInstanceOf(NotFoundError);
    const [row] = await db().select().from(practices).where(eq(practices.id, id));
    expect(row?.status).toBe("draft");
    expect(await search(a.teacherA2 as Actor, "q=parejas roles")).toEqual([]);
    // nor by saying it no longer shows students
    const unticked = await errorOf(
      updatePractice(
        a.teacherA as Actor,
        id,
        practiceInput({ title: "Parejas con roles", showsStudents: "" }),
      ),
    );
    expect((unticked as ValidationError).fieldErrors.showsStudents).toBe("practices.errors.students_stay");
    // and it cannot be published again without a new consent
    expect(((await errorOf(publishPractice(a.teacherA as Actor, id))) as DomainError).messageKey).toBe(
      "practices.errors.consent_required",
    );
  });

  it("is required again when an edit says a published practice now shows students", async () => {
    const { id } = await createPractice(a.teacherA as Actor, practiceInput({ title: "Sin estudiantes aún" }));
    await publishPractice(a.teacherA as Actor, id);
    const { unpublished } = await updatePractice(
      a.teacherA as Actor,
      id,
      practiceInput({ title: "Sin estudiantes aún", showsStudents: "on" }),
    );
    expect(unpublished).toBe(true);
    expect(await errorOf(practiceFor(a.teacherA2 as Actor, id))).toBeInstanceOf(NotFoundError);
  });

  it("covers the audience it was given for: a wider one sends the practice back to draft", async () => {
    const { id } = await createPractice(
      a.teacherA as Actor,
      practiceInput({ title: "Video para la red", showsStudents: "on" }),
    );
    await recordConsent(a.teacherA as Actor, id, {
      consentBy: "Apoderados",
      consentOn: "2026-11-02",
      consentUse: "Solo docentes de la red, no internet",
      consentAudience: "network",
    });
    await publishPractice(a.teacherA as Actor, id);
    // to the school only: still covered
    expect(
      (
        await updatePractice(
          a.teacherA as Actor,
          id,
          practiceInput({ title: "Video para la red", showsStudents: "on", visibility: "school" }),
        )
      ).unpublished,
    ).toBe(false);
    // to everyone: not covered, back to draft, and not publishable
    expect(
      (
        await updatePractice(
          a.teacherA as Actor,
          id,
          practiceInput({ title: "Video para la red", showsStudents: "on", visibility: "public" }),
        )
      ).unpublished,
    ).toBe(true);
    expect(await publicPractice(id)).toBeNull();
    expect(((await errorOf(publishPractice(a.teacherA as Actor, id))) as DomainError).messageKey).toBe(
      "practices.errors.consent_required",
    );
  });

  it("is enforced by the database too", async () => {
    const { id } = await createPractice(
      a.teacherA as Actor,
      practiceInput({ title: "Guardia", showsStudents: "on" }),
    );
    await expect(
      db()
        .update(practices)
        .set({ status: "published", publishedAt: new Date() })
        .where(eq(practices.id, id)),
    ).rejects.toThrow();
  });
});

describe("search", () => {
  beforeAll(async () => {
    const share = async (title: string, problem: string, extra: Record<string, unknown> = {}) => {
      const { id } = await createPractice(
        a.leaderA as Actor,
        practiceInput({ title, problem, howTo: "Así se hace.", ...extra }),
      );
      await publishPractice(a.leaderA as Actor, id);
      return id;
    };
    await share("Cómo retroalimentar en voz alta", "Los estudiantes no entendían mis comentarios escritos.", {
      subject: "language",
      mbeStandards: ["8"],
    });
    await share("Observación entre pares", "Las observaciones se vivían como evaluación.", {
      level: "media",
      subject: "other",
      mbeStandards: ["9"],
    });
    await share("Niños que leen en voz alta en Ñuñoa", "La lectura fluida costaba.", {
      level: "parvularia",
      subject: "language",
      mbeStandards: [],
    });
    await share("Evaluación formativa en un minuto", "Las pruebas llegaban tarde.", {
      subject: "science",
      mbeStandards: [],
    });
  });

  it("never finds another school's 'my school' practice through a word that looks like a facet", async () => {
    const { id } = await createPractice(
      a.leaderA as Actor,
      practiceInput({
        title: "Open house de la escuela A",
        problem: "aud=open school open",
        visibility: "school",
      }),
    );
    await publishPractice(a.leaderA as Actor, id);
    expect(await search(a.teacherB as Actor, "q=open house")).toEqual([]);
    expect(await search(a.teacherA2 as Actor, "q=open house")).toEqual(["Open house de la escuela A"]);
  });

  it("ignores accents and case and understands word forms", async () => {
    const found = await search(a.teacherB as Actor, "q=retroalimentacion");
    expect(found).toContain("Retroalimentación con tickets de salida");
    expect(found).toContain("Cómo retroalimentar en voz alta");
    expect(await search(a.teacherB as Actor, "q=OBSERVACIONES")).toContain("Observación entre pares");
    expect(await search(a.teacherB as Actor, "q=ninos nunoa")).toEqual([
      "Niños que leen en voz alta en Ñuñoa",
    ]);
    // a word in no practice, and words the language drops (articles), find nothing and fail nothing
    expect(await search(a.teacherB as Actor, "q=astronáutica")).toEqual([]);
    expect(await search(a.teacherB as Actor, "q=de la")).toEqual([]);
    expect(await search(a.teacherB as Actor, `q=${encodeURIComponent("' OR 1=1 --")}`)).toEqual([]);
  });

  it("ranks a match in the title above one in the problem", async () => {
    // "evaluación" is in one's title, in the other's problem (published earlier or later, whichever)
    const found = await search(a.teacherB as Actor, "q=evaluacion");
    expect(found.slice(0, 2)).toEqual(["Evaluación formativa en un minuto", "Observación entre pares"]);
  });

  it("filters by level, asignatura, standard and school; a bad filter is ignored", async () => {
    expect(await search(a.teacherB as Actor, "nivel=media")).toEqual(["Observación entre pares"]);
    expect(await search(a.teacherB as Actor, "asignatura=language&estandar=8")).toEqual([
      "Cómo retroalimentar en voz alta",
    ]);
    expect(await search(a.teacherB as Actor, `establecimiento=${w.schoolB.id}`)).toEqual([]);
    expect((await search(a.teacherB as Actor, "nivel=<script>&estandar=99")).length).toBeGreaterThan(2);
  });
});

describe("colleagues", () => {
  let id: string;
  beforeAll(async () => {
    ({ id } = await createPractice(
      a.teacherA as Actor,
      practiceInput({ title: "Práctica con comentarios" }),
    ));
    await publishPractice(a.teacherA as Actor, id);
  });

  it("mark 'me sirvió' once each (not its author), and its author is told in their digest, at most once a day", async () => {
    expect(await errorOf(toggleHelpful(a.teacherA as Actor, id))).not.toBeNull();
    expect(await toggleHelpful(a.teacherA2 as Actor, id)).toEqual({ helpful: true });
    expect(await toggleHelpful(a.teacherB as Actor, id)).toEqual({ helpful: true });
    expect((await practiceFor(a.teacherA2 as Actor, id)).practice).toMatchObject({
      helpfulCount: 2,
      helpfulByMe: true,
    });
    // a day passes: everything that happened moves a day back
    const aDayBack = async () => {
      for (const table of ["discussion_posts", "practice_helpful"])
        await db().execute(
          sql`UPDATE ${sql.identifier(table)} SET created_at = created_at - interval '25 hours'`,
        );
      await db().execute(
        sql`UPDATE discussion_follows SET digested_at = digested_at - interval '25 hours', noted_at = noted_at - interval '25 hours'`,
      );
    };
    const digests = async () =>
      (await mailTo(w.teacherA.email)).filter((m) => m.text.includes("Práctica con comentarios"));
    await aDayBack();
    await sendDueDigests();
    await sendDueDigests();
    let mail = await digests();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain("Práctica con comentarios: a 2 colegas les sirvió");
    // a third mark right after waits for the next day, in the same one email a day
    expect(await toggleHelpful(a.leaderA as Actor, id)).toEqual({ helpful: true });
    await sendDueDigests();
    expect(await digests()).toHaveLength(1);
    await aDayBack();
    await sendDueDigests();
    mail = await digests();
    expect(mail).toHaveLength(2);
    expect(mail.map((m) => m.text).join("\n")).toContain("Práctica con comentarios: a 1 colega le sirvió");
    // taking it back
    expect(await toggleHelpful(a.teacherB as Actor, id)).toEqual({ helpful: false });
    expect((await practiceFor(a.teacherA as Actor, id)).practice.helpfulCount).toBe(2);
  });

  it("comment, pointing to a moment of the clip; a bad moment is refused where it was typed", async () => {
    await commentOnPractice(a.teacherB as Actor, id, { body: "Muy útil el cierre.", moment: "3:20" });
    const page = await practiceFor(a.teacherA as Actor, id);
    expect(page.comments.map((c) => [c.body, c.moment])).toEqual([["min 3:20 — Muy útil el cierre.", 200]]);
    const bad = await errorOf(commentOnPractice(a.teacherB as Actor, id, { body: "x", moment: "3:75" }));
    expect((bad as ValidationError).fieldErrors.moment).toBe("practices.errors.moment_invalid");
    expect(await errorOf(commentOnPractice(a.otherLeader as Actor, id, { body: "intruso" }))).toBeInstanceOf(
      NotFoundError,
    );
    expect(momentOf("lo vi en min 12:05 y luego")).toBe(725);
    expect(momentOf("sin momento")).toBeNull();
    // a time of day is not a moment of the clip
    expect(momentOf("nos vemos a las 10:30")).toBeNull();
  });

  it("are featured on the school's page by its leaders only", async () => {
    expect(await errorOf(featurePractice(a.teacherA2 as Actor, id, true))).not.toBeNull();
    expect(await errorOf(featurePractice(a.leaderB as Actor, id, true))).not.toBeNull();
    await featurePractice(a.leaderA as Actor, id, true);
    expect((await featuredPractices(a.teacherA2 as Actor, w.schoolA.id)).map((p) => p.title)).toContain(
      "Práctica con comentarios",
    );
    expect(await featuredPractices(a.teacherB as Actor, w.schoolA.id)).toEqual([]);
  });
});

describe("a public practice", () => {
  it("has a page for anyone, and only while it is public and published", async () => {
    const { id } = await createPractice(
      a.teacherA as Actor,
      practiceInput({ title: "Pública", visibility: "public" }),
    );
    expect(await publicPractice(id)).toBeNull();
    await publishPractice(a.teacherA as Actor, id);
    expect((await publicPractice(id))?.title).toBe("Pública");
    const network = await createPractice(a.teacherA as Actor, practiceInput({ title: "Solo red" }));
    await publishPractice(a.teacherA as Actor, network.id);
    expect(await publicPractice(network.id)).toBeNull();
    expect(await publicPractice("not-an-id")).toBeNull();
  });
});

describe("a proposal from a visit", () => {
  it("becomes a draft the teacher owns, told by email; only the visit's observer proposes, once", async () => {
    await ensureObservationSetup(w.org.id);
    const [instrument] = await db()
      .select()
      .from(instruments)
      .where(eq(instruments.organizationId, w.org.id));
    const visitId = await startVisit(a.leaderA as Actor, {
      schoolId: w.schoolA.id,
      teacherId: w.teacherA2.id,
      instrumentId: instrument?.id,
      course: "2° medio B",
      subject: "Historia",
      purpose: "formativa",
    });
    const proposal = {
      title: "Preguntas en cadena",
      problem: "Participaban siempre los mismos.",
      howTo: "Cada respuesta lleva a otra pregunta.",
    };
    // a draft visit: not yet
    expect(await errorOf(proposeFromVisit(a.leaderA as Actor, visitId, proposal))).toBeInstanceOf(
      NotFoundError,
    );
    await saveVisit(a.leaderA as Actor, visitId, "submit", { note: "Buena clase" });
    // only its observer
    expect(await errorOf(proposeFromVisit(a.coordinator as Actor, visitId, proposal))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await errorOf(proposeFromVisit(a.teacherA2 as Actor, visitId, proposal))).toBeInstanceOf(
      NotFoundError,
    );
    const bad = await errorOf(proposeFromVisit(a.leaderA as Actor, visitId, { ...proposal, title: "" }));
    expect((bad as ValidationError).fieldErrors.title).toBe("errors.required");
    const { id } = await proposeFromVisit(a.leaderA as Actor, visitId, proposal);
    const page = await practiceFor(a.teacherA2 as Actor, id);
    expect(page.practice).toMatchObject({ status: "draft", grade: "2° medio B", visibility: "school" });
    expect(page.can.edit).toBe(true);
    // the observer does not see the teacher's draft
    expect(await errorOf(practiceFor(a.leaderA as Actor, id))).toBeInstanceOf(NotFoundError);
    expect((await mailTo(w.teacherA2.email)).map((m) => m.subject)).toContain(
      "Le proponen compartir una práctica de su clase",
    );
    const again = await errorOf(proposeFromVisit(a.leaderA as Actor, visitId, proposal));
    expect(again).toBeInstanceOf(DomainError);
  });
});

describe("the policy", () => {
  it("lets nobody of another organization do anything with a practice", async () => {
    const [row] = await db().select().from(practices).where(eq(practices.status, "published")).limit(1);
    if (!row) throw new Error("no practice");
    const subject = {
      organizationId: row.organizationId,
      schoolId: row.schoolId,
      authorId: row.authorId,
      status: row.status,
      visibility: row.visibility,
    };
    for (const action of ["read", "edit", "react", "feature", "moderate"] as const)
      expect(can(a.otherLeader as Actor, action, "practice", subject)).toBe(false);
  });
});
