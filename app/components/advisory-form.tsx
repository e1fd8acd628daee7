// The fields of an advisory (new and edit) and of a visit (new and edit): every one keeps what was
// typed when the form is refused, with the message beside it.
import { ADVISOR_FIELD, ADVISORY_LIMITS } from "~/modules/advisory/content";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";
import { CheckboxField, Field, SelectField, TextAreaField } from "./form";

export interface AdvisoryFormChoices {
  schools: Array<{ id: string; name: string }>;
  coordinators: Array<{ id: string; name: string }>;
  programs: Array<{ id: string; name: string }>;
}

export function AdvisoryFields({
  options,
  values,
  advisorIds,
  failure,
  withSchool,
}: {
  options: AdvisoryFormChoices;
  values: {
    schoolId?: string;
    title?: string;
    startsOn?: string;
    endsOn?: string;
    goals?: string;
    programId?: string;
  };
  advisorIds: readonly string[];
  failure: FormFailure | undefined;
  withSchool: boolean;
}) {
  const t = useT();
  const advisorsError = failure?.fieldErrors.advisors;
  return (
    <>
      <Field
        name="title"
        label={t("advisory.field.title")}
        required
        maxLength={ADVISORY_LIMITS.title}
        defaultValue={values.title}
        failure={failure}
      />
      {withSchool ? (
        <SelectField
          name="schoolId"
          label={t("advisory.field.school")}
          required
          emptyLabel=""
          defaultValue={values.schoolId}
          options={options.schools.map((s) => ({ value: s.id, label: s.name }))}
          failure={failure}
        />
      ) : null}
      <Field
        name="startsOn"
        type="date"
        label={t("advisory.field.starts_on")}
        required
        defaultValue={values.startsOn}
        failure={failure}
      />
      <Field
        name="endsOn"
        type="date"
        label={t("advisory.field.ends_on")}
        defaultValue={values.endsOn}
        failure={failure}
      />
      <TextAreaField
        name="goals"
        label={t("advisory.field.goals")}
        hint={t("advisory.field.goals_hint")}
        rows={8}
        maxLength={ADVISORY_LIMITS.goals}
        defaultValue={values.goals}
        failure={failure}
      />
      {options.programs.length > 0 || values.programId ? (
        <SelectField
          name="programId"
          label={t("advisory.field.program")}
          emptyLabel={t("advisory.field.no_program")}
          defaultValue={values.programId}
          options={options.programs.map((p) => ({ value: p.id, label: p.name }))}
          failure={failure}
        />
      ) : null}
      <fieldset className={advisorsError ? "field-invalid" : undefined}>
        <legend>{t("advisory.field.advisors")}</legend>
        <p className="hint">{t("advisory.field.advisors_hint")}</p>
        {options.coordinators.map((c) => (
          <CheckboxField
            key={c.id}
            name={`${ADVISOR_FIELD}${c.id}`}
            label={c.name}
            failure={failure}
            defaultChecked={advisorIds.includes(c.id)}
          />
        ))}
        {advisorsError ? <p className="field-error">{t(advisorsError)}</p> : null}
      </fieldset>
    </>
  );
}

export function VisitFields({
  values,
  failure,
  today,
}: {
  values: { visitedOn?: string; notes?: string; agreements?: string };
  failure: FormFailure | undefined;
  today: string;
}) {
  const t = useT();
  return (
    <>
      <Field
        name="visitedOn"
        type="date"
        label={t("advisory.visit.field.visited_on")}
        required
        max={undefined}
        defaultValue={values.visitedOn ?? today}
        failure={failure}
      />
      <TextAreaField
        name="agreements"
        label={t("advisory.visit.field.agreements")}
        hint={t("advisory.visit.field.agreements_hint")}
        rows={5}
        maxLength={ADVISORY_LIMITS.visitText}
        defaultValue={values.agreements}
        failure={failure}
      />
      <TextAreaField
        name="notes"
        label={t("advisory.visit.field.notes")}
        hint={t("advisory.visit.field.notes_hint")}
        rows={6}
        maxLength={ADVISORY_LIMITS.visitText}
        defaultValue={values.notes}
        failure={failure}
      />
    </>
  );
}
