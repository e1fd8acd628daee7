import { z } from "zod";
import type { MessageKey } from "../messages/translate";
import { type FieldErrors, ValidationError } from "./errors";

/**
 * Parses untrusted input with a zod schema whose messages are catalogue keys; a failure becomes a
 * ValidationError with one key per field, shown beside the field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  // a "too long" message says the most the field takes ({max}): per field, read by fieldMessageParams (errors.ts)
  const params: Record<string, number> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "_";
    if (fieldErrors[field]) continue;
    if (issue.code === "too_big" && typeof issue.maximum === "number") params[`max.${field}`] = issue.maximum;
    // The schemas' messages are catalogue keys; zod's own (a type error) is not one.
    fieldErrors[field] =
      issue.message.includes(".") && !issue.message.includes(" ")
        ? (issue.message as MessageKey)
        : "errors.invalid_choice";
  }
  throw new ValidationError(fieldErrors, undefined, params);
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

// Form-field readers, the one set every module uses. A missing field (or a value of the wrong type)
// reads as "", so that it gets the field's own message ("required", "too long") rather than zod's type
// error; a number (a test, a JSON body) reads as its digits.
export const asText = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
/** A field's text, trimmed. */
export const trimmedText = () => z.preprocess(asText, z.string().trim());
/** A field's text, trimmed, at most `max` characters ("" when empty). */
export const optionalText = (max: number, tooLong = "errors.too_long") =>
  z.preprocess(asText, z.string().trim().max(max, tooLong));
/** A field's text, trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number, message = "errors.required", tooLong = "errors.too_long") =>
  z.preprocess(asText, z.string().trim().min(1, message).max(max, tooLong));
