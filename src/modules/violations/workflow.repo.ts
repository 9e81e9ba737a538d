import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/ports/db';
import type { CaseState, Decision } from './domain/states';

export interface CaseRow {
  violation_id: string;
  state: CaseState;
  explanation_due_at: Date | null;
  decision: Decision | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  proposal: Record<string, unknown> | null;
  processing_due_on: string | null;
  limitation_until: string | null;
  version: number;
  opened_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

export interface TransitionRow {
  id: string;
  seq: number;
  violation_id: string;
  from_state: CaseState | null;
  to_state: CaseState;
  actor_id: string | null;
  actor_name: string;
  reason: string | null;
  details: Record<string, unknown>;
  at: Date;
}

export interface ExplanationRow {
  id: string;
  violation_id: string;
  person_id: string;
  body: string;
  submitted_by: string | null;
  submitted_at: Date;
}

export interface ExplanationFileRow {
  id: string;
  explanation_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  blob_key: string;
}

export async function getCase(db: Db, violationId: string, lock = false): Promise<CaseRow | undefined> {
  const rows = await db.query<CaseRow>(`SELECT * FROM violation_cases WHERE violation_id = $1${lock ? ' FOR UPDATE' : ''}`, [violationId]);
  return rows[0];
}

export async function insertCase(db: Db, violationId: string, at: Date): Promise<CaseRow> {
  const rows = await db.query<CaseRow>(
    `INSERT INTO violation_cases (violation_id, state, opened_at, updated_at) VALUES ($1, 'OPENED', $2, $2) RETURNING *`,
    [violationId, at.toISOString()],
  );
  return rows[0] as CaseRow;
}

const PATCHABLE = ['explanation_due_at', 'decision', 'decision_reason', 'decided_by', 'decided_at', 'proposal', 'processing_due_on', 'limitation_until', 'closed_at'] as const;
export type CasePatch = Partial<Pick<CaseRow, (typeof PATCHABLE)[number]>>;

export async function updateCase(db: Db, violationId: string, state: CaseState, patch: CasePatch, at: Date): Promise<CaseRow> {
  const cols = (Object.keys(patch) as Array<keyof CasePatch>).filter((c) => (PATCHABLE as readonly string[]).includes(c));
  const values = cols.map((c) => {
    const v = patch[c];
    if (v instanceof Date) return v.toISOString();
    if (c === 'proposal' && v !== null && v !== undefined) return JSON.stringify(v);
    return v ?? null;
  });
  const sets = cols.map((c, i) => `${c} = $${i + 4}`);
  const rows = await db.query<CaseRow>(
    `UPDATE violation_cases SET state = $2, updated_at = $3, version = version + 1${sets.length ? `, ${sets.join(', ')}` : ''}
      WHERE violation_id = $1 RETURNING *`,
    [violationId, state, at.toISOString(), ...values],
  );
  return rows[0] as CaseRow;
}

export async function insertTransition(db: Db, t: Omit<TransitionRow, 'id' | 'seq'>): Promise<void> {
  await db.query(
    `INSERT INTO violation_case_transitions (id, violation_id, from_state, to_state, actor_id, actor_name, reason, details, at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [randomUUID(), t.violation_id, t.from_state, t.to_state, t.actor_id, t.actor_name, t.reason, JSON.stringify(t.details), t.at.toISOString()],
  );
}

export async function transitionsOf(db: Db, violationId: string): Promise<TransitionRow[]> {
  return db.query<TransitionRow>('SELECT * FROM violation_case_transitions WHERE violation_id = $1 ORDER BY seq', [violationId]);
}

export async function insertExplanation(db: Db, e: ExplanationRow): Promise<void> {
  await db.query(
    'INSERT INTO violation_explanations (id, violation_id, person_id, body, submitted_by, submitted_at) VALUES ($1,$2,$3,$4,$5,$6)',
    [e.id, e.violation_id, e.person_id, e.body, e.submitted_by, e.submitted_at.toISOString()],
  );
}

export async function insertExplanationFile(db: Db, f: ExplanationFileRow): Promise<void> {
  await db.query(
    `INSERT INTO violation_explanation_files (id, explanation_id, file_name, content_type, size_bytes, sha256, blob_key)
     VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [f.id, f.explanation_id, f.file_name, f.content_type, f.size_bytes, f.sha256, f.blob_key],
  );
}

export async function explanationsOf(db: Db, violationId: string): Promise<Array<ExplanationRow & { files: ExplanationFileRow[] }>> {
  const list = await db.query<ExplanationRow>('SELECT * FROM violation_explanations WHERE violation_id = $1 ORDER BY submitted_at', [violationId]);
  if (list.length === 0) return [];
  const files = await db.query<ExplanationFileRow>(
    'SELECT * FROM violation_explanation_files WHERE explanation_id = ANY($1::uuid[]) ORDER BY file_name',
    [list.map((e) => e.id)],
  );
  return list.map((e) => ({ ...e, files: files.filter((f) => f.explanation_id === e.id) }));
}

export async function explanationFile(db: Db, violationId: string, fileId: string): Promise<ExplanationFileRow | undefined> {
  const rows = await db.query<ExplanationFileRow>(
    `SELECT f.* FROM violation_explanation_files f JOIN violation_explanations e ON e.id = f.explanation_id
      WHERE f.id = $1 AND e.violation_id = $2`,
    [fileId, violationId],
  );
  return rows[0];
}

export async function overdueCases(db: Db, now: Date, limit: number): Promise<CaseRow[]> {
  return db.query<CaseRow>(
    `SELECT c.* FROM violation_cases c JOIN violations v ON v.id = c.violation_id
      WHERE c.state = 'EXPLANATION_REQUESTED' AND c.explanation_due_at < $1 AND v.kind <> 'AWAITING_JUSTIFICATION'
      ORDER BY c.explanation_due_at LIMIT $2`,
    [now.toISOString(), limit],
  );
}
