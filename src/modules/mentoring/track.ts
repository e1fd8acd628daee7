// The mentor certification track (issue #18): coordinators configure tracks (title, description,
// certified hours, signer, program) and their requirements in order; they add candidates (a person of
// the organization, with a supervisor if they choose one), record the final interview, and certify
// (certification.ts). Progress is never stored: it is computed from the evidence, for any set of
// candidacies at once, by one statement (`progressOf`).
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { audit } from "../../platform/audit/audit";
import { type DbOrTx, db, rowsOf, uuidArray } from "../../platform/db/client";
import { DomainError, NotFoundError, ValidationError } from "../../platform/errors";
import { isUuid, newId } from "../../platform/ids";
import { type Actor, authorize, can } from "../../platform/policy";
import { localParts } from "../../platform/time";
import { asText, optionalText, parseInput, requiredText } from "../../platform/validation";
import {
  mentorCandidacies,
  mentorTrackRequirements,
  mentorTracks,
  type TrackRequirementKind,
} from "./schema";

/** The organization's day (it works in Chile: America/Santiago's, whatever the viewer's zone). */
export const organizationToday = (now = new Date()) => localParts(now, "America/Santiago").date;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (message = "mentoringTrack.errors.date_invalid") =>
  z.preprocess(
    asText,
    z
      .string()
      .trim()
      .regex(DAY, message)
      .refine((d) => {
        // an impossible day (2026-13-45) is a message, not an exception of toISOString
        const time = Date.parse(`${d}T00:00:00Z`);
        return !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
      }, message),
  );

const trackInput = z.object({
  title: requiredText(200),
  description: optionalText(4_000),
  hours: z.preprocess(
    (v) => (asText(v).trim() === "" ? Number.NaN : Number(asText(v))),
    z
      .number({ message: "mentoringTrack.errors.hours" })
      .int("mentoringTrack.errors.hours")
      .min(1, "mentoringTrack.errors.hours")
      .max(1000, "mentoringTrack.errors.hours"),
  ),
  signerName: optionalText(200),
  signerTitle: optionalText(200),
  programId: z.preprocess(asText, z.string().trim()),
});

const orgSubject = (actor: Actor) => ({ organizationId: actor.organizationId });

async function checkProgram(actor: Actor, programId: string): Promise<string | null> {
  if (programId === "") return null;
  if (!isUuid(programId)) throw new ValidationError({ programId: "errors.invalid_choice" });
  const [found] = await rowsOf<{ id: string }>(
    db(),
    sql`SELECT id FROM programs WHERE id = ${programId} AND organization_id = ${actor.organizationId}`,
  );
  if (!found) throw new ValidationError({ programId: "errors.invalid_choice" });
  return programId;
}

/** The organization's programs a track may belong to. */
async function programOptions(actor: Actor) {
  return rowsOf<{ id: string; name: string }>(
    db(),
    sql`SELECT id, name FROM programs WHERE organization_id = ${actor.organizationId} ORDER BY name, id`,
  );
}

/** Creates a track (coordinators). */
export async function createTrack(actor: Actor, input: Record<string, unknown>): Promise<{ id: string }> {
  authorize(actor, "manage", "mentor_track", orgSubject(actor));
  const data = parseInput(trackInput, input);
  const programId = await checkProgram(actor, data.programId);
  const id = newId();
  await db().transaction(async (tx) => {
    await tx.insert(mentorTracks).values({
      id,
      organizationId: actor.organizationId,
      programId,
      title: data.title,
      description: data.description,
      hours: data.hours,
      signerName: data.signerName,
      signerTitle: data.signerTitle,
      createdBy: actor.personId,
    });
    await audit(actor, { action: "mentoring.track_created", subjectType: "mentor_track", subjectId: id }, tx);
  });
  return { id };
}

