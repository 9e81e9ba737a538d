/**
 * org — the temporal organisation graph: units with validity dates, unit types after the 2025 reform, and
 * succession links (merge, split, rename, abolition). Owns tables org_units, org_successions.
 * Emits `org.succession_recorded.v1`. Others use `loadOrgTree` for scope and roll-ups.
 */
import type { KcModule } from '../../app/context';
import { orgRoutes } from './org.routes';

export { loadOrgTree, invalidateOrgTree, OrgTree } from './org-tree';
export { createUnit, getUnit, listUnits } from './org.service';
export { recordSuccession, ORG_SUCCESSION_RECORDED, type SuccessionRecorded } from './org.successions';
export { UNIT_TYPES } from './unit-types';

export const orgModule: KcModule = { name: 'org', routes: orgRoutes };
