import type { z } from "zod";
import { ValidationError } from "./errors";

/**
 * Parses untrusted input with a zod schema whose messages are catalogue keys; a failure becomes a
 * ValidationError with one key per field, shown beside the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "_";
    if (fieldErrors[field]) continue;
    fieldErrors[field] =
      issue.message.includes(".") && !issue.message.includes(" ") ? issue.message : "errors.invalid_choice";
  }
  throw new ValidationError(fieldErrors);
}

/** FormData or a plain object → a plain object of strings (first value per key; files skipped). */
export function formToObject(form: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(form instanceof FormData)) return form;
  const out: Record<string, unknown> = {};
  for (const [key, value] of form) {
    if (typeof value === "string" && !(key in out)) out[key] = value;
  }
  return out;
}
