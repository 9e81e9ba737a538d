import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { AppError, errors } from '../../platform/errors';
import { originAllowed } from '../../platform/http/origin';
import { ZBinary } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import type { Access } from '../../platform/access';
import { getAccess } from '../../platform/access';
import { type CameraRights, rightsFor } from './camera-access';
import { type CameraRow, getCameraRow } from './cameras.repo';
import type { LiveHub, LiveViewer } from './live-hub';
import type { CloseReason } from './live-sessions';
import { cameraServices } from './services';

const ZLiveQuery = z.strictObject({ stream: z.enum(['main', 'sub']).default('main') });
/** How often a view that rests on a grant (not on a role) checks that the grant still holds: ends expired grants. */
const GRANT_RECHECK_MS = 15_000;

interface LiveGrant {
  access: Access;
  camera: CameraRow;
  rights: CameraRights;
  stream: 'main' | 'sub';
  hub: LiveHub;
}

declare module 'fastify' {
  interface FastifyRequest {
    kcLive?: LiveGrant;
  }
}

/**
 * Live view: fragmented MP4 over a WebSocket (binary messages: init segment, then moof+mdat fragments; text
 * messages: JSON control). The same URL without an upgrade streams the fMP4 over plain HTTP. Access is decided
 * before the upgrade, so a refused viewer gets a real HTTP 403 and never a byte of video. Viewers without
 * footage.raw get the privacy-masked relay.
 */
