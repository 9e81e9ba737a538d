import type { Db } from '../../platform/ports/db';
import { addDays, isoWeekday, localDateOf } from '../../platform/time';
import type { ViolationKind } from '../rules';
import type { CaseState } from '../violations';

/** Monday of the ISO week containing `date`. */
function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The leader dashboard, a read model over violations, their cases, persons and units, in four set-based queries over
 * the units in scope: today by unit and kind (with the people), weekly and monthly trends over a year, repeat
 * offenders of the last 30 days, explanations past their deadline.
 * Each query is bounded by occurred_on and aggregates in SQL; the unit scope is `= ANY(array)`, which PostgreSQL
 * (14+) hashes for large arrays and which keeps parallel scans possible.
 */
export async function dashboard(db: Db, units: string[], today: string, now: Date, opts: { weeks?: number; months?: number } = {}) {
  const weeks = opts.weeks ?? 26;
  const months = opts.months ?? 12;
  const weekFrom = addDays(mondayOf(today), -7 * (weeks - 1));
  const firstMonth = (() => {
    const [y, m] = today.split('-').map(Number) as [number, number];
    const idx = y * 12 + (m - 1) - (months - 1);
    return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}-01`;
  })();

  const todayRows = await db.query<{ unit_id: string; unit_name: string; kind: ViolationKind; n: number; people: Array<{ violationId: string; personId: string; name: string; minutes: number | null; session: string | null }> }>(
    `SELECT v.unit_id, u.name AS unit_name, v.kind, count(*)::int AS n,
            json_agg(json_build_object('violationId', v.id, 'personId', v.person_id, 'name', p.full_name, 'minutes', v.minutes, 'session', v.session)
                     ORDER BY p.full_name) AS people
       FROM violations v JOIN persons p ON p.id = v.person_id JOIN org_units u ON u.id = v.unit_id
      WHERE v.occurred_on = $2 AND v.unit_id = ANY($1::uuid[]) AND v.retracted_at IS NULL
      GROUP BY v.unit_id, u.name, v.kind ORDER BY u.name, v.kind`,
    [units, today],
  );
  // One pass over the year: counts per day and kind, bucketed into weeks and months here (365 × 5 rows at most),
  // instead of scanning the year once per chart. A fact awaiting justification is no violation (yet): not charted.
  const daily = await db.query<{ day: string; kind: ViolationKind; n: number }>(
    `SELECT v.occurred_on AS day, v.kind, count(*)::int AS n
       FROM violations v
      WHERE v.occurred_on BETWEEN $2 AND $3 AND v.unit_id = ANY($1::uuid[]) AND v.retracted_at IS NULL
        AND v.kind <> 'AWAITING_JUSTIFICATION'
      GROUP BY 1, 2`,
    [units, weekFrom < firstMonth ? weekFrom : firstMonth, today],
  );
  const weeklyMap = new Map<string, number>();
  const monthlyMap = new Map<string, number>();
  for (const d of daily) {
    if (d.day >= weekFrom) {
      const key = `${mondayOf(d.day)}|${d.kind}`;
      weeklyMap.set(key, (weeklyMap.get(key) ?? 0) + d.n);
    }
    if (d.day >= firstMonth) {
      const key = `${d.day.slice(0, 7)}|${d.kind}`;
      monthlyMap.set(key, (monthlyMap.get(key) ?? 0) + d.n);
    }
  }
  const unpack = <K extends string>(m: Map<string, number>, name: K) =>
    [...m.entries()]
      .map(([key, n]) => {
        const [period, kind] = key.split('|') as [string, ViolationKind];
        return { [name]: period, kind, n } as Record<K, string> & { kind: ViolationKind; n: number };
      })
      .sort((a, b) => (a[name] === b[name] ? a.kind.localeCompare(b.kind) : a[name] < b[name] ? -1 : 1));
  const weekly = unpack(weeklyMap, 'week');
  const monthly = unpack(monthlyMap, 'month');
  // Aggregate on the violations alone, then fetch names for the 20 people shown (joining first would carry names
  // through every row of the month). Only upheld violations count (audit D4): not retracted, not dismissed by a
  // leader (an accepted explanation means a valid reason), not awaiting justification; each row lists them.
  const repeat = await db.query<{
    person_id: string;
    full_name: string;
    unit_name: string;
    n: number;
    late: number;
    early: number;
    absent: number;
    last_on: string;
    violations: Array<{ id: string; occurredOn: string; kind: ViolationKind }>;
  }>(
    `WITH r AS (
       SELECT v.person_id, count(*)::int AS n,
              count(*) FILTER (WHERE v.kind = 'LATE')::int AS late,
              count(*) FILTER (WHERE v.kind = 'EARLY_LEAVE')::int AS early,
              count(*) FILTER (WHERE v.kind IN ('ABSENT_NO_REASON', 'LEAVE_NOT_REPORTED'))::int AS absent,
              max(v.occurred_on) AS last_on,
              json_agg(json_build_object('id', v.id, 'occurredOn', v.occurred_on, 'kind', v.kind) ORDER BY v.occurred_on, v.id) AS violations
         FROM violations v LEFT JOIN violation_cases c ON c.violation_id = v.id
        WHERE v.occurred_on BETWEEN $2 AND $3 AND v.unit_id = ANY($1::uuid[]) AND v.retracted_at IS NULL
          AND v.kind <> 'AWAITING_JUSTIFICATION' AND c.decision IS DISTINCT FROM 'DISMISSED'
        GROUP BY v.person_id HAVING count(*) >= 3
        ORDER BY n DESC, v.person_id LIMIT 20)
     SELECT r.*, p.full_name, u.name AS unit_name
       FROM r JOIN persons p ON p.id = r.person_id JOIN org_units u ON u.id = p.unit_id
      ORDER BY r.n DESC, p.full_name`,
    [units, addDays(today, -29), today],
  );
  const overdue = await db.query<{ violation_id: string; full_name: string; unit_name: string; kind: ViolationKind; occurred_on: string; explanation_due_at: Date; state: CaseState }>(
    `SELECT c.violation_id, p.full_name, u.name AS unit_name, v.kind, v.occurred_on, c.explanation_due_at, c.state
       FROM violation_cases c JOIN violations v ON v.id = c.violation_id
       JOIN persons p ON p.id = v.person_id JOIN org_units u ON u.id = v.unit_id
      WHERE c.state IN ('EXPLANATION_REQUESTED', 'NO_ANSWER') AND c.explanation_due_at < $2 AND v.unit_id = ANY($1::uuid[])
      ORDER BY c.explanation_due_at LIMIT 50`,
    [units, now.toISOString()],
  );
  return {
    today: {
      date: today,
      byUnit: todayRows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, kind: r.kind, count: r.n, people: r.people })),
    },
    trends: { weekly, monthly },
    repeatOffenders: repeat.map((r) => ({
      personId: r.person_id,
      name: r.full_name,
      unitName: r.unit_name,
      count: r.n,
      late: r.late,
      earlyLeave: r.early,
      absent: r.absent,
      lastOn: r.last_on,
      // json_agg renders dates as text already (YYYY-MM-DD).
      violations: r.violations.map((x) => ({ id: x.id, occurredOn: String(x.occurredOn).slice(0, 10), kind: x.kind })),
    })),
    overdueExplanations: overdue.map((o) => ({
      violationId: o.violation_id,
      name: o.full_name,
      unitName: o.unit_name,
      kind: o.kind,
      occurredOn: o.occurred_on,
      dueAt: o.explanation_due_at,
      dueOn: localDateOf(o.explanation_due_at),
      state: o.state,
    })),
  };
}
