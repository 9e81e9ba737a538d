/**
 * rules — per-unit, versioned rules from the unit's work regulation: what counts as a violation,
 * repeat counting (rolling window or calendar month/quarter) and escalation steps. A violation is judged by the
 * version in force on its date; a new version never re-judges the past. Owns violation_rule_sets.
 */
export { adoptRuleSet, effectiveRules, SYSTEM_DEFAULT_RULES_EN, SYSTEM_DEFAULT_RULES_VI, type EffectiveRules, type NewRuleSet } from './rules.service';
export {
  ACTION_LABELS,
  AUTO_KINDS,
  DEFAULT_RULES,
  ESCALATION_ACTIONS,
  MANUAL_KINDS,
  storedRuleConfig,
  VIOLATION_KINDS,
  ZRuleConfig,
  type EscalationAction,
  type EscalationStep,
  type RepeatWindow,
  type RuleConfig,
  type ViolationKind,
} from './domain/rule-config';
export { repeatKinds, stepFor, windowFor } from './domain/judge';
