import type { Db } from '../../platform/ports/db';
import type { EscalationAction, ViolationKind } from '../rules';
import type { CaseState, Decision } from './domain/states';
import type { ViolationRow } from './violations.repo';

export interface ListFilters {
  unitIds?: string[];
  personId?: string;
  kind?: ViolationKind;
  state?: string;
  from?: string;
  to?: string;
  includeRetracted?: boolean;
  overdueOnly?: boolean;
  page: number;
  pageSize: number;
}

export interface ListRow {
  id: string;
  person_id: string;
  full_name: string;
  employee_code: string;
  unit_id: string;
  unit_name: string;
  kind: ViolationKind;
  source: ViolationRow['source'];
  occurred_on: string;
  session: string | null;
  minutes: number | null;
  title: string;
  repeat_ordinal: number;
  repeat_window: string | null;
  proposed_action: EscalationAction;
  retracted_at: Date | null;
  state: CaseState;
  explanation_due_at: Date | null;
  decision: Decision | null;
  total: number;
}

/**
 * Lists violations the caller may see: `scope` is the set of units where they hold violations.read, and `self`
 * their own person id (a staff member always sees their own violations).
 */
export async function listViolations(db: Db, f: ListFilters, scope: { units: string[]; self: string | null }, now: Date): Promise<{ rows: ListRow[]; total: number }> {
  const where: string[] = ['(v.unit_id = ANY($1::uuid[]) OR v.person_id = $2)'];
  const params: unknown[] = [scope.units, scope.self];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (f.unitIds) add('v.unit_id = ANY(?::uuid[])', f.unitIds);
  if (f.personId) add('v.person_id = ?', f.personId);
  if (f.kind) add('v.kind = ?', f.kind);
  if (f.state) add('c.state = ?', f.state);
  if (f.from) add('v.occurred_on >= ?', f.from);
  if (f.to) add('v.occurred_on <= ?', f.to);
  if (!f.includeRetracted) where.push('v.retracted_at IS NULL');
  if (f.overdueOnly) add(`c.state IN ('EXPLANATION_REQUESTED', 'NO_ANSWER') AND c.explanation_due_at < ?`, now.toISOString());
  params.push(f.pageSize, (f.page - 1) * f.pageSize);
  const rows = await db.query<ListRow>(
    `SELECT v.id, v.person_id, p.full_name, p.employee_code, v.unit_id, u.name AS unit_name, v.kind, v.source, v.occurred_on,
            v.session, v.minutes, v.title, v.repeat_ordinal, v.repeat_window, v.proposed_action, v.retracted_at,
            c.state, c.explanation_due_at, c.decision, count(*) OVER () AS total
       FROM violations v JOIN violation_cases c ON c.violation_id = v.id
       JOIN persons p ON p.id = v.person_id JOIN org_units u ON u.id = v.unit_id
      WHERE ${where.join(' AND ')}
      ORDER BY v.occurred_on DESC, v.created_at DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
