// /practicas/:practiceId: a practice as its readers see it (issue #17): the problem, how it is done, its
// context, files, its classroom clip (the browser's own player) or video link; "me sirvió"; comments,
// each of which may point to a moment of the clip ("min 3:20"), which a click plays from (without
// JavaScript the link opens the page with the clip starting there). Its school's leaders feature it.
import { Form, Link } from "react-router";
import { commentOnPractice, featurePractice, practiceFor, toggleHelpful } from "~/modules/practices";
import { ValidationError } from "~/platform/errors";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import { PlainText } from "../components/plain-text";
import { clock } from "../components/practice-card";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/practice";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: loaderData ? `${loaderData.practice.title} · Impulso` : pageTitle(matches, "practices.title") },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const start = Number(new URL(request.url).searchParams.get("t"));
  const page = await load(() => practiceFor(actor, params.practiceId));
  return { ...page, start: Number.isInteger(start) && start > 0 && start < 100_000 ? start : 0 };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const intent = String(form.get("intent") ?? "");
  const result = await performOnce(async () => {
    if (intent === "helpful")
      return { done: "helpful" as const, ...(await toggleHelpful(actor, params.practiceId)) };
    if (intent === "comment") {
      await commentOnPractice(actor, params.practiceId, formToObject(form));
      return { done: "comment" as const };
    }
    if (intent === "feature" || intent === "unfeature") {
      await featurePractice(actor, params.practiceId, intent === "feature");
      return { done: intent };
    }
    throw new ValidationError({ intent: "errors.invalid_choice" });
  }, form);
  if ("ok" in result && result.ok) return { done: result.value.done };
  return result;
}

/** Plays the clip from a moment without leaving the page (the link works alone without JavaScript). */
function playFrom(event: React.MouseEvent<HTMLAnchorElement>, seconds: number) {
  const video = document.getElementById("video");
  if (!(video instanceof HTMLVideoElement)) return;
  event.preventDefault();
  video.currentTime = seconds;
  video.scrollIntoView({ block: "center" });
  void video.play().catch(() => {});
}

