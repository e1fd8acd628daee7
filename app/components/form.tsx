import { type ReactNode, useId } from "react";
import { useNavigation, useRouteLoaderData } from "react-router";
import { fieldMessageParams } from "~/platform/errors";
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

interface FieldProps extends FrameProps {
  defaultValue?: string | number | null;
  type?: string;
  autoComplete?: string;
  inputMode?: "text" | "email" | "numeric" | "decimal" | "tel" | "search";
  maxLength?: number;
  min?: number;
  max?: number;
  step?: string;
  placeholder?: string;
  /** the id of a <datalist> of suggestions */
  list?: string;
}

interface FrameProps {
  name: string;
  label: string;
  failure?: FormFailure;
  required?: boolean;
  hint?: ReactNode;
}

interface Control {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * What every field shares: the label (with "optional" when it is), the hint, the control, and the
 * refusal's message beside it, tied to the control for screen readers.
 */
function FieldFrame(props: FrameProps & { children: (control: Control) => ReactNode }) {
  const t = useT();
  const id = useId();
  const error = props.failure?.fieldErrors[props.name];
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
      {props.children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error, fieldMessageParams(props.failure?.params, props.name))}
        </p>
      ) : null}
    </div>
  );
}

/** What the user typed into the field, else its stored value. */
function typedOr(props: { name: string; failure?: FormFailure }, stored: string | number | null | undefined) {
  return props.failure?.values[props.name] ?? (stored === null || stored === undefined ? "" : String(stored));
}

/** A labelled input whose error sits beside it and which keeps what the user typed. */
export function Field(props: FieldProps) {
  const value = typedOr(props, props.defaultValue);
  return (
    <FieldFrame {...props}>
      {(control) => (
        <input
          {...control}
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
          list={props.list}
        />
      )}
    </FieldFrame>
  );
}

interface SelectProps extends FrameProps {
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue?: string | null;
  emptyLabel?: string;
}

export function SelectField(props: SelectProps) {
  return (
    <FieldFrame {...props}>
      {(control) => (
        <select
          {...control}
          name={props.name}
          defaultValue={typedOr(props, props.defaultValue)}
          required={props.required}
        >
          {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

interface TextAreaFieldProps extends FrameProps {
  defaultValue?: string | null;
  maxLength?: number;
  rows?: number;
}

/** A labelled textarea whose error sits beside it and which keeps what the user typed. */
export function TextAreaField(props: TextAreaFieldProps) {
  return (
    <FieldFrame {...props}>
      {(control) => (
        <textarea
          {...control}
          name={props.name}
          rows={props.rows ?? 3}
          maxLength={props.maxLength}
          defaultValue={typedOr(props, props.defaultValue)}
        />
      )}
    </FieldFrame>
  );
}

/** A labelled file input whose refusal sits beside it (a file is never kept: it is chosen again). */
export function FileField(props: FrameProps & { accept?: string }) {
  return (
    <FieldFrame {...props}>
      {(control) => (
        <input {...control} name={props.name} type="file" accept={props.accept} required={props.required} />
      )}
    </FieldFrame>
  );
}

/** A checkbox with its label around it (a confirmation, a choice), its error beside it; keeps its tick. */
export function CheckboxField(props: {
  name: string;
  label: ReactNode;
  failure?: FormFailure;
  /** the stored choice, when the form edits one (a refused form keeps what was ticked instead) */
  defaultChecked?: boolean;
}) {
  const t = useT();
  const id = useId();
  const error = props.failure?.fieldErrors[props.name];
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label className="choice">
        <input
          type="checkbox"
          name={props.name}
          defaultChecked={props.failure ? props.failure.values[props.name] === "on" : props.defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />{" "}
        {props.label}
      </label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error, fieldMessageParams(props.failure?.params, props.name))}
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
