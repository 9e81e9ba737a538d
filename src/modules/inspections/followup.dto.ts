import { z } from 'zod';
import { ZDate, ZInstant, ZText } from '../../platform/http/schemas';
import { RECOMMENDATION_KINDS, REMEDIATION_STATES } from './domain/states';
import {
  ZAttendanceAtVisit,
  ZEvidence,
  ZFinding,
  ZInspectionKind,
  ZInspectionState,
  ZItemResult,
  ZMember,
  ZPhoto,
} from './inspections.dto';

/** HTTP shapes of the minutes, the conclusion, recommendations, remediations, the full view and statistics. */
const ZLabel = z.object({ vi: z.string(), en: z.string() });
const ZName = ZText(200).pipe(z.string().min(2));
const ZLong = ZText(4000);

export const ZSignerBody = z
  .strictObject({
    authorityLine: ZText(120).nullable().default(null),
    title: ZName,
    name: ZName,
  })
  .meta({ id: 'InspectionSigner' });

export const ZMinutesBody = z.strictObject({
  representative: z.strictObject({ name: ZName, title: ZName }),
  opinion: ZLong.nullable().default(null),
  disagreement: ZLong.nullable().default(null),
  closingNote: ZLong.nullable().default(null),
  /** End of the work on site; now when absent. */
  endedAt: ZInstant.optional(),
  /** Date printed on the minutes; the local date of endedAt when absent. */
  date: ZDate.optional(),
  /** Issuer printed at the top left; the issuer unit's superior body and name when absent. */
  place: ZText(100).optional(),
});

export const ZConclusionBody = z.strictObject({
  summary: ZLong.nullable().default(null),
  shortcomings: z.array(ZText(1000).pipe(z.string().min(3))).max(30).default([]),
  recommendations: z
    .array(z.strictObject({ kind: z.enum(RECOMMENDATION_KINDS), text: ZText(2000).pipe(z.string().min(3)), personId: z.uuid().nullable().default(null) }))
    .max(50)
    .default([]),
  remediations: z
    .array(
      z.strictObject({
        description: ZText(2000).pipe(z.string().min(3)),
        ownerUnitId: z.uuid(),
        responsiblePersonId: z.uuid().nullable().default(null),
        dueOn: ZDate,
      }),
    )
    .max(50)
    .default([]),
  reportDueOn: ZDate.nullable().default(null),
  signer: ZSignerBody,
  recipients: z.array(ZText(200).pipe(z.string().min(2))).max(20).default([]),
  date: ZDate.optional(),
  place: ZText(100).optional(),
});

export const ZDocument = z
  .object({
    id: z.uuid(),
    kind: z.enum(['MINUTES', 'CONCLUSION']),
    numberText: z.string(),
    year: z.number().int(),
    sha256: z.string(),
    issuedAt: z.date(),
    url: z.string(),
  })
  .meta({ id: 'InspectionDocument' });

export const ZRecommendation = z
  .object({ id: z.uuid(), kind: z.enum(RECOMMENDATION_KINDS), kindLabel: ZLabel, text: z.string(), personId: z.uuid().nullable(), personName: z.string().nullable() })
  .meta({ id: 'InspectionRecommendation' });

export const ZRemediation = z
  .object({
    id: z.uuid(),
    description: z.string(),
    ownerUnitId: z.uuid(),
    ownerUnitName: z.string(),
    responsiblePersonId: z.uuid().nullable(),
    dueOn: ZDate,
    state: z.enum(REMEDIATION_STATES),
    stateLabel: ZLabel,
    overdue: z.boolean(),
    report: z.string().nullable(),
    reportedAt: z.date().nullable(),
    closedNote: z.string().nullable(),
    closedAt: z.date().nullable(),
  })
  .meta({ id: 'InspectionRemediation' });

export const ZReportBody = z.strictObject({ text: ZText(4000).pipe(z.string().min(3)) });
export const ZDoneBody = z.strictObject({ note: ZLong.nullable().default(null) });
export const ZCloseBody = z.strictObject({
  note: ZText(4000).pipe(z.string().min(3)),
  /** Close remediations not done with this note (otherwise 409 REMEDIATIONS_OPEN while any is not done). */
  closeOpenRemediations: z.boolean().default(false),
});

export const ZInspection = z
  .object({
    id: z.uuid(),
    planId: z.uuid().nullable(),
    kind: ZInspectionKind,
    kindLabel: ZLabel,
    state: ZInspectionState,
    stateLabel: ZLabel,
    issuerUnitId: z.uuid(),
    issuerUnitName: z.string(),
    targetUnitId: z.uuid(),
    targetUnitName: z.string(),
    title: z.string(),
    scope: z.string(),
    plannedFrom: z.date(),
    plannedTo: z.date(),
    place: z.string(),
    checklistId: z.uuid(),
    checklistVersion: z.number().int(),
    decisionNo: z.string().nullable(),
    decisionDate: ZDate.nullable(),
    decisionSigner: z.string().nullable(),
    startedAt: z.date().nullable(),
    endedAt: z.date().nullable(),
    representativeName: z.string().nullable(),
    representativeTitle: z.string().nullable(),
    representativeOpinion: z.string().nullable(),
    disagreement: z.string().nullable(),
    closingNote: z.string().nullable(),
    closedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Inspection' });

/** What the caller may do on this inspection (the web shows only these actions). */
export const ZInspectionCan = z
  .object({ manage: z.boolean(), fieldWork: z.boolean(), minutes: z.boolean(), conclude: z.boolean(), report: z.boolean(), close: z.boolean() })
  .meta({ id: 'InspectionCan' });

export const ZInspectionView = z
  .object({
    inspection: ZInspection,
    members: z.array(ZMember),
    items: z.array(ZItemResult),
    findings: z.array(ZFinding),
    photos: z.array(ZPhoto),
    evidence: z.array(ZEvidence),
    documents: z.array(ZDocument),
    recommendations: z.array(ZRecommendation),
    remediations: z.array(ZRemediation),
    /** Beside the WORKING_HOURS item: who had punched in by the visit time (null before the visit starts). */
    attendanceAtVisit: ZAttendanceAtVisit.nullable(),
    can: ZInspectionCan,
  })
  .meta({ id: 'InspectionView' });

// ─── Statistics ───────────────────────────────────────────────────────────────────────────────────────────────────
export const ZStatsQuery = z.strictObject({ from: ZDate, to: ZDate, asOf: ZDate.optional(), unitId: z.uuid().optional() });
const ZCount = z.object({ key: z.string(), label: ZLabel, count: z.number().int() });
export const ZInspectionStats = z
  .object({
    from: ZDate,
    to: ZDate,
    asOf: ZDate,
    total: z.number().int(),
    byKind: z.array(ZCount),
    /** Target units counted by their type on the org tree as of asOf (former units rolled into their successor). */
    byTargetType: z.array(ZCount),
    findingsByItem: z.array(z.object({ code: z.string(), titleVi: z.string(), titleEn: z.string(), findings: z.number().int(), failed: z.number().int() })),
    findingsByUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), inspections: z.number().int(), findings: z.number().int(), violations: z.number().int() })),
    byMonth: z.array(z.object({ month: z.string(), inspections: z.number().int(), findings: z.number().int() })),
  })
  .meta({ id: 'InspectionStats' });
