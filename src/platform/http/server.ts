import path from "node:path";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import type { RouterContextProvider, ServerBuild } from "react-router";
import { log } from "../log";
import { crossSiteProtection, type RequestInfo, requestInfo, securityHeaders } from "./security";

export function createApp(
  build: ServerBuild,
  clientDir: string,
  loadContext: (info: RequestInfo) => RouterContextProvider,
  options: { trustProxy?: boolean } = {},
) {
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", true);
  app.use(compression());
  app.use(requestInfo);
  app.use(securityHeaders);
  // Hashed assets never change; everything else is revalidated.
  app.use(
    "/assets",
    express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }),
  );
  app.use(express.static(clientDir, { maxAge: "1h", index: false }));
  app.use(crossSiteProtection);
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
