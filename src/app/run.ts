import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import { migrate } from '../platform/db/migrate';
import type { AppContext } from '../platform/module';
import { buildContext } from './container';
import { settleFor } from './seed/pipeline';
import { isEmpty, seedDemo } from './seed/seed';
import { buildServer, type StartedModules, startModules, within } from './server';
import { DEMO_PASSWORD } from './seed/demo-org';

export interface RunningApp {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  /** Stops within about `budgetMs` (default STOP_BUDGET_MS) whatever is still running. */
  stop(budgetMs?: number): Promise<void>;
}

/** A SIGTERM stops the server within this long, backlog or not (systemd's TimeoutStopSec is above it). */
export const STOP_BUDGET_MS = 10_000;

const STARTING = {
  code: 'STARTING',
  message_vi: 'Hệ thống đang khởi động, hãy thử lại sau ít giây.',
  message_en: 'The server is starting; try again in a few seconds.',
};
const STOPPING = {
  code: 'STOPPING',
  message_vi: 'Hệ thống đang dừng, hãy thử lại sau ít phút.',
  message_en: 'The server is stopping; try again in a few minutes.',
};

/**
 * Start order: adapters → migrations → routes → listen → background work (cameras, consumers) → demo seed (empty
 * database only, unless disabled). The port is taken before any child process (ffmpeg, the demo RTSP server)
 * exists, so a port already in use fails the start with nothing to clean up; until the background work runs,
 * requests get 503 STARTING. If anything after that fails, what was started is stopped before the error is thrown.
 * Stop order is the reverse, bounded in time (see `stop`).
 */
export async function runApp(config: Config, opts: { seedDemo?: boolean } = {}): Promise<RunningApp> {
  const ctx = await buildContext(config);
  let app: FastifyInstance | undefined;
  let modules: StartedModules | undefined;
  let phase: 'starting' | 'running' | 'stopping' = 'starting';
  const stop = async (budgetMs = STOP_BUDGET_MS) => {
    if (phase === 'stopping') return;
    phase = 'stopping';
    const deadline = Date.now() + budgetMs;
    const left = (share = 1) => Math.max(0, (deadline - Date.now()) * share);
    // New requests get 503 at once; requests in flight get a short grace, then their sockets are closed.
    if (app) {
      const closed = app.close();
      if ((await within(closed, left(0.2))) === 'timeout') app.server.closeAllConnections?.();
    }
    // Background work (cameras finalise their segment, consumers finish the event in hand) gets most of the
    // rest; what is still busy after that is abandoned: its next database call fails and it ends.
    if (modules) await modules.stop(left(0.75));
    await within(ctx.bus.close(), left(0.5));
    await within(ctx.db.close(), left());
  };
  try {
    const applied = await migrate(ctx.db, (m) => ctx.log.info(m));
    ctx.log.info({ applied: applied.length }, 'database migrated');
    app = await buildServer(ctx);
    app.addHook('onRequest', async (_req, reply) => {
      if (phase === 'starting') return reply.status(503).header('retry-after', '5').send(STARTING);
      if (phase === 'stopping') return reply.status(503).header('retry-after', '30').send(STOPPING);
    });
    await app.listen({ host: config.host, port: config.port });
    modules = await startModules(ctx);
    if (opts.seedDemo !== false && (await isEmpty(ctx))) {
      // The demo history is replayed through the running consumers (see src/app/seed/demo-history.ts).
      await seedDemo(ctx, undefined, { settle: settleFor(ctx.bus, modules.flushEvents) });
      ctx.log.warn(`demo agency seeded: accounts admin, chutich, chanhvp, noivu, kiemtra, truongphong, canbo, chutichtp — password ${DEMO_PASSWORD} (change it before real use)`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  phase = 'running';
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host}:${port}`;
  return { ctx, app, url, stop };
}
