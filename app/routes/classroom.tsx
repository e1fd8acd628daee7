// /mis-cursos/:cohortId: a cohort's lessons as its participants read them, module by module, each
// marked done or not, with the person's progress. Coordinators and the course's facilitators may open
// it too (to see what participants see); only participants mark lessons.
import { Link } from "react-router";
import { classroom } from "~/modules/learning";
import { load } from "../lib/actions.server";
import { pageTitle, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/classroom";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  {
    title: loaderData
      ? `${loaderData.cohort.courseTitle} · Impulso`
      : pageTitle(matches, "learning.my.title"),
  },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => classroom(actor, params.cohortId));
}

export default function Classroom({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { cohort, modules, progress, can } = loaderData;
  return (
    <div className="stack">
      <p>
        <Link to="/mis-cursos">{t("learning.my.title")}</Link>
      </p>
      <h1>{cohort.courseTitle}</h1>
      <p className="muted">{cohort.name}</p>
      <p>
        <Link to={`/mis-cursos/${cohort.id}/conversacion`}>{t("discussions.link")}</Link>
        {can.manage ? (
          <>
            {" "}
            · <Link to={`/cursos/${cohort.courseId}/contenido`}>{t("learning.content.edit_link")}</Link>
          </>
        ) : null}
      </p>
      {progress.total ? (
        <div className="stack">
          <p>{t("learning.my.progress", { done: progress.done, total: progress.total })}</p>
          {can.complete ? (
            <progress
              className="progress"
              max={progress.total}
              value={progress.done}
              aria-label={t("learning.my.progress_label")}
            >
              {t("learning.my.progress", { done: progress.done, total: progress.total })}
            </progress>
          ) : null}
        </div>
      ) : (
        <p className="muted">{t("learning.classroom.no_lessons")}</p>
      )}
      {modules.map((m, index) => (
        <section key={m.id} className="card stack" aria-labelledby={`module-${m.id}`}>
          <h2 id={`module-${m.id}`}>
            {t("learning.content.module_number", { number: index + 1 })}: {m.title}
          </h2>
          {m.lessons.length ? (
            <ol className="rows">
              {m.lessons.map((l) => (
                <li key={l.id}>
                  <Link to={`/mis-cursos/${cohort.id}/lecciones/${l.id}`}>{l.title}</Link>
                  {can.complete ? (
                    <>
                      {" "}
                      <span className={l.done ? "badge badge-ok" : "badge"}>
                        {t(l.done ? "learning.classroom.done" : "learning.classroom.not_done")}
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t("learning.content.no_lessons")}</p>
          )}
          {m.activities.length ? (
            <>
              <h3>{t("learning.activity.heading")}</h3>
              <ol className="rows">
                {m.activities.map((a) => (
                  <li key={a.id}>
                    <Link to={`/mis-cursos/${cohort.id}/actividades/${a.id}`}>{a.title}</Link>{" "}
                    <span className="muted">
                      · {t(`learning.activity.kind.${a.kind}`)}
                      {a.required ? ` · ${t("learning.activity.required")}` : ""}
                    </span>
                    {can.complete ? (
                      <>
                        {" "}
                        <span
                          className={
                            a.status === "accepted"
                              ? "badge badge-ok"
                              : a.status === "to_revise"
                                ? "badge badge-warn"
                                : "badge"
                          }
                        >
                          {t(`learning.activity.status.${a.status ?? "pending"}`)}
                        </span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ))}
    </div>
  );
}
