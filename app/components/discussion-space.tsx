// A discussion space's page body (a cohort's, a school's, the network's): its threads, the latest
// activity first, and the form to start one. The page around it says whose space it is.
import { Form, Link } from "react-router";
import type { FormFailure } from "../lib/actions.server";
import { useFormat, useT } from "../lib/i18n";
import { Field, FormMessage, RequestKey, SubmitButton, TextAreaField } from "./form";
import { Pagination } from "./pagination";

export interface ThreadRow {
  id: string;
  title: string;
  author: string;
  posts: number;
  unread: number;
  hidden: boolean;
  lastPostAt: Date;
}

export function DiscussionSpace({
  threads,
  canPost,
  failure,
  page,
  pages,
}: {
  threads: ThreadRow[];
  canPost: boolean;
  failure: FormFailure | undefined;
  page: number;
  pages: number;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <>
      {threads.length === 0 ? <p className="muted">{t("discussions.none")}</p> : null}
      {threads.length ? (
        <ul className="rows">
          {threads.map((thread) => (
            <li key={thread.id}>
              <Link to={`/conversaciones/${thread.id}`}>
                <strong>{thread.title}</strong>
              </Link>
              {thread.hidden ? (
                <>
                  {" "}
                  <span className="badge badge-warn">{t("discussions.thread_hidden_badge")}</span>
                </>
              ) : null}
              {thread.unread ? (
                <>
                  {" "}
                  <span className="badge badge-ok">
                    {t("discussions.new_posts", { count: thread.unread })}
                  </span>
                </>
              ) : null}
              <br />
              <span className="muted">
                {t("discussions.by", { name: thread.author })} ·{" "}
                {t("discussions.posts", { count: thread.posts })} · {f.dateTime(thread.lastPostAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination page={page} pages={pages} />
      {canPost ? (
        <section className="card stack">
          <h2>{t("discussions.new")}</h2>
          <Form method="post" className="stack" noValidate>
            <RequestKey />
            <FormMessage failure={failure} />
            <input type="hidden" name="intent" value="thread" />
            <Field name="title" label={t("discussions.field.title")} required failure={failure} />
            <TextAreaField
              name="body"
              required
              label={t("discussions.field.body")}
              rows={6}
              failure={failure}
            />
            <SubmitButton>{t("discussions.start")}</SubmitButton>
          </Form>
        </section>
      ) : null}
    </>
  );
}
