// A file sent in resumable parts (the tus protocol, platform/storage/resumable.ts): a video of up to
// hundreds of MB from a phone on a weak connection. The upload goes in 5 MB PATCHes to /subidas; a
// dropped connection is retried, and after a long cut (offline) it goes on when the browser is back
// online, asking the server how much arrived and sending only the rest. Pausing and continuing work
// the same way, as does choosing the same file again after the page was closed (tus-js-client keeps
// the upload's address in localStorage, under a fingerprint of the file and of where it goes).
// tus-js-client is loaded only when an upload starts, so no other page pays for it. Without
// JavaScript nothing can be sent: a note says so, and the page's other forms work as usual.
import { useEffect, useId, useRef, useState } from "react";
import { useRevalidator } from "react-router";
import { useFormat, useT } from "../lib/i18n";

export interface ResumableUploadProps {
  /** the purpose the server registered (registerUploadPurpose), e.g. "practice-video" */
  purpose: string;
  /** what the purpose needs to know, e.g. { practiceId } (strings; sent as tus metadata) */
  metadata?: Record<string, string>;
  /** the file input's `accept`, e.g. "video/mp4,video/webm,video/quicktime" (a hint: the server reads the bytes) */
  accept?: string;
  /** the upload button's text (default "Subir") */
  label?: string;
  /** the file input's label (default "Archivo") */
  chooseLabel?: string;
  /** after the server stored the file; the page's data is revalidated in any case */
  onUploaded?: () => void;
}

/** retrying: tus-js-client tries a request again by itself; waiting: its retries ran out, this component goes on */
type Status = "idle" | "uploading" | "paused" | "retrying" | "waiting" | "checking" | "done" | "error";

const CHUNK_BYTES = 5 * 1024 * 1024;
/** the statuses whose body is a sentence of the catalogue (platform/storage/resumable.ts) */
const OWN_REFUSALS = new Set([401, 403, 413, 422]);
/** tus-js-client's waits between retries of one request (ms), about 4 minutes in all */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000, 60_000, 60_000];
/** after the retries ran out on a network cut: try again this often, and whenever the browser is back online */
const RESUME_EVERY_MS = 30_000;

interface TusUpload {
  start(): void;
  abort(shouldTerminate?: boolean): Promise<void>;
  findPreviousUploads(): Promise<unknown[]>;
  resumeFromPreviousUpload(previous: unknown): void;
}

interface TusError extends Error {
  originalResponse?: { getStatus(): number; getBody(): string } | null;
}

/** A cut connection or a server that failed for now (tus-js-client's own rule): worth trying again. */
function isTransient(error: TusError): boolean {
  const status = error.originalResponse?.getStatus() ?? 0;
  return status === 0 || status >= 500 || status === 409 || status === 423;
}

