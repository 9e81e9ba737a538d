import { z } from 'zod';
import { ZDate, ZText } from '../../platform/http/schemas';
import type { CorrectionRow } from './corrections.repo';
import { ZDecisionBlock } from './requests.dto';

/** Request and response schemas of the punch correction routes (corrections.routes.ts). */

const ZHhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (00:00–23:59)');
const ZDirection = z.enum(['IN', 'OUT']).meta({ id: 'PunchDirection' });
/** The same values for request bodies: a named schema may not serve as both input and output in the document. */
const ZDirectionInput = z.enum(['IN', 'OUT']);
const ZCorrectionKind = z.enum(['ADD_PUNCH', 'VOID_PUNCH']).meta({ id: 'PunchCorrectionKind' });
const ZCorrectionStatus = z.enum(['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']).meta({ id: 'PunchCorrectionStatus' });

const common = {
  /** Omitted: oneself. */
  personId: z.uuid().optional(),
  reason: ZText(1000).pipe(z.string().min(3)),
  /** A supporting document: its number, where it is kept, or a link (e.g. a colleague's confirmation). */
  attachmentRef: ZText(300).nullish(),
};

/** "The camera missed me at 07:28" (ADD_PUNCH) or "this punch is not mine / wrong" (VOID_PUNCH). */
export const ZCorrectionCreate = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('ADD_PUNCH'), date: ZDate, time: ZHhmm, direction: ZDirectionInput, ...common }),
    z.strictObject({ kind: z.literal('VOID_PUNCH'), punchId: z.uuid(), ...common }),
  ])
  .meta({ id: 'PunchCorrectionCreate' });

export const ZCorrection = z
  .object({
    id: z.string(),
    personId: z.string(),
    unitId: z.string(),
    kind: ZCorrectionKind,
    /** The local date of the punch added or voided. */
    date: z.string(),
    /** ADD_PUNCH: the instant to add, and its local time. */
    at: z.date().nullable(),
    time: z.string().nullable(),
    direction: ZDirection.nullable(),
    /** VOID_PUNCH: the punch declared wrong. */
    punchId: z.string().nullable(),
    reason: z.string(),
    attachmentRef: z.string().nullable(),
    status: ZCorrectionStatus,
    requestedBy: z.string().nullable(),
    requestedAt: z.date(),
    decidedBy: z.string().nullable(),
    decidedAt: z.date().nullable(),
    decisionNote: z.string().nullable(),
    cancelledAt: z.date().nullable(),
    /** The punch the approval ingested (source 'correction'). */
    createdPunchId: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'PunchCorrection' });

export const ZCorrectionListItem = ZCorrection.extend({
  fullName: z.string(),
  employeeCode: z.string(),
  unitName: z.string(),
  /** VOID_PUNCH: when the voided punch was, and its source. */
  punchAt: z.date().nullable(),
  punchSource: z.string().nullable(),
  canDecide: z.boolean(),
  decisionBlock: ZDecisionBlock.nullable(),
}).meta({ id: 'PunchCorrectionListItem' });

export const ZCorrectionList = z.object({ items: z.array(ZCorrectionListItem) }).meta({ id: 'PunchCorrectionList' });

export const ZDayPunch = z
  .object({
    id: z.string(),
    at: z.date(),
    time: z.string(),
    direction: ZDirection.nullable(),
    sourceId: z.string(),
    annulled: z.boolean(),
    /** An active (pending or approved) void request for this punch. */
    voidRequestId: z.string().nullable(),
  })
  .meta({ id: 'CorrectionDayPunch' });

export const ZDayPunches = z.object({ items: z.array(ZDayPunch) }).meta({ id: 'CorrectionDayPunches' });

export function correctionDto(r: CorrectionRow, time: string | null): z.output<typeof ZCorrection> {
  return {
    id: r.id,
    personId: r.person_id,
    unitId: r.unit_id,
    kind: r.kind,
    date: r.date,
    at: r.at,
    time,
    direction: r.direction,
    punchId: r.punch_id,
    reason: r.reason,
    attachmentRef: r.attachment_ref,
    status: r.status,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    cancelledAt: r.cancelled_at,
    createdPunchId: r.created_punch_id,
    version: r.version,
  };
}