export default function Practice({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { practice: p, files, comments, threadId, can, start } = loaderData;
  const failure = failureOf(actionData);
  const done = actionData && "done" in actionData ? actionData.done : undefined;
  const context = [
    p.level ? t(`practices.level.${p.level}`) : null,
    p.grade,
    p.subject ? t(`practices.subject.${p.subject}`) : null,
  ].filter(Boolean);
  return (
    <article className="stack">
      <p>
        <Link to="/practicas">{t("practices.title")}</Link>
      </p>
      <h1>{p.title}</h1>
      <p className="muted">
        {p.author} · {p.school}
        {p.publishedAt ? ` · ${f.date(p.publishedAt)}` : ""} ·{" "}
        {t(`practices.visibility_short.${p.visibility}`)}
      </p>
      {p.status === "draft" ? (
        <p className="alert" role="status">
          {t("practices.draft_notice")}
        </p>
      ) : null}
      {p.featured ? <p className="badge badge-ok">{t("practices.featured")}</p> : null}
      <FormMessage failure={failure} />
      {can.edit ? (
        <p>
          <Link className="button button-secondary" to={`/practicas/${p.id}/editar`}>
            {t("practices.edit")}
          </Link>
        </p>
      ) : null}
      <section className="stack" aria-labelledby="problem">
        <h2 id="problem">{t("practices.field.problem")}</h2>
        <PlainText text={p.problem} />
      </section>
      <section className="stack" aria-labelledby="how">
        <h2 id="how">{t("practices.field.how_to")}</h2>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by platform/rich-text, which allows only safe markup */}
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: p.howToHtml }} />
      </section>
      {p.hasVideo ? (
        <section className="stack" aria-labelledby="clip">
          <h2 id="clip">{t("practices.video.title")}</h2>
          {/* biome-ignore lint/a11y/useMediaCaption: a classroom clip its author uploaded; no captions exist */}
          <video
            id="video"
            controls
            preload="metadata"
            playsInline
            src={`/practicas/${p.id}/video${start ? `#t=${start}` : ""}`}
            className="video"
          />
        </section>
      ) : null}
      {p.videoUrl ? (
        <p>
          <a href={p.videoUrl} rel="noopener noreferrer">
            {t("practices.video.watch_at", { site: new URL(p.videoUrl).hostname })}
          </a>
        </p>
      ) : null}
      {context.length || p.mbeStandards.length || p.stepCategories.length ? (
        <div className="stack">
          {context.length ? (
            <p>
              <strong>{t("practices.field.context")}:</strong> {context.join(" · ")}
            </p>
          ) : null}
          {p.mbeStandards.length ? (
            <p>
              <strong>{t("practices.field.standards")}:</strong>{" "}
              {p.mbeStandards.map((n) => t(`practices.standard.${n}` as "practices.standard.5")).join(" · ")}
            </p>
          ) : null}
          {p.stepCategories.length ? (
            <p>
              <strong>{t("practices.field.categories")}:</strong>{" "}
              {p.stepCategories
                .map((c) => t(`observation.category.${c}` as "observation.category.routines"))
                .join(" · ")}
            </p>
          ) : null}
        </div>
      ) : null}
      {files.length ? (
        <section className="stack" aria-labelledby="files">
          <h2 id="files">{t("practices.files.title")}</h2>
          <ul className="rows">
            {files.map((file) => (
              <li key={file.id}>
                <a href={`/practicas/${p.id}/archivos/${file.id}`} download>
                  {file.fileName}
                </a>{" "}
                <span className="muted">{f.fileSize(file.size)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {p.proposer ? <p className="muted">{t("practices.proposed_by", { name: p.proposer })}</p> : null}
      {p.status === "published" ? (
        <section className="stack" aria-labelledby="helpful">
          <h2 id="helpful" className="sr-only">
            {t("practices.helpful")}
          </h2>
          <p>{t("practices.helpful_count", { count: p.helpfulCount })}</p>
          {can.react ? (
            <Form method="post">
              <RequestKey />
              <input type="hidden" name="intent" value="helpful" />
              <SubmitButton>
                {p.helpfulByMe ? t("practices.helpful_undo") : t("practices.helpful")}
              </SubmitButton>
            </Form>
          ) : null}
          {can.feature ? (
            <Form method="post">
              <RequestKey />
              <input type="hidden" name="intent" value={p.featured ? "unfeature" : "feature"} />
              <SubmitButton>{p.featured ? t("practices.unfeature") : t("practices.feature")}</SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}
      {p.status === "published" ? (
        <section className="stack" aria-labelledby="comments">
          <h2 id="comments">{t("practices.comments.title")}</h2>
          {done === "comment" ? (
            <p className="alert alert-ok" role="status">
              {t("practices.comments.sent")}
            </p>
          ) : null}
          {comments.length === 0 ? <p className="muted">{t("practices.comments.none")}</p> : null}
          {comments.map((c) => (
            <div key={c.id} className="card stack">
              <p className="muted">
                {c.author} · {f.dateTime(c.createdAt)}
                {c.moment !== null && p.hasVideo ? (
                  <>
                    {" · "}
                    <a
                      href={`/practicas/${p.id}?t=${c.moment}#video`}
                      onClick={(event) => playFrom(event, c.moment as number)}
                    >
                      {t("practices.comments.play_from", { moment: clock(c.moment) })}
                    </a>
                  </>
                ) : null}
              </p>
              {c.hidden ? <p className="muted">{t("discussions.hidden")}</p> : <PlainText text={c.body} />}
            </div>
          ))}
          {threadId && (can.moderate || comments.length) ? (
            <p>
              <Link to={`/conversaciones/${threadId}`}>{t("practices.comments.conversation")}</Link>
            </p>
          ) : null}
          {can.react ? (
            <Form method="post" className="stack" noValidate>
              <RequestKey />
              <input type="hidden" name="intent" value="comment" />
              <TextAreaField
                name="body"
                label={t("practices.comments.field")}
                required
                rows={3}
                failure={failure?.values.intent === "comment" ? failure : undefined}
              />
              {p.hasVideo ? (
                <Field
                  name="moment"
                  label={t("practices.comments.moment")}
                  hint={t("practices.comments.moment_hint")}
                  inputMode="numeric"
                  maxLength={5}
                  failure={failure?.values.intent === "comment" ? failure : undefined}
                />
              ) : null}
              <SubmitButton>{t("practices.comments.send")}</SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
