import type { Db } from '../../platform/ports/db';
import type { JustificationType } from './domain/types';
import type { Half, JustificationRow, JustificationStatus } from './justifications.service';

/** Lists of leave / trip / training / WFH requests for the request routes. */

/** Which requests a list shows; every condition given applies (AND). */
export interface RequestListFilter {
  /** The "mine" box: requests of this person; null (an account without a staff record) matches none. */
  ownPersonId?: string | null;
  unitIds?: readonly string[];
  /** Leaves out this person's own requests (an approver's inbox). */
  notPersonId?: string | null;
  status?: JustificationStatus;
  personId?: string;
  /** Only these request types (e.g. the two permissions). */
  types?: readonly string[];
}

export interface RequestListRow {
  id: string;
  personId: string;
  fullName: string;
  employeeCode: string;
  unitId: string;
  unitName: string;
  type: JustificationType;
  startDate: string;
  startHalf: Half;
  endDate: string;
  endHalf: Half;
  status: JustificationStatus;
  reason: string;
  documentRef: string | null;
  chargedDays: number;
  requestedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  version: number;
  windowFromMin: number | null;
  windowToMin: number | null;
}

/** The newest 500 requests matching the filter, with the person's and the unit's names. */
export async function listRequests(db: Db, filter: RequestListFilter): Promise<RequestListRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: number) => string, v: unknown) => {
    params.push(v);
    where.push(sql(params.length));
  };
  if (filter.ownPersonId !== undefined) add((n) => `j.person_id = $${n}`, filter.ownPersonId);
  if (filter.unitIds) add((n) => `j.unit_id = ANY($${n}::uuid[])`, filter.unitIds);
  if (filter.notPersonId) add((n) => `j.person_id <> $${n}`, filter.notPersonId);
  if (filter.status) add((n) => `j.status = $${n}`, filter.status);
  if (filter.personId) add((n) => `j.person_id = $${n}`, filter.personId);
  if (filter.types) add((n) => `j.type = ANY($${n}::text[])`, filter.types);
  return db.query<RequestListRow>(
    `SELECT j.id, j.person_id AS "personId", p.full_name AS "fullName", p.employee_code AS "employeeCode", j.unit_id AS "unitId",
                u.name AS "unitName", j.type, j.start_date AS "startDate", j.start_half AS "startHalf", j.end_date AS "endDate",
                j.end_half AS "endHalf", j.status, j.reason, j.document_ref AS "documentRef", j.charged_days AS "chargedDays",
                j.requested_at AS "requestedAt", j.decided_at AS "decidedAt", j.decision_note AS "decisionNote", j.version,
                j.window_from_min AS "windowFromMin", j.window_to_min AS "windowToMin"
           FROM justifications j JOIN persons p ON p.id = j.person_id JOIN org_units u ON u.id = j.unit_id
          WHERE ${where.join(' AND ')} ORDER BY j.requested_at DESC LIMIT 500`,
    params,
  );
}

/** An active (pending or approved) request of a person touching one session of one date, for overlap checks. */
export interface ActiveSessionRequest {
  id: string;
  type: JustificationType;
  status: 'PENDING' | 'APPROVED';
  window_from_min: number | null;
  window_to_min: number | null;
}

/** Active requests of the person whose period covers `session` of `date` (whole-day, half-day and permissions). */
export async function activeRequestsOfSession(db: Db, personId: string, date: string, session: Half): Promise<ActiveSessionRequest[]> {
  return db.query<ActiveSessionRequest>(
    `SELECT id, type, status, window_from_min, window_to_min FROM justifications
      WHERE person_id = $1 AND status IN ('PENDING', 'APPROVED') AND start_date <= $2 AND end_date >= $2
        AND NOT (start_date = $2 AND start_half = 'AFTERNOON' AND $3::text = 'MORNING')
        AND NOT (end_date = $2 AND end_half = 'MORNING' AND $3::text = 'AFTERNOON')`,
    [personId, date, session],
  );
}

/** Stores a permission (one date, one session, a window); pending, nothing charged. */
export async function insertPermission(
  db: Db,
  p: { id: string; personId: string; unitId: string; type: JustificationType; date: string; session: Half; fromMin: number; toMin: number; reason: string; documentRef: string | null; requestedBy: string; requestedAt: Date },
): Promise<JustificationRow> {
  const [row] = await db.query<JustificationRow>(
    `INSERT INTO justifications (id, person_id, unit_id, type, start_date, start_half, end_date, end_half, status, reason,
                                 document_ref, charged_days, requested_by, requested_at, window_from_min, window_to_min)
     VALUES ($1, $2, $3, $4, $5, $6, $5, $6, 'PENDING', $7, $8, 0, $9, $10, $11, $12) RETURNING *`,
    [p.id, p.personId, p.unitId, p.type, p.date, p.session, p.reason, p.documentRef, p.requestedBy, p.requestedAt, p.fromMin, p.toMin],
  );
  return row as JustificationRow;
}
