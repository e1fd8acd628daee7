// /observaciones/captura: starting and capturing visits on a phone without connection (issue #15 §2).
// The server renders what the phone needs (the schools, teachers with their open step, the published
// instruments: captureKit); the service worker keeps this page and its scripts after one visit online.
// Everything done here goes to the phone's queue (IndexedDB) at once and reaches the server through
// /observaciones/:id/cambios, in order, when there is a connection. It needs JavaScript; the online
// pages (/observaciones/nueva and the visit page) do not.
import { useCallback, useEffect, useState } from "react";
import type { CaptureKit } from "~/modules/observation";
import { captureKit } from "~/modules/observation";
import { LEVELS } from "~/modules/observation/content";
import type { QueueState } from "../components/visit/change-queue";
import { SyncAlert } from "../components/visit/queued";
import { load } from "../lib/actions.server";
import type { ChangeIntent, LocalVisit, QueuedChange } from "../lib/change-store";
import { newPhoneId } from "../lib/change-store";
import { pageTitle, useFormat, useT } from "../lib/i18n";
import { changeStore, syncChanges } from "../lib/offline";
import { prepareOffline } from "../lib/offline-page";
import { requireActor } from "../lib/session.server";
import type { Route } from "./+types/observations.capture";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "capture.title") }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireActor(request, context);
  return load(() => captureKit(actor));
}

/** How often the queue is tried again (the "online" event is only a hint, and is not always sent). */
const RETRY_MS = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The visit the address names: ?visita=<id>, or /observaciones/<id> answered by the kept page offline. */
function visitInAddress(): string | null {
  const asked = new URLSearchParams(location.search).get("visita");
  if (asked && UUID.test(asked)) return asked;
  const path = location.pathname.split("/")[2] ?? "";
  return UUID.test(path) ? path : null;
}

