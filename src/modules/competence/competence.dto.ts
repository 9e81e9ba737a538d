import { z } from 'zod';
import { ZDate, ZText } from '../../platform/http/schemas';
import type { DelegationRow, PostRow } from './competence.repo';
import { MATTERS } from './competence.types';
import { type CompetenceRule, DECIDERS, EXTERNAL_LEVELS } from './domain/model';

export const ZMatter = z.enum(MATTERS).meta({ id: 'CompetenceMatter' });
const ZPost = z.enum(['STAFF', 'DEPUTY', 'HEAD']);
const ZCategory = z.enum(['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG']);

/** May the signed-in user act on this subject's matter, and if not, why and who may (CONTRACT C2). */
export const ZCompetenceVerdict = z
  .object({
    allowed: z.boolean(),
    code: z.enum(['COMPETENCE_OWN_CASE', 'COMPETENCE_SUPERIOR_CASE', 'COMPETENCE_NOT_COMPETENT']).nullable(),
    message_vi: z.string().nullable(),
    message_en: z.string().nullable(),
    competentUnitId: z.guid().nullable(),
    competentUnitName: z.string().nullable().describe('The competent unit, or the outside decider (e.g. "Chủ tịch UBND tỉnh")'),
    external: z.boolean().describe('The competent level is outside this organisation (e.g. provincial)'),
    legalBasis: z.string().nullable(),
  })
  .meta({ id: 'CompetenceVerdict' });

export const ZCompetenceCheckQuery = z.strictObject({
  // Inline (not the named component) so the query parameter documents its values itself.
  matter: z.enum(MATTERS),
  // Required in practice (400 PERSON_REQUIRED without it); optional in the schema so generic probes send none.
  subjectPersonId: z.uuid().optional(),
  date: ZDate.optional().describe('The day of the act (YYYY-MM-DD); today by default'),
});

/** One row of the dated competence table. validTo is exclusive (the first day the rule no longer applies). */
export const ZCompetenceRule = z
  .object({
    id: z.guid(),
    matter: ZMatter,
    subjectPost: ZPost,
    subjectUnitTypes: z.array(z.string()).nullable().describe('Unit type codes; null = any'),
    subjectCategory: ZCategory.nullable().describe('null = any category'),
    decider: z.enum(DECIDERS),
    externalName: z.string().nullable(),
    externalLevel: z.enum(EXTERNAL_LEVELS).nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    legalBasis: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'CompetenceRule' });

export const ZCompetenceRuleBody = z
  .strictObject({
    matter: ZMatter,
    subjectPost: ZPost,
    subjectUnitTypes: z.array(z.string().trim().regex(/^[A-Z_]{2,40}$/)).min(1).max(30).nullish(),
    subjectCategory: ZCategory.nullish(),
    decider: z.enum(DECIDERS),
    externalName: ZText(200).pipe(z.string().min(2)).nullish(),
    externalLevel: z.enum(EXTERNAL_LEVELS).nullish(),
    validFrom: ZDate,
    validTo: ZDate.nullish(),
    legalBasis: ZText(300).pipe(z.string().min(3)),
    note: ZText(2000).nullish(),
  })
  .meta({ id: 'CompetenceRuleAdopt' });

export const ZCompetenceRuleAdopted = z
  .object({ rule: ZCompetenceRule, closedRuleIds: z.array(z.guid()).describe('Previous versions closed on the new validFrom') })
  .meta({ id: 'CompetenceRuleAdopted' });

export function ruleDto(r: CompetenceRule): z.output<typeof ZCompetenceRule> {
  return {
    id: r.id,
    matter: r.matter,
    subjectPost: r.subjectPost,
    subjectUnitTypes: r.subjectUnitTypes,
    subjectCategory: r.subjectCategory as z.output<typeof ZCategory> | null,
    decider: r.decider,
    externalName: r.externalName,
    externalLevel: r.externalLevel,
    validFrom: r.validFrom,
    validTo: r.validTo,
    legalBasis: r.legalBasis,
    note: r.note,
  };
}

/** Who heads (HEAD) or deputises (DEPUTY) a unit, when. validTo is exclusive. */
export const ZLeadershipPost = z
  .object({
    id: z.guid(),
    personId: z.guid(),
    unitId: z.guid(),
    post: z.enum(['HEAD', 'DEPUTY']),
    title: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    legalBasis: z.string().nullable(),
  })
  .meta({ id: 'LeadershipPost' });

export const ZLeadershipPostBody = z
  .strictObject({
    personId: z.uuid(),
    unitId: z.uuid(),
    post: z.enum(['HEAD', 'DEPUTY']),
    title: ZText(200).pipe(z.string().min(2)),
    validFrom: ZDate,
    validTo: ZDate.nullish(),
    legalBasis: ZText(300).nullish(),
  })
  .meta({ id: 'LeadershipPostCreate' });

export const ZLeadershipPostPatch = z
  .strictObject({
    post: z.enum(['HEAD', 'DEPUTY']).optional(),
    title: ZText(200).pipe(z.string().min(2)).optional(),
    validFrom: ZDate.optional(),
    validTo: ZDate.nullish(),
    legalBasis: ZText(300).nullish(),
  })
  .meta({ id: 'LeadershipPostPatch' });

export const postDto = (p: PostRow): z.output<typeof ZLeadershipPost> => ({
  id: p.id,
  personId: p.person_id,
  unitId: p.unit_id,
  post: p.post,
  title: p.title,
  validFrom: p.valid_from,
  validTo: p.valid_to,
  legalBasis: p.legal_basis,
});

/** Ủy quyền: the delegate decides a matter in the delegating leader's place from validFrom up to (not including) validTo. */
export const ZDelegation = z
  .object({
    id: z.guid(),
    fromPersonId: z.guid(),
    toPersonId: z.guid(),
    matter: ZMatter,
    validFrom: z.string(),
    validTo: z.string().describe('Exclusive: the first day the delegation no longer applies'),
    documentRef: z.string(),
    reason: z.string(),
    endedBy: z.string().nullable(),
  })
  .meta({ id: 'Delegation' });

export const ZDelegationBody = z
  .strictObject({
    fromPersonId: z.uuid(),
    toPersonId: z.uuid(),
    matter: ZMatter,
    validFrom: ZDate,
    validTo: ZDate.describe('Exclusive: the first day the delegation no longer applies'),
    documentRef: ZText(200).pipe(z.string().min(2)).describe('Số, ký hiệu of the giấy ủy quyền'),
    reason: ZText(1000).pipe(z.string().min(3)),
  })
  .meta({ id: 'DelegationCreate' });

export const ZDelegationEnd = z
  .strictObject({ endOn: ZDate.optional().describe('The first day it no longer applies; today by default') })
  .meta({ id: 'DelegationEnd' });

export const delegationDto = (d: DelegationRow): z.output<typeof ZDelegation> => ({
  id: d.id,
  fromPersonId: d.from_person_id,
  toPersonId: d.to_person_id,
  matter: d.matter,
  validFrom: d.valid_from,
  validTo: d.valid_to,
  documentRef: d.document_ref,
  reason: d.reason,
  endedBy: d.ended_by,
});
