// Mentoring sessions (issue #18): the mentor logs a session of a pairing in force (held on, focus,
// agreements, next step, an optional next date) and edits it while the pairing lasts; the mentee reads
// their sessions and comments; the mentor reads and comments while the pairing lasts; coordinators
// read. Nobody else, the school's leaders included (product.md). The mentee is told by email: the date
// and the mentor's name, and a link; nothing of what was written.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { translator } from "../../messages";
import { audit } from "../../platform/audit/audit";
import { config } from "../../platform/config";
import { db } from "../../platform/db/client";
import { type FieldErrors, NotFoundError, ValidationError } from "../../platform/errors";
import { formatDay } from "../../platform/i18n/format";
import { isLocale } from "../../platform/i18n/i18n";
import { isUuid, newId } from "../../platform/ids";
import { queueEmail } from "../../platform/mail/mail";
import { type Actor, authorize, can } from "../../platform/policy";
import { optionalText, parseInput, requiredText } from "../../platform/validation";
import { organizationToday } from "../people/actor";
import { persons } from "../people/schema";
import { SESSION_LIMITS } from "./content";
import { isDay, pairingFor, pairingSubject } from "./pairings";
import type { MentoringSessionSubject } from "./policy";
import { mentoringSessionComments, mentoringSessions, mentorPairings } from "./schema";

const s = mentoringSessions;
const author = alias(persons, "author");

const sessionInput = z.object({
  heldOn: requiredText(10, "mentoring.errors.date_invalid"),
  focus: requiredText(SESSION_LIMITS.focus),
  agreements: optionalText(SESSION_LIMITS.agreements),
  nextStep: optionalText(SESSION_LIMITS.nextStep),
  nextOn: optionalText(10),
});

function checkedSession(input: Record<string, unknown>, startsOn: string) {
  const values = parseInput(sessionInput, input);
  const errors: FieldErrors = {};
  const today = organizationToday();
  if (!isDay(values.heldOn)) errors.heldOn = "mentoring.errors.date_invalid";
  else if (values.heldOn > today) errors.heldOn = "mentoring.errors.held_in_future";
  else if (values.heldOn < startsOn) errors.heldOn = "mentoring.errors.held_before_pairing";
  if (values.nextOn && !isDay(values.nextOn)) errors.nextOn = "mentoring.errors.date_invalid";
  else if (values.nextOn && isDay(values.heldOn) && values.nextOn < values.heldOn)
    errors.nextOn = "mentoring.errors.next_before_held";
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { ...values, nextOn: values.nextOn || null };
}

/** The pairing page: the pairing and its sessions, newest first, for whoever may read it. */
export async function pairingPage(actor: Actor, pairingId: string) {
  const pairing = await pairingFor(actor, pairingId);
  const sessions = await db()
    .select({ id: s.id, heldOn: s.heldOn, focus: s.focus, nextOn: s.nextOn })
    .from(s)
    .where(eq(s.pairingId, pairing.id))
    .orderBy(desc(s.heldOn), desc(s.createdAt));
  return {
    pairing,
    sessions,
    canLog: can(actor, "log_session", "pairing", pairing.subject),
    canManage: can(actor, "manage", "pairing", { organizationId: actor.organizationId }),
  };
}

/** The pairing a new session is logged for: its mentor, while in force. */
export async function newSessionFor(actor: Actor, pairingId: string) {
  const pairing = await pairingFor(actor, pairingId);
  authorize(actor, "log_session", "pairing", pairing.subject);
  return { pairing, today: organizationToday() };
}

/** Logs a session of a pairing in force; tells the mentee. Returns its id. */
export async function logSession(actor: Actor, pairingId: string, input: Record<string, unknown>) {
  const { pairing } = await newSessionFor(actor, pairingId);
  const values = checkedSession(input, pairing.startsOn);
  const id = newId();
  await db().transaction(async (tx) => {
    await tx.insert(s).values({
      id,
      organizationId: pairing.organizationId,
      pairingId: pairing.id,
      heldOn: values.heldOn,
      focus: values.focus,
      agreements: values.agreements,
      nextStep: values.nextStep,
      nextOn: values.nextOn,
      createdBy: actor.personId,
    });
    await audit(
      actor,
      { action: "mentoring_session.logged", subjectType: "mentoring_session", subjectId: id },
      tx,
    );
    const [mentee] = await tx
      .select({
        email: persons.email,
        locale: persons.locale,
        givenNames: persons.givenNames,
        status: persons.status,
      })
      .from(persons)
      .where(eq(persons.id, pairing.teacherId));
    if (mentee?.status === "active") {
      const t = translator(isLocale(mentee.locale) ? mentee.locale : "es-CL");
      const date = formatDay(values.heldOn);
      await queueEmail(
        {
          to: mentee.email,
          organizationId: pairing.organizationId,
          subject: t("mentoring.email.session_subject"),
          text: [
            t("email.greeting", { name: mentee.givenNames }),
            t("mentoring.email.session_intro", { mentor: pairing.mentorName, date }),
            t("mentoring.email.link", { link: `${config().appUrl}/mentoria/sesiones/${id}` }),
            t("email.signature"),
          ].join("\n\n"),
        },
        tx,
      );
    }
  });
  return id;
}

