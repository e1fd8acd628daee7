import { data } from "react-router";
import { DomainError, NotFoundError } from "../../src/platform/errors";
import type { Params } from "../../src/platform/i18n/i18n";

/** What an action answers when the input is refused: message keys, and what the user typed. */
export interface FormFailure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string>;
  params: Params;
  values: Record<string, string>;
}

const SECRET_FIELDS = new Set(["password", "passwordConfirm", "currentPassword"]);

/** What the user typed, to fill the form again (never passwords, never files). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !SECRET_FIELDS.has(key)) values[key] = value.slice(0, 10_000);
  }
  return values;
}

/**
 * Runs a use case for a route. A refused input becomes a 400 with the messages and the typed values;
 * a thing the actor may not see becomes a 404. Anything else is a real error.
 */
export async function perform<T>(
  run: () => Promise<T>,
  form?: FormData,
): Promise<{ ok: true; value: T } | ReturnType<typeof data<FormFailure>>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound();
    if (error instanceof DomainError) {
      return data<FormFailure>(
        {
          ok: false,
          message: error.messageKey,
          fieldErrors: error.fieldErrors,
          params: error.params,
          values: form ? formValues(form) : {},
        },
        { status: error.messageKey === "errors.rate_limited" ? 429 : 400 },
      );
    }
    throw error;
  }
}

export function notFound() {
  return data(null, { status: 404 });
}

/** Loaders: a NotFoundError from the service is a 404 page. */
export async function load<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound();
    throw error;
  }
}
