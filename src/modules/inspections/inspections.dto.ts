import { z } from 'zod';
import { ZDate, ZInstant, ZText } from '../../platform/http/schemas';
import { INSPECTION_KINDS, INSPECTION_STATES, MEMBER_ROLES, VERDICTS } from './domain/states';

/**
 * HTTP shapes of plans, checklists, inspections, the team, item results, findings, photos and camera evidence
 * (contract: /work/tmp/h/CONTRACT-inspections.md, "API"). Documents, follow-up and statistics: followup.dto.ts.
 */
const ZLabel = z.object({ vi: z.string(), en: z.string() });
const ZTitle = ZText(300).pipe(z.string().min(3));
const ZName = ZText(200).pipe(z.string().min(2));
const ZNote = ZText(4000);

export const ZInspectionKind = z.enum(INSPECTION_KINDS).meta({ id: 'InspectionKind' });
export const ZInspectionState = z.enum(INSPECTION_STATES).meta({ id: 'InspectionState' });
export const ZVerdict = z.enum(VERDICTS).meta({ id: 'InspectionVerdict' });
export const ZMemberRole = z.enum(MEMBER_ROLES).meta({ id: 'InspectionMemberRole' });

export const ZIdParams = z.strictObject({ id: z.uuid() });
export const ZItemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
export const ZPhotoParams = z.strictObject({ id: z.uuid(), photoId: z.uuid() });
export const ZDocParams = z.strictObject({ id: z.uuid(), docId: z.uuid() });
export const ZRemediationParams = z.strictObject({ id: z.uuid(), rid: z.uuid() });
export const ZCreated = z.object({ id: z.uuid() }).meta({ id: 'InspectionCreated' });

// ─── Plans ────────────────────────────────────────────────────────────────────────────────────────────────────────
const ZPlanTargetBody = z.strictObject({ unitId: z.uuid(), plannedFrom: ZDate, plannedTo: ZDate });
export const ZPlanBody = z.strictObject({
  issuerUnitId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  periodLabel: ZText(100).pipe(z.string().min(2)),
  title: ZTitle,
  note: ZNote.default(''),
  targets: z.array(ZPlanTargetBody).max(500).default([]),
});
export const ZPlanPatch = z.strictObject({
  periodLabel: ZText(100).pipe(z.string().min(2)).optional(),
  title: ZTitle.optional(),
  note: ZNote.optional(),
  targets: z.array(ZPlanTargetBody).max(500).optional(),
});
export const ZPlanTarget = z
  .object({ unitId: z.uuid(), unitName: z.string(), plannedFrom: ZDate, plannedTo: ZDate, inspections: z.number().int() })
  .meta({ id: 'InspectionPlanTarget' });
export const ZPlan = z
  .object({
    id: z.uuid(),
    issuerUnitId: z.uuid(),
    issuerUnitName: z.string(),
    year: z.number().int(),
    periodLabel: z.string(),
    title: z.string(),
    note: z.string(),
    targets: z.array(ZPlanTarget),
    createdAt: z.date(),
  })
  .meta({ id: 'InspectionPlan' });
export const ZPlanListQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional(), unitId: z.uuid().optional() });

// ─── Checklists ───────────────────────────────────────────────────────────────────────────────────────────────────
export const ZChecklistItem = z
  .object({
    id: z.uuid(),
    ord: z.number().int(),
    code: z.string(),
    titleVi: z.string(),
    titleEn: z.string(),
    legalBasis: z.string(),
    perPerson: z.boolean(),
    violationKind: z.string().nullable(),
  })
  .meta({ id: 'InspectionChecklistItem' });
export const ZChecklistSummary = z
  .object({ id: z.uuid(), code: z.string(), version: z.number().int(), title: z.string(), items: z.number().int(), inUse: z.boolean(), createdAt: z.date() })
  .meta({ id: 'InspectionChecklistSummary' });
export const ZChecklist = z
  .object({ id: z.uuid(), code: z.string(), version: z.number().int(), title: z.string(), inUse: z.boolean(), createdAt: z.date(), items: z.array(ZChecklistItem) })
  .meta({ id: 'InspectionChecklist' });
const ZChecklistItemBody = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'UPPER_SNAKE code'),
  titleVi: ZTitle,
  titleEn: ZTitle,
  legalBasis: ZText(1000).default(''),
  perPerson: z.boolean().default(false),
  violationKind: z.enum(['LATE', 'EARLY_LEAVE', 'ABSENT_NO_REASON', 'OTHER']).nullable().default(null),
});
/** A new version of an existing checklist (same code, version + 1) with the full list of items as edited. */
export const ZChecklistBody = z.strictObject({ fromId: z.uuid(), title: ZTitle.optional(), items: z.array(ZChecklistItemBody).min(1).max(60) });

