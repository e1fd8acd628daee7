import { Form } from "react-router";
import type { Role } from "~/modules/people/schema";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";
import { Field, FormMessage, RequestKey, SelectField, SubmitButton } from "./form";

export interface CalibrationFormOptions {
  versions: ReadonlyArray<{ id: string; name: string; version: number }>;
  schools: ReadonlyArray<{ id: string; name: string }>;
  observers: ReadonlyArray<{
    id: string;
    name: string;
    roles: ReadonlyArray<{ role: string; schoolName: string }>;
  }>;
  current: {
    title: string;
    instrumentVersionId: string;
    schoolId: string | null;
    classContext: string;
    heldOn: string | null;
    videoUrl: string | null;
    referenceScorerId: string;
    participantIds: readonly string[];
  } | null;
}

/** The calibration's set-up, to create one or change it while open (fields: calibration.ts). */
export function CalibrationForm({
  options,
  failure,
  submitLabel,
}: {
  options: CalibrationFormOptions;
  failure?: FormFailure;
  submitLabel: string;
}) {
  const t = useT();
  const current = options.current;
  const participantsError = failure?.fieldErrors.participants;
  // The checkbox of each participant is its own field, so that a refused form keeps every tick.
  const field = (personId: string) => `participant_${personId}`;
  const checked = (personId: string) =>
    failure
      ? failure.values[field(personId)] === "on"
      : (current?.participantIds.includes(personId) ?? false);
  const rolesOf = (o: CalibrationFormOptions["observers"][number]) =>
    o.roles
      .map((r) =>
        t("calibration.form.observer_role", { role: t(`role.${r.role as Role}`), school: r.schoolName }),
      )
      .join("; ");
  return (
    <Form method="post" className="stack" noValidate>
      <RequestKey />
      <FormMessage failure={failure} />
      <Field
        name="title"
        label={t("calibration.form.title")}
        hint={t("calibration.form.title_hint")}
        defaultValue={current?.title}
        failure={failure}
        maxLength={120}
        required
      />
      <SelectField
        name="instrumentVersionId"
        label={t("calibration.form.instrument")}
        hint={current ? t("calibration.form.instrument_locked_hint") : undefined}
        options={options.versions.map((v) => ({
          value: v.id,
          label: t("calibration.form.instrument_version", { name: v.name, version: v.version }),
        }))}
        defaultValue={current?.instrumentVersionId ?? options.versions[0]?.id}
        failure={failure}
        required
      />
      <fieldset className="card stack">
        <legend>{t("calibration.form.class")}</legend>
        <p className="hint">{t("calibration.form.class_hint")}</p>
        <SelectField
          name="schoolId"
          label={t("calibration.form.school")}
          options={options.schools.map((s) => ({ value: s.id, label: s.name }))}
          defaultValue={current?.schoolId ?? ""}
          emptyLabel={t("calibration.form.no_school")}
          failure={failure}
        />
        <Field
          name="classContext"
          label={t("calibration.form.class_context")}
          hint={t("calibration.form.class_context_hint")}
          defaultValue={current?.classContext}
          failure={failure}
          maxLength={200}
        />
        <Field
          name="heldOn"
          type="date"
          label={t("calibration.form.held_on")}
          defaultValue={current?.heldOn}
          failure={failure}
        />
        <Field
          name="videoUrl"
          type="url"
          label={t("calibration.form.video_url")}
          hint={t("calibration.form.video_url_hint")}
          defaultValue={current?.videoUrl}
          failure={failure}
          maxLength={500}
          placeholder="https://"
        />
      </fieldset>
      <fieldset
        className={`card stack${participantsError ? " field-invalid" : ""}`}
        aria-describedby={participantsError ? "participants-error" : "participants-hint"}
      >
        <legend>{t("calibration.form.participants")}</legend>
        <p className="hint" id="participants-hint">
          {t("calibration.form.participants_hint")}
        </p>
        {participantsError ? (
          <p className="field-error" id="participants-error">
            {t(participantsError)}
          </p>
        ) : null}
        {options.observers.length === 0 ? (
          <p className="muted">{t("calibration.form.no_observers")}</p>
        ) : (
          options.observers.map((o) => (
            <label key={o.id} className="choice">
              <input type="checkbox" name={field(o.id)} defaultChecked={checked(o.id)} />{" "}
              <span>
                {o.name}
                <br />
                <span className="muted">{rolesOf(o)}</span>
              </span>
            </label>
          ))
        )}
      </fieldset>
      <SelectField
        name="referenceScorerId"
        label={t("calibration.form.reference")}
        hint={t("calibration.form.reference_hint")}
        options={options.observers.map((o) => ({ value: o.id, label: o.name }))}
        defaultValue={current?.referenceScorerId ?? ""}
        emptyLabel=""
        failure={failure}
        required
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
