/**
 * people — staff records for a whole career: category, position, unit history (which unit on which date), status,
 * bulk XLSX import with a per-row error report, export. Owns persons, person_unit_history, staff_imports.
 * Consumes `org.succession_recorded.v1` to move staff of merged units to their successor.
 */
import type { AppContext, KcModule } from '../../platform/module';
import { ORG_SUCCESSION_RECORDED, type SuccessionRecorded } from '../org/org.successions';
import { peopleRoutes } from './people.routes';
import { moveStaffForSuccession } from './people.service';

export { getPerson, unitOfPersonAt, queryStaff } from './people.repo';
export { createPerson, transferPerson, updatePerson } from './people.service';
export { importStaff } from './staff-import';
export { CATEGORIES, CATEGORY_LABELS, STATUS_LABELS, type PersonRow } from './people.types';

export const peopleModule: KcModule = {
  name: 'people',
  routes: peopleRoutes,
  async start(ctx: AppContext) {
    await ctx.bus.subscribe<SuccessionRecorded>(ORG_SUCCESSION_RECORDED, 'people.move-staff', async (ev) => {
      if (!ev.data.moveStaff) return;
      const moved = await moveStaffForSuccession(ctx.db, ev.data);
      ctx.log.info({ succession: ev.data.successionId, moved }, 'staff moved after succession');
    });
  },
};
