import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZIdParams, ZText } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { rightsFor, visibleCameraFilter } from './camera-access';
import { ZCamera, ZCameraConnectionTest, ZCameraDetail, ZCameraList, ZStoredCameraConnectionTest } from './cameras.dto';
import { getCameraRow, listCameraRows } from './cameras.repo';
import { cameraDto, createCamera, editCamera, testConnection } from './cameras.service';
import { LOCATION_TYPES } from './domain/camera-rules';
import { frameHub } from './frame-hub';
import { openCredentials } from './secret-box';
import { cameraServices } from './services';

const ZPoint = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
const ZCameraBody = z.strictObject({
  name: ZText(120).pipe(z.string().min(2)),
  locationType: z.enum(LOCATION_TYPES),
  unitId: z.uuid(),
  mainUrl: z.string().trim().min(1).max(500),
  subUrl: z.string().trim().max(500).nullish(),
  username: z.string().max(120).nullish(),
  password: z.string().max(200).nullish(),
  direction: z.enum(['IN', 'OUT']).nullish(),
  recognitionAllowed: z.boolean().optional(),
  enabled: z.boolean().optional(),
  segmentSeconds: z.number().int().min(2).max(60).optional(),
  retentionDays: z.number().int().min(1).max(3650).optional(),
  quotaBytes: z.number().int().positive().nullish(),
  privacyMasks: z.array(z.array(ZPoint).min(3).max(64)).max(32).optional(),
});
const ZTestBody = z.strictObject({
  mainUrl: z.string().trim().min(1).max(500),
  username: z.string().max(120).nullish(),
  password: z.string().max(200).nullish(),
});
export async function cameraRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { box, engine, runtime, liveSessions } = cameraServices(ctx);

  async function loadCamera(id: string) {
    const cam = await getCameraRow(ctx.db, id);
    if (!cam) throw errors.notFound('Camera', 'camera');
    return cam;
  }

  function withLiveHealth(dto: ReturnType<typeof cameraDto>) {
    const state = runtime.state(dto.id);
    if (!state) return dto;
    return {
      ...dto,
      health: { state: state.kind.toUpperCase(), since: state.since.toISOString(), detail: 'lastError' in state ? state.lastError : null },
    };
  }

  app.get(
    '/api/cameras',
    { schema: { summary: 'List the cameras one may watch or manage, with health and rights', tags: ['cameras'], response: { 200: ZCameraList } } },
    async (req) => {
      const access = getAccess(req);
      const { unitIds, cameraIds } = await visibleCameraFilter(ctx.db, access, ctx.now());
      if (unitIds.length === 0 && cameraIds.length === 0) access.require('camera.live');
      const rows = (await listCameraRows(ctx.db)).filter((c) => unitIds.includes(c.unit_id) || cameraIds.includes(c.id));
      const items = [];
      for (const c of rows) items.push({ ...withLiveHealth(cameraDto(c)), rights: await rightsFor(ctx.db, access, c, ctx.now()) });
      return { items };
    },
  );

  app.get(
    '/api/cameras/:id',
    { schema: { summary: 'A camera with its health, rights and frame statistics', tags: ['cameras'], params: ZIdParams, response: { 200: ZCameraDetail } } },
    async (req) => {
      const access = getAccess(req);
      const cam = await loadCamera(req.params.id);
      const rights = await rightsFor(ctx.db, access, cam, ctx.now());
      if (!rights.live && !rights.playback && !rights.manage) throw errors.forbidden({ permission: 'camera.live' });
      return { ...withLiveHealth(cameraDto(cam)), rights, frames: frameHub.stats(cam.id) };
    },
  );

  app.post(
    '/api/cameras',
    { schema: { summary: 'Register a camera in a unit and start recording it', tags: ['cameras'], body: ZCameraBody, response: { 201: ZCamera } } },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('camera.manage', req.body.unitId);
      const row = await createCamera(ctx.db, box, access.actor(), req.body);
      runtime.startCamera(row);
      return reply.status(201).send(cameraDto(row));
    },
  );

  // Full replacement of the editable fields (the form always sends them all); PATCH so the web client can send it.
  app.patch(
    '/api/cameras/:id',
    {
      schema: {
        summary: 'Replace the editable fields of a camera (optimistic version check)',
        tags: ['cameras'],
        params: ZIdParams,
        body: ZCameraBody.extend({ version: z.number().int().positive() }),
        response: { 200: ZCamera },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('camera.manage');
      const { version, ...input } = req.body;
      const row = await editCamera(ctx.db, box, access.actor(), req.params.id, version, input, (u) =>
        access.canInUnit('camera.manage', u),
      );
      await runtime.reload(row.id);
      liveSessions.closeFor(row.id, null, 'reconfigured');
      return cameraDto(row);
    },
  );

  // Connection test before saving: nothing is stored, the password is used once and forgotten.
  app.post(
    '/api/cameras/test',
    { schema: { summary: 'Test a stream address before saving (nothing is stored)', tags: ['cameras'], body: ZTestBody, response: { 200: ZCameraConnectionTest } } },
    async (req) => {
      getAccess(req).require('camera.manage');
      return testConnection(engine, { url: req.body.mainUrl, username: req.body.username ?? null, password: req.body.password ?? null });
    },
  );

  app.post(
    '/api/cameras/:id/test',
    { schema: { summary: 'Test the connection of a stored camera', tags: ['cameras'], params: ZIdParams, response: { 200: ZStoredCameraConnectionTest } } },
    async (req) => {
      const access = getAccess(req);
      const cam = await loadCamera(req.params.id);
      access.requireInUnit('camera.manage', cam.unit_id);
      const creds = openCredentials(box, cam.credentials_enc);
      const result = await testConnection(engine, { url: cam.main_url, username: creds?.username ?? null, password: creds?.password ?? null });
      // The picture is raw footage: a manager without footage.raw gets the stream facts but not the unmasked picture.
      if (cam.privacy_masks.length > 0 && !access.canInUnit('footage.raw', cam.unit_id)) return { ...result, snapshot: null, snapshotWithheld: true };
      return { ...result, snapshotWithheld: false };
    },
  );
}
