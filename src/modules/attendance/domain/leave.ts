import type { DayPlan } from '../../calendar';
import { coveredSessions } from './compute-day';

/**
 * Annual leave entitlement (Labour Code 2019 Điều 113–114; domain.md R3.1–R3.3): base days (12/14/16), +1 day per
 * 5 full years of service (counted at the start of the year), pro rata in the year of joining (rounded to the
 * nearest whole day, halves up), plus any adjustment the unit records (carry-over, travel days).
 */
export function annualEntitlement(opts: { joinedOn: string | null; year: number; baseDays?: number; extraDays?: number; carriedDays?: number }): {
  base: number;
  seniority: number;
  proRata: boolean;
  extra: number;
  carried: number;
  total: number;
} {
  const baseDays = opts.baseDays ?? 12;
  const extra = opts.extraDays ?? 0;
  const carried = opts.carriedDays ?? 0;
  let base = baseDays;
  let seniority = 0;
  let proRata = false;
  if (opts.joinedOn) {
    const [jy, jm, jd] = opts.joinedOn.split('-').map(Number) as [number, number, number];
    if (jy > opts.year) base = 0;
    else if (jy === opts.year) {
      // Months of service in the year; a month started after the 15th is not counted.
      const months = 12 - jm + (jd <= 15 ? 1 : 0);
      base = Math.round((baseDays * months) / 12);
      proRata = true;
    } else {
      const fullYears = opts.year - jy - (jm > 1 || jd > 1 ? 1 : 0);
      seniority = Math.max(0, Math.floor(fullYears / 5));
    }
  }
  return { base, seniority, proRata, extra, carried, total: base + seniority + extra + carried };
}

/**
 * Days charged by a request: each planned working session it covers counts half a day. Weekends, holidays and
 * nghỉ bù inside the period are not charged (R3.5).
 */
export function chargedDays(
  j: { startDate: string; startHalf: 'MORNING' | 'AFTERNOON'; endDate: string; endHalf: 'MORNING' | 'AFTERNOON' },
  plans: readonly DayPlan[],
): number {
  let halves = 0;
  for (const plan of plans) {
    const covered = coveredSessions(j, plan.date);
    halves += plan.sessions.filter((s) => covered.includes(s.session)).length;
  }
  return halves / 2;
}
