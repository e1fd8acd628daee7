// This browser's own id, made once and kept (localStorage): sent with a draft visit's saves so that the
// visit's history folds a run of changes typed on one device, and never those of two devices.
import { v7 as newId } from "uuid";

const KEY = "impulso:dispositivo";

/** The id, or "" where the browser keeps nothing (a private window, a test without storage). */
export function deviceId(): string {
  try {
    if (typeof localStorage === "undefined") return "";
    let id = localStorage.getItem(KEY);
    if (!id) {
      id = newId();
      localStorage.setItem(KEY, id);
    }
    return id;
  } catch {
    return "";
  }
}
