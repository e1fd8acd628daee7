import { describe, expect, it } from "vitest";
import { isTimeZone, localParts, resolveLocalTime } from "./time";

// Chile's 2026 clock changes (shared/reference/chile.md §6.1): winter time starts at 2026-04-05 03:00Z
// (Saturday 4 April, 23:59:59 → 23:00: the hour 23:00–23:59 happens twice); summer time at
// 2026-09-06 04:00Z (Saturday 5 September, 23:59:59 → Sunday 01:00: 00:00–00:59 does not exist).
describe("resolveLocalTime", () => {
  it("turns a wall time into the one instant it names, in winter and in summer", () => {
    expect(resolveLocalTime("2026-05-20", "18:00", "America/Santiago")).toEqual({
      kind: "ok",
      instant: new Date("2026-05-20T22:00:00Z"),
    });
    expect(resolveLocalTime("2026-11-18", "18:00", "America/Santiago")).toEqual({
      kind: "ok",
      instant: new Date("2026-11-18T21:00:00Z"),
    });
    expect(resolveLocalTime("2026-05-20", "18:00", "America/Mexico_City")).toEqual({
      kind: "ok",
      instant: new Date("2026-05-21T00:00:00Z"),
    });
  });

  it("says that a time skipped by the September change does not exist, never shifting it", () => {
    expect(resolveLocalTime("2026-09-06", "00:00", "America/Santiago")).toEqual({ kind: "gap" });
    expect(resolveLocalTime("2026-09-06", "00:59", "America/Santiago")).toEqual({ kind: "gap" });
    expect(resolveLocalTime("2026-09-05", "23:59", "America/Santiago")).toEqual({
      kind: "ok",
      instant: new Date("2026-09-06T03:59:00Z"),
    });
    expect(resolveLocalTime("2026-09-06", "01:00", "America/Santiago")).toEqual({
      kind: "ok",
      instant: new Date("2026-09-06T04:00:00Z"),
    });
    // Easter Island changes at the same instants, at its own wall times.
    expect(resolveLocalTime("2026-09-05", "22:30", "Pacific/Easter")).toEqual({ kind: "gap" });
  });

  it("gives both instants of a time the April change repeats", () => {
    expect(resolveLocalTime("2026-04-04", "23:30", "America/Santiago")).toEqual({
      kind: "repeated",
      earlier: new Date("2026-04-05T02:30:00Z"),
      later: new Date("2026-04-05T03:30:00Z"),
    });
    expect(resolveLocalTime("2026-04-04", "22:59", "America/Santiago").kind).toBe("ok");
    expect(resolveLocalTime("2026-04-05", "00:00", "America/Santiago").kind).toBe("ok");
    // Magallanes keeps −03 all year: nothing repeats there.
    expect(resolveLocalTime("2026-04-04", "23:30", "America/Punta_Arenas")).toEqual({
      kind: "ok",
      instant: new Date("2026-04-05T02:30:00Z"),
    });
  });

  it("refuses what is not a date, a time or a zone", () => {
    for (const [date, time, zone] of [
      ["2026-02-30", "10:00", "America/Santiago"],
      ["2026-13-01", "10:00", "America/Santiago"],
      ["2026-05-20", "24:00", "America/Santiago"],
      ["2026-05-20", "9:00", "America/Santiago"],
      ["20-05-2026", "10:00", "America/Santiago"],
      ["2026-05-20", "10:00", "Marte/Base"],
      ["2026-05-20", "10:00", ""],
    ])
      expect(resolveLocalTime(date as string, time as string, zone as string)).toEqual({ kind: "invalid" });
  });

  it("round-trips with localParts", () => {
    const r = resolveLocalTime("2026-07-01", "08:15", "America/Bogota");
    expect(r.kind).toBe("ok");
    if (r.kind === "ok")
      expect(localParts(r.instant, "America/Bogota")).toEqual({ date: "2026-07-01", time: "08:15" });
  });
});

describe("isTimeZone", () => {
  it("accepts zones the runtime knows, including aliases, and refuses others", () => {
    expect(isTimeZone("America/Santiago")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("America/Coyhaique")).toBe(true);
    expect(isTimeZone("Chile/Nowhere")).toBe(false);
  });
});
