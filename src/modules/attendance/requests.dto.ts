import { z } from 'zod';
import { ZHalfDay, ZJustificationType } from './attendance.dto';
import { annualEntitlement } from './domain/leave';
import type { JustificationRow } from './justifications.service';

/** Response schemas of the leave / trip / training / WFH request routes (requests.routes.ts). */

const ZRequestStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']).meta({ id: 'LeaveRequestStatus' });

/** A request as stored (the row, column names as in the database), answered by create, approve, reject and cancel. */
export const ZLeaveRequest = z
  .object({
    id: z.string(),
    person_id: z.string(),
    unit_id: z.string(),
    type: ZJustificationType,
    start_date: z.string(),
    start_half: ZHalfDay,
    end_date: z.string(),
    end_half: ZHalfDay,
    status: ZRequestStatus,
    reason: z.string(),
    document_ref: z.string().nullable(),
    /** Working days charged (annual leave: against the balance of the first day's year). */
    charged_days: z.number(),
    requested_by: z.string().nullable(),
    requested_at: z.date(),
    decided_by: z.string().nullable(),
    decided_at: z.date().nullable(),
    decision_note: z.string().nullable(),
    cancelled_by: z.string().nullable(),
    cancelled_at: z.date().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'LeaveRequest' });

/** A request in a list (inbox, mine, unit), with the person's and the unit's names. */
export const ZLeaveRequestListItem = z
  .object({
    id: z.string(),
    personId: z.string(),
    fullName: z.string(),
    employeeCode: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    type: ZJustificationType,
    startDate: z.string(),
    startHalf: ZHalfDay,
    endDate: z.string(),
    endHalf: ZHalfDay,
    status: ZRequestStatus,
    reason: z.string(),
    documentRef: z.string().nullable(),
    chargedDays: z.number(),
    requestedAt: z.date(),
    decidedAt: z.date().nullable(),
    decisionNote: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'LeaveRequestListItem' });

export const ZLeaveRequestList = z.object({ items: z.array(ZLeaveRequestListItem) });

const ZLeaveEntitlement = z
  .object({
    base: z.number(),
    seniority: z.number(),
    /** The base is pro rata (the person joined during the year). */
    proRata: z.boolean(),
    extra: z.number(),
    carried: z.number(),
    total: z.number(),
  })
  .meta({ id: 'LeaveEntitlement' }) satisfies z.ZodType<ReturnType<typeof annualEntitlement>>;

export const ZLeaveBalance = z
  .object({
    personId: z.string(),
    year: z.number().int(),
    entitlement: ZLeaveEntitlement,
    usedDays: z.number(),
    pendingDays: z.number(),
    remainingDays: z.number(),
  })
  .meta({ id: 'LeaveBalance' });

/**
 * A request row as the API shows it. The service's row type leaves out the cancellation columns, which its
 * `SELECT *` / `RETURNING *` carry all the same (and the API always answered).
 */
export function leaveRequestDto(row: JustificationRow): z.output<typeof ZLeaveRequest> {
  const r = row as JustificationRow & { cancelled_by: string | null; cancelled_at: Date | null };
  return {
    id: r.id,
    person_id: r.person_id,
    unit_id: r.unit_id,
    type: r.type,
    start_date: r.start_date,
    start_half: r.start_half,
    end_date: r.end_date,
    end_half: r.end_half,
    status: r.status,
    reason: r.reason,
    document_ref: r.document_ref,
    charged_days: r.charged_days,
    requested_by: r.requested_by,
    requested_at: r.requested_at,
    decided_by: r.decided_by,
    decided_at: r.decided_at,
    decision_note: r.decision_note,
    cancelled_by: r.cancelled_by,
    cancelled_at: r.cancelled_at,
    version: r.version,
  };
}