async function trackOf(actor: Actor, trackId: string) {
  if (!isUuid(trackId)) throw new NotFoundError();
  const [track] = await db()
    .select()
    .from(mentorTracks)
    .where(and(eq(mentorTracks.id, trackId), eq(mentorTracks.organizationId, actor.organizationId)));
  if (!track) throw new NotFoundError();
  return track;
}

/** Edits a track's title, description, hours, signer and program (certificates already issued keep theirs). */
export async function updateTrack(actor: Actor, trackId: string, input: Record<string, unknown>) {
  const track = await trackOf(actor, trackId);
  authorize(actor, "manage", "mentor_track", track);
  const data = parseInput(trackInput, input);
  const programId = await checkProgram(actor, data.programId);
  await db().transaction(async (tx) => {
    await tx
      .update(mentorTracks)
      .set({
        title: data.title,
        description: data.description,
        hours: data.hours,
        signerName: data.signerName,
        signerTitle: data.signerTitle,
        programId,
      })
      .where(eq(mentorTracks.id, track.id));
    await audit(
      actor,
      { action: "mentoring.track_updated", subjectType: "mentor_track", subjectId: track.id },
      tx,
    );
  });
}

const requirementInput = z.object({
  kind: z.enum(["course_completed", "meetings_recorded", "meetings_reviewed", "final_interview"], {
    message: "errors.invalid_choice",
  }),
  courseId: z.preprocess(asText, z.string().trim()),
  count: z.preprocess(asText, z.string().trim()),
});

/** Adds a requirement at the end of the track. */
export async function addRequirement(actor: Actor, trackId: string, input: Record<string, unknown>) {
  const track = await trackOf(actor, trackId);
  authorize(actor, "manage", "mentor_track", track);
  const data = parseInput(requirementInput, input);
  let courseId: string | null = null;
  let count: number | null = null;
  if (data.kind === "course_completed") {
    if (!isUuid(data.courseId)) throw new ValidationError({ courseId: "mentoringTrack.errors.course" });
    const [course] = await rowsOf<{ id: string }>(
      db(),
      sql`SELECT id FROM courses WHERE id = ${data.courseId} AND organization_id = ${actor.organizationId}`,
    );
    if (!course) throw new ValidationError({ courseId: "mentoringTrack.errors.course" });
    courseId = course.id;
  } else if (data.kind === "meetings_recorded" || data.kind === "meetings_reviewed") {
    const n = /^\d{1,3}$/.test(data.count) ? Number(data.count) : Number.NaN;
    if (!(n >= 1 && n <= 100)) throw new ValidationError({ count: "mentoringTrack.errors.count" });
    count = n;
  }
  await db().transaction(async (tx) => {
    // the track's row is the lock: two additions at once take the next two positions
    await tx.execute(sql`SELECT id FROM mentor_tracks WHERE id = ${track.id} FOR UPDATE`);
    const [last] = await rowsOf<{ position: number | null }>(
      tx,
      sql`SELECT max(position) AS position FROM mentor_track_requirements WHERE track_id = ${track.id}`,
    );
    if (data.kind === "final_interview" || data.kind === "course_completed") {
      const [same] = await rowsOf<{ id: string }>(
        tx,
        sql`SELECT id FROM mentor_track_requirements WHERE track_id = ${track.id} AND kind = ${data.kind}
          AND (course_id IS NOT DISTINCT FROM ${courseId}::uuid)`,
      );
      if (same) throw new DomainError("mentoringTrack.errors.requirement_twice");
    }
    await tx.insert(mentorTrackRequirements).values({
      id: newId(),
      trackId: track.id,
      position: Number(last?.position ?? 0) + 1,
      kind: data.kind,
      courseId,
      count,
    });
    await audit(
      actor,
      { action: "mentoring.requirement_added", subjectType: "mentor_track", subjectId: track.id },
      tx,
    );
  });
}

