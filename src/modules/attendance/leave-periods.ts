/**
 * Approved leave periods of a person that other modules need as facts: discipline reads maternity and sick leave to
 * know when a case is "chưa xem xét xử lý" (NĐ 172/2025: pregnancy, maternity, serious illness). Only APPROVED
 * justifications count; pending, rejected or cancelled ones are not facts.
 */
import type { Db } from '../../platform/ports/db';

export type LeavePeriodType = 'MATERNITY' | 'SICK_LEAVE';

export interface LeavePeriod {
  justificationId: string;
  type: LeavePeriodType;
  /** Inclusive whole dates (a half day counts as its date). */
  from: string;
  to: string;
  reason: string;
  documentRef: string | null;
  approvedAt: Date | null;
}

/** Approved leave of `types` for the person that overlaps [from, to] (to null = open). */
export async function approvedLeavePeriods(
  db: Db,
  personId: string,
  types: readonly LeavePeriodType[],
  from: string,
  to: string | null,
): Promise<LeavePeriod[]> {
  const rows = await db.query<{ id: string; type: LeavePeriodType; start_date: string; end_date: string; reason: string; document_ref: string | null; decided_at: Date | null }>(
    `SELECT id, type, start_date::text AS start_date, end_date::text AS end_date, reason, document_ref, decided_at
       FROM justifications
      WHERE person_id = $1 AND status = 'APPROVED' AND type = ANY($2::text[]) AND end_date >= $3 AND ($4::date IS NULL OR start_date <= $4)
      ORDER BY start_date`,
    [personId, types, from, to],
  );
  return rows.map((r) => ({ justificationId: r.id, type: r.type, from: r.start_date, to: r.end_date, reason: r.reason, documentRef: r.document_ref, approvedAt: r.decided_at }));
}
