import { type ReactNode, useEffect, useId, useState } from "react";
import { Form, Link } from "react-router";
// Types only: the client bundle must not pull the people module (and its database code) in.
import type { IveBand, SchoolFormOptions } from "~/modules/people";
import { fieldMessageParams } from "~/platform/errors";
import type { FormFailure } from "../lib/actions.server";
import { useFormat, useT } from "../lib/i18n";
import { Field, FormMessage, RequestKey, SelectField, SubmitButton } from "./form";

/** RBD as Mineduc shows it: 24517-5, or 24517 without its check digit. */
export function rbdText(rbd: number, checkDigit: string | null): string {
  return checkDigit ? `${rbd}-${checkDigit}` : String(rbd);
}

/** "Alto (80 % a 89,9 %)": a band's name with its thresholds, taken from IVE_BANDS. */
export function useIveBandLabel() {
  const t = useT();
  const f = useFormat();
  const pct = (n: number) => f.number(n, Number.isInteger(n) ? 0 : 1);
  return (band: SchoolFormOptions["iveBands"][number]) => {
    const label = t(`ive_band.${band.band}`);
    if (band.band === "sin_dato") return label;
    // bounds: min inclusive, max exclusive; IVE has one decimal, so the band ends 0,1 below max
    if (band.min !== null && band.max !== null)
      return t("ive_band.range.between", { label, min: pct(band.min), max: pct(band.max - 0.1) });
    if (band.min !== null) return t("ive_band.range.from", { label, min: pct(band.min) });
    return t("ive_band.range.below", { label, max: pct(band.max ?? 0) });
  };
}

/** The IVE of a school as read in a list or a page: "92,4 % (2025)", or why there is none. */
export function useIveText() {
  const t = useT();
  const f = useFormat();
  return (school: { ive: number | null; iveYear: number | null; dependencia: string }) => {
    if (school.ive === null)
      return school.dependencia === "particular_pagado"
        ? t("schools.ive_not_applicable")
        : t("schools.ive_none");
    return t("schools.ive_value", { ive: f.number(school.ive, 1), year: school.iveYear ?? "" });
  };
}

export function IveBandBadge({ band }: { band: IveBand }) {
  const t = useT();
  return <span className="badge">{t(`ive_band.${band}`)}</span>;
}

interface SelectBoxProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  failure?: FormFailure;
  required?: boolean;
  /** false in filters, where every field is optional and saying so is noise */
  markOptional?: boolean;
  hint?: ReactNode;
  children: ReactNode;
}

/** A labelled, controlled select, marked up like SelectField (components/form.tsx), whose options may be grouped. */
function SelectBox(props: SelectBoxProps) {
  const t = useT();
  const id = useId();
  const error = props.failure?.fieldErrors[props.name];
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>
        {props.label}{" "}
        {props.required || props.markOptional === false ? null : (
          <span className="muted">{t("field.optional")}</span>
        )}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      >
        {props.children}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error, fieldMessageParams(props.failure?.params, props.name))}
        </p>
      ) : null}
    </div>
  );
}

interface RegionComunaProps {
  regions: SchoolFormOptions["regions"];
  names: { region: string; comuna: string };
  labels: { region: string; comuna: string; anyRegion: string; anyComuna: string };
  region?: string | null;
  comuna?: string | null;
  failure?: FormFailure;
  required?: boolean;
  markOptional?: boolean;
  comunaHint?: ReactNode;
}

/**
 * Region and comuna. Without JavaScript the comuna list holds all 346 comunas grouped by region
 * (<optgroup>) and the server checks that they match; with JavaScript it only offers the chosen
 * region's comunas, and choosing a comuna selects its region.
 */
