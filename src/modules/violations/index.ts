/**
 * violations — violations of work discipline opened automatically from attendance days (late, early leave, absent
 * without reason, leave not reported) and by hand (inspection, leader), each judged by the unit's rules in force on
 * its date, with evidence links (gate snapshot, clip around the gate time, gate coverage for an absence) and
 * retraction with a trace when a justification arrives later. Each violation's handling (the former workflow module,
 * one aggregate with it): opened → notified → explanation requested → explained / no answer → decided (dismissed,
 * reminded, escalated) → discipline proposal → closed, with deadlines; explanations (giải trình) with attachments; the
 * leader's decision with a reason; the discipline regime and forms per staff category and date (shown, never chosen).
 * Owns violations, violation_evidence, violation_cases, violation_case_transitions, violation_explanations(_files).
 * Consumes `attendance.day_updated.v1` (durable consumer `violations`).
 */
import type { AppContext, KcModule } from '../../platform/module';
import { ATTENDANCE_DAY_UPDATED, attendanceDayUpdatedSchema } from '../attendance/attendance.events';
import { violationsRoutes } from './violations.routes';
import { periodic } from '../../platform/jobs/periodic';
import { resolvePendingEvidence } from './evidence.service';
import { applyAttendanceDay } from './violations.service';
import { workflowRoutes } from './workflow.routes';
import { sweepOverdueExplanations } from './workflow.service';

export { applyAttendanceDay, openManualViolation, openViolation, retractViolation } from './violations.service';
export { KIND_LABELS } from './domain/labels';
export { dashboard } from './dashboard.repo';
export { resolvePendingEvidence } from './evidence.service';
export { regimeFor, deadlinesFor, type Regime, type DisciplineForm } from './domain/regimes';
export { CASE_STATES, DECISIONS, STATE_LABELS, DECISION_LABELS } from './domain/states';
export { decide, proposeDiscipline, closeCase, requestExplanation, disciplineContext, sweepOverdueExplanations } from './workflow.service';
export { submitExplanation } from './explanations.service';

let stopEvidence: (() => Promise<void>) | null = null;
let stopSweep: (() => Promise<void>) | null = null;

export const violationsModule: KcModule = {
  name: 'violations',
  async routes(app, ctx) {
    await violationsRoutes(app, ctx);
    await workflowRoutes(app, ctx);
  },
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
    stopSweep = periodic('explanation-deadlines', 60_000, async () => {
      const n = await sweepOverdueExplanations(ctx.db, ctx.now());
      if (n > 0) ctx.log.info({ cases: n }, 'explanations past deadline marked NO_ANSWER');
    }, ctx.log);
  },
  async stop() {
    await stopSweep?.();
    stopSweep = null;
    await stopEvidence?.();
    stopEvidence = null;
  },
};
