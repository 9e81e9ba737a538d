import type { AppContext, KcModule } from '../../platform/module';
import { periodic } from '../../platform/jobs/periodic';
import { casesRoutes } from './cases.routes';
import { sendDeadlineWarnings } from './deadline-warnings';
import { stepsRoutes } from './steps.routes';

export const disciplineModule: KcModule = {
  name: 'discipline',
  async routes(app, ctx) {
    await casesRoutes(app, ctx);
    await stepsRoutes(app, ctx);
  },
  /** The hourly check of processing and limitation deadlines (each warning is sent once). */
  async start(ctx: AppContext) {
    return periodic('discipline-deadlines', 3_600_000, async () => {
      const n = await sendDeadlineWarnings(ctx.db, ctx.now());
      if (n > 0) ctx.log.info({ warnings: n }, 'discipline deadline warnings sent');
    }, ctx.log);
  },
};