/** Removes a requirement (candidates' progress is computed again from the rest). */
export async function removeRequirement(actor: Actor, trackId: string, requirementId: string) {
  const track = await trackOf(actor, trackId);
  authorize(actor, "manage", "mentor_track", track);
  if (!isUuid(requirementId)) throw new NotFoundError();
  await db().transaction(async (tx) => {
    const removed = await tx
      .delete(mentorTrackRequirements)
      .where(
        and(eq(mentorTrackRequirements.id, requirementId), eq(mentorTrackRequirements.trackId, track.id)),
      )
      .returning({ id: mentorTrackRequirements.id });
    if (removed.length === 0) throw new NotFoundError();
    await audit(
      actor,
      { action: "mentoring.requirement_removed", subjectType: "mentor_track", subjectId: track.id },
      tx,
    );
  });
}

/** A person of the organization by sign-in address, active, or a message on the field. */
async function personByEmail(actor: Actor, email: string, field: string) {
  const [person] = await rowsOf<{ id: string; name: string }>(
    db(),
    sql`SELECT id, given_names || ' ' || family_names AS name FROM persons
      WHERE organization_id = ${actor.organizationId} AND lower(email) = ${email.toLowerCase()}
        AND status = 'active'`,
  );
  if (!person) throw new ValidationError({ [field]: "mentoringTrack.errors.person_unknown" });
  return person;
}

/** Whether a person may supervise: a coordinator of the organization, or a certified mentor (a mentor certificate in force). */
async function maySupervise(organizationId: string, personId: string): Promise<boolean> {
  const [row] = await rowsOf<{ ok: boolean }>(
    db(),
    sql`SELECT (EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = ${personId}
        AND m.organization_id = ${organizationId} AND m.role = 'coordinator')
      OR EXISTS (SELECT 1 FROM certificates z WHERE z.person_id = ${personId} AND z.kind = 'mentor'
        AND z.organization_id = ${organizationId} AND z.revoked_at IS NULL)) AS ok`,
  );
  return Boolean(row?.ok);
}

async function supervisorFrom(actor: Actor, email: string, candidateId: string): Promise<string | null> {
  if (email === "") return null;
  const supervisor = await personByEmail(actor, email, "supervisorEmail");
  if (supervisor.id === candidateId)
    throw new ValidationError({ supervisorEmail: "mentoringTrack.errors.supervisor_self" });
  if (!(await maySupervise(actor.organizationId, supervisor.id)))
    throw new ValidationError({ supervisorEmail: "mentoringTrack.errors.supervisor_role" });
  return supervisor.id;
}

const candidateInput = z.object({
  email: requiredText(320),
  startedOn: z.preprocess((v) => (asText(v).trim() === "" ? organizationToday() : v), day()),
  supervisorEmail: optionalText(320),
});

/** Adds a person of the organization as a candidate of the track (once per track). */
export async function addCandidate(
  actor: Actor,
  trackId: string,
  input: Record<string, unknown>,
): Promise<{ id: string }> {
  const track = await trackOf(actor, trackId);
  authorize(actor, "manage", "mentor_track", track);
  const data = parseInput(candidateInput, input);
  const person = await personByEmail(actor, data.email, "email");
  const supervisorId = await supervisorFrom(actor, data.supervisorEmail, person.id);
  const id = newId();
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(mentorCandidacies)
      .values({
        id,
        organizationId: actor.organizationId,
        trackId: track.id,
        personId: person.id,
        startedOn: data.startedOn,
        supervisorId,
        createdBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning({ id: mentorCandidacies.id });
    if (inserted.length === 0)
      throw new ValidationError({ email: "mentoringTrack.errors.already_candidate" });
    await audit(
      actor,
      { action: "mentoring.candidate_added", subjectType: "mentor_candidacy", subjectId: id },
      tx,
    );
  });
  return { id };
}

export async function candidacyOf(actor: Actor, candidacyId: string) {
  if (!isUuid(candidacyId)) throw new NotFoundError();
  const [row] = await db()
    .select()
    .from(mentorCandidacies)
    .where(
      and(eq(mentorCandidacies.id, candidacyId), eq(mentorCandidacies.organizationId, actor.organizationId)),
    );
  if (!row) throw new NotFoundError();
  return row;
}

