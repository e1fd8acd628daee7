// The well-being pulse's pieces (issue #17): one question of the answer form, a row of five big radio
// buttons from Nunca to Siempre a thumb can hit on a phone, and the distribution of a question's
// answers as a server-sized 100 % bar (the numbers are in the table beside it).
import type { MessageKey } from "~/messages";
import { fieldMessageParams } from "~/platform/errors";
import type { FormFailure } from "../lib/actions.server";
import { useFormat, useT } from "../lib/i18n";

const SCALE = [1, 2, 3, 4, 5] as const;

/** One question: its text as the legend, the five answers as one row of radio buttons. */
export function ScaleQuestion({
  name,
  number,
  text,
  failure,
}: {
  name: string;
  number: number;
  text: string;
  failure?: FormFailure;
}) {
  const t = useT();
  const error = failure?.fieldErrors[name];
  const chosen = failure?.values[name];
  return (
    <fieldset className={`levels pulse-question${error ? " field-invalid" : ""}`}>
      <legend>
        {number}. {text}
      </legend>
      <div className="level-row pulse-scale">
        {SCALE.map((v) => (
          <label key={v} className="level-cell pulse-cell">
            <input type="radio" name={name} value={String(v)} defaultChecked={chosen === String(v)} />
            <span className="level-num">{v}</span>
            <span className="pulse-word">{t(`wellbeing.scale.${v}` as MessageKey)}</span>
          </label>
        ))}
      </div>
      {error ? <p className="field-error">{t(error, fieldMessageParams(failure?.params, name))}</p> : null}
    </fieldset>
  );
}

/** A question's answers 1 to 5 as one 100 % bar, each share titled with its count. */
export function DistributionBar({ distribution, label }: { distribution: number[]; label: string }) {
  const t = useT();
  const f = useFormat();
  const total = distribution.reduce((s, c) => s + c, 0);
  const width = 200;
  let x = 0;
  return (
    <svg className="chart pulse-bar" viewBox={`0 0 ${width} 16`} role="img" aria-label={label}>
      {distribution.map((count, i) => {
        const w = total ? Math.round((count / total) * width * 10) / 10 : 0;
        const rect = (
          // biome-ignore lint/suspicious/noArrayIndexKey: the scale's five places
          <rect key={i} x={x} y={0} width={w} height={16} className={`chart-scale-${i}`}>
            <title>{`${t(`wellbeing.scale.${i + 1}` as MessageKey)}: ${f.number(count)}`}</title>
          </rect>
        );
        x += w;
        return rect;
      })}
    </svg>
  );
}