export function ResumableUpload({
  purpose,
  metadata = {},
  accept,
  label,
  chooseLabel,
  onUploaded,
}: ResumableUploadProps) {
  const t = useT();
  const format = useFormat();
  const revalidator = useRevalidator();
  const id = useId();
  const [ready, setReady] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<Status>("idle");
  const [sent, setSent] = useState(0);
  const [reason, setReason] = useState("");
  const upload = useRef<TusUpload | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const metadataKey = JSON.stringify(metadata);

  // the controls work once the script runs (before, the <noscript> note speaks)
  useEffect(() => setReady(true), []);

  // going on by itself after a long cut: when the browser is back online, or every RESUME_EVERY_MS
  useEffect(() => {
    if (status !== "waiting") return;
    const resume = () => {
      setStatus("uploading");
      upload.current?.start();
    };
    window.addEventListener("online", resume);
    timer.current = setTimeout(resume, RESUME_EVERY_MS);
    return () => {
      window.removeEventListener("online", resume);
      clearTimeout(timer.current);
    };
  }, [status]);

  // leaving the page stops sending (what arrived stays on the server for a day)
  useEffect(() => () => void upload.current?.abort(), []);

  async function start() {
    if (!file) return;
    setStatus("uploading");
    setSent(0);
    setReason("");
    const { Upload } = await import("tus-js-client");
    const endpoint = new URL("/subidas", window.location.href).href;
    const current: TusUpload = new Upload(file, {
      endpoint,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS,
      metadata: { ...JSON.parse(metadataKey), purpose, filename: file.name, filetype: file.type },
      // the same file sent for another purpose or another record is another upload
      fingerprint: async (f: File) =>
        ["impulso", purpose, metadataKey, f.name, f.type, f.size, f.lastModified, endpoint].join("|"),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (bytesSent: number, bytesTotal: number) => {
        setSent(bytesSent);
        setStatus(bytesSent >= bytesTotal ? "checking" : "uploading");
      },
      onShouldRetry: (error: TusError) => {
        const retry = isTransient(error) && navigator.onLine !== false;
        if (retry) setStatus("retrying");
        return retry;
      },
      onError: (error: TusError) => {
        if (isTransient(error)) {
          setStatus("waiting");
          return;
        }
        const status = error.originalResponse?.getStatus() ?? 0;
        const body = error.originalResponse?.getBody()?.trim() ?? "";
        // the server's refusals (4xx) are sentences of the catalogue, in the person's language
        // (only the platform's own: tus's other answers, such as a 404 for an upload gone, are in English)
        setReason(OWN_REFUSALS.has(status) && body.length < 500 ? body : t("files.resumable.failed"));
        setStatus("error");
      },
      onSuccess: () => {
        setStatus("done");
        onUploaded?.();
        revalidator.revalidate();
      },
    }) as TusUpload;
    upload.current = current;
    const previous = await current.findPreviousUploads();
    if (previous[0]) current.resumeFromPreviousUpload(previous[0]);
    current.start();
  }

  async function pause() {
    clearTimeout(timer.current);
    setStatus("paused");
    await upload.current?.abort();
  }

  function resume() {
    setStatus("uploading");
    upload.current?.start();
  }

  const busy =
    status === "uploading" || status === "retrying" || status === "waiting" || status === "checking";
  const total = file?.size ?? 0;
  const percent = total ? Math.floor((sent / total) * 100) : 0;
  const message =
    status === "paused"
      ? t("files.resumable.paused")
      : status === "retrying" || status === "waiting"
        ? t("files.resumable.retrying")
        : status === "checking"
          ? t("files.resumable.checking")
          : status === "done"
            ? t("files.resumable.done")
            : status === "error"
              ? t("files.resumable.error", { reason })
              : "";

  return (
    <div className="stack">
      <noscript>
        <p className="muted">{t("files.resumable.needs_javascript")}</p>
      </noscript>
      <div className="field">
        <label htmlFor={`${id}-file`}>{chooseLabel ?? t("files.resumable.choose")}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={accept}
          disabled={!ready || busy || status === "paused"}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setStatus("idle");
            setSent(0);
          }}
        />
      </div>
      <div className="actions">
        {status === "paused" ? (
          <button type="button" className="button" onClick={resume}>
            {t("files.resumable.resume")}
          </button>
        ) : busy && status !== "checking" ? (
          <button type="button" className="button button-secondary" onClick={pause}>
            {t("files.resumable.pause")}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            disabled={!ready || !file || status === "checking"}
            onClick={start}
          >
            {label ?? t("files.resumable.start")}
          </button>
        )}
      </div>
      {status !== "idle" && total ? (
        <>
          <progress className="progress" max={total} value={sent} aria-labelledby={`${id}-progress`} />
          <p id={`${id}-progress`}>
            {t("files.resumable.progress", {
              percent,
              sent: format.fileSize(sent),
              total: format.fileSize(total),
            })}
          </p>
        </>
      ) : null}
      <p role="status" aria-live="polite" className={status === "error" ? "field-error" : undefined}>
        {message}
      </p>
    </div>
  );
}
