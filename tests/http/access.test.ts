// Every route, every kind of person: who gets the page, who gets 404 (or the sign-in page), and that a
// stranger's POST changes nothing. A route missing from ACCESS fails the first test.
import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { emailChanges } from "~/modules/accounts/schema";
import { addMilestone, createAdvisory, recordVisit, setAdvisoryStatus } from "~/modules/advisory";
import { advisories, advisoryMilestones, advisoryVisits } from "~/modules/advisory/schema";
import { publishAnnouncement } from "~/modules/community";
import { schoolAnnouncements } from "~/modules/community/schema";
import { startThread } from "~/modules/discussions";
import { discussionPosts, discussionThreads } from "~/modules/discussions/schema";
import { runFunderReport } from "~/modules/impact";
import { funderReports } from "~/modules/impact/schema";
import {
  addActivity,
  addLesson,
  addModule,
  attachLessonFile,
  createCohort,
  createCourse,
  planSession,
  publishCohort,
  registerForCohort,
  submitActivity,
  updateActivity,
} from "~/modules/learning";
import { describeCredential, verifyCredential } from "~/modules/learning/open-badges";
import {
  activitySubmissions,
  certificateRuns,
  certificates,
  cohorts,
  courseActivities,
  courseFacilitators,
  courseModules,
  courses,
  lessonCompletions,
  lessons,
  sessionAttendance,
} from "~/modules/learning/schema";
import { addCandidate, addRequirement, createTrack, logSession, writeReview } from "~/modules/mentoring";
import {
  feedbackReviews,
  mentorCandidacies,
  mentoringSessionComments,
  mentoringSessions,
  mentorPairings,
  mentorTrackRequirements,
  mentorTracks,
} from "~/modules/mentoring/schema";
import { createCalibration } from "~/modules/observation";
import {
  calibrationParticipants,
  calibrationScores,
  calibrations,
  catalogueSteps,
  feedbackMeetings,
  instruments,
  instrumentVersions,
  observationNotes,
  observations,
  schoolObservationSettings,
} from "~/modules/observation/schema";
import { memberships, persons, previewRosterImport, schools } from "~/modules/people";
import { coordinatorSchools, organizations, programs, rosterImports } from "~/modules/people/schema";
import { actorOf, makePerson, makeWorld, pair } from "~/modules/people/testing";
import { attachPracticeFile, createPractice, publishPractice } from "~/modules/practices";
import { practiceHelpful, practices } from "~/modules/practices/schema";
import { requestDeletion } from "~/modules/privacy";
import { privacyRequests } from "~/modules/privacy/schema";
import { answerPulse, openPulse } from "~/modules/wellbeing";
import { wellbeingAnswers, wellbeingPulses, wellbeingSupportRequests } from "~/modules/wellbeing/schema";
import { hashToken } from "~/platform/auth/tokens";
import { config } from "~/platform/config";
import { db } from "~/platform/db/client";
import { newId as newImpactId } from "~/platform/ids";
import { queueEmail } from "~/platform/mail/mail";
import { fileStore } from "~/platform/storage";
import { pdfPages } from "~/platform/testing/pdf";
import routes from "../../app/routes";
import { observationRecords } from "./observation-records";
import { useTestServer } from "./server";

type World = Awaited<ReturnType<typeof makeWorld>> & {
  emailId: string;
  importId: string;
  /** teacher A's visit by leader A, submitted, with its meeting */
  observationId: string;
  /** teacher A2's visit by leader A, submitted, waiting for its meeting */
  pendingId: string;
  /** teacher A2's visit by leader A, still a draft */
  draftId: string;
  /** teacher A2's pending request that their data be deleted */
  privacyRequestId: string;
  /** a published open workshop's public address, and its course */
  workshopSlug: string;
  courseId: string;
  cohortId: string;
  /** a second version of it (no place limit) with a live session, a confirmed registration and its certificate */
  runCohortId: string;
  sessionId: string;
  registrationId: string;
  certificateCode: string;
  /** a lesson of the workshop with a file; teacher A holds a confirmed place in the second version */
  lessonId: string;
  lessonFileId: string;
  /** a reflection of the workshop, and teacher A's answer to it (waiting for review) */
  activityId: string;
  submissionId: string;
  /** a thread teacher A started in the second version's discussion */
  threadId: string;
  /** leader A's announcement to school A */
  announcementId: string;
  /** leader A's well-being pulse for school A, answered by teacher A2 alone (a group under 5) */
  pulseId: string;
  /** teacher A's practice for school A ("my school"), published, with a file and a clip */
  practiceId: string;
  practiceFileId: string;
  /** teacher A's public practice, with a clip */
  publicPracticeId: string;
};
type Persona = Exclude<
  keyof World,
  | "org"
  | "schoolA"
  | "schoolB"
  | "otherOrg"
  | "otherSchool"
  | "emailId"
  | "importId"
  | "observationId"
  | "pendingId"
  | "draftId"
  | "privacyRequestId"
  | "workshopSlug"
  | "courseId"
  | "cohortId"
  | "runCohortId"
  | "sessionId"
  | "registrationId"
  | "certificateCode"
  | "lessonId"
  | "lessonFileId"
  | "activityId"
  | "submissionId"
  | "threadId"
  | "announcementId"
  | "pulseId"
  | "practiceId"
  | "practiceFileId"
  | "publicPracticeId"
>;
const PERSONAS: Persona[] = [
  "admin",
  "coordinator",
  "otherCoordinator",
  "leaderA",
  "leaderB",
  "mentorA",
  "teacherA",
  "teacherA2",
  "teacherB",
  "facilitator",
  "otherAdmin",
  "otherLeader",
];

interface Access {
  url: (w: World) => string;
  /** anyone, signed in or not */
  public?: boolean;
  /** signed-in personas who get the page (200); every other one gets 404 */
  allowed?: Persona[];
  /** for lists and pages every member may open: text of school A's teacher that must not leak to these */
  mustNotShow?: { to: Persona[]; text: (w: World) => string };
  /** a state-changing POST that strangers send, and a check that nothing changed */
  post?: { fields: (w: World) => Record<string, string>; unchanged: (w: World) => Promise<void> };
}

