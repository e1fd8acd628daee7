import { useEffect, useRef, useState } from "react";
import { data, Form, Link, redirect, useFetcher } from "react-router";
import type { MessageKey } from "~/messages/translate";
import {
  acknowledgeFeedback,
  discardVisit,
  getVisit,
  observationHome,
  saveReflection,
  saveVisit,
  type Visit,
} from "~/modules/observation";
import type { Level } from "~/modules/observation/content";
// What the page itself uses comes from the module's plain-data file: the browser gets no database code.
import { ACTION_STEP_CATEGORIES, NOTE_MAX } from "~/modules/observation/content";
import { formToObject } from "~/platform/validation";
import {
  CheckboxField,
  FormMessage,
  failureOf,
  RequestKey,
  SubmitButton,
  TextAreaField,
} from "../components/form";
import { type FormFailure, load, performOnce, readForm } from "../lib/actions.server";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/observation";

export const meta: Route.MetaFunction = ({ matches, loaderData }) => [
  { title: pageTitle(matches, "observation.visit.title", { teacher: loaderData?.visit.teacherName ?? "" }) },
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  const visit = await load(() => getVisit(actor, params.observationId));
  const notice = new URL(request.url).searchParams.get("aviso");
  // Back to a page this person may open: the teacher's own development, an observer's list of visits,
  // else (an advising coordinator) the teacher's development.
  const back = visit.isTeacher ? "mine" : observationHome(actor).observes ? "visits" : "teacher";
  return { visit, notice, back };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireActor(request, context);
  const form = await readForm(request);
  if (!(form instanceof FormData)) return form;
  const id = params.observationId;
  const [intent, removeId = ""] = String(form.get("intent") ?? "save").split(":");
  const input = { ...formToObject(form), removeId };
  if (intent === "acknowledge" || intent === "reflect") {
    const result = await performOnce(
      () => (intent === "acknowledge" ? acknowledgeFeedback(actor, id) : saveReflection(actor, id, input)),
      form,
    );
    if ("ok" in result && result.ok)
      throw redirect(`/observaciones/${id}?aviso=${intent === "reflect" ? "reflexion" : ""}`);
    return result;
  }
  if (intent === "discard") {
    const result = await performOnce(() => discardVisit(actor, id), form);
    if ("ok" in result && result.ok) throw redirect("/observaciones");
    return result;
  }
  const result = await performOnce(() => saveVisit(actor, id, intent, input), form);
  if (!("ok" in result && result.ok)) return result;
  // The page's own background save answers with data; a button press comes back to the page.
  if (form.get("autosave") === "1") return data({ ok: true as const, savedAt: new Date().toISOString() });
  if (result.value.submitted) throw redirect(`/observaciones/${id}?aviso=enviada`);
  throw redirect(`/observaciones/${id}#${intent === "snapshot" ? "tiempo-en-tarea" : "evidencias"}`);
}

export default function ObservationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const format = useFormat();
  const { visit, notice } = loaderData;
  const failure = failureOf(actionData);
  return (
    <div className="stack visit">
      <p>
        {loaderData.back === "visits" ? (
          <Link to="/observaciones">{t("observation.list.title")}</Link>
        ) : (
          <Link to={`/personas/${visit.teacherId}/desarrollo`}>
            {loaderData.back === "mine"
              ? t("observation.development.my_title")
              : t("observation.development.title", { teacher: visit.teacherName })}
          </Link>
        )}
      </p>
      <header>
        <h1>{t("observation.visit.title", { teacher: visit.teacherName })}</h1>
        <p>
          {t("observation.visit.context", {
            course: visit.course,
            subject: visit.subject,
            school: visit.schoolName,
          })}
        </p>
        <p className="muted">
          {t("observation.visit.meta", {
            instrument: visit.instrumentName,
            version: visit.instrumentVersion,
            observer: visit.observerName,
            date: format.dateTime(visit.startedAt),
          })}
        </p>
        <p>
          <span className="badge">
            {t("observation.visit.purpose", { purpose: t(`observation.purpose.${visit.purpose}`) })}
          </span>{" "}
          <span className="badge">{t(`observation.status.${visit.status}`)}</span>
        </p>
      </header>
      {notice === "enviada" && visit.meetingDue && !visit.meeting ? (
        <p className="alert alert-ok" role="status">
          {t("observation.visit.submitted_notice", { due: format.dateTime(visit.meetingDue) })}
        </p>
      ) : null}
      {notice === "reflexion" ? (
        <p className="alert alert-ok" role="status">
          {t("observation.respond.saved")}
        </p>
      ) : null}
      {visit.can.edit ? (
        <DraftVisit visit={visit} failure={failure} />
      ) : (
        <SubmittedVisit visit={visit} failure={failure} />
      )}
    </div>
  );
}

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
        <p className="muted">{t("observation.visit.no_focus")}</p>
      )}
    </section>
  );
}

