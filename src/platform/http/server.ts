import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import type { RouterContextProvider, ServerBuild } from "react-router";
import { log } from "../log";
import {
  assetHeaders,
  crossSiteProtection,
  type RequestInfo,
  requestInfo,
  securityHeaders,
} from "./security";

export function createApp(
  build: ServerBuild,
  clientDir: string,
  loadContext: (info: RequestInfo) => RouterContextProvider,
  options: {
    trustProxy?: boolean;
    /**
     * Resumable uploads (platform/storage/resumable.ts), at /subidas: every method but GET, after the
     * security headers and the cross-site check, before React Router
     */
    uploads?: (req: Request, res: Response, next: NextFunction) => Promise<void>;
  } = {},
) {
  const app = express();
  app.disable("x-powered-by");
  // One proxy hop (the load balancer in front): the client address is the one it saw, not whatever a
  // client wrote at the start of X-Forwarded-For (trusting every hop would let anyone choose theirs
  // and walk around the sign-in limits).
  if (options.trustProxy) app.set("trust proxy", 1);
  app.use(discardUnreadBody);
  app.use(compression());
  // Hashed assets never change, so they are never revalidated (no ETag, no Last-Modified). They carry
  // only the headers a script or a style sheet uses: the page's policies (CSP, frames, referrer,
  // permissions) apply to documents and workers, and on a phone's first load of a visit these ~600
  // bytes × 20 files were 6 % of what it downloaded (docs/benchmarks.md, classroom).
  app.use(
    "/assets",
    express.static(path.join(clientDir, "assets"), {
      immutable: true,
      maxAge: "1y",
      index: false,
      etag: false,
      lastModified: false,
      acceptRanges: false,
      setHeaders: assetHeaders,
    }),
  );
  app.use(requestInfo);
  app.use(securityHeaders);
  // Everything else is revalidated.
  app.use(
    express.static(clientDir, {
      maxAge: "1h",
      index: false,
      // The service worker is checked on every load, so that a new version reaches the phones.
      setHeaders: (res, file) => {
        if (path.basename(file) === "sw.js") res.setHeader("Cache-Control", "no-cache");
      },
    }),
  );
  app.use(crossSiteProtection);
  // Express 5 takes no bare "*"; `app.use` would strip the prefix tus reads the upload's id from.
  if (options.uploads) app.all("/subidas{/*rest}", options.uploads);
  app.use(
    createRequestHandler({
      build,
      getLoadContext: (_req, res) => loadContext(res.locals.info as RequestInfo),
    }),
  );
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const info = res.locals.info as RequestInfo | undefined;
    log("error", "unhandled", {
      requestId: info?.requestId,
      error: String((error as Error)?.stack ?? error),
    });
    if (!res.headersSent) {
      res
        .status(500)
        .type("text/plain; charset=utf-8")
        .send(`Ocurrió un error inesperado. Código: ${info?.requestId ?? "-"}`);
    }
  });
  return app;
}

/** How much of a body that nobody read is read and dropped after the answer before the connection is cut. */
export const UNREAD_BODY_MAX_BYTES = 32 * 1024 * 1024;

/**
 * A request body that was not read to its end (an action that answers without reading its form, like
 * sign-out; a refusal before the form is read) is read and dropped once the answer is sent, so that
 * the keep-alive connection can carry the client's next request.
 *
 * Node drops an unread body by itself, but not once someone started reading it: React Router wraps
 * every POST body in a web stream that reads the first 16 KB and then pauses the connection until the
 * stream is read, which an action that ignores its form never does. The connection then stayed
 * paused with the rest of the body in it, and the next request sent on it got no answer until Node
 * cut the connection after its headers timeout (~70 s, then ECONNRESET; found by tests/http/fuzz).
 * Beyond UNREAD_BODY_MAX_BYTES the connection is closed instead.
 */
export function discardUnreadBody(req: Request, res: Response, next: NextFunction): void {
  res.once("finish", () => {
    if (req.complete || req.destroyed) return;
    // The reader of the body (React Router's stream pump) is gone with the answer: drop its listener
    // so the rest is not queued in memory, and let the body flow to nowhere.
    req.removeAllListeners("data");
    let left = UNREAD_BODY_MAX_BYTES;
    req.on("data", (chunk: Buffer) => {
      left -= chunk.length;
      if (left < 0) req.socket.destroy();
    });
    req.resume();
  });
  next();
}
