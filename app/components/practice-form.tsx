// The form a practice is written in (issue #17): what problem it solves, how it is done (Markdown), its
// context, its tags, a video link, who sees it, and whether it shows students. The same form creates and
// edits; a refused form keeps what was typed (failure.values), each checkbox by its own name.
import { ACTION_STEP_CATEGORIES, MBE_STANDARDS } from "~/modules/observation/content";
import {
  PRACTICE_LEVELS,
  PRACTICE_LIMITS,
  PRACTICE_SUBJECTS,
  PRACTICE_VISIBILITIES,
  type PracticeVisibility,
} from "~/modules/practices/content";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";
import { CheckboxField, Field, RequestKey, SelectField, SubmitButton, TextAreaField } from "./form";

export interface PracticeDraft {
  schoolId: string;
  title: string;
  problem: string;
  howTo: string;
  level: string | null;
  grade: string | null;
  subject: string | null;
  mbeStandards: number[];
  stepCategories: string[];
  videoUrl: string | null;
  visibility: PracticeVisibility;
  showsStudents: boolean;
}

export function PracticeForm({
  practice,
  schools,
  failure,
  submitLabel,
}: {
  practice?: PracticeDraft;
  schools: Array<{ id: string; name: string }>;
  failure?: FormFailure;
  submitLabel: string;
}) {
  const t = useT();
  const chosenVisibility = failure?.values.visibility ?? practice?.visibility ?? "school";
  return (
    <>
      <RequestKey />
      <input type="hidden" name="intent" value="save" />
      {schools.length > 1 ? (
        <SelectField
          name="schoolId"
          label={t("practices.field.school")}
          options={schools.map((s) => ({ value: s.id, label: s.name }))}
          defaultValue={practice?.schoolId}
          required
          failure={failure}
        />
      ) : (
        <input type="hidden" name="schoolId" value={practice?.schoolId ?? schools[0]?.id ?? ""} />
      )}
      <Field
        name="title"
        label={t("practices.field.title")}
        required
        maxLength={PRACTICE_LIMITS.title}
        defaultValue={practice?.title}
        failure={failure}
      />
      <TextAreaField
        name="problem"
        label={t("practices.field.problem")}
        hint={t("practices.field.problem_hint")}
        required
        rows={3}
        maxLength={PRACTICE_LIMITS.problem}
        defaultValue={practice?.problem}
        failure={failure}
      />
      <TextAreaField
        name="howTo"
        label={t("practices.field.how_to")}
        hint={t("practices.field.how_to_hint")}
        required
        rows={8}
        maxLength={PRACTICE_LIMITS.howTo}
        defaultValue={practice?.howTo}
        failure={failure}
      />
      <fieldset className="stack">
        <legend>{t("practices.field.context")}</legend>
        <SelectField
          name="level"
          label={t("practices.field.level")}
          emptyLabel={t("practices.field.none")}
          options={PRACTICE_LEVELS.map((l) => ({ value: l, label: t(`practices.level.${l}`) }))}
          defaultValue={practice?.level}
          failure={failure}
        />
        <Field
          name="grade"
          label={t("practices.field.grade")}
          hint={t("practices.field.grade_hint")}
          maxLength={PRACTICE_LIMITS.grade}
          defaultValue={practice?.grade}
          failure={failure}
        />
        <SelectField
          name="subject"
          label={t("practices.field.subject")}
          emptyLabel={t("practices.field.none")}
          options={PRACTICE_SUBJECTS.map((s) => ({ value: s, label: t(`practices.subject.${s}`) }))}
          defaultValue={practice?.subject}
          failure={failure}
        />
      </fieldset>
      <fieldset className="stack">
        <legend>{t("practices.field.standards")}</legend>
        {MBE_STANDARDS.map((n) => (
          <CheckboxField
            key={n}
            name={`standard-${n}`}
            label={t(`practices.standard.${n}`)}
            defaultChecked={practice?.mbeStandards.includes(n)}
            failure={failure}
          />
        ))}
      </fieldset>
      <fieldset className="stack">
        <legend>{t("practices.field.categories")}</legend>
        {ACTION_STEP_CATEGORIES.map((c) => (
          <CheckboxField
            key={c}
            name={`category-${c}`}
            label={t(`observation.category.${c}`)}
            defaultChecked={practice?.stepCategories.includes(c)}
            failure={failure}
          />
        ))}
      </fieldset>
      <Field
        name="videoUrl"
        type="url"
        inputMode="text"
        label={t("practices.field.video_url")}
        hint={t("practices.field.video_url_hint")}
        maxLength={PRACTICE_LIMITS.videoUrl}
        defaultValue={practice?.videoUrl}
        failure={failure}
      />
      <fieldset className="stack">
        <legend>{t("practices.field.visibility")}</legend>
        {PRACTICE_VISIBILITIES.map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="visibility" value={v} defaultChecked={chosenVisibility === v} />{" "}
            {t(`practices.visibility.${v}`)}
          </label>
        ))}
        {failure?.fieldErrors.visibility ? (
          <p className="field-error">{t(failure.fieldErrors.visibility)}</p>
        ) : null}
      </fieldset>
      <CheckboxField
        name="showsStudents"
        label={t("practices.field.shows_students")}
        defaultChecked={practice?.showsStudents}
        failure={failure}
      />
      <p className="muted">{t("practices.field.shows_students_hint")}</p>
      <SubmitButton>{submitLabel}</SubmitButton>
    </>
  );
}

/** The form's fields as the use case takes them: each ticked box of a group gathered in a list. */
export function practiceInputOf(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of form) if (typeof value === "string" && !(key in input)) input[key] = value;
  input.mbeStandards = MBE_STANDARDS.filter((n) => form.get(`standard-${n}`) === "on").map(String);
  input.stepCategories = ACTION_STEP_CATEGORIES.filter((c) => form.get(`category-${c}`) === "on");
  return input;
}
