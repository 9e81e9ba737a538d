import type { KcModule } from '../../platform/module';
import { ORG_SUCCESSION_RECORDED, type SuccessionRecorded } from '../org';
import { peopleRoutes } from './people.routes';
import { moveStaffForSuccession } from './people.service';

export const peopleModule: KcModule = {
  name: 'people',
  routes: peopleRoutes,
  async start(ctx) {
    await ctx.bus.subscribe<SuccessionRecorded>(ORG_SUCCESSION_RECORDED, 'people.move-staff', async (ev) => {
      if (!ev.data.moveStaff) return;
      const moved = await moveStaffForSuccession(ctx.db, ev.data);
      ctx.log.info({ succession: ev.data.successionId, moved }, 'staff moved after succession');
    });
  },
};
