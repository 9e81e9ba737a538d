import type { Db } from '../../platform/ports/db';
import type { RuleConfig } from './domain/rule-config';

export interface RuleSetRow {
  id: string;
  unit_id: string;
  version: number;
  valid_from: string;
  valid_to: string | null;
  name: string;
  legal_basis: string | null;
  config: RuleConfig;
  created_by: string | null;
  created_at: Date;
}

export async function listRuleSets(db: Db, unitId: string): Promise<RuleSetRow[]> {
  return db.query<RuleSetRow>('SELECT * FROM violation_rule_sets WHERE unit_id = $1 ORDER BY version DESC', [unitId]);
}

export async function latestRuleSet(db: Db, unitId: string): Promise<RuleSetRow | undefined> {
  const rows = await db.query<RuleSetRow>(
    'SELECT * FROM violation_rule_sets WHERE unit_id = $1 ORDER BY version DESC LIMIT 1 FOR UPDATE',
    [unitId],
  );
  return rows[0];
}

/**
 * The rule set in force on `date` for `unitId`: the unit's own, else the nearest ancestor's (a commune's rules apply
 * to its divisions unless a division adopted its own). Walks the parent chain in SQL so it also works inside a
 * transaction.
 */
export async function ruleSetInForce(db: Db, unitId: string, date: string): Promise<RuleSetRow | undefined> {
  const rows = await db.query<RuleSetRow>(
    `WITH RECURSIVE chain(id, depth) AS (
        SELECT id, 0 FROM org_units WHERE id = $1
        UNION ALL
        SELECT u.parent_id, c.depth + 1 FROM chain c JOIN org_units u ON u.id = c.id
         WHERE u.parent_id IS NOT NULL AND c.depth < 64)
     SELECT r.* FROM chain c JOIN violation_rule_sets r ON r.unit_id = c.id
      WHERE r.valid_from <= $2::date AND (r.valid_to IS NULL OR r.valid_to > $2::date)
      ORDER BY c.depth, r.version DESC LIMIT 1`,
    [unitId, date],
  );
  return rows[0];
}

export async function insertRuleSet(db: Db, row: Omit<RuleSetRow, 'created_at' | 'valid_to'>): Promise<RuleSetRow> {
  const rows = await db.query<RuleSetRow>(
    `INSERT INTO violation_rule_sets (id, unit_id, version, valid_from, name, legal_basis, config, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING *`,
    [row.id, row.unit_id, row.version, row.valid_from, row.name, row.legal_basis, JSON.stringify(row.config), row.created_by],
  );
  return rows[0] as RuleSetRow;
}

export async function closeRuleSet(db: Db, id: string, validTo: string): Promise<void> {
  await db.query('UPDATE violation_rule_sets SET valid_to = $2 WHERE id = $1', [id, validTo]);
}
