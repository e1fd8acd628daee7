import { Form, Link, redirect } from "react-router";
import {
  discardInstrumentDraft,
  getInstrument,
  saveInstrumentDraft,
  setInstrumentArchived,
} from "~/modules/observation";
import type { MbeStandard } from "~/modules/observation/content";
// What the page itself uses comes from the module's plain-data file: the browser gets no database code.
import {
  draftField,
  INSTRUMENT_LIMITS,
  type IndicatorDef,
  type InstrumentContent,
  LEVELS,
  MBE_STANDARDS,
  type SectionDef,
} from "~/modules/observation/content";
import { formToObject } from "~/platform/validation";
import { Field, FormMessage, failureOf, RequestKey, SubmitButton, TextAreaField } from "../components/form";
import type { FormFailure } from "../lib/actions.server";
import { load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/instrument";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "instruments.page.title", { name: loaderData?.instrument.name ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const instrument = await load(() => getInstrument(actor, params.instrumentId));
  const notice = new URL(request.url).searchParams.get("aviso");
  return { instrument, notice };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const id = params.instrumentId;
  const intent = String(form.get("intent") ?? "save");
  if (intent === "discard" || intent === "archive" || intent === "restore") {
    const result = await performOnce(
      () =>
        intent === "discard"
          ? discardInstrumentDraft(actor, id)
          : setInstrumentArchived(actor, id, intent === "archive"),
      form,
    );
    if ("ok" in result && result.ok) {
      const notice = { discard: "descartado", archive: "archivada", restore: "restaurada" }[intent];
      throw redirect(`/pautas/${id}?aviso=${notice}`);
    }
    return result;
  }
  const result = await performOnce(() => saveInstrumentDraft(actor, id, intent, formToObject(form)), form);
  if (!("ok" in result && result.ok)) return result;
  const { anchor, published } = result.value;
  throw redirect(published ? `/pautas/${id}?aviso=publicada` : `/pautas/${id}#${anchor}`);
}

