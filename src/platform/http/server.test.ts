import http from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@react-router/node";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { discardUnreadBody } from "./server";

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** An app whose POST answers without reading its body, the body wrapped as React Router wraps it. */
async function start(withDiscard: boolean): Promise<number> {
  const app = express();
  if (withDiscard) app.use(discardUnreadBody);
  app.post("/salir", (req, res) => {
    // What @react-router/express does with every POST body: a web stream that starts reading it.
    new Request("http://localhost/salir", {
      method: "POST",
      body: createReadableStreamFromReadable(req),
      duplex: "half",
    } as RequestInit);
    res.redirect(302, "/ingresar");
  });
  app.get("/", (_req, res) => {
    res.send("ok");
  });
  const listening = app.listen(0, "127.0.0.1");
  server = listening;
  await new Promise((resolve) => listening.once("listening", resolve));
  return (listening.address() as AddressInfo).port;
}

/** Sends a request on the one keep-alive connection of `agent`: the status, or "slow" after 1 s. */
function send(agent: http.Agent, port: number, method: string, body?: Buffer): Promise<number | string> {
  const started = Date.now();
  return new Promise<number | string>((resolve) => {
    const req = http.request({
      host: "127.0.0.1",
      port,
      path: method === "POST" ? "/salir" : "/",
      method,
      agent,
    });
    req.setTimeout(3000, () => {
      req.destroy();
      resolve("no answer");
    });
    req.on("error", () => resolve("no answer"));
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => {
        req.setTimeout(0); // answered: the connection stays open for the next request
        resolve(res.statusCode ?? 0);
      });
    });
    req.end(body);
  }).then((answer) => (Date.now() - started > 1000 ? "slow" : answer));
}

describe("a request body that the route did not read", () => {
  // Regression (issue #6, found by tests/http/fuzz): a large form posted to sign-out, which answers
  // without reading it, left the connection paused; the next request on it hung ~70 s, then ECONNRESET.
  it("is dropped after the answer, so the next request on the connection is answered", async () => {
    const port = await start(true);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const body = Buffer.alloc(4 * 1024 * 1024, 0x61);
      expect(await send(agent, port, "POST", body)).toBe(302);
      expect(await send(agent, port, "GET")).toBe(200);
      expect(await send(agent, port, "POST", body)).toBe(302);
      expect(await send(agent, port, "POST", Buffer.from("x=1"))).toBe(302);
      expect(await send(agent, port, "GET")).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
