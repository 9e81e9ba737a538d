import type { Db } from '../../platform/ports/db';
import { dateRange } from '../../platform/time';
import { type DayPlan, loadCalendarData, resolveDayPlan } from '../calendar';
import { ancestryOf, loadOrgParents, loadStaff, loadUnitHistory, placementOn } from './staff.repo';

/** The day plans of one person over a date range (leave charging, the person's month view). */
export async function personPlans(db: Db, personId: string, from: string, to: string): Promise<Array<DayPlan & { unitId: string; employed: boolean }>> {
  const [staff] = await loadStaff(db, [personId]);
  if (!staff) return [];
  const [history, parents, calendar] = await Promise.all([loadUnitHistory(db, [personId]), loadOrgParents(db), loadCalendarData(db, from, to, [personId])]);
  return dateRange(from, to).map((date) => {
    const { unitId, employed } = placementOn(staff, history.get(personId), date);
    return { ...resolveDayPlan(calendar, ancestryOf(unitId, parents), personId, date), unitId, employed };
  });
}
