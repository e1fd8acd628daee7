// The history of a visit's changes, for its author: each level, tag, step decision and proposed step
// as it changed, when it was written and, when it came later from the phone's queue, when it arrived.
// The visit shows the last value received; a change written elsewhere stays listed here.
import type { FieldEdit, Visit } from "~/modules/observation";
import type { Level } from "~/modules/observation/content";
import { useFormat, useT } from "../../lib/i18n";

const EXCERPT = 40;

export function VisitHistory({ visit }: { visit: Visit }) {
  const t = useT();
  const format = useFormat();
  if (visit.history.length === 0) return null;
  const indicators = new Map(visit.content.sections.flatMap((s) => s.indicators).map((i) => [i.key, i]));
  const notes = new Map(visit.notes.map((n) => [n.id, n.body]));
  const none = t("observation.history.none");
  const field = (edit: FieldEdit) => {
    const [kind, key = ""] = edit.field.split(/:(.*)/s);
    if (kind === "level")
      return t("observation.history.level", { indicator: indicators.get(key)?.title ?? key });
    if (kind === "tag") {
      const body = notes.get(key);
      return body === undefined
        ? t("observation.history.tag_deleted_note")
        : t("observation.history.tag", {
            note: body.length > EXCERPT ? `${body.slice(0, EXCERPT).trimEnd()}…` : body,
          });
    }
    if (kind === "focusResult") return t("observation.history.focus_result");
    return t("observation.history.proposed_step");
  };
  const value = (edit: FieldEdit, raw: string, label: string | null) => {
    if (raw === "") return none;
    if (edit.field.startsWith("level:")) return t(`observation.level.${Number(raw) as Level}`);
    if (edit.field.startsWith("tag:")) return indicators.get(raw)?.title ?? raw;
    if (edit.field === "focusResult")
      return t(raw === "mastered" ? "observation.visit.focus_mastered" : "observation.visit.focus_continued");
    if (edit.field === "proposedStep") return label ?? none;
    return `«${raw}»`;
  };
  return (
    <details className="card history">
      <summary>{t("observation.history.heading", { count: visit.history.length })}</summary>
      <p className="muted">{t("observation.history.intro")}</p>
      <ol className="history-list">
        {visit.history.map((edit) => (
          <li key={edit.id}>
            <p>
              <strong>{field(edit)}</strong>: {value(edit, edit.previous, edit.previousLabel)} →{" "}
              {value(edit, edit.value, edit.valueLabel)}
            </p>
            <p className="muted">
              {edit.late
                ? t("observation.history.written_received", {
                    written: format.dateTime(edit.writtenAt),
                    received: format.dateTime(edit.receivedAt),
                  })
                : t("observation.history.written", { written: format.dateTime(edit.writtenAt) })}
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}
