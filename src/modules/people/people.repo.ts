import type { Db } from '../../platform/ports/db';
import { searchKey } from '../../platform/text/search-key';
import type { PersonRow } from './people.types';

export interface StaffQuery {
  q?: string;
  unitIds?: string[];
  category?: string;
  status?: string;
  /** Restrict to these units (the caller's scope); undefined = no restriction. */
  scopeUnitIds?: string[];
  /** Self access: only this person. */
  onlyPersonId?: string;
  sort: 'fullName' | 'employeeCode' | 'unitName' | 'category' | 'status' | 'joinedOn';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

// Whitelisted sort columns: the sort key never reaches SQL as text from the client.
const SORT_SQL: Record<StaffQuery['sort'], string> = {
  fullName: 'p.search_text',
  employeeCode: 'p.employee_code',
  unitName: 'u.name',
  category: 'p.category',
  status: 'p.status',
  joinedOn: 'p.joined_on',
};

function whereClause(q: Omit<StaffQuery, 'sort' | 'order' | 'page' | 'pageSize'>, params: unknown[]): string {
  const where: string[] = [];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (q.q) {
    const key = `%${searchKey(q.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add((n) => `(p.search_text LIKE $${n} OR lower(p.employee_code) LIKE $${n})`, key);
  }
  if (q.unitIds) add((n) => `p.unit_id = ANY($${n}::uuid[])`, q.unitIds);
  if (q.scopeUnitIds) add((n) => `p.unit_id = ANY($${n}::uuid[])`, q.scopeUnitIds);
  if (q.onlyPersonId) add((n) => `p.id = $${n}`, q.onlyPersonId);
  if (q.category) add((n) => `p.category = $${n}`, q.category);
  if (q.status) add((n) => `p.status = $${n}`, q.status);
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

export async function queryStaff(db: Db, q: StaffQuery): Promise<{ rows: PersonRow[]; total: number }> {
  const params: unknown[] = [];
  const where = whereClause(q, params);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM persons p ${where}`, params);
  const dir = q.order === 'desc' ? 'DESC' : 'ASC';
  const rows = await db.query<PersonRow>(
    `SELECT p.*, u.name AS unit_name FROM persons p JOIN org_units u ON u.id = p.unit_id ${where}
      ORDER BY ${SORT_SQL[q.sort]} ${dir} NULLS LAST, p.employee_code
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { rows, total: total[0]?.n ?? 0 };
}

/** Every matching row, in pages, for exports (never loads 50,000 rows at once). */
export async function* streamStaff(db: Db, q: Omit<StaffQuery, 'page' | 'pageSize'>): AsyncIterable<PersonRow> {
  const pageSize = 2000;
  for (let page = 1; ; page++) {
    const { rows } = await queryStaff(db, { ...q, page, pageSize });
    yield* rows;
    if (rows.length < pageSize) return;
  }
}

export async function getPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  const rows = await db.query<PersonRow>(
    'SELECT p.*, u.name AS unit_name FROM persons p JOIN org_units u ON u.id = p.unit_id WHERE p.id = $1',
    [id],
  );
  return rows[0];
}

export async function personHistory(db: Db, personId: string) {
  return db.query<{
    unit_id: string;
    unit_name: string;
    position_title: string | null;
    assignment_kind: string;
    valid_from: string;
    valid_to: string | null;
    legal_basis: string | null;
  }>(
    `SELECT h.unit_id, u.name AS unit_name, h.position_title, h.assignment_kind, h.valid_from, h.valid_to, h.legal_basis
       FROM person_unit_history h JOIN org_units u ON u.id = h.unit_id
      WHERE h.person_id = $1 ORDER BY h.valid_from`,
    [personId],
  );
}

/** The unit a person belonged to on a date (records refer to the unit valid at their date). */
export async function unitOfPersonAt(db: Db, personId: string, date: string): Promise<string | undefined> {
  const rows = await db.query<{ unit_id: string }>(
    `SELECT unit_id FROM person_unit_history
      WHERE person_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
      ORDER BY valid_from DESC LIMIT 1`,
    [personId, date],
  );
  return rows[0]?.unit_id;
}

export type PersonHistoryRow = Awaited<ReturnType<typeof personHistory>>[number];

export interface StaffImportRow {
  id: string;
  file_name: string;
  requested_by: string | null;
  status: 'RUNNING' | 'DONE' | 'FAILED';
  total_rows: number;
  inserted_rows: number;
  updated_rows: number;
  rejected_rows: number;
  report_key: string | null;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export async function getStaffImport(db: Db, id: string): Promise<StaffImportRow | undefined> {
  const rows = await db.query<StaffImportRow>('SELECT * FROM staff_imports WHERE id = $1', [id]);
  return rows[0];
}

/** Where an import's error report is stored, and who ran the import. */
export async function staffImportReport(db: Db, id: string): Promise<{ report_key: string | null; requested_by: string | null } | undefined> {
  const rows = await db.query<{ report_key: string | null; requested_by: string | null }>(
    'SELECT report_key, requested_by FROM staff_imports WHERE id = $1',
    [id],
  );
  return rows[0];
}

/** The user account linked to a staff record, if any. */
export async function accountOfPerson(db: Db, personId: string): Promise<{ id: string; username: string } | undefined> {
  const account = await db.query<{ id: string; username: string }>('SELECT id, username FROM users WHERE person_id = $1', [personId]);
  return account[0];
}
