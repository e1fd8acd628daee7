import { Link } from "react-router";
import { readOutboxEmail } from "~/modules/admin";
import { load } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/admin.outbox.email";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "outbox.title") }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const email = await load(() => readOutboxEmail(actor, params.emailId));
  return {
    email: {
      toAddress: email.toAddress,
      subject: email.subject,
      textBody: email.textBody,
      status: email.status,
      createdAt: email.createdAt,
    },
  };
}

export default function OutboxEmail({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { email } = loaderData;
  return (
    <article className="stack">
      <p>
        <Link to="/admin/correos">{t("action.back")}</Link>
      </p>
      <h1>{email.subject}</h1>
      <dl className="facts">
        <dt>{t("outbox.to")}</dt>
        <dd>{email.toAddress}</dd>
        <dt>{t("outbox.date")}</dt>
        <dd>{f.dateTime(email.createdAt)}</dd>
        <dt>{t("outbox.status")}</dt>
        <dd>{t(`outbox.status.${email.status}`)}</dd>
      </dl>
      <pre className="email-body">{email.textBody}</pre>
    </article>
  );
}