/** Fields typed by hand that a lost connection must not lose: kept in the phone until they are sent. */
const TYPED_FIELDS = ["note", "onTask", "present", "proposedStepTitle"] as const;

/**
 * With JavaScript: choices (levels, tags, the step decision, the proposal) save themselves a moment
 * after they change, and what is typed is kept in the browser until the server has it. Without it, every
 * button saves everything on the page.
 */
function useVisitAutosave(form: React.RefObject<HTMLFormElement | null>, visit: Visit) {
  const fetcher = useFetcher<{ ok: true; savedAt: string } | FormFailure>();
  const [state, setState] = useState<"idle" | "offline" | "restored">("idle");
  const key = `impulso:visita:${visit.id}`;
  const sent = visit.notes.length + visit.snapshots.length;
  // Once a note or snapshot reached the server, its text is no longer kept aside.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the saved counts change
  useEffect(() => {
    try {
      localStorage.removeItem(key);
    } catch {}
  }, [sent]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: set up once per visit; the form and the fetcher stay the same
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    const field = (name: string) =>
      element.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
    try {
      const kept = JSON.parse(localStorage.getItem(key) ?? "null") as Record<string, string> | null;
      if (kept) {
        let restored = false;
        for (const name of TYPED_FIELDS) {
          const input = field(name);
          if (input && !input.value && kept[name]) {
            input.value = kept[name];
            restored = true;
          }
        }
        if (restored) setState("restored");
      }
    } catch {}
    let timer: ReturnType<typeof setTimeout> | undefined;
    const save = () => {
      if (!navigator.onLine) return setState("offline");
      const body = new FormData(element);
      body.set("intent", "save");
      body.set("autosave", "1");
      // A draft's autosave sets the whole draft: sending it twice is harmless, and with a key a
      // return to an earlier text would replay the earlier answer instead of saving.
      body.delete("_key");
      fetcher.submit(body, { method: "post" });
    };
    const keep = () => {
      const kept: Record<string, string> = {};
      for (const name of TYPED_FIELDS) kept[name] = field(name)?.value ?? "";
      try {
        localStorage.setItem(key, JSON.stringify(kept));
      } catch {}
    };
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.type === "radio" || target.tagName === "SELECT" || target.name === "proposedStepTitle") {
        clearTimeout(timer);
        timer = setTimeout(save, 600);
      }
    };
    // Without a connection a button press would fail: keep the page and what is typed.
    const onSubmit = (event: SubmitEvent) => {
      keep();
      if (!navigator.onLine) {
        event.preventDefault();
        setState("offline");
      }
    };
    const onOnline = () => {
      setState("idle");
      save();
    };
    const onOffline = () => setState("offline");
    element.addEventListener("input", keep);
    element.addEventListener("change", onChange);
    element.addEventListener("submit", onSubmit, { capture: true });
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      clearTimeout(timer);
      element.removeEventListener("input", keep);
      element.removeEventListener("change", onChange);
      element.removeEventListener("submit", onSubmit, { capture: true });
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [key]);
  const savedAt = fetcher.data && "savedAt" in fetcher.data ? fetcher.data.savedAt : null;
  return { state, saving: fetcher.state !== "idle", savedAt, failure: failureOf(fetcher.data) };
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

