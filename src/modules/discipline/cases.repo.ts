import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import type { DisciplineState } from './domain/states';
import type { StaffCategory } from './domain/forms';

export interface CaseRow {
  id: string;
  person_id: string;
  unit_id: string;
  category: StaffCategory;
  regime_code: string;
  state: DisciplineState;
  council_required: boolean;
  detected_on: string;
  extended: boolean;
  extension_reason: string | null;
  note: string | null;
  opened_by: string | null;
  opened_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  version: number;
}

export interface CaseViolationRow {
  case_id: string;
  violation_id: string;
  occurred_on: string;
  kind: string;
  proposed_on: string;
}

export interface StepRow {
  id: string;
  seq: number;
  case_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  on_date: string;
  actor_id: string | null;
  actor_name: string;
  details: Record<string, unknown>;
  at: Date;
}

const CASE_COLS = `id, person_id, unit_id, category, regime_code, state, council_required, detected_on::text AS detected_on, extended,
  extension_reason, note, opened_by, opened_at, updated_at, closed_at, version`;

export async function insertCase(db: Db, c: Omit<CaseRow, 'updated_at' | 'closed_at' | 'version' | 'extended' | 'extension_reason'>): Promise<void> {
  await db.query(
    `INSERT INTO discipline_cases (id, person_id, unit_id, category, regime_code, state, council_required, detected_on, note, opened_by, opened_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11)`,
    [c.id, c.person_id, c.unit_id, c.category, c.regime_code, c.state, c.council_required, c.detected_on, c.note, c.opened_by, c.opened_at.toISOString()],
  );
}

export async function getCase(db: Db, id: string, lock = false): Promise<CaseRow | undefined> {
  const rows = await db.query<CaseRow>(`SELECT ${CASE_COLS} FROM discipline_cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

export async function listCases(db: Db, q: { unitIds: readonly string[] | null; personId?: string; activeOnly?: boolean }): Promise<CaseRow[]> {
  return db.query<CaseRow>(
    `SELECT ${CASE_COLS} FROM discipline_cases
      WHERE ($1::uuid[] IS NULL OR unit_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR person_id = $2)
        AND (NOT $3 OR state NOT IN ('DECIDED', 'DELIVERED', 'DROPPED'))
      ORDER BY opened_at DESC LIMIT 500`,
    [q.unitIds, q.personId ?? null, q.activeOnly ?? false],
  );
}

export async function setState(db: Db, id: string, state: DisciplineState, at: Date, closed = false): Promise<void> {
  await db.query(
    `UPDATE discipline_cases SET state = $2, updated_at = $3, version = version + 1${closed ? ', closed_at = $3' : ''} WHERE id = $1`,
    [id, state, at.toISOString()],
  );
}

export async function setExtended(db: Db, id: string, reason: string, at: Date): Promise<void> {
  await db.query('UPDATE discipline_cases SET extended = true, extension_reason = $2, updated_at = $3, version = version + 1 WHERE id = $1', [id, reason, at.toISOString()]);
}

export async function insertCaseViolation(db: Db, r: CaseViolationRow): Promise<void> {
  await db.query('INSERT INTO discipline_case_violations (case_id, violation_id, occurred_on, kind, proposed_on) VALUES ($1,$2,$3,$4,$5)', [
    r.case_id,
    r.violation_id,
    r.occurred_on,
    r.kind,
    r.proposed_on,
  ]);
}

export async function caseViolations(db: Db, caseId: string): Promise<CaseViolationRow[]> {
  return db.query<CaseViolationRow>(
    `SELECT case_id, violation_id, occurred_on::text AS occurred_on, kind, proposed_on::text AS proposed_on
       FROM discipline_case_violations WHERE case_id = $1 ORDER BY occurred_on`,
    [caseId],
  );
}

/** Violation ids already in some case (a violation is considered once). */
export async function linkedViolationIds(db: Db, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ violation_id: string }>('SELECT violation_id FROM discipline_case_violations WHERE violation_id = ANY($1::uuid[])', [ids]);
  return rows.map((r) => r.violation_id);
}

export async function insertStep(db: Db, s: Omit<StepRow, 'id' | 'seq'>): Promise<void> {
  await db.query(
    `INSERT INTO discipline_steps (id, case_id, action, from_state, to_state, on_date, actor_id, actor_name, details, at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [randomUUID(), s.case_id, s.action, s.from_state, s.to_state, s.on_date, s.actor_id, s.actor_name, JSON.stringify(s.details), s.at.toISOString()],
  );
}

export async function stepsOf(db: Db, caseId: string): Promise<StepRow[]> {
  return db.query<StepRow>(
    `SELECT id, seq::int AS seq, case_id, action, from_state, to_state, on_date::text AS on_date, actor_id, actor_name, details, at
       FROM discipline_steps WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
}

/** Records a warning once; true when it was not sent before. */
export async function claimWarning(db: Db, caseId: string, kind: string, dueOn: string, at: Date): Promise<boolean> {
  const rows = await db.query<{ case_id: string }>(
    'INSERT INTO discipline_warnings (case_id, kind, due_on, sent_at) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING case_id',
    [caseId, kind, dueOn, at.toISOString()],
  );
  return rows.length > 0;
}
