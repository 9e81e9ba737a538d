import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { DEFAULT_RULES, type RuleConfig, storedRuleConfig, ZRuleConfig } from './domain/rule-config';
import { closeRuleSet, insertRuleSet, latestRuleSet, type RuleSetRow, ruleSetInForce } from './rules.repo';

export interface EffectiveRules {
  ruleSetId: string | null;
  version: number | null;
  /** The unit whose rules apply (the unit itself or an ancestor); null for the built-in default. */
  ownerUnitId: string | null;
  name: string;
  legalBasis: string | null;
  /** UNIT: a regulation the unit (or an ancestor) adopted; SYSTEM_DEFAULT: none adopted, the built-in rules apply. */
  source: 'UNIT' | 'SYSTEM_DEFAULT';
  config: RuleConfig;
}

/** The words notices and the violation page use for where the handling rules come from (audit D7). */
export const SYSTEM_DEFAULT_RULES_VI = 'theo mặc định của hệ thống (đơn vị chưa ban hành quy chế)';
export const SYSTEM_DEFAULT_RULES_EN = 'by the system default (the unit has not adopted its own regulation)';

/** The rules that judge a violation of `unitId` on `date`. */
export async function effectiveRules(db: Db, unitId: string, date: string): Promise<EffectiveRules> {
  const row = await ruleSetInForce(db, unitId, date);
  if (!row)
    return {
      ruleSetId: null,
      version: null,
      ownerUnitId: null,
      name: 'Quy định mặc định của hệ thống (đơn vị chưa ban hành quy chế)',
      legalBasis: null,
      source: 'SYSTEM_DEFAULT',
      config: DEFAULT_RULES,
    };
  return {
    ruleSetId: row.id,
    version: row.version,
    ownerUnitId: row.unit_id,
    name: row.name,
    legalBasis: row.legal_basis,
    source: 'UNIT',
    config: storedRuleConfig(row.config),
  };
}

export interface NewRuleSet {
  unitId: string;
  validFrom: string;
  name: string;
  legalBasis?: string | null;
  config: unknown;
}

/**
 * Adopts a new version of a unit's rules from `validFrom`. The previous version stays as it was for the dates before
 * (only its valid_to is set), so violations already judged keep their judgement and their rule version.
 */
export async function adoptRuleSet(db: Db, input: NewRuleSet, actor: AuditActor): Promise<RuleSetRow> {
  const parsed = ZRuleConfig.safeParse(input.config);
  if (!parsed.success)
    throw errors.badRequest('RULES_INVALID', 'Cấu hình quy định không hợp lệ.', 'The rule configuration is invalid.', parsed.error.issues);
  return db.transaction(async (tx) => {
    const unit = await tx.query<{ id: string }>('SELECT id FROM org_units WHERE id = $1', [input.unitId]);
    if (unit.length === 0) throw errors.notFound('Unit', 'đơn vị');
    const previous = await latestRuleSet(tx, input.unitId);
    if (previous && input.validFrom <= previous.valid_from)
      throw errors.conflict(
        'RULES_NOT_AFTER_PREVIOUS',
        `Ngày hiệu lực phải sau ngày hiệu lực của phiên bản ${previous.version} (${previous.valid_from}).`,
        `The effective date must be after version ${previous.version}'s (${previous.valid_from}).`,
      );
    if (previous) await closeRuleSet(tx, previous.id, input.validFrom);
    const row = await insertRuleSet(tx, {
      id: randomUUID(),
      unit_id: input.unitId,
      version: (previous?.version ?? 0) + 1,
      valid_from: input.validFrom,
      name: input.name,
      legal_basis: input.legalBasis ?? null,
      config: parsed.data,
      created_by: actor.id ?? null,
    });
    await recordAudit(tx, {
      actor,
      action: 'rules.adopt',
      entityType: 'violation_rule_set',
      entityId: row.id,
      unitId: input.unitId,
      details: { version: row.version, validFrom: row.valid_from, previousVersion: previous?.version ?? null },
    });
    return row;
  });
}
