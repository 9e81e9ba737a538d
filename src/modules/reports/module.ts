import type { AppContext, KcModule } from '../../platform/module';
import { scheduleDailyDigest } from '../notifications';
import { dashboardRoutes } from './dashboard.routes';
import { sendDailyDigest } from './digest';

export const reportsModule: KcModule = {
  name: 'reports',
  routes: dashboardRoutes,
  /** The leaders' daily digest, sent once a day after KC_DIGEST_HOUR through the notifications module's batching. */
  start(ctx: AppContext) {
    return scheduleDailyDigest(ctx, 'daily-digest', (date, now) => sendDailyDigest(ctx.db, date, now));
  },
};