const supervisorInput = z.object({ supervisorEmail: optionalText(320) });

/** Assigns (or clears) the candidacy's supervisor. */
export async function setSupervisor(actor: Actor, candidacyId: string, input: Record<string, unknown>) {
  const candidacy = await candidacyOf(actor, candidacyId);
  authorize(actor, "manage", "mentor_track", candidacy);
  const data = parseInput(supervisorInput, input);
  const supervisorId = await supervisorFrom(actor, data.supervisorEmail, candidacy.personId);
  await db().transaction(async (tx) => {
    await tx.update(mentorCandidacies).set({ supervisorId }).where(eq(mentorCandidacies.id, candidacy.id));
    await audit(
      actor,
      {
        action: "mentoring.supervisor_set",
        subjectType: "mentor_candidacy",
        subjectId: candidacy.id,
        details: { supervisorId },
      },
      tx,
    );
  });
}

const interviewInput = z.object({ interviewOn: day(), interviewNotes: optionalText(4_000) });

/** Records (or corrects) the final interview: its date and notes. */
export async function recordInterview(actor: Actor, candidacyId: string, input: Record<string, unknown>) {
  const candidacy = await candidacyOf(actor, candidacyId);
  authorize(actor, "manage", "mentor_track", candidacy);
  if (candidacy.certifiedAt) throw new DomainError("mentoringTrack.errors.already_certified");
  const data = parseInput(interviewInput, input);
  if (data.interviewOn < candidacy.startedOn || data.interviewOn > organizationToday())
    throw new ValidationError({ interviewOn: "mentoringTrack.errors.interview_date" });
  await db().transaction(async (tx) => {
    await tx
      .update(mentorCandidacies)
      .set({
        interviewOn: data.interviewOn,
        interviewNotes: data.interviewNotes,
        interviewBy: actor.personId,
      })
      .where(and(eq(mentorCandidacies.id, candidacy.id), sql`${mentorCandidacies.certifiedAt} IS NULL`));
    await audit(
      actor,
      { action: "mentoring.interview_recorded", subjectType: "mentor_candidacy", subjectId: candidacy.id },
      tx,
    );
  });
}

/** One requirement of a candidacy as computed from the evidence. */
export interface RequirementProgress {
  candidacyId: string;
  requirementId: string;
  position: number;
  kind: TrackRequirementKind;
  courseId: string | null;
  courseTitle: string | null;
  /** what is needed: 1 for a course or the interview */
  need: number;
  /** what the evidence shows (capped at nothing: 7 of 6 is shown as such) */
  have: number;
  met: boolean;
}

/**
 * Progress of candidacies, requirement by requirement, in one statement: a course certificate in force
 * of the course held by the person; feedback meetings they held as observer since the candidacy
 * started (its first day, UTC midnight); those of them reviewed (by anyone allowed); the interview.
 */
