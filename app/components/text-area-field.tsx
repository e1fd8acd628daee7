import { type ReactNode, useId } from "react";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";

interface TextAreaFieldProps {
  name: string;
  label: string;
  failure?: FormFailure;
  defaultValue?: string | null;
  required?: boolean;
  hint?: ReactNode;
  maxLength?: number;
  rows?: number;
}

/** A labelled textarea whose error sits beside it and which keeps what the user typed (like Field). */
export function TextAreaField(props: TextAreaFieldProps) {
  const t = useT();
  const id = useId();
  const error = props.failure?.fieldErrors[props.name];
  const value = props.failure?.values[props.name] ?? props.defaultValue ?? "";
  const describedBy = [props.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>
        {props.label} {props.required ? null : <span className="muted">{t("field.optional")}</span>}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error, props.failure?.params)}
        </p>
      ) : null}
    </div>
  );
}
