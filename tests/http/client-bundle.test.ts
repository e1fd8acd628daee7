// What a phone downloads: the browser bundle must never pull in server code (the database, PGlite's
// wasm) through a route that imports a module's index for a small helper, and must stay small.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDir, ensureBuilt } from "../../scripts/build";

const assets = path.join(buildDir, "client", "assets");
let files: Array<{ name: string; bytes: number }> = [];

beforeAll(() => {
  ensureBuilt();
  files = readdirSync(assets).map((name) => ({ name, bytes: statSync(path.join(assets, name)).size }));
});

describe("the browser bundle", () => {
  it("holds no database code", () => {
    expect(files.filter((f) => /\.(wasm|data)$/.test(f.name)).map((f) => f.name)).toEqual([]);
  });

  it("keeps every script under 300 KB before compression, and all of them under 700 KB", () => {
    const scripts = files.filter((f) => f.name.endsWith(".js"));
    expect(scripts.filter((f) => f.bytes > 300_000).map((f) => `${f.name} ${f.bytes}`)).toEqual([]);
    expect(scripts.reduce((n, f) => n + f.bytes, 0)).toBeLessThan(700_000);
  });
});
