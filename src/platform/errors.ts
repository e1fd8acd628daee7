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
  constructor(fieldErrors: FieldErrors, messageKey: MessageKey = "errors.form_invalid") {
    super(messageKey, fieldErrors);
    this.name = "ValidationError";
  }
}

export class RateLimitedError extends DomainError {
  constructor() {
    super("errors.rate_limited");
    this.name = "RateLimitedError";
  }
}
