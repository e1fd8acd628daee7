// /certificados/:code: the public verification page the certificate's QR code points to (issue #16
// §9). It shows only what a reader needs to trust the paper: valid or revoked, name, course, hours,
// dates and who issued it. No sign-in, no JavaScript; an unknown code is a clear "no encontrado".
import { Link } from "react-router";
import { verifyCertificate } from "~/modules/learning";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/certificate";

export const handle: RouteHandle = { scripts: false };

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "learning.verify.title") },
  { name: "robots", content: "noindex" },
  ...(loaderData?.certificate
    ? [
        {
          name: "description",
          content: `${loaderData.certificate.courseTitle} · ${loaderData.certificate.holderName}`,
        },
      ]
    : []),
];

export async function loader({ params }: Route.LoaderArgs) {
  const certificate = await verifyCertificate(params.code);
  return { certificate, code: params.code };
}

export function headers() {
  return { "cache-control": "no-store", "referrer-policy": "no-referrer" };
}

export default function Certificate({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { certificate, code } = loaderData;
  if (!certificate)
    return (
      <section className="narrow stack">
        <h1>{t("learning.verify.not_found_title")}</h1>
        <p className="alert alert-error" role="alert">
          {t("learning.verify.not_found", { code: code.slice(0, 40) })}
        </p>
        <p>
          <Link to="/certificados">{t("learning.verify.search_again")}</Link>
        </p>
      </section>
    );
  const valid = certificate.status === "valid";
  return (
    <section className="narrow stack">
      <h1>{t("learning.verify.title")}</h1>
      <p className={valid ? "alert alert-ok" : "alert alert-error"} role="status">
        <strong>{valid ? t("learning.verify.valid") : t("learning.verify.revoked")}</strong>
        {!valid && certificate.revokedAt
          ? ` ${t("learning.verify.revoked_on", { date: f.date(certificate.revokedAt) })}`
          : ""}
      </p>
      <dl className="facts">
        <dt>{t("learning.verify.holder")}</dt>
        <dd>{certificate.holderName}</dd>
        <dt>
          {certificate.kind === "mentor" ? t("learning.verify.mentor_track") : t("learning.verify.course")}
        </dt>
        <dd>{certificate.courseTitle}</dd>
        <dt>{t("learning.verify.hours")}</dt>
        <dd>{t("learning.hours", { count: certificate.hours })}</dd>
        <dt>{t("learning.verify.dates")}</dt>
        <dd>{t("learning.dates", { start: f.day(certificate.startsOn), end: f.day(certificate.endsOn) })}</dd>
        <dt>{t("learning.verify.issuer")}</dt>
        <dd>{certificate.issuer}</dd>
        <dt>{t("learning.verify.code")}</dt>
        <dd>
          <code>{certificate.code}</code>
        </dd>
        <dt>{t("learning.verify.issued_on")}</dt>
        <dd>{f.date(certificate.issuedAt)}</dd>
      </dl>
    </section>
  );
}
