// readForm: what reaches a route from a form's body.
import { describe, expect, it } from "vitest";
import { readForm } from "./actions.server";

const post = (body: BodyInit, contentType: string) =>
  new Request("http://localhost/x", { method: "POST", headers: { "content-type": contentType }, body });

describe("readForm", () => {
  it("drops NUL characters, which PostgreSQL cannot store, from values, names and file names", async () => {
    const form = await readForm(
      post("name=Pauta%00&description=a%00b&x%00y=1", "application/x-www-form-urlencoded"),
    );
    if (!(form instanceof FormData)) throw new Error("refused");
    expect([...form]).toEqual([
      ["name", "Pauta"],
      ["description", "ab"],
      ["xy", "1"],
    ]);
    const multipart = new FormData();
    multipart.set("file", new File(["nombres\u0000"], "nomina\u0000.csv", { type: "text/csv" }));
    const parsed = await readForm(new Request("http://localhost/x", { method: "POST", body: multipart }));
    if (!(parsed instanceof FormData)) throw new Error("refused");
    const file = parsed.get("file") as File;
    expect(file.name).toBe("nomina.csv");
    expect(await file.text()).toBe("nombres\u0000"); // a file's bytes are the importer's to judge
  });

  it("leaves a form without NUL as it came", async () => {
    const form = await readForm(post("a=1&a=2&b=%C3%B1", "application/x-www-form-urlencoded"));
    if (!(form instanceof FormData)) throw new Error("refused");
    expect([...form]).toEqual([
      ["a", "1"],
      ["a", "2"],
      ["b", "ñ"],
    ]);
  });
});
