import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZIdParams, ZText, binaryBody, ZNoContent } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import type { Access } from '../../platform/access';
import { getAccess } from '../../platform/access';
import { assignGroup, discardGroup, groupScope, listGroups, sampleImage } from './gate-enrollment.groups';
import { closePeriod, gateCameraFor, listGateCameras, listPeriods, openPeriod, type PeriodDto, periodInputSchema } from './gate-enrollment.periods';
import { listLivenessPolicies, livenessPolicyInputSchema, setLivenessPolicy } from './liveness.repo';
import { recognitionRuntime } from './runtime';
import { getPerson } from '../people';
import { periodUnitId } from './gate-enrollment.repo';
import {
  ZFaceLivenessPolicies,
  ZGateEnrollmentAssigned,
  ZGateEnrollmentCamera,
  ZGateEnrollmentGroups,
  ZGateEnrollmentPeriod,
  ZSampleJpeg,
} from './gate-enrollment.dto';

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
  const unitId = await periodUnitId(ctx.db, id);
  if (!unitId) throw errors.notFound('Enrollment period', 'đợt đăng ký');
  return unitId;
}

/** One period as listed (the unit is the period's own, so it is always found unless deleted meanwhile). */
async function periodView(ctx: AppContext, unitId: string, id: string): Promise<PeriodDto> {
  const period = (await listPeriods(ctx.db, [unitId], ctx.now(), id))[0];
  if (!period) throw errors.notFound('Enrollment period', 'đợt đăng ký');
  return period;
}

/** Enrollment from the gate camera (periods, groups, assignment) and the liveness policy (issue 5). */
export async function gateEnrollmentRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const base = '/api/recognition/gate-enrollment';

  const tags = ['recognition'];

  app.get(
    `${base}/cameras`,
    {
      schema: {
        summary: 'List the gate cameras an enrollment period can be opened for',
        tags,
        response: { 200: z.object({ items: z.array(ZGateEnrollmentCamera) }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('faces.enroll');
      return { items: await listGateCameras(ctx.db, access.unitsFor('faces.enroll')) };
    },
  );

  app.get(
    `${base}/periods`,
    {
      schema: {
        summary: 'List gate enrollment periods of the units in scope',
        tags,
        response: { 200: z.object({ items: z.array(ZGateEnrollmentPeriod) }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      return { items: await listPeriods(ctx.db, viewerUnits(access), ctx.now()) };
    },
  );

  app.post(
    `${base}/periods`,
    {
      schema: {
        summary: 'Open a gate enrollment period for a gate camera',
        tags,
        body: periodInputSchema,
        response: { 201: ZGateEnrollmentPeriod },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('faces.enroll', (await gateCameraFor(ctx.db, req.body.cameraId)).unit_id);
      const { id } = await openPeriod(ctx.db, access.actor(), req.body, ctx.now());
      return reply.status(201).send(await periodView(ctx, await periodUnit(ctx, id), id));
    },
  );

  app.post(
    `${base}/periods/:id/close`,
    {
      schema: {
        summary: 'Close a gate enrollment period (collection stops at once)',
        tags,
        params: ZIdParams,
        response: { 200: ZGateEnrollmentPeriod },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const unitId = await periodUnit(ctx, req.params.id);
      access.requireInUnit('faces.enroll', unitId);
      await closePeriod(ctx.db, access.actor(), req.params.id, ctx.now());
      return periodView(ctx, unitId, req.params.id);
    },
  );

  /** The groups of a period with their best samples; looking at collected faces is audited once per listing. */
  app.get(
    `${base}/periods/:id/groups`,
    {
      schema: {
        summary: 'List the face groups collected in a period with their best samples',
        description: 'Looking at collected faces is audited once per listing (faces.gate_enroll_view).',
        tags,
        params: ZIdParams,
        response: { 200: ZGateEnrollmentGroups },
      },
    },
    async (req) => {
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
      return { period: await periodView(ctx, unitId, req.params.id), items };
    },
  );

  /** A collected face crop: enrollers and reviewers of the unit that owns it (the period's unit when it was stored). */
  app.get(
    `${base}/samples/:id/image`,
    {
      schema: {
        summary: 'Download a collected face crop (JPEG)',
        description: 'Sends image/jpeg bytes.',
        tags,
        params: ZIdParams,
        response: { 200: ZSampleJpeg },
      },
      config: { servesBlob: 'owner' },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const { key, unitId } = await sampleImage(ctx.db, req.params.id);
      requireEnrollOrReview(access, unitId);
      const blob = await openOwnedBlob(ctx, key, [BLOB_KINDS.enrollmentSample], (owner) => requireEnrollOrReview(access, owner.unitId));
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(binaryBody(await blob.buffer()));
    },
  );

  app.post(
    `${base}/groups/:id/assign`,
    {
      schema: {
        summary: "Turn a face group into a consenting person's templates",
        description: "The group's best usable faces become templates of the person (source GATE); the group and its crops are then deleted.",
        tags,
        params: ZIdParams,
        body: z.strictObject({ personId: z.uuid() }),
        response: { 200: ZGateEnrollmentAssigned },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const group = await groupScope(ctx.db, req.params.id);
      requireEnrollOrReview(access, group.unitId);
      const person = await getPerson(ctx.db, req.body.personId);
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
    {
      schema: {
        summary: 'Discard a face group (its embeddings and crops are deleted at once)',
        tags,
        params: ZIdParams,
        body: z.strictObject({ reason: ZText(500).optional() }),
        response: { 204: ZNoContent },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const group = await groupScope(ctx.db, req.params.id);
      requireEnrollOrReview(access, group.unitId);
      await discardGroup({ db: ctx.db, blobs: ctx.blobs }, access.actor(), req.params.id, req.body.reason || null, ctx.now());
      return reply.status(204).send();
    },
  );

  /** Liveness policies: the global one and those of the units in scope. */
  app.get(
    '/api/recognition/liveness-policy',
    {
      schema: {
        summary: 'List the liveness policies: the global one and those of the units in scope',
        tags,
        response: { 200: ZFaceLivenessPolicies },
      },
    },
    async (req) => {
      const access = getAccess(req);
      return { items: await listLivenessPolicies(ctx.db, viewerUnits(access)), canSetGlobal: access.has('users.manage') && access.has('faces.enroll') };
    },
  );

  app.put(
    '/api/recognition/liveness-policy',
    {
      schema: {
        summary: 'Set the liveness policy of a unit, or the global one (unitId null)',
        tags,
        body: livenessPolicyInputSchema,
        response: { 204: ZNoContent },
      },
    },
    async (req, reply) => {
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
    },
  );
}