const everyone = PERSONAS;
/** Who has a well-being page: a school role, or a coordinator. */
const WELLBEING: Persona[] = PERSONAS.filter((p) => !["admin", "facilitator", "otherAdmin"].includes(p));
const pulseFields = (scope: string) => ({
  title: "Pulso de la escuela A",
  scope,
  days: "7",
  allowsText: "on",
  ...Object.fromEntries(
    ["belong", "successful", "myself", "helping", "cared"].map((k) => [`question_${k}`, "on"]),
  ),
});
/** The free text of teacher A2's answer, alone in its group: no route may ever show it. */
const ANONYMOUS_TEXT = "Texto anónimo distintivo 90417";
const ACCESS: Record<string, Access> = {
  "/": {
    url: () => "/",
    allowed: everyone,
    // leader A's pending meeting (teacher A2's visit) is on her home page only
    mustNotShow: {
      to: ["coordinator", "leaderB", "mentorA", "teacherA", "teacherA2", "teacherB", "otherLeader"],
      text: (w) => w.pendingId,
    },
  },
  ingresar: { url: () => "/ingresar", public: true },
  salir: { url: () => "/salir", public: true },
  recuperar: { url: () => "/recuperar", public: true },
  "restablecer/:token": { url: () => "/restablecer/token-invalido", public: true },
  "invitacion/:token": { url: () => "/invitacion/token-invalido", public: true },
  idioma: { url: () => "/idioma", public: true },
  personas: {
    url: () => "/personas",
    allowed: [
      "admin",
      "coordinator",
      "otherCoordinator",
      "leaderA",
      "leaderB",
      "mentorA",
      "otherAdmin",
      "otherLeader",
    ],
    mustNotShow: {
      to: ["otherCoordinator", "leaderB", "otherAdmin", "otherLeader"],
      text: (w) => w.teacherA.email,
    },
  },
  "personas/invitar": {
    url: () => "/personas/invitar",
    allowed: ["admin", "otherAdmin"],
    post: {
      fields: () => ({
        givenNames: "Intrusa",
        familyNames: "X",
        email: "intrusa@example.cl",
        role: "coordinator",
      }),
      unchanged: async () => {
        expect(await db().select().from(persons).where(eq(persons.email, "intrusa@example.cl"))).toEqual([]);
      },
    },
  },
  "personas/:personId": {
    url: (w) => `/personas/${w.teacherA.id}`,
    allowed: ["admin", "coordinator", "leaderA", "mentorA", "teacherA"],
    post: {
      fields: (w) => ({ intent: "add", role: "leader", schoolId: w.schoolA.id }),
      unchanged: async (w) => {
        const roles = await db().select().from(memberships).where(eq(memberships.personId, w.teacherA.id));
        expect(roles.map((r) => r.role)).toEqual(["teacher"]);
      },
    },
  },
  "personas/:personId/editar": {
    url: (w) => `/personas/${w.teacherA.id}/editar`,
    allowed: ["admin", "coordinator", "leaderA", "teacherA"],
    post: {
      fields: (w) => ({ givenNames: "Cambiado", familyNames: "Por Extraño", email: w.teacherA.email }),
      unchanged: async (w) => {
        const [p] = await db().select().from(persons).where(eq(persons.id, w.teacherA.id));
        expect(p.givenNames).toBe(w.teacherA.givenNames);
      },
    },
  },
  "personas/:personId/correo": {
    url: (w) => `/personas/${w.teacherA.id}/correo`,
    allowed: ["admin", "coordinator", "leaderA", "teacherA"],
    post: {
      fields: () => ({ intent: "propose", newEmail: "intrusa.propuesta@example.cl" }),
      unchanged: async (w) => {
        expect(
          await db().select().from(emailChanges).where(eq(emailChanges.personId, w.teacherA.id)),
        ).toEqual([]);
        const [p] = await db().select().from(persons).where(eq(persons.id, w.teacherA.id));
        expect(p.email).toBe(w.teacherA.email);
      },
    },
  },
  "correo/:token": { url: () => "/correo/token-invalido", public: true },
  "correo/deshacer/:token": { url: () => "/correo/deshacer/token-invalido", public: true },
  cursos: { url: () => "/cursos", allowed: ["coordinator", "otherCoordinator", "facilitator"] },
  "cursos/nuevo": {
    url: () => "/cursos/nuevo",
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: () => ({
        kind: "workshop",
        title: "Intruso",
        slug: "curso-intruso",
        hours: "2",
        level: "introductory",
        modality: "online",
      }),
      unchanged: async () => {
        expect(await db().select().from(courses).where(eq(courses.slug, "curso-intruso"))).toEqual([]);
      },
    },
  },
  "cursos/:courseId": {
    url: (w) => `/cursos/${w.courseId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
    post: {
      fields: () => ({
        intent: "cohort",
        name: "Versión intrusa",
        startsOn: "2099-01-01",
        endsOn: "2099-01-02",
      }),
      unchanged: async () => {
        expect(await db().select().from(cohorts).where(eq(cohorts.name, "Versión intrusa"))).toEqual([]);
      },
    },
  },
  "cursos/:courseId/versiones/:cohortId": {
    url: (w) => `/cursos/${w.courseId}/versiones/${w.runCohortId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
    post: {
      fields: () => ({ intent: "issue" }),
      unchanged: async (w) => {
        expect(
          await db().select().from(certificateRuns).where(eq(certificateRuns.cohortId, w.runCohortId)),
        ).toEqual([]);
      },
    },
  },
  "cursos/:courseId/informe": {
    url: (w) => `/cursos/${w.courseId}/informe?formato=xlsx`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
  },
  "cursos/:courseId/versiones/:cohortId/informe": {
    url: (w) => `/cursos/${w.courseId}/versiones/${w.runCohortId}/informe?formato=xlsx`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
  },
  "cursos/:courseId/sesiones/:sessionId/asistencia": {
    url: (w) => `/cursos/${w.courseId}/sesiones/${w.sessionId}/asistencia`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
    post: {
      fields: (w) => ({ intent: "mark", listed: w.registrationId, present: w.registrationId }),
      unchanged: async (w) => {
        expect(
          await db().select().from(sessionAttendance).where(eq(sessionAttendance.sessionId, w.sessionId)),
        ).toEqual([]);
      },
    },
  },
  "cursos/:courseId/contenido": {
    url: (w) => `/cursos/${w.courseId}/contenido`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
    post: {
      fields: () => ({ intent: "module", title: "Módulo intruso" }),
      unchanged: async () => {
        expect(
          await db().select().from(courseModules).where(eq(courseModules.title, "Módulo intruso")),
        ).toEqual([]);
      },
    },
  },
  "cursos/:courseId/lecciones/:lessonId": {
    url: (w) => `/cursos/${w.courseId}/lecciones/${w.lessonId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
    post: {
      fields: () => ({ intent: "save", title: "Lección intrusa" }),
      unchanged: async (w) => {
        const [lesson] = await db().select().from(lessons).where(eq(lessons.id, w.lessonId));
        expect(lesson.title).toBe("Lección de prueba");
      },
    },
  },
  "cursos/:courseId/lecciones/:lessonId/archivos/:fileId": {
    url: (w) => `/cursos/${w.courseId}/lecciones/${w.lessonId}/archivos/${w.lessonFileId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator", "teacherA"],
  },
  "cursos/:courseId/actividades/:activityId": {
    url: (w) => `/cursos/${w.courseId}/actividades/${w.activityId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
    post: {
      fields: () => ({ intent: "save", title: "Actividad intrusa" }),
      unchanged: async (w) => {
        const [activity] = await db()
          .select()
          .from(courseActivities)
          .where(eq(courseActivities.id, w.activityId));
        expect(activity.title).toBe("Reflexión de prueba");
      },
    },
  },
  "cursos/:courseId/versiones/:cohortId/actividades/:activityId": {
    url: (w) => `/cursos/${w.courseId}/versiones/${w.runCohortId}/actividades/${w.activityId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator"],
    post: {
      fields: (w) => ({ submissionId: w.submissionId, decision: "accepted", attempts: "1" }),
      unchanged: async (w) => {
        const [answer] = await db()
          .select()
          .from(activitySubmissions)
          .where(eq(activitySubmissions.id, w.submissionId));
        expect(answer.status).toBe("submitted");
      },
    },
  },
  "mis-cursos/:cohortId/actividades/:activityId": {
    url: (w) => `/mis-cursos/${w.runCohortId}/actividades/${w.activityId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator", "teacherA"],
    post: {
      fields: () => ({ body: "Respuesta intrusa" }),
      unchanged: async (w) => {
        const answers = await db()
          .select()
          .from(activitySubmissions)
          .where(eq(activitySubmissions.activityId, w.activityId));
        expect(answers.map((a) => a.body)).toEqual(["Mi reflexión de prueba."]);
      },
    },
  },
  "mis-cursos": { url: () => "/mis-cursos", allowed: everyone },
  "mis-cursos/:cohortId/conversacion": {
    url: (w) => `/mis-cursos/${w.runCohortId}/conversacion`,
    allowed: ["coordinator", "otherCoordinator", "facilitator", "teacherA"],
    post: {
      fields: () => ({ title: "Hilo intruso", body: "Hola" }),
      unchanged: async () => {
        expect(
          await db().select().from(discussionThreads).where(eq(discussionThreads.title, "Hilo intruso")),
        ).toEqual([]);
      },
    },
  },
  "conversaciones/:threadId": {
    url: (w) => `/conversaciones/${w.threadId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator", "teacherA"],
    post: {
      fields: () => ({ intent: "reply", body: "Respuesta intrusa" }),
      unchanged: async () => {
        expect(
          await db().select().from(discussionPosts).where(eq(discussionPosts.body, "Respuesta intrusa")),
        ).toEqual([]);
      },
    },
  },
  // The well-being pulse: whoever has a school role, and the coordinators; admins and facilitators
  // (no school role) get 404. Opening: coordinators and leaders. A pulse: who may answer it (its
  // school's staff) or see its results (its opener, the coordinators, its school's leaders).
  bienestar: {
    url: () => "/bienestar",
    allowed: WELLBEING,
    mustNotShow: { to: ["leaderB", "teacherB", "otherLeader"], text: (w) => w.pulseId },
  },
  "bienestar/nuevo": {
    url: () => "/bienestar/nuevo",
    allowed: ["coordinator", "otherCoordinator", "leaderA", "leaderB", "otherLeader"],
    post: {
      fields: (w) => ({ ...pulseFields(w.schoolA.id), title: "Pulso intruso" }),
      unchanged: async () => {
        expect(
          await db().select().from(wellbeingPulses).where(eq(wellbeingPulses.title, "Pulso intruso")),
        ).toEqual([]);
      },
    },
  },
  "bienestar/:pulseId": {
    url: (w) => `/bienestar/${w.pulseId}`,
    allowed: ["coordinator", "otherCoordinator", "leaderA", "mentorA", "teacherA", "teacherA2"],
    post: {
      fields: () => ({ intent: "close" }),
      unchanged: async (w) => {
        const [pulse] = await db()
          .select({ closedAt: wellbeingPulses.closedAt })
          .from(wellbeingPulses)
          .where(eq(wellbeingPulses.id, w.pulseId));
        expect(pulse?.closedAt).toBeNull();
      },
    },
  },
  "bienestar/apoyo": {
    url: () => "/bienestar/apoyo",
    allowed: WELLBEING,
    post: {
      fields: (w) => ({ intent: "request", schoolId: w.schoolA.id, message: "Solicitud intrusa" }),
      unchanged: async () => {
        expect(
          await db()
            .select()
            .from(wellbeingSupportRequests)
            .where(eq(wellbeingSupportRequests.message, "Solicitud intrusa")),
        ).toEqual([]);
      },
    },
  },
  // School advisories (module advisory, issue #18): school A's advisory, advised by the coordinator.
  // Coordinators of the organization read every advisory and edit it; only its advisors keep the
  // plan and visits; school A's leaders read it without the advisors' notes; everyone else: 404.
  asesorias: {
    url: () => "/asesorias",
    allowed: ["coordinator", "otherCoordinator", "leaderA", "leaderB", "otherLeader"],
    mustNotShow: { to: ["leaderB", "otherLeader"], text: () => advisorySetup.id },
  },
  "asesorias/nueva": {
    url: () => "/asesorias/nueva",
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: (w) => advisoryFields(w, "Asesoría intrusa"),
      unchanged: async () => {
        expect(await db().select().from(advisories).where(eq(advisories.title, "Asesoría intrusa"))).toEqual(
          [],
        );
      },
    },
  },
  "asesorias/:advisoryId": {
    url: () => `/asesorias/${advisorySetup.id}`,
    allowed: ["coordinator", "otherCoordinator", "leaderA"],
    mustNotShow: { to: ["leaderA"], text: () => ADVISORY_NOTE },
    post: {
      fields: () => ({ intent: "status", status: "closed" }),
      unchanged: async () => {
        const [row] = await db().select().from(advisories).where(eq(advisories.id, advisorySetup.id));
        expect(row?.status).toBe("active");
      },
    },
  },
  "asesorias/:advisoryId/editar": {
    url: () => `/asesorias/${advisorySetup.id}/editar`,
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: (w) => advisoryFields(w, "Asesoría intrusa"),
      unchanged: async () => {
        const [row] = await db().select().from(advisories).where(eq(advisories.id, advisorySetup.id));
        expect(row?.title).toBe("Asesoría de prueba");
      },
    },
  },
  "asesorias/:advisoryId/hitos/:milestoneId": {
    url: () => `/asesorias/${advisorySetup.id}/hitos/${advisorySetup.milestoneId}`,
    allowed: ["coordinator"],
    post: {
      fields: () => ({ intent: "remove" }),
      unchanged: async () => {
        expect(
          await db()
            .select()
            .from(advisoryMilestones)
            .where(eq(advisoryMilestones.id, advisorySetup.milestoneId)),
        ).toHaveLength(1);
      },
    },
  },
  "asesorias/:advisoryId/visitas/nueva": {
    url: () => `/asesorias/${advisorySetup.id}/visitas/nueva`,
    allowed: ["coordinator"],
    post: {
      fields: () => ({ visitedOn: "2026-10-01", notes: "Visita intrusa", agreements: "" }),
      unchanged: async () => {
        expect(
          await db().select().from(advisoryVisits).where(eq(advisoryVisits.notes, "Visita intrusa")),
        ).toEqual([]);
      },
    },
  },
  "asesorias/:advisoryId/visitas/:visitId": {
    url: () => `/asesorias/${advisorySetup.id}/visitas/${advisorySetup.visitId}`,
    allowed: ["coordinator"],
    post: {
      fields: () => ({ intent: "remove" }),
      unchanged: async () => {
        expect(
          await db().select().from(advisoryVisits).where(eq(advisoryVisits.id, advisorySetup.visitId)),
        ).toHaveLength(1);
      },
    },
  },
  comunidad: {
    url: () => "/comunidad",
    allowed: everyone,
    // school A's space is listed for its staff and its advising coordinator only
    mustNotShow: {
      to: ["admin", "otherCoordinator", "leaderB", "teacherB", "facilitator", "otherAdmin", "otherLeader"],
      text: (w) => `/comunidad/establecimientos/${w.schoolA.id}`,
    },
  },
  "comunidad/red": {
    url: () => "/comunidad/red",
    // each member reads their own organization's network
    allowed: everyone,
    mustNotShow: { to: ["otherAdmin", "otherLeader"], text: () => "Hilo de la red de prueba" },
  },
  "comunidad/establecimientos/:schoolId": {
    url: (w) => `/comunidad/establecimientos/${w.schoolA.id}`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA", "teacherA2"],
    post: {
      fields: () => ({ intent: "announce", title: "Aviso intruso", body: "Hola" }),
      unchanged: async () => {
        expect(
          await db().select().from(schoolAnnouncements).where(eq(schoolAnnouncements.title, "Aviso intruso")),
        ).toEqual([]);
      },
    },
  },
  "comunidad/avisos/:announcementId": {
    url: (w) => `/comunidad/avisos/${w.announcementId}`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA", "teacherA2"],
    post: {
      fields: () => ({ intent: "withdraw" }),
      unchanged: async (w) => {
        const [row] = await db()
          .select({ withdrawnAt: schoolAnnouncements.withdrawnAt })
          .from(schoolAnnouncements)
          .where(eq(schoolAnnouncements.id, w.announcementId));
        expect(row?.withdrawnAt).toBeNull();
      },
    },
  },
  practicas: {
    url: () => "/practicas",
    allowed: everyone,
    // school A's "my school" practice is found by its staff and its advising coordinator only
    mustNotShow: {
      to: ["admin", "otherCoordinator", "leaderB", "teacherB", "facilitator", "otherAdmin", "otherLeader"],
      text: () => "Práctica de la escuela A",
    },
  },
  "practicas/nueva": {
    url: () => "/practicas/nueva",
    allowed: ["leaderA", "leaderB", "teacherA", "teacherA2", "teacherB", "otherLeader"],
    post: {
      fields: (w) => ({
        schoolId: w.schoolA.id,
        title: "Práctica intrusa",
        problem: "x",
        howTo: "x",
        visibility: "network",
      }),
      unchanged: async () => {
        expect(await db().select().from(practices).where(eq(practices.title, "Práctica intrusa"))).toEqual(
          [],
        );
      },
    },
  },
  "practicas/mias": {
    url: () => "/practicas/mias",
    allowed: everyone,
    mustNotShow: {
      to: ["coordinator", "leaderA", "mentorA", "teacherA2", "teacherB", "otherLeader"],
      text: () => "Borrador de la práctica",
    },
  },
  "practicas/:practiceId": {
    url: (w) => `/practicas/${w.practiceId}`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA", "teacherA2"],
    post: {
      fields: () => ({ intent: "helpful" }),
      unchanged: async (w) => {
        expect(
          await db().select().from(practiceHelpful).where(eq(practiceHelpful.practiceId, w.practiceId)),
        ).toEqual([]);
      },
    },
  },
  "practicas/:practiceId/editar": {
    url: (w) => `/practicas/${w.practiceId}/editar`,
    allowed: ["teacherA"],
    post: {
      fields: () => ({ intent: "unpublish" }),
      unchanged: async (w) => {
        const [row] = await db()
          .select({ status: practices.status })
          .from(practices)
          .where(eq(practices.id, w.practiceId));
        expect(row?.status).toBe("published");
      },
    },
  },
  "practicas/:practiceId/video": {
    url: (w) => `/practicas/${w.practiceId}/video`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA", "teacherA2"],
  },
  "practicas/:practiceId/archivos/:fileId": {
    url: (w) => `/practicas/${w.practiceId}/archivos/${w.practiceFileId}`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA", "teacherA2"],
  },
  "practicas-publicas": { url: () => "/practicas-publicas", public: true },
  "practicas-publicas/:practiceId": { url: (w) => `/practicas-publicas/${w.publicPracticeId}`, public: true },
  "practicas-publicas/:practiceId/video": {
    url: (w) => `/practicas-publicas/${w.publicPracticeId}/video`,
    public: true,
  },
  "observaciones/:observationId/proponer-practica": {
    url: (w) => `/observaciones/${w.observationId}/proponer-practica`,
    allowed: ["leaderA"],
    post: {
      fields: () => ({ title: "Propuesta intrusa", problem: "x", howTo: "x" }),
      unchanged: async () => {
        expect(await db().select().from(practices).where(eq(practices.title, "Propuesta intrusa"))).toEqual(
          [],
        );
      },
    },
  },
  "mis-cursos/:cohortId": {
    url: (w) => `/mis-cursos/${w.runCohortId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator", "teacherA"],
  },
  "mis-cursos/:cohortId/lecciones/:lessonId": {
    url: (w) => `/mis-cursos/${w.runCohortId}/lecciones/${w.lessonId}`,
    allowed: ["coordinator", "otherCoordinator", "facilitator", "teacherA"],
    post: {
      fields: () => ({ done: "yes" }),
      unchanged: async (w) => {
        expect(
          await db().select().from(lessonCompletions).where(eq(lessonCompletions.lessonId, w.lessonId)),
        ).toEqual([]);
      },
    },
  },
  certificados: { url: () => "/certificados", public: true },
  "certificados/:code": { url: (w) => `/certificados/${w.certificateCode}`, public: true },
  "certificados/:code/descargar": {
    url: (w) => `/certificados/${w.certificateCode}/descargar`,
    allowed: ["coordinator", "otherCoordinator"],
  },
  "certificados/:code/credencial": {
    url: (w) => `/certificados/${w.certificateCode}/credencial`,
    allowed: ["coordinator", "otherCoordinator"],
  },
  "emisores/:organizationId": { url: (w) => `/emisores/${w.org.id}`, public: true },
  "emisores/:organizationId/revocaciones": { url: (w) => `/emisores/${w.org.id}/revocaciones`, public: true },
  talleres: { url: () => "/talleres", public: true },
  "talleres/:slug": { url: (w) => `/talleres/${w.workshopSlug}`, public: true },
  "inscripciones/cancelar/:token": { url: () => "/inscripciones/cancelar/token-invalido", public: true },
  "talleres/:slug/sesiones.ics": {
    url: (w) => `/talleres/${w.workshopSlug}/sesiones.ics?version=${w.cohortId}`,
    public: true,
  },
  "personas/:personId/mis-datos.zip": {
    url: (w) => `/personas/${w.teacherA.id}/mis-datos.zip`,
    allowed: ["teacherA"],
  },
  "personas/:personId/eliminar-datos": {
    url: (w) => `/personas/${w.teacherA.id}/eliminar-datos`,
    allowed: ["teacherA"],
    post: {
      fields: () => ({ confirm: "on", reason: "Pedido por otra persona" }),
      unchanged: async (w) => {
        expect(
          await db().select().from(privacyRequests).where(eq(privacyRequests.personId, w.teacherA.id)),
        ).toEqual([]);
      },
    },
  },
  establecimientos: {
    url: () => "/establecimientos",
    allowed: everyone,
    mustNotShow: {
      to: ["teacherB", "leaderB", "otherAdmin", "otherLeader"],
      text: (w) => `/establecimientos/${w.schoolA.id}`,
    },
  },
  "establecimientos/nuevo": {
    url: () => "/establecimientos/nuevo",
    allowed: ["admin", "coordinator", "otherCoordinator", "otherAdmin"],
  },
  "establecimientos/:schoolId": {
    url: (w) => `/establecimientos/${w.schoolA.id}`,
    allowed: ["admin", "coordinator", "otherCoordinator", "leaderA", "mentorA", "teacherA", "teacherA2"],
    post: {
      fields: (w) => ({ intent: "assign", coordinatorId: w.otherCoordinator.id }),
      unchanged: async (w) => {
        const rows = await db()
          .select()
          .from(coordinatorSchools)
          .where(eq(coordinatorSchools.schoolId, w.schoolA.id));
        expect(rows.map((r) => r.personId)).toEqual([w.coordinator.id]);
      },
    },
  },
  "establecimientos/:schoolId/editar": {
    url: (w) => `/establecimientos/${w.schoolA.id}/editar`,
    allowed: ["admin", "coordinator"],
    post: {
      fields: (w) => ({
        name: "Nombre Cambiado",
        rbd: String(w.schoolA.rbd),
        regionCode: "13",
        comunaCode: "13112",
        dependencia: "municipal_daem",
      }),
      unchanged: async (w) => {
        const [s] = await db().select().from(schools).where(eq(schools.id, w.schoolA.id));
        expect(s.name).toBe(w.schoolA.name);
      },
    },
  },
  "establecimientos/:schoolId/invitar": {
    url: (w) => `/establecimientos/${w.schoolA.id}/invitar`,
    allowed: ["admin", "coordinator", "leaderA"],
    post: {
      fields: () => ({
        givenNames: "Intruso",
        familyNames: "Y",
        email: "intruso@example.cl",
        role: "teacher",
      }),
      unchanged: async () => {
        expect(await db().select().from(persons).where(eq(persons.email, "intruso@example.cl"))).toEqual([]);
      },
    },
  },
  "establecimientos/:schoolId/importar": {
    url: (w) => `/establecimientos/${w.schoolA.id}/importar`,
    allowed: ["admin", "coordinator", "leaderA"],
    post: {
      fields: () => ({ file: "nombres;apellidos;correo\nIntrusa;Z;intrusa.import@example.cl" }),
      unchanged: async (w) => {
        const rows = await db().select().from(rosterImports).where(eq(rosterImports.schoolId, w.schoolA.id));
        expect(rows.map((r) => r.id)).toEqual([w.importId]);
      },
    },
  },
  "establecimientos/:schoolId/importar/ejemplo.csv": {
    url: (w) => `/establecimientos/${w.schoolA.id}/importar/ejemplo.csv`,
    allowed: ["admin", "coordinator", "leaderA"],
  },
  "establecimientos/:schoolId/importaciones/:importId": {
    url: (w) => `/establecimientos/${w.schoolA.id}/importaciones/${w.importId}`,
    allowed: ["admin", "coordinator", "leaderA"],
    post: {
      fields: () => ({ intent: "confirm" }),
      unchanged: async (w) => {
        const [row] = await db().select().from(rosterImports).where(eq(rosterImports.id, w.importId));
        expect(row.status).toBe("preview");
      },
    },
  },
  "establecimientos/:schoolId/importaciones/:importId/rechazadas.csv": {
    url: (w) => `/establecimientos/${w.schoolA.id}/importaciones/${w.importId}/rechazadas.csv`,
    allowed: ["admin", "coordinator", "leaderA"],
  },
  "personas/:personId/desarrollo": {
    url: (w) => `/personas/${w.teacherA.id}/desarrollo`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA"],
  },
  observaciones: {
    url: () => "/observaciones",
    allowed: ["leaderA", "leaderB", "mentorA", "otherLeader"],
    mustNotShow: { to: ["leaderB", "mentorA", "otherLeader"], text: (w) => w.observationId },
  },
  "observaciones/nueva": {
    url: () => "/observaciones/nueva",
    allowed: ["leaderA", "leaderB", "mentorA", "otherLeader"],
    mustNotShow: { to: ["leaderB", "otherLeader"], text: (w) => w.teacherA.id },
    post: {
      fields: (w) => ({
        schoolId: w.schoolA.id,
        teacherId: w.teacherA.id,
        instrumentId: "x",
        course: "1° A",
        subject: "Historia",
        purpose: "formativa",
      }),
      unchanged: async (w) => {
        const rows = await db().select().from(observations).where(eq(observations.teacherId, w.teacherA.id));
        expect(rows).toHaveLength(1);
      },
    },
  },
  // The offline capture page holds the teachers of the schools one observes (and their open steps).
  "observaciones/captura": {
    url: () => "/observaciones/captura",
    allowed: ["leaderA", "leaderB", "mentorA", "otherLeader"],
    mustNotShow: { to: ["leaderB", "otherLeader"], text: (w) => w.teacherA.id },
  },
  "observaciones/:observationId": {
    url: (w) => `/observaciones/${w.observationId}`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA"],
    post: {
      fields: () => ({ intent: "acknowledge" }),
      unchanged: async (w) => {
        const [m] = await db()
          .select()
          .from(feedbackMeetings)
          .where(eq(feedbackMeetings.observationId, w.observationId));
        expect(m.acknowledgedAt).toBeNull();
      },
    },
  },
  // The draft's queue of changes from the phone: its author alone (GET: what the server holds).
  "observaciones/:observationId/cambios": {
    url: (w) => `/observaciones/${w.draftId}/cambios`,
    allowed: ["leaderA"],
    post: {
      fields: () => ({ intent: "note", note: "Nota intrusa", _key: "intrusa-1" }),
      unchanged: async (w) => {
        const notes = await db()
          .select()
          .from(observationNotes)
          .where(eq(observationNotes.observationId, w.draftId));
        expect(notes.map((n) => n.body)).toEqual(["Evidencia secreta de la visita."]);
      },
    },
  },
  "observaciones/:observationId/reunion": {
    url: (w) => `/observaciones/${w.pendingId}/reunion`,
    allowed: ["leaderA"],
    post: {
      fields: () => ({
        heldOn: "2026-01-01",
        heldAtTime: "10:00",
        praise: "Intrusión",
        stepChoice: "custom",
        stepTitle: "Paso intruso",
      }),
      unchanged: async (w) => {
        const rows = await db()
          .select()
          .from(feedbackMeetings)
          .where(eq(feedbackMeetings.observationId, w.pendingId));
        expect(rows).toEqual([]);
      },
    },
  },
  // The cycle PDF: whoever may open the visit; another teacher of the school (teacherA2), another
  // school's leader, a coordinator who does not advise the school and another organization get 404.
  "observaciones/:observationId/ciclo.pdf": {
    url: (w) => `/observaciones/${w.observationId}/ciclo.pdf`,
    allowed: ["coordinator", "leaderA", "mentorA", "teacherA"],
  },
  "establecimientos/:schoolId/observacion": {
    url: (w) => `/establecimientos/${w.schoolA.id}/observacion`,
    allowed: ["coordinator", "leaderA"],
  },
  "establecimientos/:schoolId/observacion/metas": {
    url: (w) => `/establecimientos/${w.schoolA.id}/observacion/metas`,
    allowed: ["coordinator", "leaderA"],
    post: {
      fields: () => ({ visitEveryDays: "3", meetingWithinHours: "5", defaultPurpose: "evaluativa" }),
      unchanged: async (w) => {
        const rows = await db()
          .select()
          .from(schoolObservationSettings)
          .where(eq(schoolObservationSettings.schoolId, w.schoolA.id));
        expect(rows.filter((r) => r.visitEveryDays === 3)).toEqual([]);
      },
    },
  },
  "establecimientos/:schoolId/observacion/datos.csv": {
    url: (w) => `/establecimientos/${w.schoolA.id}/observacion/datos.csv`,
    allowed: ["coordinator", "leaderA"],
  },
  "establecimientos/:schoolId/observacion/datos.xlsx": {
    url: (w) => `/establecimientos/${w.schoolA.id}/observacion/datos.xlsx`,
    allowed: ["coordinator", "leaderA"],
  },
  "establecimientos/:schoolId/observacion/informe.pdf": {
    url: (w) => `/establecimientos/${w.schoolA.id}/observacion/informe.pdf`,
    allowed: ["coordinator", "leaderA"],
  },
  "observaciones/red": {
    url: () => "/observaciones/red",
    allowed: ["coordinator", "otherCoordinator"],
    mustNotShow: { to: ["otherCoordinator"], text: (w) => w.schoolA.id },
  },
  "observaciones/red/datos.csv": {
    url: () => "/observaciones/red/datos.csv",
    allowed: ["coordinator", "otherCoordinator"],
    mustNotShow: { to: ["otherCoordinator"], text: (w) => w.schoolA.name },
  },
  "observaciones/red/datos.xlsx": {
    url: () => "/observaciones/red/datos.xlsx",
    allowed: ["coordinator", "otherCoordinator"],
  },
  // Instruments and the action-step catalogue: everyone of the organization reads them (another
  // organization gets 404, and its own list shows nothing of ours); organization staff change them.
  pautas: {
    url: () => "/pautas",
    allowed: everyone,
    mustNotShow: { to: ["otherAdmin", "otherLeader"], text: () => setup.instrumentId },
  },
  "pautas/nueva": {
    url: () => "/pautas/nueva",
    allowed: ["admin", "coordinator", "otherCoordinator", "otherAdmin"],
    post: {
      fields: () => ({ name: "Pauta intrusa" }),
      unchanged: async () => {
        expect(await db().select().from(instruments).where(eq(instruments.name, "Pauta intrusa"))).toEqual(
          [],
        );
      },
    },
  },
  "pautas/:instrumentId": {
    url: () => `/pautas/${setup.instrumentId}`,
    allowed: PERSONAS.filter((p) => p !== "otherAdmin" && p !== "otherLeader"),
    post: { fields: () => ({ intent: "archive" }), unchanged: instrumentUnchanged },
  },
  pasos: {
    url: () => "/pasos",
    allowed: everyone,
    mustNotShow: { to: ["otherAdmin", "otherLeader"], text: () => setup.stepId },
    post: { fields: () => ({ intent: `archive:${setup.stepId}` }), unchanged: stepUnchanged },
  },
  "pasos/nuevo": {
    url: () => "/pasos/nuevo",
    allowed: ["admin", "coordinator", "otherCoordinator", "otherAdmin"],
    post: {
      fields: () => ({ category: "climate", title: "Paso intruso", mastery: "Intrusión" }),
      unchanged: async () => {
        expect(
          await db().select().from(catalogueSteps).where(eq(catalogueSteps.title, "Paso intruso")),
        ).toEqual([]);
      },
    },
  },
  "pasos/:stepId": {
    url: () => `/pasos/${setup.stepId}`,
    allowed: ["admin", "coordinator", "otherCoordinator"],
    post: {
      fields: () => ({ category: "climate", title: "Paso cambiado", mastery: "Intrusión" }),
      unchanged: stepUnchanged,
    },
  },
  // Calibration: coordinators of the organization see and change every calibration; its participants
  // (leader A, the reference, and mentor A) see it; anyone else, a leader left out included, gets 404.
  calibraciones: {
    url: () => "/calibraciones",
    allowed: ["coordinator", "otherCoordinator", "leaderA", "leaderB", "mentorA", "otherLeader"],
    mustNotShow: { to: ["leaderB", "otherLeader"], text: () => calibrationSetup.id },
  },
  "calibraciones/nueva": {
    url: () => "/calibraciones/nueva",
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: (w) => calibrationFields(w, "Calibración intrusa"),
      unchanged: async () => {
        expect(
          await db().select().from(calibrations).where(eq(calibrations.title, "Calibración intrusa")),
        ).toEqual([]);
      },
    },
  },
  "calibraciones/ive": {
    url: () => "/calibraciones/ive",
    allowed: ["coordinator", "otherCoordinator"],
  },
  "calibraciones/:calibrationId": {
    url: () => `/calibraciones/${calibrationSetup.id}`,
    allowed: ["coordinator", "otherCoordinator", "leaderA", "mentorA"],
    post: { fields: () => ({ intent: "save", "level_b5.1": "1" }), unchanged: calibrationUnchanged },
  },
  "calibraciones/:calibrationId/editar": {
    url: () => `/calibraciones/${calibrationSetup.id}/editar`,
    allowed: ["coordinator", "otherCoordinator"],
    post: { fields: (w) => calibrationFields(w, "Calibración cambiada"), unchanged: calibrationUnchanged },
  },
  "admin/correos": {
    url: () => "/admin/correos",
    allowed: ["admin", "otherAdmin"],
    mustNotShow: { to: ["otherAdmin"], text: () => "Asunto secreto de prueba" },
  },
  "admin/correos/:emailId": { url: (w) => `/admin/correos/${w.emailId}`, allowed: ["admin"] },
  "privacidad/solicitudes": {
    url: () => "/privacidad/solicitudes",
    allowed: ["coordinator", "otherCoordinator"],
  },
  "privacidad/solicitudes/:requestId": {
    url: (w) => `/privacidad/solicitudes/${w.privacyRequestId}`,
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: () => ({ intent: "anonymize", confirm: "on" }),
      unchanged: async (w) => {
        const [request] = await db()
          .select()
          .from(privacyRequests)
          .where(eq(privacyRequests.id, w.privacyRequestId));
        expect(request.status).toBe("pending");
        const [person] = await db().select().from(persons).where(eq(persons.id, w.teacherA2.id));
        expect([person.givenNames, person.email, person.status]).toEqual([
          w.teacherA2.givenNames,
          w.teacherA2.email,
          "active",
        ]);
      },
    },
  },
  "admin/auditoria": {
    url: () => "/admin/auditoria",
    allowed: ["admin", "otherAdmin"],
  },
  // impact (issue #18): programs, the impact page and funder reports are the coordinators'; the public
  // summary is anyone's (the report and slug are made in the impact block's beforeAll, at the end)
  programas: {
    url: () => "/programas",
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: () => ({ intent: "create", name: "Programa intruso" }),
      unchanged: async () => {
        expect(await db().select().from(programs).where(eq(programs.name, "Programa intruso"))).toEqual([]);
      },
    },
  },
  impacto: {
    url: () => "/impacto",
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: () => ({ from: "2024-01-01", to: "2024-12-31", programId: "" }),
      unchanged: async () => {
        expect(await db().select().from(funderReports).where(eq(funderReports.fromOn, "2024-01-01"))).toEqual(
          [],
        );
      },
    },
  },
  "impacto/informes/:reportId": {
    url: () => `/impacto/informes/${impactFixture.reportId}`,
    allowed: ["coordinator", "otherCoordinator"],
  },
  "impacto/informes/:reportId/informe.pdf": {
    url: () => `/impacto/informes/${impactFixture.reportId}/informe.pdf`,
    allowed: ["coordinator", "otherCoordinator"],
  },
  "impacto/informes/:reportId/informe.xlsx": {
    url: () => `/impacto/informes/${impactFixture.reportId}/informe.xlsx`,
    allowed: ["coordinator", "otherCoordinator"],
  },
  "impacto-publico/:organizationSlug": {
    url: () => `/impacto-publico/${impactFixture.slug}`,
    public: true,
  },
  // mentoring's pairings and sessions (issue #18): mentor A is paired with teachers A and A2 (the
  // world); the pairing with teacher A has a session. /mentoria is for mentors with mentees, teachers
  // with a mentor and coordinators; pairings are managed by coordinators; a pairing and its sessions
  // are read by its teacher, its mentor while in force and coordinators (school leaders: no); the
  // mentor alone logs and edits sessions. (ids made in the block's beforeAll, at the end)
  mentoria: {
    url: () => "/mentoria",
    allowed: ["coordinator", "otherCoordinator", "mentorA", "teacherA", "teacherA2"],
  },
  "mentoria/duplas": {
    url: () => "/mentoria/duplas",
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: (w) => ({
        mentorId: w.leaderB.id,
        schoolId: w.schoolA.id,
        startsOn: "2020-01-01",
        [`teacher_${w.teacherA.id}`]: "on",
      }),
      unchanged: async (w) => {
        expect(
          await db().select().from(mentorPairings).where(eq(mentorPairings.mentorId, w.leaderB.id)),
        ).toEqual([]);
      },
    },
  },
  "mentoria/duplas/:pairingId": {
    url: () => `/mentoria/duplas/${mentoringFixture.pairingId}`,
    allowed: ["coordinator", "otherCoordinator", "mentorA", "teacherA"],
    post: {
      fields: () => ({ intent: "end" }),
      unchanged: async () => {
        const [row] = await db()
          .select()
          .from(mentorPairings)
          .where(eq(mentorPairings.id, mentoringFixture.pairingId));
        expect([row?.endedAt, row?.endsOn]).toEqual([null, null]);
      },
    },
  },
  "mentoria/duplas/:pairingId/sesiones/nueva": {
    url: () => `/mentoria/duplas/${mentoringFixture.pairingId}/sesiones/nueva`,
    allowed: ["mentorA"],
    post: {
      fields: () => ({ heldOn: "2020-02-01", focus: "Sesión intrusa" }),
      unchanged: async () => {
        expect(
          await db().select().from(mentoringSessions).where(eq(mentoringSessions.focus, "Sesión intrusa")),
        ).toEqual([]);
      },
    },
  },
  "mentoria/sesiones/:sessionId": {
    url: () => `/mentoria/sesiones/${mentoringFixture.sessionId}`,
    allowed: ["coordinator", "otherCoordinator", "mentorA", "teacherA"],
    mustNotShow: { to: ["teacherA2", "leaderA"], text: () => "Acuerdo reservado de la sesión" },
    post: {
      fields: () => ({ body: "Comentario intruso" }),
      unchanged: async () => {
        expect(
          await db()
            .select()
            .from(mentoringSessionComments)
            .where(eq(mentoringSessionComments.body, "Comentario intruso")),
        ).toEqual([]);
      },
    },
  },
  "mentoria/sesiones/:sessionId/editar": {
    url: () => `/mentoria/sesiones/${mentoringFixture.sessionId}/editar`,
    allowed: ["mentorA"],
    post: {
      fields: () => ({ heldOn: "2020-02-01", focus: "Foco intruso" }),
      unchanged: async () => {
        const [row] = await db()
          .select()
          .from(mentoringSessions)
          .where(eq(mentoringSessions.id, mentoringFixture.sessionId));
        expect(row?.focus).toBe("Rutinas de inicio");
      },
    },
  },
  // mentoring's certification track and coaching the coach (issue #18): tracks are the coordinators';
  // a candidacy is its candidate's (leader A), its supervisor's (the other coordinator) and the
  // coordinators'; leader A's meeting is reviewed by the coordinator advising school A or the
  // supervisor; a review is read by its reviewer, the observer and the coordinators advising the school
  // (ids made in the block's beforeAll, at the end)
  "mentoria/certificacion": {
    url: () => "/mentoria/certificacion",
    allowed: ["coordinator", "otherCoordinator", "leaderA"],
  },
  "mentoria/certificacion/nueva": {
    url: () => "/mentoria/certificacion/nueva",
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: () => ({ title: "Trayectoria intrusa", hours: "10" }),
      unchanged: async () => {
        expect(
          await db().select().from(mentorTracks).where(eq(mentorTracks.title, "Trayectoria intrusa")),
        ).toEqual([]);
      },
    },
  },
  "mentoria/certificacion/:trackId": {
    url: () => `/mentoria/certificacion/${trackFixture.trackId}`,
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: () => ({ intent: "add_requirement", kind: "final_interview" }),
      unchanged: async () => {
        expect(
          await db()
            .select()
            .from(mentorTrackRequirements)
            .where(eq(mentorTrackRequirements.trackId, trackFixture.trackId)),
        ).toHaveLength(1);
      },
    },
  },
  "mentoria/certificacion/candidaturas/:candidacyId": {
    url: () => `/mentoria/certificacion/candidaturas/${trackFixture.candidacyId}`,
    allowed: ["coordinator", "otherCoordinator", "leaderA"],
    post: {
      fields: () => ({
        intent: "interview",
        interviewOn: "2026-01-02",
        interviewNotes: "Entrevista intrusa",
      }),
      unchanged: async () => {
        const [c] = await db()
          .select({ interviewOn: mentorCandidacies.interviewOn, certifiedAt: mentorCandidacies.certifiedAt })
          .from(mentorCandidacies)
          .where(eq(mentorCandidacies.id, trackFixture.candidacyId));
        expect(c).toEqual({ interviewOn: null, certifiedAt: null });
      },
    },
  },
  "mentoria/revisiones": {
    url: () => "/mentoria/revisiones",
    allowed: ["coordinator", "otherCoordinator", "leaderA"],
  },
  "mentoria/revisiones/reunion/:meetingId": {
    url: () => `/mentoria/revisiones/reunion/${trackFixture.meetingId}`,
    allowed: ["coordinator", "otherCoordinator"],
    post: {
      fields: () => ({ precisePraise: "on", feedback: "Revisión intrusa" }),
      unchanged: async () => {
        expect(
          await db().select().from(feedbackReviews).where(eq(feedbackReviews.feedback, "Revisión intrusa")),
        ).toEqual([]);
      },
    },
  },
  "mentoria/revisiones/:reviewId": {
    url: () => `/mentoria/revisiones/${trackFixture.reviewId}`,
    allowed: ["coordinator", "leaderA"],
    post: {
      fields: () => ({}),
      unchanged: async () => {
        const [r] = await db()
          .select({ readAt: feedbackReviews.readAt })
          .from(feedbackReviews)
          .where(eq(feedbackReviews.id, trackFixture.reviewId));
        expect(r?.readAt).toBeNull();
      },
    },
  },
};

/** A seeded instrument and catalogue step of the organization (set once the world exists). */
const setup = { instrumentId: "", stepId: "", stepTitle: "" };
async function instrumentUnchanged() {
  const [row] = await db().select().from(instruments).where(eq(instruments.id, setup.instrumentId));
  expect(row.archivedAt).toBeNull();
  const versions = await db()
    .select()
    .from(instrumentVersions)
    .where(eq(instrumentVersions.instrumentId, setup.instrumentId));
  expect(versions.map((v) => [v.version, v.status])).toEqual([[1, "published"]]);
}
async function stepUnchanged() {
  const [row] = await db().select().from(catalogueSteps).where(eq(catalogueSteps.id, setup.stepId));
  expect([row.title, row.archivedAt]).toEqual([setup.stepTitle, null]);
}

/** School A's advisory (module advisory): active, advised by the coordinator, a milestone and a visit. */
const advisorySetup = { id: "", milestoneId: "", visitId: "" };
/** The advisors' note of its visit: school A's leaders must never read it. */
const ADVISORY_NOTE = "Nota de los asesores distintiva 5521";
const advisoryFields = (w: World, title: string) => ({
  title,
  schoolId: w.schoolA.id,
  startsOn: "2026-09-01",
  endsOn: "",
  goals: "Metas",
  [`advisor_${w.coordinator.id}`]: "on",
});

/** An open calibration of the organization: leader A is the reference, mentor A scores. */
const calibrationSetup = { id: "", versionId: "" };
const calibrationFields = (w: World, title: string) => ({
  title,
  instrumentVersionId: calibrationSetup.versionId,
  schoolId: w.schoolA.id,
  classContext: "4° básico A · Ciencias Naturales",
  heldOn: "2026-03-24",
  referenceScorerId: w.leaderA.id,
  [`participant_${w.mentorA.id}`]: "on",
});
async function calibrationUnchanged() {
  const [row] = await db().select().from(calibrations).where(eq(calibrations.id, calibrationSetup.id));
  expect([row.title, row.status]).toEqual(["Calibración de prueba", "open"]);
  const scores = await db()
    .select()
    .from(calibrationScores)
    .where(eq(calibrationScores.calibrationId, calibrationSetup.id));
  expect(scores).toEqual([]);
  const participants = await db()
    .select()
    .from(calibrationParticipants)
    .where(eq(calibrationParticipants.calibrationId, calibrationSetup.id));
  expect(participants.map((p) => p.submittedAt)).toEqual([null, null]);
}

const server = useTestServer();
let w: World;

beforeAll(async () => {
  const world = await makeWorld();
  const emailId = await queueEmail({
    to: "x@example.cl",
    subject: "Asunto secreto de prueba",
    text: "hola",
    organizationId: world.org.id,
  });
  const roster = new TextEncoder().encode(
    "nombres;apellidos;correo\nSecreta;Importada;secreta.importada@example.cl\nMala;Fila;no-es-correo\n",
  );
  const importId = await previewRosterImport(await actorOf(world.coordinator.id), world.schoolA.id, {
    fileName: "nomina.csv",
    bytes: roster,
  });
  const records = await observationRecords(world, "Evidencia secreta de la visita.");
  const { observationId, pendingId, draftId } = records;
  const privacyRequestId = await requestDeletion(await actorOf(world.teacherA2.id), world.teacherA2.id, {
    confirm: "on",
  });
  const coordinator = await actorOf(world.coordinator.id);
  const workshop = await createCourse(coordinator, {
    kind: "workshop",
    title: "Taller abierto de prueba",
    slug: "taller-abierto-prueba",
    summary: "Un taller para probar el acceso.",
    hours: "4",
    level: "introductory",
    modality: "online",
  });
  const workshopCohort = await createCohort(coordinator, workshop.id, {
    name: "Única",
    startsOn: "2099-03-01",
    endsOn: "2099-03-31",
    capacity: "1",
  });
  await publishCohort(coordinator, workshopCohort.id);
  await planSession(coordinator, workshopCohort.id, {
    title: "Sesión de prueba",
    date: "2099-03-04",
    time: "18:00",
    durationMinutes: "60",
  });
  const runCohort = await createCohort(coordinator, workshop.id, {
    name: "Segunda",
    startsOn: "2099-04-01",
    endsOn: "2099-04-30",
    capacity: "",
  });
  await publishCohort(coordinator, runCohort.id);
  const workshopSession = await planSession(coordinator, runCohort.id, {
    title: "Sesión con asistencia",
    date: "2099-04-08",
    time: "18:00",
    durationMinutes: "60",
  });
  await db()
    .insert(courseFacilitators)
    .values({ courseId: workshop.id, personId: world.facilitator.id, organizationId: world.org.id });
  const registration = await registerForCohort(runCohort.id, {
    fullName: "Inscrita de prueba",
    email: "inscrita.prueba@example.cl",
    country: "CL",
    role: "teacher",
  });
  await registerForCohort(runCohort.id, {
    fullName: `${world.teacherA.givenNames} ${world.teacherA.familyNames}`,
    email: world.teacherA.email,
    country: "CL",
    role: "teacher",
  });
  const lessonModule = await addModule(coordinator, workshop.id, { title: "Módulo de prueba" });
  const lesson = await addLesson(coordinator, lessonModule.id, {
    title: "Lección de prueba",
    body: "Texto.",
  });
  const lessonFile = await attachLessonFile(coordinator, lesson.id, {
    fileName: "notas.txt",
    bytes: new TextEncoder().encode("Notas de la lección de prueba.\n"),
  });
  const activity = await addActivity(coordinator, lessonModule.id, {
    kind: "reflection",
    title: "Reflexión de prueba",
  });
  await updateActivity(coordinator, activity.id, { title: "Reflexión de prueba", required: "on" });
  await submitActivity(await actorOf(world.teacherA.id), runCohort.id, activity.id, {
    body: "Mi reflexión de prueba.",
  });
  const thread = await startThread(await actorOf(world.teacherA.id), "cohort", runCohort.id, {
    title: "Hilo de prueba",
    body: "Primer mensaje.",
  });
  const { id: announcementId } = await publishAnnouncement(
    await actorOf(world.leaderA.id),
    world.schoolA.id,
    {
      title: "Aviso de prueba",
      body: "Consejo de profesores el jueves.",
    },
  );
  await startThread(await actorOf(world.teacherB.id), "network", world.org.id, {
    title: "Hilo de la red de prueba",
    body: "Primer mensaje de la red.",
  });
  // a well-being pulse of school A with one answer, teacher A2's, with a comment: a group under 5
  const { id: pulseId } = await openPulse(await actorOf(world.leaderA.id), pulseFields(world.schoolA.id));
  await answerPulse(await actorOf(world.teacherA2.id), pulseId, {
    ...Object.fromEntries(["belong", "successful", "myself", "helping", "cared"].map((k) => [`q_${k}`, "2"])),
    freeText: ANONYMOUS_TEXT,
  });
  const practiceAuthor = await actorOf(world.teacherA.id);
  const practiceOf = async (title: string, visibility: string) => {
    const { id } = await createPractice(practiceAuthor, {
      schoolId: world.schoolA.id,
      title,
      problem: "El problema de la práctica.",
      howTo: "Así se hace.",
      visibility,
    });
    await publishPractice(practiceAuthor, id);
    // a clip, as the resumable upload leaves it
    const videoKey = `practice-video-${id}`;
    await fileStore().put(videoKey, new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]), {
      contentType: "video/mp4",
    });
    await db()
      .update(practices)
      // a clip shows students: with the consent that covers its audience
      .set({
        videoKey,
        videoType: "video/mp4",
        videoSize: 8,
        showsStudents: true,
        consentBy: "Apoderados del curso",
        consentOn: "2026-11-02",
        consentUse: "Compartir la práctica",
        consentAudience: "public",
        consentRecordedAt: new Date(),
      })
      .where(eq(practices.id, id));
    return id;
  };
  const practiceId = await practiceOf("Práctica de la escuela A", "school");
  const publicPracticeId = await practiceOf("Práctica pública de prueba", "public");
  const practiceFile = await attachPracticeFile(practiceAuthor, practiceId, {
    fileName: "guia.txt",
    bytes: new TextEncoder().encode("Guía de la práctica"),
  });
  await createPractice(practiceAuthor, {
    schoolId: world.schoolA.id,
    title: "Borrador de la práctica",
    problem: "x",
    howTo: "x",
    visibility: "network",
  });
  const [submission] = await db()
    .select({ id: activitySubmissions.id })
    .from(activitySubmissions)
    .where(eq(activitySubmissions.activityId, activity.id));
  await db()
    .insert(certificates)
    .values({
      id: "01900000-0000-7000-8000-0000000000c1",
      organizationId: world.org.id,
      registrationId: registration.registrationId,
      cohortId: workshopCohort.id,
      code: "ACCE-SQ22-TEST",
      holderName: "Inscrita de prueba",
      courseTitle: "Taller abierto de prueba",
      hours: 4,
      startsOn: "2099-03-01",
      endsOn: "2099-03-31",
      signerName: "Red de prueba",
      signerTitle: "",
      statusIndex: 7,
      downloadTokenHash: hashToken("clave-de-prueba"),
      issuedAt: new Date(),
      issuedBy: world.coordinator.id,
    });
  w = {
    ...world,
    emailId,
    importId,
    observationId,
    pendingId,
    draftId,
    privacyRequestId,
    workshopSlug: "taller-abierto-prueba",
    courseId: workshop.id,
    cohortId: workshopCohort.id,
    runCohortId: runCohort.id,
    sessionId: workshopSession.id,
    registrationId: registration.registrationId,
    certificateCode: "ACCE-SQ22-TEST",
    lessonId: lesson.id,
    lessonFileId: lessonFile.id,
    activityId: activity.id,
    submissionId: submission.id,
    threadId: thread.id,
    announcementId,
    pulseId,
    practiceId,
    practiceFileId: practiceFile.id,
    publicPracticeId,
  };
  calibrationSetup.versionId = records.scoredVersionId;
  calibrationSetup.id = await createCalibration(
    await actorOf(world.coordinator.id),
    calibrationFields(w, "Calibración de prueba"),
  );
  setup.instrumentId = records.instrument.id;
  setup.stepId = records.step.id;
  setup.stepTitle = records.step.title;
  // school A's advisory (module advisory)
  const advisor = await actorOf(world.coordinator.id);
  advisorySetup.id = (await createAdvisory(advisor, advisoryFields(w, "Asesoría de prueba"))).id;
  await setAdvisoryStatus(advisor, advisorySetup.id, { status: "active" });
  advisorySetup.milestoneId = (await addMilestone(advisor, advisorySetup.id, { title: "Hito de prueba" })).id;
  advisorySetup.visitId = (
    await recordVisit(
      advisor,
      advisorySetup.id,
      { visitedOn: "2026-10-01", notes: ADVISORY_NOTE, agreements: "Acuerdo de prueba" },
      "America/Santiago",
    )
  ).id;
});

describe("authorization of every route", () => {
  const declared = (routes as Array<{ path?: string; index?: boolean }>).map((r) =>
    r.index ? "/" : (r.path as string),
  );

  it("declares the access of every route", () => {
    expect(declared.filter((p) => !ACCESS[p])).toEqual([]);
  });

  for (const [path, access] of Object.entries(ACCESS)) {
    if (access.public) {
      it(`${path} is public`, async () => {
        const res = await (await server.current().as(null)).get(access.url(w));
        expect([200, 302]).toContain(res.status);
      });
      continue;
    }
    it(`${path}: anonymous visitors are sent to sign in`, async () => {
      const res = await (await server.current().as(null)).get(access.url(w));
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/ingresar\?volver=/);
    });
    for (const persona of PERSONAS) {
      const allowed = access.allowed?.includes(persona) ?? false;
      it(`${path}: ${persona} ${allowed ? "may open it" : "gets 404"}`, async () => {
        const client = await server.current().as(w[persona].id);
        const res = await client.get(access.url(w));
        const body = await res.text();
        expect(res.status, body.slice(0, 300)).toBe(allowed ? 200 : 404);
        if (access.mustNotShow?.to.includes(persona)) expect(body).not.toContain(access.mustNotShow.text(w));
        if (!allowed && access.post) {
          const post = await client.post(access.url(w), access.post.fields(w));
          expect(post.status).toBe(404);
          await access.post.unchanged(w);
        }
      });
    }
  }
});

describe("the network's conversation", () => {
  it("takes a thread only into the poster's own organization's network; a visitor's post is refused", async () => {
    const anonymous = await server.current().as(null);
    const refused = await anonymous.post("/comunidad/red", { title: "Hilo anónimo", body: "Hola" });
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toMatch(/^\/ingresar/);
    expect(
      await db().select().from(discussionThreads).where(eq(discussionThreads.title, "Hilo anónimo")),
    ).toEqual([]);
    const other = await server.current().as(w.otherAdmin.id);
    expect((await other.post("/comunidad/red", { title: "Hilo de otra red", body: "Hola" })).status).toBe(
      302,
    );
    const [thread] = await db()
      .select({ spaceId: discussionThreads.spaceId, organizationId: discussionThreads.organizationId })
      .from(discussionThreads)
      .where(eq(discussionThreads.title, "Hilo de otra red"));
    expect(thread).toEqual({ spaceId: w.otherOrg.id, organizationId: w.otherOrg.id });
    const ours = await (await server.current().as(w.teacherA.id)).get("/comunidad/red");
    expect(await ours.text()).not.toContain("Hilo de otra red");
  });
});

// Issue #17: "no route or export returns an individual answer with anything that identifies its author
// (checked across every route of the access test)". Teacher A2's answer is alone in its group: its
// comment must not come back from any route, to anyone, in a page, a file or an archive.
describe("the well-being pulse's anonymity", () => {
  /** What a response says: its text, or the text of every file of a zip (xlsx too), or a PDF's pages. */
  async function readable(res: Response): Promise<string> {
    const type = res.headers.get("content-type") ?? "";
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (type.includes("zip") || type.includes("spreadsheetml"))
      return Object.values(unzipSync(bytes))
        .map((file) => strFromU8(file))
        .join("\n");
    if (type.includes("pdf")) return (await pdfPages(bytes)).join("\n");
    return new TextDecoder().decode(bytes);
  }

  it("no route returns a single answer's comment to anyone, its author included", async () => {
    const [stored] = await db()
      .select({ freeText: wellbeingAnswers.freeText })
      .from(wellbeingAnswers)
      .where(eq(wellbeingAnswers.pulseId, w.pulseId));
    expect(stored?.freeText).toBe(ANONYMOUS_TEXT); // the text is there to leak
    const leaks: string[] = [];
    for (const persona of [null, ...PERSONAS]) {
      const client = await server.current().as(persona ? w[persona].id : null);
      const urls = [
        ...Object.values(ACCESS).map((access) => access.url(w)),
        ...(persona ? [`/personas/${w[persona].id}/mis-datos.zip`] : []),
      ];
      for (const url of urls) {
        const res = await client.get(url);
        if ((await readable(res)).includes(ANONYMOUS_TEXT)) leaks.push(`${url} as ${persona ?? "a visitor"}`);
      }
    }
    expect(leaks).toEqual([]);
    // the pulse's leader sees that there are not enough answers yet, and nothing of the one there is
    const page = await (
      await (await server.current().as(w.leaderA.id)).get(`/bienestar/${w.pulseId}`)
    ).text();
    expect(page).toContain("Aún no hay respuestas suficientes");
  }, 600_000);
});

// docs/architecture.md, "Who may change what of a person": one test per row, over real HTTP.
describe("the pages of emailed address links", () => {
  it("say a link worked only when it was just used, not for ?hecho=1 on any token", async () => {
    const client = await server.current().as(null);
    for (const path of ["/correo/token-inventado?hecho=1", "/correo/deshacer/token-inventado?hecho=1"]) {
      const res = await client.get(path);
      const body = await res.text();
      expect(res.status, path).toBe(200);
      expect(body, path).toContain("Este enlace no es válido, ya se usó o venció.");
      expect(body, path).not.toContain("El correo de ingreso cambió.");
    }
  });
});

describe("who may change what of a person", () => {
  const personOf = async (id: string) => (await db().select().from(persons).where(eq(persons.id, id)))[0];
  const newTeacher = (values: Partial<typeof persons.$inferInsert> = {}) =>
    makePerson(w.org.id, [{ role: "teacher", schoolId: w.schoolA.id }], values);
  const as = (id: string) => server.current().as(id);
  const statusOf = async (personaId: string, path: string, fields: Record<string, string>) =>
    (await (await as(personaId)).post(path, fields)).status;

  it("names, RUT and phone: the person, the school's leaders, its advising coordinators, administrators", async () => {
    const teacher = await newTeacher();
    const fields = (name: string) => ({ givenNames: name, familyNames: teacher.familyNames });
    for (const [persona, name] of [
      ["leaderA", "PorDirectora"],
      ["coordinator", "PorCoordinadora"],
      ["admin", "PorAdmin"],
    ] as const) {
      expect(await statusOf(w[persona].id, `/personas/${teacher.id}/editar`, fields(name)), persona).toBe(
        302,
      );
      expect((await personOf(teacher.id)).givenNames).toBe(name);
    }
    expect(await statusOf(teacher.id, `/personas/${teacher.id}/editar`, fields("PorSiMisma"))).toBe(302);
    for (const persona of ["mentorA", "teacherA", "leaderB", "otherCoordinator", "otherAdmin"] as const) {
      expect(
        await statusOf(w[persona].id, `/personas/${teacher.id}/editar`, fields("Intrusa")),
        persona,
      ).toBe(404);
    }
    expect((await personOf(teacher.id)).givenNames).toBe("PorSiMisma");
  });

  it("language and time zone: the person alone", async () => {
    const teacher = await newTeacher();
    const fields = {
      givenNames: teacher.givenNames,
      familyNames: teacher.familyNames,
      locale: "en",
      timeZone: "America/Mexico_City",
    };
    expect(await statusOf(w.leaderA.id, `/personas/${teacher.id}/editar`, fields)).toBe(302);
    expect((await personOf(teacher.id)).locale).toBe("es-CL");
    expect(await statusOf(teacher.id, `/personas/${teacher.id}/editar`, fields)).toBe(302);
    const after = await personOf(teacher.id);
    expect([after.locale, after.timeZone]).toEqual(["en", "America/Mexico_City"]);
  });

  it("reminder emails: the person alone", async () => {
    const teacher = await newTeacher();
    // the form offers the box (the hidden field) and it is unticked: off
    const fields = {
      givenNames: teacher.givenNames,
      familyNames: teacher.familyNames,
      remindersOffered: "1",
    };
    for (const persona of ["leaderA", "coordinator", "admin"] as const) {
      expect(await statusOf(w[persona].id, `/personas/${teacher.id}/editar`, fields), persona).toBe(302);
      expect((await personOf(teacher.id)).reminders, persona).toBe(true);
    }
    expect(await statusOf(teacher.id, `/personas/${teacher.id}/editar`, fields)).toBe(302);
    expect((await personOf(teacher.id)).reminders).toBe(false);
    await statusOf(teacher.id, `/personas/${teacher.id}/editar`, { ...fields, reminders: "on" });
    expect((await personOf(teacher.id)).reminders).toBe(true);
  });

  it("the sign-in address of a person with an account: never set by someone else (the audit's takeover)", async () => {
    const teacher = await newTeacher();
    for (const persona of ["leaderA", "coordinator", "admin"] as const) {
      const res = await (await as(w[persona].id)).post(`/personas/${teacher.id}/editar`, {
        givenNames: teacher.givenNames,
        familyNames: teacher.familyNames,
        email: `tomada.${persona.toLowerCase()}@example.cl`,
      });
      expect(res.status, persona).toBe(400);
      expect(await res.text()).toContain("solo cambia con su confirmación");
    }
    expect((await personOf(teacher.id)).email).toBe(teacher.email);
  });

  it("one's own sign-in address: the person alone, with their password, confirmed from the new address", async () => {
    const teacher = await newTeacher();
    const fields = { intent: "own", newEmail: "propia.nueva@example.cl", password: "cualquiera" };
    for (const persona of ["leaderA", "coordinator", "admin", "mentorA"] as const) {
      expect(await statusOf(w[persona].id, `/personas/${teacher.id}/correo`, fields), persona).toBe(404);
    }
    const res = await (await as(teacher.id)).post(`/personas/${teacher.id}/correo`, fields);
    expect(res.status).toBe(400); // no password on this fixture: refused, nothing sent
    expect(await res.text()).toContain("La contraseña no es correcta.");
    expect(await db().select().from(emailChanges).where(eq(emailChanges.personId, teacher.id))).toEqual([]);
  });

  it("a proposed address: the school's leaders, advising coordinators and administrators; the person confirms", async () => {
    const teacher = await newTeacher();
    for (const persona of ["mentorA", "teacherA", "leaderB", "otherCoordinator", "otherAdmin"] as const) {
      const status = await statusOf(w[persona].id, `/personas/${teacher.id}/correo`, {
        intent: "propose",
        newEmail: "propuesta.intrusa@example.cl",
      });
      expect(status, persona).toBe(404);
    }
    expect(await db().select().from(emailChanges).where(eq(emailChanges.personId, teacher.id))).toEqual([]);
    const proposal = { intent: "propose", newEmail: "propuesta.buena@example.cl" };
    expect(await statusOf(w.leaderA.id, `/personas/${teacher.id}/correo`, proposal)).toBe(302);
    expect((await personOf(teacher.id)).email).toBe(teacher.email);
    // The proposer cannot confirm it for her; she can.
    expect(await statusOf(w.leaderA.id, `/personas/${teacher.id}/correo`, { intent: "confirm" })).toBe(404);
    expect(await statusOf(teacher.id, `/personas/${teacher.id}/correo`, { intent: "confirm" })).toBe(302);
    expect((await personOf(teacher.id)).email).toBe("propuesta.buena@example.cl");
  });

  it("the address of a pending invitation: corrected by those who manage the person", async () => {
    const invited = await newTeacher({ status: "invited" });
    const fields = (email: string) => ({
      givenNames: invited.givenNames,
      familyNames: invited.familyNames,
      email,
    });
    for (const persona of ["mentorA", "leaderB", "otherAdmin"] as const) {
      expect(
        await statusOf(w[persona].id, `/personas/${invited.id}/editar`, fields("x.intrusa@example.cl")),
        persona,
      ).toBe(404);
    }
    expect(
      await statusOf(w.leaderA.id, `/personas/${invited.id}/editar`, fields("corregida@example.cl")),
    ).toBe(302);
    expect((await personOf(invited.id)).email).toBe("corregida@example.cl");
  });

  it("account recovery to a new address: administrators alone, with the reason written", async () => {
    const teacher = await newTeacher();
    const fields = {
      intent: "recover",
      newEmail: "recuperacion@example.cl",
      reason: "Videollamada con su cédula de identidad",
      verified: "on",
    };
    for (const persona of ["leaderA", "coordinator", "mentorA", "otherAdmin"] as const) {
      expect(await statusOf(w[persona].id, `/personas/${teacher.id}/correo`, fields), persona).toBe(404);
    }
    expect(await statusOf(w.admin.id, `/personas/${teacher.id}/correo`, fields)).toBe(302);
    const [change] = await db().select().from(emailChanges).where(eq(emailChanges.personId, teacher.id));
    expect([change.kind, change.requestedBy, change.confirmedAt]).toEqual(["recovery", w.admin.id, null]);
  });
});

describe("observation drafts and teachers' reflections", () => {
  it("shows a draft visit to its author alone", async () => {
    for (const persona of PERSONAS) {
      const res = await (await server.current().as(w[persona].id)).get(`/observaciones/${w.draftId}`);
      expect(res.status, persona).toBe(persona === "leaderA" ? 200 : 404);
    }
  });

  it("lets nobody but the author change a draft", async () => {
    for (const persona of PERSONAS.filter((p) => p !== "leaderA")) {
      const client = await server.current().as(w[persona].id);
      const res = await client.post(`/observaciones/${w.draftId}`, { intent: "note", note: "Nota intrusa" });
      expect(res.status, persona).toBe(404);
    }
    const notes = await db()
      .select()
      .from(observationNotes)
      .where(eq(observationNotes.observationId, w.draftId));
    expect(notes.map((n) => n.body)).toEqual(["Evidencia secreta de la visita."]);
  });

  it("opens a visit started on a phone once, with the phone's id; nobody else may use that id", async () => {
    const id = "0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    const started = new Date(Date.now() - 20 * 60_000).toISOString();
    const fields = {
      intent: "start",
      schoolId: w.schoolA.id,
      teacherId: w.teacherA2.id,
      instrumentId: setup.instrumentId,
      course: "2° básico A",
      subject: "Lenguaje",
      purpose: "formativa",
      at: started,
    };
    const leader = await server.current().as(w.leaderA.id);
    for (const key of ["inicio-telefono-000001", "inicio-telefono-000002"]) {
      const res = await leader.post(`/observaciones/${id}/cambios`, { ...fields, _key: key });
      expect(res.status).toBe(200);
    }
    const rows = await db().select().from(observations).where(eq(observations.id, id));
    expect(rows.map((r) => [r.observerId, r.status, r.startedAt.toISOString()])).toEqual([
      [w.leaderA.id, "draft", started],
    ]);
    // The same id from another leader (another school, another organization): not theirs.
    for (const persona of ["leaderB", "otherLeader"] as const) {
      const res = await (await server.current().as(w[persona].id)).post(`/observaciones/${id}/cambios`, {
        ...fields,
        _key: `inicio-ajeno-${persona}-0001`,
      });
      expect(res.status, persona).toBe(404);
    }
    // A teacher cannot start one.
    const teacher = await server.current().as(w.teacherA.id);
    const refused = await teacher.post(`/observaciones/0193b3c4-5d6e-7f80-9a1b-2c3d4e5f6a7c/cambios`, {
      ...fields,
      _key: "inicio-docente-000001",
    });
    expect(refused.status).toBe(400);
    await db().delete(observations).where(eq(observations.id, id));
  });

  it("stores a queued note once per key, at the minute it was written, and refuses in Spanish", async () => {
    const client = await server.current().as(w.leaderA.id);
    const url = `/observaciones/${w.draftId}/cambios`;
    // The visit started 10 minutes ago; the note was written 3 minutes ago (and sent only now).
    const [visit] = await db().select().from(observations).where(eq(observations.id, w.draftId));
    await db()
      .update(observations)
      .set({ startedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(observations.id, w.draftId));
    const at = new Date(Date.now() - 3 * 60_000).toISOString();
    const fields = {
      intent: "note",
      note: "Nota desde la cola",
      noteTag: "",
      at,
      _key: "cola-nota-0000000001",
    };
    for (let i = 0; i < 2; i++) {
      const res = await client.post(url, fields);
      expect(res.status).toBe(200);
      expect((await res.json()).ok).toBe(true);
    }
    const queued = (
      await db().select().from(observationNotes).where(eq(observationNotes.observationId, w.draftId))
    ).filter((n) => n.body === "Nota desde la cola");
    expect(queued.map((n) => n.minute)).toEqual([7]);
    const refused = await client.post(url, {
      intent: "snapshot",
      onTask: "30",
      present: "20",
      _key: "cola-2",
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      ok: false,
      fieldErrors: { onTask: "No puede haber más estudiantes en tarea que presentes." },
    });
    await db().delete(observationNotes).where(eq(observationNotes.id, queued[0].id));
    await db().update(observations).set({ startedAt: visit.startedAt }).where(eq(observations.id, w.draftId));
  });

  it("stores a batch of queued changes in order, each once per key, with one outcome per change", async () => {
    const client = await server.current().as(w.leaderA.id);
    const url = `/observaciones/${w.draftId}/cambios`;
    const at = new Date().toISOString();
    // One note sent alone first (its answer lost on the way back), then again inside the batch.
    const alone = {
      intent: "note",
      note: "Lote: nota enviada sola",
      noteTag: "",
      at,
      _key: "lote-nota-000000001",
    };
    expect((await client.post(url, alone)).status).toBe(200);
    const changes = [
      { key: "lote-nota-000000001", intent: "note", fields: { note: alone.note, noteTag: "" }, at },
      { key: "lote-nota-000000002", intent: "note", fields: { note: "Lote: segunda nota", noteTag: "" }, at },
      { key: "lote-registro-00001", intent: "snapshot", fields: { onTask: "30", present: "20" }, at },
      { key: "lote-nota-000000003", intent: "note", fields: { note: "Lote: tercera nota", noteTag: "" }, at },
    ];
    for (let i = 0; i < 2; i++) {
      const res = await client.post(url, { changes: JSON.stringify(changes) });
      expect(res.status).toBe(200);
      const answer = await res.json();
      expect(answer.results.map((r: { key: string; ok: boolean }) => [r.key, r.ok])).toEqual([
        ["lote-nota-000000001", true],
        ["lote-nota-000000002", true],
        ["lote-registro-00001", false],
        ["lote-nota-000000003", true],
      ]);
      expect(answer.results[2].fieldErrors).toEqual({
        onTask: "No puede haber más estudiantes en tarea que presentes.",
      });
    }
    const stored = (
      await db().select().from(observationNotes).where(eq(observationNotes.observationId, w.draftId))
    ).filter((n) => n.body.startsWith("Lote: "));
    expect(stored.map((n) => n.body).sort()).toEqual([
      "Lote: nota enviada sola",
      "Lote: segunda nota",
      "Lote: tercera nota",
    ]);
    // Not a batch: refused whole, in Spanish, nothing stored.
    const tooMany = Array.from({ length: 51 }, (_, i) => ({
      key: `lote-exceso-${String(i).padStart(8, "0")}`,
      intent: "note",
      fields: { note: `Exceso ${i}`, noteTag: "" },
      at,
    }));
    for (const bad of [
      "no es json",
      "[]",
      "{}",
      JSON.stringify(tooMany),
      JSON.stringify([{ key: "corta", intent: "note", fields: {}, at }]),
      JSON.stringify([{ key: "lote-malo-00000001", intent: "borrar", fields: {}, at }]),
      JSON.stringify([{ key: "lote-malo-00000002", intent: "note", fields: { note: 3 }, at }]),
      JSON.stringify([
        { key: "lote-malo-00000003", intent: "note", fields: { _key: "otra-clave-0000001" }, at },
      ]),
    ]) {
      const res = await client.post(url, { changes: bad });
      expect(res.status, bad.slice(0, 40)).toBe(400);
      expect((await res.json()).message).toBe(
        "No pudimos leer los cambios enviados desde el teléfono (se envían hasta 50 a la vez). Recargue la página e inténtelo de nuevo.",
      );
    }
    const after = (
      await db().select().from(observationNotes).where(eq(observationNotes.observationId, w.draftId))
    ).filter((n) => n.body.startsWith("Exceso "));
    expect(after).toEqual([]);
    // Another person's visit: every change of the batch refused as not theirs.
    const stranger = await server.current().as(w.leaderB.id);
    const res = await stranger.post(url, { changes: JSON.stringify(changes.slice(1, 2)) });
    expect(res.status).toBe(200);
    expect((await res.json()).results).toMatchObject([
      { key: "lote-nota-000000002", ok: false, status: 404 },
    ]);
    for (const note of stored) await db().delete(observationNotes).where(eq(observationNotes.id, note.id));
  });

  it("sends the cycle PDF as a private attachment, and no PDF of a draft, not even to its author", async () => {
    const res = await (await server.current().as(w.teacherA.id)).get(
      `/observaciones/${w.observationId}/ciclo.pdf`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="ciclo-\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.pdf"$/,
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const text = (await pdfPages(new Uint8Array(await res.arrayBuffer()))).join(" ");
    expect(text).toContain("Evidencia secreta de la visita.");
    expect(text).toContain("Página 1 de");
    for (const persona of PERSONAS) {
      const draft = await (await server.current().as(w[persona].id)).get(
        `/observaciones/${w.draftId}/ciclo.pdf`,
      );
      expect(draft.status, persona).toBe(404);
    }
  });

  it("will not start a visit of another school's teacher for a leader who may open the form", async () => {
    const client = await server.current().as(w.leaderB.id);
    const res = await client.post("/observaciones/nueva", {
      schoolId: w.schoolA.id,
      teacherId: w.teacherA.id,
      instrumentId: "x",
      course: "1° A",
      subject: "Historia",
      purpose: "formativa",
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("no puede registrar visitas de esta persona en este establecimiento");
    const rows = await db().select().from(observations).where(eq(observations.observerId, w.leaderB.id));
    expect(rows).toEqual([]);
  });
});

describe("instruments and the action-step catalogue", () => {
  it("lets leaders, mentors and teachers read them but change nothing (404)", async () => {
    for (const persona of ["leaderA", "mentorA", "teacherA"] as const) {
      const client = await server.current().as(w[persona].id);
      const page = await client.get(`/pautas/${setup.instrumentId}`);
      const html = await page.text();
      expect(page.status, persona).toBe(200);
      expect(html).toContain("Versión 1 (publicada)");
      expect(html).not.toContain("Guardar borrador");
      expect(html).not.toContain("Nueva pauta");
      for (const intent of ["edit", "publish", "archive", "discard"]) {
        const res = await client.post(`/pautas/${setup.instrumentId}`, { intent, name: "Cambiada" });
        expect(res.status, `${persona} ${intent}`).toBe(404);
      }
      expect((await client.post("/pautas/nueva", { name: "Pauta intrusa" })).status).toBe(404);
      const steps = await client.get("/pasos");
      expect(steps.status).toBe(200);
      expect(await steps.text()).not.toContain(`archive:${setup.stepId}`);
      for (const intent of ["up", "down", "archive"]) {
        expect((await client.post("/pasos", { intent: `${intent}:${setup.stepId}` })).status).toBe(404);
      }
      const edit = await client.post(`/pasos/${setup.stepId}`, {
        category: "climate",
        title: "Paso cambiado",
        mastery: "x",
      });
      expect(edit.status).toBe(404);
    }
    await instrumentUnchanged();
    await stepUnchanged();
  });

  it("lets a coordinator open the editor, whose draft readers never see", async () => {
    const coordinator = await server.current().as(w.coordinator.id);
    const res = await coordinator.post(`/pautas/${setup.instrumentId}`, { intent: "edit" });
    expect(res.status).toBe(302);
    const editor = await (await coordinator.get(`/pautas/${setup.instrumentId}`)).text();
    expect(editor).toContain("Borrador de la versión 2");
    const leader = await (
      await (await server.current().as(w.leaderA.id)).get(`/pautas/${setup.instrumentId}`)
    ).text();
    expect(leader).not.toContain("Borrador de la versión 2");
    expect((await coordinator.post(`/pautas/${setup.instrumentId}`, { intent: "discard" })).status).toBe(302);
    await instrumentUnchanged();
  });
});

describe("the public catalogue (learning)", () => {
  it("ships no script, and its workshop page carries what a search engine and a link preview read", async () => {
    const anonymous = await server.current().as(null);
    for (const url of [
      "/talleres",
      `/talleres/${w.workshopSlug}`,
      "/inscripciones/cancelar/token-invalido",
    ]) {
      const res = await anonymous.get(url);
      expect(res.status, url).toBe(200);
      const html = await res.text();
      expect(html, url).not.toMatch(/<script\b/i);
      expect(html, url).not.toContain("modulepreload");
    }
    const page = await (await anonymous.get(`/talleres/${w.workshopSlug}`)).text();
    expect(page).toContain('<meta name="description" content="Un taller para probar el acceso."/>');
    expect(page).toContain('<meta property="og:title" content="Taller abierto de prueba"/>');
    expect(page).toContain('<meta name="date" content="2099-03-01"/>');
    const catalogue = await (await anonymous.get("/talleres")).text();
    expect(catalogue).toContain(`href="/talleres/${w.workshopSlug}"`);
    expect(catalogue).toContain("Queda 1 cupo");
    // The version's sessions as a calendar file; an unknown version is the not-found page.
    const ics = await anonymous.get(`/talleres/${w.workshopSlug}/sesiones.ics?version=${w.cohortId}`);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const calendar = await ics.text();
    expect(calendar).toContain("SUMMARY:Taller abierto de prueba: Sesión de prueba");
    expect(calendar).toContain("DTSTART:20990304T210000Z");
    expect((await anonymous.get(`/talleres/${w.workshopSlug}/sesiones.ics?version=nada`)).status).toBe(404);
    // A page that needs its scripts still has them.
    expect(await (await anonymous.get("/ingresar")).text()).toMatch(/<script\b/);
  });

  it("answers an unknown workshop, or a cohort of another course, with the Spanish not-found page", async () => {
    const anonymous = await server.current().as(null);
    const missing = await anonymous.get("/talleres/no-existe");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("No encontramos esta página");
    const wrongCohort = await anonymous.post(`/talleres/${w.workshopSlug}`, {
      cohortId: "01900000-0000-7000-8000-000000000000",
      fullName: "Nadie",
      email: "nadie@example.cl",
      country: "CL",
      role: "teacher",
    });
    expect(wrongCohort.status).toBe(404);
    const cancel = await anonymous.post("/inscripciones/cancelar/token-invalido", {});
    expect(cancel.status).toBe(404);
  });

  it("registers anyone without an account, keeps what was typed when refused, and puts the next one on the waiting list", async () => {
    const anonymous = await server.current().as(null);
    const html = await (await anonymous.get(`/talleres/${w.workshopSlug}`)).text();
    const cohortId = w.cohortId;
    expect(html).toContain(`<option value="${cohortId}"`);
    const refused = await anonymous.post(`/talleres/${w.workshopSlug}`, {
      cohortId,
      fullName: "Rosa Elena Quispe",
      email: "no-es-correo",
      country: "PE",
      role: "teacher",
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Escriba un correo válido");
    expect(refusedHtml).toContain('value="Rosa Elena Quispe"');
    const fields = (email: string) => ({
      cohortId,
      fullName: "Rosa Elena Quispe",
      email,
      country: "PE",
      role: "teacher",
    });
    const first = await (
      await anonymous.post(`/talleres/${w.workshopSlug}`, fields("rosa.quispe@example.pe"))
    ).text();
    expect(first).toContain("Su inscripción está confirmada");
    const second = await (
      await anonymous.post(`/talleres/${w.workshopSlug}`, fields("otra.persona@example.pe"))
    ).text();
    expect(second).toContain("quedó en el lugar 1 de la lista de espera");
    const again = await (
      await anonymous.post(`/talleres/${w.workshopSlug}`, fields("Rosa.Quispe@example.pe"))
    ).text();
    expect(again).toContain("Ese correo ya estaba inscrito");
  });
});

describe("certificates (learning)", () => {
  it("are verified by anyone on a page with no script; an unknown code is a clear not found", async () => {
    const anonymous = await server.current().as(null);
    const page = await anonymous.get(`/certificados/${w.certificateCode}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/<script\b/i);
    expect(html).toContain("Certificado válido.");
    expect(html).toContain("Inscrita de prueba");
    expect(html).toContain("4 horas");
    expect(html).not.toContain("inscrita.prueba@example.cl");
    const unknown = await (await anonymous.get("/certificados/ZZZZ-ZZZZ-ZZZZ")).text();
    expect(unknown).toContain("Certificado no encontrado");
    // The code typed as it reads on paper, in lower case and without dashes, finds it.
    const typed = await anonymous.get(
      `/certificados?codigo=${w.certificateCode.toLowerCase().replace(/-/g, "")}`,
    );
    expect(typed.status).toBe(302);
    expect(typed.headers.get("location")).toBe(`/certificados/${w.certificateCode}`);
    const wrong = await (await anonymous.get("/certificados?codigo=abc")).text();
    expect(wrong).toContain("Un código tiene 12 letras y números");
    expect(wrong).toContain('value="abc"');
  });

  it("download as a PDF with the email's link, and not with a wrong one", async () => {
    const anonymous = await server.current().as(null);
    const pdf = await anonymous.get(`/certificados/${w.certificateCode}/descargar?clave=clave-de-prueba`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("x-content-type-options")).toBe("nosniff");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const wrong = await anonymous.get(`/certificados/${w.certificateCode}/descargar?clave=otra`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain("No encontramos esta página");
  });
});

