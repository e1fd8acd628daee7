// A real SMTP server for the browser tests: the app sends its email here (SMTP_URL), and every message
// is stored in a directory as the raw .eml plus a .json of the parsed message, which mailbox.ts reads.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface StoredEmail {
  id: string;
  receivedAt: string;
  /** every recipient, lower case: the SMTP envelope's and the To/Cc headers' */
  recipients: string[];
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string | null;
  /** the http(s) links found in the text and the HTML */
  links: string[];
}

export interface SmtpSink {
  port: number;
  dir: string;
  stop(): Promise<void>;
}

let sequence = 0;

function addresses(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry: { value?: { address?: string }[] }) =>
    (entry.value ?? []).map((a) => (a.address ?? "").toLowerCase()).filter(Boolean),
  );
}

export async function startSmtpSink(options: { port: number; dir: string }): Promise<SmtpSink> {
  mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    secure: false,
    // Plain SMTP on loopback: no STARTTLS to negotiate, and any (or no) login is accepted.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    banner: "Impulso test SMTP sink",
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "test" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const id = `${Date.now().toString().padStart(15, "0")}-${process.pid}-${String(++sequence).padStart(6, "0")}`;
            const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
            const text = parsed.text ?? "";
            const html = typeof parsed.html === "string" ? parsed.html : null;
            const links = [...new Set(`${text}\n${html ?? ""}`.match(/https?:\/\/[^\s"'<>)]+/g) ?? [])];
            const email: StoredEmail = {
              id,
              receivedAt: new Date().toISOString(),
              recipients: [...new Set([...envelopeTo, ...addresses(parsed.to), ...addresses(parsed.cc)])],
              to:
                (Array.isArray(parsed.to) ? parsed.to.map((t) => t.text).join(", ") : parsed.to?.text) ??
                envelopeTo.join(", "),
              from: parsed.from?.text ?? session.envelope.mailFrom?.toString() ?? "",
              subject: parsed.subject ?? "",
              text,
              html,
              links,
            };
            writeFileSync(path.join(options.dir, `${id}.eml`), raw);
            // Written under a temporary name, then renamed: readers never see half a file.
            const tmp = path.join(options.dir, `${id}.tmp`);
            writeFileSync(tmp, JSON.stringify(email, null, 2));
            renameSync(tmp, path.join(options.dir, `${id}.json`));
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => console.error("SMTP de prueba:", error));
  return {
    port: options.port,
    dir: options.dir,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
