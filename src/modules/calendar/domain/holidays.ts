import { hungKingsDate } from './lunar';
import type { CalendarDay, CalendarDayStatus } from './schedule';
import { generatedDays } from './statutory';

export { OFFICIAL_2025, OFFICIAL_2026, SCHEDULE_2027, SHIPPED_SCHEDULES } from './official-schedules';

export interface ProposedDay extends CalendarDay {
  /**
   * Why the date is proposed. FIXED_DATE / LUNAR: fixed by Điều 112 (legal basis given). WEEKEND_COMPENSATION: the
   * nghỉ bù of Điều 111 khoản 3 (its status follows its holiday's). PM_CHOICE_GUESS: the Prime Minister chooses it —
   * only a guess, so no legal basis; the admin enters the notice's number and date when confirming.
   */
  basis: 'FIXED_DATE' | 'LUNAR' | 'WEEKEND_COMPENSATION' | 'PM_CHOICE_GUESS';
  status: CalendarDayStatus;
  note: string | null;
}

/**
 * The holidays of a year as the law determines them, for an administrator to compare with the official notice:
 * the Điều 112 dates and their nghỉ bù (CONFIRMED), the expected Tết window and second Quốc khánh day (PROPOSED,
 * without a legal basis). What the calendar applies by itself is the same list merged under stored rows
 * (`withStatutoryDays`).
 */
export function proposeHolidays(year: number): ProposedDay[] {
  const hung = hungKingsDate(year);
  return generatedDays(year, []).map((d) => ({
    date: d.date,
    kind: d.kind,
    name: d.name,
    unitId: null,
    legalBasis: d.legalBasis,
    status: d.status,
    note: d.note ?? null,
    basis: d.kind === 'COMPENSATORY' ? 'WEEKEND_COMPENSATION' : d.status === 'PROPOSED' ? 'PM_CHOICE_GUESS' : d.date === hung ? 'LUNAR' : 'FIXED_DATE',
  }));
}
