import type { AppContext, KcModule } from '../../platform/module';
import { scheduleDailyDigest } from '../notifications';
import { dashboardRoutes } from './dashboard.routes';
import { sendDailyDigest } from './digest';
import { todayAttendanceRoutes } from './today-attendance';

export const reportsModule: KcModule = {
  name: 'reports',
  routes: async (app, ctx) => {
    await dashboardRoutes(app, ctx);
    await todayAttendanceRoutes(app, ctx);
  },
  /** The leaders' daily digest, sent once a day after KC_DIGEST_HOUR through the notifications module's batching. */
  start(ctx: AppContext) {
    return scheduleDailyDigest(ctx, 'daily-digest', (date, now) => sendDailyDigest(ctx.db, date, now));
  },
};
