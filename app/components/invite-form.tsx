import { Form } from "react-router";
import type { Role } from "~/modules/people/schema";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";
import { Field, FormMessage, RequestKey, SelectField, SubmitButton } from "./form";

/** Invitation form: the person's data and the role to give them. */
export function InviteForm({ roles, failure }: { roles: readonly string[]; failure?: FormFailure }) {
  const t = useT();
  return (
    <>
      <FormMessage failure={failure} />
      <Form method="post" className="card stack" noValidate>
        <RequestKey />
        <Field
          name="givenNames"
          label={t("people.field.given_names")}
          required
          maxLength={120}
          autoComplete="off"
          failure={failure}
        />
        <Field
          name="familyNames"
          label={t("people.field.family_names")}
          required
          maxLength={120}
          autoComplete="off"
          failure={failure}
        />
        <Field
          name="email"
          label={t("people.field.email")}
          type="email"
          inputMode="email"
          required
          autoComplete="off"
          failure={failure}
        />
        <Field
          name="rut"
          label={t("people.field.rut")}
          hint={t("people.field.rut_hint")}
          autoComplete="off"
          failure={failure}
        />
        <SelectField
          name="role"
          label={t("people.field.role")}
          options={roles.map((r) => ({ value: r, label: t(`role.${r as Role}`) }))}
          required
          failure={failure}
        />
        <Field
          name="title"
          label={t("people.field.title")}
          hint={t("people.field.title_hint")}
          maxLength={80}
          failure={failure}
        />
        <SubmitButton>{t("people.invite.submit")}</SubmitButton>
      </Form>
    </>
  );
}
