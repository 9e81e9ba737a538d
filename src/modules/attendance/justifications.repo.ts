import type { Db } from '../../platform/ports/db';
import type { JustificationType } from './domain/types';
import type { Half, JustificationStatus } from './justifications.service';

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
  return db.query<RequestListRow>(
    `SELECT j.id, j.person_id AS "personId", p.full_name AS "fullName", p.employee_code AS "employeeCode", j.unit_id AS "unitId",
                u.name AS "unitName", j.type, j.start_date AS "startDate", j.start_half AS "startHalf", j.end_date AS "endDate",
                j.end_half AS "endHalf", j.status, j.reason, j.document_ref AS "documentRef", j.charged_days AS "chargedDays",
                j.requested_at AS "requestedAt", j.decided_at AS "decidedAt", j.decision_note AS "decisionNote", j.version
           FROM justifications j JOIN persons p ON p.id = j.person_id JOIN org_units u ON u.id = j.unit_id
          WHERE ${where.join(' AND ')} ORDER BY j.requested_at DESC LIMIT 500`,
    params,
  );
}
