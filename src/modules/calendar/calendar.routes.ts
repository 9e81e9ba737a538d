import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { ZDate, ZIdParams, ZText } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { loadOrgTree } from '../org';
import { calendarChanged } from './calendar-changes';
import { addCalendarDay, confirmCalendarDay, createOverride, createRoster, createSchedule, deleteCalendarDay, endSchedule } from './calendar.service';
import { loadCalendarDays, loadRosters, loadSchedules } from './calendar.repo';
import { proposeHolidays } from './domain/holidays';
import { solarToLunar } from './domain/lunar';
import { calendarReadRoutes } from './calendar-read.routes';
import {
  ZCalendarDay,
  ZHolidayProposal,
  ZIdResult,
  ZLunarDate,
  ZRecomputeQueued,
  ZRosterEntry,
  ZWorkSchedule,
} from './calendar.dto';

const ZHhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const ZRange = z.strictObject({ start: ZHhmm, end: ZHhmm }).nullable();
const KIND = z.enum(['HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'MAKEUP_WORKDAY']);

/** Calendar administration: schedules with seasonal periods, holidays / nghỉ bù / làm bù, rosters, personal hours. */
export async function calendarRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  // Read before a writing transaction opens: inside one, the embedded database answers only the transaction.
  const scopeOf = async (unitId: string | null) => (unitId ? [...(await loadOrgTree(ctx.db)).scopeOf(unitId)] : null);

  app.get(
    '/api/calendar/schedules',
    { schema: { summary: 'List the work schedules', tags: ['calendar'], response: { 200: z.object({ items: z.array(ZWorkSchedule) }) } } },
    async (req) => {
      getAccess(req).require('org.read');
      return { items: await loadSchedules(ctx.db) };
    },
  );

  app.post(
    '/api/calendar/schedules',
    {
      schema: {
        summary: 'Create a work schedule (national or for a unit) with its seasonal periods',
        tags: ['calendar'],
        body: z.strictObject({
          unitId: z.uuid().nullable(),
          name: ZText(200).pipe(z.string().min(3)),
          validFrom: ZDate,
          validTo: ZDate.nullish(),
          weekdays: z.array(z.number().int().min(1).max(7)).max(7),
          periods: z.array(z.strictObject({ startsOn: z.string().regex(/^\d{2}-\d{2}$/), morning: ZRange, afternoon: ZRange })).min(1).max(12),
          docNumber: ZText(100).pipe(z.string().min(1)),
          docDate: ZDate,
          docIssuer: ZText(200).nullish(),
          note: ZText(1000).nullish(),
        }),
        response: { 201: ZIdResult },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      if (req.body.unitId) access.requireInUnit('calendar.manage', req.body.unitId);
      else access.require('calendar.manage');
      const id = await createSchedule(ctx.db, access.actor(), req.body);
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/calendar/schedules/:id/end',
    {
      schema: {
        summary: 'End a work schedule on a date',
        tags: ['calendar'],
        params: ZIdParams,
        body: z.strictObject({ validTo: ZDate }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('calendar.manage');
      await endSchedule(ctx.db, access.actor(), req.params.id, req.body.validTo);
      return { ok: true };
    },
  );

  app.get(
    '/api/calendar/days',
    {
      schema: {
        summary: 'List the holidays and swapped days of a year',
        tags: ['calendar'],
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.object({ items: z.array(ZCalendarDay) }) },
      },
    },
    async (req) => {
      getAccess(req).require('org.read');
      const items = await loadCalendarDays(ctx.db, `${req.query.year}-01-01`, `${req.query.year}-12-31`);
      return { items: items.map((d) => ({ ...d, status: d.status ?? 'CONFIRMED', note: d.note ?? null, source: d.source ?? 'STORED' })) };
    },
  );

  app.post(
    '/api/calendar/days',
    {
      schema: {
        summary: 'Add a holiday, nghỉ bù, swapped day off or làm bù day; past attendance of that day is recomputed',
        tags: ['calendar'],
        response: { 201: ZRecomputeQueued.extend({ id: z.guid() }) },
        body: z.strictObject({ date: ZDate, kind: KIND, name: ZText(200).pipe(z.string().min(2)), unitId: z.uuid().nullable().default(null), legalBasis: ZText(300).pipe(z.string().min(3)) }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      if (req.body.unitId) access.requireInUnit('calendar.manage', req.body.unitId);
      else access.require('calendar.manage');
      const units = await scopeOf(req.body.unitId);
      // The days it changes are queued for recomputation in the same transaction (see onCalendarChanged).
      const { id, queued } = await ctx.db.transaction(async (tx) => {
        const id = await addCalendarDay(tx, access.actor(), req.body);
        return { id, queued: await calendarChanged(ctx, tx, { units, dates: [req.body.date] }) };
      });
      return reply.status(201).send({ id, queuedForRecompute: queued });
    },
  );

  app.delete(
    '/api/calendar/days/:id',
    {
      schema: {
        summary: 'Remove a calendar day; past attendance of that day is recomputed',
        tags: ['calendar'],
        params: ZIdParams,
        body: z.strictObject({ reason: ZText(500).pipe(z.string().min(3)) }),
        response: { 200: ZRecomputeQueued.extend({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('calendar.manage');
      const tree = await loadOrgTree(ctx.db);
      const queued = await ctx.db.transaction(async (tx) => {
        const day = await deleteCalendarDay(tx, access.actor(), req.params.id, req.body.reason);
        return calendarChanged(ctx, tx, { units: day.unitId ? [...tree.scopeOf(day.unitId)] : null, dates: [day.date] });
      });
      return { ok: true, queuedForRecompute: queued };
    },
  );

  app.post(
    '/api/calendar/days/:id/confirm',
    {
      schema: {
        summary: 'Confirm a proposed day against the official notice (its number and date are required); attendance of that day is recomputed',
        tags: ['calendar'],
        params: ZIdParams,
        body: z.strictObject({
          legalBasis: ZText(300).pipe(z.string().min(3)).describe('Số/ký hiệu and date of the notice, e.g. "Thông báo 1234/TB-BNV ngày 20/10/2026"'),
          name: ZText(200).pipe(z.string().min(2)).nullish(),
        }),
        response: { 200: ZRecomputeQueued.extend({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('calendar.manage');
      const tree = await loadOrgTree(ctx.db);
      const queued = await ctx.db.transaction(async (tx) => {
        const day = await confirmCalendarDay(tx, access.actor(), req.params.id, req.body.legalBasis, req.body.name);
        // The day stays off; its recomputation refreshes the status and legal basis the day records carry.
        return calendarChanged(ctx, tx, { units: day.unitId ? [...tree.scopeOf(day.unitId)] : null, dates: [day.date] });
      });
      return { ok: true, queuedForRecompute: queued };
    },
  );

  app.get(
    '/api/calendar/proposals',
    {
      schema: {
        summary: 'Propose the public holidays of a year (fixed, lunar, weekend compensation) for an administrator to confirm',
        tags: ['calendar'],
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.object({ year: z.number().int(), items: z.array(ZHolidayProposal) }) },
      },
    },
    async (req) => {
      getAccess(req).require('org.read');
      return { year: req.query.year, items: proposeHolidays(req.query.year) };
    },
  );

  await calendarReadRoutes(app, ctx);

  app.get(
    '/api/calendar/lunar',
    {
      schema: {
        summary: 'Convert a date to the Vietnamese lunar calendar',
        tags: ['calendar'],
        querystring: z.strictObject({ date: ZDate }),
        response: { 200: z.object({ date: z.string(), lunar: ZLunarDate }) },
      },
    },
    async (req) => {
      getAccess(req);
      return { date: req.query.date, lunar: solarToLunar(req.query.date) };
    },
  );

  app.get(
    '/api/calendar/rosters',
    {
      schema: {
        summary: 'List the roster entries between two dates in the units in scope',
        tags: ['calendar'],
        querystring: z.strictObject({ from: ZDate, to: ZDate }),
        response: { 200: z.object({ items: z.array(ZRosterEntry) }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('org.read');
      // Who is on extra duty or off, and when, is the unit's business: only rosters of units in the reader's scope.
      const items = await loadRosters(ctx.db, req.query.from, req.query.to);
      return { items: items.filter((r) => access.canInUnit('org.read', r.unitId)) };
    },
  );

  app.post(
    '/api/calendar/rosters',
    {
      schema: {
        summary: 'Add a roster entry (extra duty or time off); past attendance of a dated entry is recomputed',
        tags: ['calendar'],
        response: { 201: ZIdResult },
        body: z.strictObject({
          unitId: z.uuid(),
          personId: z.uuid().nullable().default(null),
          date: ZDate.nullable().default(null),
          weekday: z.number().int().min(1).max(7).nullable().default(null),
          validFrom: ZDate,
          validTo: ZDate.nullable().default(null),
          session: z.enum(['MORNING', 'AFTERNOON', 'FULL']),
          kind: z.enum(['EXTRA_DUTY', 'OFF_DUTY']),
          note: ZText(500).nullable().default(null),
        }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('calendar.manage', req.body.unitId);
      const { unitId, date } = req.body;
      const id = await ctx.db.transaction(async (tx) => {
        const id = await createRoster(tx, access.actor(), req.body);
        if (date) await calendarChanged(ctx, tx, { units: [unitId], dates: [date] });
        return id;
      });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/calendar/overrides',
    {
      schema: {
        summary: 'Set personal working hours of a staff member for a period',
        tags: ['calendar'],
        response: { 201: ZIdResult },
        body: z.strictObject({
          personId: z.uuid(),
          unitId: z.uuid(),
          validFrom: ZDate,
          validTo: ZDate.nullable().default(null),
          morning: ZRange.default(null),
          afternoon: ZRange.default(null),
          works: z.enum(['BOTH', 'MORNING', 'AFTERNOON']).default('BOTH'),
          reason: ZText(500).pipe(z.string().min(3)),
        }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('calendar.manage', req.body.unitId);
      const id = await createOverride(ctx.db, access.actor(), req.body);
      return reply.status(201).send({ id });
    },
  );
}