describe("Open Badges credentials (learning)", () => {
  // The credential names the platform's own addresses (APP_URL); the test server answers them.
  const fetchText = async (url: string) => {
    const local = url.replace(config().appUrl, server.current().url);
    const res = await fetch(local);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${url}`);
    return res.text();
  };

  it("download signed, verify against the published key and list, fail when tampered, and show a revocation", async () => {
    const anonymous = await server.current().as(null);
    const res = await anonymous.get(`/certificados/${w.certificateCode}/credencial?clave=clave-de-prueba`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vc+jwt");
    const jwt = await res.text();
    const checked = await verifyCredential(jwt, { fetchText });
    expect(checked.valid, JSON.stringify(checked)).toBe(true);
    if (!checked.valid) return;
    expect(describeCredential(checked.credential)).toMatchObject({
      holderName: "Inscrita de prueba",
      achievementName: "Taller abierto de prueba",
      hours: 4,
      startedOn: "2099-03-01",
      endedOn: "2099-03-31",
    });
    // One changed byte of the payload (another name) and the signature no longer holds.
    const [header, payload, signature] = jwt.split(".");
    const forged = Buffer.from(
      Buffer.from(payload, "base64url").toString().replace("Inscrita de prueba", "Inscrita de prueva"),
    ).toString("base64url");
    const tampered = await verifyCredential(`${header}.${forged}.${signature}`, { fetchText });
    expect(tampered).toMatchObject({ valid: false, reason: "signature" });
    // Revoked on the cohort's page: the published list says so.
    const coordinator = await server.current().as(w.coordinator.id);
    const [row] = await db().select().from(certificates).where(eq(certificates.code, w.certificateCode));
    const revoked = await coordinator.post(`/cursos/${w.courseId}/versiones/${w.runCohortId}`, {
      intent: "revoke",
      certificateId: row.id,
      reason: "Asistencia mal registrada",
    });
    expect(revoked.status).toBe(200);
    expect(await verifyCredential(jwt, { fetchText })).toMatchObject({ valid: false, reason: "revoked" });
    const page = await (await anonymous.get(`/certificados/${w.certificateCode}`)).text();
    expect(page).toContain("Certificado revocado: ya no es válido.");
  });
});

describe("cross-site requests", () => {
  it("refuses a POST that comes from another site, before touching anything", async () => {
    const res = await fetch(`${server.current().url}/ingresar`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      },
      body: "email=a%40b.cl&password=x",
      redirect: "manual",
    });
    expect(res.status).toBe(403);
  });

  it("sends security headers with a nonce-based script policy", async () => {
    const res = await fetch(`${server.current().url}/ingresar`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers a hashed asset with what a script uses and nothing a page's policy needs", async () => {
    const page = await (await fetch(`${server.current().url}/ingresar`)).text();
    const script = page.match(/\/assets\/entry\.client-[\w-]+\.js/)?.[0];
    expect(script).toBeDefined();
    const res = await fetch(`${server.current().url}${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    for (const name of [
      "content-security-policy",
      "x-frame-options",
      "etag",
      "last-modified",
      "x-request-id",
    ])
      expect(res.headers.get(name), name).toBeNull();
    // A missing asset is the Spanish not-found page, with the page's policy.
    const missing = await fetch(`${server.current().url}/assets/no-existe-123.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
  });
});

// impact (issue #18): a finished funder report of the organization, and its public address.
const impactFixture = { reportId: "", slug: "" };
beforeAll(async () => {
  const [org] = await db()
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, w.org.id));
  impactFixture.slug = org.slug;
  impactFixture.reportId = newImpactId();
  await db().insert(funderReports).values({
    id: impactFixture.reportId,
    organizationId: w.org.id,
    fromOn: "2025-01-01",
    toOn: "2025-12-31",
    requestedBy: w.coordinator.id,
  });
  await runFunderReport(impactFixture.reportId);
});

describe("impact's public summary", () => {
  it("ships no JavaScript, has a description and Open Graph tags, names nobody; an unknown organization is 404", async () => {
    const anonymous = await server.current().as(null);
    const res = await anonymous.get(`/impacto-publico/${impactFixture.slug}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<meta name="description" content="[^"]+"/);
    expect(html).toMatch(/<meta property="og:title" content="[^"]+"/);
    for (const person of await db().select().from(persons).where(eq(persons.organizationId, w.org.id))) {
      expect(html).not.toContain(person.email);
      expect(html).not.toContain(`${person.givenNames} ${person.familyNames}`);
    }
    expect((await anonymous.get("/impacto-publico/no-existe")).status).toBe(404);
  });
  it("downloads a report's files for coordinators, not before they exist", async () => {
    const client = await server.current().as(w.coordinator.id);
    const pdf = await client.get(`/impacto/informes/${impactFixture.reportId}/informe.pdf`);
    expect([pdf.status, pdf.headers.get("content-type")]).toEqual([200, "application/pdf"]);
    expect((await client.get(`/impacto/informes/${newImpactId()}/informe.pdf`)).status).toBe(404);
  });
});

