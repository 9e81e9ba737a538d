import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { AppError, errors } from '../../platform/errors';
import { ZInstant, ZText } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { getAccess } from '../../platform/access';
import { ZOk } from './attendance.dto';
import { recordHeartbeat } from './heartbeats.service';
import { authenticateSource, bearerToken, issueSourceToken } from './source-auth';
import { ZHeartbeatResult, ZPunchSource, ZPunchSourceToken } from './sources.dto';
import { findSourceUnit, insertSource, listSources, updateSource } from './sources.repo';

const ZSourceId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);
const ZSourceParams = z.strictObject({ source: ZSourceId });

export const sourceMismatch = (claimed: string, actual: string) =>
  new AppError(403, 'SOURCE_MISMATCH', 'Thiết bị chỉ được gửi dữ liệu của chính nó.', 'A device may only send data of its own source.', {
    source: claimed,
    authenticatedAs: actual,
  });

/**
 * Punch sources: the list (scoped, F12), registration with a unit and a token shown once, token rotation, and
 * heartbeats from the source itself or from a manager of its unit (F6).
 */
export async function sourceRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  const sourceUnit = async (id: string): Promise<string | null> => {
    const src = await findSourceUnit(ctx.db, id);
    if (!src) throw errors.notFound('Punch source', 'nguồn chấm công');
    return src.unit_id;
  };

  // Only sources of units the caller may read. A source with no unit (registered by server code, e.g. a camera's
  // first punch) belongs to no commune: system administrators only.
  app.get(
    '/api/attendance/sources',
    { schema: { summary: 'List the punch sources of the units one may read, with their health', tags: ['attendance'], response: { 200: z.array(ZPunchSource) } } },
    async (req) => {
      const access = getAccess(req);
      const units = [...new Set([...access.unitsFor('attendance.read'), ...access.unitsFor('attendance.manage')])];
      if (units.length === 0) throw errors.forbidden({ permission: 'attendance.read' });
      const sysadmin = access.principal.roles.some((r) => r.role === 'sysadmin');
      return listSources(ctx.db, units, sysadmin);
    },
  );

  // Registers a source in a unit the caller manages and returns its token, the only time it is shown. An existing id
  // is never taken over (409): moving a source between units is a PATCH that needs both units.
  app.post(
    '/api/attendance/sources',
    {
      schema: {
        summary: 'Register a punch source in a unit; its token is shown once',
        tags: ['attendance'],
        response: { 201: ZPunchSourceToken },
        body: z.strictObject({
          id: ZSourceId,
          kind: z.enum(['CAMERA', 'DEVICE', 'MOBILE', 'IMPORT']),
          name: ZText(200).pipe(z.string().min(1)),
          unitId: z.uuid(),
          heartbeatIntervalSeconds: z.number().int().min(5).max(86400).default(60),
        }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('attendance.manage', req.body.unitId);
      const b = req.body;
      const token = await ctx.db.transaction(async (tx) => {
        if (!(await insertSource(tx, b))) throw errors.conflict('SOURCE_EXISTS', 'Mã nguồn chấm công này đã tồn tại.', 'A punch source with this id already exists.', { id: b.id });
        const t = await issueSourceToken(tx, b.id, ctx.now());
        await recordAudit(tx, { actor: access.actor(), action: 'attendance.source_create', entityType: 'punch_source', entityId: b.id, unitId: b.unitId, details: { ...b } });
        return t;
      });
      return reply.status(201).send({ id: b.id, token });
    },
  );

  app.patch(
    '/api/attendance/sources/:source',
    {
      schema: {
        summary: 'Change a punch source (name, unit, heartbeat interval)',
        tags: ['attendance'],
        params: ZSourceParams,
        response: { 200: ZOk },
        body: z.strictObject({
          name: ZText(200).pipe(z.string().min(1)).optional(),
          unitId: z.uuid().optional(),
          heartbeatIntervalSeconds: z.number().int().min(5).max(86400).optional(),
        }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      const unitId = await sourceUnit(req.params.source);
      access.requireInUnit('attendance.manage', unitId);
      if (req.body.unitId) access.requireInUnit('attendance.manage', req.body.unitId);
      await ctx.db.transaction(async (tx) => {
        await updateSource(tx, req.params.source, {
          name: req.body.name ?? null,
          unitId: req.body.unitId ?? null,
          heartbeatIntervalSeconds: req.body.heartbeatIntervalSeconds ?? null,
        });
        await recordAudit(tx, {
          actor: access.actor(),
          action: 'attendance.source_update',
          entityType: 'punch_source',
          entityId: req.params.source,
          unitId: req.body.unitId ?? unitId,
          details: { ...req.body, previousUnitId: unitId },
        });
      });
      return { ok: true };
    },
  );

  // A new token; the old one stops working at once (a lost or leaked device).
  app.post(
    '/api/attendance/sources/:source/token',
    { schema: { summary: 'Issue a new token for a punch source; the old one stops working', tags: ['attendance'], params: ZSourceParams, response: { 200: ZPunchSourceToken } } },
    async (req) => {
      const access = getAccess(req);
      const unitId = await sourceUnit(req.params.source);
      access.requireInUnit('attendance.manage', unitId);
      const token = await ctx.db.transaction(async (tx) => {
        const t = await issueSourceToken(tx, req.params.source, ctx.now());
        await recordAudit(tx, { actor: access.actor(), action: 'attendance.source_token_rotate', entityType: 'punch_source', entityId: req.params.source, unitId, details: {} });
        return t;
      });
      return { id: req.params.source, token };
    },
  );

  // The source itself (its bearer token, no session) or a manager of the source's unit (audited). Unknown ids: 404.
  app.post(
    '/api/attendance/sources/:source/heartbeat',
    {
      schema: {
        summary: 'Heartbeat of a punch source (the source with its token, or a manager of its unit)',
        tags: ['attendance'],
        params: ZSourceParams,
        body: z.strictObject({ deviceTime: ZInstant.nullish() }),
        response: { 200: ZHeartbeatResult },
      },
    },
    async (req) => {
      const deviceTime = req.body.deviceTime ? new Date(req.body.deviceTime) : null;
      if (!req.kcAccess) {
        const device = await authenticateSource(ctx.db, bearerToken(req));
        if (device.id !== req.params.source) throw sourceMismatch(req.params.source, device.id);
        return recordHeartbeat(ctx.db, { source: device.id, deviceTime, receivedAt: ctx.now() });
      }
      const access = getAccess(req);
      access.requireInUnit('attendance.manage', await sourceUnit(req.params.source));
      return recordHeartbeat(ctx.db, { source: req.params.source, deviceTime, receivedAt: ctx.now(), actor: access.actor(), auditHeartbeat: true });
    },
  );
}