export default function InstrumentPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { instrument, notice } = loaderData;
  const failure = failureOf(actionData);
  const editable = instrument.canManage && !instrument.archivedAt;
  const published = instrument.published;
  const notices: Record<string, string> = {
    publicada: t("instruments.notice.published", { version: published?.version ?? "" }),
    descartado: t("instruments.notice.discarded"),
    archivada: t("instruments.notice.archived"),
    restaurada: t("instruments.notice.restored"),
  };
  return (
    <div className="stack instrument">
      <p>
        <Link to="/pautas">{t("instruments.title")}</Link>
      </p>
      <header>
        <h1>{instrument.name}</h1>
        {instrument.description ? <p>{instrument.description}</p> : null}
        <p>
          {published ? (
            <span className="badge">
              {t("instruments.page.published_badge", {
                version: published.version,
                date: format.date(published.publishedAt),
              })}
            </span>
          ) : (
            <span className="badge">{t("instruments.list.unpublished")}</span>
          )}{" "}
          {instrument.archivedAt ? (
            <span className="badge badge-warn">{t("instruments.page.archived_badge")}</span>
          ) : null}
        </p>
      </header>
      {notice && notices[notice] ? (
        <p className="alert alert-ok" role="status">
          {notices[notice]}
        </p>
      ) : null}
      {instrument.archivedAt ? (
        <p className="alert alert-info">{t("instruments.page.archived_hint")}</p>
      ) : null}
      {/* a refused press on a form that is no longer shown (archived meanwhile, or read-only) */}
      {!editable ? <FormMessage failure={failure} /> : null}

      {editable && instrument.draft ? (
        <DraftEditor
          name={instrument.name}
          description={instrument.description}
          version={instrument.draft.version}
          content={instrument.draft.content}
          failure={failure}
        />
      ) : null}
      {editable && !instrument.draft ? (
        <Form method="post" className="card stack">
          <RequestKey />
          <FormMessage failure={failure} />
          <p>{t("instruments.page.edit_hint")}</p>
          <SubmitButton name="intent" value="edit">
            {t("instruments.page.edit", { version: instrument.nextVersion })}
          </SubmitButton>
        </Form>
      ) : null}

      {published ? (
        instrument.draft ? (
          <details className="card">
            <summary>
              <h2 className="summary-heading">
                {t("instruments.page.published_heading", { version: published.version })}
              </h2>
            </summary>
            <VersionView content={published.content} />
          </details>
        ) : (
          <section className="card stack" aria-labelledby="version-publicada">
            <h2 id="version-publicada">
              {t("instruments.page.published_heading", { version: published.version })}
            </h2>
            <VersionView content={published.content} />
          </section>
        )
      ) : !instrument.draft ? (
        <p className="muted">{t("instruments.page.none_published")}</p>
      ) : null}

      <section className="card" id="versiones" aria-labelledby="versiones-titulo">
        <h2 id="versiones-titulo">{t("instruments.page.history")}</h2>
        {instrument.history.length === 0 ? (
          <p className="muted">{t("instruments.page.no_history")}</p>
        ) : (
          <ul className="rows">
            {instrument.history.map((v) => (
              <li key={v.id}>
                <strong>{t("instruments.page.version", { version: v.version })}</strong>{" "}
                <span className="muted">
                  {v.authorName
                    ? t("instruments.page.published_by", {
                        date: format.date(v.publishedAt),
                        person: v.authorName,
                      })
                    : t("instruments.page.published_on", { date: format.date(v.publishedAt) })}
                </span>{" "}
                · {t("instruments.page.visits", { count: v.visits })}
              </li>
            ))}
          </ul>
        )}
      </section>

      {instrument.canManage ? (
        <Form method="post" className="card stack">
          <RequestKey />
          <h2>
            {t(
              instrument.archivedAt ? "instruments.page.restore_heading" : "instruments.page.archive_heading",
            )}
          </h2>
          <p className="hint">
            {t(instrument.archivedAt ? "instruments.page.restore_hint" : "instruments.page.archive_hint")}
          </p>
          <p>
            <button
              type="submit"
              className="button button-secondary"
              name="intent"
              value={instrument.archivedAt ? "restore" : "archive"}
            >
              {t(instrument.archivedAt ? "instruments.page.restore" : "instruments.page.archive")}
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}

/** A version as observers read it: sections, indicators, their standard and the four descriptors. */
function VersionView({ content }: { content: InstrumentContent }) {
  const t = useT();
  return (
    <div className="stack">
      <p className="muted">
        {t(content.timeOnTask ? "instruments.page.time_on_task_on" : "instruments.page.time_on_task_off")}
      </p>
      {content.sections.map((section) => (
        <section key={section.key} className="stack">
          <h3>{section.title}</h3>
          {section.description ? <p className="muted">{section.description}</p> : null}
          <ol className="indicators">
            {section.indicators.map((indicator) => (
              <li key={indicator.key}>
                <p>
                  <strong>{indicator.title}</strong>{" "}
                  {indicator.draft ? (
                    <span className="badge badge-warn">{t("instruments.draft_text")}</span>
                  ) : null}
                </p>
                <p className="muted">
                  {[
                    indicator.mbeStandard
                      ? t(`instruments.mbe.${indicator.mbeStandard as MbeStandard}`)
                      : null,
                    indicator.kind === "evidence" ? t("instruments.kind.evidence") : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {indicator.description ? <p>{indicator.description}</p> : null}
                {indicator.kind === "scored" && indicator.descriptors ? (
                  <details className="descriptors">
                    <summary>{t("instruments.page.descriptors")}</summary>
                    <dl>
                      {LEVELS.map((level) => (
                        <div key={level}>
                          <dt>{t(`observation.level.${level}`)}</dt>
                          <dd>{indicator.descriptors?.[level - 1]}</dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

/** The whole draft in one form: every button saves everything typed, then does its one thing. */
function DraftEditor({
  name,
  description,
  version,
  content,
  failure,
}: {
  name: string;
  description: string;
  version: number;
  content: InstrumentContent;
  failure?: FormFailure;
}) {
  const t = useT();
  const sectionsError = failure?.fieldErrors.sections;
  const checked = (field: string, stored: boolean) =>
    failure && "name" in failure.values ? failure.values[field] !== undefined : stored;
  return (
    <Form method="post" id="editor" className="stack editor" preventScrollReset noValidate>
      <RequestKey />
      <div className="page-head">
        <h2>{t("instruments.editor.heading", { version })}</h2>
        {/* the first button of the form: pressing Enter in a field saves */}
        <SubmitButton name="intent" value="save">
          {t("instruments.editor.save")}
        </SubmitButton>
      </div>
      <FormMessage failure={failure} />
      <p className="hint">{t("instruments.editor.hint")}</p>
      <Field
        name="name"
        label={t("instruments.field.name")}
        failure={failure}
        defaultValue={name}
        required
        maxLength={INSTRUMENT_LIMITS.name}
      />
      <TextAreaField
        name="description"
        label={t("instruments.field.description")}
        failure={failure}
        defaultValue={description}
        maxLength={INSTRUMENT_LIMITS.description}
      />
      <label className="choice">
        <input type="checkbox" name="timeOnTask" defaultChecked={checked("timeOnTask", content.timeOnTask)} />{" "}
        {t("instruments.field.time_on_task")}
      </label>

      <div id="secciones" className="stack">
        <h3>{t("instruments.editor.sections")}</h3>
        {sectionsError ? (
          <p className="field-error" role="alert">
            {t(sectionsError)}
          </p>
        ) : null}
        {content.sections.length === 0 ? (
          <p className="muted">{t("instruments.editor.no_sections")}</p>
        ) : null}
        {content.sections.map((section, index) => (
          <SectionEditor
            key={section.key}
            section={section}
            number={index + 1}
            first={index === 0}
            last={index === content.sections.length - 1}
            failure={failure}
            checked={checked}
          />
        ))}
        <p>
          <button type="submit" className="button button-secondary" name="intent" value="add_section">
            {t("instruments.editor.add_section")}
          </button>
        </p>
      </div>

      <div className="actions">
        <SubmitButton name="intent" value="save">
          {t("instruments.editor.save")}
        </SubmitButton>
        <SubmitButton name="intent" value="publish">
          {t("instruments.editor.publish", { version })}
        </SubmitButton>
      </div>
      <p className="hint">{t("instruments.editor.publish_hint")}</p>
      <p>
        <button type="submit" className="link-button" name="intent" value="discard" formNoValidate>
          {t("instruments.editor.discard")}
        </button>
      </p>
    </Form>
  );
}

/** Up, down and remove buttons; their names say which section or indicator they move. */
function MoveButtons({
  kind,
  itemKey,
  number,
  first,
  last,
}: {
  kind: "section" | "indicator";
  itemKey: string;
  number: string;
  first: boolean;
  last: boolean;
}) {
  const t = useT();
  return (
    <div className="actions">
      {first ? null : (
        <button type="submit" className="link-button" name="intent" value={`${kind}_up:${itemKey}`}>
          {t(`instruments.editor.${kind}_up`, { number })}
        </button>
      )}
      {last ? null : (
        <button type="submit" className="link-button" name="intent" value={`${kind}_down:${itemKey}`}>
          {t(`instruments.editor.${kind}_down`, { number })}
        </button>
      )}
      <button type="submit" className="link-button" name="intent" value={`remove_${kind}:${itemKey}`}>
        {t(`instruments.editor.${kind}_remove`, { number })}
      </button>
    </div>
  );
}

function SectionEditor({
  section,
  number,
  first,
  last,
  failure,
  checked,
}: {
  section: SectionDef;
  number: number;
  first: boolean;
  last: boolean;
  failure?: FormFailure;
  checked: (field: string, stored: boolean) => boolean;
}) {
  const t = useT();
  const label = t("instruments.editor.section", { number });
  const sectionNumber = String(number);
  const indicatorsError = failure?.fieldErrors[`s[${section.key}].indicators`];
  return (
    <fieldset className="card stack section-editor" id={`seccion-${section.key}`}>
      <legend>{label}</legend>
      <Field
        name={draftField.section(section.key, "title")}
        label={t("instruments.field.section_title")}
        failure={failure}
        defaultValue={section.title}
        required
        maxLength={INSTRUMENT_LIMITS.sectionTitle}
      />
      <TextAreaField
        name={draftField.section(section.key, "description")}
        label={t("instruments.field.section_description")}
        failure={failure}
        defaultValue={section.description}
        rows={2}
        maxLength={INSTRUMENT_LIMITS.sectionDescription}
      />
      <MoveButtons kind="section" itemKey={section.key} number={sectionNumber} first={first} last={last} />
      {section.indicators.map((indicator, index) => (
        <IndicatorEditor
          key={indicator.key}
          indicator={indicator}
          number={`${number}.${index + 1}`}
          first={index === 0}
          last={index === section.indicators.length - 1}
          failure={failure}
          checked={checked}
        />
      ))}
      {indicatorsError ? <p className="field-error">{t(indicatorsError)}</p> : null}
      <p>
        <button
          type="submit"
          className="button button-secondary"
          name="intent"
          value={`add_indicator:${section.key}`}
        >
          {t("instruments.editor.add_indicator", { number })}
        </button>
      </p>
    </fieldset>
  );
}

function IndicatorEditor({
  indicator,
  number,
  first,
  last,
  failure,
  checked,
}: {
  indicator: IndicatorDef;
  number: string;
  first: boolean;
  last: boolean;
  failure?: FormFailure;
  checked: (field: string, stored: boolean) => boolean;
}) {
  const t = useT();
  const f = (field: Parameters<typeof draftField.indicator>[1]) => draftField.indicator(indicator.key, field);
  const kind = failure?.values[f("kind")] ?? indicator.kind;
  const mbe = failure?.values[f("mbe")] ?? (indicator.mbeStandard ? String(indicator.mbeStandard) : "");
  const mbeError = failure?.fieldErrors[f("mbe")];
  const mbeId = `mbe-${indicator.key}`;
  const label = t("instruments.editor.indicator", { number });
  const descriptorError = LEVELS.some((n) => failure?.fieldErrors[f(`d${n}`)]);
  return (
    <fieldset className="indicator-editor" id={`indicador-${indicator.key}`}>
      <legend>{label}</legend>
      <Field
        name={f("title")}
        label={t("instruments.field.indicator_title")}
        failure={failure}
        defaultValue={indicator.title}
        required
        maxLength={INSTRUMENT_LIMITS.indicatorTitle}
      />
      <TextAreaField
        name={f("description")}
        label={t("instruments.field.indicator_description")}
        failure={failure}
        defaultValue={indicator.description}
        rows={2}
        maxLength={INSTRUMENT_LIMITS.indicatorDescription}
      />
      <div className={`field${mbeError ? " field-invalid" : ""}`}>
        <label htmlFor={mbeId}>{t("instruments.field.mbe")}</label>
        <select
          id={mbeId}
          name={f("mbe")}
          defaultValue={mbe}
          aria-invalid={mbeError ? true : undefined}
          aria-describedby={mbeError ? `${mbeId}-error` : undefined}
        >
          <option value="">{t("instruments.mbe.none")}</option>
          {MBE_STANDARDS.map((n) => (
            <option key={n} value={String(n)}>
              {t(`instruments.mbe.${n}`)}
            </option>
          ))}
        </select>
        {mbeError ? (
          <p className="field-error" id={`${mbeId}-error`}>
            {t(mbeError)}
          </p>
        ) : null}
      </div>
      <fieldset className="kind">
        <legend>{t("instruments.field.kind")}</legend>
        {(["scored", "evidence"] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={f("kind")} value={value} defaultChecked={kind === value} />{" "}
            {t(`instruments.kind.${value}`)}
          </label>
        ))}
      </fieldset>
      {/* open for a scored indicator (or when a descriptor has an error); closed for evidence only */}
      <details className="descriptors-editor" open={kind === "scored" || descriptorError || undefined}>
        <summary>{t("instruments.field.descriptors")}</summary>
        <p className="hint">{t("instruments.field.descriptors_hint")}</p>
        {LEVELS.map((n) => (
          <TextAreaField
            key={n}
            name={f(`d${n}`)}
            label={t(`observation.level.${n}`)}
            failure={failure}
            defaultValue={indicator.descriptors?.[n - 1]}
            rows={2}
            required
            maxLength={INSTRUMENT_LIMITS.descriptor}
          />
        ))}
      </details>
      <label className="choice">
        <input type="checkbox" name={f("draft")} defaultChecked={checked(f("draft"), !!indicator.draft)} />{" "}
        {t("instruments.field.draft")}
      </label>
      <MoveButtons kind="indicator" itemKey={indicator.key} number={number} first={first} last={last} />
    </fieldset>
  );
}
