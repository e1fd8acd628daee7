// The observation module's personal data (see platform/personal-data.ts): the visits the person
// received (once submitted) and authored, with their evidence, levels, time on task and meetings,
// the person's own reflections and action steps, and their calibrations. Anonymizing removes the free
// texts the person wrote and keeps every row that feeds an aggregate (visits, levels, snapshots, steps,
// meetings, calibrations), so that dashboards and reports stay true; those rows point at the person's
// row, which names nobody any more. The reminders sent to the person are in the archive (kind, subject,
// due, when) and hold no text to anonymize (the emails themselves are the mail platform's). The
// history of the visits the person authored is in the archive; the titles typed for a proposed step
// (on the visit and in its history) are free text and are anonymized.
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { registerPersonalData } from "../../platform/personal-data";
import { iso } from "../../platform/time";
import {
  actionSteps,
  calibrationParticipants,
  calibrationScores,
  calibrations,
  feedbackMeetings,
  instruments,
  instrumentVersions,
  observationFieldEdits,
  observationLevels,
  observationNotes,
  observationSnapshots,
  observations,
  reflections,
  remindersSent,
} from "./schema";

registerPersonalData({
  name: "observation",
  order: 60,
  tables: [
    observations,
    observationNotes,
    observationLevels,
    observationSnapshots,
    observationFieldEdits,
    feedbackMeetings,
    reflections,
    actionSteps,
    calibrations,
    calibrationParticipants,
    calibrationScores,
    // which reminder emails were sent to the person (in the archive); no text of theirs to anonymize
    remindersSent,
  ],
  untouched: [
    {
      table: instrumentVersions,
      reason:
        "created_by is who published a version of an instrument: the organization's record of its instruments, no text of the person's; it points at their row, which names nobody once anonymized",
    },
  ],

  async exportFor(db, person, context) {
    const personId = person.id;
    // Visits about the person once submitted, and the visits they authored.
    const received = await db
      .select()
      .from(observations)
      .where(and(eq(observations.teacherId, personId), eq(observations.status, "submitted")))
      .orderBy(asc(observations.startedAt));
    const authored = await db
      .select()
      .from(observations)
      .where(eq(observations.observerId, personId))
      .orderBy(asc(observations.startedAt));
    const visitIds = [...new Set([...received, ...authored].map((o) => o.id))];
    const notes = visitIds.length
      ? await db
          .select()
          .from(observationNotes)
          .where(inArray(observationNotes.observationId, visitIds))
          .orderBy(asc(observationNotes.minute), asc(observationNotes.createdAt))
      : [];
    const levels = visitIds.length
      ? await db
          .select()
          .from(observationLevels)
          .where(inArray(observationLevels.observationId, visitIds))
          .orderBy(asc(observationLevels.indicatorKey))
      : [];
    const snapshots = visitIds.length
      ? await db
          .select()
          .from(observationSnapshots)
          .where(inArray(observationSnapshots.observationId, visitIds))
          .orderBy(asc(observationSnapshots.minute))
      : [];
    // The history of the visits they authored (their own working record).
    const authoredIds = authored.map((o) => o.id);
    const edits = authoredIds.length
      ? await db
          .select()
          .from(observationFieldEdits)
          .where(inArray(observationFieldEdits.observationId, authoredIds))
          .orderBy(asc(observationFieldEdits.receivedAt))
      : [];
    const meetings = visitIds.length
      ? await db.select().from(feedbackMeetings).where(inArray(feedbackMeetings.observationId, visitIds))
      : [];
    // Only the person's own reflections: the teachers of the visits they authored keep theirs.
    const ownReflections = await db.select().from(reflections).where(eq(reflections.teacherId, personId));
    const steps = await db
      .select()
      .from(actionSteps)
      .where(eq(actionSteps.teacherId, personId))
      .orderBy(asc(actionSteps.openedAt));
    const versionIds = [...new Set([...received, ...authored].map((o) => o.instrumentVersionId))];
    const versions = versionIds.length
      ? await db
          .select({
            id: instrumentVersions.id,
            version: instrumentVersions.version,
            name: instruments.name,
          })
          .from(instrumentVersions)
          .innerJoin(instruments, eq(instruments.id, instrumentVersions.instrumentId))
          .where(inArray(instrumentVersions.id, versionIds))
      : [];
    const participations = await db
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
    const scores = await db
      .select()
      .from(calibrationScores)
      .where(eq(calibrationScores.personId, personId))
      .orderBy(asc(calibrationScores.indicatorKey));

    const name = await context.personNames([
      ...received.map((o) => o.observerId),
      ...authored.map((o) => o.teacherId),
      ...meetings.map((m) => m.observerId),
      ...steps.map((s) => s.openedBy),
    ]);
    const school = await context.schoolNames();

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

    const reminders = await db
      .select()
      .from(remindersSent)
      .where(eq(remindersSent.personId, personId))
      .orderBy(asc(remindersSent.createdAt));

    const json = {
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
          const changes = edits
            .filter((e) => e.observationId === o.id)
            .map((e) => ({
              field: e.field,
              previous: e.previous,
              value: e.value,
              writtenAt: iso(e.writtenAt),
              receivedAt: iso(e.receivedAt),
            }));
          return { ...v, teacher: name(o.teacherId), meeting, changes };
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
      remindersSent: reminders.map((r) => ({
        kind: r.kind,
        subjectId: r.subjectId,
        due: r.due,
        sentAt: iso(r.createdAt),
      })),
    };

    return {
      json,
      csv: {
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
          rows: json.asTeacher.actionSteps.map((s) => [
            s.title,
            s.category,
            s.status,
            s.openedAt,
            s.closedAt,
          ]),
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
      },
    };
  },

  // Free texts the person wrote; the rows (and their counts) stay.
  async anonymize(tx, person, { marker }) {
    await tx.update(reflections).set({ body: marker }).where(eq(reflections.teacherId, person.id));
    await tx
      .update(observationNotes)
      .set({ body: marker })
      .where(
        inArray(
          observationNotes.observationId,
          tx.select({ id: observations.id }).from(observations).where(eq(observations.observerId, person.id)),
        ),
      );
    // The titles they typed for a proposed step, on their visits and as the visits' history kept them.
    await tx
      .update(observations)
      .set({ proposedStepTitle: marker })
      .where(and(eq(observations.observerId, person.id), isNotNull(observations.proposedStepTitle)));
    await tx
      .update(observationFieldEdits)
      .set({
        previous: sql`CASE WHEN ${observationFieldEdits.previous} = '' THEN '' ELSE ${marker} END`,
        value: sql`CASE WHEN ${observationFieldEdits.value} = '' THEN '' ELSE ${marker} END`,
      })
      .where(
        and(
          eq(observationFieldEdits.field, "proposedStepTitle"),
          inArray(
            observationFieldEdits.observationId,
            tx
              .select({ id: observations.id })
              .from(observations)
              .where(eq(observations.observerId, person.id)),
          ),
        ),
      );
    const textOrEmpty = (column: AnyPgColumn) => sql`CASE WHEN ${column} = '' THEN '' ELSE ${marker} END`;
    await tx
      .update(feedbackMeetings)
      .set({
        praise: marker,
        model: textOrEmpty(feedbackMeetings.model),
        gap: textOrEmpty(feedbackMeetings.gap),
        plan: textOrEmpty(feedbackMeetings.plan),
        practiceNote: textOrEmpty(feedbackMeetings.practiceNote),
      })
      .where(eq(feedbackMeetings.observerId, person.id));
  },
});
