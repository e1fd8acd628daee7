import type { Visit } from "~/modules/observation";
import { useFormat, useT } from "../../lib/i18n";

/** The time-on-task snapshots of a visit and their share; on a draft, each can be deleted. */
export function Snapshots({ visit, editable = false }: { visit: Visit; editable?: boolean }) {
  const t = useT();
  const format = useFormat();
  if (visit.snapshots.length === 0) return <p className="muted">{t("observation.visit.no_snapshots")}</p>;
  return (
    <>
      <ul className="rows">
        {visit.snapshots.map((s) => (
          <li key={s.id}>
            {t("observation.visit.snapshot", {
              minute: s.minute,
              onTask: s.onTask,
              present: s.present,
              share: format.percent(s.onTask / s.present),
            })}{" "}
            {editable ? (
              <button type="submit" className="link-button" name="intent" value={`delete_snapshot:${s.id}`}>
                {t("observation.visit.delete")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {visit.onTaskShare !== null ? (
        <p>
          <strong>
            {t("observation.visit.on_task_share", { share: format.percent(visit.onTaskShare) })}
          </strong>
        </p>
      ) : null}
    </>
  );
}
