import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccess } from '../../platform/access';
import { ZDate } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { dateRange, localDateOf } from '../../platform/time';
import { errors } from '../../platform/errors';
import { loadCalendarDays, loadSchedules } from './calendar.repo';
import { ZCalendarDate, ZScheduleReadiness } from './calendar.dto';
import { officialDate } from './domain/day-off';
import { scheduleReadiness } from './domain/readiness';
import type { CalendarDay } from './domain/schedule';
import { unitAncestry } from './working-days';

const dto = (d: CalendarDay & { id: string | null }) => ({
  id: d.id,
  date: d.date,
  kind: d.kind,
  name: d.name,
  unitId: d.unitId,
  legalBasis: d.legalBasis,
  status: d.status ?? 'CONFIRMED',
  note: d.note ?? null,
  source: d.source ?? 'STORED',
});

/** Read-only views of the calendar: a year's readiness (for the reminder banner) and a unit's official dates. */
export async function calendarReadRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/calendar/readiness',
    {
      schema: {
        summary: "Whether a year's official holiday schedule is confirmed (no proposed national day, a confirmed Tết window)",
        tags: ['calendar'],
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: ZScheduleReadiness },
      },
    },
    async (req) => {
      getAccess(req).require('org.read');
      const { year } = req.query;
      const r = scheduleReadiness(year, await loadCalendarDays(ctx.db, `${year}-01-01`, `${year}-12-31`));
      return { ...r, proposed: r.proposed.map((d) => dto(d as CalendarDay & { id: string | null })), reminderDue: !r.confirmed && localDateOf(ctx.now()) >= r.remindFrom };
    },
  );

  app.get(
    '/api/calendar/dates',
    {
      schema: {
        summary: "A unit's official calendar between two dates: working day or not, and why not (holiday, nghỉ bù, hoán đổi, weekly rest)",
        tags: ['calendar'],
        querystring: z.strictObject({ from: ZDate, to: ZDate, unitId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(ZCalendarDate) }) },
      },
    },
    async (req) => {
      getAccess(req).require('org.read');
      const { from, to, unitId } = req.query;
      if (to < from || dateRange(from, to).length > 400)
        throw errors.badRequest('DATE_INVALID', 'Khoảng ngày không hợp lệ (tối đa 400 ngày).', 'Invalid date range (at most 400 days).');
      const [schedules, days, ancestry] = await Promise.all([loadSchedules(ctx.db, from, to), loadCalendarDays(ctx.db, from, to), unitAncestry(ctx.db, unitId ?? null)]);
      return { items: dateRange(from, to).map((d) => officialDate({ schedules, days }, ancestry, d)) };
    },
  );
}
