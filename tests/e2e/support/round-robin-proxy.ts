// A small round-robin HTTP proxy for the browser tests (issue #6, "several app processes"): each
// request goes to the next app process in turn, so consecutive requests of one browser, even the POST
// of a form and the GET that follows its redirect, are served by different processes. It adds
// `X-Impulso-Backend: <n>` to every response so that a test can see which process answered.
import http from "node:http";

export interface Proxy {
  /** how many requests each backend served, by index */
  served: number[];
  stop(): Promise<void>;
}

export async function startRoundRobinProxy(options: {
  port: number;
  backends: { host: string; port: number }[];
}): Promise<Proxy> {
  const served = options.backends.map(() => 0);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const index = next;
    next = (next + 1) % options.backends.length;
    const backend = options.backends[index] as { host: string; port: number };
    served[index] = (served[index] ?? 0) + 1;
    const upstream = http.request(
      {
        host: backend.host,
        port: backend.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, "x-forwarded-for": req.socket.remoteAddress ?? "" },
        agent,
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, {
          ...response.headers,
          "x-impulso-backend": String(index + 1),
        });
        response.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (res.headersSent) return res.destroy(error);
      res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
      res.end(`Proxy: la aplicación ${index + 1} no respondió (${error.message})`);
    });
    req.on("aborted", () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  return {
    served,
    stop: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
