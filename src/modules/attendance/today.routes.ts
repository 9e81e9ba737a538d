import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Access, getAccess } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/module';
import { addDays, endOfLocalDay, localDateOf } from '../../platform/time';
import { loadOrgTree } from '../org';
import { personUnit, subjectPerson } from './attendance.routes';
import { ZTodayAttendance, ZTodayQuery } from './today.dto';
import { todayAttendance } from './today.service';

/** How far back the live view may be asked for a past day (the closed day is the record after that). */
const MAX_DAYS_BACK = 31;

/**
 * Who the caller may see: with `unitId`, everyone of the unit's subtree where they may read attendance (as the
 * timesheet); a staff member without that permission asking for their own unit gets only themself; another unit
 * is 403. Without `unitId`: the named person (self, or with the permission over their unit) or oneself.
 */
async function audience(ctx: AppContext, access: Access, q: { unitId?: string; personId?: string }): Promise<{ unitIds: string[] } | { personIds: string[] }> {
  if (q.personId || !q.unitId)
    return {
      personIds: [await subjectPerson(ctx, access, q.personId, 'attendance.read')],
    };
  const allowed = new Set([...access.unitsFor('attendance.read'), ...access.unitsFor('attendance.manage')]);
  const tree = await loadOrgTree(ctx.db);
  const scope = tree.scopeOf(q.unitId);
  if (allowed.has(q.unitId)) return { unitIds: [...scope].filter((u) => allowed.has(u)) };
  const self = access.principal.personId;
  if (self && scope.has(await personUnit(ctx, self))) return { personIds: [self] };
  throw allowed.size === 0 ? errors.forbidden({ permission: 'attendance.read' }) : errors.outOfScope();
}

export async function todayRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/attendance/today',
    {
      schema: {
        summary: "Today's attendance per person, live: arrived (late by), not yet arrived, on leave, day off, left",
        description:
          'Provisional: computed on request from the punches received so far with the same schedule, calendar, regulation and requests as the closed day; never stored, never announced, never opens a violation (violations still come from the closed day).',
        tags: ['attendance'],
        querystring: ZTodayQuery,
        response: { 200: ZTodayAttendance },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const now = ctx.now();
      const today = localDateOf(now);
      const day = req.query.date ?? today;
      if (day > today || day < addDays(today, -MAX_DAYS_BACK))
        throw errors.badRequest(
          'TODAY_DATE_OUT_OF_RANGE',
          `Chỉ xem được hôm nay hoặc một ngày trong ${MAX_DAYS_BACK} ngày gần nhất.`,
          `Only today or a day of the last ${MAX_DAYS_BACK} days can be shown.`,
          { date: day, today },
        );
      const who = await audience(ctx, access, req.query);
      return todayAttendance(ctx.db, {
        ...who,
        day,
        now: day === today ? now : endOfLocalDay(day),
      });
    },
  );
}
