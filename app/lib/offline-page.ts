// What any page needs of offline capture without loading its storage code: the service worker asked
// to keep the capture pages (app/service-worker.ts) or to forget them, and how many changes wait on the
// phone (for the sign-out warning), noted by offline.ts each time it sends.
const WAITING_KEY = "impulso:cambios-sin-enviar";

export function noteWaitingChanges(count: number): void {
  try {
    localStorage.setItem(WAITING_KEY, String(count));
  } catch {}
}

/** How many changes waited on this phone when last looked at (for the sign-out warning). */
export function waitingChanges(): number {
  try {
    return Number(localStorage.getItem(WAITING_KEY) ?? 0) || 0;
  } catch {
    return 0;
  }
}

/**
 * Registers the service worker and asks it to keep the capture pages and this page's scripts, so that
 * a leader who opened the observation pages once online can start and capture visits without one.
 */
export async function prepareOffline(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register("/sw.js");
    const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
    const assets = performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith("/assets/"));
    worker?.postMessage({
      type: "prepare",
      // The capture page and this page (a visit, the list); the new-visit form is not kept: offline, the
      // service worker sends it to the capture page, which starts visits.
      pages: ["/observaciones/captura", location.pathname],
      // This page, when it was loaded as a document (not reached by a navigation inside the app): the
      // browser's HTTP cache holds it, so a weak connection does not download it a second time.
      loaded: loadedAsDocument() ? location.pathname : null,
      assets,
    });
    // Kept storage is not dropped under pressure (Safari deletes it after 7 days unused otherwise).
    await navigator.storage?.persist?.();
  } catch {
    // No service worker (a private window, an old browser): the pages work online as before.
  }
}

function loadedAsDocument(): boolean {
  const entry = performance.getEntriesByType("navigation")[0];
  return entry !== undefined && new URL(entry.name).pathname === location.pathname;
}

/** On signing out: the kept pages hold this person's teachers. */
export function forgetOffline(): void {
  navigator.serviceWorker?.controller?.postMessage({ type: "forget" });
}
