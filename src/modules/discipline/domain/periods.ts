/**
 * The time limits of a case (domain.md §4.5): limitation (thời hiệu) per violation, from the date it was committed;
 * the processing period (thời hạn xử lý) from detection, which stops while a "chưa xem xét xử lý" case applies
 * (R4.7 [K-M]); the complaint period after delivery (Luật Khiếu nại 2011, 15 days [K-M]).
 */
import type { Regime } from '../../violations';
import { addDays } from '../../../platform/time';
import { addMonths, addYears } from './dates';
import { isReprimandLevel } from './forms';

export interface Interval {
  from: string;
  /** Inclusive; null = still running. */
  to: string | null;
}



export interface Limitation {
  /** Last day a reprimand-level form may be decided (5 years; contract workers: 6 months). */
  reprimandUntil: string;
  /** Last day for cảnh cáo or heavier (10 years; contract workers: 6 months). */
  heavierUntil: string;
  legalBasis: string;
  /** Set when the rule is not verified against a source. */
  note: string | null;
}

/** The limitation of one violation committed on `occurredOn` under `regime`. */
export function limitationOf(regime: Regime, occurredOn: string): Limitation {
  if (!regime.limitationYears) {
    const until = addMonths(occurredOn, 6);
    return {
      reprimandUntil: until,
      heavierUntil: until,
      legalBasis: 'Bộ luật Lao động 2019, Điều 123',
      note: '06 tháng kể từ ngày xảy ra vi phạm; 12 tháng với vi phạm liên quan đến tài chính, tài sản, bí mật công nghệ, kinh doanh [cần xác minh]',
    };
  }
  return {
    reprimandUntil: addYears(occurredOn, regime.limitationYears.reprimandLevel),
    heavierUntil: addYears(occurredOn, regime.limitationYears.warningOrHeavier),
    legalBasis: regime.legalBasis,
    note: null,
  };
}

/** The last day the chosen form may be decided for a violation. */
export function limitationForForm(l: Limitation, formCode: string): string {
  return isReprimandLevel(formCode) ? l.reprimandUntil : l.heavierUntil;
}

export function covers<T extends Interval>(intervals: readonly T[], date: string): T | undefined {
  return intervals.find((i) => i.from <= date && (i.to === null || date <= i.to));
}

export interface Processing {
  days: number;
  /** null while a suspension without an end date runs (the clock is stopped). */
  dueOn: string | null;
  suspendedDays: number;
}

/**
 * The last day of the processing period: `days` calendar days from `detectedOn`, not counting days covered by a
 * suspension. Null when the regime has none (labour law) is handled by the caller.
 */
export function processingDue(detectedOn: string, days: number, suspensions: readonly Interval[]): Processing {
  let counted = 0;
  let suspended = 0;
  let d = detectedOn;
  // A hard stop far beyond any real case (150 days plus years of suspension) instead of an endless loop.
  for (let i = 0; i < 20_000 && counted < days; i++) {
    d = addDays(d, 1);
    const s = covers(suspensions, d);
    if (!s) counted++;
    else if (s.to === null) return { days, dueOn: null, suspendedDays: suspended };
    else suspended++;
  }
  return { days, dueOn: d, suspendedDays: suspended };
}

/** Last day to complain: 15 days from receipt of the decision (Luật Khiếu nại 2011 [K-M]). */
export function complaintUntil(deliveredOn: string): string {
  return addDays(deliveredOn, 15);
}
