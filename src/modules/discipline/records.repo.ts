import type { Db } from '../../platform/ports/db';
import type { DocumentKind } from './domain/documents';

export interface MeetingRow {
  id: string;
  case_id: string;
  kind: 'REVIEW' | 'COUNCIL';
  invitation_no: string | null;
  invitation_delivered_on: string;
  meeting_on: string;
  meeting_time: string;
  place: string;
  chair_name: string | null;
  held_on: string | null;
  person_present: boolean | null;
  attendees: Array<{ name: string; role: string }>;
  opinions: Array<{ name: string; opinion: string }>;
  conclusion: string | null;
  ballot: Array<{ formCode: string; votes: number }> | null;
  recommendation: string | null;
  created_at: Date;
}

export interface MemberRow {
  case_id: string;
  seq: number;
  person_id: string | null;
  full_name: string;
  role: 'CHAIR' | 'MEMBER' | 'SECRETARY';
  title: string | null;
  formed_on: string;
}

export interface DecisionRow {
  case_id: string;
  issuer_unit_id: string;
  issuer_name: string;
  number_text: string;
  year: number;
  signed_on: string;
  effective_on: string;
  form_code: string;
  form_label: string;
  reasons: string;
  signer_name: string;
  signer_title: string;
  authority_line: string | null;
  delivered_on: string | null;
  consequences: unknown[];
  decided_by: string | null;
  decided_at: Date;
}

export interface SuspensionRow {
  id: string;
  case_id: string;
  kind: 'ILLNESS' | 'MATERNITY' | 'DETENTION';
  from_date: string;
  to_date: string | null;
  document_ref: string;
  note: string | null;
  created_by: string | null;
  created_at: Date;
}

export interface DocumentRow {
  id: string;
  case_id: string;
  kind: DocumentKind;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  blob_key: string;
  generated: boolean;
  created_by: string | null;
  created_at: Date;
}

const MEETING_COLS = `id, case_id, kind, invitation_no, invitation_delivered_on::text AS invitation_delivered_on, meeting_on::text AS meeting_on,
  meeting_time, place, chair_name, held_on::text AS held_on, person_present, attendees, opinions, conclusion, ballot, recommendation, created_at`;

