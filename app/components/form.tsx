import { type ReactNode, useId } from "react";
import { useNavigation, useRouteLoaderData } from "react-router";
import type { FormFailure } from "../lib/actions.server";
import { useT } from "../lib/i18n";

/**
 * The idempotency key of a form that creates something (src/platform/requests/idempotency.ts): new on
 * every page load, the same when the form is sent twice from one page.
 */
export function RequestKey() {
  const root = useRouteLoaderData("root") as { requestKey?: string } | undefined;
  if (!root?.requestKey) return null;
  return <input type="hidden" name="_key" value={root.requestKey} />;
}

/** A failure answered by an action, or nothing. Accepts any action data. */
export function failureOf(actionData: unknown): FormFailure | undefined {
  if (actionData && typeof actionData === "object" && (actionData as FormFailure).ok === false) {
    return actionData as FormFailure;
  }
  return undefined;
}

/** The message on top of a refused form; screen readers hear it at once. */
export function FormMessage({ failure }: { failure: FormFailure | undefined }) {
  const t = useT();
  if (!failure) return null;
  return (
    <div className="alert alert-error" role="alert">
      {t(failure.message, failure.params)}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  failure?: FormFailure;
  defaultValue?: string | number | null;
  type?: string;
  required?: boolean;
  hint?: ReactNode;
  autoComplete?: string;
  inputMode?: "text" | "email" | "numeric" | "decimal" | "tel" | "search";
  maxLength?: number;
  min?: number;
  max?: number;
  step?: string;
  placeholder?: string;
}

/** A labelled input whose error sits beside it and which keeps what the user typed. */
export function Field(props: FieldProps) {
  const t = useT();
  const id = useId();
  const error = props.failure?.fieldErrors[props.name];
  const typed = props.failure?.values[props.name];
  const value =
    typed ??
    (props.defaultValue === null || props.defaultValue === undefined ? "" : String(props.defaultValue));
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
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.type === "password" ? undefined : value}
        required={props.required}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        step={props.step}
        placeholder={props.placeholder}
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

interface SelectProps {
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  failure?: FormFailure;
  defaultValue?: string | null;
  required?: boolean;
  emptyLabel?: string;
  hint?: ReactNode;
}

export function SelectField(props: SelectProps) {
  const t = useT();
  const id = useId();
  const error = props.failure?.fieldErrors[props.name];
  const value = props.failure?.values[props.name] ?? props.defaultValue ?? "";
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
      <select
        id={id}
        name={props.name}
        defaultValue={value}
        required={props.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error, props.failure?.params)}
        </p>
      ) : null}
    </div>
  );
}

/** Disabled while its form is being sent, so a double click sends once. */
export function SubmitButton({
  children,
  name,
  value,
}: {
  children: ReactNode;
  name?: string;
  value?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button
      type="submit"
      className="button"
      disabled={busy}
      aria-busy={busy || undefined}
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}
