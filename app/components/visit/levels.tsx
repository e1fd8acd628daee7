// The levels of a draft visit, made for a phone: per indicator one row of the four levels (a real radio
// group: fieldset, legend, one radio per level and "no level" as a small link-like choice), the chosen
// level's name and descriptor under it (CSS, no JavaScript), and every descriptor behind a disclosure.
import type { Visit } from "~/modules/observation";
import { LEVELS, type Level } from "~/modules/observation/content";
import { useT } from "../../lib/i18n";

type Indicator = Visit["content"]["sections"][number]["indicators"][number];

/**
 * The note that an instrument's wording is a draft, once for the instrument instead of beside each
 * indicator: for all of them, or for the ones marked with an asterisk.
 */
export function DraftNotice({ indicators }: { indicators: ReadonlyArray<Pick<Indicator, "draft">> }) {
  const t = useT();
  const drafts = indicators.filter((i) => i.draft).length;
  if (drafts === 0) return null;
  return (
    <p className="hint draft-notice">
      {t(
        drafts === indicators.length
          ? "observation.visit.draft_notice_all"
          : "observation.visit.draft_notice_some",
      )}
    </p>
  );
}

/** The asterisk after a draft indicator's title when only some of the instrument's are drafts. */
export function draftMark(indicator: Pick<Indicator, "draft">, all: ReadonlyArray<Pick<Indicator, "draft">>) {
  return indicator.draft && !all.every((i) => i.draft) ? " *" : "";
}

export function LevelsSection({
  visit,
  chosen,
  error,
}: {
  visit: Visit;
  /** the level shown as chosen for an indicator's key: what was typed in a refused post, else saved */
  chosen: (key: string) => string;
  error: (name: string) => string | undefined;
}) {
  const t = useT();
  const indicators = visit.content.sections.flatMap((s) => s.indicators);
  if (!indicators.some((i) => i.kind === "scored")) return null;
  const name = (level: Level) => t(`observation.level.${level}`);
  return (
    <section className="card stack" id="niveles" aria-labelledby="niveles-titulo">
      <h2 id="niveles-titulo">
        {t("observation.visit.levels")} <span className="muted">{t("field.optional")}</span>
      </h2>
      {/* The row shows the levels' numbers; their names once here (and to a screen reader in each radio). */}
      <p className="hint level-key" aria-hidden="true">
        {LEVELS.map((level) => `${level}\u00a0${name(level)}`).join(" · ")}
      </p>
      <DraftNotice indicators={indicators} />
      {visit.content.sections.map((section) => (
        <details
          key={section.key}
          className="section"
          open={section.indicators.some((i) => visit.levels[i.key]) || undefined}
        >
          <summary>{section.title}</summary>
          {section.indicators.map((indicator) =>
            indicator.kind === "scored" ? (
              <fieldset
                key={indicator.key}
                className={`levels${error(`level_${indicator.key}`) ? " field-invalid" : ""}`}
              >
                <legend>
                  {indicator.title}
                  {draftMark(indicator, indicators)}
                </legend>
                <div className="level-row">
                  {LEVELS.map((level) => (
                    <label key={level} className="level-cell">
                      <input
                        type="radio"
                        name={`level_${indicator.key}`}
                        value={level}
                        defaultChecked={chosen(indicator.key) === String(level)}
                      />
                      <span className="level-num" aria-hidden="true">
                        {level}
                      </span>
                      <span className="sr-only">{name(level)}</span>
                    </label>
                  ))}
                  <label className="level-clear">
                    <input
                      type="radio"
                      name={`level_${indicator.key}`}
                      value=""
                      defaultChecked={chosen(indicator.key) === ""}
                    />
                    <span>{t("observation.level.none")}</span>
                  </label>
                </div>
                {/* Only the chosen level's line is displayed (styles.css, :has). */}
                <div className="level-chosen">
                  {LEVELS.map((level) => (
                    <p key={level} className={`level-desc level-desc-${level}`}>
                      <strong>{name(level)}</strong>
                      {indicator.descriptors ? `: ${indicator.descriptors[level - 1]}` : null}
                    </p>
                  ))}
                </div>
                {indicator.descriptors ? (
                  <details className="descriptors">
                    <summary>{t("observation.visit.descriptors")}</summary>
                    <dl>
                      {indicator.descriptors.map((d, i) => (
                        <div key={LEVELS[i]}>
                          <dt>
                            {LEVELS[i]} {name(LEVELS[i])}
                          </dt>
                          <dd>{d}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                ) : null}
              </fieldset>
            ) : (
              <p key={indicator.key} className="muted evidence-only">
                {indicator.title}
                {draftMark(indicator, indicators)} · {t("observation.visit.evidence_only")}
              </p>
            ),
          )}
        </details>
      ))}
    </section>
  );
}
