/**
 * violations — violations of work discipline opened automatically from attendance days (late, early leave, absent
 * without reason, leave not reported) and by hand (inspection, leader), each judged by the unit's rules in force on
 * its date, with evidence links (gate snapshot, clip around the gate time, gate coverage for an absence) and
 * retraction with a trace when a justification arrives later. Owns violations, violation_evidence.
 * Consumes `attendance.day_updated.v1` (durable consumer `violations`).
 */
import type { AppContext, KcModule } from '../../platform/module';
import { ATTENDANCE_DAY_UPDATED, attendanceDayUpdatedSchema } from '../attendance/attendance.events';
import { violationsRoutes } from './violations.routes';
import { periodic } from '../notifications/worker';
import { resolvePendingEvidence } from './evidence.service';
import { applyAttendanceDay } from './violations.service';

export { applyAttendanceDay, openManualViolation, openViolation, retractViolation } from './violations.service';
export { KIND_LABELS } from './domain/labels';
export { dashboard } from './dashboard.repo';
export { resolvePendingEvidence } from './evidence.service';

let stopEvidence: (() => Promise<void>) | null = null;

export const violationsModule: KcModule = {
  name: 'violations',
  routes: violationsRoutes,
  async start(ctx: AppContext) {
    await ctx.bus.subscribe(ATTENDANCE_DAY_UPDATED, 'violations', async (ev) => {
      // A malformed event would fail the same way on every redelivery: log it and acknowledge it.
      if (!attendanceDayUpdatedSchema.safeParse(ev.data).success) {
        ctx.log.error({ event: ev.id, subject: ev.subject }, 'malformed attendance.day_updated.v1 event ignored');
        return;
      }
      const out = await applyAttendanceDay(ctx.db, ev.data, ctx.now());
      if (out.opened.length + out.retracted.length > 0 || out.stale)
        ctx.log.info({ event: ev.id, opened: out.opened.length, retracted: out.retracted.length, stale: out.stale }, 'violations updated from attendance');
    });
    stopEvidence = periodic('violation-evidence', 30_000, async () => {
      const r = await resolvePendingEvidence(ctx);
      if (r.ready + r.unavailable + r.failed > 0) ctx.log.info(r, 'violation evidence exported');
    }, ctx.log);
  },
  async stop() {
    await stopEvidence?.();
    stopEvidence = null;
  },
};