function DraftVisit({ visit, failure }: { visit: Visit; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  const form = useRef<HTMLFormElement>(null);
  const autosave = useVisitAutosave(form, visit);
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
            key={`note-${visit.notes.length}`}
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
          <select id="noteTag" name="noteTag" defaultValue="" key={`tag-${visit.notes.length}`}>
            <IndicatorOptions indicators={indicators} />
          </select>
        </div>
        <SubmitButton name="intent" value="note">
          {t("observation.visit.add_note")}
        </SubmitButton>
        {visit.notes.length === 0 ? (
          <p className="muted">{t("observation.visit.no_notes")}</p>
        ) : (
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
          <div className="pair" key={`snap-${visit.snapshots.length}`}>
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
          <Snapshots visit={visit} editable />
        </section>
      ) : null}

      <section className="card stack" aria-labelledby="niveles-titulo">
        <h2 id="niveles-titulo">{t("observation.visit.levels")}</h2>
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
                    {indicator.draft ? (
                      <span className="muted"> · {t("observation.visit.draft_text")}</span>
                    ) : null}
                  </legend>
                  {[1, 2, 3, 4].map((level) => (
                    <label key={level} className="choice" title={indicator.descriptors?.[level - 1]}>
                      <input
                        type="radio"
                        name={`level_${indicator.key}`}
                        value={level}
                        defaultChecked={
                          (typed(`level_${indicator.key}`) ?? String(visit.levels[indicator.key] ?? "")) ===
                          String(level)
                        }
                      />{" "}
                      {t(`observation.level.${level as Level}`)}
                    </label>
                  ))}
                  <label className="choice">
                    <input
                      type="radio"
                      name={`level_${indicator.key}`}
                      value=""
                      defaultChecked={
                        (typed(`level_${indicator.key}`) ?? String(visit.levels[indicator.key] ?? "")) === ""
                      }
                    />{" "}
                    {t("observation.level.none")}
                  </label>
                  {indicator.descriptors ? (
                    <details className="descriptors">
                      <summary>{t("observation.visit.descriptors")}</summary>
                      <dl>
                        {indicator.descriptors.map((d, i) => (
                          <div key={d}>
                            <dt>{t(`observation.level.${(i + 1) as Level}`)}</dt>
                            <dd>{d}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  ) : null}
                </fieldset>
              ) : (
                <p key={indicator.key} className="muted">
                  {indicator.title} · {t("observation.visit.evidence_only")}
                </p>
              ),
            )}
          </details>
        ))}
      </section>

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
      <p>
        <button type="submit" className="link-button" name="intent" value="discard" formNoValidate>
          {t("observation.visit.discard")}
        </button>
      </p>
    </Form>
  );
}

