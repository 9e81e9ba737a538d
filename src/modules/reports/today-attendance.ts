import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Access, getAccess } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/module';
import { localDateOf } from '../../platform/time';
import { summariseToday, type TodayPerson, type TodayView, todayAttendance } from '../attendance';
import { loadOrgTree } from '../org';
import { ZTodayAttendanceQuery, ZTodayAttendanceSection } from './today-attendance.dto';

/** Longest list the panel shows; the counts are always complete. */
const LIST_LIMIT = 200;

type Line = Pick<TodayPerson, 'personId' | 'fullName' | 'employeeCode' | 'unitName' | 'status' | 'arrivedAt' | 'lateMinutes' | 'expectedStart'>;
const line = (p: TodayPerson): Line => ({
  personId: p.personId,
  fullName: p.fullName,
  employeeCode: p.employeeCode,
  unitName: p.unitName,
  status: p.status,
  arrivedAt: p.arrivedAt,
  lateMinutes: p.lateMinutes,
  expectedStart: p.expectedStart,
});

/**
 * The dashboard's "Hôm nay" section from attendance's live view (its public `todayAttendance`): counts for the scope
 * and per unit, who is late and who is not here yet. Provisional as the view it reads: violations still come from
 * the closed day.
 */
export function todaySection(view: TodayView) {
  const byUnit = new Map<string, { unitId: string; unitName: string; persons: TodayPerson[] }>();
  for (const p of view.persons) {
    const u = byUnit.get(p.unitId) ?? {
      unitId: p.unitId,
      unitName: p.unitName,
      persons: [],
    };
    u.persons.push(p);
    byUnit.set(p.unitId, u);
  }
  const late = view.persons
    .filter((p) => p.lateMinutes)
    .sort((a, b) => (b.lateMinutes ?? 0) - (a.lateMinutes ?? 0) || a.fullName.localeCompare(b.fullName, 'vi'));
  const notYet = view.persons
    .filter((p) => p.status === 'NOT_YET')
    .sort((a, b) => (a.expectedStart?.getTime() ?? 0) - (b.expectedStart?.getTime() ?? 0) || a.fullName.localeCompare(b.fullName, 'vi'));
  return {
    date: view.date,
    asOf: view.asOf,
    summary: view.summary,
    byUnit: [...byUnit.values()]
      .map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        summary: summariseToday(u.persons),
      }))
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    late: late.slice(0, LIST_LIMIT).map(line),
    notYet: notYet.slice(0, LIST_LIMIT).map(line),
    truncated: late.length > LIST_LIMIT || notYet.length > LIST_LIMIT,
    // Units not live yet: their people are in no count and no list (nobody there is late or missing before go-live).
    notLive: view.notLive,
  };
}

/** Units whose attendance the caller may read, limited to `unitId`'s subtree when given. */
async function scopeUnits(ctx: AppContext, access: Access, unitId: string | undefined): Promise<string[]> {
  const allowed = new Set([...access.unitsFor('attendance.read'), ...access.unitsFor('attendance.manage')]);
  if (allowed.size === 0) throw errors.forbidden({ permission: 'attendance.read' });
  if (!unitId) return [...allowed];
  if (!allowed.has(unitId)) throw errors.outOfScope();
  return [...(await loadOrgTree(ctx.db)).scopeOf(unitId)].filter((u) => allowed.has(u));
}

export async function todayAttendanceRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/reports/today-attendance',
    {
      schema: {
        summary: "Show today's attendance of the units in my scope, live: counts per unit, who is late, who has not arrived yet",
        description: 'The dashboard\'s "Hôm nay" panel (refreshed every few seconds). Provisional: violations still open only after the day is closed.',
        tags: ['reports', 'attendance'],
        querystring: ZTodayAttendanceQuery,
        response: { 200: ZTodayAttendanceSection },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const unitIds = await scopeUnits(ctx, access, req.query.unitId);
      const now = ctx.now();
      return todaySection(await todayAttendance(ctx.db, { unitIds, day: localDateOf(now), now }));
    },
  );
}
