/**
 * workflow — the handling of each violation: opened → notified → explanation requested → explained / no answer →
 * decided (dismissed, reminded, escalated) → discipline proposal → closed, with deadlines; explanations (giải
 * trình) with attachments; the leader's decision with a reason; the discipline regime and forms per staff category
 * and date (shown, never chosen). Owns violation_cases, violation_case_transitions, violation_explanations(_files).
 */
import type { AppContext, KcModule } from '../../platform/module';
import { periodic } from '../notifications/worker';
import { workflowRoutes } from './workflow.routes';
import { sweepOverdueExplanations } from './workflow.service';

export { regimeFor, deadlinesFor, type Regime, type DisciplineForm } from './domain/regimes';
export { CASE_STATES, DECISIONS, STATE_LABELS, DECISION_LABELS } from './domain/states';
export { decide, proposeDiscipline, closeCase, requestExplanation, disciplineContext, sweepOverdueExplanations } from './workflow.service';
export { submitExplanation } from './explanations.service';

let stopSweep: (() => Promise<void>) | null = null;

export const workflowModule: KcModule = {
  name: 'workflow',
  routes: workflowRoutes,
  start(ctx: AppContext) {
    stopSweep = periodic('explanation-deadlines', 60_000, async () => {
      const n = await sweepOverdueExplanations(ctx.db, ctx.now());
      if (n > 0) ctx.log.info({ cases: n }, 'explanations past deadline marked NO_ANSWER');
    }, ctx.log);
  },
  async stop() {
    await stopSweep?.();
    stopSweep = null;
  },
};
