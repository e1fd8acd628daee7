// The mentoring home (/mentoria, issue #18): for a mentor, their mentees in force with each one's open
// action step, last visit and next follow-up; for a teacher with a mentor, their mentors and sessions.
import { sql } from "drizzle-orm";
import { db, rowsOf } from "../../platform/db/client";
import { type Actor, can, isCoordinator, mentors } from "../../platform/policy";
import { organizationToday } from "../people/actor";
import { hasMentor, myMentors } from "./pairings";

export interface MenteeRow {
  pairingId: string;
  teacherId: string;
  teacherName: string;
  schoolId: string;
  schoolName: string;
  startsOn: string;
  endsOn: string | null;
  stepTitle: string | null;
  lastVisitId: string | null;
  lastVisitAt: Date | null;
  /** the earliest follow-up still ahead: a feedback meeting's follow_up_on or a session's next_on */
  nextFollowUpOn: string | null;
  sessions: number;
}

/**
 * The mentor's mentees in force, in ONE query (every column a lateral probe of an index: the teacher's
 * open step, action_steps_one_open_uq; their last submitted visit in that school,
 * observations_teacher_school_submitted_idx; follow-ups of their meetings, feedback_meetings_teacher_idx;
 * the pairing's sessions, mentoring_sessions_pairing_idx). No query per mentee.
 */
export async function menteesOf(actor: Actor, today = organizationToday()): Promise<MenteeRow[]> {
  if (actor.mentees.size === 0) return [];
  const rows = await rowsOf<{
    pairing_id: string;
    teacher_id: string;
    teacher_name: string;
    school_id: string;
    school_name: string;
    starts_on: string;
    ends_on: string | null;
    step_title: string | null;
    last_visit_id: string | null;
    last_visit_at: Date | string | null;
    next_on: string | null;
    sessions: number;
  }>(
    db(),
    sql`
    SELECT p.id AS pairing_id, p.teacher_id, t.given_names || ' ' || t.family_names AS teacher_name,
      p.school_id, s.name AS school_name, p.starts_on::text AS starts_on, p.ends_on::text AS ends_on,
      st.title AS step_title, lv.id AS last_visit_id, lv.started_at AS last_visit_at,
      least(
        (SELECT min(f.follow_up_on) FROM feedback_meetings f
          WHERE f.teacher_id = p.teacher_id AND f.school_id = p.school_id AND f.follow_up_on >= ${today}::date),
        (SELECT min(ms.next_on) FROM mentoring_sessions ms
          WHERE ms.pairing_id = p.id AND ms.next_on >= ${today}::date)
      )::text AS next_on,
      (SELECT count(*)::int FROM mentoring_sessions ms WHERE ms.pairing_id = p.id) AS sessions
    FROM mentor_pairings p
    JOIN persons t ON t.id = p.teacher_id
    JOIN schools s ON s.id = p.school_id
    LEFT JOIN LATERAL (SELECT a.title FROM action_steps a
      WHERE a.teacher_id = p.teacher_id AND a.status = 'open' AND a.school_id = p.school_id LIMIT 1) st ON true
    LEFT JOIN LATERAL (SELECT o.id, o.started_at FROM observations o
      WHERE o.teacher_id = p.teacher_id AND o.school_id = p.school_id AND o.status = 'submitted'
      ORDER BY o.started_at DESC LIMIT 1) lv ON true
    WHERE p.mentor_id = ${actor.personId} AND p.organization_id = ${actor.organizationId}
      AND p.ended_at IS NULL AND p.starts_on <= ${today}::date
      AND (p.ends_on IS NULL OR p.ends_on >= ${today}::date)
    ORDER BY t.family_names, t.given_names, s.name`,
  );
  // The actor's pairings (loaded with the actor) decide; the query only narrows.
  return rows
    .filter((r) => mentors(actor, r.school_id, r.teacher_id))
    .map((r) => ({
      pairingId: r.pairing_id,
      teacherId: r.teacher_id,
      teacherName: r.teacher_name,
      schoolId: r.school_id,
      schoolName: r.school_name,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      stepTitle: r.step_title,
      lastVisitId: r.last_visit_id,
      lastVisitAt: r.last_visit_at === null ? null : new Date(r.last_visit_at),
      nextFollowUpOn: r.next_on,
      sessions: r.sessions,
    }));
}

/** The /mentoria page: the actor's mentees (as a mentor) and mentors (as a teacher). */
export async function mentoringHome(actor: Actor) {
  const [mentees, mine] = await Promise.all([menteesOf(actor), myMentors(actor)]);
  return {
    today: organizationToday(),
    mentees,
    /** the actor's pairings as a teacher: in force first, then the ended ones (their sessions stay readable) */
    mentors: mine.filter((m) => m.status !== "upcoming"),
    managesPairings: can(actor, "manage", "pairing", { organizationId: actor.organizationId }),
  };
}

/**
 * The menu item (/mentoria): for mentors with a pairing in force (on the actor, no query) and the
 * coordinators who manage pairings. A teacher with a mentor reaches it from the home card (knowing
 * it takes a query, which the menu, built on every page, does not make).
 */
export function mentorsSomeone(actor: Actor): boolean {
  return actor.mentees.size > 0;
}
export const managesPairings = (actor: Actor) => isCoordinator(actor);

/** The home page's mentoring cards: only for whoever has mentees, or a mentor (no empty placeholder). */
export async function mentoringCards(actor: Actor) {
  return { mentor: actor.mentees.size > 0, mentee: await hasMentor(actor) };
}
