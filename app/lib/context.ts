import { createContext } from "react-router";
import type { Viewer } from "../../src/modules/people";
import type { RequestInfo } from "../../src/platform/http/security";
import type { Locale } from "../../src/platform/i18n/i18n";
import type { Actor } from "../../src/platform/policy";

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
