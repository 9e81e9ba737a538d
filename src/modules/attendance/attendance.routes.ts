import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { openOwnedBlob, selfOrUnit } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZBinary, ZIdParams, ZInstant, ZMonth, ZText, binaryBody } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import type { Access } from '../../platform/access';
import { getAccess } from '../../platform/access';
import { loadOrgTree } from '../org';
import { assertCompetent } from '../competence';
import { localDateOf } from '../../platform/time';
import { personMonthDto, ZAttendanceRulesList, ZManualPunchResult, ZOk, ZOutageReport, ZPersonMonth, ZTimesheet } from './attendance.dto';
import { ATTENDANCE_STATUSES } from './attendance.events';
import { DEFAULT_RULES } from './domain/types';
import { PUNCH_EVIDENCE_SERVABLE_KINDS } from './punch-evidence';
import { findPunchEvidenceKey, findPunchPerson } from './punches.repo';
import { annulPunch, createManualPunch, reportOutage } from './punches.service';
import { loadRules, upsertRules } from './rules.repo';
import { findSourceUnit } from './sources.repo';
import { findPersonUnit, findUnitName } from './staff.repo';
import { monthTimesheet, personMonth, timesheetXlsx } from './timesheet.service';


export async function personUnit(ctx: AppContext, personId: string): Promise<string> {
  const p = await findPersonUnit(ctx.db, personId);
  if (!p) throw errors.notFound('Person', 'cán bộ');
  return p.unit_id;
}

/**
 * The person a request or a read is about: the one named, or the signed-in user's own record; the user must be that
 * person or hold `permission` over the person's unit.
 */
