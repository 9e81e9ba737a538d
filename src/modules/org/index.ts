/**
 * org — the temporal organisation graph: units with validity dates, unit types after the 2025 reform, and
 * succession links (merge, split, rename, abolition). Owns tables org_units, org_successions.
 * Emits `org.succession_recorded.v1`. Others use `loadOrgTree` for scope and roll-ups, `loadGoLiveIndex` for the
 * day attendance starts to be judged in each unit.
 */
export { loadOrgTree } from './org-tree';
export { createUnit, getUnit, listUnits, type UnitRow } from './org.service';
export { UNIT_TYPES } from './unit-types';
export { recordSuccession, listSuccessions, ORG_SUCCESSION_RECORDED, type SuccessionRecorded, type SuccessionRow } from './org.successions';
export { loadGoLiveIndex, type GoLiveIndex } from './go-live';
export { loadUnitTypes } from './unit-types-index';
