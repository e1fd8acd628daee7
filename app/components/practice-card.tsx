// A practice in a list (the search, a school's featured ones, the public list): its title, the
// problem it solves, its context and who shares it.
import { Link } from "react-router";
import type { PracticeCard } from "~/modules/practices";
import { useT } from "../lib/i18n";

export function PracticeCards({
  practices,
  hrefOf,
}: {
  practices: PracticeCard[];
  hrefOf: (id: string) => string;
}) {
  const t = useT();
  return (
    <ul className="cards">
      {practices.map((p) => (
        <li key={p.id} className="card stack">
          <h3>
            <Link to={hrefOf(p.id)}>{p.title}</Link>
          </h3>
          <p>{p.problem}</p>
          <p className="muted">
            {[
              p.level ? t(`practices.level.${p.level}`) : null,
              p.grade,
              p.subject ? t(`practices.subject.${p.subject}`) : null,
              ...p.mbeStandards.map((n) => t("practices.standard_short", { n })),
              p.hasVideo ? t("practices.with_video") : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <p className="muted">
            {p.author} · {p.school}
            {p.helpfulCount > 0 ? ` · ${t("practices.helpful_count", { count: p.helpfulCount })}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Previous and next pages of a list whose total is not counted (`more`: there is a next one). */
export function MorePages({ page, more, search }: { page: number; more: boolean; search: string }) {
  const t = useT();
  if (page <= 1 && !more) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(search);
    params.set("pagina", String(n));
    return `?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("practices.page", { page })}>
      {page > 1 ? <Link to={to(page - 1)}>{t("action.previous_page")}</Link> : null}
      <span>{t("practices.page", { page })}</span>
      {more ? <Link to={to(page + 1)}>{t("action.next_page")}</Link> : null}
    </nav>
  );
}

/** "3:20" from 200 seconds (a moment of a clip). */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