// ─── Inspections ──────────────────────────────────────────────────────────────────────────────────────────────────
export const ZInspectionBody = z.strictObject({
  planId: z.uuid().nullable().default(null),
  kind: ZInspectionKind,
  issuerUnitId: z.uuid(),
  targetUnitId: z.uuid(),
  title: ZTitle,
  scope: ZNote.default(''),
  plannedFrom: ZInstant,
  plannedTo: ZInstant,
  place: ZText(300).default(''),
  /** Defaults to the newest version of the standard checklist. */
  checklistId: z.uuid().nullable().default(null),
});
export const ZInspectionPatch = z.strictObject({
  kind: ZInspectionKind.optional(),
  targetUnitId: z.uuid().optional(),
  title: ZTitle.optional(),
  scope: ZNote.optional(),
  plannedFrom: ZInstant.optional(),
  plannedTo: ZInstant.optional(),
  place: ZText(300).optional(),
  checklistId: z.uuid().optional(),
});
export const ZInspectionListQuery = z.strictObject({
  kind: ZInspectionKind.optional(),
  state: ZInspectionState.optional(),
  unitId: z.uuid().optional(),
  planId: z.uuid().optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  sort: z.enum(['plannedFrom', '-plannedFrom', 'state', 'target']).default('-plannedFrom'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZInspectionSummary = z
  .object({
    id: z.uuid(),
    planId: z.uuid().nullable(),
    kind: ZInspectionKind,
    kindLabel: ZLabel,
    state: ZInspectionState,
    stateLabel: ZLabel,
    title: z.string(),
    issuerUnitId: z.uuid(),
    issuerUnitName: z.string(),
    targetUnitId: z.uuid(),
    targetUnitName: z.string(),
    plannedFrom: z.date(),
    plannedTo: z.date(),
    decisionNo: z.string().nullable(),
    startedAt: z.date().nullable(),
    findings: z.number().int(),
    /** Whether the caller is on the team. */
    member: z.boolean(),
  })
  .meta({ id: 'InspectionSummary' });
export const ZInspectionPage = z
  .object({ items: z.array(ZInspectionSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'InspectionPage' });

export const ZMembersBody = z.strictObject({
  members: z
    .array(z.strictObject({ userId: z.uuid(), role: ZMemberRole, name: ZName.optional(), title: ZText(200).default('') }))
    .min(1)
    .max(30),
});
export const ZMember = z
  .object({ userId: z.uuid(), personId: z.uuid().nullable(), role: ZMemberRole, name: z.string(), title: z.string() })
  .meta({ id: 'InspectionMember' });

export const ZMemberCandidatesQuery = z.strictObject({ q: z.string().trim().max(100).default('') });
export const ZMemberCandidate = z
  .object({ userId: z.uuid(), personId: z.uuid().nullable(), name: z.string(), unitName: z.string(), onTeam: z.boolean() })
  .meta({ id: 'InspectionMemberCandidate' });

export const ZDecideBody = z.strictObject({ decisionNo: ZText(60).pipe(z.string().min(3)), decisionDate: ZDate, decisionSigner: ZName });

export const ZResultBody = z.strictObject({ verdict: ZVerdict.nullable(), note: ZNote.default('') });
export const ZItemResult = ZChecklistItem.extend({
  verdict: ZVerdict.nullable(),
  verdictLabel: ZLabel.nullable(),
  note: z.string(),
  updatedAt: z.date().nullable(),
}).meta({ id: 'InspectionItemResult' });

export const ZFindingBody = z.strictObject({
  clientId: ZText(100).pipe(z.string().min(4)),
  itemId: z.uuid(),
  personId: z.uuid().nullable().default(null),
  description: ZText(4000).pipe(z.string().min(3)),
  observedAt: ZInstant,
});
export const ZFinding = z
  .object({
    id: z.uuid(),
    clientId: z.string(),
    itemId: z.uuid(),
    itemCode: z.string(),
    personId: z.uuid().nullable(),
    personName: z.string().nullable(),
    description: z.string(),
    observedAt: z.date(),
    violationId: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'InspectionFinding' });

export const ZPhoto = z
  .object({
    id: z.uuid(),
    clientId: z.string(),
    findingId: z.uuid().nullable(),
    itemId: z.uuid().nullable(),
    contentType: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    takenAt: z.date().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    url: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'InspectionPhoto' });

export const ZEvidenceBody = z.strictObject({
  kind: z.enum(['SNAPSHOT', 'CLIP']),
  cameraId: z.uuid(),
  at: ZInstant.optional(),
  from: ZInstant.optional(),
  to: ZInstant.optional(),
  findingId: z.uuid().nullable().default(null),
  reason: ZText(500).pipe(z.string().min(3)),
});
export const ZEvidence = z
  .object({
    id: z.uuid(),
    exportId: z.uuid(),
    kind: z.enum(['SNAPSHOT', 'CLIP']),
    cameraId: z.uuid(),
    findingId: z.uuid().nullable(),
    sha256: z.string(),
    reason: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'InspectionEvidence' });

export const ZInspectionCamera = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unitId: z.uuid(),
    location: z.string().nullable(),
    viewableUntil: z.date(),
    /** The caller may watch it live now (the inspection's camera grant, or a role over the unit). */
    liveAvailable: z.boolean(),
    /** The caller may play back its recordings now. */
    playbackAvailable: z.boolean(),
  })
  .meta({ id: 'InspectionCamera' });

export const ZAttendanceAtVisit = z
  .object({
    date: ZDate,
    /** The visit time the facts are taken at (start of the on-site work, or now while it runs). */
    at: z.date(),
    present: z.number().int(),
    total: z.number().int(),
    persons: z.array(z.object({ personId: z.uuid(), name: z.string(), employeeCode: z.string(), status: z.string(), arrivedAt: z.date().nullable(), punchedInByVisit: z.boolean() })),
  })
  .meta({ id: 'InspectionAttendanceAtVisit' });
