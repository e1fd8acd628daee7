import { type RouterContextProvider, redirect } from "react-router";
import { loadActor } from "~/modules/people";
import { readSession, SESSION_COOKIE, SESSION_TTL_MS } from "~/platform/auth/sessions";
import { isLocale, negotiateLocale } from "~/platform/i18n/i18n";
import type { Actor } from "~/platform/policy";
import { requestInfoContext, type SessionState, sessionContext } from "./context";
import { readCookie, serializeCookie } from "./cookies.server";

export const LANGUAGE_COOKIE = "impulso_lang";

/** Root middleware: who is asking (from the session cookie) and in which language to answer. */
export async function loadSessionState(
  request: Request,
  context: Readonly<RouterContextProvider>,
): Promise<SessionState> {
  const info = context.get(requestInfoContext);
  const token = readCookie(request, SESSION_COOKIE);
  const session = await readSession(token);
  const loaded = session
    ? await loadActor(session.personId, { ip: info.ip, requestId: info.requestId })
    : null;
  const cookieLocale = readCookie(request, LANGUAGE_COOKIE);
  // A signed-in person's saved language wins; visitors get their cookie, then their browser's language.
  const locale =
    loaded && isLocale(loaded.viewer.locale)
      ? loaded.viewer.locale
      : isLocale(cookieLocale)
        ? cookieLocale
        : negotiateLocale(request.headers.get("accept-language"));
  return {
    actor: loaded?.actor ?? null,
    viewer: loaded?.viewer ?? null,
    locale,
    timeZone: loaded?.viewer.timeZone ?? "America/Santiago",
    token: loaded ? token : null,
  };
}

export function sessionOf(context: Readonly<RouterContextProvider>): SessionState {
  return context.get(sessionContext);
}

/** The signed-in actor, or a redirect to the sign-in page that comes back here afterwards. */
export function requireActor(request: Request, context: Readonly<RouterContextProvider>): Actor {
  const { actor } = sessionOf(context);
  if (!actor) {
    const url = new URL(request.url);
    throw redirect(`/ingresar?volver=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return actor;
}

export function sessionCookie(token: string, context: Readonly<RouterContextProvider>): string {
  return serializeCookie(SESSION_COOKIE, token, context.get(requestInfoContext), {
    maxAgeSeconds: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(context: Readonly<RouterContextProvider>): string {
  return serializeCookie(SESSION_COOKIE, "", context.get(requestInfoContext), { maxAgeSeconds: 0 });
}

export { safeReturnPath } from "~/platform/http/return-path";
