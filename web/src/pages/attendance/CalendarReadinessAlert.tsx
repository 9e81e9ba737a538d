import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { formatDate } from '../../i18n/format';
import { type Readiness, useCalendarGet } from './calendarApi';
import { useAT } from './texts';

/**
 * The banner of issue 13: a year whose official holiday schedule is not confirmed (a proposed national day, or no
 * confirmed Tết window) is flagged; from 1 November, next year's is flagged whatever year is shown (the calendar
 * admins also get a notice then, see calendar/schedule-reminder.ts).
 */
export function CalendarReadinessAlert({ year, onShowYear, reloadKey }: { year: number; onShowYear: (y: number) => void; reloadKey: number }) {
  const t = useAT();
  const next = dayjs().year() + 1;
  const shown = useCalendarGet<Readiness>('/api/calendar/readiness', { year }, reloadKey);
  const upcoming = useCalendarGet<Readiness>('/api/calendar/readiness', { year: next }, reloadKey);
  const r = shown.data;
  const u = upcoming.data;
  return (
    <>
      {u && year !== next && u.reminderDue ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="cal-next-year-alert"
          message={t('cal.pendingTitle', { year: next })}
          action={<Button size="small" onClick={() => onShowYear(next)}>{t('cal.nextYear', { year: next })}</Button>}
        />
      ) : null}
      {r && !r.confirmed && year >= dayjs().year() ? (
        <Alert
          type={r.reminderDue ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="cal-readiness-alert"
          message={t('cal.pendingTitle', { year })}
          description={
            <>
              {r.tetConfirmed ? null : <div>{t('cal.pendingTet')}</div>}
              {r.proposed.length > 0 ? <div>{t('cal.pendingDays', { n: r.proposed.length, dates: r.proposed.map((d) => formatDate(d.date)).join(', ') })}</div> : null}
              <div>{t('cal.pendingHelp')}</div>
            </>
          }
        />
      ) : null}
    </>
  );
}
