import { z } from 'zod';
import { ZDate, ZText, multipartBody } from '../../platform/http/schemas';
import { DOCUMENT_KINDS } from './domain/documents';
import { DISCIPLINE_ACTIONS, DISCIPLINE_STATES } from './domain/states';

const ZLabel = z.object({ vi: z.string(), en: z.string() });
const ZName = ZText(200).pipe(z.string().min(2));
const ZLong = ZText(4000).pipe(z.string().min(3));
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');
const ZCategory = z.enum(['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG']);

export const ZSigner = z
  .strictObject({
    authorityLine: ZText(120).pipe(z.string().regex(/^(TM|KT|TL|TUQ|Q)\.\s+\S/u, 'starts with TM., KT., TL., TUQ. or Q.')).nullable(),
    title: ZName,
    name: ZName,
  })
  .meta({ id: 'DisciplineSigner' });

export const ZOpenCaseBody = z.strictObject({ violationIds: z.array(z.uuid()).min(1).max(50), note: ZText(2000).nullable().default(null) });
export const ZCaseCreated = z.object({ id: z.uuid() }).meta({ id: 'DisciplineCaseCreated' });
export const ZCaseListQuery = z.strictObject({ personId: z.uuid().optional() });

const ZAttendee = z.strictObject({ name: ZName, role: ZText(200).pipe(z.string().min(2)) });
const ZOpinion = z.strictObject({ name: ZName, opinion: ZLong });

export const ZInvitationBody = z.strictObject({
  invitationNo: ZText(40).nullable().default(null),
  deliveredOn: ZDate,
  meetingOn: ZDate,
  meetingTime: ZTime,
  place: ZName,
  signer: ZSigner,
});
export const ZMinutesBody = z.strictObject({
  heldOn: ZDate,
  personPresent: z.boolean(),
  attendees: z.array(ZAttendee).min(1).max(40),
  opinions: z.array(ZOpinion).max(40),
  conclusion: ZLong,
  secretaryName: ZName,
});
export const ZCouncilBody = z.strictObject({
  formedOn: ZDate,
  decisionRef: ZName,
  members: z
    .array(z.strictObject({ personId: z.uuid().nullable(), name: ZName, role: z.enum(['CHAIR', 'MEMBER', 'SECRETARY']), title: ZText(200).nullable(), declaredNotRelated: z.boolean() }))
    .min(1)
    .max(15),
});
export const ZCouncilMeetingBody = ZMinutesBody.extend({
  invitationDeliveredOn: ZDate,
  meetingTime: ZTime,
  place: ZName,
  ballot: z.array(z.strictObject({ formCode: z.string().max(40), votes: z.number().int().min(0).max(100) })).min(1).max(10),
  recommendation: ZLong,
});
/** The number may be empty here: the service refuses it with its own code and words (DECISION_NUMBER_REQUIRED). */
export const ZDecisionBody = z.strictObject({
  number: ZText(40),
  signedOn: ZDate,
  effectiveOn: ZDate,
  formCode: z.string().max(40),
  reasons: ZLong,
  signer: ZSigner,
});
export const ZDeliveryBody = z.strictObject({ deliveredOn: ZDate });
export const ZReasonBody = z.strictObject({ reason: ZLong });
export const ZSuspensionBody = z.strictObject({
  kind: z.enum(['ILLNESS', 'MATERNITY', 'DETENTION']),
  fromDate: ZDate,
  toDate: ZDate.nullable().default(null),
  documentRef: ZText(300).pipe(z.string().min(3)),
  note: ZText(2000).nullable().default(null),
});
export const ZSuspensionCreated = z.object({ id: z.uuid() }).meta({ id: 'DisciplineSuspensionCreated' });
export const ZLiftBody = z.strictObject({ toDate: ZDate });
export const ZCaseParams = z.strictObject({ id: z.uuid() });
export const ZSuspensionParams = z.strictObject({ id: z.uuid(), suspensionId: z.uuid() });
export const ZDocumentParams = z.strictObject({ id: z.uuid(), documentId: z.uuid() });
export const ZPersonParams = z.strictObject({ personId: z.uuid() });
export const ZDocumentCreated = z.object({ id: z.uuid() }).meta({ id: 'DisciplineDocumentCreated' });
export const uploadDoc = multipartBody({
  kind: { type: 'string', required: true, description: 'SELF_REVIEW (bản tự kiểm điểm), SUSPENSION_EVIDENCE or OTHER.' },
  file: { type: 'file', description: 'One PDF, JPEG, PNG or DOCX file of at most 10 MB.' },
});

export const ZProposedViolation = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    unitId: z.uuid(),
    kind: z.string(),
    kindLabel: ZLabel,
    title: z.string(),
    occurredOn: z.string(),
    proposedOn: z.string(),
    proposalNote: z.string().nullable(),
  })
  .meta({ id: 'DisciplineProposedViolation' });

export const ZCaseSummary = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    unitName: z.string(),
    state: z.enum(DISCIPLINE_STATES),
    stateLabel: ZLabel,
    detectedOn: z.string(),
    openedAt: z.date(),
    violations: z.number().int(),
    decisionNumber: z.string().nullable(),
    formLabel: z.string().nullable(),
    effectiveOn: z.string().nullable(),
  })
  .meta({ id: 'DisciplineCaseSummary' });