// mentoring's certification track (issue #18): a track with one requirement, leader A's candidacy
// supervised by the other coordinator (who advises school B only), and the coordinator's review of
// leader A's meeting.
const trackFixture = { trackId: "", candidacyId: "", meetingId: "", reviewId: "" };
beforeAll(async () => {
  const coordinator = await actorOf(w.coordinator.id);
  trackFixture.trackId = (await createTrack(coordinator, { title: "Trayectoria de acceso", hours: "40" })).id;
  await addRequirement(coordinator, trackFixture.trackId, { kind: "meetings_recorded", count: "2" });
  trackFixture.candidacyId = (
    await addCandidate(coordinator, trackFixture.trackId, {
      email: w.leaderA.email,
      startedOn: "2020-01-01",
      supervisorEmail: w.otherCoordinator.email,
    })
  ).id;
  const [meeting] = await db()
    .select({ id: feedbackMeetings.id })
    .from(feedbackMeetings)
    .where(eq(feedbackMeetings.observationId, w.observationId));
  trackFixture.meetingId = meeting?.id as string;
  trackFixture.reviewId = (
    await writeReview(coordinator, trackFixture.meetingId, { precisePraise: "on", feedback: "Buen elogio" })
  ).id;
});

// mentoring's pairings and sessions (issue #18): mentor A's pairing with teacher A (the world's) and a
// session of it; a second mentor paired with teacher A2, whose pairing a coordinator ends over HTTP.
const mentoringFixture = {
  pairingId: "",
  sessionId: "",
  endingMentorId: "",
  endingPairingId: "",
  endingSessionId: "",
};
beforeAll(async () => {
  const [row] = await db()
    .select({ id: mentorPairings.id })
    .from(mentorPairings)
    .where(and(eq(mentorPairings.mentorId, w.mentorA.id), eq(mentorPairings.teacherId, w.teacherA.id)));
  mentoringFixture.pairingId = row?.id as string;
  mentoringFixture.sessionId = await logSession(await actorOf(w.mentorA.id), mentoringFixture.pairingId, {
    heldOn: "2020-02-01",
    focus: "Rutinas de inicio",
    agreements: "Acuerdo reservado de la sesión",
  });
  const ending = await makePerson(w.org.id, [{ role: "mentor", schoolId: w.schoolB.id }]);
  mentoringFixture.endingMentorId = ending.id;
  mentoringFixture.endingPairingId = await pair(w.org.id, ending.id, w.teacherA2.id, w.schoolA.id, {
    startsOn: "2020-01-01",
  });
  mentoringFixture.endingSessionId = await logSession(
    await actorOf(ending.id),
    mentoringFixture.endingPairingId,
    {
      heldOn: "2020-02-01",
      focus: "Sesión de la dupla que termina",
    },
  );
});

