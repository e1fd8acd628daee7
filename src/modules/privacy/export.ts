// "Descargar mis datos" (Ley 21.719: acceso y portabilidad): everything the platform keeps about the
// signed-in person, as one ZIP: datos.json with all of it, CSV files for the tabular parts and a
// LEEME.txt in the person's language. Never password hashes, session or invitation tokens, emails
// (they carry links with tokens), or what other people may keep from the person (a colleague's
// private reflection).
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { auditEvents } from "../../platform/audit/schema";
import { sessions } from "../../platform/auth/schema";
import { db } from "../../platform/db/client";
import { NotFoundError } from "../../platform/errors";
import { type Cell, csvOf } from "../../platform/export";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid } from "../../platform/ids";
import { type Actor, authorize } from "../../platform/policy";
import { emailChanges, invitations, knownDevices, passwordResets } from "../accounts";
import {
  actionSteps,
  calibrationParticipants,
  calibrationScores,
  calibrations,
  feedbackMeetings,
  instruments,
  instrumentVersions,
  observationLevels,
  observationNotes,
  observationSnapshots,
  observations,
  reflections,
} from "../observation";
import { coordinatorSchools, memberships, organizations, persons, schools } from "../people";
import "./policy";
import { privacyRequests } from "./schema";

export interface PersonalDataArchive {
  fileName: string;
  bytes: Uint8Array;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The ZIP of the actor's own data. Anyone else (administrators included) gets 404. Audited. */
export async function exportPersonalData(
  actor: Actor,
  personId: string,
  now = new Date(),
): Promise<PersonalDataArchive> {
  if (!isUuid(personId)) throw new NotFoundError();
  authorize(actor, "export", "personal_data", { organizationId: actor.organizationId, personId });
  const data = await collect(actor.personId);
  if (!data) throw new NotFoundError();
  const t = translator(isLocale(data.person.locale) ? data.person.locale : "es-CL");
  const files: Record<string, Uint8Array> = {
    "LEEME.txt": strToU8(`${t("privacy.readme", { date: now.toISOString().slice(0, 10) })}\n`),
    "datos.json": strToU8(JSON.stringify({ generatedAt: now.toISOString(), ...data.json }, null, 2)),
  };
  for (const [name, table] of Object.entries(data.tables)) {
    files[name] = strToU8(csvOf({ title: name, columns: table.columns, rows: table.rows }, false));
  }
  const mtime = now;
  const bytes = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, content]) => [name, [content, { mtime }]])),
    { level: 6 },
  );
  await audit(actor, {
    action: "privacy.export",
    subjectType: "person",
    subjectId: actor.personId,
    details: { files: Object.keys(files).length, bytes: bytes.byteLength },
  });
  return { fileName: `mis-datos-${now.toISOString().slice(0, 10)}.zip`, bytes };
}

interface CsvTable {
  columns: string[];
  rows: Cell[][];
}

