-- Per-unit rules from the unit's work regulation (quy chế làm việc): which attendance facts count as violations,
-- grace minutes, how repeats are counted and the escalation steps. Versions are immutable: a change is a new row
-- whose valid_from closes the previous version (valid_to, exclusive), so a violation is always judged by the
-- version in force on its own date and a later change never re-judges it.
CREATE TABLE violation_rule_sets (
  id           uuid PRIMARY KEY,
  unit_id      uuid NOT NULL REFERENCES org_units(id),
  version      integer NOT NULL,
  valid_from   date NOT NULL,
  valid_to     date,
  name         text NOT NULL,
  legal_basis  text,
  -- RuleConfig (see src/modules/rules/domain/rule-config.ts), validated by zod before it is stored.
  config       jsonb NOT NULL,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, version),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX violation_rule_sets_unit ON violation_rule_sets (unit_id, valid_from);
