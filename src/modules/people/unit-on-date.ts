import type { Db } from '../../platform/ports/db';
import type { Category } from './people.types';

/** What competence needs to know of a person on a date: who, which category, which unit then. */
export interface PersonOnDate {
  personId: string;
  fullName: string;
  /** Mã cán bộ (attendance's "Hôm nay" list names people by it). */
  employeeCode: string;
  email: string | null;
  category: Category;
  /** The unit of the person's history valid on the date; the current unit when the history has no row then. */
  unitId: string;
}

export async function personsOnDate(db: Db, personIds: readonly string[], date: string): Promise<PersonOnDate[]> {
  if (personIds.length === 0) return [];
  const rows = await db.query<{ id: string; full_name: string; employee_code: string; email: string | null; category: Category; unit_id: string; hist_unit: string | null }>(
    `SELECT p.id, p.full_name, p.employee_code, p.email, p.category, p.unit_id,
            (SELECT h.unit_id FROM person_unit_history h
              WHERE h.person_id = p.id AND h.valid_from <= $2 AND (h.valid_to IS NULL OR h.valid_to > $2)
              ORDER BY h.valid_from DESC LIMIT 1) AS hist_unit
       FROM persons p WHERE p.id = ANY($1::uuid[])`,
    [[...personIds], date],
  );
  return rows.map((r) => ({ personId: r.id, fullName: r.full_name, employeeCode: r.employee_code, email: r.email, category: r.category, unitId: r.hist_unit ?? r.unit_id }));
}

export async function personOnDate(db: Db, personId: string, date: string): Promise<PersonOnDate | undefined> {
  return (await personsOnDate(db, [personId], date))[0];
}
