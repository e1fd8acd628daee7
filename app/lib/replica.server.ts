import type { RouterContextProvider } from "react-router";
import {
  hasReplica,
  primaryPosition,
  WRITE_POSITION_COOKIE,
  WRITE_POSITION_TTL_SECONDS,
  withWritePosition,
} from "~/platform/db/replica";
import { requestInfoContext } from "./context";
import { readCookie, serializeCookie } from "./cookies.server";

/**
 * Root middleware, with a read replica only (src/platform/db/replica.ts): reports read the replica
 * unless it is behind this person's last write; after a POST, the primary's WAL position goes into a
 * short-lived cookie so that the next pages include what was just written.
 */
export async function readYourWrites(
  request: Request,
  context: Readonly<RouterContextProvider>,
  next: () => Promise<Response>,
): Promise<Response> {
  if (!hasReplica()) return next();
  return withWritePosition(readCookie(request, WRITE_POSITION_COOKIE) ?? undefined, async () => {
    const response = await next();
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.headers.append(
        "Set-Cookie",
        serializeCookie(WRITE_POSITION_COOKIE, await primaryPosition(), context.get(requestInfoContext), {
          maxAgeSeconds: WRITE_POSITION_TTL_SECONDS,
        }),
      );
    }
    return response;
  });
}
