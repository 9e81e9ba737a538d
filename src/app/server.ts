import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { installAuth } from '../modules/auth';
import { createHttpServer } from '../platform/http/server';
import { installMetrics } from '../platform/observability/metrics';
import { OutboxRelay } from '../platform/outbox/outbox';
import type { AppContext, KcModule, ModuleStop } from '../platform/module';
import { MODULES } from './modules';

const here = path.dirname(fileURLToPath(import.meta.url));
export const VERSION = JSON.parse(fs.readFileSync(path.resolve(here, '../../package.json'), 'utf8')).version as string;

/** Liveness and version; where the data lives only for system administrators. */
const ZHealth = z
  .object({
    status: z.literal('ok'),
    version: z.string(),
    db: z.string().optional().describe('System administrators only'),
    bus: z.string().optional().describe('System administrators only'),
    blobs: z.string().optional().describe('System administrators only'),
  })
  .meta({ id: 'Health' });

/** Builds the HTTP server with every module's routes; does not listen and does not start background work. */
export async function buildServer(ctx: AppContext, modules: KcModule[] = MODULES): Promise<FastifyInstance> {
  // The built web app (config.webDist: web/dist, or KC_WEB_DIST for a test's or a deployment's own build).
  const webDist = ctx.config.webDist;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  const app = await createHttpServer({
    log: ctx.log,
    bodyLimit: ctx.config.bodyLimit,
    httpsOnly: ctx.config.secureCookies,
    // Client-side routes get index.html; a missing hashed asset is a real 404 (serving HTML in its place would give
    // the browser a MIME error and a blank page after a rebuild).
    spaFallback: hasWeb
      ? (req, reply) => {
          if (req.url.startsWith('/assets/') || /\.[a-z0-9]{1,5}(\?|$)/i.test(req.url)) return false;
          void reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
          return true;
        }
      : undefined,
  });
  installAuth(app, ctx);
  installMetrics(app, { token: ctx.config.metricsToken });

  app.get('/api/health', { schema: { summary: 'Check that the server and its database answer', tags: ['system'], response: { 200: ZHealth } } }, async (req) => {
    await ctx.db.query('SELECT 1');
    // Where the data lives (paths, hosts) is for system administrators only, not for anyone who can reach the port.
    const admin = req.kcAccess?.principal.roles.some((r) => r.role === 'sysadmin') ?? false;
    const detail = admin ? { db: ctx.db.description, bus: ctx.bus.description, blobs: ctx.blobs.description } : {};
    return { status: 'ok', version: VERSION, ...detail };
  });

  for (const m of modules) if (m.routes) await m.routes(app, ctx);

  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web/dist is served without restarting the server.
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: true, index: ['index.html'] });
  } else {
    const placeholder = { summary: 'Explain that the web app is not built yet', tags: ['system'], produces: ['text/html'], response: { 200: z.string().describe('HTML page') } };
    app.get('/', { schema: placeholder }, async (_req, reply) =>
      reply
        .type('text/html')
        .send('<!doctype html><meta charset="utf-8"><p>Giao diện chưa được build: chạy <code>npm run build:web</code>. / The web UI is not built yet: run <code>npm run build:web</code>.</p>'),
    );
  }
  return app;
}

export interface StartedModules {
  /** Stops background work in reverse order, waiting at most `stopBudgetMs` (default 60 s) in total. */
  stop(stopBudgetMs?: number): Promise<void>;
  /** Publishes every pending outbox event (tests and graceful shutdown). */
  flushEvents(): Promise<void>;
}

/**
 * Starts every module's background work in flow order, then the outbox relay (so the first events find their
 * consumers subscribed); stops in reverse. A module whose stop fails or hangs does not keep the others running:
 * stop gives up waiting on it after `stopBudgetMs` in total.
 */
export async function startModules(ctx: AppContext, modules: KcModule[] = MODULES): Promise<StartedModules> {
  const relay = new OutboxRelay(
    ctx.db,
    ctx.bus,
    (err, failures) => ctx.log.warn({ err, failures }, 'outbox relay failed; retrying with backoff'),
    200,
    (failures) => ctx.log.info({ failures }, 'outbox relay recovered'),
  );
  const started: StartedModule[] = [];
  try {
    for (const m of modules) {
      const stopStarted = m.start ? await m.start(ctx) : undefined;
      started.push({ name: m.name, stop: stopperOf(stopStarted) });
    }
  } catch (err) {
    // A module that cannot start must not leave the ones before it running (children, timers, consumers).
    await stopAll(ctx, started, undefined, 10_000);
    throw err;
  }
  relay.start();
  return {
    flushEvents: () => relay.flush(),
    stop: (stopBudgetMs = 60_000) => stopAll(ctx, started, relay, stopBudgetMs),
  };
}

/** One started module: its name for the logs and what ends its background work. */
interface StartedModule {
  name: string;
  stop: ModuleStop;
}

/** The function `start` returned (nothing to stop when it returned none). */
function stopperOf(returned: ModuleStop | void): ModuleStop {
  return async () => {
    if (returned) await returned();
  };
}

async function stopAll(ctx: AppContext, started: StartedModule[], relay: OutboxRelay | undefined, budgetMs: number): Promise<void> {
  const deadline = Date.now() + budgetMs;
  for (const m of [...started].reverse()) {
    const left = deadline - Date.now();
    const outcome = await within(Promise.resolve().then(() => m.stop()), Math.max(0, left));
    if (outcome === 'timeout') ctx.log.warn({ module: m.name }, 'module did not stop in time; going on');
    else if (outcome instanceof Error) ctx.log.warn({ err: outcome, module: m.name }, 'module stop failed');
  }
  if (!relay) return;
  // The last events of a clean stop are published; with the database gone this fails at once and is left for the next start.
  await within(relay.flush(), Math.max(0, deadline - Date.now()));
  await within(relay.stop(), Math.max(0, deadline - Date.now()));
}

/** Waits for `p` at most `ms`: 'done', 'timeout', or the error it failed with. Never rejects. */
export async function within(p: Promise<unknown>, ms: number): Promise<'done' | 'timeout' | Error> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      p.then(
        () => 'done' as const,
        (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
