import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZIdParams, ZInstant, ZText } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { getAccess } from '../../platform/access';
import { cameraRights, getCamera } from '../cameras';
import { type EvidenceRow, evidenceDto } from './evidence.service';


interface IncidentRow {
  id: string;
  unit_id: string;
  title: string;
  description: string;
  occurred_from: Date | null;
  occurred_to: Date | null;
  status: 'OPEN' | 'CLOSED';
  created_at: Date;
  updated_at: Date;
}

function incidentDto(r: IncidentRow) {
  return {
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    description: r.description,
    occurredFrom: r.occurred_from?.toISOString() ?? null,
    occurredTo: r.occurred_to?.toISOString() ?? null,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** Incidents (e.g. a motorbike missing from the parking lot): the footage searched and the evidence exported. */
export async function incidentRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  async function load(id: string): Promise<IncidentRow> {
    const row = (await ctx.db.query<IncidentRow>('SELECT * FROM incidents WHERE id = $1', [id]))[0];
    if (!row) throw errors.notFound('Incident', 'vụ việc');
    return row;
  }

  app.get('/api/incidents', { schema: { tags: ['incidents'], querystring: z.strictObject({ status: z.enum(['OPEN', 'CLOSED']).optional() }) } }, async (req) => {
    const access = getAccess(req);
    access.require('camera.playback');
    const params: unknown[] = [access.unitsFor('camera.playback')];
    const where = ['unit_id = ANY($1::uuid[])'];
    if (req.query.status) where.push(`status = $${params.push(req.query.status)}`);
    const rows = await ctx.db.query<IncidentRow>(`SELECT * FROM incidents WHERE ${where.join(' AND ')} ORDER BY created_at DESC LIMIT 500`, params);
    return { items: rows.map(incidentDto) };
  });

  app.post(
    '/api/incidents',
    {
      schema: {
        tags: ['incidents'],
        body: z.strictObject({
          unitId: z.uuid(),
          title: ZText(200).pipe(z.string().min(3)),
          description: ZText(4000).default(''),
          occurredFrom: ZInstant.nullish(),
          occurredTo: ZInstant.nullish(),
        }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('evidence.export', req.body.unitId);
      const { occurredFrom, occurredTo } = req.body;
      if (occurredFrom && occurredTo && new Date(occurredTo) < new Date(occurredFrom))
        throw errors.badRequest('REVERSED_RANGE', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must be after the start.');
      const id = randomUUID();
      const row = await ctx.db.transaction(async (tx) => {
        const rows = await tx.query<IncidentRow>(
          `INSERT INTO incidents (id, unit_id, title, description, occurred_from, occurred_to, created_by)
           VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *`,
          [id, req.body.unitId, req.body.title, req.body.description, occurredFrom ?? null, occurredTo ?? null, access.principal.userId],
        );
        await recordAudit(tx, { actor: access.actor(), action: 'incidents.create', entityType: 'incident', entityId: id, unitId: req.body.unitId, details: { title: req.body.title } });
        return rows[0] as IncidentRow;
      });
      return reply.status(201).send(incidentDto(row));
    },
  );

  app.get('/api/incidents/:id', { schema: { tags: ['incidents'], params: ZIdParams } }, async (req) => {
    const access = getAccess(req);
    const inc = await load(req.params.id);
    access.requireInUnit('camera.playback', inc.unit_id);
    const footage = await ctx.db.query<{ id: string; camera_id: string; range_from: Date; range_to: Date; note: string; created_at: Date }>(
      'SELECT id, camera_id, range_from, range_to, note, created_at FROM incident_footage WHERE incident_id = $1 ORDER BY range_from',
      [inc.id],
    );
    const evidence = await ctx.db.query<EvidenceRow>(
      `SELECT e.* FROM evidence_exports e JOIN evidence_links l ON l.export_id = e.id
        WHERE l.target_type = 'INCIDENT' AND l.target_id = $1 ORDER BY e.actual_from`,
      [inc.id],
    );
    return {
      ...incidentDto(inc),
      footage: footage.map((f) => ({ id: f.id, cameraId: f.camera_id, from: f.range_from.toISOString(), to: f.range_to.toISOString(), note: f.note, createdAt: f.created_at.toISOString() })),
      evidence: evidence.map(evidenceDto),
    };
  });

  app.patch(
    '/api/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        params: ZIdParams,
        body: z.strictObject({ title: ZText(200).pipe(z.string().min(3)).optional(), description: ZText(4000).optional(), status: z.enum(['OPEN', 'CLOSED']).optional() }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      const inc = await load(req.params.id);
      access.requireInUnit('evidence.export', inc.unit_id);
      const row = await ctx.db.transaction(async (tx) => {
        const rows = await tx.query<IncidentRow>(
          `UPDATE incidents SET title = COALESCE($2, title), description = COALESCE($3, description), status = COALESCE($4, status),
                  updated_at = now() WHERE id = $1 RETURNING *`,
          [inc.id, req.body.title ?? null, req.body.description ?? null, req.body.status ?? null],
        );
        await recordAudit(tx, { actor: access.actor(), action: 'incidents.update', entityType: 'incident', entityId: inc.id, unitId: inc.unit_id, details: req.body });
        return rows[0] as IncidentRow;
      });
      return incidentDto(row);
    },
  );

  // Records that a range of a camera was searched for this incident (whether or not anything was exported).
  app.post(
    '/api/incidents/:id/footage',
    {
      schema: {
        tags: ['incidents'],
        params: ZIdParams,
        body: z.strictObject({ cameraId: z.uuid(), from: ZInstant, to: ZInstant, note: ZText(1000).default('') }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const inc = await load(req.params.id);
      access.requireInUnit('evidence.export', inc.unit_id);
      const camera = await getCamera(ctx.db, req.body.cameraId);
      if (!camera) throw errors.notFound('Camera', 'camera');
      if (!(await cameraRights(ctx.db, access, camera, ctx.now())).playback) throw errors.forbidden({ permission: 'camera.playback' });
      if (new Date(req.body.to) <= new Date(req.body.from))
        throw errors.badRequest('REVERSED_RANGE', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must be after the start.');
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO incident_footage (id, incident_id, camera_id, range_from, range_to, note, searched_by) VALUES ($1,$2,$3,$4,$5,$6,$7)',
          [id, inc.id, camera.id, req.body.from, req.body.to, req.body.note, access.principal.userId],
        );
        await recordAudit(tx, { actor: access.actor(), action: 'incidents.footage_searched', entityType: 'incident', entityId: inc.id, unitId: inc.unit_id, details: { cameraId: camera.id, from: req.body.from, to: req.body.to } });
      });
      return reply.status(201).send({ id });
    },
  );
}