export async function insertMeeting(db: Db, m: Omit<MeetingRow, 'held_on' | 'person_present' | 'attendees' | 'opinions' | 'conclusion' | 'ballot' | 'recommendation'>): Promise<void> {
  await db.query(
    `INSERT INTO discipline_meetings (id, case_id, kind, invitation_no, invitation_delivered_on, meeting_on, meeting_time, place, chair_name, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [m.id, m.case_id, m.kind, m.invitation_no, m.invitation_delivered_on, m.meeting_on, m.meeting_time, m.place, m.chair_name, m.created_at.toISOString()],
  );
}

export async function recordMeetingHeld(
  db: Db,
  id: string,
  r: Pick<MeetingRow, 'held_on' | 'person_present' | 'attendees' | 'opinions' | 'conclusion' | 'ballot' | 'recommendation'>,
): Promise<void> {
  await db.query(
    `UPDATE discipline_meetings SET held_on = $2, person_present = $3, attendees = $4, opinions = $5, conclusion = $6, ballot = $7, recommendation = $8 WHERE id = $1`,
    [id, r.held_on, r.person_present, JSON.stringify(r.attendees), JSON.stringify(r.opinions), r.conclusion, r.ballot ? JSON.stringify(r.ballot) : null, r.recommendation],
  );
}

export async function meetingsOf(db: Db, caseId: string): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(`SELECT ${MEETING_COLS} FROM discipline_meetings WHERE case_id = $1 ORDER BY created_at`, [caseId]);
}

export async function insertMembers(db: Db, members: MemberRow[]): Promise<void> {
  for (const m of members)
    await db.query('INSERT INTO discipline_council_members (case_id, seq, person_id, full_name, role, title, formed_on) VALUES ($1,$2,$3,$4,$5,$6,$7)', [
      m.case_id,
      m.seq,
      m.person_id,
      m.full_name,
      m.role,
      m.title,
      m.formed_on,
    ]);
}

export async function membersOf(db: Db, caseId: string): Promise<MemberRow[]> {
  return db.query<MemberRow>(
    'SELECT case_id, seq, person_id, full_name, role, title, formed_on::text AS formed_on FROM discipline_council_members WHERE case_id = $1 ORDER BY seq',
    [caseId],
  );
}

/** The decision columns, optionally qualified by a table alias (`d.`). */
const decisionCols = (p = '') =>
  ['case_id', 'issuer_unit_id', 'issuer_name', 'number_text', 'year', 'signed_on::text AS signed_on', 'effective_on::text AS effective_on', 'form_code',
    'form_label', 'reasons', 'signer_name', 'signer_title', 'authority_line', 'delivered_on::text AS delivered_on', 'consequences', 'decided_by', 'decided_at']
    .map((c) => p + c)
    .join(', ');

export async function insertDecision(db: Db, d: Omit<DecisionRow, 'delivered_on'>): Promise<void> {
  await db.query(
    `INSERT INTO discipline_decisions (case_id, issuer_unit_id, issuer_name, number_text, year, signed_on, effective_on, form_code, form_label, reasons,
       signer_name, signer_title, authority_line, consequences, decided_by, decided_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16)`,
    [d.case_id, d.issuer_unit_id, d.issuer_name, d.number_text, d.year, d.signed_on, d.effective_on, d.form_code, d.form_label, d.reasons,
      d.signer_name, d.signer_title, d.authority_line, JSON.stringify(d.consequences), d.decided_by, d.decided_at.toISOString()],
  );
}

export async function decisionOf(db: Db, caseId: string): Promise<DecisionRow | undefined> {
  const rows = await db.query<DecisionRow>(`SELECT ${decisionCols()} FROM discipline_decisions WHERE case_id = $1`, [caseId]);
  return rows[0];
}

export async function decisionsOfPerson(db: Db, personId: string): Promise<DecisionRow[]> {
  return db.query<DecisionRow>(
    `SELECT ${decisionCols('d.')}
       FROM discipline_decisions d JOIN discipline_cases c ON c.id = d.case_id WHERE c.person_id = $1 ORDER BY d.effective_on DESC`,
    [personId],
  );
}

export async function numberTaken(db: Db, issuerUnitId: string, year: number, numberText: string): Promise<boolean> {
  const rows = await db.query<{ case_id: string }>('SELECT case_id FROM discipline_decisions WHERE issuer_unit_id = $1 AND year = $2 AND number_text = $3', [
    issuerUnitId,
    year,
    numberText,
  ]);
  return rows.length > 0;
}

export async function setDelivered(db: Db, caseId: string, deliveredOn: string): Promise<void> {
  await db.query('UPDATE discipline_decisions SET delivered_on = $2 WHERE case_id = $1', [caseId, deliveredOn]);
}

export async function insertSuspension(db: Db, s: SuspensionRow): Promise<void> {
  await db.query(
    `INSERT INTO discipline_suspensions (id, case_id, kind, from_date, to_date, document_ref, note, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [s.id, s.case_id, s.kind, s.from_date, s.to_date, s.document_ref, s.note, s.created_by, s.created_at.toISOString()],
  );
}

export async function endSuspension(db: Db, caseId: string, id: string, toDate: string): Promise<number> {
  const rows = await db.query<{ id: string }>('UPDATE discipline_suspensions SET to_date = $3 WHERE case_id = $1 AND id = $2 AND to_date IS NULL RETURNING id', [caseId, id, toDate]);
  return rows.length;
}

export async function suspensionsOf(db: Db, caseId: string): Promise<SuspensionRow[]> {
  return db.query<SuspensionRow>(
    `SELECT id, case_id, kind, from_date::text AS from_date, to_date::text AS to_date, document_ref, note, created_by, created_at
       FROM discipline_suspensions WHERE case_id = $1 ORDER BY from_date`,
    [caseId],
  );
}

export async function insertDocument(db: Db, d: DocumentRow): Promise<void> {
  await db.query(
    `INSERT INTO discipline_documents (id, case_id, kind, file_name, content_type, size_bytes, sha256, blob_key, generated, created_by, created_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [d.id, d.case_id, d.kind, d.file_name, d.content_type, d.size_bytes, d.sha256, d.blob_key, d.generated, d.created_by, d.created_at.toISOString()],
  );
}

export async function documentsOf(db: Db, caseId: string): Promise<DocumentRow[]> {
  return db.query<DocumentRow>('SELECT * FROM discipline_documents WHERE case_id = $1 ORDER BY created_at, file_name', [caseId]);
}

export async function documentOf(db: Db, caseId: string, id: string): Promise<DocumentRow | undefined> {
  const rows = await db.query<DocumentRow>('SELECT * FROM discipline_documents WHERE case_id = $1 AND id = $2', [caseId, id]);
  return rows[0];
}
