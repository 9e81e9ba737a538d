import type { Db } from '../../platform/ports/db';
import { addDays } from '../../platform/time';
import type { ViolationKind } from '../rules';

/** The day's violations by kind over the units (retracted ones excluded). */
export async function newViolationsByKind(db: Db, units: string[], date: string): Promise<Array<{ kind: ViolationKind; n: number }>> {
  return db.query<{ kind: ViolationKind; n: number }>(
    `SELECT kind, count(*)::int AS n FROM violations
      WHERE unit_id = ANY($1::uuid[]) AND occurred_on = $2 AND retracted_at IS NULL GROUP BY kind ORDER BY kind`,
    [units, date],
  );
}

/** Explanations still awaited (or not given) past their deadline, oldest deadline first, at most 20. */
export async function overdueExplanations(db: Db, units: string[], now: Date): Promise<Array<{ full_name: string; kind: ViolationKind; occurred_on: string }>> {
  return db.query<{ full_name: string; kind: ViolationKind; occurred_on: string }>(
    `SELECT p.full_name, v.kind, v.occurred_on FROM violation_cases c JOIN violations v ON v.id = c.violation_id
       JOIN persons p ON p.id = v.person_id
      WHERE v.unit_id = ANY($1::uuid[]) AND c.state IN ('EXPLANATION_REQUESTED', 'NO_ANSWER') AND c.explanation_due_at < $2
      ORDER BY c.explanation_due_at LIMIT 20`,
    [units, now.toISOString()],
  );
}

/** People with 3 or more violations in the 30 days up to `date`, most first, at most 10. */
export async function repeatOffenders(db: Db, units: string[], date: string): Promise<Array<{ full_name: string; n: number }>> {
  return db.query<{ full_name: string; n: number }>(
    `SELECT p.full_name, count(*)::int AS n FROM violations v JOIN persons p ON p.id = v.person_id
      WHERE v.unit_id = ANY($1::uuid[]) AND v.occurred_on BETWEEN $2 AND $3 AND v.retracted_at IS NULL
      GROUP BY p.id, p.full_name HAVING count(*) >= 3 ORDER BY n DESC, p.full_name LIMIT 10`,
    [units, addDays(date, -29), date],
  );
}
