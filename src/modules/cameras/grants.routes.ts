import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZIdParams, ZText, ZNoContent } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { getCameraRow } from './cameras.repo';
import { ZViewGrantCandidateList, ZViewGrantCreated, ZViewGrantList } from './grants.dto';
import { createGrant, grantCandidates, listGrants, requireGrantor, revokeGrant } from './grants.service';
import { cameraServices } from './services';

const ZReason = ZText(500).pipe(z.string().min(5, 'give a reason of at least 5 characters'));
const ZGrantBody = z.strictObject({
  userId: z.uuid(),
  canLive: z.boolean().default(true),
  canPlayback: z.boolean().default(false),
  validUntil: z.iso.datetime({ offset: true }).nullish(),
  reason: ZReason,
});

/** "Only leaders of the unit and those they grant" may watch a camera: the grants panel's API. */
export async function grantRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { liveSessions } = cameraServices(ctx);

  async function loadCamera(id: string) {
    const cam = await getCameraRow(ctx.db, id);
    if (!cam) throw errors.notFound('Camera', 'camera');
    return cam;
  }

  app.get(
    '/api/cameras/:id/grants',
    { schema: { summary: 'List the view grants in force on a camera', tags: ['cameras'], params: ZIdParams, response: { 200: ZViewGrantList } } },
    async (req) => {
      const cam = await loadCamera(req.params.id);
      requireGrantor(getAccess(req), cam);
      return { items: await listGrants(ctx.db, cam.id, ctx.now()) };
    },
  );

  app.get(
    '/api/cameras/:id/grant-candidates',
    {
      schema: {
        summary: 'Search the accounts a leader may grant viewing of a camera to',
        tags: ['cameras'],
        params: ZIdParams,
        querystring: z.strictObject({ q: ZText(80).default('') }),
        response: { 200: ZViewGrantCandidateList },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const cam = await loadCamera(req.params.id);
      requireGrantor(access, cam);
      return { items: await grantCandidates(ctx.db, access, req.query.q) };
    },
  );

  app.post(
    '/api/cameras/:id/grants',
    {
      schema: {
        summary: 'Grant someone live and/or recorded viewing of a camera (replaces their open grant)',
        tags: ['cameras'],
        params: ZIdParams,
        body: ZGrantBody,
        response: { 201: ZViewGrantCreated },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const cam = await loadCamera(req.params.id);
      const result = await createGrant(ctx.db, access, cam, req.body, ctx.now());
      // A replacement that drops live viewing ends the open views that rested on the old grant.
      if (!req.body.canLive && result.replaced.length > 0) liveSessions.closeFor(cam.id, req.body.userId, 'revoked');
      return reply.status(201).send(result);
    },
  );

  app.delete(
    '/api/cameras/:id/grants/:grantId',
    {
      schema: {
        summary: "Revoke a view grant; the grantee's open live views are cut",
        tags: ['cameras'],
        params: z.strictObject({ id: z.uuid(), grantId: z.uuid() }),
        body: z.strictObject({ reason: ZText(500).optional() }).nullish(),
        response: { 204: ZNoContent },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const cam = await loadCamera(req.params.id);
      const { userId } = await revokeGrant(ctx.db, access, cam, req.params.grantId, req.body?.reason || null, ctx.now());
      liveSessions.closeFor(cam.id, userId, 'revoked');
      return reply.status(204).send();
    },
  );
}
