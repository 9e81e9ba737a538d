import { useEffect } from 'react';
import { JUSTIFICATION_TYPE_LABELS, TODAY_STATUS_LABELS } from '../../../../src/platform/glossary';
import type { Query } from '../../api/client';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { formatTime } from '../../i18n/format';

/**
 * Today's live attendance ("Hôm nay", GET /api/attendance/today): provisional statuses the server computes from the
 * punches received so far. Pages refresh it every 5 s (the project has no react-query: a timer calls useApi's
 * reload, which keeps the previous answer on screen while the next one loads).
 */
export const LIVE_REFRESH_MS = 5_000;

export type TodayPerson = Schemas['TodayAttendancePerson'];
export type TodayStatus = TodayPerson['status'];

export const TODAY_COLORS: Record<TodayStatus, string> = {
  ARRIVED: 'green',
  LATE: 'gold',
  NOT_YET: 'default',
  ON_LEAVE: 'blue',
  DAY_OFF: 'default',
  LEFT: 'purple',
};

/** Polls a GET resource every LIVE_REFRESH_MS while mounted (path null: nothing to poll). */
export function useLive<T extends '/api/attendance/today' | '/api/reports/today-attendance'>(path: T | null, query: Query) {
  const state = useApi(path, query, { quiet: true });
  const { reload } = state;
  useEffect(() => {
    if (!path) return;
    // A hidden tab (a wall screen switched to another page) does not poll; it catches up on the next tick once shown.
    const timer = window.setInterval(() => {
      if (!document.hidden) reload();
    }, LIVE_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [path, reload]);
  return state;
}

type Lang = 'vi' | 'en';

export const todayLabel = (s: TodayStatus, lang: Lang) => TODAY_STATUS_LABELS[s][lang];

/** One line about a person today: "Đi muộn 30′ · đến 08:00", "Chưa đến · giờ vào 07:30", "Đã về 17:05". */
export function todayText(p: Pick<TodayPerson, 'status' | 'arrivedAt' | 'lateMinutes' | 'leftAt' | 'expectedStart' | 'justificationType'>, lang: Lang): string {
  const parts: string[] = [todayLabel(p.status, lang) + (p.lateMinutes && p.status === 'LATE' ? ` ${p.lateMinutes}′` : '')];
  if (p.arrivedAt) parts.push(`${lang === 'en' ? 'in' : 'đến'} ${formatTime(p.arrivedAt)}`);
  if (p.status === 'LEFT' && p.lateMinutes) parts.push(`${lang === 'en' ? 'late' : 'muộn'} ${p.lateMinutes}′`);
  if (p.leftAt) parts.push(`${lang === 'en' ? 'out' : 'về'} ${formatTime(p.leftAt)}`);
  if (p.status === 'NOT_YET' && p.expectedStart) parts.push(`${lang === 'en' ? 'due' : 'giờ vào'} ${formatTime(p.expectedStart)}`);
  if (p.status === 'ON_LEAVE' && p.justificationType) parts.push(JUSTIFICATION_TYPE_LABELS[p.justificationType][lang]);
  return parts.join(' · ');
}

/** The grid code of a live status in the month timesheet's today column (provisional, shown in italics). */
export const TODAY_SHORT: Record<TodayStatus, string> = {
  ARRIVED: '✓',
  LATE: 'M',
  NOT_YET: '…',
  ON_LEAVE: 'P',
  DAY_OFF: '',
  LEFT: '✓',
};
