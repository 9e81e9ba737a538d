import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { loadMailConfig } from './mail';

/** The web app built by `npm run build:web`, served by the server unless KC_WEB_DIST names another build. */
const DEFAULT_WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** A positive number, or the default when the variable is absent, not a number or not positive (operators' typos fall back). */
const positiveOr = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v) => {
      const n = Number(v);
      return Number.isFinite(n) && n > 0 ? n : fallback;
    });

/**
 * Runtime configuration, read once at start-up from the environment.
 * Each infrastructure port has exactly one key that picks its adapter; everything else has an embedded default
 * so that `kycuong start` works on a bare machine.
 */
const ZEnv = z.object({
  KC_HOST: z.string().default('127.0.0.1'),
  KC_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  KC_DATA_DIR: z.string().default('./data'),
  /** Absent → embedded PGlite under KC_DATA_DIR/pg. */
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL only: wait for a connection, statement timeout, idle-in-transaction timeout (ms, 0 = none), pool size. */
  KC_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  KC_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(300_000),
  KC_DB_IDLE_TX_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  KC_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** memory | nats */
  KC_BUS: z.enum(['memory', 'nats']).default('memory'),
  NATS_URL: z.string().default('nats://127.0.0.1:4222'),
  /**
   * The JetStream stream (and subject prefix, in lower case) of this install: two installs that share one NATS
   * server need different names, or each would consume the other's events.
   */
  KC_NATS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ and - (1–32)')
    .default('KYCUONG'),
  /** disk | s3 */
  KC_BLOBS: z.enum(['disk', 's3']).default('disk'),
  S3_ENDPOINT: z.string().optional(),
  S3_BUCKET: z.string().default('kycuong'),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Secret used to encrypt camera credentials and other secrets at rest; generated into the data dir when absent. */
  KC_SECRET_KEY: z.string().optional(),
  KC_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KC_SECURE_COOKIES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  KC_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  /** Another build of the web app to serve (a test's private build, a deployment's); absent → web/dist. */
  KC_WEB_DIST: z.string().optional(),
  /** Bearer token that /metrics requires; absent → /metrics answers only clients on this machine (loopback). */
  KC_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /**
   * Web origins (comma-separated, e.g. https://kycuong.xa.gov.vn) allowed to open the live view besides the server's
   * own host: needed behind a reverse proxy that rewrites the Host header.
   */
  KC_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/ }))),
  KC_LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  KC_LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  /** Login attempts per minute per client address, before 429. */
  KC_LOGIN_RATE_PER_MIN: z.coerce.number().int().positive().default(20),
  KC_SESSION_HOURS: z.coerce.number().int().positive().default(12),
  /**
   * on: the demo seed replays four weeks of attendance through the normal path (violations, explanations, decisions);
   * off: three weeks of attendance without any violation (tests that count violations from zero set it).
   */
  KC_DEMO_HISTORY: z.enum(['on', 'off']).default('on'),
  /** Port of the demo cameras' GStreamer RTSP server on 127.0.0.1; absent → a free port chosen at start. */
  KC_DEMO_RTSP_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
  /** Seconds between attendance ticks (dirty days, recompute jobs, device heartbeats); 0 or less: no ticker (tests). */
  KC_ATTENDANCE_TICK_SECONDS: z.coerce.number().default(60),
  /** Where the ONVIF discovery probe goes: the WS-Discovery multicast group, or one host's address (unicast). */
  KC_ONVIF_PROBE_ADDRESS: z.ipv4().default('239.255.255.250'),
  KC_ONVIF_PROBE_PORT: z.coerce.number().int().min(1).max(65535).default(3702),
  /** Installed face models (`kycuong models install`); absent → <data dir>/models. Without models the npm engine runs. */
  KC_FACE_MODELS_DIR: z.string().optional(),
  /** Worker threads of the face engine; absent → cores − 1 (at least 1). */
  KC_FACE_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  /** off: no gate recognition (enrollment and review still work). */
  KC_FACE_RECOGNITION: z.enum(['on', 'off']).default('on'),
  /** Bulk face enrollment zip: largest upload (MB), most entries, largest declared uncompressed total (MB). */
  KC_FACE_IMPORT_MAX_MB: positiveOr(200),
  KC_FACE_IMPORT_MAX_FILES: positiveOr(2000),
  KC_FACE_IMPORT_MAX_UNZIPPED_MB: positiveOr(1024),
  /** The ffmpeg and ffprobe programs (a name looked up in PATH, or a path). */
  KC_FFMPEG: z.string().default('ffmpeg'),
  KC_FFPROBE: z.string().default('ffprobe'),
  /** 1: child processes are not tied to the server with `setpriv --pdeathsig` (see docs/operations.md). */
  KC_NO_PDEATHSIG: z.string().optional(),
  /** Ed25519 private key (PEM) that signs audit anchors; absent → <data dir>/keys/audit-anchor.key, created at first start. */
  KC_AUDIT_KEY_FILE: z.string().optional(),
  /** Public key (PEM) that audit-verify checks anchors with, for a verifier that must not hold the private key. */
  KC_AUDIT_PUBLIC_KEY_FILE: z.string().optional(),
  /** A second place (another disk or mount) that receives a copy of every signed audit anchor. */
  KC_AUDIT_ANCHOR_DIR: z.string().optional(),
  /** An anchor is written when this many entries were added, or when this many seconds passed with any entry added. */
  KC_AUDIT_ANCHOR_ROWS: z.coerce.number().int().positive().default(200),
  KC_AUDIT_ANCHOR_SECONDS: z.coerce.number().positive().default(60),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.KC_DATA_DIR);
  return {
    host: e.KC_HOST,
    port: e.KC_PORT,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    db: {
      connectTimeoutMs: e.KC_DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.KC_DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.KC_DB_IDLE_TX_TIMEOUT_MS,
      max: e.KC_DB_POOL_MAX,
    },
    bus: e.KC_BUS,
    natsUrl: e.NATS_URL,
    natsStream: e.KC_NATS_STREAM,
    blobs: e.KC_BLOBS,
    s3: {
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
    },
    secretKey: e.KC_SECRET_KEY,
    logLevel: e.KC_LOG_LEVEL,
    secureCookies: e.KC_SECURE_COOKIES,
    bodyLimit: e.KC_BODY_LIMIT,
    webDist: path.resolve(e.KC_WEB_DIST ?? DEFAULT_WEB_DIST),
    /** SMTP, links in e-mails, the outbox and the digest hour (src/config/mail.ts). */
    mail: loadMailConfig(env),
    metricsToken: e.KC_METRICS_TOKEN,
    allowedOrigins: e.KC_ALLOWED_ORIGINS.map((o) => new URL(o).origin),
    login: { maxFailures: e.KC_LOGIN_MAX_FAILURES, lockMinutes: e.KC_LOGIN_LOCK_MINUTES, ratePerMinute: e.KC_LOGIN_RATE_PER_MIN },
    sessionHours: e.KC_SESSION_HOURS,
    demoHistory: e.KC_DEMO_HISTORY === 'on',
    demoRtspPort: e.KC_DEMO_RTSP_PORT,
    attendance: { tickSeconds: e.KC_ATTENDANCE_TICK_SECONDS },
    onvif: { probeAddress: e.KC_ONVIF_PROBE_ADDRESS, probePort: e.KC_ONVIF_PROBE_PORT },
    face: {
      modelsDir: e.KC_FACE_MODELS_DIR ? path.resolve(e.KC_FACE_MODELS_DIR) : path.join(dataDir, 'models'),
      threads: e.KC_FACE_THREADS,
      recognition: e.KC_FACE_RECOGNITION === 'on',
      importLimits: {
        maxBytes: e.KC_FACE_IMPORT_MAX_MB * 1024 * 1024,
        maxEntries: e.KC_FACE_IMPORT_MAX_FILES,
        maxUncompressedBytes: e.KC_FACE_IMPORT_MAX_UNZIPPED_MB * 1024 * 1024,
      },
    },
    video: { ffmpeg: e.KC_FFMPEG, ffprobe: e.KC_FFPROBE, tieChildren: e.KC_NO_PDEATHSIG !== '1' },
    audit: {
      keyFile: path.resolve(e.KC_AUDIT_KEY_FILE ?? path.join(dataDir, 'keys', 'audit-anchor.key')),
      publicKeyFile: e.KC_AUDIT_PUBLIC_KEY_FILE ? path.resolve(e.KC_AUDIT_PUBLIC_KEY_FILE) : undefined,
      anchorDir: e.KC_AUDIT_ANCHOR_DIR ? path.resolve(e.KC_AUDIT_ANCHOR_DIR) : undefined,
      anchorEveryRows: e.KC_AUDIT_ANCHOR_ROWS,
      anchorEverySeconds: e.KC_AUDIT_ANCHOR_SECONDS,
    },
  };
}
