// /comunidad/establecimientos/:schoolId: a school's community page (issue #17): the announcements in
// force, the form for its leaders to post one, and the school's conversation (its staff's, and the
// coordinators' who advise it).
import { Form, Link } from "react-router";
import { publishAnnouncement, schoolAnnouncementsFor } from "~/modules/community";
import { spaceThreads } from "~/modules/discussions";
import { featuredPractices } from "~/modules/practices";
import { formToObject } from "~/platform/validation";
import { DiscussionSpace } from "../components/discussion-space";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { PlainText } from "../components/plain-text";
import { PracticeCards } from "../components/practice-card";
import { load, performOnce, readForm } from "../lib/actions.server";
import { startThreadFromForm } from "../lib/discussion.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { pageOf } from "../lib/paging";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/community.school";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, "community.school.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(async () => {
    const conversation = await spaceThreads(actor, "school", params.schoolId, pageOf(request));
    const notices = await schoolAnnouncementsFor(actor, params.schoolId);
    const featured = await featuredPractices(actor, params.schoolId);
    return { ...conversation, ...notices, featured, can: { ...conversation.can, ...notices.can } };
  });
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  if (form.get("intent") === "announce") {
    const result = await performOnce(
      () => publishAnnouncement(actor, params.schoolId, formToObject(form)),
      form,
    );
    if ("ok" in result && result.ok) return { intent: "announce" as const, published: true };
    return result;
  }
  return startThreadFromForm(actor, "school", params.schoolId, form);
}

export default function CommunitySchool({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { space, threads, announcements, featured, can, page, pages } = loaderData;
  const failure = failureOf(actionData);
  // the form that was sent gets the refusal (the values say which)
  const announceFailure = failure?.values.intent === "announce" ? failure : undefined;
  const threadFailure = failure && !announceFailure ? failure : undefined;
  const published = actionData && "published" in actionData;
  return (
    <div className="stack">
      <p>
        <Link to="/comunidad">{t("community.title")}</Link>
      </p>
      <h1>{space.title}</h1>
      <p className="muted">{t("community.school.intro")}</p>
      <section className="stack" aria-labelledby="announcements">
        <h2 id="announcements">{t("community.announcements.title")}</h2>
        {published ? (
          <p className="alert alert-ok" role="status">
            {t("community.announcements.published")}
          </p>
        ) : null}
        {announcements.length === 0 ? <p className="muted">{t("community.announcements.none")}</p> : null}
        {announcements.map((a) => (
          <article key={a.id} className="card stack">
            <h3>
              <Link to={`/comunidad/avisos/${a.id}`}>{a.title}</Link>
              {a.read ? null : (
                <>
                  {" "}
                  <span className="badge badge-ok">{t("community.announcements.new")}</span>
                </>
              )}
            </h3>
            <p className="muted">
              {a.author} · {f.dateTime(a.createdAt)}
            </p>
            <PlainText text={a.body} />
          </article>
        ))}
        {can.announce ? (
          <details className="card" open={Boolean(announceFailure)}>
            <summary>{t("community.announcements.new_form")}</summary>
            <Form method="post" className="stack" noValidate>
              <RequestKey />
              <FormMessage failure={announceFailure} />
              <input type="hidden" name="intent" value="announce" />
              <Field
                name="title"
                label={t("community.announcements.field.title")}
                required
                failure={announceFailure}
              />
              <TextAreaField
                name="body"
                required
                label={t("community.announcements.field.body")}
                rows={5}
                failure={announceFailure}
              />
              <SubmitButton>{t("community.announcements.publish")}</SubmitButton>
            </Form>
          </details>
        ) : null}
      </section>
      <section className="stack" aria-labelledby="featured">
        <h2 id="featured">{t("practices.featured_title")}</h2>
        {featured.length === 0 ? <p className="muted">{t("practices.featured_none")}</p> : null}
        {featured.length ? <PracticeCards practices={featured} hrefOf={(id) => `/practicas/${id}`} /> : null}
        <p>
          <Link to={`/practicas?establecimiento=${space.id}`}>{t("practices.school_all")}</Link>
        </p>
      </section>
      <section className="stack" aria-labelledby="conversation">
        <h2 id="conversation">{t("community.school.conversation")}</h2>
        <DiscussionSpace
          threads={threads}
          canPost={can.post}
          failure={threadFailure}
          page={page}
          pages={pages}
        />
      </section>
    </div>
  );
}
