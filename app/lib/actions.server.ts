import { createHash } from "node:crypto";
import { data } from "react-router";
import type { MessageKey } from "~/messages/translate";
import { SESSION_COOKIE } from "~/platform/auth/sessions";
import { DomainError, type FieldErrors, NotFoundError } from "~/platform/errors";
import type { Params } from "~/platform/i18n/i18n";
import { once, REQUEST_KEY_FIELD, submissionDigest } from "~/platform/requests/idempotency";
import { readCookie } from "./cookies.server";

/** What an action answers when the input is refused: message keys, and what the user typed. */
export interface FormFailure {
  ok: false;
  message: MessageKey;
  fieldErrors: FieldErrors;
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
  return answer(run, form);
}

/**
 * `perform` for the forms that carry an idempotency key (<RequestKey />): the use case runs once per
 * submission; sent again (a double click, a retry), it gets the first run's value back, so the route
 * answers the same. Opt-in, route by route: the first answer is stored for a day, so it must never be
 * used for a use case whose value is a secret (sign-in and invitation answers hold session tokens).
 */
export async function performOnce<T>(
  run: () => Promise<T>,
  form: FormData,
): Promise<{ ok: true; value: T } | ReturnType<typeof data<FormFailure>>> {
  const digest = await digestOf(form);
  return answer(digest ? () => once(digest, run) : run, form);
}

async function answer<T>(
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

/**
 * Where each form read by readForm was sent and by which session, for its idempotency digest: a key is
 * only ever replayed to the session that sent it first.
 */
const formPaths = new WeakMap<FormData, string>();

async function digestOf(form: FormData): Promise<string | undefined> {
  const key = form.get(REQUEST_KEY_FIELD);
  const path = formPaths.get(form);
  if (typeof key !== "string" || key.length < 16 || key.length > 100 || !path) return undefined;
  const fields: [string, string][] = [];
  for (const [name, value] of form) {
    if (typeof value === "string") fields.push([name, value]);
    else {
      const content = createHash("sha256").update(new Uint8Array(await value.arrayBuffer()));
      fields.push([name, `${value.name}\u0000${content.digest("hex")}`]);
    }
  }
  return submissionDigest(key, path, fields);
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

/** A form of text fields; anything larger than this is not one of ours. */
export const FORM_MAX_BYTES = 256 * 1024;

/** How much of a refused body is read and dropped before the connection is cut. */
const DRAIN_BYTES = 16 * 1024 * 1024;

type Refusal = ReturnType<typeof data<FormFailure>>;

/**
 * Reads a form's body, counting bytes as they arrive: a body larger than `maxBytes` is refused
 * whether or not it declared its length (a chunked upload declares none), and a malformed body is a
 * message for the user, not a 500. Routes read their forms only through here.
 */
export async function readForm(
  request: Request,
  options: { maxBytes?: number; tooLarge?: DomainError } = {},
): Promise<FormData | Refusal> {
  const maxBytes = options.maxBytes ?? FORM_MAX_BYTES;
  const refuse = (error: DomainError, status: number): Refusal =>
    data<FormFailure>(
      {
        ok: false,
        message: error.messageKey,
        fieldErrors: error.fieldErrors,
        params: error.params,
        values: {},
      },
      { status },
    );
  const tooLarge = () => refuse(options.tooLarge ?? new DomainError("errors.form_too_large"), 413);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes + DRAIN_BYTES) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Read on without keeping, up to a bound, so that the client is still listening for the
        // answer (a connection reset mid-upload shows the browser's error page, not our message).
        while (size < maxBytes + DRAIN_BYTES) {
          const next = await reader.read();
          if (next.done) return tooLarge();
          size += next.value.byteLength;
        }
        await reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const headers = new Headers();
  const contentType = request.headers.get("content-type");
  if (contentType) headers.set("content-type", contentType);
  let form: FormData;
  try {
    form = await new Request(request.url, {
      method: "POST",
      headers,
      body: Buffer.concat(chunks),
    }).formData();
  } catch {
    return refuse(new DomainError("errors.form_unreadable"), 400);
  }
  const clean = withoutNul(form);
  const session = readCookie(request, SESSION_COOKIE) ?? "";
  formPaths.set(clean, `${session} ${new URL(request.url).pathname}`);
  return clean;
}

/**
 * A form made on the server from one part of a form read by readForm (one change of a batch the phone
 * sends at once): it carries the same session and path for its idempotency digest, so a change sent
 * alone and the same change sent in a batch are one submission.
 */
export function formPart(request: Request, entries: Record<string, string>): FormData {
  const part = new FormData();
  for (const [name, value] of Object.entries(entries)) part.append(name, value);
  const clean = withoutNul(part);
  const session = readCookie(request, SESSION_COOKIE) ?? "";
  formPaths.set(clean, `${session} ${new URL(request.url).pathname}`);
  return clean;
}

/**
 * PostgreSQL cannot store U+0000 in text or JSONB (the insert fails), and no one types it: it is
 * dropped from every value and file name here, once for every form, instead of a 500 at the insert.
 */
function withoutNul(form: FormData): FormData {
  let found = false;
  for (const [key, value] of form) {
    if (key.includes("\u0000") || (typeof value === "string" ? value : value.name).includes("\u0000")) {
      found = true;
      break;
    }
  }
  if (!found) return form;
  const clean = new FormData();
  const strip = (text: string) => text.replaceAll("\u0000", "");
  for (const [key, value] of form) {
    if (typeof value === "string") clean.append(strip(key), strip(value));
    else clean.append(strip(key), new File([value], strip(value.name), { type: value.type }));
  }
  return clean;
}
