// Bodies that are not what a form sends: too large (declared or chunked), malformed. The user gets a
// message, the server keeps running, nothing is stored.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rosterImports } from "~/modules/people/schema";
import { makeWorld } from "~/modules/people/testing";
import { createSession } from "~/platform/auth/sessions";
import { db } from "~/platform/db/client";
import { useTestServer } from "./server";

const server = useTestServer();

function chunked(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

describe("form bodies", () => {
  let w: Awaited<ReturnType<typeof makeWorld>>;
  let cookie: string;
  beforeAll(async () => {
    w = await makeWorld();
    cookie = `impulso_session=${(await createSession(w.coordinator.id, { ip: "127.0.0.1" })).token}`;
  });
  const importCount = async () =>
    (await db().select({ n: sql<number>`count(*)::int` }).from(rosterImports))[0].n;

  it("refuses a roster upload over 5 MB sent without a length (chunked), and stores nothing", async () => {
    const before = await importCount();
    const boundary = "----impulso";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="n.csv"\r\nContent-Type: text/csv\r\n\r\nnombres;apellidos;correo\r\n`;
    const body = new Uint8Array(6 * 1024 * 1024).fill(65);
    body.set(new TextEncoder().encode(head));
    const url = server.current().url;
    const response = await fetch(`${url}/establecimientos/${w.schoolA.id}/importar`, {
      method: "POST",
      headers: { cookie, origin: url, "content-type": `multipart/form-data; boundary=${boundary}` },
      body: chunked(body),
      duplex: "half",
      redirect: "manual",
    } as RequestInit);
    expect(response.headers.get("content-length")).not.toBe("0");
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("El archivo es demasiado grande");
    expect(await importCount()).toBe(before);
  });

  it("refuses a roster upload over 5 MB that declares its length, as a browser sends it", async () => {
    const before = await importCount();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(6 * 1024 * 1024).fill(65)], { type: "text/csv" }), "n.csv");
    const url = server.current().url;
    const response = await fetch(`${url}/establecimientos/${w.schoolA.id}/importar`, {
      method: "POST",
      headers: { cookie, origin: url },
      body: form,
      redirect: "manual",
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("El archivo es demasiado grande");
    expect(await importCount()).toBe(before);
  });

  it("answers a malformed multipart body with a message, not an error page", async () => {
    const url = server.current().url;
    const response = await fetch(`${url}/establecimientos/nuevo`, {
      method: "POST",
      headers: { cookie, origin: url, "content-type": "multipart/form-data; boundary=nada" },
      body: "esto no es multipart",
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("No pudimos leer el formulario enviado");
  });

  it("refuses a text form far larger than any form of ours", async () => {
    const url = server.current().url;
    const response = await fetch(`${url}/ingresar`, {
      method: "POST",
      headers: { origin: url, "content-type": "application/x-www-form-urlencoded" },
      body: chunked(new TextEncoder().encode(`email=${"a".repeat(1024 * 1024)}&password=x`)),
      duplex: "half",
      redirect: "manual",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Lo enviado es demasiado grande");
  });
});
