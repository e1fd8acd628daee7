/**
 * Domain errors carry a message key from the catalogue; routes turn them into Spanish text.
 * NotFound is also what the policy answers when an actor may not see a thing, so ids leak nothing.
 */
import type { MessageKey } from "../messages/translate";

export type FieldErrors = Record<string, MessageKey>;

export class DomainError extends Error {
  constructor(
    public readonly messageKey: MessageKey,
    public readonly fieldErrors: FieldErrors = {},
    public readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = "DomainError";
  }
}

export class NotFoundError extends Error {
  constructor() {
    super("not found");
    this.name = "NotFoundError";
  }
}

export class ValidationError extends DomainError {
  constructor(
    fieldErrors: FieldErrors,
    messageKey: MessageKey = "errors.form_invalid",
    params: Record<string, string | number> = {},
  ) {
    super(messageKey, fieldErrors, params);
    this.name = "ValidationError";
  }
}

export class RateLimitedError extends DomainError {
  constructor() {
    super("errors.rate_limited");
    this.name = "RateLimitedError";
  }
}

/** The parameters of a field's message: the failure's, with the field's own {max} (see parseInput). */
export function fieldMessageParams(
  params: Record<string, string | number | null | undefined> | undefined,
  field: string,
): Record<string, string | number | null | undefined> {
  const max = params?.[`max.${field}`];
  return max === undefined ? { ...params } : { ...params, max };
}
