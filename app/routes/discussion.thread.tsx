// /conversaciones/:threadId: a thread of any discussion space, for those its host lets in: the posts
// in order (a hidden one says so; moderators still read it, with the reason and its reports), the
// reply form, how the reader is told of new posts, and the forms to report or (moderators) hide a post.
import { Form, Link } from "react-router";
import { hidePost, readThread, reply, reportPost, setFollow } from "~/modules/discussions";
import { FOLLOW_MODES } from "~/modules/discussions/content";
import { ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import {
  FormMessage,
  failureOf,
  RequestKey,
  SelectField,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { PlainText } from "../components/plain-text";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/discussion.thread";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: loaderData ? `${loaderData.thread.title} · Impulso` : pageTitle(matches, "discussions.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => readThread(actor, params.threadId));
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const postId = String(form.get("postId") ?? "");
  const input = formToObject(form);
  const result = await performOnce(async () => {
    if (intent === "reply") {
      await reply(actor, params.threadId, input);
      return "replied" as const;
    }
    if (intent === "follow") {
      await setFollow(actor, params.threadId, input);
      return "followed" as const;
    }
    if (intent === "hide") {
      await hidePost(actor, params.threadId, postId, input);
      return "hidden" as const;
    }
    if (intent === "report") {
      await reportPost(actor, params.threadId, postId, input);
      return "reported" as const;
    }
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) return { done: result.value };
  return result;
}

const DONE = {
  replied: "discussions.replied",
  followed: "discussions.follow.saved",
  hidden: "discussions.hidden_done",
  reported: "discussions.reported",
} as const;

export default function DiscussionThread({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { space, thread, posts, follow, can } = loaderData;
  const failure = failureOf(actionData);
  const failedOn = (intent: string, postId = "") =>
    failure && failure.values.intent === intent && (failure.values.postId ?? "") === postId
      ? failure
      : undefined;
  // which forms the page shows: a refusal is placed beside its form, or on top when that form is gone
  const reportable = (p: (typeof posts)[number]) => !p.hidden && !p.mine && !p.reportedByMe;
  const hideable = (p: (typeof posts)[number]) => can.moderate && !p.hidden;
  const placed =
    (can.post && !thread.hidden && Boolean(failedOn("reply"))) ||
    Boolean(failedOn("follow")) ||
    posts.some((p) => (hideable(p) && failedOn("hide", p.id)) || (reportable(p) && failedOn("report", p.id)));
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <article className="stack">
      <p>
        <Link to={space.href}>{space.title}</Link>
      </p>
      <h1>{thread.title}</h1>
      {thread.hidden ? <p className="alert alert-info">{t("discussions.thread_hidden")}</p> : null}
      {placed ? null : <FormMessage failure={failure} />}
      {done ? (
        <p className="alert alert-ok" role="status">
          {t(DONE[done])}
        </p>
      ) : null}
      {posts.map((post) => (
        <section key={post.id} className="card stack" aria-label={t("discussions.by", { name: post.author })}>
          <p className="muted">
            <strong>{post.author}</strong> · {f.dateTime(post.createdAt)}
            {post.reports ? ` · ${t("discussions.reports", { count: post.reports })}` : ""}
          </p>
          {post.reportReasons.length ? (
            <ul className="muted" aria-label={t("discussions.report_reasons")}>
              {post.reportReasons.map((reason, i) => (
                // reasons may repeat; their order is fixed
                // biome-ignore lint/suspicious/noArrayIndexKey: a list that never reorders
                <li key={i}>{t("discussions.report_reason", { reason })}</li>
              ))}
            </ul>
          ) : null}
          {post.hidden ? <p className="muted">{t("discussions.hidden")}</p> : null}
          {post.hidden && post.hiddenReason ? (
            <p className="muted">{t("discussions.hidden_reason", { reason: post.hiddenReason })}</p>
          ) : null}
          {post.body ? <PlainText text={post.body} /> : null}
          {!post.hidden && !post.mine ? (
            <details open={Boolean(failedOn("report", post.id))}>
              <summary>{t("discussions.report")}</summary>
              {post.reportedByMe ? (
                <p className="muted">{t("discussions.reported_already")}</p>
              ) : (
                <Form method="post" className="stack" noValidate>
                  <RequestKey />
                  <FormMessage failure={failedOn("report", post.id)} />
                  <input type="hidden" name="intent" value="report" />
                  <input type="hidden" name="postId" value={post.id} />
                  <TextAreaField
                    name="reason"
                    required
                    label={t("discussions.report_label")}
                    rows={2}
                    failure={failedOn("report", post.id)}
                  />
                  <SubmitButton>{t("discussions.report")}</SubmitButton>
                </Form>
              )}
            </details>
          ) : null}
          {hideable(post) ? (
            <details open={Boolean(failedOn("hide", post.id))}>
              <summary>{t("discussions.hide")}</summary>
              <Form method="post" className="stack" noValidate>
                <RequestKey />
                <FormMessage failure={failedOn("hide", post.id)} />
                <input type="hidden" name="intent" value="hide" />
                <input type="hidden" name="postId" value={post.id} />
                <TextAreaField
                  name="reason"
                  required
                  label={t("discussions.hide_label")}
                  rows={2}
                  failure={failedOn("hide", post.id)}
                />
                <SubmitButton>{t("discussions.hide")}</SubmitButton>
              </Form>
            </details>
          ) : null}
        </section>
      ))}
      {can.post && !thread.hidden ? (
        <Form method="post" className="card stack" noValidate>
          <RequestKey />
          <FormMessage failure={failedOn("reply")} />
          <input type="hidden" name="intent" value="reply" />
          <TextAreaField
            name="body"
            required
            label={t("discussions.reply_label")}
            rows={5}
            failure={failedOn("reply")}
          />
          <SubmitButton>{t("discussions.reply")}</SubmitButton>
        </Form>
      ) : null}
      <Form method="post" className="card stack">
        <RequestKey />
        <FormMessage failure={failedOn("follow")} />
        <input type="hidden" name="intent" value="follow" />
        <SelectField
          name="mode"
          label={t("discussions.follow.label")}
          required
          defaultValue={follow}
          options={FOLLOW_MODES.map((m) => ({ value: m, label: t(`discussions.follow.${m}`) }))}
          failure={failedOn("follow")}
        />
        <SubmitButton>{t("discussions.follow.save")}</SubmitButton>
      </Form>
    </article>
  );
}
