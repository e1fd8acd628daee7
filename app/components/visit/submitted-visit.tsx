// A visit once sent: what was seen, the feedback meeting, and the teacher's acknowledgement and
// reflection.
import { Form, Link } from "react-router";
import type { Visit } from "~/modules/observation";
import type { Level } from "~/modules/observation/content";
import type { FormFailure } from "../../lib/actions.server";
import { useFormat, useT } from "../../lib/i18n";
import { CheckboxField, FormMessage, RequestKey, SubmitButton, TextAreaField } from "../form";
import { VisitHistory } from "./history";
import { Snapshots } from "./snapshots";

export function SubmittedVisit({ visit, failure }: { visit: Visit; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  return (
    <div className="stack">
      {/* A refused post (to a visit sent meanwhile, an unreadable form) is explained here unless the
          teacher's response form below shows it. */}
      {visit.meeting && visit.can.respond ? null : <FormMessage failure={failure} />}
      <p>
        <a href={`/observaciones/${visit.id}/ciclo.pdf`} download>
          {t("pdf.cycle.download")}
        </a>
      </p>
      {visit.focusStep ? (
        <section className="card">
          {/* The step the visit opened with: the heading says when this visit found it achieved. */}
          <h2>
            {t(
              visit.focusResult === "mastered"
                ? "observation.visit.focus_mastered_heading"
                : "observation.visit.focus",
            )}
          </h2>
          <p className="step-title">{visit.focusStep.title}</p>
          {visit.focusResult ? (
            <p>
              {t("observation.visit.focus_result_was", {
                result: t(
                  visit.focusResult === "mastered"
                    ? "observation.visit.focus_mastered"
                    : "observation.visit.focus_continued",
                ),
              })}
            </p>
          ) : null}
        </section>
      ) : null}
      <MeetingSection visit={visit} failure={failure} />
      <VisitEvidence visit={visit} />
      {!visit.isTeacher && (visit.proposedCatalogueStep || visit.proposedStepTitle) && !visit.meeting ? (
        <p>
          {t("observation.visit.proposed", {
            step: visit.proposedCatalogueStep?.title ?? visit.proposedStepTitle ?? "",
          })}
        </p>
      ) : null}
      <p className="muted">{format.dateTime(visit.submittedAt)}</p>
      <VisitHistory visit={visit} />
    </div>
  );
}

function MeetingSection({ visit, failure }: { visit: Visit; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  const meeting = visit.meeting;
  if (!meeting) {
    if (visit.can.holdMeeting) {
      const late = visit.meetingDue && visit.meetingDue < new Date();
      return (
        <section className="card stack">
          <p className={late ? "alert alert-error" : ""}>
            {late
              ? t("observation.visit.meeting_late", { due: format.dateTime(visit.meetingDue) })
              : t("observation.visit.meeting_due", { due: format.dateTime(visit.meetingDue) })}
          </p>
          <p>
            <Link className="button" to={`/observaciones/${visit.id}/reunion`}>
              {t("observation.visit.hold_meeting")}
            </Link>
          </p>
        </section>
      );
    }
    return <p className="muted">{t("observation.visit.waiting_meeting")}</p>;
  }
  return (
    <section className="card stack" aria-labelledby="retroalimentacion">
      <h2 id="retroalimentacion">{t("observation.meeting.heading")}</h2>
      <p className="muted">{t("observation.meeting.held", { date: format.dateTime(meeting.heldAt) })}</p>
      <h3>{t("observation.meeting.see_it")}</h3>
      <dl>
        <dt>{t("observation.meeting.praise")}</dt>
        <dd>{meeting.praise}</dd>
        {meeting.model ? (
          <>
            <dt>{t("observation.meeting.model")}</dt>
            <dd>{meeting.model}</dd>
          </>
        ) : null}
        {meeting.gap ? (
          <>
            <dt>{t("observation.meeting.gap")}</dt>
            <dd>{meeting.gap}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t("observation.meeting.name_it")}</h3>
      <p className="step-title">{meeting.stepTitle}</p>
      {meeting.stepMastery ? (
        <p className="muted">{t("observation.meeting.mastery", { mastery: meeting.stepMastery })}</p>
      ) : null}
      <h3>{t("observation.meeting.do_it")}</h3>
      {meeting.plan ? (
        <dl>
          <dt>{t("observation.meeting.plan")}</dt>
          <dd>{meeting.plan}</dd>
        </dl>
      ) : null}
      {meeting.practiced ? <p>{t("observation.meeting.practiced_yes")}</p> : null}
      {meeting.practiceNote ? <p>{meeting.practiceNote}</p> : null}
      {meeting.followUpOn ? (
        <p>
          {t("observation.meeting.follow_up_on", { date: format.date(`${meeting.followUpOn}T12:00:00Z`) })}
        </p>
      ) : null}
      <Response visit={visit} failure={failure} />
    </section>
  );
}

function Response({ visit, failure }: { visit: Visit; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  const meeting = visit.meeting;
  if (!meeting) return null;
  const acknowledged = meeting.acknowledgedAt ? (
    <p className="alert alert-ok">
      {t("observation.respond.acknowledged", { date: format.dateTime(meeting.acknowledgedAt) })}
    </p>
  ) : null;
  if (!visit.can.respond) {
    return (
      <>
        {acknowledged ?? (
          <p className="muted">{t("observation.respond.not_acknowledged", { teacher: visit.teacherName })}</p>
        )}
        {visit.reflection ? (
          <>
            <h3>{t("observation.respond.teacher_reflection", { teacher: visit.teacherName })}</h3>
            <p>{visit.reflection.body}</p>
          </>
        ) : null}
      </>
    );
  }
  return (
    <div className="stack">
      {acknowledged ?? (
        <Form method="post">
          <RequestKey />
          <SubmitButton name="intent" value="acknowledge">
            {t("observation.respond.acknowledge")}
          </SubmitButton>
        </Form>
      )}
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <TextAreaField
          name="reflection"
          label={t("observation.respond.reflection")}
          hint={t("observation.respond.reflection_hint")}
          required
          rows={4}
          maxLength={4000}
          defaultValue={visit.reflection?.body}
          failure={failure}
        />
        <CheckboxField
          name="private"
          label={t("observation.respond.private")}
          defaultChecked={visit.reflection?.private ?? false}
          failure={failure}
        />
        <SubmitButton name="intent" value="reflect">
          {t("observation.respond.save")}
        </SubmitButton>
      </Form>
    </div>
  );
}

/**
 * What the visit saw: the evidence notes, time on task and the levels given, each a card. The meeting
 * page shows it folded (headings one level down) while the observer writes the praise and the gap.
 */
export function VisitEvidence({ visit, heading = "h2" }: { visit: Visit; heading?: "h2" | "h3" }) {
  const t = useT();
  const H = heading;
  const indicators = visit.content.sections.flatMap((s) => s.indicators);
  const titleOf = (key: string) => indicators.find((i) => i.key === key)?.title ?? key;
  const scored = indicators.filter((i) => visit.levels[i.key]);
  return (
    <>
      <section className="card">
        <H>{t("observation.visit.evidence")}</H>
        {visit.notes.length === 0 ? (
          <p className="muted">{t("observation.visit.no_notes")}</p>
        ) : (
          <ol className="notes">
            {visit.notes.map((note) => (
              <li key={note.id}>
                <p>
                  <strong>{t("observation.visit.minute", { minute: note.minute })}</strong> {note.body}
                </p>
                {note.indicatorKeys.length ? (
                  <p className="muted">{note.indicatorKeys.map(titleOf).join(" · ")}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {visit.content.timeOnTask ? (
        <section className="card">
          <H>{t("observation.visit.on_task")}</H>
          <Snapshots visit={visit} />
        </section>
      ) : null}
      {scored.length ? (
        <section className="card">
          <H>{t("observation.visit.levels")}</H>
          <dl className="levels-list">
            {scored.map((i) => (
              <div key={i.key}>
                <dt>{i.title}</dt>
                <dd>{t(`observation.level.${visit.levels[i.key] as Level}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