export function RegionComunaFields(props: RegionComunaProps) {
  const { regions, names, labels, failure } = props;
  const [region, setRegion] = useState(failure?.values[names.region] ?? props.region ?? "");
  const [comuna, setComuna] = useState(failure?.values[names.comuna] ?? props.comuna ?? "");
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const regionOf = (code: string) => regions.find((r) => r.comunas.some(([c]) => c === code))?.code;
  const shown = enhanced && region ? regions.filter((r) => r.code === region) : regions;
  return (
    <>
      <SelectBox
        name={names.region}
        label={labels.region}
        value={region}
        onChange={(value) => {
          setRegion(value);
          if (comuna && value && regionOf(comuna) !== value) setComuna("");
        }}
        failure={failure}
        required={props.required}
        markOptional={props.markOptional}
      >
        <option value="">{labels.anyRegion}</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </SelectBox>
      <SelectBox
        name={names.comuna}
        label={labels.comuna}
        value={comuna}
        onChange={(value) => {
          setComuna(value);
          const own = value ? regionOf(value) : undefined;
          if (own) setRegion(own);
        }}
        failure={failure}
        required={props.required}
        markOptional={props.markOptional}
        hint={props.comunaHint}
      >
        <option value="">{labels.anyComuna}</option>
        {shown.map((r) => (
          <optgroup key={r.code} label={r.name}>
            {r.comunas.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectBox>
    </>
  );
}

export interface SchoolFormValues {
  name: string;
  rbd: number;
  rbdCheckDigit: string | null;
  regionCode: string;
  comunaCode: string;
  dependencia: string;
  sostenedor: string | null;
  ive: number | null;
  iveYear: number | null;
  address: string | null;
}

/** Create and edit a school. Works without JavaScript; keeps what the user typed when refused. */
export function SchoolForm({
  options,
  school,
  failure,
  submitLabel,
  cancelTo,
}: {
  options: SchoolFormOptions;
  school: SchoolFormValues | null;
  failure?: FormFailure;
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      <FormMessage failure={failure} />
      <Form method="post" className="card stack" noValidate>
        <RequestKey />
        <fieldset>
          <legend>{t("schools.form.identity")}</legend>
          <Field
            name="name"
            label={t("schools.field.name")}
            defaultValue={school?.name}
            required
            maxLength={200}
            autoComplete="off"
            failure={failure}
          />
          <Field
            name="rbd"
            label={t("schools.field.rbd")}
            hint={t("schools.field.rbd_hint")}
            defaultValue={school?.rbd}
            required
            inputMode="numeric"
            maxLength={9}
            autoComplete="off"
            failure={failure}
          />
          <Field
            name="rbdCheckDigit"
            label={t("schools.field.rbd_check_digit")}
            hint={t("schools.field.rbd_check_digit_hint")}
            defaultValue={school?.rbdCheckDigit}
            maxLength={1}
            autoComplete="off"
            failure={failure}
          />
        </fieldset>
        <fieldset>
          <legend>{t("schools.form.location")}</legend>
          <RegionComunaFields
            regions={options.regions}
            names={{ region: "regionCode", comuna: "comunaCode" }}
            labels={{
              region: t("schools.field.region"),
              comuna: t("schools.field.comuna"),
              anyRegion: t("schools.form.choose"),
              anyComuna: t("schools.form.choose"),
            }}
            region={school?.regionCode}
            comuna={school?.comunaCode}
            comunaHint={t("schools.field.comuna_hint")}
            failure={failure}
            required
          />
          <Field
            name="address"
            label={t("schools.field.address")}
            defaultValue={school?.address}
            maxLength={300}
            autoComplete="off"
            failure={failure}
          />
        </fieldset>
        <fieldset>
          <legend>{t("schools.form.administration")}</legend>
          <SelectField
            name="dependencia"
            label={t("schools.field.dependencia")}
            options={options.dependencias.map((d) => ({ value: d, label: t(`dependencia.${d}`) }))}
            emptyLabel={t("schools.form.choose")}
            defaultValue={school?.dependencia}
            failure={failure}
            required
          />
          <Field
            name="sostenedor"
            label={t("schools.field.sostenedor")}
            hint={t("schools.field.sostenedor_hint")}
            defaultValue={school?.sostenedor}
            maxLength={200}
            autoComplete="off"
            failure={failure}
          />
        </fieldset>
        <fieldset>
          <legend>{t("schools.form.vulnerability")}</legend>
          <Field
            name="ive"
            label={t("schools.field.ive")}
            hint={t("schools.field.ive_hint")}
            defaultValue={school?.ive === null || school?.ive === undefined ? "" : f.number(school.ive, 1)}
            inputMode="decimal"
            maxLength={8}
            autoComplete="off"
            failure={failure}
          />
          <Field
            name="iveYear"
            label={t("schools.field.ive_year")}
            hint={t("schools.field.ive_year_hint", {
              first: options.iveYears.first,
              last: options.iveYears.last,
            })}
            defaultValue={school?.iveYear}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            failure={failure}
          />
        </fieldset>
        <div className="actions">
          <SubmitButton>{submitLabel}</SubmitButton>
          <Link to={cancelTo}>{t("action.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
