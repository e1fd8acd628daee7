// The observer's form of a visit still in draft: the focus step, notes tagged by indicator, levels,
// time on task, the next step, and the buttons that save, add, discard or send.
import { useRef } from "react";
import { Form } from "react-router";
import type { MessageKey } from "~/messages/translate";
import type { Visit } from "~/modules/observation";
// What the page itself uses comes from the module's plain-data file: the browser gets no database code.
import { ACTION_STEP_CATEGORIES, NOTE_MAX } from "~/modules/observation/content";
import type { FormFailure } from "../../lib/actions.server";
import { useFormat, useT } from "../../lib/i18n";
import { FormMessage, RequestKey, SubmitButton } from "../form";
import { useVisitAutosave } from "./autosave";
import { useChangeQueue } from "./change-queue";
import { VisitHistory } from "./history";
import { LevelsSection } from "./levels";
import { QueueAlert, QueuedNotes, QueuedSnapshots } from "./queued";
import { Snapshots } from "./snapshots";

function FocusStep({ visit }: { visit: Visit }) {
  const t = useT();
  return (
    <section className="card focus-step" aria-labelledby="paso-en-curso">
      <h2 id="paso-en-curso">{t("observation.visit.focus")}</h2>
      {visit.focusStep ? (
        <>
          <p className="step-title">{visit.focusStep.title}</p>
          {visit.focusStep.mastery ? (
            <p className="muted">{t("observation.meeting.mastery", { mastery: visit.focusStep.mastery })}</p>
          ) : null}
        </>
      ) : (
        <p className="muted">{t("observation.visit.no_focus", { teacher: visit.teacherName })}</p>
      )}
    </section>
  );
}

/** "No indicator" and every indicator of the visit's instrument, for tagging a note. */
function IndicatorOptions({ indicators }: { indicators: ReadonlyArray<{ key: string; title: string }> }) {
  const t = useT();
  return (
    <>
      <option value="">{t("observation.visit.no_tag")}</option>
      {indicators.map((i) => (
        <option key={i.key} value={i.key}>
          {i.title}
        </option>
      ))}
    </>
  );
}

