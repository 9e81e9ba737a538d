import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context';
import { errors } from '../../platform/errors';
import { ZDate, ZIdParams, ZText } from '../../platform/http/schemas';
import { recordAudit } from '../audit/audit.service';
import type { Access } from '../auth/access';
import { getAccess } from '../auth/auth.http';
import { daysBetween, localDateOf } from '../calendar/domain/local-time';
import { loadOrgTree } from '../org/org-tree';
import { ATTENDANCE_STATUSES } from './attendance.events';
import { DEFAULT_RULES } from './domain/types';
import { annulPunch, createManualPunch, ingestPunches, punchInputSchema, recordHeartbeat, reportOutage } from './punches.service';
import { recomputeRange } from './recompute.service';
import { loadRules, upsertRules } from './rules.repo';
import { monthTimesheet, personMonth, timesheetXlsx } from './timesheet.service';

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');
const ZInstant = z.iso.datetime({ offset: true });

export async function personUnit(ctx: AppContext, personId: string): Promise<string> {
  const [p] = await ctx.db.query<{ unit_id: string }>('SELECT unit_id FROM persons WHERE id = $1', [personId]);
  if (!p) throw errors.notFound('Person', 'cán bộ');
  return p.unit_id;
}

/** Units of the requested subtree (with former units merged into it) that the user may read. */
async function readableUnits(ctx: AppContext, access: Access, unitId: string): Promise<string[]> {
  const allowed = new Set([...access.unitsFor('attendance.read'), ...access.unitsFor('attendance.manage')]);
  if (!allowed.has(unitId)) throw allowed.size === 0 ? errors.forbidden({ permission: 'attendance.read' }) : errors.outOfScope();
  const tree = await loadOrgTree(ctx.db);
  return [...tree.scopeOf(unitId)].filter((u) => allowed.has(u));
}