describe("mentor pairings (mentoring)", () => {
  it("ending a pairing over HTTP removes the mentor's access on their very next request", async () => {
    const mentor = await server.current().as(mentoringFixture.endingMentorId);
    // teacher A2's submitted visit (by leader A) and the pairing's session: the mentor reads both
    expect((await mentor.get(`/observaciones/${w.pendingId}`)).status).toBe(200);
    expect((await mentor.get(`/mentoria/sesiones/${mentoringFixture.endingSessionId}`)).status).toBe(200);
    expect((await mentor.get(`/personas/${w.teacherA2.id}/desarrollo`)).status).toBe(200);
    const coordinator = await server.current().as(w.coordinator.id);
    const ended = await coordinator.post(`/mentoria/duplas/${mentoringFixture.endingPairingId}`, {
      intent: "end",
    });
    expect(ended.status).toBe(302);
    const [row] = await db()
      .select()
      .from(mentorPairings)
      .where(eq(mentorPairings.id, mentoringFixture.endingPairingId));
    expect(row?.endedBy).toBe(w.coordinator.id);
    // the same signed-in mentor, the very next request
    expect((await mentor.get(`/observaciones/${w.pendingId}`)).status).toBe(404);
    expect((await mentor.get(`/mentoria/sesiones/${mentoringFixture.endingSessionId}`)).status).toBe(404);
    expect((await mentor.get(`/personas/${w.teacherA2.id}/desarrollo`)).status).toBe(404);
    expect((await mentor.get(`/mentoria/duplas/${mentoringFixture.endingPairingId}`)).status).toBe(404);
    // the mentee still reads the session
    const mentee = await server.current().as(w.teacherA2.id);
    expect((await mentee.get(`/mentoria/sesiones/${mentoringFixture.endingSessionId}`)).status).toBe(200);
  });
});
