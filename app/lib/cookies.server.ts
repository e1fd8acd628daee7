import { config } from "~/platform/config";
import type { RequestInfo } from "~/platform/http/security";

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function serializeCookie(
  name: string,
  value: string,
  info: RequestInfo,
  options: { maxAgeSeconds?: number; httpOnly?: boolean } = {},
): string {
  const secure = cookiesAreSecure(info);
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (secure) parts.push("Secure");
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  return parts.join("; ");
}

/**
 * Whether cookies carry `Secure` (sent over HTTPS only). SECURE_COOKIES=true or false decides; with
 * "auto" (the default) they are Secure whenever the platform's public address (APP_URL) is https, and
 * otherwise when this request came over HTTPS (directly, or through a proxy trusted with TRUST_PROXY).
 */
export function cookiesAreSecure(info: Pick<RequestInfo, "secure">): boolean {
  const { SECURE_COOKIES, appUrl } = config();
  if (SECURE_COOKIES !== "auto") return SECURE_COOKIES === "true";
  return appUrl.startsWith("https://") || info.secure;
}
