import type { KcModule } from '../../platform/module';
import { DEFAULT_RULES } from './domain/rule-config';
import { rulesRoutes } from './rules.routes';
import { adoptRuleSet } from './rules.service';

export const rulesModule: KcModule = {
  name: 'rules',
  routes: rulesRoutes,
  /** The demo commune adopts the Quế Phong pattern (1st → nhắc nhở; 3rd in a month → written reminder and report). */
  seedDemo: async (ctx, demo) => {
    const unitId = demo.units['TT-UBND'];
    if (!unitId) return;
    await adoptRuleSet(
      ctx.db,
      {
        unitId,
        validFrom: '2025-07-01',
        name: 'Quy chế làm việc của UBND xã Thông Thụ (phần xử lý vi phạm giờ giấc)',
        legalBasis: 'Quyết định ban hành Quy chế làm việc của UBND xã (demo)',
        config: { ...DEFAULT_RULES, repeatGroups: [['LATE', 'EARLY_LEAVE']] },
      },
      { id: null, name: 'system:seed' },
    );
  },
};
