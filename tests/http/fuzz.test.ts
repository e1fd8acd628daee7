// Input fuzzing of every form and import (issue #6): thousands of malformed submissions, generated
// from a seed, sent over real HTTP to every route that has an action, by a person allowed to use it.
// Every answer must be a page, a redirect or a refusal the user can read in Spanish; injected HTML
// never comes back unescaped; afterwards every row the forms could write is complete and valid, and
// the fuzzed people are still signed in.
//
//   FUZZ_SEED=123 FUZZ_COUNT=500 npx vitest run tests/http/fuzz.test.ts
//
// FUZZ_DUMP=<dir> writes each failing submission there (FUZZ_DUMP_ALL=1: every one, to replay a
// sequence); FUZZ_ONLY=<route>[,<route>…] fuzzes those routes; FUZZ_IN_FLIGHT sets how many are sent at once.
//
// The forms are not listed here: each page is opened as its persona and its `<form method="post">`
// fields and buttons are read from the HTML, so a new field or button is fuzzed without a change here.
// A route with an action that is missing from FUZZ fails the first test.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { esCL } from "~/messages/es-CL";
import { confirmEmailChange, proposeEmailChange, startAccountRecovery } from "~/modules/accounts";
import { invitations, passwordResets } from "~/modules/accounts/schema";
import { addMilestone, createAdvisory, recordVisit, setAdvisoryStatus } from "~/modules/advisory";
import { publishAnnouncement } from "~/modules/community";
import { startThread } from "~/modules/discussions";
import {
  addActivity,
  addLesson,
  addModule,
  createCohort,
  createCourse,
  planSession,
  publishCohort,
  registerForCohort,
  submitActivity,
  updateActivity,
} from "~/modules/learning";
import { certificates } from "~/modules/learning/schema";
import { addCandidate, addRequirement, createTrack, logSession, writeReview } from "~/modules/mentoring";
import { createCalibration, createInstrument } from "~/modules/observation";
import { persons, previewRosterImport } from "~/modules/people";
import { actorOf, advise, makePerson, makeWorld, pair } from "~/modules/people/testing";
import { createPractice, publishPractice } from "~/modules/practices";
import { requestDeletion } from "~/modules/privacy";
import { privacyRequests } from "~/modules/privacy/schema";
import { answerPulse, openPulse, requestSupport } from "~/modules/wellbeing";
import { createSession } from "~/platform/auth/sessions";
import { hashToken, newToken } from "~/platform/auth/tokens";
import { db } from "~/platform/db/client";
import { format } from "~/platform/i18n/i18n";
import { newId } from "~/platform/ids";
import { emails } from "~/platform/mail/schema";
import routes from "../../app/routes";
import {
  baseEntries,
  brokenMultipart,
  brokenUrlencoded,
  CONTROL,
  decodeEntities,
  EMPTY,
  type Entry,
  type FormSpec,
  htmlPayloads,
  longString,
  multipart,
  postForms,
  prng,
  type Random,
  RETURN_PATHS,
  ROSTER_KINDS,
  rosterFile,
  SLOW_ROSTER_KINDS,
  SQL,
  UNICODE,
  urlencoded,
  WRONG_TYPES,
} from "./fuzz-inputs";
import { observationRecords } from "./observation-records";
import { useTestServer } from "./server";

/**
 * `npm test` sends 5,000 on PGlite and 5,000 on PostgreSQL (issue #6 asks for 10,000), the PostgreSQL
 * run with the next seed so that the two engines get different inputs. Measured on 2 cores, alone:
 * 5,000 in 121 s on PGlite and 85 s on PostgreSQL (the server renders each refusal's page; the
 * submissions are cheap to make). FUZZ_SEED/FUZZ_COUNT change them.
 */
const SEED = Number(process.env.FUZZ_SEED ?? (process.env.TEST_DATABASE_URL ? 20_260_602 : 20_260_601));
const COUNT = Number(process.env.FUZZ_COUNT ?? 5_000);
/** Submissions in flight at once (FUZZ_IN_FLIGHT). */
const IN_FLIGHT = Number(process.env.FUZZ_IN_FLIGHT ?? 6);

type World = Awaited<ReturnType<typeof makeWorld>> & {
  subject: Awaited<ReturnType<typeof makePerson>>;
  importId: string;
  observationId: string;
  pendingId: string;
  draftId: string;
  instrumentId: string;
  stepId: string;
  calibrationId: string;
  resetToken: string;
  inviteToken: string;
  recoveryToken: string;
  undoToken: string;
  /** a throwaway person's deletion request, the one the coordinator fuzzes (and may anonymize) */
  leaving: Awaited<ReturnType<typeof makePerson>>;
  privacyRequestId: string;
  /** a published open workshop (registrations from anyone) and a registration's cancel link */
  workshopSlug: string;
  courseId: string;
  cancelToken: string;
  /** the workshop's version, one of its live sessions (attendance) and a certificate (revoke, reissue) */
  cohortId: string;
  sessionId: string;
  /** a lesson of the workshop; teacher A holds a place in its version */
  lessonId: string;
  /** a reflection and a quiz of the workshop (teacher A answered the reflection) */
  activityId: string;
  quizId: string;
  /** a thread teacher A started in the version's discussion */
  threadId: string;
  /** leader A's announcement to school A */
  announcementId: string;
  /** well-being pulses: school A's (teacher A answers), the network's (teacher B), one leader A closes */
  pulseId: string;
  networkPulseId: string;
  closingPulseId: string;
  /** teacher A's published practice (colleagues comment and mark it) and a draft showing students */
  practiceId: string;
  draftPracticeId: string;
};
type Persona = "admin" | "coordinator" | "leaderA" | "mentorA" | "teacherA" | "teacherB";

interface Target {
  /** who posts (null: nobody signed in) */
  persona: Persona | null;
  url: (w: World) => string;
  /** the page whose forms post to `url`, when it is not `url` itself */
  page?: (w: World) => string;
  /** a new session for every request (signing out ends the one used) */
  freshSession?: boolean;
  /** the roster upload: most requests send a file */
  roster?: boolean;
  /** answers in JSON for the page's script: { ok: true } or { ok: false, message, fieldErrors } */
  json?: boolean;
}

