import { periodic } from '../../platform/jobs/periodic';
import type { AppContext, KcModule } from '../../platform/module';
import { followupRoutes } from './followup.routes';
import { inspectionsRoutes } from './inspections.routes';
import { mediaRoutes } from './media.routes';
import { plansRoutes } from './plans.routes';
import { remediationReminders } from './followup.service';
import { seedInspectionsDemo } from './seed-demo';

export const inspectionsModule: KcModule = {
  name: 'inspections',
  async routes(app, ctx) {
    // Static paths (plans, checklists, stats) before /:id, though the router prefers them anyway.
    await plansRoutes(app, ctx);
    await inspectionsRoutes(app, ctx);
    await mediaRoutes(app, ctx);
    await followupRoutes(app, ctx);
  },
  seedDemo: seedInspectionsDemo,
  /** The remediation reminders and overdue flags: checked hourly, each notice sent once (its date is kept). */
  async start(ctx: AppContext) {
    return periodic('inspection-remediations', 3_600_000, async () => {
      const n = await remediationReminders(ctx.db, ctx.now());
      if (n.reminded + n.overdue > 0) ctx.log.info(n, 'inspection remediation reminders sent');
    }, ctx.log);
  },
};
