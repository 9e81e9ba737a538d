/**
 * attendance — from raw punches and approved justifications to an explainable attendance day per person and
 * session. Owns punches (immutable, idempotent on source + event id), punch sources and their health, clock
 * corrections, justifications (leave, trips, training, WFH) with approval and annual-leave balances, and the
 * computed attendance_days. Publishes `attendance.day_updated.v1` (see attendance.events.ts).
 */
import type { KcModule } from '../../platform/module';
import { attendanceRoutes } from './attendance.routes';
import { ingestRoutes } from './ingest.routes';
import { startTicker } from './jobs';
import { recomputeRoutes } from './recompute.routes';
import { requestRoutes } from './requests.routes';
import { seedAttendanceDemo } from './seed-demo';
import { sourceRoutes } from './sources.routes';

export * from './attendance.events';
export {
  ingestPunch,
  ingestPunches,
  recordHeartbeat,
  reportOutage,
  createManualPunch,
  annulPunch,
  type PunchInput,
  type PunchOrigin,
  type IngestOutcome,
} from './punches.service';
export { issueSourceToken, type AuthenticatedSource } from './source-auth';
export { recomputeRange, recomputeTargets, type AttendanceDeps } from './recompute.service';
export { processDirty, enqueueDirty, enqueueScopeDates } from './dirty-queue';
export { requestJustification, decideJustification, cancelJustification, leaveBalance } from './justifications.service';
export { attendanceTick } from './jobs';
export { computeDay } from './domain/compute-day';
export { STATUS_LABELS, explain } from './domain/explain';
export { seedAttendanceDemo };
export { DEMO_SOURCES } from './seed-demo';

// One ticker per started server (tests may run several in one process); `stop` ends them all.
const tickers = new Set<() => Promise<void>>();

export const attendanceModule: KcModule = {
  name: 'attendance',
  routes: async (app, ctx) => {
    await attendanceRoutes(app, ctx);
    await sourceRoutes(app, ctx);
    await ingestRoutes(app, ctx);
    await requestRoutes(app, ctx);
    await recomputeRoutes(app, ctx);
  },
  start: (ctx) => {
    const seconds = Number(process.env.KC_ATTENDANCE_TICK_SECONDS ?? 60);
    // The clock is read at each tick (not captured here): the demo seed replays past days by setting ctx.now, and a
    // tick that happens meanwhile must see the same time as the replay.
    const deps = { db: ctx.db, bus: ctx.bus, now: () => ctx.now() };
    if (seconds > 0) tickers.add(startTicker(deps, seconds, (e) => ctx.log.error({ err: e }, 'attendance tick failed')));
  },
  // Awaited: a recomputation slice in flight finishes before the database closes (jobs resume on the next start).
  stop: async () => {
    const stopping = [...tickers].map((stop) => stop());
    tickers.clear();
    await Promise.all(stopping);
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