/** Every route with an action, with who may post to it and where. */
const FUZZ: Record<string, Target[]> = {
  ingresar: [{ persona: null, url: () => "/ingresar" }],
  salir: [{ persona: "teacherB", url: () => "/salir", page: () => "/", freshSession: true }],
  recuperar: [{ persona: null, url: () => "/recuperar" }],
  "restablecer/:token": [{ persona: null, url: (w) => `/restablecer/${w.resetToken}` }],
  "invitacion/:token": [{ persona: null, url: (w) => `/invitacion/${w.inviteToken}` }],
  // Nobody signed in: a signed-in person's saved language would change what the next answers say.
  idioma: [{ persona: null, url: () => "/idioma", page: () => "/ingresar" }],
  "personas/invitar": [{ persona: "admin", url: () => "/personas/invitar" }],
  "personas/:personId": [{ persona: "admin", url: (w) => `/personas/${w.subject.id}` }],
  // A person asks for the deletion of their own data (nobody else may): the first valid submission
  // leaves a pending request, the next ones are refused. Nobody handles teacherA's request.
  "personas/:personId/eliminar-datos": [
    { persona: "teacherA", url: (w) => `/personas/${w.teacherA.id}/eliminar-datos` },
  ],
  "personas/:personId/editar": [{ persona: "coordinator", url: (w) => `/personas/${w.subject.id}/editar` }],
  "establecimientos/nuevo": [{ persona: "coordinator", url: () => "/establecimientos/nuevo" }],
  "establecimientos/:schoolId": [{ persona: "admin", url: (w) => `/establecimientos/${w.schoolB.id}` }],
  "establecimientos/:schoolId/editar": [
    { persona: "admin", url: (w) => `/establecimientos/${w.schoolB.id}/editar` },
  ],
  "establecimientos/:schoolId/invitar": [
    { persona: "leaderA", url: (w) => `/establecimientos/${w.schoolA.id}/invitar` },
  ],
  "establecimientos/:schoolId/importar": [
    { persona: "coordinator", url: (w) => `/establecimientos/${w.schoolA.id}/importar`, roster: true },
  ],
  "establecimientos/:schoolId/importaciones/:importId": [
    {
      persona: "coordinator",
      url: (w) => `/establecimientos/${w.schoolA.id}/importaciones/${w.importId}`,
    },
  ],
  "establecimientos/:schoolId/observacion/metas": [
    { persona: "leaderA", url: (w) => `/establecimientos/${w.schoolA.id}/observacion/metas` },
  ],
  "observaciones/nueva": [{ persona: "leaderA", url: () => "/observaciones/nueva" }],
  "observaciones/:observationId": [
    { persona: "leaderA", url: (w) => `/observaciones/${w.draftId}` },
    { persona: "teacherA", url: (w) => `/observaciones/${w.observationId}` },
  ],
  // The page's queue of notes and snapshots posts its changes here (the page's own fields, fuzzed).
  "observaciones/:observationId/cambios": [
    {
      persona: "leaderA",
      url: (w) => `/observaciones/${w.draftId}/cambios`,
      page: (w) => `/observaciones/${w.draftId}`,
      json: true,
    },
  ],
  "observaciones/:observationId/reunion": [
    { persona: "leaderA", url: (w) => `/observaciones/${w.pendingId}/reunion` },
  ],
  // Handling a request may anonymize its person: only the throwaway person's request, never one of
  // the fuzzing accounts (the end of the run checks that nobody else was anonymized).
  "privacidad/solicitudes/:requestId": [
    { persona: "coordinator", url: (w) => `/privacidad/solicitudes/${w.privacyRequestId}` },
  ],
  "pautas/nueva": [{ persona: "coordinator", url: () => "/pautas/nueva" }],
  "pautas/:instrumentId": [{ persona: "coordinator", url: (w) => `/pautas/${w.instrumentId}` }],
  pasos: [{ persona: "coordinator", url: () => "/pasos" }],
  "pasos/nuevo": [{ persona: "coordinator", url: () => "/pasos/nuevo" }],
  "pasos/:stepId": [{ persona: "coordinator", url: (w) => `/pasos/${w.stepId}` }],
  "calibraciones/nueva": [{ persona: "coordinator", url: () => "/calibraciones/nueva" }],
  "calibraciones/:calibrationId": [
    { persona: "leaderA", url: (w) => `/calibraciones/${w.calibrationId}` },
    { persona: "coordinator", url: (w) => `/calibraciones/${w.calibrationId}` },
  ],
  "calibraciones/:calibrationId/editar": [
    { persona: "coordinator", url: (w) => `/calibraciones/${w.calibrationId}/editar` },
  ],
  // The sign-in address: the person's own change and a proposal's answer; an administrator's proposal
  // and account recovery, on the subject.
  "personas/:personId/correo": [
    { persona: "teacherA", url: (w) => `/personas/${w.teacherA.id}/correo` },
    { persona: "admin", url: (w) => `/personas/${w.subject.id}/correo` },
  ],
  // A recovery waiting for its password (the confirmation) and an applied change (its undo), each of
  // a throwaway person: the first valid post uses the link up, the next ones are told it is gone.
  "correo/:token": [{ persona: null, url: (w) => `/correo/${w.recoveryToken}` }],
  "correo/deshacer/:token": [{ persona: null, url: (w) => `/correo/deshacer/${w.undoToken}` }],
  // Anyone registers for an open workshop; the cancel link of one registration (the first valid post
  // cancels it, the next ones change nothing).
  "talleres/:slug": [{ persona: null, url: (w) => `/talleres/${w.workshopSlug}` }],
  "cursos/nuevo": [{ persona: "coordinator", url: () => "/cursos/nuevo" }],
  "cursos/:courseId": [{ persona: "coordinator", url: (w) => `/cursos/${w.courseId}` }],
  "cursos/:courseId/versiones/:cohortId": [
    { persona: "coordinator", url: (w) => `/cursos/${w.courseId}/versiones/${w.cohortId}` },
  ],
  "cursos/:courseId/sesiones/:sessionId/asistencia": [
    { persona: "coordinator", url: (w) => `/cursos/${w.courseId}/sesiones/${w.sessionId}/asistencia` },
  ],
  "inscripciones/cancelar/:token": [
    { persona: null, url: (w) => `/inscripciones/cancelar/${w.cancelToken}` },
  ],
  "cursos/:courseId/contenido": [{ persona: "coordinator", url: (w) => `/cursos/${w.courseId}/contenido` }],
  "cursos/:courseId/lecciones/:lessonId": [
    { persona: "coordinator", url: (w) => `/cursos/${w.courseId}/lecciones/${w.lessonId}` },
  ],
  "cursos/:courseId/actividades/:activityId": [
    { persona: "coordinator", url: (w) => `/cursos/${w.courseId}/actividades/${w.quizId}` },
  ],
  "cursos/:courseId/versiones/:cohortId/actividades/:activityId": [
    {
      persona: "coordinator",
      url: (w) => `/cursos/${w.courseId}/versiones/${w.cohortId}/actividades/${w.activityId}`,
    },
  ],
  "mis-cursos/:cohortId/actividades/:activityId": [
    { persona: "teacherA", url: (w) => `/mis-cursos/${w.cohortId}/actividades/${w.activityId}` },
    { persona: "teacherA", url: (w) => `/mis-cursos/${w.cohortId}/actividades/${w.quizId}` },
  ],
  "mis-cursos/:cohortId/conversacion": [
    { persona: "teacherA", url: (w) => `/mis-cursos/${w.cohortId}/conversacion` },
  ],
  "conversaciones/:threadId": [
    { persona: "teacherA", url: (w) => `/conversaciones/${w.threadId}` },
    { persona: "coordinator", url: (w) => `/conversaciones/${w.threadId}` },
  ],
  "mis-cursos/:cohortId/lecciones/:lessonId": [
    { persona: "teacherA", url: (w) => `/mis-cursos/${w.cohortId}/lecciones/${w.lessonId}` },
  ],
  "comunidad/red": [{ persona: "teacherB", url: () => "/comunidad/red" }],
  "comunidad/establecimientos/:schoolId": [
    { persona: "leaderA", url: (w) => `/comunidad/establecimientos/${w.schoolA.id}` },
    { persona: "teacherA", url: (w) => `/comunidad/establecimientos/${w.schoolA.id}` },
  ],
  "comunidad/avisos/:announcementId": [
    { persona: "teacherA", url: (w) => `/comunidad/avisos/${w.announcementId}` },
  ],
  // mentoring's pairings and sessions (issue #18): the coordinator pairs (school A chosen) and ends or
  // re-dates a pairing of its own (a mentor with teacher B); mentor A logs and edits sessions of the
  // world's pairing with teacher A, who comments; ids made in the block's beforeAll at the end
  "mentoria/duplas": [{ persona: "coordinator", url: (w) => `/mentoria/duplas?escuela=${w.schoolA.id}` }],
  "mentoria/duplas/:pairingId": [
    { persona: "coordinator", url: () => `/mentoria/duplas/${pairingFuzz.endPairingId}` },
  ],
  "mentoria/duplas/:pairingId/sesiones/nueva": [
    { persona: "mentorA", url: () => `/mentoria/duplas/${pairingFuzz.pairingId}/sesiones/nueva` },
  ],
  "mentoria/sesiones/:sessionId": [
    { persona: "teacherA", url: () => `/mentoria/sesiones/${pairingFuzz.sessionId}` },
    { persona: "mentorA", url: () => `/mentoria/sesiones/${pairingFuzz.sessionId}` },
  ],
  "mentoria/sesiones/:sessionId/editar": [
    { persona: "mentorA", url: () => `/mentoria/sesiones/${pairingFuzz.sessionId}/editar` },
  ],
  // mentoring's certification track and coaching the coach (issue #18); ids made in the block's
  // beforeAll at the end
  "mentoria/certificacion/nueva": [{ persona: "coordinator", url: () => "/mentoria/certificacion/nueva" }],
  "mentoria/certificacion/:trackId": [
    { persona: "coordinator", url: () => `/mentoria/certificacion/${trackFuzz.trackId}` },
  ],
  "mentoria/certificacion/candidaturas/:candidacyId": [
    { persona: "coordinator", url: () => `/mentoria/certificacion/candidaturas/${trackFuzz.candidacyId}` },
  ],
  "mentoria/revisiones/reunion/:meetingId": [
    { persona: "coordinator", url: () => `/mentoria/revisiones/reunion/${trackFuzz.meetingId}` },
  ],
  "mentoria/revisiones/:reviewId": [
    { persona: "leaderA", url: () => `/mentoria/revisiones/${trackFuzz.reviewId}` },
  ],
  "bienestar/nuevo": [
    { persona: "leaderA", url: () => "/bienestar/nuevo" },
    { persona: "coordinator", url: () => "/bienestar/nuevo" },
  ],
  "bienestar/:pulseId": [
    { persona: "teacherA", url: (w) => `/bienestar/${w.pulseId}` },
    { persona: "teacherB", url: (w) => `/bienestar/${w.networkPulseId}` },
    { persona: "leaderA", url: (w) => `/bienestar/${w.closingPulseId}` },
  ],
  "bienestar/apoyo": [
    { persona: "teacherA", url: () => "/bienestar/apoyo" },
    { persona: "leaderA", url: () => "/bienestar/apoyo" },
  ],
  "practicas/nueva": [{ persona: "teacherA", url: () => "/practicas/nueva" }],
  "practicas/:practiceId": [
    { persona: "teacherB", url: (w) => `/practicas/${w.practiceId}` },
    { persona: "leaderA", url: (w) => `/practicas/${w.practiceId}` },
  ],
  "practicas/:practiceId/editar": [
    { persona: "teacherA", url: (w) => `/practicas/${w.draftPracticeId}/editar` },
    { persona: "teacherA", url: (w) => `/practicas/${w.practiceId}/editar` },
  ],
  "observaciones/:observationId/proponer-practica": [
    { persona: "leaderA", url: (w) => `/observaciones/${w.observationId}/proponer-practica` },
  ],
  // school advisories (module advisory, issue #18): the coordinator advises school A's advisory
  "asesorias/nueva": [{ persona: "coordinator", url: () => "/asesorias/nueva" }],
  "asesorias/:advisoryId": [{ persona: "coordinator", url: () => `/asesorias/${advisoryFuzz.id}` }],
  "asesorias/:advisoryId/editar": [
    { persona: "coordinator", url: () => `/asesorias/${advisoryFuzz.id}/editar` },
  ],
  "asesorias/:advisoryId/hitos/:milestoneId": [
    { persona: "coordinator", url: () => `/asesorias/${advisoryFuzz.id}/hitos/${advisoryFuzz.milestoneId}` },
  ],
  "asesorias/:advisoryId/visitas/nueva": [
    { persona: "coordinator", url: () => `/asesorias/${advisoryFuzz.id}/visitas/nueva` },
  ],
  "asesorias/:advisoryId/visitas/:visitId": [
    { persona: "coordinator", url: () => `/asesorias/${advisoryFuzz.id}/visitas/${advisoryFuzz.visitId}` },
  ],
  // impact (issue #18): the organization's programs, and the funder report's form
  programas: [{ persona: "coordinator", url: () => "/programas" }],
  impacto: [{ persona: "coordinator", url: () => "/impacto" }],
};

