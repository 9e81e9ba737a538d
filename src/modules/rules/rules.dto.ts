import { z } from 'zod';
import { ZDate, ZText } from '../../platform/http/schemas';
import { ESCALATION_ACTIONS, withoutLegacyKeys } from './domain/rule-config';
import type { RuleSetRow } from './rules.repo';

/** A unit's rule configuration as stored (validated on adoption; see GET /api/rules/defaults for its shape). */
const ZConfig = z.record(z.string(), z.unknown());

/** One version of a unit's rules (quy chế), in force from validFrom until the next version's validFrom. */
export const ZRuleSet = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    version: z.number().int(),
    validFrom: z.string().describe('YYYY-MM-DD, first day in force.'),
    validTo: z.string().nullable().describe('YYYY-MM-DD, first day no longer in force; null while current.'),
    name: z.string(),
    legalBasis: z.string().nullable(),
    config: ZConfig,
    createdAt: z.date(),
  })
  .meta({ id: 'RuleSet' });

export function ruleSetDto(r: RuleSetRow): z.output<typeof ZRuleSet> {
  return {
    id: r.id,
    unitId: r.unit_id,
    version: r.version,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    name: r.name,
    legalBasis: r.legal_basis,
    // Versions stored before grace minutes moved to the attendance rules are shown without that key.
    config: withoutLegacyKeys(r.config) as Record<string, unknown>,
    createdAt: r.created_at,
  };
}

/** The rules that judge a unit's violations on a date: its own version, an ancestor's, or the built-in default. */
export const ZEffectiveRules = z
  .object({
    ruleSetId: z.uuid().nullable(),
    version: z.number().int().nullable(),
    ownerUnitId: z.uuid().nullable().describe('The unit whose rules apply (the unit or an ancestor); null for the built-in default.'),
    name: z.string(),
    legalBasis: z.string().nullable(),
    source: z.enum(['UNIT', 'SYSTEM_DEFAULT']).describe('SYSTEM_DEFAULT: the unit has not adopted its own regulation; the built-in rules apply.'),
    config: ZConfig,
  })
  .meta({ id: 'EffectiveRules' });

const ZLabel = z.object({ vi: z.string(), en: z.string() });

export const ZRuleDefaults = z.object({
  config: ZConfig.describe('The built-in rules used until a unit adopts its own.'),
  actions: z.record(z.enum(ESCALATION_ACTIONS), ZLabel).describe('Labels of the escalation actions a step may propose.'),
});

export const ZRulesOfUnit = z.object({ items: z.array(ZRuleSet), effectiveToday: ZEffectiveRules });

export const ZAdoptRuleSet = z.strictObject({
  unitId: z.uuid(),
  validFrom: ZDate,
  name: ZText(200).pipe(z.string().min(3)),
  legalBasis: ZText(300).nullish(),
  config: z.record(z.string(), z.unknown()),
});
