import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import { migrate } from '../platform/db/migrate';
import type { AppContext } from './context';
import { buildContext } from './container';
import { settleFor } from './seed/pipeline';
import { isEmpty, seedDemo } from './seed/seed';
import { buildServer, startModules } from './server';
import { DEMO_PASSWORD } from './seed/demo-org';

export interface RunningApp {
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  stop(): Promise<void>;
}

/**
 * Start order: adapters → migrations → demo seed (empty database only, unless disabled) → routes → listen →
 * background work. Stop order is the reverse, and SIGINT/SIGTERM trigger it.
 */
export async function runApp(config: Config, opts: { seedDemo?: boolean } = {}): Promise<RunningApp> {
  const ctx = await buildContext(config);
  const applied = await migrate(ctx.db, (m) => ctx.log.info(m));
  ctx.log.info({ applied: applied.length }, 'database migrated');
  const app = await buildServer(ctx);
  const modules = await startModules(ctx);
  if (opts.seedDemo !== false && (await isEmpty(ctx))) {
    // The demo history is replayed through the running consumers (see src/app/seed/demo-history.ts).
    await seedDemo(ctx, undefined, { settle: settleFor(ctx.bus, modules.flushEvents) });
    ctx.log.warn(`demo agency seeded: accounts admin, chutich, chanhvp, noivu, kiemtra, truongphong, canbo, chutichtp — password ${DEMO_PASSWORD} (change it before real use)`);
  }
  await app.listen({ host: config.host, port: config.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host}:${port}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await app.close();
    await modules.stop();
    await ctx.bus.close();
    await ctx.db.close();
  };
  return { ctx, app, url, stop };
}