// ── Reading answers ───────────────────────────────────────────────────────────────────────────────

/** Every Spanish message, its {placeholders} matching anything: what a refusal may say. */
const SPANISH = (() => {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  // A plural message is each of its forms: rendered for 1 and for 7, the 7 then standing for any number.
  const forms = (value: string) =>
    value.includes(", plural,")
      ? [format(value, "", { count: 1 }), format(value, "", { count: 7 }).replace(/\b7\b/g, "\u0000")]
      : [value];
  for (const value of (Object.values(esCL) as string[]).flatMap(forms)) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 marks where a number stands
    if (!/\{\w+\}|\u0000/.test(value)) exact.add(norm(value));
    else
      patterns.push(
        new RegExp(
          `^${norm(value)
            .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
            .replace(/\\\{\w+\\\}/g, "[\\s\\S]*?")
            // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 marks where a number stands
            .replace(/\u0000/g, "[\\d.,]+")}$`,
        ),
      );
  }
  return { isMessage: (text: string) => exact.has(norm(text)) || patterns.some((p) => p.test(norm(text))) };
})();

/** The texts of a page's error areas: the message above a form and the ones beside its fields. */
function errorTexts(html: string): string[] {
  const texts: string[] = [];
  for (const m of html.matchAll(
    /<(p|div|span)\b[^>]*class="[^"]*\b(?:alert-error|field-error)\b[^"]*"[^>]*>([\s\S]*?)<\/\1>/g,
  )) {
    texts.push(decodeEntities(m[2].replace(/<[^>]*>/g, "")).trim());
  }
  return texts;
}

/** Why an answer is not acceptable, or null. */
function problemWith(status: number, location: string | null, html: string, target: Target): string | null {
  if (status >= 500) return `status ${status}`;
  if (target.json && (status < 300 || status >= 400)) return problemWithJson(status, html);
  if (status >= 300 && status < 400) {
    if (!location) return `redirect ${status} without a location`;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is looked for
    if (!location.startsWith("/") || location.startsWith("//") || /[\\\s\u0000-\u001f]/.test(location))
      return `redirect to ${JSON.stringify(location)}`;
    if (target.persona && !target.freshSession && location.startsWith("/ingresar"))
      return "signed out (redirect to sign-in)";
    return null;
  }
  if (status === 404) {
    return html.includes(esCL["errors.not_found.title"]) ? null : "404 without the Spanish page";
  }
  if (status >= 400) {
    // A refused form for a thing that is gone by now (a visit the run discarded): the not-found page.
    if (html.includes(esCL["errors.not_found.title"])) return null;
    const texts = errorTexts(html);
    if (texts.length === 0) return `${status} with no message on the page`;
    const foreign = texts.filter((t) => !SPANISH.isMessage(t));
    if (foreign.length > 0)
      return `${status} with a message not from the catalogue: ${JSON.stringify(foreign[0])}`;
    return null;
  }
  return null;
}

/** A JSON answer: stored ({ ok: true }), or refused with messages of the catalogue. */
function problemWithJson(status: number, text: string): string | null {
  let body: { ok?: boolean; message?: string; fieldErrors?: Record<string, string> };
  try {
    body = JSON.parse(text);
  } catch {
    return `${status} that is not JSON`;
  }
  if (status < 300) {
    if (body.ok !== true) return `${status} without ok`;
    // A batch: each change stored, or refused with messages of the catalogue.
    const results = (body as { results?: unknown }).results;
    if (results === undefined) return null;
    if (!Array.isArray(results)) return `${status} with results that are not a list`;
    for (const result of results as Array<Record<string, unknown>>) {
      const problem = problemWithJson(Number(result.status), JSON.stringify(result));
      if (problem) return `a change of the batch: ${problem}`;
    }
    return null;
  }
  const texts = [body.message ?? "", ...Object.values(body.fieldErrors ?? {})].filter((t) => t !== "");
  if (body.ok !== false || texts.length === 0) return `${status} with no message`;
  const foreign = texts.filter((t) => !SPANISH.isMessage(t));
  return foreign.length
    ? `${status} with a message not from the catalogue: ${JSON.stringify(foreign[0])}`
    : null;
}

// ── Generating submissions ────────────────────────────────────────────────────────────────────────

interface Submission {
  kind: string;
  /** a query string added to the form's address (hostile `volver` and `aviso`) */
  query?: string;
  contentType: string | null;
  body: Uint8Array;
  /** HTML that must not come back as is */
  html: string[];
}

const encoder = new TextEncoder();

/** A malformed value for a field, from one of the families. */
function badValue(
  rand: Random,
  marker: string,
  html: string[],
  field?: { maxLength?: number; options: string[] },
) {
  const family = rand.int(10);
  switch (family) {
    case 0:
      return rand.pick(EMPTY);
    case 1:
      return rand.pick(WRONG_TYPES);
    case 2:
      return rand.pick(SQL);
    case 3: {
      const payload = rand.pick(htmlPayloads(marker));
      html.push(payload);
      return payload;
    }
    case 4:
      return rand.pick(CONTROL);
    case 5:
      return rand.pick(UNICODE);
    case 6: {
      // just over the field's limit, or over a common one
      const limit =
        field?.maxLength ?? rand.pick([30, 80, 120, 200, 254, 300, 500, 1000, 2000, 5000, 10_000]);
      return longString(rand, limit + 1 + rand.int(3));
    }
    case 7:
      return field?.options.length
        ? `${rand.pick(field.options)}${rand.pick(["x", " ", "\u0000", "'", ""])}`
        : rand.uuid();
    case 8:
      return rand.pick([rand.uuid(), "", "x", `${rand.pick(UNICODE)}${rand.pick(SQL)}`]);
    default:
      return `${rand.pick(UNICODE)} ${rand.pick(CONTROL)} ${rand.pick(WRONG_TYPES)}`;
  }
}

/** The form's own submission with some fields dropped, replaced, repeated or added. */
function mutatedEntries(rand: Random, form: FormSpec, marker: string, html: string[]): Entry[] {
  const button = form.buttons.length && rand.chance(0.85) ? rand.pick(form.buttons) : undefined;
  let entries = baseEntries(form, button);
  if (button && rand.chance(0.15)) {
    // an intent that no button sends
    entries = entries.map(([k, v]) =>
      k === button.name
        ? [
            k,
            rand.pick([
              `${button.value}:${rand.uuid()}`,
              `${button.value.split(":")[0]}:`,
              "nada",
              badValue(rand, marker, html),
            ]),
          ]
        : [k, v],
    );
  }
  const dropChance = rand.pick([0, 0.1, 0.3, 1]);
  entries = entries.filter(() => !rand.chance(dropChance));
  const changes = 1 + rand.int(Math.min(4, Math.max(1, entries.length)));
  for (let i = 0; i < changes && entries.length; i++) {
    const index = rand.int(entries.length);
    const name = entries[index][0];
    const field = form.fields.find((f) => f.name === name);
    entries[index] = [name, badValue(rand, marker, html, field)];
  }
  if (rand.chance(0.25)) {
    // a return path as a hidden field carries it (sign-in and the language switch follow it)
    const value = rand.pick(RETURN_PATHS);
    const at = entries.findIndex(([k]) => k === "volver");
    if (at >= 0) entries[at] = ["volver", value];
    else entries.push(["volver", value]);
  }
  if (rand.chance(0.2)) {
    // repeated keys: the same field twice, with different values
    const [name] = entries.length ? rand.pick(entries) : ["intent"];
    entries.push([name, badValue(rand, marker, html)]);
  }
  if (rand.chance(0.15)) {
    // array and object notation
    const [name, value] = entries.length ? rand.pick(entries) : ["x", "y"];
    entries.push([
      rand.pick([`${name}[]`, `${name}[0]`, `${name}[a][b]`, `${name}.x`]),
      typeof value === "string" ? value : "x",
    ]);
  }
  if (rand.chance(0.2)) {
    const extra = rand.pick([
      "__proto__",
      "constructor",
      "prototype",
      "organizationId",
      "personId",
      "id",
      "status",
      "intent",
      "autosave",
      "a".repeat(500),
      "nombre\u0000",
      "<b>x</b>",
      "",
    ]);
    entries.push([extra, badValue(rand, marker, html)]);
  }
  return entries;
}

/**
 * The queue's batch (`changes`, a JSON list of changes: app/routes/observation.changes.ts): lists of
 * changes made of the page's own fields, fuzzed, with wrong keys, intents, instants and shapes; lists
 * too long; JSON that is no list, or no JSON at all.
 */
