import type { Db } from '../../platform/ports/db';

/**
 * Read-only views of the lead's org and people tables that attendance needs: who works where on which date
 * (person_unit_history), employment dates, and the unit tree for schedule and rule inheritance.
 */
export interface StaffRow {
  id: string;
  unitId: string;
  joinedOn: string | null;
  leftOn: string | null;
}

export interface UnitSpell {
  unitId: string;
  validFrom: string;
  validTo: string | null;
}

export async function loadOrgParents(db: Db): Promise<Map<string, string | null>> {
  const rows = await db.query<{ id: string; parent_id: string | null }>('SELECT id, parent_id FROM org_units');
  return new Map(rows.map((r) => [r.id, r.parent_id]));
}

/** The unit followed by its parents up to the root. */
export function ancestryOf(unitId: string, parents: ReadonlyMap<string, string | null>): string[] {
  const out: string[] = [];
  let cur: string | null | undefined = unitId;
  while (cur && out.length < 64 && !out.includes(cur)) {
    out.push(cur);
    cur = parents.get(cur);
  }
  return out;
}

/** Every unit in the subtree of `unitId` (the unit itself included). */
export function subtreeOf(unitId: string, parents: ReadonlyMap<string, string | null>): string[] {
  const children = new Map<string, string[]>();
  for (const [id, p] of parents) if (p) children.set(p, [...(children.get(p) ?? []), id]);
  const out: string[] = [];
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.includes(id)) continue;
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export async function loadStaff(db: Db, personIds: readonly string[]): Promise<StaffRow[]> {
  const rows = await db.query<{ id: string; unit_id: string; joined_on: string | null; left_on: string | null }>(
    'SELECT id, unit_id, joined_on, left_on FROM persons WHERE id = ANY($1::uuid[])',
    [personIds],
  );
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, joinedOn: r.joined_on, leftOn: r.left_on }));
}

/** Persons who may have been employed at some point in [from, to]. */
export async function listStaffIds(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM persons WHERE (joined_on IS NULL OR joined_on <= $2) AND (left_on IS NULL OR left_on >= $1) ORDER BY id`,
    [from, to],
  );
  return rows.map((r) => r.id);
}

export async function loadUnitHistory(db: Db, personIds: readonly string[]): Promise<Map<string, UnitSpell[]>> {
  const rows = await db.query<{ person_id: string; unit_id: string; valid_from: string; valid_to: string | null }>(
    'SELECT person_id, unit_id, valid_from, valid_to FROM person_unit_history WHERE person_id = ANY($1::uuid[]) ORDER BY valid_from',
    [personIds],
  );
  const out = new Map<string, UnitSpell[]>();
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ unitId: r.unit_id, validFrom: r.valid_from, validTo: r.valid_to });
    out.set(r.person_id, list);
  }
  return out;
}

/**
 * The unit a person belonged to on a date and whether they were employed then. With history rows, a date outside
 * every spell is "not employed"; without any, the person's current unit is used. joined_on and left_on are
 * inclusive (left_on = last day of service).
 */
export function placementOn(staff: StaffRow, history: readonly UnitSpell[] | undefined, date: string): { unitId: string; employed: boolean } {
  let employed = (staff.joinedOn === null || date >= staff.joinedOn) && (staff.leftOn === null || date <= staff.leftOn);
  let unitId = staff.unitId;
  if (history && history.length > 0) {
    const spell = history.find((h) => date >= h.validFrom && (h.validTo === null || date < h.validTo));
    if (spell) unitId = spell.unitId;
    else {
      employed = false;
      // Outside every spell, keep the nearest spell's unit so the row still lands in a sensible timesheet.
      const before = [...history].reverse().find((h) => h.validFrom <= date);
      unitId = (before ?? history[0])?.unitId ?? staff.unitId;
    }
  }
  return { unitId, employed };
}

/** A person's current unit; undefined when no such person. */
export async function findPersonUnit(db: Db, personId: string): Promise<{ unit_id: string } | undefined> {
  const [p] = await db.query<{ unit_id: string }>('SELECT unit_id FROM persons WHERE id = $1', [personId]);
  return p;
}

/** A unit's name; undefined when no such unit. */
export async function findUnitName(db: Db, unitId: string): Promise<{ name: string } | undefined> {
  const [unit] = await db.query<{ name: string }>('SELECT name FROM org_units WHERE id = $1', [unitId]);
  return unit;
}

/** Persons placed in one of the units at some point in [from, to], and those whose current unit is one of them. */
export async function personsOfUnitsDuring(db: Db, units: readonly string[], from: string, to: string): Promise<string[]> {
  const persons = await db.query<{ person_id: string }>(
    `SELECT DISTINCT person_id FROM person_unit_history WHERE unit_id = ANY($1::uuid[]) AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $2)
         UNION SELECT id FROM persons WHERE unit_id = ANY($1::uuid[])`,
    [units, from, to],
  );
  return persons.map((p) => p.person_id);
}
