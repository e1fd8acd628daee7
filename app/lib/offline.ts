// The browser's side of offline capture: one ChangeStore per page and the drain of its queue (one tab
// at a time). What every page may need without loading IndexedDB code is in offline-page.ts.
import { ChangeStore, oneTabAtATime, sendBatchToServer, sendToServer } from "./change-store";
import { noteWaitingChanges } from "./offline-page";

let opened: Promise<ChangeStore> | undefined;

export function changeStore(): Promise<ChangeStore> {
  opened ??= ChangeStore.open();
  return opened;
}

/** Notes how many changes wait (unrefused), where signing out can read it at once. */
async function rememberWaiting(store: ChangeStore): Promise<void> {
  noteWaitingChanges((await store.changes()).filter((c) => c.refused === undefined).length);
}

/** Sends what the phone holds, in order, from this tab only if no other tab is sending. */
export async function syncChanges() {
  const store = await changeStore();
  await rememberWaiting(store);
  const result = await oneTabAtATime(() => store.drain(sendToServer, sendBatchToServer));
  await rememberWaiting(store);
  return result;
}