export async function progressOf(
  source: DbOrTx,
  candidacyIds: readonly string[],
): Promise<RequirementProgress[]> {
  if (candidacyIds.length === 0) return [];
  const rows = await rowsOf<{
    candidacy_id: string;
    requirement_id: string;
    position: number;
    kind: TrackRequirementKind;
    course_id: string | null;
    course_title: string | null;
    need: number;
    have: number | string;
  }>(
    source,
    sql`
    SELECT c.id AS candidacy_id, r.id AS requirement_id, r.position, r.kind, r.course_id,
      co.title AS course_title, COALESCE(r.count, 1) AS need,
      CASE r.kind
        WHEN 'course_completed' THEN (SELECT count(*) FROM certificates z JOIN cohorts k ON k.id = z.cohort_id
          WHERE z.kind = 'course' AND z.revoked_at IS NULL
            AND (z.person_id = c.person_id OR (z.person_id IS NULL AND EXISTS (
              SELECT 1 FROM registrations rr JOIN persons pp ON pp.id = c.person_id
              WHERE rr.id = z.registration_id AND rr.email = lower(pp.email))))
            AND k.course_id = r.course_id)
        WHEN 'meetings_recorded' THEN (SELECT count(*) FROM feedback_meetings m
          WHERE m.observer_id = c.person_id AND m.organization_id = c.organization_id
            AND m.held_at >= c.started_on::timestamp AT TIME ZONE 'UTC')
        WHEN 'meetings_reviewed' THEN (SELECT count(DISTINCT v.meeting_id) FROM feedback_reviews v
          JOIN feedback_meetings m ON m.id = v.meeting_id
          WHERE v.observer_id = c.person_id AND m.observer_id = c.person_id
            AND m.held_at >= c.started_on::timestamp AT TIME ZONE 'UTC')
        ELSE (CASE WHEN c.interview_on IS NULL THEN 0 ELSE 1 END)
      END AS have
    FROM mentor_candidacies c
    JOIN mentor_track_requirements r ON r.track_id = c.track_id
    LEFT JOIN courses co ON co.id = r.course_id
    WHERE c.id = ANY(${uuidArray(candidacyIds)})
    ORDER BY c.id, r.position`,
  );
  return rows.map((r) => {
    const have = Number(r.have);
    const need = Number(r.need);
    return {
      candidacyId: r.candidacy_id,
      requirementId: r.requirement_id,
      position: r.position,
      kind: r.kind,
      courseId: r.course_id,
      courseTitle: r.course_title,
      need,
      have,
      met: have >= need,
    };
  });
}

/** Whether every requirement is met (a track with no requirement is never complete). */
export const isComplete = (items: readonly RequirementProgress[]) =>
  items.length > 0 && items.every((i) => i.met);

/** The coordinators' list of tracks with their counts; and everyone's own candidacies and those they supervise. */
export async function trackHome(actor: Actor) {
  const manages = can(actor, "manage", "mentor_track", orgSubject(actor));
  const tracks = manages
    ? await rowsOf<{
        id: string;
        title: string;
        hours: number;
        archived: boolean;
        requirements: number | string;
        candidates: number | string;
        certified: number | string;
      }>(
        db(),
        sql`
        SELECT t.id, t.title, t.hours, t.archived_at IS NOT NULL AS archived,
          (SELECT count(*) FROM mentor_track_requirements r WHERE r.track_id = t.id) AS requirements,
          (SELECT count(*) FROM mentor_candidacies c WHERE c.track_id = t.id AND c.withdrawn_at IS NULL) AS candidates,
          (SELECT count(*) FROM mentor_candidacies c WHERE c.track_id = t.id AND c.certified_at IS NOT NULL) AS certified
        FROM mentor_tracks t WHERE t.organization_id = ${actor.organizationId}
        ORDER BY t.archived_at IS NOT NULL, t.created_at DESC, t.id`,
      )
    : [];
  const candidacies = await rowsOf<{
    id: string;
    person_id: string;
    name: string;
    title: string;
    started_on: string;
    certified_at: Date | string | null;
  }>(
    db(),
    sql`
    SELECT c.id, c.person_id, p.given_names || ' ' || p.family_names AS name, t.title,
      c.started_on::text AS started_on, c.certified_at
    FROM mentor_candidacies c JOIN mentor_tracks t ON t.id = c.track_id JOIN persons p ON p.id = c.person_id
    WHERE c.organization_id = ${actor.organizationId} AND c.withdrawn_at IS NULL
      AND (c.person_id = ${actor.personId} OR (c.supervisor_id = ${actor.personId} AND c.certified_at IS NULL))
    ORDER BY c.started_on DESC, c.id`,
  );
  const progress = await progressOf(
    db(),
    candidacies.map((c) => c.id),
  );
  const summary = (id: string) => {
    const items = progress.filter((p) => p.candidacyId === id);
    return { met: items.filter((i) => i.met).length, total: items.length };
  };
  const shaped = candidacies.map((c) => ({
    id: c.id,
    name: c.name,
    title: c.title,
    startedOn: c.started_on,
    certifiedAt: c.certified_at ? new Date(c.certified_at) : null,
    ...summary(c.id),
  }));
  return {
    manages,
    tracks: tracks.map((t) => ({
      id: t.id,
      title: t.title,
      hours: t.hours,
      archived: t.archived,
      requirements: Number(t.requirements),
      candidates: Number(t.candidates),
      certified: Number(t.certified),
    })),
    mine: shaped.filter((c) => candidacies.find((x) => x.id === c.id)?.person_id === actor.personId),
    supervised: shaped.filter((c) => candidacies.find((x) => x.id === c.id)?.person_id !== actor.personId),
  };
}

