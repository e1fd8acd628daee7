// /comunidad/avisos/:announcementId: one of a school's announcements, for its staff (issue #17); they
// mark it read (it leaves their home page), and its leaders may withdraw it. Both are forms that work
// without JavaScript; "read" sends the person back where they were (`volver`, checked).
import { Form, Link, redirect } from "react-router";
import { announcementFor, markAnnouncementRead, withdrawAnnouncement } from "~/modules/community";
import { safeReturnPath } from "~/platform/http/return-path";
import { FormMessage, failureOf, SubmitButton } from "../components/form";
import { PlainText } from "../components/plain-text";
import { load, perform, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/community.announcement";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "community.announcements.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => announcementFor(actor, params.announcementId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  if (form.get("intent") === "withdraw") {
    const result = await perform(() => withdrawAnnouncement(actor, params.announcementId), form);
    if ("ok" in result && result.ok) return redirect(`/comunidad/establecimientos/${result.value.schoolId}`);
    return result;
  }
  const result = await perform(() => markAnnouncementRead(actor, params.announcementId), form);
  if ("ok" in result && result.ok) {
    return redirect(safeReturnPath(form.get("volver")));
  }
  return result;
}

export default function CommunityAnnouncement({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { announcement, can } = loaderData;
  return (
    <article className="stack">
      <p>
        <Link to={`/comunidad/establecimientos/${announcement.schoolId}`}>{announcement.school}</Link>
      </p>
      <h1>{announcement.title}</h1>
      <p className="muted">
        {announcement.author} · {f.dateTime(announcement.createdAt)}
      </p>
      <FormMessage failure={failureOf(actionData)} />
      <PlainText text={announcement.body} />
      {announcement.read ? (
        <p className="muted">{t("community.announcements.read_already")}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="read" />
          <input type="hidden" name="volver" value={`/comunidad/avisos/${announcement.id}`} />
          <SubmitButton>{t("community.announcements.mark_read")}</SubmitButton>
        </Form>
      )}
      {can.withdraw ? (
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <SubmitButton>{t("community.announcements.withdraw")}</SubmitButton>
        </Form>
      ) : null}
    </article>
  );
}
