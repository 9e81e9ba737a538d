import type { KcModule } from '../../platform/module';
import { addDays, localDateOf } from '../../platform/time';
import { setAttendanceGoLive } from './go-live';
import { goLiveRoutes } from './go-live.routes';
import { orgRoutes } from './org.routes';

/** The demo history replays this many days up to yesterday (src/app/seed/demo-history.ts, REPLAY_DAYS). */
const DEMO_HISTORY_DAYS = 28;

export const orgModule: KcModule = {
  name: 'org',
  routes: async (app, ctx) => {
    await orgRoutes(app, ctx);
    await goLiveRoutes(app, ctx);
  },
  // The demo province went live on the first day of its seeded history: every seeded day is judged, none before.
  seedDemo: async (ctx, demo) => {
    const province = demo.units['NA-UBND'];
    if (!province) return;
    const today = localDateOf(ctx.now());
    const goLiveOn = addDays(today, -DEMO_HISTORY_DAYS);
    await setAttendanceGoLive(ctx.db, { name: 'system:seed' }, { unitId: province, goLiveOn, reason: 'Bắt đầu chấm công bằng hệ thống (dữ liệu mẫu)' });
  },
};
