import type { Bus } from '../../platform/ports/bus';
import type { AppContext, DemoAgency } from '../../platform/module';
import { MODULES } from '../modules';
import { startModules } from '../server';
import { seedDemo } from './seed';

/**
 * How the demo seed waits for the event pipeline: publish the outbox, then wait until the consumers are idle. Only
 * the in-process bus can tell when its consumers are idle; with NATS this returns null and the demo history is
 * computed without events (src/app/seed/demo-history.ts).
 */
export function settleFor(bus: Bus, flushEvents: () => Promise<void>): (() => Promise<void>) | null {
  const idle = (bus as Partial<{ idle(): Promise<void> }>).idle?.bind(bus);
  if (!idle) return null;
  return async () => {
    await flushEvents();
    await idle();
  };
}

/** The modules whose consumers turn attendance days into violations and notices (no cameras, no face engine). */
const PIPELINE = new Set(['people', 'violations', 'notifications']);

/**
 * `kycuong seed` outside a running server: starts only the event consumers the demo history goes through, seeds,
 * and stops them, so the seeded database is the same as the one `kycuong start` seeds.
 */
export async function seedDemoStandalone(ctx: AppContext): Promise<DemoAgency> {
  const modules = await startModules(ctx, MODULES.filter((m) => PIPELINE.has(m.name)));
  try {
    return await seedDemo(ctx, MODULES, { settle: settleFor(ctx.bus, modules.flushEvents) });
  } finally {
    await modules.stop();
  }
}
