import { createContext } from "react-router";
import type { Viewer } from "~/modules/people";
import type { RequestInfo } from "~/platform/http/security";
import type { Locale } from "~/platform/i18n/i18n";
import type { Actor } from "~/platform/policy";

/** Set by the server for each request (server/app.ts). */
export const requestInfoContext = createContext<RequestInfo>();

export interface SessionState {
  actor: Actor | null;
  viewer: Viewer | null;
  locale: Locale;
  timeZone: string;
  token: string | null;
}

/** Set by the root middleware from the session cookie. */
export const sessionContext = createContext<SessionState>();
