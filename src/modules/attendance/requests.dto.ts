import { z } from 'zod';
import { ZHalfDay, ZJustificationType } from './attendance.dto';
import { minutesToHhmm } from '../../platform/time';
import { annualEntitlement } from './domain/leave';
import type { JustificationRow } from './justifications.service';

/** Response schemas of the leave / trip / training / WFH request routes (requests.routes.ts). */

const ZRequestStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']).meta({ id: 'LeaveRequestStatus' });

/** The permitted minutes of a late-arrival / early-leave permission, as local times of its date. */
export const ZRequestWindow = z
  .object({ from: z.string().describe('HH:MM, local time'), to: z.string().describe('HH:MM, local time') })
  .meta({ id: 'RequestWindow' });

/** Why the signed-in user may not approve or reject an item (null: they may); the same refusal the API would give. */
export const ZDecisionBlock = z
  .object({ code: z.string(), message_vi: z.string(), message_en: z.string() })
  .meta({ id: 'RequestDecisionBlock' });

export function windowOf(from: number | null, to: number | null): z.output<typeof ZRequestWindow> | null {
  return from === null || to === null ? null : { from: minutesToHhmm(from), to: minutesToHhmm(to) };
}

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
    /** Late-arrival / early-leave permissions only: the permitted window of start_date (start_half = its session). */
    window: ZRequestWindow.nullable(),
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
    /** Late-arrival / early-leave permissions only. */
    window: ZRequestWindow.nullable(),
    /** The signed-in user may approve or reject it now (role over the unit, competence, not one's own, pending). */
    canDecide: z.boolean(),
    decisionBlock: ZDecisionBlock.nullable(),
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
    window: windowOf(r.window_from_min ?? null, r.window_to_min ?? null),
  };
}
