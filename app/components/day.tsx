// Each person's day on the home page: what is pending for them as an observer (leader or mentor) and
// as a teacher, each item a link to where it is done, newest first (observation/day.ts).
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { PendingWorkResult } from "~/modules/observation";
import { useFormat, useT } from "../lib/i18n";

interface Item {
  key: string;
  to: string;
  label: string;
  after?: ReactNode;
}

function DayList(props: { title: string; items: Item[]; more?: ReactNode }) {
  if (props.items.length === 0) return null;
  return (
    <>
      <h3>{props.title}</h3>
      <ul className="rows">
        {props.items.map((item) => (
          <li key={item.key}>
            <Link to={item.to}>{item.label}</Link> {item.after}
          </li>
        ))}
      </ul>
      {props.more ? <p>{props.more}</p> : null}
    </>
  );
}

export function ObserverDay({
  lists,
  schools,
}: {
  lists: NonNullable<PendingWorkResult["observer"]>;
  /** the schools the viewer leads, for the dashboards' names */
  schools: ReadonlyArray<{ id: string; name: string }>;
}) {
  const t = useT();
  const format = useFormat();
  const { drafts, meetings, followUps, overdue } = lists;
  // The school is named only when the person observes in more than one.
  const place = (school: string, text: string) => (lists.schoolCount > 1 ? `${school} · ${text}` : text);
  const empty = [drafts, meetings, followUps, overdue].every((l) => l.items.length === 0);
  const allVisits = <Link to="/observaciones">{t("day.see_all_visits")}</Link>;
  const newVisit = (schoolId: string, teacherId: string) =>
    `/observaciones/nueva?establecimiento=${schoolId}&docente=${teacherId}`;
  return (
    <section className="card day-list" aria-labelledby="dia-observacion">
      <h2 id="dia-observacion">{t("day.observer.title")}</h2>
      {empty ? <p className="muted">{t("day.observer.nothing")}</p> : null}
      <DayList
        title={t("day.drafts.title")}
        items={drafts.items.map((v) => ({
          key: v.observationId,
          to: `/observaciones/${v.observationId}`,
          label: t("day.visit_of", { teacher: v.teacherName, course: v.course }),
          after: (
            <span className="muted">
              {place(v.schoolName, t("day.drafts.started", { date: format.dateTime(v.startedAt) }))}
            </span>
          ),
        }))}
        more={drafts.more ? allVisits : null}
      />
      <DayList
        title={t("day.meetings.title")}
        items={meetings.items.map((v) => ({
          key: v.observationId,
          to: `/observaciones/${v.observationId}/reunion`,
          label: t("day.meetings.item", { teacher: v.teacherName, course: v.course }),
          after: (
            <>
              {v.late ? <span className="badge badge-warn">{t("day.late")}</span> : null}{" "}
              <span className="muted">
                {t(v.late ? "day.meetings.was_due" : "day.meetings.due", {
                  due: format.dateTime(v.dueAt),
                })}
              </span>
            </>
          ),
        }))}
        more={meetings.more ? allVisits : null}
      />
      <DayList
        title={t("day.follow_ups.title")}
        items={followUps.items.map((f) => ({
          key: f.meetingId,
          to: newVisit(f.schoolId, f.teacherId),
          label: t("day.follow_ups.item", { teacher: f.teacherName, step: f.stepTitle }),
          after: (
            <>
              {f.late ? <span className="badge badge-warn">{t("day.late")}</span> : null}{" "}
              <span className="muted">{t("day.follow_ups.date", { date: format.day(f.date) })}</span>
            </>
          ),
        }))}
        more={
          followUps.more ? (
            <span className="muted">{t("day.only_newest", { count: followUps.items.length })}</span>
          ) : null
        }
      />
      <DayList
        title={t("day.overdue.title")}
        items={overdue.items.map((o) => ({
          key: `${o.schoolId}-${o.teacherId}`,
          to: newVisit(o.schoolId, o.teacherId),
          label: o.teacherName,
          after: (
            <span className="muted">
              {place(
                o.schoolName,
                o.lastVisitAt
                  ? t("day.overdue.last_visit", { date: format.date(o.lastVisitAt) })
                  : t("day.overdue.never"),
              )}
            </span>
          ),
        }))}
        more={
          overdue.more ? (
            lists.dashboardSchoolIds.length ? (
              schools
                .filter((s) => lists.dashboardSchoolIds.includes(s.id))
                .map((s, i) => (
                  <span key={s.id}>
                    {i > 0 ? " · " : null}
                    <Link to={`/establecimientos/${s.id}/observacion`}>
                      {t("day.overdue.see_all", { school: s.name })}
                    </Link>
                  </span>
                ))
            ) : (
              <span className="muted">{t("day.only_newest", { count: overdue.items.length })}</span>
            )
          ) : null
        }
      />
    </section>
  );
}

export function TeacherDay({
  lists,
  personId,
}: {
  lists: NonNullable<PendingWorkResult["teacher"]>;
  personId: string;
}) {
  const t = useT();
  const format = useFormat();
  const { feedback, openStep, nextFollowUp } = lists;
  const development = `/personas/${personId}/desarrollo`;
  return (
    <section className="card day-list" aria-labelledby="dia-docente">
      <h2 id="dia-docente">{t("day.teacher.title")}</h2>
      {feedback.items.length === 0 && !openStep && !nextFollowUp ? (
        <p className="muted">{t("day.teacher.nothing")}</p>
      ) : null}
      <DayList
        title={t("day.feedback.title")}
        items={feedback.items.map((f) => ({
          key: f.observationId,
          to: `/observaciones/${f.observationId}`,
          label: t("day.feedback.item", { observer: f.observerName }),
          after: (
            <span className="muted">
              {t("day.feedback.detail", {
                course: f.course,
                subject: f.subject,
                date: format.date(f.heldAt),
              })}
            </span>
          ),
        }))}
        more={feedback.more ? <Link to={development}>{t("day.see_development")}</Link> : null}
      />
      <DayList
        title={t("day.step.title")}
        items={
          openStep
            ? [
                {
                  key: "step",
                  to: openStep.observationId ? `/observaciones/${openStep.observationId}` : development,
                  label: openStep.title,
                  after: (
                    <span className="muted">
                      {t("day.step.since", { date: format.date(openStep.openedAt) })}
                    </span>
                  ),
                },
              ]
            : []
        }
      />
      <DayList
        title={t("day.next_follow_up.title")}
        items={
          nextFollowUp
            ? [
                {
                  key: "follow-up",
                  to: `/observaciones/${nextFollowUp.observationId}`,
                  label: t("day.next_follow_up.item", { date: format.day(nextFollowUp.date) }),
                  after: (
                    <>
                      {nextFollowUp.late ? <span className="badge badge-warn">{t("day.late")}</span> : null}{" "}
                      <span className="muted">
                        {t("day.next_follow_up.with", { observer: nextFollowUp.observerName })}
                      </span>
                    </>
                  ),
                },
              ]
            : []
        }
      />
    </section>
  );
}
