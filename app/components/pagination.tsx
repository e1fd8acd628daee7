import { Link, useLocation } from "react-router";
import { useT } from "../lib/i18n";

/** Previous/next links that keep the current filters (the page number is the `pagina` parameter). */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const t = useT();
  const location = useLocation();
  if (pages <= 1) return null;
  const to = (n: number) => {
    const params = new URLSearchParams(location.search);
    params.set("pagina", String(n));
    return `?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("list.page_of", { page, pages })}>
      {page > 1 ? <Link to={to(page - 1)}>{t("action.previous_page")}</Link> : null}
      <span>{t("list.page_of", { page, pages })}</span>
      {page < pages ? <Link to={to(page + 1)}>{t("action.next_page")}</Link> : null}
    </nav>
  );
}
