import { z } from 'zod';
import { ZDate, ZText, multipartBody } from '../../platform/http/schemas';
import { CASE_STATES, DECISIONS } from './domain/states';
import { MAX_FILE_BYTES, MAX_FILES } from './explanations.service';
import type { CaseRow } from './workflow.repo';

const ZReason = ZText(2000).pipe(z.string().min(3, 'a reason is required'));
export const ZExplanationBody = ZText(8000).pipe(z.string().min(10, 'at least 10 characters'));

export const ZRequestExplanationBody = z.strictObject({ workingDays: z.number().int().min(1).max(30).default(3) });
export const ZDecisionBody = z.strictObject({ decision: z.enum(DECISIONS), reason: ZReason });
export const ZProposalBody = z.strictObject({ note: ZReason });
export const ZCloseBody = z.strictObject({ reason: ZReason });
export const ZDisciplineContextQuery = z.strictObject({ asOf: ZDate.optional() });
export const ZExplanationFileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });

/** The explanation form, documented for the OpenAPI document (the parts are read in the handler). */
export const explanationUploadDoc = multipartBody({
  body: { type: 'string', required: true, description: 'The explanation, 10 to 8000 characters.' },
  files: {
    type: 'files',
    description: `Up to ${MAX_FILES} attachments of at most ${MAX_FILE_BYTES / 1024 / 1024} MB each: PDF, JPEG, PNG, WebP, plain text or Word documents.`,
  },
});

export const ZExplanationCreated = z.object({ explanationId: z.uuid() });

/** Where a violation's case stands after a leader's action. */
export const ZCaseStatus = z
  .object({
    state: z.enum(CASE_STATES),
    decision: z.enum(DECISIONS).nullable(),
    explanationDueAt: z.date().nullable(),
    proposal: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'ViolationCaseStatus' });

export function caseStatusDto(c: CaseRow): z.output<typeof ZCaseStatus> {
  return { state: c.state, decision: c.decision, explanationDueAt: c.explanation_due_at, proposal: c.proposal };
}

const ZBilingual = z.object({ vi: z.string(), en: z.string() });

const ZDisciplineForm = z.object({
  code: z.string(),
  vi: z.string(),
  en: z.string(),
  leadersOnly: z.boolean().optional(),
  nonLeadersOnly: z.boolean().optional(),
  electedOnly: z.boolean().optional(),
});

/** The discipline regime that applies to a person of a staff category on a date (shown, never chosen). */
export const ZDisciplineRegime = z
  .object({
    code: z.enum(['ND172_2025', 'ND112_2020_ND71_2023', 'ND112_2020', 'BLLD_2019']),
    nameVi: z.string(),
    nameEn: z.string(),
    legalBasis: z.string(),
    forms: z.array(ZDisciplineForm),
    limitationYears: z.object({ reprimandLevel: z.number().int(), warningOrHeavier: z.number().int() }).nullable(),
    processingDays: z.object({ normal: z.number().int(), extended: z.number().int(), dayKind: z.literal('CALENDAR') }).nullable(),
    note: ZBilingual,
  })
  .meta({ id: 'DisciplineRegime' });

/** Regime, forms and time limits for the person and violation, as of a date. */
export const ZDisciplineContext = z
  .object({
    category: z.enum(['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG']),
    asOf: z.string(),
    violationDate: z.string(),
    detectedOn: z.string(),
    regime: ZDisciplineRegime,
    deadlines: z.object({
      limitationReprimandUntil: z.string().nullable(),
      limitationHeavierUntil: z.string().nullable(),
      processingDueOn: z.string().nullable(),
      processingExtendedDueOn: z.string().nullable(),
    }),
  })
  .meta({ id: 'DisciplineContext' });
