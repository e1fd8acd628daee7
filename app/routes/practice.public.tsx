// /practicas-publicas/:practiceId: a public practice, for anyone and for search engines (no account, no
// JavaScript): the problem, how it is done, its context, its clip or video link, who shares it. Its
// description and Open Graph tags make a link preview; comments and "me sirvió" stay inside the network.
import { publicPractice } from "~/modules/practices";
import { PlainText } from "../components/plain-text";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import type { RouteHandle } from "../root";
import type { Route } from "./+types/practice.public";

export const handle: RouteHandle = { scripts: false };

export const meta: Route.MetaFunction = ({ matches, loaderData: p }) => {
  if (!p) return [{ title: pageTitle(matches, "errors.not_found.title") }];
  return [
    { title: `${p.title} · ${p.organization}` },
    { name: "description", content: p.problem.slice(0, 300) },
    { property: "og:type", content: "article" },
    { property: "og:title", content: p.title },
    { property: "og:description", content: p.problem.slice(0, 300) },
    { property: "og:site_name", content: p.organization },
  ];
};

export async function loader({ params }: Route.LoaderArgs) {
  const practice = await publicPractice(params.practiceId);
  if (!practice) throw new Response(null, { status: 404 });
  return practice;
}

export default function PublicPractice({ loaderData: p }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const context = [
    p.level ? t(`practices.level.${p.level}`) : null,
    p.grade,
    p.subject ? t(`practices.subject.${p.subject}`) : null,
    ...p.mbeStandards.map((n) => t(`practices.standard.${n}` as "practices.standard.5")),
  ].filter(Boolean);
  return (
    <article className="stack">
      <p>
        <a href="/practicas-publicas">{t("practices.public.title")}</a>
      </p>
      <h1>{p.title}</h1>
      <p className="muted">
        {p.author} · {p.school} · {p.organization} · {f.date(p.publishedAt)}
      </p>
      <h2>{t("practices.field.problem")}</h2>
      <PlainText text={p.problem} />
      <h2>{t("practices.field.how_to")}</h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by platform/rich-text, which allows only safe markup */}
      <div className="rich-text" dangerouslySetInnerHTML={{ __html: p.howToHtml }} />
      {p.hasUploadedVideo ? (
        <>
          <h2>{t("practices.video.title")}</h2>
          {/* biome-ignore lint/a11y/useMediaCaption: a classroom clip its author uploaded; no captions exist */}
          <video
            controls
            preload="metadata"
            playsInline
            src={`/practicas-publicas/${p.id}/video`}
            className="video"
          />
        </>
      ) : null}
      {p.videoUrl ? (
        <p>
          <a href={p.videoUrl} rel="noopener noreferrer">
            {t("practices.video.watch_at", { site: new URL(p.videoUrl).hostname })}
          </a>
        </p>
      ) : null}
      {context.length ? <p className="muted">{context.join(" · ")}</p> : null}
    </article>
  );
}
