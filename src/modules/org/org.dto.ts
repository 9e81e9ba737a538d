import { z } from 'zod';
import type { UnitRow } from './org.service';
import type { SuccessionRow } from './org.successions';

export const ZAdminLevel = z.enum(['TRUNG_UONG', 'TINH', 'HUYEN', 'XA', 'KHAC']);
export const ZSuccessionKind = z.enum(['MERGE', 'SPLIT', 'RENAME', 'ABOLISH_TRANSFER_FUNCTIONS']);

/** A unit type after the 2025 reform (unit-types.ts), with its labels. */
export const ZOrgUnitType = z
  .object({ code: z.string(), vi: z.string(), en: z.string(), adminLevel: ZAdminLevel })
  .meta({ id: 'OrgUnitType' });

/** A unit of the organisation graph. Dates are YYYY-MM-DD; validTo is exclusive. */
export const ZOrgUnit = z
  .object({
    id: z.guid(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    unitType: z.string().describe('A code of /api/org/unit-types'),
    adminLevel: ZAdminLevel,
    adminUnitCode: z.string().nullable(),
    parentId: z.guid().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    legalBasis: z.string().nullable(),
    staffCount: z.number().int().describe('Staff attached to the unit who have not left'),
  })
  .meta({ id: 'OrgUnit' });

export function unitDto(u: UnitRow & { staff_count?: number }): z.output<typeof ZOrgUnit> {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    shortName: u.short_name,
    unitType: u.unit_type,
    // The column's CHECK constraint holds it to these values.
    adminLevel: u.admin_level as z.output<typeof ZAdminLevel>,
    adminUnitCode: u.admin_unit_code,
    parentId: u.parent_id,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    legalBasis: u.legal_basis,
    staffCount: u.staff_count ?? 0,
  };
}

/** A unit before or after a succession (merge, split, rename, abolition) of the unit shown. */
export const ZOrgUnitLink = z
  .object({ id: z.guid(), name: z.string(), kind: ZSuccessionKind, effectiveDate: z.string() })
  .meta({ id: 'OrgUnitLink' });

export const ZOrgUnitDetail = ZOrgUnit.extend({
  ancestry: z.array(z.object({ id: z.guid(), name: z.string() })).describe('Path from the root to the unit'),
  predecessors: z.array(ZOrgUnitLink),
  successors: z.array(ZOrgUnitLink),
}).meta({ id: 'OrgUnitDetail' });

/** A recorded merge, split, rename or abolition. */
export const ZOrgSuccession = z
  .object({
    id: z.guid(),
    kind: ZSuccessionKind,
    fromIds: z.array(z.guid()),
    toIds: z.array(z.guid()),
    effectiveDate: z.string(),
    legalBasis: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'OrgSuccession' });

export const successionDto = (s: SuccessionRow): z.output<typeof ZOrgSuccession> => ({
  id: s.id,
  kind: s.kind,
  fromIds: s.from_ids,
  toIds: s.to_ids,
  effectiveDate: s.effective_date,
  legalBasis: s.legal_basis,
  note: s.note,
});

/** First day whose attendance is judged in a unit: its own go-live date, else inherited, else the unit's start. */
export const ZAttendanceGoLive = z
  .object({
    unitId: z.guid(),
    own: z.string().nullable().describe('The go-live date set on the unit itself'),
    judgedFrom: z.string().describe('The first judged day: own date, else inherited from a parent, else the start of the unit'),
  })
  .meta({ id: 'AttendanceGoLive' });

export const ZAttendanceGoLiveChange = z
  .object({ unitId: z.guid(), goLiveOn: z.string(), previous: z.string().nullable() })
  .meta({ id: 'AttendanceGoLiveChange' });
