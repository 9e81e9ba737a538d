import type { Db } from '../../platform/ports/db';
import type { EscalationAction, ViolationKind } from '../rules';

export interface ViolationRow {
  id: string;
  person_id: string;
  unit_id: string;
  kind: ViolationKind;
  source: 'ATTENDANCE' | 'INSPECTION' | 'LEADER';
  occurred_on: string;
  session: string | null;
  minutes: number | null;
  title: string;
  facts: Record<string, unknown>;
  source_key: string | null;
  attendance_revision: number | null;
  rule_set_id: string | null;
  rule_version: number | null;
  /** 0 while the fact only awaits justification (not judged yet). */
  repeat_ordinal: number;
  repeat_window: string | null;
  proposed_action: EscalationAction;
  notify_unit_head: boolean;
  /** The upheld violations the ordinal was counted from (CONTRACT C5); null on rows judged before this was kept. */
  repeat_of: string[] | null;
  /** When the judgement was fixed; null while the fact awaits justification. */
  judged_at: Date | null;
  /** The regulation the judgement used: the unit's (name, legal basis) or the system default. */
  rule_basis: RuleBasis | null;
  retracted_at: Date | null;
  retraction_reason: string | null;
  retraction_details: Record<string, unknown> | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RuleBasis {
  source: 'UNIT' | 'SYSTEM_DEFAULT';
  name: string;
  legalBasis: string | null;
}

export interface EvidenceRow {
  id: string;
  violation_id: string;
  kind: 'SNAPSHOT' | 'CLIP' | 'GATE_COVERAGE' | 'PUNCH' | 'DOCUMENT';
  status: 'REQUESTED' | 'READY' | 'UNAVAILABLE' | 'FAILED';
  camera_id: string | null;
  punch_id: string | null;
  range_start: Date | null;
  range_end: Date | null;
  export_id: string | null;
  blob_key: string | null;
  sha256: string | null;
  content_type: string | null;
  details: Record<string, unknown>;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

export async function getViolation(db: Db, id: string, lock = false): Promise<ViolationRow | undefined> {
  const rows = await db.query<ViolationRow>(`SELECT * FROM violations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0];
}

export async function attendanceViolationsOfDay(db: Db, personId: string, date: string): Promise<ViolationRow[]> {
  return db.query<ViolationRow>(
    `SELECT * FROM violations WHERE person_id = $1 AND occurred_on = $2 AND source = 'ATTENDANCE' ORDER BY created_at FOR UPDATE`,
    [personId, date],
  );
}

/**
 * The upheld violations in the repeat window, of the kinds counted together (audit D4, CONTRACT C5): judged, not
 * retracted, not dismissed by a leader, not awaiting justification. Oldest first; `exclude` is the one being judged.
 */
export async function upheldInWindow(db: Db, personId: string, kinds: string[], from: string, to: string, exclude: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT v.id FROM violations v LEFT JOIN violation_cases c ON c.violation_id = v.id
      WHERE v.person_id = $1 AND v.kind = ANY($2::text[]) AND v.occurred_on BETWEEN $3 AND $4 AND v.retracted_at IS NULL
        AND v.kind <> 'AWAITING_JUSTIFICATION' AND v.judged_at IS NOT NULL AND c.decision IS DISTINCT FROM 'DISMISSED'
        AND v.id <> $5
      ORDER BY v.occurred_on, v.created_at`,
    [personId, kinds, from, to, exclude],
  );
  return rows.map((r) => r.id);
}

export interface CountedRow {
  id: string;
  kind: ViolationKind;
  occurred_on: string;
  retracted_at: Date | null;
  retraction_reason: string | null;
  decision: string | null;
  decided_at: Date | null;
}

/** The violations an ordinal was counted from, with what became of each since (dismissed, retracted). */
export async function countedViolations(db: Db, ids: string[]): Promise<CountedRow[]> {
  if (ids.length === 0) return [];
  return db.query<CountedRow>(
    `SELECT v.id, v.kind, v.occurred_on, v.retracted_at, v.retraction_reason, c.decision, c.decided_at
       FROM violations v LEFT JOIN violation_cases c ON c.violation_id = v.id
      WHERE v.id = ANY($1::uuid[]) ORDER BY v.occurred_on, v.created_at`,
    [ids],
  );
}

type NewViolation = Omit<ViolationRow, 'created_at' | 'updated_at' | 'retracted_at' | 'retraction_reason' | 'retraction_details'>;

export async function insertViolation(db: Db, v: NewViolation, at: Date): Promise<ViolationRow> {
  const rows = await db.query<ViolationRow>(
    `INSERT INTO violations (id, person_id, unit_id, kind, source, occurred_on, session, minutes, title, facts, source_key,
        attendance_revision, rule_set_id, rule_version, repeat_ordinal, repeat_window, proposed_action, notify_unit_head,
        created_by, repeat_of, judged_at, rule_basis, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$23) RETURNING *`,
    [
      v.id, v.person_id, v.unit_id, v.kind, v.source, v.occurred_on, v.session, v.minutes, v.title, JSON.stringify(v.facts),
      v.source_key, v.attendance_revision, v.rule_set_id, v.rule_version, v.repeat_ordinal, v.repeat_window,
      v.proposed_action, v.notify_unit_head, v.created_by, v.repeat_of, v.judged_at?.toISOString() ?? null,
      v.rule_basis ? JSON.stringify(v.rule_basis) : null, at.toISOString(),
    ],
  );
  return rows[0] as ViolationRow;
}

export type Judgement = Pick<
  ViolationRow,
  'rule_set_id' | 'rule_version' | 'repeat_ordinal' | 'repeat_window' | 'proposed_action' | 'notify_unit_head' | 'repeat_of' | 'rule_basis'
>;

/** Fixes the judgement of a fact that awaited justification and has just become a violation (once). */
export async function storeJudgement(db: Db, id: string, j: Judgement, at: Date): Promise<ViolationRow> {
  const rows = await db.query<ViolationRow>(
    `UPDATE violations SET rule_set_id = $2, rule_version = $3, repeat_ordinal = $4, repeat_window = $5, proposed_action = $6,
            notify_unit_head = $7, repeat_of = $8, rule_basis = $9, judged_at = $10, updated_at = $10
      WHERE id = $1 AND judged_at IS NULL RETURNING *`,
    [id, j.rule_set_id, j.rule_version, j.repeat_ordinal, j.repeat_window, j.proposed_action, j.notify_unit_head, j.repeat_of, JSON.stringify(j.rule_basis), at.toISOString()],
  );
  return rows[0] as ViolationRow;
}

/**
 * The same fact, a new kind (CONTRACT C5): kind, title, facts, minutes and — when an absence grows from a session
 * to the whole day or shrinks back — its scope change in place; the case, explanations and evidence stay attached.
 */
export async function changeKindInPlace(
  db: Db,
  id: string,
  p: Pick<ViolationRow, 'kind' | 'title' | 'facts' | 'minutes' | 'session' | 'source_key' | 'attendance_revision'>,
  at: Date,
): Promise<ViolationRow> {
  const rows = await db.query<ViolationRow>(
    `UPDATE violations SET kind = $2, title = $3, facts = $4, minutes = $5, session = $6, source_key = $7,
            attendance_revision = $8, updated_at = $9 WHERE id = $1 RETURNING *`,
    [id, p.kind, p.title, JSON.stringify(p.facts), p.minutes, p.session, p.source_key, p.attendance_revision, at.toISOString()],
  );
  return rows[0] as ViolationRow;
}

/** A later attendance revision refreshes the facts (minutes, times); the judgement made when opening stays. */
export async function refreshFacts(db: Db, id: string, facts: Record<string, unknown>, minutes: number | null, revision: number, at: Date): Promise<void> {
  await db.query('UPDATE violations SET facts = $2, minutes = $3, attendance_revision = $4, updated_at = $5 WHERE id = $1', [
    id,
    JSON.stringify(facts),
    minutes,
    revision,
    at.toISOString(),
  ]);
}

/**
 * Marks a violation retracted, keeping the row. Its source key gets a suffix so the same person-day-kind can be
 * opened again if a later revision brings the fact back (e.g. the leave is cancelled).
 */
export async function markRetracted(db: Db, id: string, reason: string, details: Record<string, unknown>, revision: number | null, at: Date): Promise<void> {
  await db.query(
    `UPDATE violations SET retracted_at = $2, retraction_reason = $3, retraction_details = $4, updated_at = $2,
            attendance_revision = COALESCE($5, attendance_revision),
            source_key = CASE WHEN source_key IS NULL THEN NULL ELSE source_key || '#retracted:' || id END
      WHERE id = $1`,
    [id, at.toISOString(), reason, JSON.stringify(details), revision],
  );
}

export async function insertEvidence(
  db: Db,
  e: Pick<EvidenceRow, 'id' | 'violation_id' | 'kind' | 'status'> & Partial<Omit<EvidenceRow, 'id' | 'violation_id' | 'kind' | 'status'>>,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO violation_evidence (id, violation_id, kind, status, camera_id, punch_id, range_start, range_end, export_id,
        blob_key, sha256, content_type, details, note, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$15)`,
    [
      e.id, e.violation_id, e.kind, e.status, e.camera_id ?? null, e.punch_id ?? null,
      e.range_start ? e.range_start.toISOString() : null, e.range_end ? e.range_end.toISOString() : null,
      e.export_id ?? null, e.blob_key ?? null, e.sha256 ?? null, e.content_type ?? null, JSON.stringify(e.details ?? {}),
      e.note ?? null, at.toISOString(),
    ],
  );
}

export async function evidenceOf(db: Db, violationId: string): Promise<EvidenceRow[]> {
  return db.query<EvidenceRow>('SELECT * FROM violation_evidence WHERE violation_id = $1 ORDER BY created_at, kind', [violationId]);
}

export async function pendingEvidence(db: Db, limit: number): Promise<EvidenceRow[]> {
  return db.query<EvidenceRow>(
    `SELECT * FROM violation_evidence WHERE status = 'REQUESTED' ORDER BY created_at LIMIT $1`,
    [limit],
  );
}

export async function updateEvidence(db: Db, id: string, patch: Partial<Pick<EvidenceRow, 'status' | 'camera_id' | 'export_id' | 'blob_key' | 'sha256' | 'content_type' | 'details' | 'note'>>, at: Date): Promise<void> {
  const cols = Object.keys(patch) as Array<keyof typeof patch>;
  if (cols.length === 0) return;
  const sets = cols.map((c, i) => `${c} = $${i + 3}`);
  const values = cols.map((c) => (c === 'details' ? JSON.stringify(patch[c]) : patch[c]));
  await db.query(`UPDATE violation_evidence SET ${sets.join(', ')}, updated_at = $2 WHERE id = $1`, [id, at.toISOString(), ...values]);
}

export interface PersonInfo {
  id: string;
  full_name: string;
  employee_code: string;
  category: 'CAN_BO' | 'CONG_CHUC' | 'VIEN_CHUC' | 'HOP_DONG';
  unit_id: string;
  email: string | null;
  position_title: string | null;
}

export async function personInfo(db: Db, personId: string): Promise<PersonInfo | undefined> {
  const rows = await db.query<PersonInfo>(
    'SELECT id, full_name, employee_code, category, unit_id, email, position_title FROM persons WHERE id = $1',
    [personId],
  );
  return rows[0];
}

/** The unit a person belonged to on `date` (person_unit_history), falling back to the current unit. */
export async function unitOnDate(db: Db, personId: string, date: string): Promise<string | undefined> {
  const rows = await db.query<{ unit_id: string }>(
    `SELECT unit_id FROM person_unit_history
      WHERE person_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)
      ORDER BY valid_from DESC LIMIT 1`,
    [personId, date],
  );
  if (rows[0]) return rows[0].unit_id;
  return (await personInfo(db, personId))?.unit_id;
}

export async function unitName(db: Db, unitId: string): Promise<string> {
  const rows = await db.query<{ name: string }>('SELECT name FROM org_units WHERE id = $1', [unitId]);
  return rows[0]?.name ?? '';
}
