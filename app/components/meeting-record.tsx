// A feedback meeting's record as a reviewer reads it (issue #18, coaching the coach): praise, the
// action step, the plan, the practice and the follow-up; nothing else of the teacher's file.
import { useFormat, useT } from "../lib/i18n";
import { PlainText } from "./plain-text";

export function MeetingRecord({
  meeting: m,
}: {
  meeting: {
    observer: string;
    school: string;
    heldAt: Date;
    praise: string;
    step: string;
    plan: string;
    practiced: boolean;
    practiceNote: string;
    followUpOn: string | null;
  };
}) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="card stack">
      <p className="muted">
        {t("mentoringTrack.meeting.of", { observer: m.observer, school: m.school, date: f.date(m.heldAt) })}
      </p>
      <dl className="stack">
        <dt>{t("mentoringTrack.meeting.praise")}</dt>
        <dd>
          <PlainText text={m.praise} />
        </dd>
        <dt>{t("mentoringTrack.meeting.step")}</dt>
        <dd>{m.step}</dd>
        {m.plan ? (
          <>
            <dt>{t("mentoringTrack.meeting.plan")}</dt>
            <dd>
              <PlainText text={m.plan} />
            </dd>
          </>
        ) : null}
        <dt>{t("mentoringTrack.meeting.practice")}</dt>
        <dd>
          {m.practiced ? t("mentoringTrack.meeting.practiced_yes") : t("mentoringTrack.meeting.practiced_no")}
          {m.practiceNote ? <PlainText text={m.practiceNote} /> : null}
        </dd>
        <dt>{t("mentoringTrack.meeting.follow_up")}</dt>
        <dd>{m.followUpOn ? f.day(m.followUpOn) : t("mentoringTrack.meeting.no_follow_up")}</dd>
      </dl>
    </div>
  );
}