function Snapshots({ visit, editable = false }: { visit: Visit; editable?: boolean }) {
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

function SubmittedVisit({ visit, failure }: { visit: Visit; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  const indicators = visit.content.sections.flatMap((s) => s.indicators);
  const titleOf = (key: string) => indicators.find((i) => i.key === key)?.title ?? key;
  const scored = indicators.filter((i) => visit.levels[i.key]);
  return (
    <div className="stack">
      {/* A refused post (to a visit sent meanwhile, an unreadable form) is explained here unless the
          teacher's response form below shows it. */}
      {visit.meeting && visit.can.respond ? null : <FormMessage failure={failure} />}
      <p>
        <a href={`/observaciones/${visit.id}/ciclo.pdf`} download>
          {t("pdf.cycle.download")}
        </a>
      </p>
      {visit.focusStep ? (
        <section className="card">
          <h2>{t("observation.visit.focus")}</h2>
          <p className="step-title">{visit.focusStep.title}</p>
          {visit.focusResult ? (
            <p>
              {t("observation.visit.focus_result_was", {
                result: t(
                  visit.focusResult === "mastered"
                    ? "observation.visit.focus_mastered"
                    : "observation.visit.focus_continued",
                ),
              })}
            </p>
          ) : null}
        </section>
      ) : null}
      <MeetingSection visit={visit} failure={failure} />
      <section className="card">
        <h2>{t("observation.visit.evidence")}</h2>
        {visit.notes.length === 0 ? (
          <p className="muted">{t("observation.visit.no_notes")}</p>
        ) : (
          <ol className="notes">
            {visit.notes.map((note) => (
              <li key={note.id}>
                <p>
                  <strong>{t("observation.visit.minute", { minute: note.minute })}</strong> {note.body}
                </p>
                {note.indicatorKeys.length ? (
                  <p className="muted">{note.indicatorKeys.map(titleOf).join(" · ")}</p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      {visit.content.timeOnTask ? (
        <section className="card">
          <h2>{t("observation.visit.on_task")}</h2>
          <Snapshots visit={visit} />
        </section>
      ) : null}
      {scored.length ? (
        <section className="card">
          <h2>{t("observation.visit.levels")}</h2>
          <dl className="levels-list">
            {scored.map((i) => (
              <div key={i.key}>
                <dt>{i.title}</dt>
                <dd>{t(`observation.level.${visit.levels[i.key] as Level}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {!visit.isTeacher && (visit.proposedCatalogueStep || visit.proposedStepTitle) && !visit.meeting ? (
        <p>
          {t("observation.visit.proposed", {
            step: visit.proposedCatalogueStep?.title ?? visit.proposedStepTitle ?? "",
          })}
        </p>
      ) : null}
      <p className="muted">{format.dateTime(visit.submittedAt)}</p>
    </div>
  );
}

function MeetingSection({ visit, failure }: { visit: Visit; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  const meeting = visit.meeting;
  if (!meeting) {
    if (visit.can.holdMeeting) {
      const late = visit.meetingDue && visit.meetingDue < new Date();
      return (
        <section className="card stack">
          <p className={late ? "alert alert-error" : ""}>
            {late
              ? t("observation.visit.meeting_late", { due: format.dateTime(visit.meetingDue) })
              : t("observation.visit.meeting_due", { due: format.dateTime(visit.meetingDue) })}
          </p>
          <p>
            <Link className="button" to={`/observaciones/${visit.id}/reunion`}>
              {t("observation.visit.hold_meeting")}
            </Link>
          </p>
        </section>
      );
    }
    return <p className="muted">{t("observation.visit.waiting_meeting")}</p>;
  }
  return (
    <section className="card stack" aria-labelledby="retroalimentacion">
      <h2 id="retroalimentacion">{t("observation.meeting.heading")}</h2>
      <p className="muted">{t("observation.meeting.held", { date: format.dateTime(meeting.heldAt) })}</p>
      <h3>{t("observation.meeting.see_it")}</h3>
      <dl>
        <dt>{t("observation.meeting.praise")}</dt>
        <dd>{meeting.praise}</dd>
        {meeting.model ? (
          <>
            <dt>{t("observation.meeting.model")}</dt>
            <dd>{meeting.model}</dd>
          </>
        ) : null}
        {meeting.gap ? (
          <>
            <dt>{t("observation.meeting.gap")}</dt>
            <dd>{meeting.gap}</dd>
          </>
        ) : null}
      </dl>
      <h3>{t("observation.meeting.name_it")}</h3>
      <p className="step-title">{meeting.stepTitle}</p>
      {meeting.stepMastery ? (
        <p className="muted">{t("observation.meeting.mastery", { mastery: meeting.stepMastery })}</p>
      ) : null}
      <h3>{t("observation.meeting.do_it")}</h3>
      {meeting.plan ? (
        <dl>
          <dt>{t("observation.meeting.plan")}</dt>
          <dd>{meeting.plan}</dd>
        </dl>
      ) : null}
      {meeting.practiced ? <p>{t("observation.meeting.practiced_yes")}</p> : null}
      {meeting.practiceNote ? <p>{meeting.practiceNote}</p> : null}
      {meeting.followUpOn ? (
        <p>
          {t("observation.meeting.follow_up_on", { date: format.date(`${meeting.followUpOn}T12:00:00Z`) })}
        </p>
      ) : null}
      <Response visit={visit} failure={failure} />
    </section>
  );
}

function Response({ visit, failure }: { visit: Visit; failure?: FormFailure }) {
  const t = useT();
  const format = useFormat();
  const meeting = visit.meeting;
  if (!meeting) return null;
  const acknowledged = meeting.acknowledgedAt ? (
    <p className="alert alert-ok">
      {t("observation.respond.acknowledged", { date: format.dateTime(meeting.acknowledgedAt) })}
    </p>
  ) : null;
  if (!visit.can.respond) {
    return (
      <>
        {acknowledged ?? <p className="muted">{t("observation.respond.not_acknowledged")}</p>}
        {visit.reflection ? (
          <>
            <h3>{t("observation.respond.teacher_reflection")}</h3>
            <p>{visit.reflection.body}</p>
          </>
        ) : null}
      </>
    );
  }
  return (
    <div className="stack">
      {acknowledged ?? (
        <Form method="post">
          <RequestKey />
          <SubmitButton name="intent" value="acknowledge">
            {t("observation.respond.acknowledge")}
          </SubmitButton>
        </Form>
      )}
      <Form method="post" className="stack" noValidate>
        <RequestKey />
        <FormMessage failure={failure} />
        <TextAreaField
          name="reflection"
          label={t("observation.respond.reflection")}
          hint={t("observation.respond.reflection_hint")}
          required
          rows={4}
          maxLength={4000}
          defaultValue={visit.reflection?.body}
          failure={failure}
        />
        <CheckboxField
          name="private"
          label={t("observation.respond.private")}
          defaultChecked={visit.reflection?.private ?? false}
          failure={failure}
        />
        <SubmitButton name="intent" value="reflect">
          {t("observation.respond.save")}
        </SubmitButton>
      </Form>
    </div>
  );
}
