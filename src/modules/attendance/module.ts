import { localDateOf } from '../../platform/time';
import type { KcModule } from '../../platform/module';
import { onCalendarChanged } from '../calendar';
import { attendanceRoutes } from './attendance.routes';
import { enqueueScopeDates } from './dirty-queue';
import { ingestRoutes } from './ingest.routes';
import { startTicker } from './jobs';
import { recomputeRoutes } from './recompute.routes';
import { requestRoutes } from './requests.routes';
import { seedAttendanceDemo } from './seed-demo';
import { sourceRoutes } from './sources.routes';
import { todayRoutes } from './today.routes';

export const attendanceModule: KcModule = {
  name: 'attendance',
  routes: async (app, ctx) => {
    await attendanceRoutes(app, ctx);
    await sourceRoutes(app, ctx);
    await ingestRoutes(app, ctx);
    await requestRoutes(app, ctx);
    await recomputeRoutes(app, ctx);
    await todayRoutes(app, ctx);
    // A holiday or roster changed after the fact: its closed days are recomputed (queued in the writer's transaction).
    // Registered with the routes, so the calendar API never changes a day without it.
    onCalendarChanged(ctx, (tx, change) => enqueueScopeDates(tx, change.units, change.dates, localDateOf(ctx.now())));
  },
  start: (ctx) => {
    const seconds = ctx.config.attendance.tickSeconds;
    if (seconds <= 0) return;
    // The clock is read at each tick (not captured here): the demo seed replays past days by setting ctx.now, and a
    // tick that happens meanwhile must see the same time as the replay.
    const deps = { db: ctx.db, bus: ctx.bus, now: () => ctx.now() };
    // Awaited at stop: a recomputation slice in flight finishes before the database closes (jobs resume on the next start).
    return startTicker(deps, seconds, (e) => ctx.log.error({ err: e }, 'attendance tick failed'));
  },
  seedDemo: async (ctx, demo) => {
    const province = demo.units['NA-UBND'];
    const root = demo.units['TT-UBND'];
    if (!province || !root) return;
    await seedAttendanceDemo(ctx.db, {
      provinceUnitId: province,
      rootUnitId: root,
      oneStopUnitId: demo.units['TT-MOTCUA'] ?? null,
      oneStopCentreUnitId: demo.units['TT-TTPVHCC'] ?? null,
      neighbourUnitId: demo.units['TP-UBND'] ?? null,
    });
  },
};
