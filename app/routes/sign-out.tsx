import { redirect } from "react-router";
import { revokeSession, SESSION_COOKIE } from "~/platform/auth/sessions";
import { readCookie } from "../lib/cookies.server";
import { clearSessionCookie } from "../lib/session.server";
import type { Route } from "./+types/sign-out";

export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: Route.ActionArgs) {
  await revokeSession(readCookie(request, SESSION_COOKIE));
  throw redirect("/ingresar?aviso=salida", { headers: { "Set-Cookie": clearSessionCookie(context) } });
}
