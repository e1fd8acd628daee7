import { Form, Link, redirect } from "react-router";
import { getPersonProfile, updatePerson } from "~/modules/people";
import { formatRut } from "~/modules/people/rut";
import { LOCALES } from "~/platform/i18n/i18n";
import { CheckboxField, Field, FormMessage, failureOf, SelectField, SubmitButton } from "../components/form";
import { load, notFound, perform, readForm } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import { TIME_ZONES } from "../lib/time-zones";
import type { Route } from "./+types/person.edit";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: pageTitle(matches, "people.edit.title", {
      name: loaderData ? `${loaderData.person.givenNames} ${loaderData.person.familyNames}` : "",
    }),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const profile = await load(() => getPersonProfile(actor, params.personId));
  if (!profile.canEdit || !profile.person) throw notFound();
  return {
    person: profile.person,
    isSelf: profile.isSelf,
    canCorrectEmail: profile.canCorrectEmail,
    canChangeEmail: profile.canChangeEmail,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const result = await perform(
    () =>
      updatePerson(actor, params.personId, {
        givenNames: form.get("givenNames"),
        familyNames: form.get("familyNames"),
        email: form.get("email") ?? undefined,
        rut: form.get("rut") ?? "",
        phone: form.get("phone") ?? "",
        locale: form.get("locale") ?? undefined,
        timeZone: form.get("timeZone") ?? undefined,
        // a checkbox sends nothing when unticked: the hidden field says the form offered it
        reminders: form.get("remindersOffered") ? (form.get("reminders") === "on" ? "on" : "off") : undefined,
      }),
    form,
  );
  if ("ok" in result && result.ok) throw redirect(`/personas/${params.personId}?aviso=guardado`);
  return result;
}

export default function EditPerson({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const failure = failureOf(actionData);
  const { person, isSelf, canCorrectEmail, canChangeEmail } = loaderData;
  return (
    <div className="stack">
      <h1>{t("people.edit.title", { name: `${person.givenNames} ${person.familyNames}` })}</h1>
      <FormMessage failure={failure} />
      <Form method="post" className="card stack" noValidate>
        <Field
          name="givenNames"
          label={t("people.field.given_names")}
          defaultValue={person.givenNames}
          required
          maxLength={120}
          autoComplete="given-name"
          failure={failure}
        />
        <Field
          name="familyNames"
          label={t("people.field.family_names")}
          defaultValue={person.familyNames}
          required
          maxLength={120}
          autoComplete="family-name"
          failure={failure}
        />
        {canCorrectEmail ? (
          <Field
            name="email"
            label={t("people.field.email")}
            type="email"
            inputMode="email"
            defaultValue={person.email}
            required
            autoComplete="email"
            hint={t("people.edit.email_invited_hint")}
            failure={failure}
          />
        ) : (
          <div className="field">
            <p className="label">{t("people.field.email")}</p>
            <p>
              {person.email}
              {canChangeEmail ? (
                <>
                  {" · "}
                  <Link to={`/personas/${person.id}/correo`}>
                    {t(isSelf ? "accounts.email.change_link" : "accounts.email.propose_link")}
                  </Link>
                </>
              ) : null}
            </p>
          </div>
        )}
        <Field
          name="rut"
          label={t("people.field.rut")}
          defaultValue={formatRut(person.rut)}
          hint={t("people.field.rut_hint")}
          failure={failure}
        />
        <Field
          name="phone"
          label={t("people.field.phone")}
          type="tel"
          inputMode="tel"
          defaultValue={person.phone}
          autoComplete="tel"
          failure={failure}
        />
        {isSelf ? (
          <>
            <SelectField
              name="locale"
              label={t("people.field.locale")}
              options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              defaultValue={person.locale}
              failure={failure}
              required
            />
            <SelectField
              name="timeZone"
              label={t("people.field.time_zone")}
              options={TIME_ZONES.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))}
              defaultValue={person.timeZone}
              failure={failure}
              required
            />
            <input type="hidden" name="remindersOffered" value="1" />
            <CheckboxField
              name="reminders"
              label={t("people.field.reminders")}
              failure={failure}
              defaultChecked={person.reminders}
            />
          </>
        ) : null}
        <div className="actions">
          <SubmitButton>{t("action.save")}</SubmitButton>
          <Link to={`/personas/${person.id}`}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