/** Whether /mentoria/certificacion has anything for the actor. */
export async function hasTrackWork(actor: Actor): Promise<boolean> {
  if (can(actor, "manage", "mentor_track", orgSubject(actor))) return true;
  const [row] = await rowsOf<{ id: string }>(
    db(),
    sql`SELECT id FROM mentor_candidacies WHERE organization_id = ${actor.organizationId}
      AND (person_id = ${actor.personId} OR supervisor_id = ${actor.personId}) LIMIT 1`,
  );
  return Boolean(row);
}

/** A track's page for coordinators: the track, its requirements, every candidate's progress, the choices. */
export async function trackPage(actor: Actor, trackId: string) {
  const track = await trackOf(actor, trackId);
  authorize(actor, "manage", "mentor_track", track);
  const requirements = await rowsOf<{
    id: string;
    position: number;
    kind: TrackRequirementKind;
    course_id: string | null;
    course_title: string | null;
    count: number | null;
  }>(
    db(),
    sql`SELECT r.id, r.position, r.kind, r.course_id, c.title AS course_title, r.count
      FROM mentor_track_requirements r LEFT JOIN courses c ON c.id = r.course_id
      WHERE r.track_id = ${track.id} ORDER BY r.position`,
  );
  const candidates = await rowsOf<{
    id: string;
    name: string;
    email: string;
    started_on: string;
    supervisor: string | null;
    certified_at: Date | string | null;
    withdrawn_at: Date | string | null;
  }>(
    db(),
    sql`SELECT c.id, p.given_names || ' ' || p.family_names AS name, p.email, c.started_on::text AS started_on,
        s.given_names || ' ' || s.family_names AS supervisor, c.certified_at, c.withdrawn_at
      FROM mentor_candidacies c JOIN persons p ON p.id = c.person_id LEFT JOIN persons s ON s.id = c.supervisor_id
      WHERE c.track_id = ${track.id}
      ORDER BY c.certified_at IS NOT NULL, p.family_names, p.given_names, c.id`,
  );
  const progress = await progressOf(
    db(),
    candidates.map((c) => c.id),
  );
  const courses = await rowsOf<{ id: string; title: string }>(
    db(),
    sql`SELECT id, title FROM courses WHERE organization_id = ${actor.organizationId} ORDER BY title, id`,
  );
  return {
    track: {
      id: track.id,
      title: track.title,
      description: track.description,
      hours: track.hours,
      signerName: track.signerName,
      signerTitle: track.signerTitle,
      programId: track.programId,
    },
    requirements: requirements.map((r) => ({
      id: r.id,
      position: r.position,
      kind: r.kind,
      courseTitle: r.course_title,
      count: r.count,
    })),
    candidates: candidates.map((c) => {
      const items = progress.filter((p) => p.candidacyId === c.id);
      return {
        id: c.id,
        name: c.name,
        email: c.email,
        startedOn: c.started_on,
        supervisor: c.supervisor,
        certifiedAt: c.certified_at ? new Date(c.certified_at) : null,
        withdrawn: c.withdrawn_at !== null,
        items: items.map((i) => ({ kind: i.kind, have: i.have, need: i.need, met: i.met })),
        complete: isComplete(items),
      };
    }),
    courses,
    programs: await programOptions(actor),
  };
}