function batchSubmission(rand: Random, form: FormSpec, marker: string): Submission {
  const html: string[] = [];
  const change = () => {
    const fields: Record<string, unknown> = Object.fromEntries(
      mutatedEntries(rand, form, marker, html).filter(
        (e): e is [string, string] => typeof e[1] === "string" && !["_key", "intent"].includes(e[0]),
      ),
    );
    if (rand.chance(0.1)) fields[rand.pick(["note", "onTask", "level_b5.1"])] = rand.pick([1, null, [], {}]);
    return {
      key: rand.chance(0.9) ? rand.uuid() : rand.pick(["", "x", 5, null, "k".repeat(200)]),
      intent: rand.pick(["note", "snapshot", "save", "submit", "start", "delete_note", "", "drop", 7]),
      at: rand.chance(0.8)
        ? new Date(Date.now() - rand.int(3_600_000)).toISOString()
        : badValue(rand, marker, html),
      fields: rand.chance(0.95) ? fields : rand.pick([null, "x", [1, 2]]),
    };
  };
  let value: string;
  const r = rand.next();
  if (r < 0.6) value = JSON.stringify(Array.from({ length: 1 + rand.int(6) }, change));
  else if (r < 0.7) value = JSON.stringify(Array.from({ length: 51 + rand.int(20) }, change));
  else if (r < 0.8) {
    // the same key twice: the second is the same change sent again
    const one = change();
    value = JSON.stringify([one, { ...one }]);
  } else if (r < 0.9) value = rand.pick(["{}", "[]", '"x"', "5", "null", "[[[]]]", '[{"key":{}}]']);
  else value = badValue(rand, marker, html);
  const entries: Entry[] = [["changes", value]];
  if (rand.chance(0.2)) entries.push(["intent", rand.pick(["note", "save", "x"])]);
  return {
    kind: "batch",
    contentType: "application/x-www-form-urlencoded",
    body: urlencoded(entries),
    html,
  };
}

function submission(rand: Random, form: FormSpec, target: Target, marker: string): Submission {
  const made =
    target.json && rand.chance(0.35)
      ? batchSubmission(rand, form, marker)
      : formSubmission(rand, form, target, marker);
  if (rand.chance(0.1)) {
    const value = rand.pick(RETURN_PATHS);
    made.query = `?${new URLSearchParams({ volver: value, aviso: rand.pick(RETURN_PATHS) })}`;
  }
  return made;
}

function formSubmission(rand: Random, form: FormSpec, target: Target, marker: string): Submission {
  const html: string[] = [];
  const boundary = `----fuzz${rand.int(1e9)}`;
  const urlencodedType = "application/x-www-form-urlencoded";
  const multipartType = `multipart/form-data; boundary=${boundary}`;
  if (target.roster && rand.chance(0.6)) {
    const kind = rand.pick(ROSTER_KINDS);
    const file = rosterFile(rand, kind, () => badValue(rand, marker, html));
    const entries: Entry[] = file ? [file] : [];
    if (rand.chance(0.2))
      entries.push([rand.pick(["file", "extra", "intent"]), badValue(rand, marker, html)]);
    return { kind: `roster:${kind}`, contentType: multipartType, body: multipart(entries, boundary), html };
  }
  const r = rand.next();
  if (r < 0.06) {
    // missing fields only: the form as it is, with some fields left out
    const entries = baseEntries(form, form.buttons.length ? rand.pick(form.buttons) : undefined).filter(() =>
      rand.chance(0.5),
    );
    return { kind: "missing", contentType: urlencodedType, body: urlencoded(entries), html };
  }
  const entries = mutatedEntries(rand, form, marker, html);
  if (r < 0.6) return { kind: "urlencoded", contentType: urlencodedType, body: urlencoded(entries), html };
  if (r < 0.72)
    return { kind: "multipart", contentType: multipartType, body: multipart(entries, boundary), html };
  if (r < 0.8)
    return { kind: "broken-utf8", contentType: urlencodedType, body: brokenUrlencoded(rand, entries), html };
  if (r < 0.86)
    return {
      kind: "broken-multipart",
      contentType: multipartType,
      body: brokenMultipart(rand, entries, boundary),
      html,
    };
  if (r < 0.93) {
    const body = urlencoded(entries);
    switch (rand.int(8)) {
      case 0:
        return {
          kind: "json",
          contentType: "application/json",
          body: encoder.encode(JSON.stringify(Object.fromEntries(entries))),
          html,
        };
      case 1:
        return { kind: "text/plain", contentType: "text/plain", body, html };
      case 2:
        return { kind: "no-content-type", contentType: null, body, html };
      case 3:
        return {
          kind: "multipart-no-boundary",
          contentType: "multipart/form-data",
          body: multipart(entries, boundary),
          html,
        };
      case 4:
        return { kind: "empty-boundary", contentType: "multipart/form-data; boundary=", body, html };
      case 5:
        return {
          kind: "utf16-urlencoded",
          contentType: `${urlencodedType}; charset=utf-16`,
          body: Buffer.from(Buffer.from(body).toString("latin1"), "utf16le"),
          html,
        };
      case 6:
        return {
          kind: "octet-stream",
          contentType: "application/octet-stream",
          body: Uint8Array.from({ length: rand.int(2048) }, () => rand.int(256)),
          html,
        };
      default:
        return {
          kind: "multipart-as-urlencoded",
          contentType: urlencodedType,
          body: multipart(entries, boundary),
          html,
        };
    }
  }
  // huge: a field of 1 MB or more (beyond any form), or a body just over the form limit
  const name = entries.length ? rand.pick(entries)[0] : "x";
  const size = rand.chance(0.5) ? 1_100_000 + rand.int(100_000) : 256 * 1024 + 1 + rand.int(64);
  const huge: Entry[] = [...entries.filter(([k]) => k !== name), [name, longString(rand, size)]];
  return rand.chance(0.5)
    ? { kind: "huge", contentType: urlencodedType, body: urlencoded(huge), html }
    : { kind: "huge-multipart", contentType: multipartType, body: multipart(huge, boundary), html };
}

// ── The world ─────────────────────────────────────────────────────────────────────────────────────

const server = useTestServer();
let w: World;

/** School A's advisory (module advisory), advised by the coordinator, with a milestone and a visit. */
const advisoryFuzz = { id: "", milestoneId: "", visitId: "" };
async function makeAdvisoryForFuzz(world: Awaited<ReturnType<typeof makeWorld>>) {
  const advisor = await actorOf(world.coordinator.id);
  advisoryFuzz.id = (
    await createAdvisory(advisor, {
      title: "Asesoría para fuzzing",
      schoolId: world.schoolA.id,
      startsOn: "2026-09-01",
      [`advisor_${world.coordinator.id}`]: "on",
    })
  ).id;
  await setAdvisoryStatus(advisor, advisoryFuzz.id, { status: "active" });
  advisoryFuzz.milestoneId = (await addMilestone(advisor, advisoryFuzz.id, { title: "Hito" })).id;
  advisoryFuzz.visitId = (
    await recordVisit(
      advisor,
      advisoryFuzz.id,
      { visitedOn: "2026-10-01", notes: "Notas" },
      "America/Santiago",
    )
  ).id;
}

