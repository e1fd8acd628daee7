// The fields of a mentor certification track (new and edit pages of /mentoria/certificacion).

import type { Translate } from "~/messages";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";
import { Field, SelectField, TextAreaField } from "./form";

export function MentorTrackFields({
  failure,
  track,
  programs,
}: {
  failure: FormFailure | undefined;
  track?: {
    title: string;
    description: string;
    hours: number;
    signerName: string;
    signerTitle: string;
    programId: string | null;
  };
  programs: ReadonlyArray<{ id: string; name: string }>;
}) {
  const t = useT();
  return (
    <>
      <Field
        name="title"
        label={t("mentoringTrack.field.title")}
        required
        maxLength={200}
        defaultValue={track?.title}
        failure={failure}
      />
      <TextAreaField
        name="description"
        label={t("mentoringTrack.field.description")}
        maxLength={4000}
        defaultValue={track?.description}
        failure={failure}
      />
      <Field
        name="hours"
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        label={t("mentoringTrack.field.hours")}
        required
        defaultValue={track?.hours}
        failure={failure}
      />
      <Field
        name="signerName"
        label={t("mentoringTrack.field.signer_name")}
        maxLength={200}
        defaultValue={track?.signerName}
        failure={failure}
      />
      <Field
        name="signerTitle"
        label={t("mentoringTrack.field.signer_title")}
        maxLength={200}
        defaultValue={track?.signerTitle}
        failure={failure}
      />
      <SelectField
        name="programId"
        label={t("mentoringTrack.field.program")}
        failure={failure}
        defaultValue={track?.programId ?? ""}
        emptyLabel={t("mentoringTrack.program_none")}
        options={programs.map((p) => ({ value: p.id, label: p.name }))}
      />
    </>
  );
}

/** A requirement as a sentence ("6 reuniones de retroalimentación registradas"). */
export function requirementLabel(
  t: Translate,
  r: { kind: string; courseTitle: string | null; count: number | null },
): string {
  switch (r.kind) {
    case "course_completed":
      return t("mentoringTrack.kind.course_completed", { course: r.courseTitle ?? "" });
    case "meetings_recorded":
      return t("mentoringTrack.kind.meetings_recorded", { count: r.count ?? 0 });
    case "meetings_reviewed":
      return t("mentoringTrack.kind.meetings_reviewed", { count: r.count ?? 0 });
    default:
      return t("mentoringTrack.kind.final_interview");
  }
}
