import type { Db } from '../../platform/ports/db';

/** unit id → unit type code (UBND_XA, PHONG_KINH_TE, …): competence resolves "the employing authority" with it. */
export async function loadUnitTypes(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; unit_type: string }>('SELECT id, unit_type FROM org_units');
  return new Map(rows.map((r) => [r.id, r.unit_type]));
}