async function collect(personId: string) {
  const [person] = await db().select().from(persons).where(eq(persons.id, personId));
  if (!person) return undefined;
  const [organization] = await db()
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, person.organizationId));

  // Names of the schools and people the data refers to, read once.
  const schoolNames = new Map(
    (
      await db()
        .select({ id: schools.id, name: schools.name })
        .from(schools)
        .where(eq(schools.organizationId, person.organizationId))
    ).map((s) => [s.id, s.name]),
  );
  const personNames = new Map<string, string>();
  const nameOf = async (ids: Array<string | null>) => {
    const missing = [...new Set(ids.filter((id): id is string => !!id && !personNames.has(id)))];
    if (!missing.length) return;
    const rows = await db()
      .select({ id: persons.id, givenNames: persons.givenNames, familyNames: persons.familyNames })
      .from(persons)
      .where(inArray(persons.id, missing));
    for (const r of rows) personNames.set(r.id, `${r.givenNames} ${r.familyNames}`);
  };
  const name = (id: string | null) => (id ? (personNames.get(id) ?? null) : null);
  const school = (id: string | null) => (id ? (schoolNames.get(id) ?? null) : null);

  const roleRows = await db()
    .select()
    .from(memberships)
    .where(eq(memberships.personId, personId))
    .orderBy(asc(memberships.createdAt));
  const advised = await db()
    .select()
    .from(coordinatorSchools)
    .where(eq(coordinatorSchools.personId, personId));
  const sessionRows = await db()
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
    })
    .from(sessions)
    .where(eq(sessions.personId, personId))
    .orderBy(asc(sessions.createdAt));
  const invitationRows = await db()
    .select({
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      invitedBy: invitations.invitedBy,
    })
    .from(invitations)
    .where(eq(invitations.personId, personId))
    .orderBy(asc(invitations.createdAt));
  const resetRows = await db()
    .select({
      createdAt: passwordResets.createdAt,
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
    })
    .from(passwordResets)
    .where(eq(passwordResets.personId, personId))
    .orderBy(asc(passwordResets.createdAt));
  const addressRows = await db()
    .select()
    .from(emailChanges)
    .where(eq(emailChanges.personId, personId))
    .orderBy(asc(emailChanges.createdAt));
  const deviceRows = await db()
    .select({ createdAt: knownDevices.createdAt, lastUsedAt: knownDevices.lastUsedAt })
    .from(knownDevices)
    .where(eq(knownDevices.personId, personId))
    .orderBy(asc(knownDevices.createdAt));
  const auditRows = await db()
    .select()
    .from(auditEvents)
    .where(or(eq(auditEvents.actorPersonId, personId), eq(auditEvents.subjectId, personId)))
    .orderBy(asc(auditEvents.createdAt));
  const requestRows = await db()
    .select()
    .from(privacyRequests)
    .where(eq(privacyRequests.personId, personId))
    .orderBy(asc(privacyRequests.requestedAt));

  // Observation: visits about the person once submitted, and the visits they authored.
  const received = await db()
    .select()
    .from(observations)
    .where(and(eq(observations.teacherId, personId), eq(observations.status, "submitted")))
    .orderBy(asc(observations.startedAt));
  const authored = await db()
    .select()
    .from(observations)
    .where(eq(observations.observerId, personId))
    .orderBy(asc(observations.startedAt));
  const visitIds = [...new Set([...received, ...authored].map((o) => o.id))];
  const notes = visitIds.length
    ? await db()
        .select()
        .from(observationNotes)
        .where(inArray(observationNotes.observationId, visitIds))
        .orderBy(asc(observationNotes.minute), asc(observationNotes.createdAt))
    : [];
  const levels = visitIds.length
    ? await db()
        .select()
        .from(observationLevels)
        .where(inArray(observationLevels.observationId, visitIds))
        .orderBy(asc(observationLevels.indicatorKey))
    : [];
  const snapshots = visitIds.length
    ? await db()
        .select()
        .from(observationSnapshots)
        .where(inArray(observationSnapshots.observationId, visitIds))
        .orderBy(asc(observationSnapshots.minute))
    : [];
  const meetings = visitIds.length
    ? await db().select().from(feedbackMeetings).where(inArray(feedbackMeetings.observationId, visitIds))
    : [];
  // Only the person's own reflections: the teachers of the visits they authored keep theirs.
  const ownReflections = await db().select().from(reflections).where(eq(reflections.teacherId, personId));
  const steps = await db()
    .select()
    .from(actionSteps)
    .where(eq(actionSteps.teacherId, personId))
    .orderBy(asc(actionSteps.openedAt));
  const versionIds = [...new Set([...received, ...authored].map((o) => o.instrumentVersionId))];
  const versions = versionIds.length
    ? await db()
        .select({
          id: instrumentVersions.id,
          version: instrumentVersions.version,
          name: instruments.name,
        })
        .from(instrumentVersions)
        .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
        .where(inArray(instrumentVersions.id, versionIds))
    : [];
  const participations = await db()
    .select({
      calibrationId: calibrations.id,
      title: calibrations.title,
      heldOn: calibrations.heldOn,
      status: calibrations.status,
      submittedAt: calibrationParticipants.submittedAt,
    })
    .from(calibrationParticipants)
    .innerJoin(calibrations, eq(calibrations.id, calibrationParticipants.calibrationId))
    .where(eq(calibrationParticipants.personId, personId))
    .orderBy(asc(calibrations.createdAt));
  const scores = await db()
    .select()
    .from(calibrationScores)
    .where(eq(calibrationScores.personId, personId))
    .orderBy(asc(calibrationScores.indicatorKey));

  await nameOf([
    ...received.map((o) => o.observerId),
    ...authored.map((o) => o.teacherId),
    ...meetings.map((m) => m.observerId),
    ...auditRows.map((e) => e.actorPersonId),
    ...invitationRows.map((i) => i.invitedBy),
    ...addressRows.map((c) => c.requestedBy),
    ...steps.map((s) => s.openedBy),
  ]);

  const instrumentOf = (versionId: string) => {
    const v = versions.find((x) => x.id === versionId);
    return v ? { name: v.name, version: v.version } : null;
  };
  const notesOf = (id: string) =>
    notes
      .filter((n) => n.observationId === id)
      .map((n) => ({ minute: n.minute, body: n.body, indicatorKeys: n.indicatorKeys }));
  const levelsOf = (id: string) =>
    levels
      .filter((l) => l.observationId === id)
      .map((l) => ({ indicatorKey: l.indicatorKey, level: l.level }));
  const snapshotsOf = (id: string) =>
    snapshots
      .filter((s) => s.observationId === id)
      .map((s) => ({ minute: s.minute, onTask: s.onTask, present: s.present }));
  const meetingOf = (id: string) => {
    const m = meetings.find((x) => x.observationId === id);
    if (!m) return null;
    const reflection = ownReflections.find((r) => r.meetingId === m.id);
    return {
      heldAt: iso(m.heldAt),
      observer: name(m.observerId),
      praise: m.praise,
      model: m.model,
      gap: m.gap,
      plan: m.plan,
      practiced: m.practiced,
      practiceNote: m.practiceNote,
      followUpOn: m.followUpOn,
      acknowledgedAt: iso(m.acknowledgedAt),
      reflection: reflection
        ? { body: reflection.body, private: reflection.private, updatedAt: iso(reflection.updatedAt) }
        : null,
    };
  };
  const visit = (o: (typeof received)[number]) => ({
    id: o.id,
    school: school(o.schoolId),
    instrument: instrumentOf(o.instrumentVersionId),
    purpose: o.purpose,
    course: o.course,
    subject: o.subject,
    status: o.status,
    startedAt: iso(o.startedAt),
    submittedAt: iso(o.submittedAt),
    focusResult: o.focusResult,
    proposedStepTitle: o.proposedStepTitle,
    notes: notesOf(o.id),
    levels: levelsOf(o.id),
    timeOnTask: snapshotsOf(o.id),
    meeting: meetingOf(o.id),
  });

  const json = {
    format: "impulso-mis-datos/1",
    organization,
    person: {
      id: person.id,
      givenNames: person.givenNames,
      familyNames: person.familyNames,
      email: person.email,
      rut: person.rut,
      phone: person.phone,
      status: person.status,
      locale: person.locale,
      timeZone: person.timeZone,
      passwordChangedAt: iso(person.passwordChangedAt),
      createdAt: iso(person.createdAt),
      updatedAt: iso(person.updatedAt),
    },
    memberships: roleRows.map((m) => ({
      role: m.role,
      school: school(m.schoolId),
      schoolId: m.schoolId,
      title: m.title,
      since: iso(m.createdAt),
    })),
    advisedSchools: advised.map((a) => ({
      school: school(a.schoolId),
      schoolId: a.schoolId,
      since: iso(a.createdAt),
    })),
    sessions: sessionRows.map((s) => ({
      createdAt: iso(s.createdAt),
      lastSeenAt: iso(s.lastSeenAt),
      expiresAt: iso(s.expiresAt),
      revokedAt: iso(s.revokedAt),
      userAgent: s.userAgent,
      ip: s.ip,
    })),
    invitations: invitationRows.map((i) => ({
      createdAt: iso(i.createdAt),
      expiresAt: iso(i.expiresAt),
      acceptedAt: iso(i.acceptedAt),
      invitedBy: name(i.invitedBy),
    })),
    passwordResets: resetRows.map((r) => ({
      createdAt: iso(r.createdAt),
      expiresAt: iso(r.expiresAt),
      usedAt: iso(r.usedAt),
    })),
    // Changes of the sign-in address, without their links' tokens.
    emailChanges: addressRows.map((c) => ({
      kind: c.kind,
      oldEmail: c.oldEmail,
      newEmail: c.newEmail,
      requestedBy: name(c.requestedBy),
      reason: c.reason,
      createdAt: iso(c.createdAt),
      confirmedAt: iso(c.confirmedAt),
      cancelledAt: iso(c.cancelledAt),
      undoneAt: iso(c.undoneAt),
    })),
    knownDevices: deviceRows.map((d) => ({ createdAt: iso(d.createdAt), lastUsedAt: iso(d.lastUsedAt) })),
    auditEvents: auditRows.map((e) => {
      const asActor = e.actorPersonId === personId;
      return {
        createdAt: iso(e.createdAt),
        as: asActor ? "actor" : "subject",
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        actor: asActor ? null : name(e.actorPersonId),
        details: e.details,
        // another person's address is theirs, not the subject's
        ip: asActor ? e.ip : null,
      };
    }),
    privacyRequests: requestRows.map((r) => ({
      status: r.status,
      reason: r.reason,
      requestedAt: iso(r.requestedAt),
      handledAt: iso(r.handledAt),
      decisionNote: r.decisionNote,
    })),
    asTeacher: {
      visits: received.map((o) => ({ ...visit(o), observer: name(o.observerId) })),
      actionSteps: steps.map((s) => ({
        title: s.title,
        mastery: s.mastery,
        category: s.category,
        status: s.status,
        openedAt: iso(s.openedAt),
        openedBy: name(s.openedBy),
        closedAt: iso(s.closedAt),
      })),
    },
    asObserver: {
      visits: authored.map((o) => {
        const v = visit(o);
        // the teacher's reflection is theirs
        const meeting = v.meeting ? { ...v.meeting, reflection: undefined } : null;
        return { ...v, teacher: name(o.teacherId), meeting };
      }),
    },
    calibrations: participations.map((c) => ({
      title: c.title,
      heldOn: c.heldOn,
      status: c.status,
      submittedAt: iso(c.submittedAt),
      scores: scores
        .filter((s) => s.calibrationId === c.calibrationId)
        .map((s) => ({ indicatorKey: s.indicatorKey, level: s.level })),
    })),
  };

  const tables: Record<string, CsvTable> = {
    "roles.csv": {
      columns: ["role", "school", "title", "since"],
      rows: json.memberships.map((m) => [m.role, m.school, m.title, m.since]),
    },
    "sesiones.csv": {
      columns: ["created_at", "last_seen_at", "expires_at", "revoked_at", "user_agent", "ip"],
      rows: json.sessions.map((s) => [
        s.createdAt,
        s.lastSeenAt,
        s.expiresAt,
        s.revokedAt,
        s.userAgent,
        s.ip,
      ]),
    },
    "auditoria.csv": {
      columns: ["created_at", "as", "action", "subject_type", "subject_id", "actor", "ip"],
      rows: json.auditEvents.map((e) => [
        e.createdAt,
        e.as,
        e.action,
        e.subjectType,
        e.subjectId,
        e.actor,
        e.ip,
      ]),
    },
    "visitas-recibidas.csv": {
      columns: [
        "visit_id",
        "started_at",
        "submitted_at",
        "school",
        "observer",
        "instrument",
        "course",
        "subject",
        "purpose",
        "focus_result",
        "notes",
      ],
      rows: json.asTeacher.visits.map((v) => [
        v.id,
        v.startedAt,
        v.submittedAt,
        v.school,
        v.observer,
        v.instrument ? `${v.instrument.name} v${v.instrument.version}` : null,
        v.course,
        v.subject,
        v.purpose,
        v.focusResult,
        v.notes.length,
      ]),
    },
    "niveles.csv": {
      columns: ["visit_id", "indicator_key", "level"],
      rows: json.asTeacher.visits.flatMap((v) => v.levels.map((l) => [v.id, l.indicatorKey, l.level])),
    },
    "tiempo-en-tarea.csv": {
      columns: ["visit_id", "minute", "on_task", "present"],
      rows: json.asTeacher.visits.flatMap((v) =>
        v.timeOnTask.map((s) => [v.id, s.minute, s.onTask, s.present]),
      ),
    },
    "reuniones.csv": {
      columns: [
        "visit_id",
        "held_at",
        "observer",
        "praise",
        "model",
        "gap",
        "plan",
        "practiced",
        "practice_note",
        "follow_up_on",
        "acknowledged_at",
        "reflection",
        "reflection_private",
      ],
      rows: json.asTeacher.visits.flatMap((v) =>
        v.meeting
          ? [
              [
                v.id,
                v.meeting.heldAt,
                v.meeting.observer,
                v.meeting.praise,
                v.meeting.model,
                v.meeting.gap,
                v.meeting.plan,
                v.meeting.practiced ? "true" : "false",
                v.meeting.practiceNote,
                v.meeting.followUpOn,
                v.meeting.acknowledgedAt,
                v.meeting.reflection?.body ?? null,
                v.meeting.reflection ? String(v.meeting.reflection.private) : null,
              ],
            ]
          : [],
      ),
    },
    "pasos-de-accion.csv": {
      columns: ["title", "category", "status", "opened_at", "closed_at"],
      rows: json.asTeacher.actionSteps.map((s) => [s.title, s.category, s.status, s.openedAt, s.closedAt]),
    },
    "visitas-realizadas.csv": {
      columns: [
        "visit_id",
        "status",
        "started_at",
        "submitted_at",
        "school",
        "teacher",
        "course",
        "subject",
        "purpose",
        "notes",
      ],
      rows: json.asObserver.visits.map((v) => [
        v.id,
        v.status,
        v.startedAt,
        v.submittedAt,
        v.school,
        v.teacher,
        v.course,
        v.subject,
        v.purpose,
        v.notes.length,
      ]),
    },
    "calibraciones.csv": {
      columns: ["calibration", "held_on", "indicator_key", "level"],
      rows: json.calibrations.flatMap((c) =>
        c.scores.map((s) => [c.title, c.heldOn, s.indicatorKey, s.level]),
      ),
    },
  };
  return { person, json, tables };
}
