import { addDays } from '../../../platform/time';
import { type CalendarData, isWorkingDay } from '../../calendar';

/**
 * Counts, for DayInput.workingDaysSince, the working days of a unit's calendar that are over between an absence and
 * "today": the days strictly after `date` and strictly before `today` that calendar's isWorkingDay accepts (weekends,
 * holidays, nghỉ bù and hoán đổi days skipped, làm bù days counted). Counting stops at `cap` (the regulation's
 * threshold) so an old date costs no more than a recent one. `data` must hold the calendar rows up to `today`.
 * Answers are memoised per unit and date: every person of a unit shares them.
 */
export function workingDaysCounter(data: Pick<CalendarData, 'schedules' | 'days'>, today: string) {
  const memo = new Map<string, boolean>();
  return (ancestry: readonly string[], date: string, cap: number): number => {
    let n = 0;
    for (let d = addDays(date, 1); d < today && n < cap; d = addDays(d, 1)) {
      const key = `${ancestry[0] ?? ''}|${d}`;
      let working = memo.get(key);
      if (working === undefined) {
        working = isWorkingDay(data, ancestry, d);
        memo.set(key, working);
      }
      if (working) n++;
    }
    return n;
  };
}