/** The blank form's choices for a new track. */
export async function newTrackOptions(actor: Actor) {
  authorize(actor, "manage", "mentor_track", orgSubject(actor));
  return { programs: await programOptions(actor) };
}

/**
 * A candidacy's page: progress item by item with its evidence (the course certificate, each meeting
 * recorded and its observation, each review, the interview), for the candidate, the supervisor and
 * coordinators.
 */
export async function candidacyPage(actor: Actor, candidacyId: string) {
  const candidacy = await candidacyOf(actor, candidacyId);
  authorize(actor, "read", "mentor_candidacy", candidacy);
  const manages = can(actor, "manage", "mentor_track", candidacy);
  const [info] = await rowsOf<{
    title: string;
    hours: number;
    name: string;
    supervisor: string | null;
    supervisor_email: string | null;
    interviewer: string | null;
    code: string | null;
    revoked_at: Date | string | null;
    certificate_id: string | null;
  }>(
    db(),
    sql`SELECT t.title, t.hours, p.given_names || ' ' || p.family_names AS name,
        s.given_names || ' ' || s.family_names AS supervisor, s.email AS supervisor_email,
        i.given_names || ' ' || i.family_names AS interviewer, z.code, z.revoked_at, z.id AS certificate_id
      FROM mentor_candidacies c JOIN mentor_tracks t ON t.id = c.track_id JOIN persons p ON p.id = c.person_id
      LEFT JOIN persons s ON s.id = c.supervisor_id LEFT JOIN persons i ON i.id = c.interview_by
      LEFT JOIN certificates z ON z.id = c.certificate_id
      WHERE c.id = ${candidacy.id}`,
  );
  if (!info) throw new NotFoundError();
  const items = await progressOf(db(), [candidacy.id]);
  const courseIds = items.flatMap((i) => (i.courseId ? [i.courseId] : []));
  const certificates = courseIds.length
    ? await rowsOf<{ course_id: string; code: string; issued_at: Date | string }>(
        db(),
        sql`SELECT k.course_id, z.code, z.issued_at FROM certificates z JOIN cohorts k ON k.id = z.cohort_id
          WHERE z.kind = 'course' AND z.revoked_at IS NULL
            AND (z.person_id = ${candidacy.personId} OR (z.person_id IS NULL AND EXISTS (
              SELECT 1 FROM registrations rr JOIN persons pp ON pp.id = ${candidacy.personId}
              WHERE rr.id = z.registration_id AND rr.email = lower(pp.email))))
            AND k.course_id = ANY(${uuidArray(courseIds)})
          ORDER BY z.issued_at DESC`,
      )
    : [];
  const meetings = await rowsOf<{
    id: string;
    observation_id: string;
    held_at: Date | string;
    school: string;
    reviews: number | string;
  }>(
    db(),
    sql`SELECT m.id, m.observation_id, m.held_at, s.name AS school,
        (SELECT count(*) FROM feedback_reviews v WHERE v.meeting_id = m.id) AS reviews
      FROM feedback_meetings m JOIN schools s ON s.id = m.school_id
      WHERE m.observer_id = ${candidacy.personId} AND m.organization_id = ${candidacy.organizationId}
        AND m.held_at >= ${candidacy.startedOn}::timestamp AT TIME ZONE 'UTC'
      ORDER BY m.held_at DESC, m.id
      LIMIT 200`,
  );
  const reviews = await rowsOf<{
    id: string;
    meeting_id: string;
    reviewer: string;
    created_at: Date | string;
    held_at: Date | string;
  }>(
    db(),
    sql`SELECT v.id, v.meeting_id, r.given_names || ' ' || r.family_names AS reviewer, v.created_at, m.held_at
      FROM feedback_reviews v JOIN feedback_meetings m ON m.id = v.meeting_id JOIN persons r ON r.id = v.reviewer_id
      WHERE v.observer_id = ${candidacy.personId} AND m.observer_id = ${candidacy.personId}
        AND m.held_at >= ${candidacy.startedOn}::timestamp AT TIME ZONE 'UTC'
      ORDER BY v.created_at DESC, v.id
      LIMIT 200`,
  );
  const own = candidacy.personId === actor.personId;
  return {
    candidacy: {
      id: candidacy.id,
      trackId: candidacy.trackId,
      title: info.title,
      hours: info.hours,
      name: info.name,
      own,
      startedOn: candidacy.startedOn,
      supervisor: info.supervisor,
      supervisorEmail: info.supervisor_email,
      interviewOn: candidacy.interviewOn,
      // the interview's notes are the coordinators' (and the candidate's own) to read
      interviewNotes: manages || own ? candidacy.interviewNotes : "",
      interviewer: info.interviewer,
      certifiedAt: candidacy.certifiedAt,
      certificate: info.code
        ? {
            id: info.certificate_id ?? "",
            code: info.code,
            revokedAt: info.revoked_at ? new Date(info.revoked_at) : null,
          }
        : null,
    },
    items,
    complete: isComplete(items),
    evidence: {
      certificates: certificates.map((c) => ({
        courseId: c.course_id,
        code: c.code,
        issuedAt: new Date(c.issued_at),
      })),
      meetings: meetings.map((m) => ({
        id: m.id,
        observationId: m.observation_id,
        heldAt: new Date(m.held_at),
        school: m.school,
        reviews: Number(m.reviews),
      })),
      reviews: reviews.map((r) => ({
        id: r.id,
        meetingId: r.meeting_id,
        reviewer: r.reviewer,
        createdAt: new Date(r.created_at),
        heldAt: new Date(r.held_at),
      })),
    },
    can: { manage: manages },
  };
}

