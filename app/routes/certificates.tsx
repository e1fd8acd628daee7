// /certificados: where someone holding a paper certificate types its code (a GET form, no JavaScript).
import { Form, redirect } from "react-router";
import { normalizeCertificateCode } from "~/modules/learning";
import { Field } from "../components/form";
import type { FormFailure } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/certificates";

export const handle: RouteHandle = { scripts: false };

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "learning.verify.search_title") },
];

export async function loader({ request }: Route.LoaderArgs) {
  const typed = new URL(request.url).searchParams.get("codigo");
  if (typed === null) return { failure: undefined };
  const code = normalizeCertificateCode(typed);
  if (code) throw redirect(`/certificados/${code}`);
  const failure: FormFailure = {
    ok: false,
    message: "errors.form_invalid",
    fieldErrors: { codigo: "learning.verify.code_invalid" },
    params: {},
    values: { codigo: typed.slice(0, 40) },
  };
  return { failure };
}

export default function Certificates({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { failure } = loaderData;
  return (
    <section className="narrow stack">
      <h1>{t("learning.verify.search_title")}</h1>
      <p>{t("learning.verify.search_hint")}</p>
      <Form method="get" className="stack" noValidate>
        <Field
          name="codigo"
          label={t("learning.verify.code")}
          failure={failure}
          required
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t("learning.verify.search")}
        </button>
      </Form>
    </section>
  );
}
