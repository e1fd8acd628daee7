// The parts of a draft visit's page that show the phone's queue (change-queue.ts): the count of changes
// not yet sent, and the queued notes and snapshots above the ones the server holds. Each subscribes to
// the queue on its own, so a note added renders these and not the whole visit form.
import type { ReactNode } from "react";
import { useFormat, useT } from "../../lib/i18n";
import { type ChangeQueue, type QueuedChange, type QueueState, useQueue } from "./change-queue";

/** The count of changes not yet sent, with "Sincronizar ahora"; after the session ended, a way back in. */
export function SyncAlert({
  state,
  waiting,
  onSync,
  returnTo,
}: {
  state: QueueState;
  waiting: number;
  onSync: () => void;
  /** where signing in again comes back to */
  returnTo: string;
}) {
  const t = useT();
  if (waiting === 0 && state !== "signed_out") return null;
  return (
    <div className="alert" role="status">
      <p>
        {state === "signed_out"
          ? t("observation.visit.signed_out", { count: waiting })
          : t("observation.visit.pending_count", { count: waiting })}
      </p>
      {state === "signed_out" ? (
        <a href={`/ingresar?volver=${encodeURIComponent(returnTo)}`}>
          {t("observation.visit.sign_in_again")}
        </a>
      ) : (
        <button type="button" className="button button-secondary" onClick={onSync}>
          {t("observation.visit.sync_now")}
        </button>
      )}
    </div>
  );
}

export function QueueAlert({ changes, visitId }: { changes: ChangeQueue; visitId: string }) {
  const { waiting, state } = useQueue(changes);
  return (
    <SyncAlert
      state={state}
      waiting={waiting}
      onSync={changes.syncNow}
      returnTo={`/observaciones/${visitId}`}
    />
  );
}

function Pending({
  change,
  changes,
  children,
}: {
  change: QueuedChange;
  changes: ChangeQueue;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <li className={change.refused ? "pending refused" : "pending"}>
      <p>
        <span className="badge">
          {t(change.refused !== undefined ? "observation.visit.not_sent" : "observation.visit.pending")}
        </span>{" "}
        {children}
      </p>
      {change.refused !== undefined ? (
        <p className="field-error">
          {t("observation.visit.not_sent_reason", { reason: change.refused })}{" "}
          <button type="button" className="link-button" onClick={() => changes.discard(change.key)}>
            {t("observation.visit.discard_change")}
          </button>
        </p>
      ) : null}
    </li>
  );
}

const minuteOf = (at: string, startedAt: Date | string) =>
  Math.max(0, Math.floor((new Date(at).getTime() - new Date(startedAt).getTime()) / 60_000));

/** The notes waiting on the phone; with none there and none on the server, says there are none yet. */
export function QueuedNotes({
  changes,
  startedAt,
  serverNotes,
}: {
  changes: ChangeQueue;
  startedAt: Date | string;
  serverNotes: number;
}) {
  const t = useT();
  const notes = useQueue(changes).queue.filter((c) => c.intent === "note");
  if (notes.length === 0)
    return serverNotes === 0 ? <p className="muted">{t("observation.visit.no_notes")}</p> : null;
  return (
    <ol className="notes">
      {notes.map((c) => (
        <Pending key={c.key} change={c} changes={changes}>
          {`${t("observation.visit.minute", { minute: minuteOf(c.at, startedAt) })} ${c.fields.note}`}
        </Pending>
      ))}
    </ol>
  );
}

export function QueuedSnapshots({ changes, startedAt }: { changes: ChangeQueue; startedAt: Date | string }) {
  const t = useT();
  const format = useFormat();
  const snapshots = useQueue(changes).queue.filter((c) => c.intent === "snapshot");
  if (snapshots.length === 0) return null;
  return (
    <ul className="rows">
      {snapshots.map((c) => (
        <Pending key={c.key} change={c} changes={changes}>
          {t("observation.visit.snapshot", {
            minute: minuteOf(c.at, startedAt),
            onTask: Number(c.fields.onTask),
            present: Number(c.fields.present),
            share: format.percent(Number(c.fields.onTask) / Number(c.fields.present)),
          })}
        </Pending>
      ))}
    </ul>
  );
}
