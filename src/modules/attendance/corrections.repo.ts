import type { Db } from '../../platform/ports/db';

/** Punch correction requests (punch_corrections): the SQL of corrections.service.ts and of its list route. */

export type CorrectionKind = 'ADD_PUNCH' | 'VOID_PUNCH';
export type CorrectionStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED';

export interface CorrectionRow {
  id: string;
  person_id: string;
  unit_id: string;
  kind: CorrectionKind;
  date: string;
  at: Date | null;
  direction: 'IN' | 'OUT' | null;
  punch_id: string | null;
  reason: string;
  attachment_ref: string | null;
  status: CorrectionStatus;
  requested_by: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  cancelled_by: string | null;
  cancelled_at: Date | null;
  created_punch_id: string | null;
  version: number;
}

export async function getCorrection(db: Db, id: string, lock = false): Promise<CorrectionRow | undefined> {
  const [row] = await db.query<CorrectionRow>(`SELECT * FROM punch_corrections WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row;
}

export async function insertCorrection(
  db: Db,
  c: Pick<CorrectionRow, 'id' | 'person_id' | 'unit_id' | 'kind' | 'date' | 'at' | 'direction' | 'punch_id' | 'reason' | 'attachment_ref' | 'requested_by' | 'requested_at'>,
): Promise<CorrectionRow> {
  const [row] = await db.query<CorrectionRow>(
    `INSERT INTO punch_corrections (id, person_id, unit_id, kind, date, at, direction, punch_id, reason, attachment_ref, status, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'PENDING', $11, $12) RETURNING *`,
    [c.id, c.person_id, c.unit_id, c.kind, c.date, c.at, c.direction, c.punch_id, c.reason, c.attachment_ref, c.requested_by, c.requested_at],
  );
  return row as CorrectionRow;
}

export async function decideCorrectionRow(
  db: Db,
  id: string,
  d: { status: 'APPROVED' | 'REJECTED'; decidedBy: string; decidedAt: Date; note: string | null; createdPunchId: string | null },
): Promise<CorrectionRow> {
  const [row] = await db.query<CorrectionRow>(
    `UPDATE punch_corrections SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5, created_punch_id = $6, version = version + 1
      WHERE id = $1 RETURNING *`,
    [id, d.status, d.decidedBy, d.decidedAt, d.note, d.createdPunchId],
  );
  return row as CorrectionRow;
}

export async function cancelCorrectionRow(db: Db, id: string, by: string, at: Date): Promise<CorrectionRow> {
  const [row] = await db.query<CorrectionRow>(
    `UPDATE punch_corrections SET status = 'CANCELLED', cancelled_by = $2, cancelled_at = $3, version = version + 1 WHERE id = $1 RETURNING *`,
    [id, by, at],
  );
  return row as CorrectionRow;
}

/** Active (pending or approved) corrections that would do the same thing again: an added punch within `windowMs`, or a void of the same punch. */
export async function activeCorrectionClash(
  db: Db,
  personId: string,
  c: { kind: 'ADD_PUNCH'; at: Date; windowMs: number } | { kind: 'VOID_PUNCH'; punchId: string },
): Promise<{ id: string; status: CorrectionStatus } | undefined> {
  const [row] =
    c.kind === 'ADD_PUNCH'
      ? await db.query<{ id: string; status: CorrectionStatus }>(
          `SELECT id, status FROM punch_corrections WHERE person_id = $1 AND kind = 'ADD_PUNCH' AND status IN ('PENDING', 'APPROVED')
              AND at > $2::timestamptz - make_interval(secs => $3::double precision / 1000)
              AND at < $2::timestamptz + make_interval(secs => $3::double precision / 1000) LIMIT 1`,
          [personId, c.at, c.windowMs],
        )
      : await db.query<{ id: string; status: CorrectionStatus }>(
          `SELECT id, status FROM punch_corrections WHERE person_id = $1 AND kind = 'VOID_PUNCH' AND punch_id = $2 AND status IN ('PENDING', 'APPROVED') LIMIT 1`,
          [personId, c.punchId],
        );
  return row;
}

/** A punch as a correction sees it: whose, when, whether it was annulled by the office already. */
export async function punchForCorrection(
  db: Db,
  punchId: string,
): Promise<{ id: string; person_id: string; at: Date; direction: 'IN' | 'OUT' | null; source_id: string; annulled: boolean } | undefined> {
  const [row] = await db.query<{ id: string; person_id: string; at: Date; direction: 'IN' | 'OUT' | null; source_id: string; annulled: boolean }>(
    `SELECT p.id, p.person_id, p.at, p.direction, p.source_id, EXISTS (SELECT 1 FROM punch_annulments a WHERE a.punch_id = p.id) AS annulled
       FROM punches p WHERE p.id = $1`,
    [punchId],
  );
  return row;
}

/** A kept punch of the person within `windowMs` of `at` (the camera did see them after all). */
export async function punchNear(db: Db, personId: string, at: Date, windowMs: number): Promise<{ id: string; at: Date } | undefined> {
  const [row] = await db.query<{ id: string; at: Date }>(
    `SELECT p.id, p.at FROM punches p
      WHERE p.person_id = $1 AND p.at > $2::timestamptz - make_interval(secs => $3::double precision / 1000)
        AND p.at < $2::timestamptz + make_interval(secs => $3::double precision / 1000)
        AND NOT EXISTS (SELECT 1 FROM punch_annulments a WHERE a.punch_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM punch_corrections c WHERE c.punch_id = p.id AND c.kind = 'VOID_PUNCH' AND c.status = 'APPROVED')
      ORDER BY p.at LIMIT 1`,
    [personId, at, windowMs],
  );
  return row;
}

/** The punches of a person on a local day (the correction form picks the one to void), with any active void request. */
export async function punchesOfDay(
  db: Db,
  personId: string,
  dayStart: Date,
  dayEnd: Date,
): Promise<Array<{ id: string; at: Date; direction: 'IN' | 'OUT' | null; source_id: string; annulled: boolean; voided_by: string | null }>> {
  return db.query(
    `SELECT p.id, p.at, p.direction, p.source_id,
            EXISTS (SELECT 1 FROM punch_annulments a WHERE a.punch_id = p.id) AS annulled,
            (SELECT c.id FROM punch_corrections c WHERE c.punch_id = p.id AND c.kind = 'VOID_PUNCH' AND c.status IN ('PENDING', 'APPROVED') LIMIT 1) AS voided_by
       FROM punches p WHERE p.person_id = $1 AND p.at >= $2 AND p.at < $3 ORDER BY p.at`,
    [personId, dayStart, dayEnd],
  );
}

export interface CorrectionListFilter {
  ownPersonId?: string | null;
  unitIds?: readonly string[];
  notPersonId?: string | null;
  status?: CorrectionStatus;
  personId?: string;
}

/** The newest 500 corrections matching the filter (names are added by the caller through people / org). */
export async function listCorrections(db: Db, filter: CorrectionListFilter): Promise<CorrectionRow[]> {
  const where: string[] = ['TRUE'];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(sql(params.length));
  };
  if (filter.ownPersonId !== undefined) add((n) => `person_id = $${n}`, filter.ownPersonId);
  if (filter.unitIds) add((n) => `unit_id = ANY($${n}::uuid[])`, filter.unitIds);
  if (filter.notPersonId) add((n) => `person_id <> $${n}`, filter.notPersonId);
  if (filter.status) add((n) => `status = $${n}`, filter.status);
  if (filter.personId) add((n) => `person_id = $${n}`, filter.personId);
  return db.query<CorrectionRow>(`SELECT * FROM punch_corrections WHERE ${where.join(' AND ')} ORDER BY requested_at DESC LIMIT 500`, params);
}

/** The day was just recomputed: its queue entry is done. */
export async function clearDirtyDay(db: Db, personId: string, date: string): Promise<void> {
  await db.query('DELETE FROM attendance_dirty WHERE person_id = $1 AND date = $2', [personId, date]);
}
