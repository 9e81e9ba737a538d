import type { Db } from '../../platform/ports/db';
import { type DayCount, deadlineAfter } from '../calendar';
import { endOfLocalDay, formatDateVi, localDateOf } from '../../platform/time';

export interface ExplanationDeadline {
  /** Last day to explain, local date. */
  dueOn: string;
  /** Stored deadline: the end of that day in Việt Nam (the person may explain until 23:59). */
  dueAt: Date;
  count: DayCount;
  /** "24/02/2026 (3 ngày làm việc)", for notices. */
  label: string;
}

export function dueLabel(dueOn: string, count: DayCount): string {
  return `${formatDateVi(dueOn)} (${count.days} ${count.kind === 'WORKING' ? 'ngày làm việc' : 'ngày'})`;
}

/**
 * The explanation deadline of a request made at `at` for a violation of `unitId`: `count` days after the request day,
 * working days counted on the unit's calendar (Tết, nghỉ bù, hoán đổi skipped; làm bù Saturdays counted).
 */
export async function explanationDeadline(tx: Db, unitId: string, at: Date, count: DayCount): Promise<ExplanationDeadline> {
  const dueOn = await deadlineAfter(tx, unitId, localDateOf(at), count);
  return { dueOn, dueAt: endOfLocalDay(dueOn), count, label: dueLabel(dueOn, count) };
}

/** What the case history keeps about a deadline (the kind of days is part of the record, not only the date). */
export function deadlineDetails(d: ExplanationDeadline): Record<string, unknown> {
  return { dueAt: d.dueAt.toISOString(), dueOn: d.dueOn, days: d.count.days, dayKind: d.count.kind };
}