/** The candidacy's requirements and track, for certification (in its transaction). */
export async function trackForCertification(tx: DbOrTx, trackId: string) {
  const [track] = await tx.select().from(mentorTracks).where(eq(mentorTracks.id, trackId));
  return track ?? null;
}

/** Requirements of a track in order (tests and the demo). */
export async function requirementsOf(trackId: string) {
  return db()
    .select()
    .from(mentorTrackRequirements)
    .where(eq(mentorTrackRequirements.trackId, trackId))
    .orderBy(asc(mentorTrackRequirements.position));
}

/**
 * The home page's cards of the track (one indexed statement): the certification page for coordinators
 * and whoever has a candidacy or supervises one; the reviews page for reviewers, and for whoever
 * received reviews they have not read (with how many).
 */
export async function trackCards(actor: Actor) {
  const me = actor.personId;
  const [row] = await rowsOf<{ candidate: boolean; supervises: boolean; unread: number | string }>(
    db(),
    sql`SELECT
      EXISTS (SELECT 1 FROM mentor_candidacies c WHERE c.person_id = ${me} AND c.withdrawn_at IS NULL) AS candidate,
      EXISTS (SELECT 1 FROM mentor_candidacies c WHERE c.supervisor_id = ${me} AND c.certified_at IS NULL
        AND c.withdrawn_at IS NULL) AS supervises,
      (SELECT count(*) FROM feedback_reviews v WHERE v.observer_id = ${me} AND v.read_at IS NULL) AS unread`,
  );
  const manages = can(actor, "manage", "mentor_track", orgSubject(actor));
  const unread = Number(row?.unread ?? 0);
  const reviewer = Boolean(row?.supervises) || (manages && actor.advisedSchoolIds.size > 0);
  return {
    certification: manages || Boolean(row?.candidate) || Boolean(row?.supervises),
    reviews: reviewer || unread > 0,
    unreadReviews: unread,
  };
}
