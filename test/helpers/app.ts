import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AppContext, DemoAgency } from '../../src/platform/module';
import { MODULES } from '../../src/app/modules';
import { seedDemo } from '../../src/app/seed/seed';
import { localAdapters } from '../../src/app/container';
import { buildServer, startModules } from '../../src/app/server';
import { loadConfig } from '../../src/config/config';
import { DiskBlobStore } from '../../src/platform/adapters/blobs-disk';
import { MemoryBus } from '../../src/platform/adapters/bus-memory';
import { createLogger } from '../../src/platform/observability/logger';
import { type DbKind, freshDb } from './db';

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance;
  demo: DemoAgency;
  bus: MemoryBus;
  /** Waits until every outbox event is published and every consumer has processed its queue. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A whole server on a fresh database (PGlite or PostgreSQL) with the demo agency, driven by `app.inject`. */
export async function startTestApp(
  kind: DbKind,
  opts: { seed?: boolean; env?: Record<string, string>; beforeRoutes?: (app: FastifyInstance) => void } = {},
): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-test-'));
  // Tests log in many times from one address; the login rate limit has its own test with the default.
  const config = loadConfig({ KC_DATA_DIR: dir, KC_LOG_LEVEL: 'silent', KC_LOGIN_RATE_PER_MIN: '10000', ...opts.env });
  const db = await freshDb(kind);
  const bus = new MemoryBus();
  const log = createLogger('silent');
  const blobs = new DiskBlobStore(path.join(dir, 'blobs'));
  const ctx: AppContext = { config, db, bus, blobs, log, now: () => new Date(), ...localAdapters(config, log) };
  // `beforeRoutes` runs before any module adds its routes (e.g. an onRoute hook that lists them, with their config).
  const app = await buildServer(ctx, opts.beforeRoutes ? [{ name: 'test-before-routes', routes: opts.beforeRoutes }, ...MODULES] : MODULES);
  const modules = await startModules(ctx);
  const settle = async () => {
    await modules.flushEvents();
    await bus.idle();
  };
  const demo = opts.seed === false ? { units: {}, persons: {}, users: {} } : await seedDemo(ctx, undefined, { settle });
  await settle();
  return {
    ctx,
    app,
    demo,
    bus,
    settle,
    async close() {
      await app.close();
      await modules.stop();
      await bus.close();
      await db.dropAndClose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function loginAs(app: FastifyInstance, username: string, password = 'KyCuong@2026'): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    send: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
