// The mentor certification track (issue #18): progress counted from hand-made evidence, who may review
// a feedback meeting and read a review, certification that issues a mentor certificate which verifies
// (public page, PDF, Open Badges credential), its refusals, and revocation.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../platform/db/client";
import { type DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { emails } from "../../platform/mail/schema";
import { personalDataHooks } from "../../platform/personal-data";
import type { Actor } from "../../platform/policy";
import { useTestDatabase } from "../../platform/testing/database";
import {
  certificateCredential,
  certificateForDownload,
  certificatePdf,
  learnerHome,
  publishedIssuer,
  publishedStatusList,
  revokeCertificate,
  verifyCertificate,
} from "../learning";
import { verifyCredential } from "../learning/open-badges";
import { certificates, cohorts, courses, registrations } from "../learning/schema";
import { ensureObservationSetup } from "../observation";
import { actionSteps, feedbackMeetings, instrumentVersions, observations } from "../observation/schema";
import { actorOf, makeWorld } from "../people/testing";
import {
  acknowledgeReview,
  addCandidate,
  addRequirement,
  candidacyPage,
  certifyCandidacy,
  createTrack,
  recordInterview,
  reviewForm,
  reviewPage,
  reviewsHome,
  setSupervisor,
  trackCards,
  trackPage,
  writeReview,
} from ".";
import { feedbackReviews, mentorCandidacies } from "./schema";

useTestDatabase();

type World = Awaited<ReturnType<typeof makeWorld>>;
let w: World;
const a: Record<string, Actor> = {};
const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

let courseId = "";
let otherCourseId = "";
let versionId = "";
let stepId = "";

async function course(title: string) {
  const id = newId();
  await db()
    .insert(courses)
    .values({
      id,
      organizationId: w.org.id,
      kind: "course",
      title,
      slug: `curso-${id}`,
      hours: 20,
      level: "introductory",
      modality: "online",
      createdBy: w.coordinator.id,
    });
  return id;
}

/** A course certificate held by the person (revoked when said). */
/** `publicEmail`: a registration made without signing in, under that address (no person on it) */
async function courseCertificate(personId: string, ofCourse: string, revoked = false, publicEmail?: string) {
  const cohortId = newId();
  await db().insert(cohorts).values({
    id: cohortId,
    organizationId: w.org.id,
    courseId: ofCourse,
    name: "2026",
    startsOn: "2026-03-01",
    endsOn: "2026-04-01",
  });
  const registrationId = newId();
  await db()
    .insert(registrations)
    .values({
      id: registrationId,
      organizationId: w.org.id,
      cohortId,
      personId: publicEmail ? null : personId,
      fullName: "Quien Sea",
      email: publicEmail?.toLowerCase() ?? `r${registrationId}@example.cl`,
      country: "CL",
      role: "leader",
      status: "confirmed",
      position: 1,
      cancelTokenHash: `c${registrationId}`,
    });
  await db()
    .insert(certificates)
    .values({
      id: newId(),
      organizationId: w.org.id,
      kind: "course",
      registrationId,
      cohortId,
      personId: publicEmail ? null : personId,
      code: `T${registrationId.slice(-4)}-AAAA-BBBB`.toUpperCase(),
      holderName: "Quien Sea",
      courseTitle: "Curso",
      hours: 20,
      startsOn: "2026-03-01",
      endsOn: "2026-04-01",
      signerName: "Firma",
      signerTitle: "",
      statusIndex: Math.floor(Math.random() * 100_000),
      downloadTokenHash: `d${registrationId}`,
      issuedAt: new Date("2026-04-02T12:00:00Z"),
      issuedBy: w.coordinator.id,
      revokedAt: revoked ? new Date("2026-04-03T12:00:00Z") : null,
    });
}

/** A feedback meeting held by the observer in school A at the given instant. */
async function meeting(observerId: string, heldAt: string) {
  const observationId = newId();
  await db()
    .insert(observations)
    .values({
      id: observationId,
      organizationId: w.org.id,
      schoolId: w.schoolA.id,
      teacherId: w.teacherA.id,
      observerId,
      instrumentVersionId: versionId,
      purpose: "formativa",
      course: "4° básico",
      subject: "Lenguaje",
      status: "submitted",
      startedAt: new Date(heldAt),
      submittedAt: new Date(heldAt),
    });
  const id = newId();
  await db()
    .insert(feedbackMeetings)
    .values({
      id,
      organizationId: w.org.id,
      schoolId: w.schoolA.id,
      observationId,
      teacherId: w.teacherA.id,
      observerId,
      heldAt: new Date(heldAt),
      praise: "Elogio preciso de la pregunta de cierre",
      actionStepId: stepId,
      plan: "Practicar la señal de silencio",
      practiced: true,
    });
  return id;
}

const review = (checked = true) => ({
  precisePraise: checked ? "on" : "",
  oneActionStep: "on",
  practiced: "on",
  followUpSet: "",
  feedback: "El elogio fue preciso; faltó fijar el seguimiento.",
});

let trackId = "";
let candidacyId = "";
const meetings: string[] = [];

beforeAll(async () => {
  w = await makeWorld();
  for (const [k, p] of Object.entries(w))
    if (p && typeof p === "object" && "email" in p) a[k] = await actorOf(p.id);
  await ensureObservationSetup(w.org.id);
  const [version] = await db()
    .select({ id: instrumentVersions.id })
    .from(instrumentVersions)
    .where(eq(instrumentVersions.status, "published"))
    .limit(1);
  versionId = version?.id as string;
  stepId = newId();
  await db()
    .insert(actionSteps)
    .values({
      id: stepId,
      organizationId: w.org.id,
      schoolId: w.schoolA.id,
      teacherId: w.teacherA.id,
      title: "Señal de silencio",
      status: "open",
      openedAt: new Date("2026-01-10T12:00:00Z"),
    });
  courseId = await course("Retroalimentación efectiva");
  otherCourseId = await course("Otro curso");
});

describe("the certification track", () => {
  it("is configured by coordinators only, field by field", async () => {
    expect(await errorOf(createTrack(a.leaderA as Actor, { title: "X", hours: "10" }))).toBeInstanceOf(
      NotFoundError,
    );
    const bad = (await errorOf(
      createTrack(a.coordinator as Actor, { title: "", hours: "0" }),
    )) as ValidationError;
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.fieldErrors).toMatchObject({ title: "errors.required", hours: "mentoringTrack.errors.hours" });
    trackId = (
      await createTrack(a.coordinator as Actor, {
        title: "Diplomado de mentoría",
        description: "Para mentores",
        hours: "120",
        signerName: "Directora",
        signerTitle: "Directora ejecutiva",
        programId: "",
      })
    ).id;
    await addRequirement(a.coordinator as Actor, trackId, { kind: "course_completed", courseId });
    await addRequirement(a.coordinator as Actor, trackId, { kind: "meetings_recorded", count: "3" });
    await addRequirement(a.coordinator as Actor, trackId, { kind: "meetings_reviewed", count: "2" });
    await addRequirement(a.coordinator as Actor, trackId, { kind: "final_interview" });
    const twice = (await errorOf(
      addRequirement(a.coordinator as Actor, trackId, { kind: "final_interview" }),
    )) as DomainError;
    expect(twice.messageKey).toBe("mentoringTrack.errors.requirement_twice");
    const noCount = (await errorOf(
      addRequirement(a.coordinator as Actor, trackId, { kind: "meetings_recorded", count: "0" }),
    )) as ValidationError;
    expect(noCount.fieldErrors).toEqual({ count: "mentoringTrack.errors.count" });
    const page = await trackPage(a.coordinator as Actor, trackId);
    expect(page.requirements.map((r) => [r.position, r.kind, r.count])).toEqual([
      [1, "course_completed", null],
      [2, "meetings_recorded", 3],
      [3, "meetings_reviewed", 2],
      [4, "final_interview", null],
    ]);
    expect(await errorOf(trackPage(a.otherCoordinator as Actor, trackId))).toBeNull();
    expect(await errorOf(trackPage(a.leaderA as Actor, trackId))).toBeInstanceOf(NotFoundError);
  });

  it("counts progress from the evidence, requirement by requirement", async () => {
    candidacyId = (
      await addCandidate(a.coordinator as Actor, trackId, { email: w.leaderA.email, startedOn: "2026-05-01" })
    ).id;
    const again = (await errorOf(
      addCandidate(a.coordinator as Actor, trackId, { email: w.leaderA.email, startedOn: "2026-05-01" }),
    )) as ValidationError;
    expect(again.fieldErrors).toEqual({ email: "mentoringTrack.errors.already_candidate" });
    // evidence that does not count: a revoked certificate of the course, another course's, meetings
    // before the candidacy started, someone else's meetings
    await courseCertificate(w.leaderA.id, courseId, true);
    await courseCertificate(w.leaderA.id, otherCourseId);
    await meeting(w.leaderA.id, "2026-04-20T15:00:00Z");
    await meeting(w.mentorA.id, "2026-06-20T15:00:00Z");
    let page = await candidacyPage(a.leaderA as Actor, candidacyId);
    expect(page.items.map((i) => [i.kind, i.have, i.need, i.met])).toEqual([
      ["course_completed", 0, 1, false],
      ["meetings_recorded", 0, 3, false],
      ["meetings_reviewed", 0, 2, false],
      ["final_interview", 0, 1, false],
    ]);
    // the course taken through the public form, without signing in: her address is on the registration
    await courseCertificate(w.leaderA.id, courseId, false, w.leaderA.email);
    for (const at of [
      "2026-05-02T15:00:00Z",
      "2026-05-20T15:00:00Z",
      "2026-06-10T15:00:00Z",
      "2026-06-11T15:00:00Z",
    ])
      meetings.push(await meeting(w.leaderA.id, at));
    page = await candidacyPage(a.leaderA as Actor, candidacyId);
    expect(page.items.map((i) => [i.kind, i.have, i.need, i.met])).toEqual([
      ["course_completed", 1, 1, true],
      ["meetings_recorded", 4, 3, true],
      ["meetings_reviewed", 0, 2, false],
      ["final_interview", 0, 1, false],
    ]);
    expect(page.complete).toBe(false);
    // each linked to its evidence: the course's certificate, the four meetings and their observations
    expect(page.evidence.certificates.map((c) => c.courseId)).toEqual([courseId]);
    expect(page.evidence.meetings.map((m) => m.id).sort()).toEqual([...meetings].sort());
  });

  it("lets the coordinator advising the school or the candidacy's supervisor review a meeting, nobody else", async () => {
    const m0 = meetings[0] as string;
    // the observer, a mentor of the school, a teacher, the coordinator of another school: 404
    for (const who of ["leaderA", "mentorA", "teacherA", "otherCoordinator", "leaderB"])
      expect(await errorOf(reviewForm(a[who] as Actor, m0)), who).toBeInstanceOf(NotFoundError);
    expect(await errorOf(writeReview(a.otherCoordinator as Actor, m0, review()))).toBeInstanceOf(
      NotFoundError,
    );
    // a coordinator advising school A reviews; once
    const form = await reviewForm(a.coordinator as Actor, m0);
    expect(form.meeting.praise).toContain("Elogio preciso");
    const first = await writeReview(a.coordinator as Actor, m0, review());
    const twice = (await errorOf(writeReview(a.coordinator as Actor, m0, review()))) as DomainError;
    expect(twice.messageKey).toBe("mentoringTrack.errors.already_reviewed");
    const empty = (await errorOf(
      writeReview(a.coordinator as Actor, meetings[1] as string, { ...review(), feedback: " " }),
    )) as ValidationError;
    expect(empty.fieldErrors).toEqual({ feedback: "errors.required" });
    // a supervisor must be a coordinator or a certified mentor, not the candidate
    const notCertified = (await errorOf(
      setSupervisor(a.coordinator as Actor, candidacyId, { supervisorEmail: w.mentorA.email }),
    )) as ValidationError;
    expect(notCertified.fieldErrors).toEqual({ supervisorEmail: "mentoringTrack.errors.supervisor_role" });
    expect(
      await errorOf(setSupervisor(a.leaderA as Actor, candidacyId, { supervisorEmail: "" })),
    ).toBeInstanceOf(NotFoundError);
    await setSupervisor(a.coordinator as Actor, candidacyId, { supervisorEmail: w.otherCoordinator.email });
    // the supervisor (advising another school) now reads the meeting's record and reviews it
    expect((await reviewForm(a.otherCoordinator as Actor, m0)).meeting.step).toBe("Señal de silencio");
    const second = await writeReview(a.otherCoordinator as Actor, meetings[1] as string, review(false));
    // the supervisor reads the candidate's progress, not someone else's meetings
    expect(await errorOf(candidacyPage(a.otherCoordinator as Actor, candidacyId))).toBeNull();
    expect(await errorOf(candidacyPage(a.teacherA as Actor, candidacyId))).toBeInstanceOf(NotFoundError);
    const others = await meeting(w.mentorA.id, "2026-06-21T15:00:00Z");
    expect(await errorOf(reviewForm(a.otherCoordinator as Actor, others))).toBeInstanceOf(NotFoundError);

    // a review: its reviewer and the observer read it; the observer marks it read; anyone else 404
    for (const who of ["teacherA", "mentorA", "leaderB", "admin"])
      expect(await errorOf(reviewPage(a[who] as Actor, first.id)), who).toBeInstanceOf(NotFoundError);
    expect(await errorOf(reviewPage(a.otherCoordinator as Actor, first.id))).toBeInstanceOf(NotFoundError);
    const seen = await reviewPage(a.leaderA as Actor, second.id);
    expect(seen.review.checklist).toEqual({
      precisePraise: false,
      oneActionStep: true,
      practiced: true,
      followUpSet: false,
    });
    expect(seen.can.acknowledge).toBe(true);
    // the home page's cards: the observer has two reviews unread; a teacher has nothing of the track
    expect(await trackCards(a.leaderA as Actor)).toEqual({
      certification: true,
      reviews: true,
      unreadReviews: 2,
    });
    expect(await trackCards(a.teacherA as Actor)).toEqual({
      certification: false,
      reviews: false,
      unreadReviews: 0,
    });
    expect((await trackCards(a.otherCoordinator as Actor)).reviews).toBe(true);
    expect(await errorOf(acknowledgeReview(a.otherCoordinator as Actor, second.id))).toBeInstanceOf(
      NotFoundError,
    );
    await acknowledgeReview(a.leaderA as Actor, second.id);
    const [stored] = await db().select().from(feedbackReviews).where(eq(feedbackReviews.id, second.id));
    expect(stored?.readAt).not.toBeNull();
    // the observer was told by email, with the link and not the feedback
    const mail = await db().select().from(emails).where(eq(emails.toAddress, w.leaderA.email));
    expect(mail.some((e) => e.textBody.includes(`/mentoria/revisiones/${second.id}`))).toBe(true);
    expect(mail.some((e) => e.textBody.includes("faltó fijar"))).toBe(false);
    // lists: received by the observer, to review for the supervisor (the two left)
    const home = await reviewsHome(a.leaderA as Actor);
    expect(home?.received.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    const supervisor = await reviewsHome(a.otherCoordinator as Actor);
    expect(supervisor?.toReview.map((m) => m.id).sort()).toEqual([meetings[2], meetings[3], m0].sort());
    expect(await reviewsHome(a.teacherA as Actor)).toBeNull();
  });

  it("refuses to certify an incomplete track, then certifies once and issues a mentor certificate that verifies", async () => {
    const page = await candidacyPage(a.coordinator as Actor, candidacyId);
    expect(page.items.map((i) => [i.have, i.met])).toEqual([
      [1, true],
      [4, true],
      [2, true],
      [0, false],
    ]);
    const incomplete = (await errorOf(certifyCandidacy(a.coordinator as Actor, candidacyId))) as DomainError;
    expect(incomplete.messageKey).toBe("mentoringTrack.errors.incomplete");
    expect(
      await db()
        .select()
        .from(certificates)
        .where(and(eq(certificates.personId, w.leaderA.id), eq(certificates.kind, "mentor"))),
    ).toHaveLength(0);
    const badDate = (await errorOf(
      recordInterview(a.coordinator as Actor, candidacyId, { interviewOn: "2026-04-01", interviewNotes: "" }),
    )) as ValidationError;
    expect(badDate.fieldErrors).toEqual({ interviewOn: "mentoringTrack.errors.interview_date" });
    for (const impossible of ["2026-13-45", "2026-02-30", "0000-00-00"]) {
      const refused = (await errorOf(
        recordInterview(a.coordinator as Actor, candidacyId, { interviewOn: impossible }),
      )) as ValidationError;
      expect(refused.fieldErrors, impossible).toEqual({ interviewOn: "mentoringTrack.errors.date_invalid" });
    }
    expect(
      await errorOf(recordInterview(a.leaderA as Actor, candidacyId, { interviewOn: "2026-06-15" })),
    ).toBeInstanceOf(NotFoundError);
    await recordInterview(a.coordinator as Actor, candidacyId, {
      interviewOn: "2026-06-15",
      interviewNotes: "Muy bien",
    });
    expect(await errorOf(certifyCandidacy(a.otherCoordinator as Actor, "not-an-id"))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await errorOf(certifyCandidacy(a.leaderA as Actor, candidacyId))).toBeInstanceOf(NotFoundError);

    const issued = await certifyCandidacy(
      a.coordinator as Actor,
      candidacyId,
      new Date("2026-07-01T15:00:00Z"),
    );
    const again = (await errorOf(certifyCandidacy(a.coordinator as Actor, candidacyId))) as DomainError;
    expect(again.messageKey).toBe("mentoringTrack.errors.already_certified");
    const [candidacy] = await db()
      .select()
      .from(mentorCandidacies)
      .where(eq(mentorCandidacies.id, candidacyId));
    expect(candidacy?.certificateId).toBe(issued.certificateId);
    expect(candidacy?.certifiedBy).toBe(w.coordinator.id);
    const [row] = await db().select().from(certificates).where(eq(certificates.id, issued.certificateId));
    expect(row).toMatchObject({
      kind: "mentor",
      personId: w.leaderA.id,
      registrationId: null,
      courseTitle: "Diplomado de mentoría",
      hours: 120,
      startsOn: "2026-05-01",
      endsOn: "2026-07-01",
      signerName: "Directora",
      holderName: `${w.leaderA.givenNames} ${w.leaderA.familyNames}`,
    });

    // the public page says valid
    const verified = await verifyCertificate(issued.code.toLowerCase());
    expect(verified).toMatchObject({ status: "valid", courseTitle: "Diplomado de mentoría", hours: 120 });
    // the holder downloads it signed in; a teacher cannot; the emailed link works
    const mine = await certificateForDownload(issued.code, { actor: a.leaderA as Actor });
    expect(await errorOf(certificateForDownload(issued.code, { actor: a.teacherA as Actor }))).toBeInstanceOf(
      NotFoundError,
    );
    const mail = await db().select().from(emails).where(eq(emails.toAddress, w.leaderA.email));
    const link = mail.map((e) => e.textBody.match(/descargar\?clave=([\w-]+)/)?.[1]).find(Boolean) as string;
    expect(link).toBeTruthy();
    await certificateForDownload(issued.code, { token: link });
    const pdf = await certificatePdf(mine, "es-CL");
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    // the credential verifies against the issuer's published key and revocation list
    const fetchText = async (url: string) =>
      url.endsWith("/revocaciones")
        ? publishedStatusList(w.org.id)
        : JSON.stringify(await publishedIssuer(w.org.id));
    const jwt = await certificateCredential(mine, "es-CL");
    const result = await verifyCredential(jwt, { fetchText });
    expect(result.valid).toBe(true);
    if (result.valid)
      expect(result.credential.credentialSubject.achievement.name).toBe("Diplomado de mentoría");
    // the holder's certificates
    const home = await learnerHome({ id: w.leaderA.id, email: w.leaderA.email, organizationId: w.org.id });
    expect(home.certificates.map((c) => c.code)).toContain(issued.code);

    // a coordinator revokes it: the public page says revoked, the credential does not verify
    expect(
      await errorOf(revokeCertificate(a.leaderA as Actor, issued.certificateId, { reason: "x" })),
    ).toBeInstanceOf(NotFoundError);
    await revokeCertificate(a.coordinator as Actor, issued.certificateId, { reason: "Error de registro" });
    expect((await verifyCertificate(issued.code))?.status).toBe("revoked");
    const after = await verifyCredential(jwt, { fetchText });
    expect(after).toMatchObject({ valid: false, reason: "revoked" });
    expect(
      (await candidacyPage(a.leaderA as Actor, candidacyId)).candidacy.certificate?.revokedAt,
    ).not.toBeNull();
  });

  it("puts a candidacy and its reviews in the person's archive, and erases them when the person is deleted", async () => {
    const hook = personalDataHooks().find((h) => h.name === "mentoring_track");
    if (!hook) throw new Error("no hook");
    const subject = (p: World["leaderA"]) => ({
      id: p.id,
      organizationId: w.org.id,
      givenNames: p.givenNames,
      familyNames: p.familyNames,
      email: p.email,
      rut: null,
    });
    const context = {
      personNames: async () => (id: string | null) => (id ? "Alguien" : null),
      schoolNames: async () => () => null,
    };
    const part = await hook.exportFor(db(), subject(w.leaderA), context);
    expect(part.json.mentorCandidacies).toMatchObject([
      { track: "Diplomado de mentoría", startedOn: "2026-05-01" },
    ]);
    expect(part.json.feedbackReviewsReceived).toHaveLength(2);
    // the mentor certificate is in learning's part of the archive
    const learning = personalDataHooks().find((h) => h.name === "learning");
    const learningPart = await learning?.exportFor(db(), subject(w.leaderA), context);
    expect((learningPart?.json.certificates as Array<{ course: string }>).map((c) => c.course)).toContain(
      "Diplomado de mentoría",
    );
    const written = await hook.exportFor(db(), subject(w.coordinator), context);
    expect(written.json.feedbackReviewsWritten).toHaveLength(1);
    const erase = (p: World["leaderA"]) =>
      db().transaction((tx) =>
        hook.anonymize(tx, subject(p), {
          now: new Date(),
          givenNames: "Persona",
          familyNames: "eliminada",
          email: "eliminada@invalid",
          marker: "[eliminado]",
          addresses: [],
          keepEmailIds: [],
        }),
      );
    await erase(w.otherCoordinator);
    const [review] = await db()
      .select({ feedback: feedbackReviews.feedback })
      .from(feedbackReviews)
      .where(eq(feedbackReviews.reviewerId, w.otherCoordinator.id));
    expect(review?.feedback).toBe("[eliminado]");
    await erase(w.leaderA);
    expect(
      await db().select().from(mentorCandidacies).where(eq(mentorCandidacies.personId, w.leaderA.id)),
    ).toEqual([]);
    expect(
      await db().select().from(feedbackReviews).where(eq(feedbackReviews.observerId, w.leaderA.id)),
    ).toEqual([]);
  });
});
