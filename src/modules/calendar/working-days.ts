import type { Db } from '../../platform/ports/db';
import { loadCalendarDays, loadSchedules } from './calendar.repo';
import { addDays, isLocalDate } from '../../platform/time';
import { type DayCount, nthWorkingDayAfter } from './domain/working-days';

/** The unit followed by its parents up to the root; [] for null (national calendar only). */
export async function unitAncestry(db: Db, unitId: string | null): Promise<string[]> {
  if (!unitId) return [];
  const rows = await db.query<{ id: string }>(
    `WITH RECURSIVE chain(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM org_units WHERE id = $1
        UNION ALL
        SELECT u.id, u.parent_id, c.depth + 1 FROM chain c JOIN org_units u ON u.id = c.parent_id WHERE c.depth < 64)
     SELECT id FROM chain ORDER BY depth`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/**
 * The `n`-th working day after `date` for staff of `unitId`, from the calendar data (the unit's schedule, national
 * and unit holidays, nghỉ bù, hoán đổi, làm bù). Loads a window of calendar rows and widens it when a long holiday
 * (Tết) pushes the answer past it. Pass the caller's transaction handle: on PGlite a second handle would wait.
 */
export async function addWorkingDays(db: Db, unitId: string | null, date: string, n: number): Promise<string> {
  if (!isLocalDate(date)) throw new Error(`bad date ${JSON.stringify(date)}`);
  const ancestry = await unitAncestry(db, unitId);
  for (let span = 2 * n + 21; ; span *= 2) {
    const horizon = addDays(date, span);
    const [schedules, days] = await Promise.all([loadSchedules(db, date, horizon), loadCalendarDays(db, date, horizon)]);
    const due = nthWorkingDayAfter({ schedules, days }, ancestry, date, n, horizon);
    if (due) return due;
    // A calendar with no working day in two years is a data error, not a reason to loop forever.
    if (span > 800) throw new Error(`no ${n} working days after ${date} within ${span} days`);
  }
}

/** A deadline of `count` after `date`: working days through the calendar, calendar days by plain arithmetic. */
export async function deadlineAfter(db: Db, unitId: string | null, date: string, count: DayCount): Promise<string> {
  return count.kind === 'CALENDAR' ? addDays(date, count.days) : addWorkingDays(db, unitId, date, count.days);
}
