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
import { evidenceDto } from './evidence.service';
import { evidenceOfIncident } from './evidence.repo';
import {
  getIncident,
  type IncidentRow,
  incidentFootage,
  insertIncident,
  insertIncidentFootage,
  listIncidents,
  updateIncident,
} from './incidents.repo';
import { incidentDto, incidentFootageDto, ZIncident, ZIncidentDetail, ZIncidentList } from './incidents.dto';
import { ZCreated } from './recording.dto';

/** Incidents (e.g. a motorbike missing from the parking lot): the footage searched and the evidence exported. */
export async function incidentRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  async function load(id: string): Promise<IncidentRow> {
    const row = await getIncident(ctx.db, id);
    if (!row) throw errors.notFound('Incident', 'vụ việc');
    return row;
  }

  app.get(
    '/api/incidents',
    {
      schema: {
        summary: 'List the latest incidents (at most 500) of the units the caller may play back',
        tags: ['incidents'],
        querystring: z.strictObject({ status: z.enum(['OPEN', 'CLOSED']).optional() }),
        response: { 200: ZIncidentList },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('camera.playback');
      const rows = await listIncidents(ctx.db, access.unitsFor('camera.playback'), req.query.status);
      return { items: rows.map(incidentDto) };
    },
  );

  app.post(
    '/api/incidents',
    {
      schema: {
        summary: 'Open an incident (e.g. a motorbike missing from the parking lot)',
        tags: ['incidents'],
        body: z.strictObject({
          unitId: z.uuid(),
          title: ZText(200).pipe(z.string().min(3)),
          description: ZText(4000).default(''),
          occurredFrom: ZInstant.nullish(),
          occurredTo: ZInstant.nullish(),
        }),
        response: { 201: ZIncident },
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
        const created = await insertIncident(tx, {
          id,
          unitId: req.body.unitId,
          title: req.body.title,
          description: req.body.description,
          occurredFrom: occurredFrom ?? null,
          occurredTo: occurredTo ?? null,
          createdBy: access.principal.userId,
        });
        await recordAudit(tx, { actor: access.actor(), action: 'incidents.create', entityType: 'incident', entityId: id, unitId: req.body.unitId, details: { title: req.body.title } });
        return created;
      });
      return reply.status(201).send(incidentDto(row));
    },
  );

  app.get(
    '/api/incidents/:id',
    {
      schema: {
        summary: 'Show an incident with the footage searched and the evidence attached',
        tags: ['incidents'],
        params: ZIdParams,
        response: { 200: ZIncidentDetail },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const inc = await load(req.params.id);
      access.requireInUnit('camera.playback', inc.unit_id);
      const footage = await incidentFootage(ctx.db, inc.id);
      const evidence = await evidenceOfIncident(ctx.db, inc.id);
      return {
        ...incidentDto(inc),
        footage: footage.map(incidentFootageDto),
        evidence: evidence.map(evidenceDto),
      };
    },
  );

  app.patch(
    '/api/incidents/:id',
    {
      schema: {
        summary: "Change an incident's title, description or status",
        tags: ['incidents'],
        params: ZIdParams,
        body: z.strictObject({ title: ZText(200).pipe(z.string().min(3)).optional(), description: ZText(4000).optional(), status: z.enum(['OPEN', 'CLOSED']).optional() }),
        response: { 200: ZIncident },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const inc = await load(req.params.id);
      access.requireInUnit('evidence.export', inc.unit_id);
      const row = await ctx.db.transaction(async (tx) => {
        const updated = await updateIncident(tx, inc.id, { title: req.body.title ?? null, description: req.body.description ?? null, status: req.body.status ?? null });
        await recordAudit(tx, { actor: access.actor(), action: 'incidents.update', entityType: 'incident', entityId: inc.id, unitId: inc.unit_id, details: req.body });
        return updated;
      });
      return incidentDto(row);
    },
  );

  // Records that a range of a camera was searched for this incident (whether or not anything was exported).
  app.post(
    '/api/incidents/:id/footage',
    {
      schema: {
        summary: 'Record that a range of a camera was searched for the incident',
        tags: ['incidents'],
        params: ZIdParams,
        body: z.strictObject({ cameraId: z.uuid(), from: ZInstant, to: ZInstant, note: ZText(1000).default('') }),
        response: { 201: ZCreated },
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
        await insertIncidentFootage(tx, {
          id,
          incidentId: inc.id,
          cameraId: camera.id,
          from: req.body.from,
          to: req.body.to,
          note: req.body.note,
          searchedBy: access.principal.userId,
        });
        await recordAudit(tx, { actor: access.actor(), action: 'incidents.footage_searched', entityType: 'incident', entityId: inc.id, unitId: inc.unit_id, details: { cameraId: camera.id, from: req.body.from, to: req.body.to } });
      });
      return reply.status(201).send({ id });
    },
  );
}