export async function attendanceRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, bus: ctx.bus, now: ctx.now };

  const timesheetQuery = z.strictObject({
    unitId: z.uuid(),
    month: ZMonth,
    status: z.union([z.enum(ATTENDANCE_STATUSES), z.array(z.enum(ATTENDANCE_STATUSES))]).optional(),
    q: ZText(80).optional(),
  });
  app.get('/api/attendance/timesheet', { schema: { tags: ['attendance'], querystring: timesheetQuery } }, async (req) => {
    const access = getAccess(req);
    const unitIds = await readableUnits(ctx, access, req.query.unitId);
    const statuses = req.query.status === undefined ? [] : Array.isArray(req.query.status) ? req.query.status : [req.query.status];
    return monthTimesheet(ctx.db, { unitIds, month: req.query.month, statuses, search: req.query.q ? req.query.q.toLowerCase() : null });
  });

  app.get('/api/attendance/timesheet.xlsx', { schema: { tags: ['attendance'], querystring: timesheetQuery } }, async (req, reply) => {
    const access = getAccess(req);
    const unitIds = await readableUnits(ctx, access, req.query.unitId);
    const sheet = await monthTimesheet(ctx.db, { unitIds, month: req.query.month });
    const [unit] = await ctx.db.query<{ name: string }>('SELECT name FROM org_units WHERE id = $1', [req.query.unitId]);
    const buf = await timesheetXlsx(sheet, unit?.name ?? '');
    await recordAudit(ctx.db, {
      actor: access.actor(),
      action: 'attendance.timesheet_export',
      entityType: 'timesheet',
      entityId: `${req.query.unitId}/${req.query.month}`,
      unitId: req.query.unitId,
      details: { rows: sheet.rows.length },
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bang-cham-cong-${req.query.month}.xlsx"`)
      .send(buf);
  });

  app.get(
    '/api/attendance/persons/:id/month',
    { schema: { tags: ['attendance'], params: ZIdParams, querystring: z.strictObject({ month: ZMonth }) } },
    async (req) => {
      const access = getAccess(req);
      const unitId = await personUnit(ctx, req.params.id);
      access.requireSelfOrUnit('attendance.read', req.params.id, unitId);
      return personMonth(ctx.db, req.params.id, req.query.month);
    },
  );

  // Evidence thumbnail of a punch (a face snapshot): a sensitive read, audited every time.
  app.get('/api/attendance/punches/:id/evidence', { schema: { tags: ['attendance'], params: ZIdParams } }, async (req, reply) => {
    const access = getAccess(req);
    const [p] = await ctx.db.query<{ person_id: string; evidence_snapshot_key: string | null }>(
      'SELECT person_id, evidence_snapshot_key FROM punches WHERE id = $1',
      [req.params.id],
    );
    if (!p?.evidence_snapshot_key) throw errors.notFound('Evidence', 'ảnh bằng chứng');
    const unitId = await personUnit(ctx, p.person_id);
    access.requireSelfOrUnit('attendance.read', p.person_id, unitId);
    const stat = await ctx.blobs.stat(p.evidence_snapshot_key);
    if (!stat) throw errors.notFound('Evidence', 'ảnh bằng chứng');
    await recordAudit(ctx.db, {
      actor: access.actor(),
      action: 'attendance.evidence_view',
      entityType: 'punch',
      entityId: req.params.id,
      unitId,
      details: { key: p.evidence_snapshot_key },
    });
    return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-store').send(await ctx.blobs.getBuffer(p.evidence_snapshot_key));
  });

  app.post(
    '/api/attendance/punches/manual',
    {
      schema: {
        tags: ['attendance'],
        body: z.strictObject({ personId: z.uuid(), at: ZInstant, direction: z.enum(['IN', 'OUT']).nullish(), reason: ZText(500).pipe(z.string().min(5)) }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      const unitId = await personUnit(ctx, req.body.personId);
      access.requireInUnit('attendance.manage', unitId);
      if (access.isSelf(req.body.personId)) throw errors.forbidden({ reason: 'no manual punch for oneself' });
      return createManualPunch(ctx.db, access.actor(), { personId: req.body.personId, unitId, at: new Date(req.body.at), direction: req.body.direction ?? null, reason: req.body.reason }, ctx.now());
    },
  );

  // Batch ingestion for devices and imports; every item gets its own outcome, nothing is counted twice.
  app.post(
    '/api/attendance/punches/ingest',
    { schema: { tags: ['attendance'], body: z.strictObject({ items: z.array(z.unknown()).min(1).max(5000) }) } },
    async (req) => {
      const access = getAccess(req);
      access.require('attendance.manage');
      const scope = new Set(access.unitsFor('attendance.manage'));
      const items = req.body.items.map((raw) => {
        const parsed = punchInputSchema.safeParse(raw);
        return parsed.success ? parsed.data : (raw as never);
      });
      // Refuse items about people outside the caller's scope, item by item.
      const ids = [...new Set(items.map((i) => (i as { personId?: unknown })?.personId).filter((x): x is string => typeof x === 'string' && /^[0-9a-f-]{36}$/i.test(x)))];
      const units = new Map(
        (await ctx.db.query<{ id: string; unit_id: string }>('SELECT id, unit_id FROM persons WHERE id = ANY($1::uuid[])', [ids])).map((r) => [r.id, r.unit_id]),
      );
      const allowed = items.map((i) => {
        const pid = (i as { personId?: string })?.personId;
        const u = pid ? units.get(pid) : undefined;
        return u === undefined || scope.has(u);
      });
      const accepted = await ingestPunches(ctx.db, items.filter((_, k) => allowed[k]), { now: ctx.now() });
      let n = 0;
      const results = allowed.map((ok) =>
        ok ? accepted[n++] : { status: 'REJECTED' as const, code: 'OUT_OF_SCOPE', message_vi: 'Cán bộ ngoài phạm vi quản lý.', message_en: 'Person outside your scope.' },
      );
      return { results, accepted: results.filter((r) => r?.status === 'ACCEPTED').length, duplicates: results.filter((r) => r?.status === 'DUPLICATE').length, rejected: results.filter((r) => r?.status === 'REJECTED').length };
    },
  );

  app.post(
    '/api/attendance/punches/:id/annul',
    { schema: { tags: ['attendance'], params: ZIdParams, body: z.strictObject({ reason: ZText(500).pipe(z.string().min(5)) }) } },
    async (req) => {
      const access = getAccess(req);
      const [p] = await ctx.db.query<{ person_id: string }>('SELECT person_id FROM punches WHERE id = $1', [req.params.id]);
      if (!p) throw errors.notFound('Punch', 'lượt chấm công');
      const unitId = await personUnit(ctx, p.person_id);
      access.requireInUnit('attendance.manage', unitId);
      await annulPunch(ctx.db, access.actor(), req.params.id, req.body.reason, unitId, ctx.now());
      return { ok: true };
    },
  );

  app.get('/api/attendance/sources', { schema: { tags: ['attendance'] } }, async (req) => {
    const access = getAccess(req);
    access.require('attendance.read');
    return ctx.db.query(
      `SELECT s.id, s.kind, s.name, s.unit_id AS "unitId", s.heartbeat_interval_seconds AS "heartbeatIntervalSeconds",
              s.last_heartbeat_at AS "lastHeartbeatAt", s.last_event_at AS "lastEventAt",
              EXISTS (SELECT 1 FROM source_outages o WHERE o.source_id = s.id AND o.ended_at IS NULL) AS offline,
              (SELECT offset_ms FROM source_clock_corrections c WHERE c.source_id = s.id AND c.valid_to IS NULL LIMIT 1) AS "clockOffsetMs"
         FROM punch_sources s ORDER BY s.id`,
    );
  });

  app.post(
    '/api/attendance/sources',
    {
      schema: {
        tags: ['attendance'],
        body: z.strictObject({
          id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
          kind: z.enum(['CAMERA', 'DEVICE', 'MOBILE', 'IMPORT']),
          name: ZText(200).pipe(z.string().min(1)),
          unitId: z.uuid(),
          heartbeatIntervalSeconds: z.number().int().min(5).max(86400).default(60),
        }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.requireInUnit('attendance.manage', req.body.unitId);
      const b = req.body;
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO punch_sources (id, kind, name, unit_id, heartbeat_interval_seconds) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, unit_id = EXCLUDED.unit_id, heartbeat_interval_seconds = EXCLUDED.heartbeat_interval_seconds`,
          [b.id, b.kind, b.name, b.unitId, b.heartbeatIntervalSeconds],
        );
        await recordAudit(tx, { actor: access.actor(), action: 'attendance.source_save', entityType: 'punch_source', entityId: b.id, unitId: b.unitId, details: { ...b } });
      });
      return { ok: true };
    },
  );

  app.post(
    '/api/attendance/sources/:source/heartbeat',
    { schema: { tags: ['attendance'], params: z.strictObject({ source: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/) }), body: z.strictObject({ deviceTime: ZInstant.nullish() }) } },
    async (req) => {
      getAccess(req).require('attendance.manage');
      return recordHeartbeat(ctx.db, { source: req.params.source, deviceTime: req.body.deviceTime ? new Date(req.body.deviceTime) : null, receivedAt: ctx.now() });
    },
  );

  app.post(
    '/api/attendance/sources/:source/outages',
    {
      schema: {
        tags: ['attendance'],
        params: z.strictObject({ source: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/) }),
        body: z.strictObject({ startedAt: ZInstant, endedAt: ZInstant.nullish(), note: ZText(500).pipe(z.string().min(3)) }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      const [src] = await ctx.db.query<{ unit_id: string | null }>('SELECT unit_id FROM punch_sources WHERE id = $1', [req.params.source]);
      if (!src) throw errors.notFound('Punch source', 'nguồn chấm công');
      access.requireInUnit('attendance.manage', src.unit_id);
      return reportOutage(
        ctx.db,
        access.actor(),
        { source: req.params.source, startedAt: new Date(req.body.startedAt), endedAt: req.body.endedAt ? new Date(req.body.endedAt) : null, note: req.body.note },
        ctx.now(),
      );
    },
  );

  app.post(
    '/api/attendance/recompute',
    { schema: { tags: ['attendance'], body: z.strictObject({ unitId: z.uuid(), from: ZDate, to: ZDate }) } },
    async (req) => {
      const access = getAccess(req);
      access.requireInUnit('attendance.manage', req.body.unitId);
      const { from, to } = req.body;
      if (to < from || daysBetween(from, to) > 62)
        throw errors.badRequest('RANGE_INVALID', 'Khoảng ngày không hợp lệ (tối đa 62 ngày).', 'Invalid range (at most 62 days).');
      const tree = await loadOrgTree(ctx.db);
      const units = [...tree.scopeOf(req.body.unitId)];
      const persons = await ctx.db.query<{ person_id: string }>(
        `SELECT DISTINCT person_id FROM person_unit_history WHERE unit_id = ANY($1::uuid[]) AND valid_from <= $3 AND (valid_to IS NULL OR valid_to > $2)
         UNION SELECT id FROM persons WHERE unit_id = ANY($1::uuid[])`,
        [units, from, to],
      );
      const stats = await recomputeRange(deps, { from, to, personIds: persons.map((p) => p.person_id) });
      await recordAudit(ctx.db, { actor: access.actor(), action: 'attendance.recompute', entityType: 'org_unit', entityId: req.body.unitId, unitId: req.body.unitId, details: { from, to, ...stats } });
      return { ...stats, today: localDateOf(ctx.now()) };
    },
  );

  app.get('/api/attendance/rules', { schema: { tags: ['attendance'], querystring: z.strictObject({ unitId: z.uuid().optional() }) } }, async (req) => {
    getAccess(req).require('attendance.read');
    const all = await loadRules(ctx.db);
    return { defaults: DEFAULT_RULES, entries: req.query.unitId ? all.filter((e) => e.unitId === req.query.unitId) : all };
  });

  app.put(
    '/api/attendance/rules',
    {
      schema: {
        tags: ['attendance'],
        body: z.strictObject({
          unitId: z.uuid().nullable(),
          legalBasis: ZText(300).pipe(z.string().min(3)),
          rules: z.strictObject({
            lateGraceMinutes: z.number().int().min(0).max(120),
            earlyGraceMinutes: z.number().int().min(0).max(120),
            debounceSeconds: z.number().int().min(0).max(3600),
            checkInOpensMinutes: z.number().int().min(0).max(360),
            checkOutClosesMinutes: z.number().int().min(0).max(480),
            lunchPunchesRequired: z.boolean(),
            leaveNotReportedAfterDays: z.number().int().min(1).max(60),
          }),
        }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      if (req.body.unitId === null) access.require('calendar.manage');
      else access.requireInUnit('calendar.manage', req.body.unitId);
      await ctx.db.transaction(async (tx) => {
        await upsertRules(tx, req.body.unitId, req.body.rules, req.body.legalBasis);
        await recordAudit(tx, { actor: access.actor(), action: 'attendance.rules_save', entityType: 'attendance_rules', entityId: req.body.unitId ?? 'national', unitId: req.body.unitId, reason: req.body.legalBasis, details: { ...req.body.rules } });
      });
      return { ok: true };
    },
  );
}