export async function liveRoutes(app: FastifyInstance, ctx: AppContext) {
  if (!app.hasDecorator('websocketServer')) await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  const { runtime, liveSessions } = cameraServices(ctx);

  /**
   * Registers an open view so a revocation cuts it, and (for grant-based views only: a role does not expire
   * mid-view) re-checks the grant every few seconds. Returns the function that forgets the view.
   */
  function track(live: LiveGrant, close: (reason: CloseReason) => void): () => void {
    const forget = liveSessions.add({ cameraId: live.camera.id, userId: live.access.principal.userId, close });
    let timer: NodeJS.Timeout | undefined;
    if (!live.access.canInUnit('camera.live', live.camera.unit_id)) {
      timer = setInterval(() => {
        rightsFor(ctx.db, live.access, live.camera, ctx.now())
          .then((r) => {
            if (r.live) return;
            forget();
            close('expired');
          })
          .catch((err) => ctx.log.warn({ err: String(err), cameraId: live.camera.id }, 'live grant re-check failed'));
      }, GRANT_RECHECK_MS);
      timer.unref();
    }
    return () => {
      clearInterval(timer);
      forget();
    };
  }

  async function authorise(req: FastifyRequest): Promise<void> {
    // A page on another site (or a sibling subdomain, which SameSite=Lax treats as the same site) must not open a
    // live view with the viewer's cookies: CSRF tokens do not cover a WebSocket handshake, Origin does.
    if (!originAllowed(req.headers.origin, req.headers.host, ctx.config.allowedOrigins))
      throw new AppError(
        403,
        'ORIGIN_NOT_ALLOWED',
        'Trang web gửi yêu cầu này không được phép xem camera trực tiếp.',
        'The web page that sent this request may not open the live view.',
        { origin: req.headers.origin },
      );
    const access = getAccess(req);
    const params = z.strictObject({ id: z.uuid() }).safeParse(req.params);
    if (!params.success) throw errors.notFound('Camera', 'camera');
    const query = ZLiveQuery.safeParse(req.query ?? {});
    if (!query.success)
      throw errors.badRequest('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', 'The request data is invalid.', query.error.issues);
    const camera = await getCameraRow(ctx.db, params.data.id);
    if (!camera) throw errors.notFound('Camera', 'camera');
    const rights = await rightsFor(ctx.db, access, camera, ctx.now());
    if (!rights.live) throw errors.forbidden({ permission: 'camera.live' });
    const hub = runtime.liveHub(camera, { stream: query.data.stream, masked: !rights.raw });
    if (!hub)
      throw new AppError(
        409,
        'CAMERA_NOT_RUNNING',
        'Camera đang tắt hoặc chưa được khởi động.',
        'The camera is disabled or not running.',
        { health: camera.health },
      );
    await recordAudit(ctx.db, {
      actor: access.actor(),
      action: 'footage.live_view',
      entityType: 'camera',
      entityId: camera.id,
      unitId: camera.unit_id,
      details: { stream: query.data.stream, masked: !rights.raw && camera.privacy_masks.length > 0 },
    });
    req.kcLive = { access, camera, rights, stream: query.data.stream, hub };
  }

  app.route({
    method: 'GET',
    url: '/api/cameras/:id/live',
    // The id and the stream are checked by `authorise` (before the upgrade, so a refusal is a real HTTP answer); the
    // schema repeats them for the API document and finds them already valid.
    schema: {
      summary: 'Watch a camera live (WebSocket, or a never-ending fMP4 over plain HTTP)',
      description:
        'With a WebSocket upgrade (101): binary messages carry the fMP4 init segment then moof+mdat fragments; text ' +
        'messages are JSON control ({type: hello | init | health | revoked | expired | reconfigured}). Close codes: ' +
        '4403 access ended, 4001 camera reconfigured (reconnect). Without an upgrade: 200 with a video/mp4 stream ' +
        '(header x-kc-masked). Viewers without footage.raw get the privacy-masked picture; every view is audited.',
      tags: ['cameras'],
      params: z.strictObject({ id: z.uuid() }),
      querystring: ZLiveQuery,
      response: { 200: ZBinary },
    },
    preValidation: authorise,
    // Plain HTTP: a never-ending fMP4 response (for players that cannot use MSE over WebSocket).
    handler: async (req, reply) => {
      const live = req.kcLive as LiveGrant;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'video/mp4', 'cache-control': 'no-store', 'x-kc-masked': String(isMasked(live)) });
      let started = false;
      const viewer: LiveViewer = {
        init: (init) => {
          // A second init means the camera reconnected: a progressive MP4 cannot restart, so end the response.
          if (started) return void res.end();
          started = true;
          res.write(init);
        },
        fragment: (f) => {
          if (started) res.write(f);
        },
        backlog: () => res.writableLength,
      };
      const remove = live.hub.add(viewer);
      const untrack = track(live, () => res.end());
      res.on('close', () => {
        untrack();
        remove();
      });
    },
    wsHandler: (socket, req) => {
      const live = req.kcLive as LiveGrant;
      const send = (data: Buffer | string) => {
        if (socket.readyState === socket.OPEN) socket.send(data);
      };
      send(
        JSON.stringify({
          type: 'hello',
          cameraId: live.camera.id,
          name: live.camera.name,
          stream: live.stream,
          masked: isMasked(live),
          mime: live.hub.mime ?? null,
        }),
      );
      const viewer: LiveViewer = {
        init: (init, mime) => {
          send(JSON.stringify({ type: 'init', mime }));
          send(init);
        },
        fragment: (f) => send(f),
        backlog: () => socket.bufferedAmount,
      };
      const remove = live.hub.add(viewer);
      const health = setInterval(() => {
        const state = runtime.state(live.camera.id);
        if (state) send(JSON.stringify({ type: 'health', state: state.kind.toUpperCase(), since: state.since.toISOString() }));
      }, 5000);
      // 4403: the application's "forbidden" close code, the player shows why the picture stopped; 4001: the camera
      // was reconfigured, the player reconnects.
      const untrack = track(live, (reason) => {
        send(JSON.stringify({ type: reason }));
        socket.close(reason === 'reconfigured' ? 4001 : 4403, reason);
      });
      socket.on('close', () => {
        clearInterval(health);
        untrack();
        remove();
      });
    },
  });
}

function isMasked(live: LiveGrant): boolean {
  return !live.rights.raw && live.camera.privacy_masks.length > 0;
}
