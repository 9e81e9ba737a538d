/**
 * org — the temporal organisation graph: units with validity dates, unit types after the 2025 reform, and
 * succession links (merge, split, rename, abolition). Owns tables org_units, org_successions.
 * Emits `org.succession_recorded.v1`. Others use `loadOrgTree` for scope and roll-ups, `loadGoLiveIndex` for the
 * day attendance starts to be judged in each unit.
 */
export { loadOrgTree } from './org-tree';
export { createUnit } from './org.service';
export { recordSuccession, ORG_SUCCESSION_RECORDED, type SuccessionRecorded } from './org.successions';
export { loadGoLiveIndex, type GoLiveIndex } from './go-live';
export { loadUnitTypes } from './unit-types-index';
