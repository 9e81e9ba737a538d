import type { AppContext, KcModule } from '../../platform/module';
import { ATTENDANCE_DAY_UPDATED, attendanceDayUpdatedSchema } from '../attendance';
import { periodic } from '../../platform/jobs/periodic';
import { resolvePendingEvidence } from './evidence.service';
import { violationsRoutes } from './violations.routes';
import { applyAttendanceDay } from './violations.service';
import { workflowRoutes } from './workflow.routes';
import { sweepOverdueExplanations } from './workflow.service';

export const violationsModule: KcModule = {
  name: 'violations',
  async routes(app, ctx) {
    await violationsRoutes(app, ctx);
    await workflowRoutes(app, ctx);
  },
  /** The attendance consumer, the evidence exporter and the explanation-deadline sweep. */
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
    const stopEvidence = periodic('violation-evidence', 30_000, async () => {
      const r = await resolvePendingEvidence(ctx);
      if (r.ready + r.unavailable + r.failed > 0) ctx.log.info(r, 'violation evidence exported');
    }, ctx.log);
    const stopSweep = periodic('explanation-deadlines', 60_000, async () => {
      const n = await sweepOverdueExplanations(ctx.db, ctx.now());
      if (n > 0) ctx.log.info({ cases: n }, 'explanations past deadline marked NO_ANSWER');
    }, ctx.log);
    return async () => {
      await stopSweep();
      await stopEvidence();
    };
  },
};
