import { Tooltip } from 'antd';
import { useMemo } from 'react';
import type { Schemas } from '../../api/contract';
import { todayInVietnam } from '../../i18n/format';
import { TODAY_SHORT, type TodayPerson, todayText, useLive } from './today-live';

type Row = Schemas['TimesheetRow'];

/**
 * The month timesheet's today column, live: today is not closed yet, so it has no computed cell; the provisional
 * status of each person (GET /api/attendance/today, every 5 s) is shown there instead, in italics, with the time of
 * arrival and the minutes late in the tooltip. People with no closed day this month yet (the 1st of the month, a
 * newcomer) get a row too, so the grid never hides who is expected today.
 */
export function useTimesheetToday(unitId: string, month: string, lang: 'vi' | 'en') {
  const current = month === todayInVietnam().slice(0, 7);
  const { data } = useLive(unitId && current ? '/api/attendance/today' : null, {
    unitId,
  });
  return useMemo(() => {
    const byPerson = new Map<string, TodayPerson>((data?.persons ?? []).map((p) => [p.personId, p]));
    const date = data?.date ?? null;
    return {
      date,
      /** The live cell of (row, date), or null when the date is not today or the person has no live status. */
      cell(r: Row, d: string) {
        const p = date === d ? byPerson.get(r.personId) : undefined;
        if (!p || p.status === 'DAY_OFF') return null;
        return (
          <Tooltip title={todayText(p, lang)}>
            <span
              data-testid={`ts-today-${r.employeeCode}`}
              data-status={p.status}
              data-late={p.lateMinutes ?? ''}
              style={{ fontStyle: 'italic', fontSize: 12, fontWeight: 600 }}
            >
              {TODAY_SHORT[p.status]}
            </span>
          </Tooltip>
        );
      },
      /** The grid's rows plus those expected today who have no closed day this month (only when the grid is not filtered). */
      withRows(rows: readonly Row[], unfiltered: boolean): Row[] {
        if (!unfiltered || byPerson.size === 0) return [...rows];
        const seen = new Set(rows.map((r) => r.personId));
        const extra = [...byPerson.values()]
          .filter((p) => !seen.has(p.personId) && p.status !== 'DAY_OFF')
          .map(
            (p) =>
              ({
                personId: p.personId,
                employeeCode: p.employeeCode,
                fullName: p.fullName,
                unitId: p.unitId,
                cells: {},
                totals: {},
              }) as unknown as Row,
          );
        return [...rows, ...extra];
      },
    };
  }, [data, lang]);
}
