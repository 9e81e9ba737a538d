import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZIdParams, ZText } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import type { Access } from '../../platform/access';
import { getAccess } from '../../platform/access';
import { assignGroup, discardGroup, groupScope, listGroups, sampleImage } from './gate-enrollment.groups';
import { closePeriod, gateCameraFor, listGateCameras, listPeriods, openPeriod, periodInputSchema } from './gate-enrollment.periods';
import { listLivenessPolicies, livenessPolicyInputSchema, setLivenessPolicy } from './liveness.repo';
import { recognitionRuntime } from './runtime';

/** Who may look at gate-enrollment groups of a unit: those who enroll faces and those who review passes there. */
function requireEnrollOrReview(access: Access, unitId: string | null): void {
  if (access.canInUnit('faces.enroll', unitId) || access.canInUnit('faces.review', unitId)) return;
  if (!access.has('faces.enroll') && !access.has('faces.review')) throw errors.forbidden({ permission: 'faces.enroll|faces.review' });
  throw errors.outOfScope();
}

function viewerUnits(access: Access): string[] {
  const units = [...new Set([...access.unitsFor('faces.enroll'), ...access.unitsFor('faces.review')])];
  if (units.length === 0) throw errors.forbidden({ permission: 'faces.enroll|faces.review' });
  return units;
}

async function periodUnit(ctx: AppContext, id: string): Promise<string> {
  const row = (await ctx.db.query<{ unit_id: string }>('SELECT unit_id FROM face_enrollment_periods WHERE id = $1', [id]))[0];
  if (!row) throw errors.notFound('Enrollment period', 'đợt đăng ký');
  return row.unit_id;
}

/** Enrollment from the gate camera (periods, groups, assignment) and the liveness policy (issue 5). */
export async function gateEnrollmentRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const base = '/api/recognition/gate-enrollment';

  app.get(`${base}/cameras`, { schema: { tags: ['recognition'] } }, async (req) => {
    const access = getAccess(req);
    access.require('faces.enroll');
    return { items: await listGateCameras(ctx.db, access.unitsFor('faces.enroll')) };
  });

  app.get(`${base}/periods`, { schema: { tags: ['recognition'] } }, async (req) => {
    const access = getAccess(req);
    return { items: await listPeriods(ctx.db, viewerUnits(access), ctx.now()) };
  });

  app.post(`${base}/periods`, { schema: { tags: ['recognition'], body: periodInputSchema } }, async (req, reply) => {
    const access = getAccess(req);
    access.requireInUnit('faces.enroll', (await gateCameraFor(ctx.db, req.body.cameraId)).unit_id);
    const { id } = await openPeriod(ctx.db, access.actor(), req.body, ctx.now());
    return reply.status(201).send((await listPeriods(ctx.db, [await periodUnit(ctx, id)], ctx.now(), id))[0]);
  });

  app.post(`${base}/periods/:id/close`, { schema: { tags: ['recognition'], params: ZIdParams } }, async (req) => {
    const access = getAccess(req);
    const unitId = await periodUnit(ctx, req.params.id);
    access.requireInUnit('faces.enroll', unitId);
    await closePeriod(ctx.db, access.actor(), req.params.id, ctx.now());
    return (await listPeriods(ctx.db, [unitId], ctx.now(), req.params.id))[0];
  });

  /** The groups of a period with their best samples; looking at collected faces is audited once per listing. */
  app.get(`${base}/periods/:id/groups`, { schema: { tags: ['recognition'], params: ZIdParams } }, async (req) => {
    const access = getAccess(req);
    const unitId = await periodUnit(ctx, req.params.id);
    requireEnrollOrReview(access, unitId);
    const items = await listGroups(ctx.db, req.params.id);
    await recordAudit(ctx.db, {
      actor: access.actor(),
      action: 'faces.gate_enroll_view',
      entityType: 'face_enrollment_period',
      entityId: req.params.id,
      unitId,
      details: { groups: items.length },
    });
    return { period: (await listPeriods(ctx.db, [unitId], ctx.now(), req.params.id))[0], items };
  });

  /** A collected face crop: enrollers and reviewers of the unit that owns it (the period's unit when it was stored). */
  app.get(`${base}/samples/:id/image`, { schema: { tags: ['recognition'], params: ZIdParams }, config: { servesBlob: 'owner' } }, async (req, reply) => {
    const access = getAccess(req);
    const { key, unitId } = await sampleImage(ctx.db, req.params.id);
    requireEnrollOrReview(access, unitId);
    const blob = await openOwnedBlob(ctx, key, [BLOB_KINDS.enrollmentSample], (owner) => requireEnrollOrReview(access, owner.unitId));
    return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(await blob.buffer());
  });

  app.post(
    `${base}/groups/:id/assign`,
    { schema: { tags: ['recognition'], params: ZIdParams, body: z.strictObject({ personId: z.uuid() }) } },
    async (req) => {
      const access = getAccess(req);
      const group = await groupScope(ctx.db, req.params.id);
      requireEnrollOrReview(access, group.unitId);
      const person = (await ctx.db.query<{ unit_id: string }>('SELECT unit_id FROM persons WHERE id = $1', [req.body.personId]))[0];
      if (!person) throw errors.notFound('Person', 'cán bộ');
      // Creating templates is enrollment: it needs the enroll permission over the person, as a photo upload does.
      access.requireInUnit('faces.enroll', person.unit_id);
      const engine = await recognitionRuntime(ctx).engine();
      const out = await assignGroup({ db: ctx.db, blobs: ctx.blobs, engine }, access.actor(), req.params.id, req.body.personId, ctx.now());
      recognitionRuntime(ctx).invalidateGalleries();
      return out;
    },
  );

  app.post(
    `${base}/groups/:id/discard`,
    { schema: { tags: ['recognition'], params: ZIdParams, body: z.strictObject({ reason: ZText(500).optional() }) } },
    async (req, reply) => {
      const access = getAccess(req);
      const group = await groupScope(ctx.db, req.params.id);
      requireEnrollOrReview(access, group.unitId);
      await discardGroup({ db: ctx.db, blobs: ctx.blobs }, access.actor(), req.params.id, req.body.reason || null, ctx.now());
      return reply.status(204).send();
    },
  );

  /** Liveness policies: the global one and those of the units in scope. */
  app.get('/api/recognition/liveness-policy', { schema: { tags: ['recognition'] } }, async (req) => {
    const access = getAccess(req);
    return { items: await listLivenessPolicies(ctx.db, viewerUnits(access)), canSetGlobal: access.has('users.manage') && access.has('faces.enroll') };
  });

  app.put('/api/recognition/liveness-policy', { schema: { tags: ['recognition'], body: livenessPolicyInputSchema } }, async (req, reply) => {
    const access = getAccess(req);
    if (req.body.unitId) access.requireInUnit('faces.enroll', req.body.unitId);
    else {
      // The global policy applies to every agency on this server: system administrators only.
      access.require('users.manage');
      access.require('faces.enroll');
    }
    await setLivenessPolicy(ctx.db, access.actor(), req.body, ctx.now());
    recognitionRuntime(ctx).invalidateGalleries();
    return reply.status(204).send();
  });
}
