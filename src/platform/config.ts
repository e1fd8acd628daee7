import path from "node:path";
import { z } from "zod";

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().url().optional(),
  /** a streaming replica of DATABASE_URL for dashboards and reports (src/platform/db/replica.ts) */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  /**
   * uploaded files in an S3-compatible bucket instead of DATA_DIR/files (platform/storage):
   * http(s)://ACCESS_KEY:SECRET@host:port/bucket?region=us-east-1 (path-style addressing; key and
   * secret percent-encoded, or left out for the AWS SDK's own chain; region us-east-1 when not given)
   */
  S3_URL: z.string().url().optional(),
  /**
   * where unfinished resumable uploads are kept (platform/storage/resumable.ts), default
   * DATA_DIR/uploads-partial: one folder every process of the platform reaches (the machine's, or a
   * shared volume when the processes run on several machines), since any of them may get the next part
   */
  UPLOADS_DIR: z.string().optional(),
  MAIL_FROM: z.string().default("Impulso <no-responder@impulso.local>"),
  APP_URL: z.string().url().optional(),
  NODE_ENV: z.string().default("production"),
  SECURE_COOKIES: z.enum(["auto", "true", "false"]).default("auto"),
  JOB_POLL_MS: z.coerce.number().int().min(10).default(500),
  LOG_LEVEL: z.enum(["silent", "info"]).default("info"),
  /** the reminder emails' sweep (observation/reminders.ts), in every process that runs the job worker */
  REMINDERS: z.enum(["on", "off"]).default("on"),
});

export type Config = z.infer<typeof schema> & { dataDir: string; appUrl: string };

let cached: Config | undefined;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.parse(env);
  return {
    ...parsed,
    dataDir: path.resolve(parsed.DATA_DIR),
    appUrl: (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ""),
  };
}

export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

export function resetConfigForTests(): void {
  cached = undefined;
}
