/**
 * org — the temporal organisation graph: units with validity dates, unit types after the 2025 reform, and
 * succession links (merge, split, rename, abolition). Owns tables org_units, org_successions.
 * Emits `org.succession_recorded.v1`. Others use `loadOrgTree` for scope and roll-ups.
 */
import type { KcModule } from '../../platform/module';
import { localDateOf } from '../../platform/time';
import { setAttendanceGoLive } from './go-live';
import { goLiveRoutes } from './go-live.routes';
import { orgRoutes } from './org.routes';

export { loadOrgTree, invalidateOrgTree, OrgTree } from './org-tree';
export { createUnit, getUnit, listUnits } from './org.service';
export { recordSuccession, ORG_SUCCESSION_RECORDED, type SuccessionRecorded } from './org.successions';
export { UNIT_TYPES } from './unit-types';

export { loadGoLiveIndex, setAttendanceGoLive, type GoLiveIndex } from './go-live';

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
    const goLiveOn = new Date(Date.parse(`${today}T00:00:00Z`) - DEMO_HISTORY_DAYS * 86_400_000).toISOString().slice(0, 10);
    await setAttendanceGoLive(ctx.db, { name: 'system:seed' }, { unitId: province, goLiveOn, reason: 'Bắt đầu chấm công bằng hệ thống (dữ liệu mẫu)' });
  },
};