/** A session with its pairing, as the policy reads it; 404 unless the actor may `action` it. */
async function sessionRow(actor: Actor, sessionId: string, action: "read" | "update" | "comment") {
  if (!isUuid(sessionId)) throw new NotFoundError();
  const [row] = await db()
    .select({
      id: s.id,
      organizationId: s.organizationId,
      pairingId: s.pairingId,
      heldOn: s.heldOn,
      focus: s.focus,
      agreements: s.agreements,
      nextStep: s.nextStep,
      nextOn: s.nextOn,
      createdBy: s.createdBy,
      updatedAt: s.updatedAt,
      mentorId: mentorPairings.mentorId,
      teacherId: mentorPairings.teacherId,
      schoolId: mentorPairings.schoolId,
      startsOn: mentorPairings.startsOn,
      endsOn: mentorPairings.endsOn,
      endedAt: mentorPairings.endedAt,
    })
    .from(s)
    .innerJoin(mentorPairings, eq(mentorPairings.id, s.pairingId))
    .where(eq(s.id, sessionId));
  if (!row) throw new NotFoundError();
  const subject: MentoringSessionSubject = {
    ...pairingSubject({ ...row, organizationId: row.organizationId }),
    authorId: row.createdBy,
  };
  authorize(actor, action, "mentoring_session", subject);
  return { row, subject };
}

/** A session, its comments and what the actor may do with it. */
export async function sessionPage(actor: Actor, sessionId: string) {
  const { row, subject } = await sessionRow(actor, sessionId, "read");
  const pairing = await pairingFor(actor, row.pairingId).catch(() => null);
  const comments = await db()
    .select({
      id: mentoringSessionComments.id,
      body: mentoringSessionComments.body,
      createdAt: mentoringSessionComments.createdAt,
      authorId: mentoringSessionComments.authorId,
      authorName: sql<string>`${author.givenNames} || ' ' || ${author.familyNames}`,
    })
    .from(mentoringSessionComments)
    .innerJoin(author, eq(author.id, mentoringSessionComments.authorId))
    .where(eq(mentoringSessionComments.sessionId, row.id))
    .orderBy(asc(mentoringSessionComments.createdAt), asc(mentoringSessionComments.id));
  const { startsOn: _s, endsOn: _e, endedAt: _d, createdBy: _c, ...session } = row;
  return {
    session,
    pairing,
    comments,
    canEdit: can(actor, "update", "mentoring_session", subject),
    canComment: can(actor, "comment", "mentoring_session", subject),
  };
}

/** The session to edit: its mentor, while the pairing is in force. */
export async function sessionForEditing(actor: Actor, sessionId: string) {
  const { row } = await sessionRow(actor, sessionId, "update");
  return row;
}

export async function updateSession(actor: Actor, sessionId: string, input: Record<string, unknown>) {
  const { row } = await sessionRow(actor, sessionId, "update");
  const values = checkedSession(input, row.startsOn);
  await db().transaction(async (tx) => {
    await tx
      .update(s)
      .set({
        heldOn: values.heldOn,
        focus: values.focus,
        agreements: values.agreements,
        nextStep: values.nextStep,
        nextOn: values.nextOn,
        updatedAt: new Date(),
      })
      .where(and(eq(s.id, row.id)));
    await audit(
      actor,
      { action: "mentoring_session.updated", subjectType: "mentoring_session", subjectId: row.id },
      tx,
    );
  });
}

const commentInput = z.object({ body: requiredText(SESSION_LIMITS.comment) });

/** A comment of the mentee, or of the mentor while the pairing is in force. */
export async function commentOnSession(actor: Actor, sessionId: string, input: Record<string, unknown>) {
  const { row } = await sessionRow(actor, sessionId, "comment");
  const { body } = parseInput(commentInput, input);
  const id = newId();
  await db()
    .insert(mentoringSessionComments)
    .values({ id, sessionId: row.id, authorId: actor.personId, body });
  return id;
}
