import { afterEach, describe, expect, it } from "vitest";
import { resetConfigForTests } from "~/platform/config";
import { cookiesAreSecure, serializeCookie } from "./cookies.server";

const saved = { APP_URL: process.env.APP_URL, SECURE_COOKIES: process.env.SECURE_COOKIES };
function withEnv(env: { APP_URL?: string; SECURE_COOKIES?: string }) {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfigForTests();
}
afterEach(() => withEnv(saved));

const info = (secure: boolean) => ({ secure, ip: "127.0.0.1", requestId: "r", nonce: "n" }) as never;

describe("Secure cookies", () => {
  it("are Secure by default whenever the public address is https, even behind an untrusted proxy", () => {
    withEnv({ APP_URL: "https://impulso.example.cl", SECURE_COOKIES: undefined });
    expect(cookiesAreSecure(info(false))).toBe(true);
    expect(serializeCookie("impulso_session", "x", info(false))).toContain("; Secure");
  });

  it("follow the request without a public https address, and obey SECURE_COOKIES", () => {
    withEnv({ APP_URL: "http://localhost:3000", SECURE_COOKIES: undefined });
    expect(cookiesAreSecure(info(false))).toBe(false);
    expect(cookiesAreSecure(info(true))).toBe(true);
    withEnv({ APP_URL: "http://localhost:3000", SECURE_COOKIES: "true" });
    expect(cookiesAreSecure(info(false))).toBe(true);
    withEnv({ APP_URL: "https://impulso.example.cl", SECURE_COOKIES: "false" });
    expect(serializeCookie("impulso_session", "x", info(true))).not.toContain("Secure");
  });
});