const ZConsequence = z
  .object({
    code: z.string(),
    vi: z.string(),
    en: z.string(),
    from: z.string(),
    until: z.string().nullable(),
    months: z.number().nullable(),
    year: z.number().nullable(),
    legalBasis: z.string(),
    confidence: z.string(),
  })
  .meta({ id: 'DisciplineConsequence' });

export const ZDecision = z
  .object({
    number: z.string(),
    issuerName: z.string(),
    signedOn: z.string(),
    effectiveOn: z.string(),
    formCode: z.string(),
    formLabel: z.string(),
    reasons: z.string(),
    signerName: z.string(),
    signerTitle: z.string(),
    authorityLine: z.string().nullable(),
    deliveredOn: z.string().nullable(),
    complaintUntil: z.string().nullable(),
    complaintNote: z.string(),
    consequences: z.array(ZConsequence),
    decidedAt: z.date(),
  })
  .meta({ id: 'DisciplineDecision' });

const ZSuspension = z
  .object({
    id: z.string(),
    source: z.enum(['LEAVE', 'MANUAL']),
    kind: z.enum(['ILLNESS', 'MATERNITY', 'DETENTION', 'SICK_LEAVE']),
    from: z.string(),
    to: z.string().nullable(),
    documentRef: z.string().nullable(),
    note: z.string().nullable(),
    reason: ZLabel,
    legalBasis: z.string(),
    caveat: z.string().nullable(),
  })
  .meta({ id: 'DisciplineSuspension' });

const ZWarning = z.object({ kind: z.string(), dueOn: z.string(), daysLeft: z.number().int(), vi: z.string(), en: z.string() });

export const ZCaseDetail = z
  .object({
    id: z.uuid(),
    state: z.enum(DISCIPLINE_STATES),
    stateLabel: ZLabel,
    councilRequired: z.boolean(),
    category: ZCategory,
    categoryLabel: ZLabel,
    regime: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), legalBasis: z.string(), note: ZLabel }),
    detectedOn: z.string(),
    openedAt: z.date(),
    extended: z.boolean(),
    extensionReason: z.string().nullable(),
    note: z.string().nullable(),
    person: z.object({ id: z.uuid(), fullName: z.string(), employeeCode: z.string(), unitName: z.string(), positionTitle: z.string().nullable(), isLeader: z.boolean() }),
    violations: z.array(z.object({ id: z.uuid(), kind: z.string(), kindLabel: ZLabel, occurredOn: z.string(), proposedOn: z.string() })),
    steps: z.array(z.object({ seq: z.number().int(), action: z.string(), label: ZLabel, fromState: z.string().nullable(), toState: z.string(), onDate: z.string(), actorName: z.string(), at: z.date(), details: z.record(z.string(), z.unknown()) })),
    meetings: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(['REVIEW', 'COUNCIL']),
        invitationNo: z.string().nullable(),
        invitationDeliveredOn: z.string(),
        meetingOn: z.string(),
        meetingTime: z.string(),
        place: z.string(),
        chairName: z.string().nullable(),
        heldOn: z.string().nullable(),
        personPresent: z.boolean().nullable(),
        attendees: z.array(z.object({ name: z.string(), role: z.string() })),
        opinions: z.array(z.object({ name: z.string(), opinion: z.string() })),
        conclusion: z.string().nullable(),
        ballot: z.array(z.object({ formCode: z.string(), votes: z.number().int() })).nullable(),
        recommendation: z.string().nullable(),
      }),
    ),
    council: z.array(z.object({ seq: z.number().int(), personId: z.string().nullable(), name: z.string(), role: z.enum(['CHAIR', 'MEMBER', 'SECRETARY']), title: z.string().nullable(), formedOn: z.string() })),
    decision: ZDecision.nullable(),
    suspensions: z.array(ZSuspension),
    suspendedNow: ZSuspension.nullable(),
    documents: z.array(z.object({ id: z.uuid(), kind: z.enum(DOCUMENT_KINDS), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string(), generated: z.boolean(), createdAt: z.date() })),
    deadlines: z.object({
      limitation: z.array(z.object({ violationId: z.uuid(), occurredOn: z.string(), reprimandUntil: z.string(), heavierUntil: z.string(), legalBasis: z.string(), note: z.string().nullable() })),
      processing: z.object({ days: z.number().int(), dueOn: z.string().nullable(), suspendedDays: z.number().int(), extended: z.boolean(), paused: z.boolean() }).nullable(),
      warnings: z.array(ZWarning),
    }),
    allowedForms: z.array(z.object({ code: z.string(), vi: z.string(), en: z.string() })),
    allowedActions: z.array(z.enum(DISCIPLINE_ACTIONS)),
    competence: z.object({ allowed: z.boolean(), code: z.string().nullable(), message_vi: z.string().nullable(), message_en: z.string().nullable(), competentUnitName: z.string().nullable(), external: z.boolean() }),
  })
  .meta({ id: 'DisciplineCaseDetail' });

export const ZPersonRecord = z
  .object({
    personId: z.uuid(),
    underConsideration: z.array(z.object({ caseId: z.uuid(), state: z.enum(DISCIPLINE_STATES), stateLabel: ZLabel, detectedOn: z.string() })),
    decisions: z.array(ZDecision.extend({ caseId: z.uuid(), inForce: z.boolean() })),
  })
  .meta({ id: 'DisciplineRecord' });
