import { randomBytes, randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** Per-request values the server hands to React Router: CSP nonce, request id, client address. */
export interface RequestInfo {
  nonce: string;
  requestId: string;
  ip: string;
  secure: boolean;
}

export function requestInfo(req: Request, res: Response, next: NextFunction): void {
  const info: RequestInfo = {
    nonce: randomBytes(16).toString("base64"),
    requestId: (req.get("x-request-id") ?? randomUUID()).slice(0, 100),
    ip: req.ip ?? req.socket.remoteAddress ?? "",
    secure: req.secure,
  };
  res.locals.info = info;
  res.setHeader("X-Request-Id", info.requestId);
  next();
}

/** Security headers for every response; the CSP allows only scripts carrying this request's nonce. */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const { nonce } = res.locals.info as RequestInfo;
  const dev = process.env.NODE_ENV === "development";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${dev ? " ws:" : ""}`,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
}

/** The headers of a hashed asset (a script, a style sheet): not sniffed, not loaded by other sites. */
export function assetHeaders(res: { setHeader(name: string, value: string): unknown }): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
}

/**
 * Cross-site request forgery: a state-changing request must come from our own pages. Browsers send
 * Sec-Fetch-Site (all current ones) or at least Origin on every POST, including plain HTML forms; a
 * request that says it comes from another site is refused. Cookies are also SameSite=Lax.
 */
export function crossSiteProtection(req: Request, res: Response, next: NextFunction): unknown {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const site = req.get("sec-fetch-site");
  if (site) {
    if (site === "same-origin" || site === "none") return next();
    return refuse(res);
  }
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    try {
      if (new URL(origin).host === req.get("host")) return next();
    } catch {
      // fall through to refusal
    }
    return refuse(res);
  }
  if (origin === "null") return refuse(res);
  // Neither header: not a browser (scripts, tests with an HTTP client). Nothing a victim's browser
  // could be tricked into sending.
  next();
}

function refuse(res: Response): void {
  res
    .status(403)
    .type("text/plain; charset=utf-8")
    .send("Solicitud rechazada: el formulario no proviene de Impulso.");
}
