import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { AppError, errors } from '../../platform/errors';
import { ZInstant, ZText } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { getAccess } from '../../platform/access';
import { recordHeartbeat } from './heartbeats.service';
import { authenticateSource, bearerToken, issueSourceToken } from './source-auth';

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
    const [src] = await ctx.db.query<{ unit_id: string | null }>('SELECT unit_id FROM punch_sources WHERE id = $1', [id]);
    if (!src) throw errors.notFound('Punch source', 'nguồn chấm công');
    return src.unit_id;
  };

  // Only sources of units the caller may read. A source with no unit (registered by server code, e.g. a camera's
  // first punch) belongs to no commune: system administrators only.
  app.get('/api/attendance/sources', { schema: { tags: ['attendance'] } }, async (req) => {
    const access = getAccess(req);
    const units = [...new Set([...access.unitsFor('attendance.read'), ...access.unitsFor('attendance.manage')])];
    if (units.length === 0) throw errors.forbidden({ permission: 'attendance.read' });
    const sysadmin = access.principal.roles.some((r) => r.role === 'sysadmin');
    return ctx.db.query(
      `SELECT s.id, s.kind, s.name, s.unit_id AS "unitId", s.heartbeat_interval_seconds AS "heartbeatIntervalSeconds",
              s.last_heartbeat_at AS "lastHeartbeatAt", s.last_event_at AS "lastEventAt", s.token_issued_at AS "tokenIssuedAt",
              EXISTS (SELECT 1 FROM source_outages o WHERE o.source_id = s.id AND o.ended_at IS NULL) AS offline,
              (SELECT offset_ms FROM source_clock_corrections c WHERE c.source_id = s.id AND c.valid_to IS NULL LIMIT 1) AS "clockOffsetMs"
         FROM punch_sources s
        WHERE s.unit_id = ANY($1::uuid[]) OR ($2 AND s.unit_id IS NULL)
        ORDER BY s.id`,
      [units, sysadmin],
    );
  });

  // Registers a source in a unit the caller manages and returns its token, the only time it is shown. An existing id
  // is never taken over (409): moving a source between units is a PATCH that needs both units.
  app.post(
    '/api/attendance/sources',
    {
      schema: {
        tags: ['attendance'],
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
        const ins = await tx.query(
          `INSERT INTO punch_sources (id, kind, name, unit_id, heartbeat_interval_seconds) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [b.id, b.kind, b.name, b.unitId, b.heartbeatIntervalSeconds],
        );
        if (ins.length === 0) throw errors.conflict('SOURCE_EXISTS', 'Mã nguồn chấm công này đã tồn tại.', 'A punch source with this id already exists.', { id: b.id });
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
        tags: ['attendance'],
        params: ZSourceParams,
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
        await tx.query(
          `UPDATE punch_sources SET name = COALESCE($2, name), unit_id = COALESCE($3, unit_id),
                  heartbeat_interval_seconds = COALESCE($4, heartbeat_interval_seconds) WHERE id = $1`,
          [req.params.source, req.body.name ?? null, req.body.unitId ?? null, req.body.heartbeatIntervalSeconds ?? null],
        );
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
  app.post('/api/attendance/sources/:source/token', { schema: { tags: ['attendance'], params: ZSourceParams } }, async (req) => {
    const access = getAccess(req);
    const unitId = await sourceUnit(req.params.source);
    access.requireInUnit('attendance.manage', unitId);
    const token = await ctx.db.transaction(async (tx) => {
      const t = await issueSourceToken(tx, req.params.source, ctx.now());
      await recordAudit(tx, { actor: access.actor(), action: 'attendance.source_token_rotate', entityType: 'punch_source', entityId: req.params.source, unitId, details: {} });
      return t;
    });
    return { id: req.params.source, token };
  });

  // The source itself (its bearer token, no session) or a manager of the source's unit (audited). Unknown ids: 404.
  app.post(
    '/api/attendance/sources/:source/heartbeat',
    { schema: { tags: ['attendance'], params: ZSourceParams, body: z.strictObject({ deviceTime: ZInstant.nullish() }) } },
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
