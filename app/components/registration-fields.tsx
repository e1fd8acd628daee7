// The fields of a registration (name, email, country, role, institution, RUT): the public form of an
// open workshop and a coordinator's enrolment of one person share them.

import { COUNTRIES, PARTICIPANT_ROLES } from "~/modules/learning/content";
import { REGIONS } from "~/modules/people/territory-data";
import type { FormFailure } from "../lib/actions.server";
import { useLocale, useT } from "../lib/i18n";
import { Field, SelectField } from "./form";

export function RegistrationFields({
  failure,
  defaults = {},
}: {
  failure?: FormFailure;
  /** preselected country and role (a coordinator enrols the network's Chilean teachers) */
  defaults?: { country?: string; role?: string };
}) {
  const t = useT();
  const { locale } = useLocale();
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  return (
    <>
      <Field
        name="fullName"
        label={t("learning.register.full_name")}
        autoComplete="name"
        required
        failure={failure}
      />
      <Field
        name="email"
        label={t("learning.register.email")}
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        failure={failure}
      />
      <SelectField
        name="country"
        label={t("learning.register.country")}
        emptyLabel=""
        defaultValue={defaults.country}
        options={COUNTRIES.map((c) => ({
          value: c,
          label: c === "ZZ" ? t("learning.register.other_country") : (regions.of(c) ?? c),
        }))}
        required
        failure={failure}
      />
      <SelectField
        name="role"
        label={t("learning.register.role")}
        emptyLabel=""
        defaultValue={defaults.role}
        options={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`learning.participant.${r}`) }))}
        required
        failure={failure}
      />
      <Field
        name="region"
        label={t("learning.register.region")}
        hint={t("learning.register.region_hint")}
        list="chilean-regions"
        autoComplete="address-level1"
        failure={failure}
      />
      {/* suggestions while typing (no script): Chile's regions; any other region is typed */}
      <datalist id="chilean-regions">
        {REGIONS.map((r) => (
          <option key={r.code} value={r.shortName} />
        ))}
      </datalist>
      <Field name="institution" label={t("learning.register.institution")} failure={failure} />
      <Field
        name="rut"
        label={t("learning.register.rut")}
        hint={t("learning.register.rut_hint")}
        failure={failure}
      />
    </>
  );
}