export async function subjectPerson(ctx: AppContext, access: Access, named: string | null | undefined, permission: 'attendance.read' | 'attendance.manage'): Promise<string> {
  const personId = named ?? access.principal.personId;
  if (!personId) throw errors.badRequest('PERSON_REQUIRED', 'Cần chọn cán bộ.', 'Choose a person.');
  access.requireSelfOrUnit(permission, personId, await personUnit(ctx, personId));
  return personId;
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

  const timesheetQuery = z.strictObject({
    unitId: z.uuid(),
    month: ZMonth,
    status: z.union([z.enum(ATTENDANCE_STATUSES), z.array(z.enum(ATTENDANCE_STATUSES))]).optional(),
    q: ZText(80).optional(),
  });
  app.get(
    '/api/attendance/timesheet',
    { schema: { summary: 'Month timesheet of a unit and its subunits', tags: ['attendance'], querystring: timesheetQuery, response: { 200: ZTimesheet } } },
    async (req) => {
      const access = getAccess(req);
      const unitIds = await readableUnits(ctx, access, req.query.unitId);
      const statuses = req.query.status === undefined ? [] : Array.isArray(req.query.status) ? req.query.status : [req.query.status];
      return monthTimesheet(ctx.db, { unitIds, month: req.query.month, statuses, search: req.query.q ? req.query.q.toLowerCase() : null });
    },
  );

  app.get(
    '/api/attendance/timesheet.xlsx',
    {
      schema: {
        summary: 'Export the month timesheet of a unit as XLSX',
        description: 'An Excel workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) with a legend sheet; audited.',
        tags: ['attendance'],
        querystring: timesheetQuery,
        response: { 200: ZBinary },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const unitIds = await readableUnits(ctx, access, req.query.unitId);
      const sheet = await monthTimesheet(ctx.db, { unitIds, month: req.query.month });
      const unit = await findUnitName(ctx.db, req.query.unitId);
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
        .send(binaryBody(buf));
    },
  );

  app.get(
    '/api/attendance/persons/:id/month',
    {
      schema: {
        summary: "A person's month: computed days with reasons, punches and requests",
        tags: ['attendance'],
        params: ZIdParams,
        querystring: z.strictObject({ month: ZMonth }),
        response: { 200: ZPersonMonth },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const unitId = await personUnit(ctx, req.params.id);
      access.requireSelfOrUnit('attendance.read', req.params.id, unitId);
      return personMonthDto(await personMonth(ctx.db, req.params.id, req.query.month));
    },
  );

  // Evidence thumbnail of a punch (a face snapshot): a sensitive read, audited every time. Access follows the blob's
  // registered owner (F1), not the punch: a key nobody registered as punch evidence or a sighting is 404.
  app.get(
    '/api/attendance/punches/:id/evidence',
    {
      config: { servesBlob: 'owner' },
      schema: {
        summary: 'Evidence image of a punch',
        description: 'The face snapshot (image/jpeg) of a punch; every view is audited.',
        tags: ['attendance'],
        params: ZIdParams,
        response: { 200: ZBinary },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const p = await findPunchEvidenceKey(ctx.db, req.params.id);
      if (!p?.evidence_snapshot_key) throw errors.notFound('Evidence', 'ảnh bằng chứng');
      const blob = await openOwnedBlob(ctx, p.evidence_snapshot_key, PUNCH_EVIDENCE_SERVABLE_KINDS, selfOrUnit(access, 'attendance.read'));
      await recordAudit(ctx.db, {
        actor: access.actor(),
        action: 'attendance.evidence_view',
        entityType: 'punch',
        entityId: req.params.id,
        unitId: blob.owner.unitId,
        details: { key: p.evidence_snapshot_key, ownerKind: blob.owner.kind },
      });
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, no-store').send(binaryBody(await blob.buffer()));
    },
  );

  app.post(
    '/api/attendance/punches/manual',
    {
      schema: {
        summary: 'Add a manual punch for a person (reason required, never for oneself)',
        tags: ['attendance'],
        body: z.strictObject({ personId: z.uuid(), at: ZInstant, direction: z.enum(['IN', 'OUT']).nullish(), reason: ZText(500).pipe(z.string().min(5)) }),
        response: { 200: ZManualPunchResult },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const unitId = await personUnit(ctx, req.body.personId);
      access.requireInUnit('attendance.manage', unitId);
      // Never for oneself, never for a superior, only at the competent level (competence table, audit D5/D6).
      await assertCompetent(ctx.db, access, { matter: 'ATTENDANCE_CORRECTION', subjectPersonId: req.body.personId, date: localDateOf(ctx.now()) });
      return createManualPunch(ctx.db, access.actor(), { personId: req.body.personId, unitId, at: new Date(req.body.at), direction: req.body.direction ?? null, reason: req.body.reason }, ctx.now());
    },
  );

  app.post(
    '/api/attendance/punches/:id/annul',
    {
      schema: {
        summary: 'Annul a wrong punch (the raw punch stays; the day is recomputed)',
        tags: ['attendance'],
        params: ZIdParams,
        body: z.strictObject({ reason: ZText(500).pipe(z.string().min(5)) }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const p = await findPunchPerson(ctx.db, req.params.id);
      if (!p) throw errors.notFound('Punch', 'lượt chấm công');
      const unitId = await personUnit(ctx, p.person_id);
      access.requireInUnit('attendance.manage', unitId);
      await assertCompetent(ctx.db, access, { matter: 'ATTENDANCE_CORRECTION', subjectPersonId: p.person_id, date: localDateOf(ctx.now()) });
      await annulPunch(ctx.db, access.actor(), req.params.id, req.body.reason, unitId, ctx.now());
      return { ok: true };
    },
  );

  app.post(
    '/api/attendance/sources/:source/outages',
    {
      schema: {
        summary: 'Report an outage of a punch source; its closed days are queued for recomputation',
        tags: ['attendance'],
        params: z.strictObject({ source: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/) }),
        body: z.strictObject({ startedAt: ZInstant, endedAt: ZInstant.nullish(), note: ZText(500).pipe(z.string().min(3)) }),
        response: { 200: ZOutageReport },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const src = await findSourceUnit(ctx.db, req.params.source);
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

  // POST /api/attendance/recompute runs as a background job: recompute.routes.ts (issue 11, F4).

  app.get(
    '/api/attendance/rules',
    {
      schema: {
        summary: 'Work-regulation thresholds: built-in defaults and the national and unit entries',
        tags: ['attendance'],
        querystring: z.strictObject({ unitId: z.uuid().optional() }),
        response: { 200: ZAttendanceRulesList },
      },
    },
    async (req) => {
      getAccess(req).require('attendance.read');
      const all = await loadRules(ctx.db);
      return { defaults: DEFAULT_RULES, entries: req.query.unitId ? all.filter((e) => e.unitId === req.query.unitId) : all };
    },
  );

  app.put(
    '/api/attendance/rules',
    {
      schema: {
        summary: 'Set the work-regulation thresholds of a unit (unitId null: national)',
        tags: ['attendance'],
        response: { 200: ZOk },
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
            /** The unit's regulation: approved late-arrival / early-leave minutes still count as late / early. */
            approvedPermissionCountsAsLate: z.boolean().default(false),
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