export default function Capture({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const kit = loaderData;
  const [visits, setVisits] = useState<LocalVisit[] | null>(null);
  const [queue, setQueue] = useState<QueuedChange[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [state, setState] = useState<QueueState>("idle");

  const refresh = useCallback(async () => {
    const store = await changeStore();
    setVisits(await store.visits());
    setQueue(await store.changes());
  }, []);

  const sync = useCallback(async () => {
    setState("sending");
    const result = await syncChanges();
    await refresh();
    setState(result.stoppedBy === "done" ? "idle" : result.stoppedBy);
  }, [refresh]);

  useEffect(() => {
    setOpenId(visitInAddress());
    void refresh().then(sync);
    void prepareOffline();
    const onOnline = () => void sync();
    window.addEventListener("online", onOnline);
    const timer = setInterval(() => void sync(), RETRY_MS);
    return () => {
      window.removeEventListener("online", onOnline);
      clearInterval(timer);
    };
  }, [refresh, sync]);

  const open = (id: string | null) => {
    setOpenId(id);
    history.replaceState(null, "", id ? `/observaciones/captura?visita=${id}` : "/observaciones/captura");
  };

  /** Keeps a change of a visit in the queue (and what it shows in the visit), then tries to send it. */
  const record = async (
    visit: LocalVisit,
    intent: ChangeIntent,
    fields: Record<string, string>,
    key = newPhoneId(),
  ) => {
    // Shown at once; stored a moment later.
    setVisits((shown) =>
      shown?.some((v) => v.id === visit.id)
        ? shown.map((v) => (v.id === visit.id ? visit : v))
        : [visit, ...(shown ?? [])],
    );
    const store = await changeStore();
    await store.saveVisit(visit);
    await store.add({ key, visitId: visit.id, intent, fields, at: new Date().toISOString() });
    await refresh();
    void sync();
  };

  const waiting = queue.filter((c) => c.refused === undefined).length;
  const visit = openId ? visits?.find((v) => v.id === openId) : undefined;
  return (
    <div className="stack narrow">
      <p>
        <a href="/observaciones">{t("observation.list.title")}</a>
      </p>
      <h1>{t("capture.title")}</h1>
      <p>{t("capture.intro")}</p>
      <noscript>
        <p className="alert alert-info">
          {t("capture.needs_js")} <a href="/observaciones/nueva">{t("observation.new.title")}</a>
        </p>
      </noscript>
      <SyncAlert
        state={state}
        waiting={waiting}
        onSync={() => void sync()}
        returnTo="/observaciones/captura"
      />
      {visits === null ? null : visit ? (
        <CaptureVisit
          visit={visit}
          changes={queue.filter((c) => c.visitId === visit.id)}
          record={record}
          discard={async (key) => {
            await (await changeStore()).remove(key);
            await refresh();
          }}
          back={() => open(null)}
        />
      ) : (
        <>
          <StartVisit
            kit={kit}
            onStart={async (v) => {
              await record(
                v,
                "start",
                {
                  schoolId: v.schoolId,
                  teacherId: v.teacherId,
                  instrumentId: v.instrumentId,
                  instrumentVersionId: v.instrumentVersionId,
                  course: v.course,
                  subject: v.subject,
                  purpose: v.purpose,
                },
                v.id,
              );
              open(v.id);
            }}
          />
          <PhoneVisits visits={visits} queue={queue} open={open} />
        </>
      )}
    </div>
  );
}

function StartVisit({ kit, onStart }: { kit: CaptureKit; onStart: (visit: LocalVisit) => Promise<void> }) {
  const t = useT();
  const [schoolId, setSchoolId] = useState(kit.schools[0]?.id ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const school = kit.schools.find((s) => s.id === schoolId);
  const teachers = kit.teachers.filter((p) => p.schoolId === schoolId);
  if (kit.instruments.length === 0) return <p className="alert alert-info">{t("capture.no_instruments")}</p>;
  const submit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const teacher = kit.teachers.find((p) => p.id === text("teacherId") && p.schoolId === schoolId);
    const instrument = kit.instruments.find((i) => i.id === text("instrumentId"));
    const found: Record<string, string> = {};
    if (!teacher) found.teacherId = t("observation.errors.teacher_required");
    if (!instrument) found.instrumentId = t("observation.errors.instrument_required");
    if (!text("course")) found.course = t("errors.required");
    if (!text("subject")) found.subject = t("errors.required");
    setErrors(found);
    if (!teacher || !instrument || Object.keys(found).length) return;
    await onStart({
      id: newPhoneId(),
      schoolId,
      teacherId: teacher.id,
      teacherName: teacher.name,
      openStep: teacher.openStep,
      instrumentId: instrument.id,
      instrumentName: instrument.name,
      instrumentVersionId: instrument.versionId,
      content: instrument.content,
      course: text("course").slice(0, 60),
      subject: text("subject").slice(0, 80),
      purpose: text("purpose") || (school?.defaultPurpose ?? "formativa"),
      startedAt: new Date().toISOString(),
      notes: [],
      snapshots: [],
      levels: {},
      focusResult: "",
      closedAt: null,
    });
  };
  const error = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h2>{t("capture.start")}</h2>
      {kit.schools.length > 1 ? (
        <div className="field">
          <label htmlFor="schoolId">{t("observation.new.school")}</label>
          <select id="schoolId" value={schoolId} onChange={(e) => setSchoolId(e.target.value)}>
            {kit.schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className={`field${errors.teacherId ? " field-invalid" : ""}`}>
        <label htmlFor="teacherId">{t("observation.new.teacher")}</label>
        <select
          id="teacherId"
          name="teacherId"
          defaultValue=""
          aria-invalid={errors.teacherId ? true : undefined}
        >
          <option value="" />
          {teachers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.openStep ? t("observation.new.teacher_step", { teacher: p.name, step: p.openStep }) : p.name}
            </option>
          ))}
        </select>
        {error("teacherId")}
      </div>
      <div className={`field${errors.instrumentId ? " field-invalid" : ""}`}>
        <label htmlFor="instrumentId">{t("observation.new.instrument")}</label>
        <select id="instrumentId" name="instrumentId" defaultValue={kit.instruments[0]?.id}>
          {kit.instruments.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
        {error("instrumentId")}
      </div>
      <div className={`field${errors.course ? " field-invalid" : ""}`}>
        <label htmlFor="course">{t("observation.new.course")}</label>
        <input id="course" name="course" maxLength={60} aria-invalid={errors.course ? true : undefined} />
        {error("course")}
      </div>
      <div className={`field${errors.subject ? " field-invalid" : ""}`}>
        <label htmlFor="subject">{t("observation.new.subject")}</label>
        <input id="subject" name="subject" maxLength={80} aria-invalid={errors.subject ? true : undefined} />
        {error("subject")}
      </div>
      <div className="field">
        <label htmlFor="purpose">{t("observation.purpose.label")}</label>
        <select id="purpose" name="purpose" defaultValue={school?.defaultPurpose ?? "formativa"}>
          {kit.purposes.map((p) => (
            <option key={p} value={p}>
              {t(`observation.purpose.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t("observation.new.start")}
      </button>
    </form>
  );
}

function PhoneVisits({
  visits,
  queue,
  open,
}: {
  visits: LocalVisit[];
  queue: QueuedChange[];
  open: (id: string) => void;
}) {
  const t = useT();
  const format = useFormat();
  if (visits.length === 0) return null;
  return (
    <section className="card stack">
      <h2>{t("capture.on_phone")}</h2>
      <ul className="rows">
        {visits.map((v) => {
          const waiting = queue.filter((c) => c.visitId === v.id && c.refused === undefined).length;
          const refused = queue.filter((c) => c.visitId === v.id && c.refused !== undefined).length;
          const onServer = !queue.some((c) => c.visitId === v.id && c.intent === "start");
          return (
            <li key={v.id}>
              <button type="button" className="link-button" onClick={() => open(v.id)}>
                {t("capture.visit_line", {
                  teacher: v.teacherName,
                  course: v.course,
                  date: format.dateTime(v.startedAt),
                })}
              </button>{" "}
              <span className="muted">
                {waiting > 0
                  ? t("capture.waiting_count", { count: waiting })
                  : refused > 0
                    ? t("capture.refused_count", { count: refused })
                    : t("capture.all_sent")}
              </span>{" "}
              {onServer && waiting === 0 ? (
                <a href={`/observaciones/${v.id}`}>{t("capture.open_online")}</a>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function CaptureVisit({
  visit,
  changes,
  record,
  discard,
  back,
}: {
  visit: LocalVisit;
  changes: QueuedChange[];
  record: (visit: LocalVisit, intent: ChangeIntent, fields: Record<string, string>) => Promise<void>;
  discard: (key: string) => Promise<void>;
  back: () => void;
}) {
  const t = useT();
  const format = useFormat();
  const [problem, setProblem] = useState<Record<string, string>>({});
  const indicators = visit.content.sections.flatMap((s) => s.indicators);
  const minuteOf = (at: string) =>
    Math.max(0, Math.floor((new Date(at).getTime() - new Date(visit.startedAt).getTime()) / 60_000));
  const closed = visit.closedAt !== null;
  const refused = changes.filter((c) => c.refused !== undefined);

  const addNote = async (form: HTMLFormElement) => {
    const box = form.elements.namedItem("note") as HTMLTextAreaElement;
    const tag = form.elements.namedItem("noteTag") as HTMLSelectElement;
    const text = box.value.trim();
    const noteTag = tag.value;
    if (!text) return setProblem({ note: t("observation.errors.note_required") });
    setProblem({});
    const at = new Date().toISOString();
    box.value = "";
    tag.value = "";
    box.focus();
    await record(
      { ...visit, notes: [...visit.notes, { key: newPhoneId(), at, text, tag: noteTag }] },
      "note",
      {
        note: text,
        noteTag,
      },
    );
  };
  const addSnapshot = async (form: HTMLFormElement) => {
    const onTask = (form.elements.namedItem("onTask") as HTMLInputElement).value.trim();
    const present = (form.elements.namedItem("present") as HTMLInputElement).value.trim();
    const count = /^\d{1,3}$/;
    if (!count.test(present) || Number(present) === 0 || Number(present) > 200)
      return setProblem({ present: t("observation.errors.present_invalid") });
    if (!count.test(onTask)) return setProblem({ onTask: t("observation.errors.count_invalid") });
    if (Number(onTask) > Number(present))
      return setProblem({ onTask: t("observation.errors.on_task_over_present") });
    setProblem({});
    (form.elements.namedItem("onTask") as HTMLInputElement).value = "";
    (form.elements.namedItem("present") as HTMLInputElement).value = "";
    const at = new Date().toISOString();
    await record(
      {
        ...visit,
        snapshots: [
          ...visit.snapshots,
          { key: newPhoneId(), at, onTask: Number(onTask), present: Number(present) },
        ],
      },
      "snapshot",
      { onTask, present },
    );
  };
  const close = async () => {
    const found: Record<string, string> = {};
    if (visit.notes.length === 0) found.note = t("observation.errors.evidence_required");
    if (visit.openStep && !visit.focusResult)
      found.focusResult = t("observation.errors.focus_result_required");
    setProblem(found);
    if (Object.keys(found).length) return;
    await record({ ...visit, closedAt: new Date().toISOString() }, "submit", {});
  };
  const fieldError = (name: string) =>
    problem[name] ? <p className="field-error">{problem[name]}</p> : null;

  return (
    <div className="stack">
      <p>
        <button type="button" className="link-button" onClick={back}>
          {t("capture.back")}
        </button>
      </p>
      <header>
        <h2>{t("observation.visit.title", { teacher: visit.teacherName })}</h2>
        <p className="muted">
          {visit.course} · {visit.subject} · {visit.instrumentName} · {format.dateTime(visit.startedAt)}
        </p>
        {closed ? <p className="alert alert-ok">{t("capture.closed")}</p> : null}
      </header>
      {refused.length ? (
        <section className="card stack">
          <h3>{t("capture.not_sent")}</h3>
          <ul className="rows">
            {refused.map((c) => (
              <li key={c.key}>
                <p>
                  {Object.values(c.fields).filter(Boolean).join(" · ") || t(`capture.intent.${c.intent}`)}
                </p>
                <p className="field-error">
                  {t("observation.visit.not_sent_reason", { reason: c.refused ?? "" })}
                </p>
                <button type="button" className="link-button" onClick={() => void discard(c.key)}>
                  {t("observation.visit.discard_change")}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {visit.openStep ? (
        <fieldset className={`card${problem.focusResult ? " field-invalid" : ""}`} disabled={closed}>
          <legend>{t("observation.visit.focus_result")}</legend>
          <p className="step-title">{visit.openStep}</p>
          {(["mastered", "continued"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="focusResult"
                value={value}
                checked={visit.focusResult === value}
                onChange={() => void record({ ...visit, focusResult: value }, "save", { focusResult: value })}
              />{" "}
              {t(
                value === "mastered"
                  ? "observation.visit.focus_mastered"
                  : "observation.visit.focus_continued",
              )}
            </label>
          ))}
          {fieldError("focusResult")}
        </fieldset>
      ) : null}
      <form
        className="card stack"
        onSubmit={(e) => {
          e.preventDefault();
          void addNote(e.currentTarget);
        }}
      >
        <h3>{t("observation.visit.evidence")}</h3>
        <fieldset className="stack bare" disabled={closed}>
          <div className={`field${problem.note ? " field-invalid" : ""}`}>
            <label htmlFor="note">{t("observation.visit.note")}</label>
            <textarea id="note" name="note" rows={3} maxLength={4000} />
            {fieldError("note")}
          </div>
          <div className="field">
            <label htmlFor="noteTag">{t("observation.visit.note_tag")}</label>
            <select id="noteTag" name="noteTag" defaultValue="">
              <option value="">{t("observation.visit.no_tag")}</option>
              {indicators.map((i) => (
                <option key={i.key} value={i.key}>
                  {i.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t("observation.visit.add_note")}
          </button>
        </fieldset>
        {visit.notes.length ? (
          <ol className="notes">
            {visit.notes.map((n) => (
              <li key={n.key}>
                <strong>{t("observation.visit.minute", { minute: minuteOf(n.at) })}</strong> {n.text}
              </li>
            ))}
          </ol>
        ) : null}
      </form>
      {visit.content.timeOnTask ? (
        <form
          className="card stack"
          onSubmit={(e) => {
            e.preventDefault();
            void addSnapshot(e.currentTarget);
          }}
        >
          <h3>{t("observation.visit.on_task")}</h3>
          <fieldset className="stack bare" disabled={closed}>
            <div className="pair">
              <div className={`field${problem.onTask ? " field-invalid" : ""}`}>
                <label htmlFor="onTask">{t("observation.visit.on_task_count")}</label>
                <input id="onTask" name="onTask" type="number" inputMode="numeric" min={0} max={200} />
                {fieldError("onTask")}
              </div>
              <div className={`field${problem.present ? " field-invalid" : ""}`}>
                <label htmlFor="present">{t("observation.visit.present_count")}</label>
                <input id="present" name="present" type="number" inputMode="numeric" min={1} max={200} />
                {fieldError("present")}
              </div>
            </div>
            <button type="submit" className="button">
              {t("observation.visit.add_snapshot")}
            </button>
          </fieldset>
          {visit.snapshots.length ? (
            <ul className="rows snapshots">
              {visit.snapshots.map((s) => (
                <li key={s.key}>
                  {t("observation.visit.snapshot", {
                    minute: minuteOf(s.at),
                    onTask: s.onTask,
                    present: s.present,
                    share: format.percent(s.onTask / s.present),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </form>
      ) : null}
      <section className="card stack">
        <h3>{t("observation.visit.levels")}</h3>
        <p className="hint level-key" aria-hidden="true">
          {LEVELS.map((level) => `${level}\u00a0${t(`observation.level.${level}`)}`).join(" · ")}
        </p>
        {visit.content.sections.map((section) => (
          <details key={section.key} className="section">
            <summary>{section.title}</summary>
            {section.indicators
              .filter((i) => i.kind === "scored")
              .map((i) => (
                <fieldset key={i.key} className="levels" disabled={closed}>
                  <legend>{i.title}</legend>
                  <div className="level-row">
                    {LEVELS.map((level) => (
                      <label key={level} className="level-cell">
                        <input
                          type="radio"
                          name={`level_${i.key}`}
                          value={level}
                          checked={visit.levels[i.key] === String(level)}
                          onChange={() =>
                            void record(
                              { ...visit, levels: { ...visit.levels, [i.key]: String(level) } },
                              "save",
                              {
                                [`level_${i.key}`]: String(level),
                              },
                            )
                          }
                        />
                        <span className="level-num" aria-hidden="true">
                          {level}
                        </span>
                        <span className="sr-only">{t(`observation.level.${level}`)}</span>
                      </label>
                    ))}
                  </div>
                  <div className="level-chosen">
                    {LEVELS.map((level) => (
                      <p key={level} className={`level-desc level-desc-${level}`}>
                        <strong>{t(`observation.level.${level}`)}</strong>
                        {i.descriptors ? `: ${i.descriptors[level - 1]}` : null}
                      </p>
                    ))}
                  </div>
                </fieldset>
              ))}
          </details>
        ))}
      </section>
      {closed ? null : (
        <section className="card stack">
          <p className="hint">{t("capture.close_hint")}</p>
          <button type="button" className="button" onClick={() => void close()}>
            {t("capture.close")}
          </button>
        </section>
      )}
    </div>
  );
}