export function DraftVisit({ visit, failure }: { visit: Visit; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  const form = useRef<HTMLFormElement>(null);
  const autosave = useVisitAutosave(form, visit);
  const changes = useChangeQueue(form, visit.id);
  const typed = (name: string) => failure?.values[name];
  const error = (name: string) => failure?.fieldErrors[name];
  const indicators = visit.content.sections.flatMap((s) => s.indicators);
  const groups = ACTION_STEP_CATEGORIES.map((category) => ({
    category,
    steps: visit.catalogue.filter((s) => s.category === category),
  })).filter((g) => g.steps.length > 0);
  return (
    <Form method="post" ref={form} className="stack" preventScrollReset noValidate>
      <RequestKey />
      <FormMessage failure={failure ?? autosave.failure} />
      <p className="save-state" aria-live="polite">
        {autosave.state === "offline"
          ? t("observation.visit.offline")
          : autosave.state === "restored"
            ? t("observation.visit.restored")
            : autosave.saving
              ? t("observation.visit.saving")
              : autosave.savedAt
                ? t("observation.visit.saved_at", { time: format.dateTime(autosave.savedAt) })
                : ""}
      </p>
      <QueueAlert changes={changes} visitId={visit.id} />
      <FocusStep visit={visit} />
      {visit.focusStep ? (
        <fieldset className={`card${error("focusResult") ? " field-invalid" : ""}`}>
          <legend>{t("observation.visit.focus_result")}</legend>
          {(["mastered", "continued"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="focusResult"
                value={value}
                defaultChecked={(typed("focusResult") ?? visit.focusResult) === value}
              />{" "}
              {t(
                value === "mastered"
                  ? "observation.visit.focus_mastered"
                  : "observation.visit.focus_continued",
              )}
            </label>
          ))}
          {error("focusResult") ? (
            <p className="field-error">{t(error("focusResult") as MessageKey)}</p>
          ) : null}
        </fieldset>
      ) : null}

      <section className="card stack" id="evidencias" aria-labelledby="evidencias-titulo">
        <h2 id="evidencias-titulo">{t("observation.visit.evidence")}</h2>
        <div className={`field${error("note") ? " field-invalid" : ""}`}>
          <label htmlFor="note">{t("observation.visit.note")}</label>
          <p className="hint" id="note-hint">
            {t("observation.visit.note_hint")}
          </p>
          <textarea
            id="note"
            name="note"
            rows={3}
            maxLength={NOTE_MAX}
            defaultValue={typed("note") ?? ""}
            aria-describedby={error("note") ? "note-hint note-error" : "note-hint"}
            aria-invalid={error("note") ? true : undefined}
          />
          {error("note") ? (
            <p className="field-error" id="note-error">
              {t(error("note") as MessageKey)}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="noteTag">
            {t("observation.visit.note_tag")} <span className="muted">{t("field.optional")}</span>
          </label>
          <select id="noteTag" name="noteTag" defaultValue="">
            <IndicatorOptions indicators={indicators} />
          </select>
        </div>
        <SubmitButton name="intent" value="note">
          {t("observation.visit.add_note")}
        </SubmitButton>
        <QueuedNotes changes={changes} startedAt={visit.startedAt} serverNotes={visit.notes.length} />
        {visit.notes.length === 0 ? null : (
          <ol className="notes">
            {visit.notes.map((note) => (
              <li key={note.id}>
                <p>
                  <strong>{t("observation.visit.minute", { minute: note.minute })}</strong> {note.body}
                </p>
                <div className="note-actions">
                  <label className="sr-only" htmlFor={`tag_${note.id}`}>
                    {t("observation.visit.tag")}
                  </label>
                  <select
                    id={`tag_${note.id}`}
                    name={`tag_${note.id}`}
                    defaultValue={note.indicatorKeys[0] ?? ""}
                  >
                    <IndicatorOptions indicators={indicators} />
                  </select>
                  <button
                    type="submit"
                    className="link-button"
                    name="intent"
                    value={`delete_note:${note.id}`}
                  >
                    {t("observation.visit.delete")}
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      {visit.content.timeOnTask ? (
        <section className="card stack" id="tiempo-en-tarea" aria-labelledby="tiempo-titulo">
          <h2 id="tiempo-titulo">{t("observation.visit.on_task")}</h2>
          <p className="hint">{t("observation.visit.on_task_hint")}</p>
          <div className="pair">
            {(["onTask", "present"] as const).map((name) => (
              <div key={name} className={`field${error(name) ? " field-invalid" : ""}`}>
                <label htmlFor={name}>
                  {t(
                    name === "onTask" ? "observation.visit.on_task_count" : "observation.visit.present_count",
                  )}
                </label>
                <input
                  id={name}
                  name={name}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={200}
                  defaultValue={typed(name) ?? ""}
                  aria-invalid={error(name) ? true : undefined}
                  aria-describedby={error(name) ? `${name}-error` : undefined}
                />
                {error(name) ? (
                  <p className="field-error" id={`${name}-error`}>
                    {t(error(name) as MessageKey)}
                  </p>
                ) : null}
              </div>
            ))}
          </div>
          <SubmitButton name="intent" value="snapshot">
            {t("observation.visit.add_snapshot")}
          </SubmitButton>
          <QueuedSnapshots changes={changes} startedAt={visit.startedAt} />
          <Snapshots visit={visit} editable />
        </section>
      ) : null}

      <LevelsSection
        visit={visit}
        chosen={(key) => typed(`level_${key}`) ?? String(visit.levels[key] ?? "")}
        error={error}
      />

      <section className="card stack" aria-labelledby="proximo-paso">
        <h2 id="proximo-paso">{t("observation.visit.next_step")}</h2>
        <div className={`field${error("proposedStep") ? " field-invalid" : ""}`}>
          <label htmlFor="proposedStep">{t("observation.visit.proposed_step")}</label>
          <select
            id="proposedStep"
            name="proposedStep"
            defaultValue={typed("proposedStep") ?? visit.proposedCatalogueStepId ?? ""}
          >
            <option value="">{t("observation.visit.no_proposal")}</option>
            {groups.map((g) => (
              <optgroup key={g.category} label={t(`observation.category.${g.category}`)}>
                {g.steps.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className={`field${error("proposedStepTitle") ? " field-invalid" : ""}`}>
          <label htmlFor="proposedStepTitle">
            {t("observation.visit.proposed_title")} <span className="muted">{t("field.optional")}</span>
          </label>
          <input
            id="proposedStepTitle"
            name="proposedStepTitle"
            maxLength={300}
            defaultValue={typed("proposedStepTitle") ?? visit.proposedStepTitle ?? ""}
          />
        </div>
      </section>

      <div className="actions">
        <SubmitButton name="intent" value="save">
          {t("observation.visit.save")}
        </SubmitButton>
        <SubmitButton name="intent" value="submit">
          {t("observation.visit.submit")}
        </SubmitButton>
      </div>
      <p className="hint">{t("observation.visit.submit_hint")}</p>
      <VisitHistory visit={visit} />
      <p>
        <button type="submit" className="link-button" name="intent" value="discard" formNoValidate>
          {t("observation.visit.discard")}
        </button>
      </p>
    </Form>
  );
}
