import type { Db } from '../../platform/ports/db';
import { localDateOf } from '../../platform/time';
import { yieldToEventLoop } from '../../platform/jobs/yield';
import { RecomputeAborted } from './recompute-slices';
import { addMs, type AttendanceDeps, type RecomputeStats, recomputeTargets } from './recompute.service';
import { listStaffIds } from './staff.repo';

/**
 * The dirty queue (attendance_dirty): person-days of closed dates whose inputs changed after they were computed (a
 * late punch, an approved request, a calendar or rule change), recomputed in small batches by the ticker.
 */

/** Marks person-days for recomputation (a late punch, an approval, a correction). */
export async function enqueueDirty(db: Db, pairs: ReadonlyArray<{ personId: string; date: string }>): Promise<void> {
  if (pairs.length === 0) return;
  await db.query(
    `INSERT INTO attendance_dirty (person_id, date)
     SELECT x.person_id, x.date FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, date date)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(pairs.map((p) => ({ person_id: p.personId, date: p.date })))],
  );
}

/**
 * Recomputes queued person-days of closed dates, in batches. Idempotent: a day whose inputs did not change keeps its
 * revision and publishes nothing. The queue rows are removed only after their batch is computed. Batches are small
 * and sliced (see SLICE_PERSON_DAYS), so a queue of thousands of days never holds the event loop; an aborted drain
 * leaves the unfinished batch queued for the next pass. Days before go-live are dropped from the queue unjudged.
 */
export async function processDirty(deps: AttendanceDeps, opts: { batch?: number; signal?: AbortSignal } = {}): Promise<RecomputeStats> {
  const today = localDateOf(deps.now());
  const total: RecomputeStats = { personDays: 0, changed: 0, published: 0, skippedBeforeGoLive: 0 };
  const batch = opts.batch ?? 1_000;
  for (;;) {
    if (opts.signal?.aborted) throw new RecomputeAborted();
    const rows = await deps.db.query<{ person_id: string; date: string }>(
      'SELECT person_id, date FROM attendance_dirty WHERE date < $1 ORDER BY person_id, date LIMIT $2',
      [today, batch],
    );
    if (rows.length === 0) return total;
    const targets = new Map<string, Set<string>>();
    for (const r of rows) targets.set(r.person_id, (targets.get(r.person_id) ?? new Set()).add(r.date));
    const s = await recomputeTargets(deps, targets, { signal: opts.signal });
    total.personDays += s.personDays;
    total.changed += s.changed;
    total.published += s.published;
    total.skippedBeforeGoLive = (total.skippedBeforeGoLive ?? 0) + (s.skippedBeforeGoLive ?? 0);
    addMs(total, s);
    await deps.db.query(
      `DELETE FROM attendance_dirty d USING jsonb_to_recordset($1::jsonb) AS x(person_id uuid, date date)
        WHERE d.person_id = x.person_id AND d.date = x.date`,
      [JSON.stringify(rows)],
    );
    if (rows.length < batch) return total;
    await yieldToEventLoop();
  }
}

/**
 * Queues the closed dates among `dates` for everyone in a unit subtree (null = everyone): used when a calendar day,
 * schedule or rule changes after the fact.
 */
export async function enqueueScopeDates(db: Db, units: readonly string[] | null, dates: readonly string[], today: string): Promise<number> {
  const past = dates.filter((d) => d < today).sort();
  if (past.length === 0) return 0;
  const first = past[0] as string;
  const last = past[past.length - 1] as string;
  const people = units
    ? (
        await db.query<{ id: string }>(
          `SELECT DISTINCT person_id AS id FROM person_unit_history WHERE unit_id = ANY($1::uuid[]) AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $2)
           UNION SELECT id FROM persons WHERE unit_id = ANY($1::uuid[])`,
          [units, first, last],
        )
      ).map((r) => r.id)
    : await listStaffIds(db, first, last);
  await enqueueDirty(db, people.flatMap((personId) => past.map((date) => ({ personId, date }))));
  return people.length * past.length;
}
