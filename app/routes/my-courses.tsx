// /mis-cursos: the courses and workshops where the person holds a place, with how far they have gone
// in each one's lessons.
import { Link } from "react-router";
import { myCourses } from "~/modules/learning";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/my-courses";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "learning.my.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return { courses: await myCourses(actor) };
}

export default function MyCourses({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const f = useFormat();
  const { courses } = loaderData;
  return (
    <div className="stack">
      <h1>{t("learning.my.title")}</h1>
      {courses.length === 0 ? (
        <p className="muted">
          {t("learning.my.none")} <Link to="/talleres">{t("learning.my.catalogue")}</Link>
        </p>
      ) : (
        <ul className="rows">
          {courses.map((c) => (
            <li key={c.cohortId}>
              <Link to={`/mis-cursos/${c.cohortId}`}>
                <strong>{c.courseTitle}</strong>
              </Link>{" "}
              · {c.cohortName}
              <br />
              <span className="muted">
                {t("learning.dates", { start: f.day(c.startsOn), end: f.day(c.endsOn) })}
                {c.lessons ? ` · ${t("learning.my.progress", { done: c.done, total: c.lessons })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
