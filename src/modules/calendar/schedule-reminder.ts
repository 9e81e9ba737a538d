import type { AppContext } from '../../platform/module';
import type { Db } from '../../platform/ports/db';
import { periodic } from '../../platform/jobs/periodic';
import { formatDateVi, localDateOf } from '../../platform/time';
import { audienceOf, notify } from '../notifications';
import { loadCalendarDays } from './calendar.repo';
import { scheduleReadiness, yearToRemind } from './domain/readiness';

export const SCHEDULE_REMINDER_TEMPLATE = 'calendar.schedule_unconfirmed';

/**
 * From 1 November, the holders of calendar.manage are told once per year when next year's official schedule is not
 * confirmed (a PROPOSED national day, or no confirmed Tết window): attendance would otherwise run on guesses. Once
 * per year and recipient: the in-app notice is keyed by the year (`inAppOnce`), the e-mail by a dedup key. Returns
 * how many in-app notices were written (0 before 1/11, when confirmed, or when already sent).
 */
export async function remindUnconfirmedSchedule(db: Db, now: Date): Promise<{ year: number | null; inApp: number; emails: number }> {
  const today = localDateOf(now);
  const year = yearToRemind(today);
  if (year === null) return { year, inApp: 0, emails: 0 };
  const readiness = scheduleReadiness(year, await loadCalendarDays(db, `${year}-01-01`, `${year}-12-31`));
  if (readiness.confirmed) return { year, inApp: 0, emails: 0 };
  const recipients = (await audienceOf(db, today, { permission: 'calendar.manage' })).map(({ userId, name, email }) => ({ userId, name, email }));
  if (recipients.length === 0) return { year, inApp: 0, emails: 0 };
  const what = [
    readiness.tetConfirmed ? null : `chưa có lịch nghỉ Tết Nguyên đán ${year} được xác nhận`,
    readiness.proposed.length > 0
      ? `${readiness.proposed.length} ngày còn ở trạng thái dự kiến (${readiness.proposed.map((d) => formatDateVi(d.date)).join(', ')})`
      : null,
  ].filter(Boolean);
  return db.transaction(async (tx) => {
    const r = await notify(
      tx,
      {
        template: SCHEDULE_REMINDER_TEMPLATE,
        rendered: {
          subject: `Lịch nghỉ lễ, Tết năm ${year} chưa được xác nhận`,
          title: `Lịch nghỉ lễ, Tết năm ${year} chưa được xác nhận`,
          paragraphs: [
            `Lịch nghỉ lễ, Tết năm ${year} của cơ quan chưa được xác nhận theo văn bản chính thức: ${what.join('; ')}.`,
            'Khi có thông báo của Bộ Nội vụ (hoặc văn bản của Văn phòng Chính phủ), đề nghị cập nhật lịch và nhập số, ký hiệu, ngày của văn bản. Cho đến khi đó, các ngày dự kiến vẫn được tính là ngày nghỉ khi chấm công.',
          ],
          link: `/attendance/calendar?year=${year}`,
        },
        recipients,
        entityType: 'calendar_year',
        entityId: String(year),
        dedupKey: `${SCHEDULE_REMINDER_TEMPLATE}:${year}`,
        inAppOnce: true,
      },
      now,
    );
    return { year, ...r };
  });
}

/** Checks every hour (the clock is `ctx.now`, so tests pin it); returns the function that stops the job. */
export function startScheduleReminder(ctx: AppContext, everyMs = 3_600_000): () => Promise<void> {
  return periodic('calendar-schedule-reminder', everyMs, async () => {
    const r = await remindUnconfirmedSchedule(ctx.db, ctx.now());
    if (r.inApp > 0 || r.emails > 0) ctx.log.info({ job: 'calendar-schedule-reminder', ...r }, 'calendar admins reminded of next year\'s schedule');
  }, ctx.log);
}
