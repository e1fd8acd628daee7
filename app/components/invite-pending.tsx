import { Form } from "react-router";
import { useT } from "../lib/i18n";
import { SubmitButton } from "./form";

/** The people of a school without an account, and one button that invites them all. */
export function InvitePending({ schoolId, count }: { schoolId: string; count: number }) {
  const t = useT();
  return (
    <section className="card stack">
      <h2>{t("people.invite_pending.heading")}</h2>
      <p>{t("people.invite_pending.text", { count })}</p>
      <Form method="post" action={`/establecimientos/${schoolId}/invitar`}>
        <SubmitButton name="intent" value="pending">
          {t("people.invite_pending.submit", { count })}
        </SubmitButton>
      </Form>
    </section>
  );
}
