// The form of a mentoring session (new and edit): held on, focus, agreements, next step, next date.
import { Form } from "react-router";
import { SESSION_LIMITS } from "~/modules/mentoring/content";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";
import { Field, FormMessage, RequestKey, SubmitButton, TextAreaField } from "./form";

export function MentoringSessionForm(props: {
  failure: FormFailure | undefined;
  session?: { heldOn: string; focus: string; agreements: string; nextStep: string; nextOn: string | null };
  today: string;
}) {
  const t = useT();
  const { failure, session } = props;
  return (
    <Form method="post" className="stack" noValidate>
      <RequestKey />
      <FormMessage failure={failure} />
      <Field
        name="heldOn"
        type="date"
        required
        label={t("mentoring.field.held_on")}
        failure={failure}
        defaultValue={session?.heldOn ?? props.today}
      />
      <Field
        name="focus"
        required
        maxLength={SESSION_LIMITS.focus}
        label={t("mentoring.field.focus")}
        failure={failure}
        defaultValue={session?.focus}
      />
      <TextAreaField
        name="agreements"
        rows={5}
        maxLength={SESSION_LIMITS.agreements}
        label={t("mentoring.field.agreements")}
        failure={failure}
        defaultValue={session?.agreements}
      />
      <TextAreaField
        name="nextStep"
        maxLength={SESSION_LIMITS.nextStep}
        label={t("mentoring.field.next_step")}
        failure={failure}
        defaultValue={session?.nextStep}
      />
      <Field
        name="nextOn"
        type="date"
        label={t("mentoring.field.next_on")}
        failure={failure}
        defaultValue={session?.nextOn}
      />
      <SubmitButton>{t("mentoring.session.submit")}</SubmitButton>
    </Form>
  );
}
