import { Form, Link } from "react-router";
import { ACTION_STEP_CATEGORIES, CATALOGUE_LIMITS, MBE_STANDARDS } from "~/modules/observation/content";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";
import { FormMessage, RequestKey, SelectField, SubmitButton, TextAreaField } from "./form";

export interface CatalogueStepValues {
  category: string;
  title: string;
  mastery: string;
  mbeStandard: number | null;
}

/** A step of the action-step catalogue: new (/pasos/nuevo) or edited (/pasos/:stepId). */
export function CatalogueStepForm({
  step,
  failure,
  submitLabel,
  category,
}: {
  step: CatalogueStepValues | null;
  failure?: FormFailure;
  submitLabel: string;
  /** the category a new step starts in */
  category?: string;
}) {
  const t = useT();
  return (
    <Form method="post" className="stack" noValidate>
      <RequestKey />
      <FormMessage failure={failure} />
      <SelectField
        name="category"
        label={t("catalogue.field.category")}
        options={ACTION_STEP_CATEGORIES.map((c) => ({ value: c, label: t(`observation.category.${c}`) }))}
        failure={failure}
        defaultValue={step?.category ?? category ?? ""}
        emptyLabel=""
        required
      />
      <TextAreaField
        name="title"
        label={t("catalogue.field.title")}
        hint={t("catalogue.field.title_hint")}
        failure={failure}
        defaultValue={step?.title}
        rows={2}
        required
        maxLength={CATALOGUE_LIMITS.title}
      />
      <TextAreaField
        name="mastery"
        label={t("catalogue.field.mastery")}
        hint={t("catalogue.field.mastery_hint")}
        failure={failure}
        defaultValue={step?.mastery}
        rows={3}
        required
        maxLength={CATALOGUE_LIMITS.mastery}
      />
      <SelectField
        name="mbeStandard"
        label={t("catalogue.field.mbe")}
        options={MBE_STANDARDS.map((n) => ({ value: String(n), label: t(`instruments.mbe.${n}`) }))}
        failure={failure}
        defaultValue={step?.mbeStandard ? String(step.mbeStandard) : ""}
        emptyLabel={t("instruments.mbe.none")}
      />
      <div className="actions">
        <SubmitButton name="intent" value="save">
          {submitLabel}
        </SubmitButton>
        <Link to="/pasos">{t("catalogue.form.cancel")}</Link>
      </div>
    </Form>
  );
}