async function makeFuzzWorld(): Promise<World> {
  const world = await makeWorld();
  const subject = await makePerson(world.org.id, [{ role: "teacher", schoolId: world.schoolA.id }], {
    givenNames: "Sujeto",
    familyNames: "De Pruebas",
  });
  const coordinator = await actorOf(world.coordinator.id);
  const importId = await previewRosterImport(coordinator, world.schoolA.id, {
    fileName: "nomina.csv",
    bytes: encoder.encode("nombres;apellidos;correo\nPrevia;Importada;previa.importada@example.cl\n"),
  });
  const { observationId, pendingId, draftId, scoredVersionId, step } = await observationRecords(
    world,
    "Evidencia de la visita.",
  );
  const calibrationId = await createCalibration(coordinator, {
    title: "Calibración de prueba",
    instrumentVersionId: scoredVersionId,
    schoolId: world.schoolA.id,
    classContext: "4° básico A · Ciencias Naturales",
    heldOn: "2026-03-24",
    referenceScorerId: world.leaderA.id,
    [`participant_${world.mentorA.id}`]: "on",
  });
  // The editor is fuzzed on an instrument of its own, so that visits keep theirs.
  const instrumentId = await createInstrument(coordinator, { name: "Pauta para fuzzing" });
  const reset = newToken();
  await db()
    .insert(passwordResets)
    .values({
      id: newId(),
      personId: world.teacherB.id,
      tokenHash: reset.hash,
      sentTo: world.teacherB.email,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
  const invitee = await makePerson(world.org.id, [{ role: "teacher", schoolId: world.schoolB.id }], {
    status: "invited",
  });
  const invite = newToken();
  await db()
    .insert(invitations)
    .values({
      id: newId(),
      organizationId: world.org.id,
      personId: invitee.id,
      tokenHash: invite.hash,
      sentTo: invitee.email,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
  const leaving = await makePerson(world.org.id, [{ role: "teacher", schoolId: world.schoolA.id }], {
    givenNames: "Persona",
    familyNames: "Que Se Va",
  });
  // The links of the sign-in address pages, from the emails their use cases write.
  const linkIn = async (to: string, pathPrefix: string) => {
    const mails = await db().select().from(emails).where(sql`${emails.toAddress} = ${to}`);
    // tokens are 43 characters: "/correo/" is not taken for "/correo/deshacer/"
    const match = new RegExp(`/${pathPrefix}/([A-Za-z0-9_-]{20,})`).exec(
      mails.map((m) => m.textBody).join("\n"),
    );
    if (!match) throw new Error(`no /${pathPrefix} link sent to ${to}`);
    return match[1];
  };
  const recovering = await makePerson(world.org.id, [{ role: "teacher", schoolId: world.schoolB.id }]);
  await startAccountRecovery(await actorOf(world.admin.id), recovering.id, {
    newEmail: "recuperando.fuzz@example.cl",
    reason: "Videollamada con su cédula de identidad",
    verified: "on",
  });
  const recoveryToken = await linkIn("recuperando.fuzz@example.cl", "correo");
  const changed = await makePerson(world.org.id, [{ role: "teacher", schoolId: world.schoolB.id }]);
  await proposeEmailChange(await actorOf(world.admin.id), changed.id, {
    newEmail: "cambiada.fuzz@example.cl",
  });
  await confirmEmailChange(await linkIn(changed.email, "correo"), {}, { ip: "127.0.0.1" });
  const undoToken = await linkIn(changed.email, "correo/deshacer");
  const privacyRequestId = await requestDeletion(await actorOf(leaving.id), leaving.id, {
    confirm: "on",
    reason: "Dejo la red.",
  });
  const workshop = await createCourse(coordinator, {
    kind: "workshop",
    title: "Taller para fuzzing",
    slug: "taller-fuzzing",
    summary: "Un taller abierto.",
    hours: "3",
    level: "introductory",
    modality: "online",
  });
  const workshopCohort = await createCohort(coordinator, workshop.id, {
    name: "Única",
    startsOn: "2099-05-01",
    endsOn: "2099-05-31",
    capacity: "5",
  });
  await publishCohort(coordinator, workshopCohort.id);
  const { cancelToken } = await registerForCohort(workshopCohort.id, {
    fullName: "Inscrita Para Cancelar",
    email: "cancelar.fuzz@example.cl",
    country: "CL",
    role: "teacher",
  });
  const certified = await registerForCohort(workshopCohort.id, {
    fullName: "Inscrita Con Certificado",
    email: "certificada.fuzz@example.cl",
    country: "CL",
    role: "teacher",
  });
  await registerForCohort(workshopCohort.id, {
    fullName: `${world.teacherA.givenNames} ${world.teacherA.familyNames}`,
    email: world.teacherA.email,
    country: "CL",
    role: "teacher",
  });
  const lessonModule = await addModule(coordinator, workshop.id, { title: "Módulo del fuzzing" });
  const lesson = await addLesson(coordinator, lessonModule.id, { title: "Lección del fuzzing" });
  const activity = await addActivity(coordinator, lessonModule.id, {
    kind: "reflection",
    title: "Reflexión",
  });
  const quiz = await addActivity(coordinator, lessonModule.id, { kind: "quiz", title: "Cuestionario" });
  await updateActivity(coordinator, quiz.id, {
    title: "Cuestionario",
    questions: "¿Uno?\n* sí\n- no\n\n¿Dos?\n- sí\n* no",
    required: "on",
  });
  await submitActivity(await actorOf(world.teacherA.id), workshopCohort.id, activity.id, {
    body: "Mi reflexión para el fuzzing.",
  });
  const thread = await startThread(await actorOf(world.teacherA.id), "cohort", workshopCohort.id, {
    title: "Conversación del fuzzing",
    body: "Primer mensaje.",
  });
  const { id: announcementId } = await publishAnnouncement(
    await actorOf(world.leaderA.id),
    world.schoolA.id,
    {
      title: "Aviso del fuzzing",
      body: "Consejo de profesores el jueves.",
    },
  );
  const pulseFields = (scope: string) => ({
    title: "Pulso del fuzzing",
    scope,
    days: "7",
    allowsText: "on",
    ...Object.fromEntries(
      ["belong", "successful", "myself", "helping", "cared"].map((k) => [`question_${k}`, "on"]),
    ),
  });
  const { id: pulseId } = await openPulse(await actorOf(world.leaderA.id), pulseFields(world.schoolA.id));
  const { id: closingPulseId } = await openPulse(
    await actorOf(world.leaderA.id),
    pulseFields(world.schoolA.id),
  );
  const { id: networkPulseId } = await openPulse(coordinator, pulseFields("red"));
  await answerPulse(await actorOf(world.teacherA2.id), pulseId, {
    ...Object.fromEntries(["belong", "successful", "myself", "helping", "cared"].map((k) => [`q_${k}`, "3"])),
  });
  // a request leader A (the school's contact by default) may mark handled
  await requestSupport(await actorOf(world.teacherA2.id), world.schoolA.id, {
    message: "Quisiera conversar.",
  });
  const practiceInput = (title: string, showsStudents: string) => ({
    schoolId: world.schoolA.id,
    title,
    problem: "El problema.",
    howTo: "Así se hace.",
    visibility: "network",
    showsStudents,
  });
  const { id: practiceId } = await createPractice(
    await actorOf(world.teacherA.id),
    practiceInput("Práctica del fuzzing", ""),
  );
  await publishPractice(await actorOf(world.teacherA.id), practiceId);
  const { id: draftPracticeId } = await createPractice(
    await actorOf(world.teacherA.id),
    practiceInput("Borrador del fuzzing", "on"),
  );
  const session = await planSession(coordinator, workshopCohort.id, {
    title: "Sesión del fuzzing",
    date: "2099-05-06",
    time: "18:00",
    durationMinutes: "90",
  });
  await db()
    .insert(certificates)
    .values({
      id: newId(),
      organizationId: world.org.id,
      registrationId: certified.registrationId,
      cohortId: workshopCohort.id,
      code: "FUZZ-2222-TEST",
      holderName: "Inscrita Con Certificado",
      courseTitle: "Taller para fuzzing",
      hours: 3,
      startsOn: "2099-05-01",
      endsOn: "2099-05-31",
      signerName: "Red",
      signerTitle: "",
      statusIndex: 11,
      downloadTokenHash: hashToken("clave-fuzz"),
      issuedAt: new Date(),
      issuedBy: world.coordinator.id,
    });
  await makeAdvisoryForFuzz(world);
  return {
    workshopSlug: "taller-fuzzing",
    courseId: workshop.id,
    cancelToken,
    cohortId: workshopCohort.id,
    sessionId: session.id,
    lessonId: lesson.id,
    activityId: activity.id,
    quizId: quiz.id,
    threadId: thread.id,
    announcementId,
    pulseId,
    networkPulseId,
    closingPulseId,
    practiceId,
    draftPracticeId,
    ...world,
    subject,
    leaving,
    privacyRequestId,
    importId,
    observationId,
    pendingId,
    draftId,
    instrumentId,
    stepId: step.id,
    calibrationId,
    resetToken: reset.token,
    inviteToken: invite.token,
    recoveryToken,
    undoToken,
  };
}

// ── Invariants: what every stored row must be, however it got there ───────────────────────────────

/** Each query returns the rows that break a rule (none expected). */
const INVARIANTS: Record<string, string> = {
  "mentor_pairings: dates in order, not oneself, ended with who ended it": `
    SELECT p.id FROM mentor_pairings p WHERE (p.ends_on IS NOT NULL AND p.ends_on < p.starts_on)
      OR p.mentor_id = p.teacher_id OR (p.ended_at IS NULL) <> (p.ended_by IS NULL)`,
  "mentoring_sessions: focus written, lengths, next date after the session": `
    SELECT id FROM mentoring_sessions WHERE btrim(focus) = '' OR char_length(focus) > 200
      OR char_length(agreements) > 4000 OR char_length(next_step) > 1000
      OR (next_on IS NOT NULL AND next_on < held_on)`,
  "mentoring_session_comments: body written": `
    SELECT id FROM mentoring_session_comments WHERE btrim(body) = '' OR char_length(body) > 2000`,
  "mentor_tracks: title, hours": `
    SELECT id FROM mentor_tracks WHERE btrim(title) = '' OR char_length(title) > 200 OR hours NOT BETWEEN 1 AND 1000`,
  "mentor_track_requirements: positions from 1, one interview per track": `
    SELECT track_id FROM mentor_track_requirements GROUP BY track_id
    HAVING min(position) < 1 OR count(*) FILTER (WHERE kind = 'final_interview') > 1`,
  "mentor_candidacies: a certified one has its certificate": `
    SELECT id FROM mentor_candidacies WHERE (certified_at IS NULL) <> (certificate_id IS NULL)`,
  "feedback_reviews: feedback written, observer is the meeting's": `
    SELECT v.id FROM feedback_reviews v JOIN feedback_meetings m ON m.id = v.meeting_id
    WHERE btrim(v.feedback) = '' OR char_length(v.feedback) > 4000 OR v.observer_id <> m.observer_id
      OR v.reviewer_id = v.observer_id`,
  "persons: names, email, RUT, status": `
    SELECT id FROM persons WHERE btrim(given_names) = '' OR btrim(family_names) = ''
      OR email !~ '^[^@[:space:]]+@[^@[:space:]]+$' OR email <> lower(email)
      OR (rut IS NOT NULL AND rut !~ '^[0-9]{1,8}-[0-9K]$')
      OR status NOT IN ('invited', 'active', 'disabled') OR locale NOT IN ('es-CL', 'pt-BR', 'en')
      OR search_text = ''`,
  "email_changes: a real new address, a recovery with its reason, one pending change per person": `
    SELECT id FROM email_changes WHERE new_email = old_email
      OR new_email !~ '^[^@[:space:]]+@[^@[:space:]]+$' OR new_email <> lower(new_email)
      OR kind NOT IN ('self', 'proposal', 'recovery')
      OR (kind = 'recovery' AND (reason IS NULL OR length(btrim(reason)) < 20))
      OR (confirmed_at IS NOT NULL AND cancelled_at IS NOT NULL)
    UNION ALL
    SELECT person_id FROM email_changes
      WHERE confirmed_at IS NULL AND cancelled_at IS NULL AND undone_at IS NULL AND expires_at > now()
      GROUP BY person_id HAVING count(*) > 1`,
  "persons: every person has a role": `
    SELECT p.id FROM persons p WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id)`,
  "memberships: school roles in a school, organization roles not": `
    SELECT id FROM memberships WHERE role NOT IN ('teacher', 'leader', 'mentor', 'coordinator', 'admin', 'facilitator')
      OR (role IN ('teacher', 'leader', 'mentor')) <> (school_id IS NOT NULL)`,
  "schools: name, RBD, region and comuna": `
    SELECT id FROM schools WHERE btrim(name) = '' OR rbd < 1 OR rbd > 99999
      OR comuna_code NOT LIKE region_code || '%' OR search_text = ''
      OR (ive IS NOT NULL AND (ive < 0 OR ive > 100))`,
  "invitations: of a person of the same organization": `
    SELECT i.id FROM invitations i JOIN persons p ON p.id = i.person_id WHERE p.organization_id <> i.organization_id`,
  "roster imports: a known status, counts within the rows": `
    SELECT id FROM roster_imports WHERE status NOT IN ('preview', 'queued', 'running', 'done', 'failed', 'cancelled')
      OR total_rows < 0 OR processed_rows > total_rows
      OR jsonb_array_length(valid_rows) + jsonb_array_length(rejected_rows) <> total_rows`,
  "observations: course, subject, purpose": `
    SELECT id FROM observations WHERE btrim(course) = '' OR btrim(subject) = ''
      OR purpose NOT IN ('formativa', 'evaluativa')
      OR status NOT IN ('draft', 'submitted')`,
  "observations: a submitted visit has evidence": `
    SELECT o.id FROM observations o WHERE o.status = 'submitted'
      AND NOT EXISTS (SELECT 1 FROM observation_notes n WHERE n.observation_id = o.id)`,
  "observation notes: a body and a minute": `
    SELECT id FROM observation_notes WHERE btrim(body) = '' OR minute < 0`,
  "observation levels: 1 to 4": `
    SELECT observation_id, indicator_key FROM observation_levels WHERE level < 1 OR level > 4`,
  "snapshots: on task within present": `
    SELECT id FROM observation_snapshots WHERE present < 0 OR on_task < 0 OR on_task > present OR minute < 0`,
  "feedback meetings: praise, of a submitted visit": `
    SELECT f.id FROM feedback_meetings f JOIN observations o ON o.id = f.observation_id
      WHERE btrim(f.praise) = '' OR o.status <> 'submitted'`,
  "action steps: a title": `SELECT id FROM action_steps WHERE btrim(title) = ''`,
  "reflections: a body": `SELECT meeting_id FROM reflections WHERE btrim(body) = ''`,
  "catalogue steps: title and mastery": `
    SELECT id FROM catalogue_steps WHERE btrim(title) = '' OR btrim(mastery) = '' OR position < 0`,
  "instruments: a name and a version": `
    SELECT i.id FROM instruments i WHERE btrim(i.name) = ''
      OR NOT EXISTS (SELECT 1 FROM instrument_versions v WHERE v.instrument_id = i.id)`,
  "school settings: positive targets": `
    SELECT school_id FROM school_observation_settings WHERE visit_every_days < 1 OR meeting_within_hours < 1`,
  "calibrations: a title and its reference among the participants": `
    SELECT c.id FROM calibrations c WHERE btrim(c.title) = ''
      OR NOT EXISTS (SELECT 1 FROM calibration_participants p WHERE p.calibration_id = c.id
                     AND p.person_id = c.reference_scorer_id)`,
  "privacy requests: a known status, a handled one with who, when and (rejected) why": `
    SELECT id FROM privacy_requests WHERE status NOT IN ('pending', 'anonymized', 'rejected')
      OR (status <> 'pending') <> (handled_at IS NOT NULL AND handled_by IS NOT NULL)
      OR (status = 'rejected' AND btrim(coalesce(decision_note, '')) = '')
      OR char_length(reason) > 2000 OR char_length(coalesce(decision_note, '')) > 2000`,
  "calibration scores: 1 to 4": `SELECT calibration_id FROM calibration_scores WHERE level < 1 OR level > 4`,
  "courses: title, address, hours, rules": `
    SELECT id FROM courses WHERE btrim(title) = '' OR char_length(title) > 160
      OR slug !~ '^[a-z0-9]+(-[a-z0-9]+)*$' OR hours < 1 OR hours > 1000
      OR min_attendance_percent < 0 OR min_attendance_percent > 100`,
  "cohorts: a name, dates in order, places": `
    SELECT id FROM cohorts WHERE btrim(name) = '' OR ends_on < starts_on
      OR (capacity IS NOT NULL AND capacity < 1) OR status NOT IN ('draft', 'published', 'cancelled')`,
  "live sessions: a title, a known zone, a length, an https link or none": `
    SELECT id FROM live_sessions WHERE btrim(title) = '' OR planned_time_zone = ''
      OR duration_minutes < 5 OR duration_minutes > 720
      OR (meeting_url <> '' AND meeting_url !~ '^https://')`,
  "registrations: a name, an address, a country, a place; no more confirmed than the places": `
    SELECT r.id FROM registrations r JOIN cohorts k ON k.id = r.cohort_id
    WHERE btrim(r.full_name) = '' OR char_length(r.full_name) > 120
      OR r.email !~ '^[^@[:space:]]+@[^@[:space:]]+$' OR r.email <> lower(r.email)
      OR r.country !~ '^[A-Z]{2}$' OR (r.rut IS NOT NULL AND r.rut !~ '^[0-9]{1,8}-[0-9K]$')
      OR r.position < 1 OR r.position > k.last_position
      OR (k.capacity IS NOT NULL AND (SELECT count(*) FROM registrations c
        WHERE c.cohort_id = k.id AND c.status = 'confirmed') > k.capacity)`,
  "attendance: of a registration of the session's own cohort, minutes only from a report": `
    SELECT a.session_id FROM session_attendance a JOIN live_sessions s ON s.id = a.session_id
      JOIN registrations r ON r.id = a.registration_id
    WHERE r.cohort_id <> s.cohort_id OR (a.source = 'list' AND a.minutes IS NOT NULL)
      OR a.source NOT IN ('list', 'report')`,
  "announcements: a subject and a message within their limits": `
    SELECT id FROM cohort_announcements WHERE btrim(subject) = '' OR char_length(subject) > 160
      OR btrim(body) = '' OR char_length(body) > 10000 OR recipients < 0`,
  "certificates: a revoked one has its reason and who revoked it; at most one in force per registration": `
    SELECT id FROM certificates WHERE (revoked_at IS NOT NULL AND (btrim(coalesce(revoked_reason, '')) = ''
        OR revoked_by IS NULL OR char_length(revoked_reason) > 500))
      OR registration_id IN (SELECT registration_id FROM certificates WHERE revoked_at IS NULL
        GROUP BY registration_id HAVING count(*) > 1)`,
  "course content: titles within their limits, an https video link or none, files with a size": `
    SELECT id FROM course_modules WHERE btrim(title) = '' OR char_length(title) > 160
    UNION ALL
    SELECT id FROM lessons WHERE btrim(title) = '' OR char_length(title) > 160
      OR char_length(body) > 50000 OR (video_url <> '' AND video_url !~ '^https://')
    UNION ALL
    SELECT id FROM lesson_files WHERE size < 1 OR btrim(file_name) = '' OR content_type = ''`,
  "activities and answers: a title; a reflection's answer has text and no score, a quiz's a score": `
    SELECT id FROM course_activities WHERE btrim(title) = '' OR char_length(title) > 160
      OR pass_percent NOT BETWEEN 0 AND 100 OR (kind = 'reflection' AND questions <> '[]'::jsonb)
    UNION ALL
    SELECT s.id FROM activity_submissions s JOIN course_activities a ON a.id = s.activity_id
    WHERE (a.kind = 'reflection' AND (btrim(s.body) = '' OR s.score_percent IS NOT NULL))
      OR (a.kind = 'quiz' AND (s.score_percent IS NULL OR s.answers IS NULL))
      OR (s.status = 'to_revise' AND a.kind = 'reflection' AND btrim(s.review_comment) = '')`,
  "discussions: a title and a text within their limits; a hidden post has its reason and who hid it": `
    SELECT id FROM discussion_threads WHERE btrim(title) = '' OR char_length(title) > 160
    UNION ALL
    SELECT id FROM discussion_posts WHERE btrim(body) = '' OR char_length(body) > 5000
      OR (hidden_at IS NOT NULL AND (hidden_by IS NULL OR btrim(coalesce(hidden_reason, '')) = ''))
    UNION ALL
    SELECT id FROM discussion_reports WHERE btrim(reason) = '' OR char_length(reason) > 500`,
  "practices: a title, a problem, a how-to within limits; published only with consent when showing students": `
    SELECT p.id FROM practices p JOIN schools s ON s.id = p.school_id
    WHERE btrim(p.title) = '' OR char_length(p.title) > 160 OR btrim(p.problem) = ''
      OR char_length(p.problem) > 2000 OR btrim(p.how_to) = '' OR char_length(p.how_to) > 20000
      OR s.organization_id <> p.organization_id
      OR (p.video_url IS NOT NULL AND p.video_url !~ '^https://')
      OR (p.status = 'published' AND p.shows_students
        AND (p.consent_recorded_at IS NULL OR p.consent_withdrawn_at IS NOT NULL))
      OR p.helpful_count <> (SELECT count(*) FROM practice_helpful h WHERE h.practice_id = p.id)
      OR (p.consent_recorded_at IS NOT NULL AND (btrim(coalesce(p.consent_by, '')) = '' OR p.consent_on > current_date))`,
  "announcements: a title and a text within their limits, in a school of their organization": `
    SELECT a.id FROM school_announcements a JOIN schools s ON s.id = a.school_id
    WHERE btrim(a.title) = '' OR char_length(a.title) > 160 OR btrim(a.body) = '' OR char_length(a.body) > 5000
      OR s.organization_id <> a.organization_id OR (a.withdrawn_at IS NULL) <> (a.withdrawn_by IS NULL)`,
  "well-being pulses: a title, 5 to 8 questions, open 1 to 30 days": `
    SELECT id FROM wellbeing_pulses WHERE btrim(title) = '' OR char_length(title) > 160
      OR cardinality(question_keys) NOT BETWEEN 5 AND 8 OR closes_at <= opens_at
      OR closes_at > opens_at + interval '30 days' OR (closed_at IS NOT NULL AND closed_at > closes_at)`,
  "well-being answers: a score of 1 to 5 for each of the pulse's questions, a school of its scope, one per participation": `
    SELECT a.id FROM wellbeing_answers a JOIN wellbeing_pulses p ON p.id = a.pulse_id
      JOIN schools s ON s.id = a.school_id
    WHERE s.organization_id <> p.organization_id OR (p.school_id IS NOT NULL AND a.school_id <> p.school_id)
      OR num_nonnulls(a.q1, a.q2, a.q3, a.q4, a.q5, a.q6, a.q7, a.q8) <> cardinality(p.question_keys)
      OR least(a.q1, a.q2, a.q3, a.q4, a.q5, a.q6, a.q7, a.q8) < 1
      OR greatest(a.q1, a.q2, a.q3, a.q4, a.q5, a.q6, a.q7, a.q8) > 5
      OR (a.free_text IS NOT NULL AND (NOT p.allows_text OR btrim(a.free_text) = '' OR char_length(a.free_text) > 1000))
    UNION ALL
    SELECT p.id FROM wellbeing_pulses p
    WHERE (SELECT count(*) FROM wellbeing_answers a WHERE a.pulse_id = p.id)
      <> (SELECT count(*) FROM wellbeing_participation w WHERE w.pulse_id = p.id)`,
  "well-being tallies: each school's running counts are its answers' counts": `
    SELECT t.pulse_id FROM wellbeing_tallies t
    WHERE t.answers <> (SELECT count(*) FROM wellbeing_answers a
      WHERE a.pulse_id = t.pulse_id AND a.school_id = t.school_id)
    UNION ALL
    SELECT a.pulse_id FROM wellbeing_answers a
    WHERE NOT EXISTS (SELECT 1 FROM wellbeing_tallies t WHERE t.pulse_id = a.pulse_id AND t.school_id = a.school_id)`,
  "support requests: a message within its limit; a handled one says who handled it": `
    SELECT id FROM wellbeing_support_requests
    WHERE char_length(message) > 2000 OR (handled_at IS NULL) <> (handled_by IS NULL)`,
  "lesson marks: of a place in a cohort of the lesson's own course": `
    SELECT d.lesson_id FROM lesson_completions d JOIN lessons l ON l.id = d.lesson_id
      JOIN registrations r ON r.id = d.registration_id JOIN cohorts k ON k.id = r.cohort_id
    WHERE k.course_id <> l.course_id`,
  // school advisories (module advisory, issue #18)
  "advisories: a title and goals within their limits, dates in order, a known status closed only when closed, a school and a program of their organization, an advisor each": `
    SELECT a.id FROM advisories a JOIN schools s ON s.id = a.school_id
      LEFT JOIN programs p ON p.id = a.program_id
    WHERE btrim(a.title) = '' OR char_length(a.title) > 160 OR char_length(a.goals) > 10000
      OR (a.ends_on IS NOT NULL AND a.ends_on < a.starts_on) OR s.organization_id <> a.organization_id
      OR (p.id IS NOT NULL AND p.organization_id <> a.organization_id)
      OR (a.status = 'closed') <> (a.closed_at IS NOT NULL)
      OR NOT EXISTS (SELECT 1 FROM advisory_advisors x WHERE x.advisory_id = a.id)`,
  "advisory milestones and visits: within their limits; a visit dated from the advisory's start": `
    SELECT m.id FROM advisory_milestones m WHERE btrim(m.title) = '' OR char_length(m.title) > 200
    UNION ALL
    SELECT v.id FROM advisory_visits v JOIN advisories a ON a.id = v.advisory_id
    WHERE v.visited_on < a.starts_on OR char_length(v.notes) > 10000 OR char_length(v.agreements) > 10000
      OR (btrim(v.notes) = '' AND btrim(v.agreements) = '')`,
  // impact (issue #18)
  "programs: a name within its limit, unique in the organization": `
    SELECT id FROM programs WHERE btrim(name) = '' OR char_length(name) > 120 OR name <> btrim(name)`,
  "courses and funder reports: a program of their own organization": `
    SELECT c.id FROM courses c JOIN programs p ON p.id = c.program_id WHERE p.organization_id <> c.organization_id
    UNION ALL
    SELECT f.id FROM funder_reports f JOIN programs p ON p.id = f.program_id WHERE p.organization_id <> f.organization_id`,
  "funder reports: a period in order, a known language, progress 0–100": `
    SELECT id FROM funder_reports WHERE to_on < from_on OR locale NOT IN ('es-CL', 'pt-BR', 'en')
      OR progress < 0 OR progress > 100`,
};

/** Rows per table the forms write to, printed after the run. */
const TABLES = [
  "mentor_pairings",
  "mentoring_sessions",
  "mentoring_session_comments",
  "mentor_tracks",
  "mentor_track_requirements",
  "mentor_candidacies",
  "feedback_reviews",
  "persons",
  "memberships",
  "schools",
  "coordinator_schools",
  "invitations",
  "email_changes",
  "roster_imports",
  "observations",
  "observation_notes",
  "observation_snapshots",
  "feedback_meetings",
  "reflections",
  "catalogue_steps",
  "instruments",
  "instrument_versions",
  "calibrations",
  "calibration_scores",
  "privacy_requests",
  "registrations",
  "courses",
  "cohorts",
  "live_sessions",
  "session_attendance",
  "certificates",
  "certificate_runs",
  "cohort_announcements",
  "course_modules",
  "lessons",
  "lesson_files",
  "lesson_completions",
  "course_activities",
  "activity_submissions",
  "discussion_threads",
  "discussion_posts",
  "discussion_follows",
  "discussion_reports",
  "school_announcements",
  "practices",
  "practice_helpful",
  "announcement_reads",
  "wellbeing_pulses",
  "wellbeing_answers",
  "wellbeing_participation",
  "wellbeing_support_requests",
  "wellbeing_contacts",
  "wellbeing_tallies",
];

/** With FUZZ_DUMP=<dir>, each failing submission is written there to be replayed. */
function dump(index: number, url: string, persona: Persona | null, sub: Submission) {
  if (!process.env.FUZZ_DUMP) return;
  const body = Buffer.from(sub.body).toString("base64");
  writeFileSync(
    path.join(process.env.FUZZ_DUMP, `${index}.json`),
    JSON.stringify({ url, persona, kind: sub.kind, contentType: sub.contentType, body }),
  );
}

async function rowsOf(statement: string): Promise<Array<Record<string, unknown>>> {
  return ((await db().execute(sql.raw(statement))) as unknown as { rows: Array<Record<string, unknown>> })
    .rows;
}

// ── The tests ─────────────────────────────────────────────────────────────────────────────────────

beforeAll(async () => {
  w = await makeFuzzWorld();
}, 120_000);

describe("input fuzzing of every form", () => {
  it("knows who may post to every route that has an action", () => {
    const withAction = (routes as Array<{ path?: string; index?: boolean; file: string }>)
      .filter((r) =>
        /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(
          readFileSync(path.join(import.meta.dirname, "../../app", r.file), "utf8"),
        ),
      )
      .map((r) => (r.index ? "/" : (r.path as string)));
    expect(withAction.filter((p) => !FUZZ[p])).toEqual([]);
    expect(Object.keys(FUZZ).filter((p) => !withAction.includes(p))).toEqual([]);
  });

  it("answers hostile return paths and notices in every page's query string with a page or a redirect home", async () => {
    const base = server.current().url;
    const pages = new Map<string, Persona | null>([
      ["/ingresar", null],
      ["/recuperar", null],
      ["/", null],
    ]);
    for (const list of Object.values(FUZZ)) {
      for (const target of list) pages.set(target.page?.(w) ?? target.url(w), target.persona);
    }
    pages.set("/ingresar#signed-in", "teacherA");
    const problems: string[] = [];
    // Every hostile value where a return path is followed (sign-in, signed in or not); the worst few
    // on every other page (each reads `aviso`, some `pagina`).
    const followsReturnPath = (page: string) => page.startsWith("/ingresar");
    const worst = ["//evil.example", "/\n", "/%0A", "/\r\nSet-Cookie: x=1", "javascript:alert(1)"];
    for (const [page, persona] of pages) {
      const cookie = persona
        ? `impulso_session=${(await createSession(w[persona].id, { ip: "127.0.0.1" })).token}`
        : "";
      for (const value of followsReturnPath(page) ? RETURN_PATHS : worst) {
        const query = new URLSearchParams({ volver: value, aviso: value, pagina: value }).toString();
        // as a browser sends it, and with the raw characters a hand-made request may carry
        for (const search of [query, `volver=${value.replace(/[#&]/g, "")}`]) {
          const url = `${base}${page.replace(/#.*$/, "")}?${search}`;
          let res: Response;
          try {
            res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
          } catch {
            continue; // a URL that fetch itself refuses to send (a raw newline) never reaches us
          }
          const html = await res.text();
          const location = res.headers.get("location");
          if (res.status >= 500) problems.push(`${page} ?${search}: ${res.status}`);
          else if (
            location &&
            (!location.startsWith("/") || location.startsWith("//") || /[\\\s]/.test(location))
          )
            problems.push(`${page} ?${search}: redirect to ${JSON.stringify(location)}`);
          else if (res.status === 404 && !html.includes(esCL["errors.not_found.title"]))
            problems.push(`${page} ?${search}: 404 without the Spanish page`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it(
    `answers ${COUNT} malformed submissions with a page or a Spanish refusal, and stores nothing broken`,
    async () => {
      console.log(`fuzz: seed ${SEED} (FUZZ_SEED), ${COUNT} submissions (FUZZ_COUNT)`);
      const started = Date.now();
      const base = server.current().url;
      const cookies = new Map<Persona, string>();
      const cookieOf = async (persona: Persona | null, fresh = false) => {
        if (!persona) return "";
        if (fresh || !cookies.has(persona)) {
          const { token } = await createSession(w[persona].id, { ip: "127.0.0.1" });
          if (fresh) return `impulso_session=${token}`;
          cookies.set(persona, `impulso_session=${token}`);
        }
        return cookies.get(persona) as string;
      };

      // Read each target's forms from the page its persona gets.
      const targets: Array<{ route: string; target: Target; url: string; forms: FormSpec[] }> = [];
      const unreadable: string[] = [];
      for (const [route, list] of Object.entries(FUZZ)) {
        if (process.env.FUZZ_ONLY && !process.env.FUZZ_ONLY.split(",").includes(route)) continue;
        for (const target of list) {
          const url = target.url(w);
          const page = target.page?.(w) ?? url;
          const cookie = await cookieOf(target.persona);
          const res = await fetch(base + page, { headers: cookie ? { cookie } : {}, redirect: "manual" });
          const html = await res.text();
          // A JSON target is posted to by the page's script with the fields of the page's own form.
          const posted = new URL(target.json ? page : url, base).pathname;
          const forms = postForms(html).filter(
            (f) => new URL(f.action || page, base + page).pathname === posted,
          );
          if (res.status !== 200 || forms.length === 0) {
            unreadable.push(`${route} as ${target.persona}: ${res.status}, ${forms.length} forms`);
            continue;
          }
          targets.push({ route, target, url, forms });
        }
      }
      expect(unreadable).toEqual([]);

      const rand = prng(SEED);
      const failures: string[] = [];
      const tally = new Map<string, Map<number, number>>();
      const slow: string[] = [];
      const time = new Map<string, number>();
      const send = async (index: number, entry: (typeof targets)[number], sub: Submission) => {
        const cookie = await cookieOf(entry.target.persona, entry.target.freshSession);
        const headers: Record<string, string> = { origin: base };
        if (cookie) headers.cookie = cookie;
        if (sub.contentType !== null) headers["content-type"] = sub.contentType;
        if (process.env.FUZZ_DUMP_ALL) dump(index, entry.url, entry.target.persona, sub);
        const sent = Date.now();
        let res: Response;
        let html: string;
        try {
          res = await fetch(base + entry.url + (sub.query ?? ""), {
            method: "POST",
            headers,
            body: Buffer.from(sub.body),
            redirect: "manual",
            // every answer takes well under a second: a stalled one fails here, not after minutes
            signal: AbortSignal.timeout(30_000),
          });
          html = await res.text();
        } catch (error) {
          failures.push(
            `#${index} ${entry.route} (${sub.kind}): no answer (${(error as Error).cause ?? error})`,
          );
          dump(index, entry.url, entry.target.persona, sub);
          return;
        }
        const took = Date.now() - sent;
        time.set(entry.route, (time.get(entry.route) ?? 0) + took);
        if (took > 1000) slow.push(`#${index} ${entry.route} (${sub.kind}): ${took} ms`);
        const byStatus = tally.get(entry.route) ?? new Map<number, number>();
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        tally.set(entry.route, byStatus);
        const problem =
          problemWith(res.status, res.headers.get("location"), html, entry.target) ??
          (sub.html.find((payload) => html.includes(payload)) !== undefined
            ? "injected HTML came back unescaped"
            : null);
        if (problem && failures.length < 200) {
          failures.push(`#${index} ${entry.route} as ${entry.target.persona} (${sub.kind}): ${problem}`);
          dump(index, entry.url, entry.target.persona, sub);
        }
      };

      // The slow roster files, a fixed few times.
      const roster = targets.find((t) => t.target.roster);
      if (roster) {
        for (const kind of SLOW_ROSTER_KINDS) {
          const file = rosterFile(rand, kind, () => "x");
          const boundary = "----fuzzslow";
          await send(-1, roster, {
            kind: `roster:${kind}`,
            contentType: `multipart/form-data; boundary=${boundary}`,
            body: multipart(file ? [file] : [], boundary),
            html: [],
          });
        }
      }

      // A few in flight at a time, as a school's people would send them. Each is generated when a
      // sender takes it, synchronously and in order, so the same seed gives the same submissions.
      let taken = 0;
      let generating = 0;
      const sender = async () => {
        while (taken < COUNT) {
          const i = taken++;
          const entry = targets[i % targets.length];
          const form = rand.pick(entry.forms);
          const made = performance.now();
          const sub = submission(rand, form, entry.target, `fz${i}x`);
          generating += performance.now() - made;
          await send(i, entry, sub);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, sender));

      const seconds = (Date.now() - started) / 1000;
      console.log(
        `fuzz: ${COUNT} submissions in ${seconds.toFixed(1)} s (${IN_FLIGHT} in flight; generating them: ${(generating / 1000).toFixed(1)} s)\n${[
          ...tally,
        ]
          .map(
            ([route, counts]) =>
              `  ${route}: ${[...counts].map(([s, n]) => `${s}×${n}`).join(" ")} (${time.get(route)} ms)`,
          )
          .join("\n")}\nfuzz: answers slower than 1 s: ${slow.length ? slow.join("; ") : "none"}`,
      );
      expect(failures, `seed ${SEED}`).toEqual([]);

      // Nothing half-written: every row of the tables the forms write to is complete and valid.
      const broken: Record<string, unknown> = {};
      for (const [rule, statement] of Object.entries(INVARIANTS)) {
        try {
          const rows = await rowsOf(statement);
          if (rows.length) broken[rule] = rows.slice(0, 5);
        } catch (error) {
          broken[rule] = `the check itself failed: ${(error as Error).cause ?? error}`;
        }
      }
      const counts = await rowsOf(
        `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(", ")}`,
      );
      console.log(`fuzz: rows after the run ${JSON.stringify(counts[0])}`);
      expect(broken).toEqual({});

      // Only the throwaway person can have been anonymized, and only through its own request.
      const anonymized = await db()
        .select({ id: persons.id })
        .from(persons)
        .where(sql`${persons.email} LIKE 'eliminada-%@invalid'`);
      expect(anonymized.filter((p) => p.id !== w.leaving.id)).toEqual([]);
      const handled = await db()
        .select({ id: privacyRequests.id })
        .from(privacyRequests)
        .where(sql`${privacyRequests.status} <> 'pending'`);
      expect(handled.filter((r) => r.id !== w.privacyRequestId)).toEqual([]);

      // The fuzzed people are still signed in and their pages still open.
      // (Not the one who signs out: teacherB, whose sessions a successful password reset also ends.)
      const signsOut = new Set(targets.filter((t) => t.target.freshSession).map((t) => t.target.persona));
      for (const [persona, cookie] of cookies) {
        if (signsOut.has(persona)) continue;
        const home = await fetch(`${base}/`, { headers: { cookie }, redirect: "manual" });
        expect(home.status, persona).toBe(200);
      }
    },
    15 * 60_000,
  );
});

// mentoring's certification track (issue #18): a track, leader A's candidacy (not complete: certifying
// is refused), leader A's submitted visit's meeting (the coordinator advising school A reviews it) and a
// review of it that leader A reads.
const trackFuzz = { trackId: "", candidacyId: "", meetingId: "", reviewId: "" };
beforeAll(async () => {
  const coordinator = await actorOf(w.coordinator.id);
  trackFuzz.trackId = (await createTrack(coordinator, { title: "Trayectoria fuzz", hours: "40" })).id;
  await addRequirement(coordinator, trackFuzz.trackId, { kind: "meetings_recorded", count: "5" });
  trackFuzz.candidacyId = (
    await addCandidate(coordinator, trackFuzz.trackId, { email: w.leaderA.email, startedOn: "2020-01-01" })
  ).id;
  const [meeting] = await rowsOf(
    `SELECT id FROM feedback_meetings WHERE observation_id = '${w.observationId}'`,
  );
  trackFuzz.meetingId = String(meeting?.id);
  const other = await makePerson(w.org.id, [{ role: "coordinator" }]);
  await advise(w.org.id, other.id, w.schoolA.id);
  trackFuzz.reviewId = (
    await writeReview(await actorOf(other.id), trackFuzz.meetingId, { feedback: "Revisión para leer" })
  ).id;
}, 60_000);

// mentoring's pairings and sessions (issue #18): the world's pairing of mentor A with teacher A and a
// session of it; a pairing of a mentor with teacher B that the coordinator may end or re-date.
const pairingFuzz = { pairingId: "", sessionId: "", endPairingId: "" };
beforeAll(async () => {
  const [row] = await rowsOf(
    `SELECT id FROM mentor_pairings WHERE mentor_id = '${w.mentorA.id}' AND teacher_id = '${w.teacherA.id}'`,
  );
  pairingFuzz.pairingId = String(row?.id);
  pairingFuzz.sessionId = await logSession(await actorOf(w.mentorA.id), pairingFuzz.pairingId, {
    heldOn: "2020-02-01",
    focus: "Sesión para comentar",
  });
  const mentor = await makePerson(w.org.id, [{ role: "mentor", schoolId: w.schoolB.id }]);
  pairingFuzz.endPairingId = await pair(w.org.id, mentor.id, w.teacherB.id, w.schoolB.id, {
    startsOn: "2020-01-01",
  });
}, 60_000);
