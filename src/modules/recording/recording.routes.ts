import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZInstant, ZText } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { getAccess } from '../../platform/access';
import { cameraRights, cameraServices, getCamera } from '../cameras';
import { checkRange } from './evidence.service';
import { GAP_TOLERANCE_MS, gapsInRange, segmentFile, segmentsInRange } from './segment-index';

const ZRange = z.strictObject({ from: ZInstant, to: ZInstant });
const ZCameraParams = z.strictObject({ id: z.uuid() });
const MAX_TIMELINE_DAYS = 7;

export async function recordingRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { engine, recordingsRoot } = cameraServices(ctx);

  async function cameraFor(req: Parameters<typeof getAccess>[0], id: string, right: 'playback' | 'export') {
    const access = getAccess(req);
    const camera = await getCamera(ctx.db, id);
    if (!camera) throw errors.notFound('Camera', 'camera');
    const rights = await cameraRights(ctx.db, access, camera, ctx.now());
    if (!rights[right]) throw errors.forbidden({ permission: right === 'playback' ? 'camera.playback' : 'evidence.export' });
    return { access, camera, rights };
  }

  app.get('/api/cameras/:id/timeline', { schema: { tags: ['recording'], params: ZCameraParams, querystring: ZRange } }, async (req) => {
    const { camera } = await cameraFor(req, req.params.id, 'playback');
    const from = new Date(req.query.from);
    const to = new Date(req.query.to);
    if (to <= from) throw errors.badRequest('REVERSED_RANGE', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must be after the start.');
    if (to.getTime() - from.getTime() > MAX_TIMELINE_DAYS * 86_400_000)
      throw errors.badRequest('RANGE_TOO_LONG', 'Dòng thời gian tối đa 7 ngày.', 'A timeline covers at most 7 days.');
    const segments = await segmentsInRange(ctx.db, camera.id, from, to);
    const coverage: Array<{ from: Date; to: Date }> = [];
    for (const s of segments) {
      const last = coverage[coverage.length - 1];
      if (last && s.started_at.getTime() - last.to.getTime() <= GAP_TOLERANCE_MS) {
        if (s.ended_at > last.to) last.to = s.ended_at;
      } else coverage.push({ from: s.started_at, to: s.ended_at });
    }
    const gaps = await gapsInRange(ctx.db, camera.id, from, to);
    const exports = await ctx.db.query<{ id: string; kind: string; actual_from: Date; actual_to: Date; reason: string }>(
      `SELECT id, kind, actual_from, actual_to, reason FROM evidence_exports
        WHERE camera_id = $1 AND actual_to >= $2 AND actual_from <= $3 ORDER BY actual_from`,
      [camera.id, from.toISOString(), to.toISOString()],
    );
    const holds = await ctx.db.query<{ id: string; starts_at: Date; ends_at: Date; reason: string }>(
      `SELECT id, starts_at, ends_at, reason FROM legal_holds
        WHERE camera_id = $1 AND released_at IS NULL AND ends_at > $2 AND starts_at < $3 ORDER BY starts_at`,
      [camera.id, from.toISOString(), to.toISOString()],
    );
    return {
      cameraId: camera.id,
      from: from.toISOString(),
      to: to.toISOString(),
      coverage: coverage.map((c) => ({ from: c.from.toISOString(), to: c.to.toISOString() })),
      gaps: gaps.map((g) => ({ from: g.started_at.toISOString(), to: g.ended_at?.toISOString() ?? null, reason: g.reason })),
      events: [
        ...exports.map((e) => ({ type: e.kind === 'CLIP' ? 'CLIP' : 'SNAPSHOT', id: e.id, from: e.actual_from.toISOString(), to: e.actual_to.toISOString(), label: e.reason })),
        ...holds.map((h) => ({ type: 'HOLD', id: h.id, from: h.starts_at.toISOString(), to: h.ends_at.toISOString(), label: h.reason })),
      ],
      segments: segments.length,
      bytes: segments.reduce((n, s) => n + s.bytes, 0),
    };
  });

  // Recorded footage as a continuous fragmented MP4 for <video>; masked for viewers without footage.raw. Segments are
  // owned per camera, not per file (ffmpeg writes thousands): the caller's right over the camera is checked, and the
  // files are those the segment index lists for that camera and range; no path or key comes from the client.
  app.get('/api/cameras/:id/playback', { schema: { tags: ['recording'], params: ZCameraParams, querystring: ZRange }, config: { servesBlob: 'camera-footage' } }, async (req, reply) => {
    const { access, camera, rights } = await cameraFor(req, req.params.id, 'playback');
    const from = new Date(req.query.from);
    const to = new Date(req.query.to);
    checkRange(from, to, ctx.now());
    const rows = await segmentsInRange(ctx.db, camera.id, from, to);
    if (rows.length === 0)
      throw errors.notFound('Recorded footage in this range', 'đoạn ghi hình trong khoảng thời gian này');
    const masked = !rights.raw && camera.privacy_masks.length > 0;
    await recordAudit(ctx.db, {
      actor: access.actor(),
      action: 'footage.playback',
      entityType: 'camera',
      entityId: camera.id,
      unitId: camera.unit_id,
      details: { from: from.toISOString(), to: to.toISOString(), masked },
    });
    const play = engine.playbackStream({
      segments: rows.map((r) => ({ file: segmentFile(recordingsRoot, r), startedAt: r.started_at, endedAt: r.ended_at })),
      from,
      to,
      masks: masked ? camera.privacy_masks : undefined,
    });
    req.raw.on('close', () => play.cancel());
    return reply
      .header('content-type', play.mime)
      .header('cache-control', 'no-store')
      .header('x-kc-masked', String(masked))
      .header('x-kc-first-segment', rows[0]?.started_at.toISOString() ?? '')
      .send(play.stream);
  });

  app.get('/api/recording/holds', { schema: { tags: ['recording'], querystring: z.strictObject({ cameraId: z.uuid() }) } }, async (req) => {
    const { camera } = await cameraFor(req, req.query.cameraId, 'playback');
    const rows = await ctx.db.query<{ id: string; starts_at: Date; ends_at: Date; reason: string; created_at: Date; released_at: Date | null }>(
      'SELECT id, starts_at, ends_at, reason, created_at, released_at FROM legal_holds WHERE camera_id = $1 ORDER BY starts_at DESC',
      [camera.id],
    );
    return {
      items: rows.map((h) => ({
        id: h.id,
        from: h.starts_at.toISOString(),
        to: h.ends_at.toISOString(),
        reason: h.reason,
        createdAt: h.created_at.toISOString(),
        releasedAt: h.released_at?.toISOString() ?? null,
      })),
    };
  });

  app.post(
    '/api/recording/holds',
    { schema: { tags: ['recording'], body: z.strictObject({ cameraId: z.uuid(), from: ZInstant, to: ZInstant, reason: ZText(500).pipe(z.string().min(5)) }) } },
    async (req, reply) => {
      const { access, camera } = await cameraFor(req, req.body.cameraId, 'export');
      const from = new Date(req.body.from);
      const to = new Date(req.body.to);
      if (to <= from) throw errors.badRequest('REVERSED_RANGE', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must be after the start.');
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await tx.query(
          'INSERT INTO legal_holds (id, camera_id, unit_id, starts_at, ends_at, reason, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)',
          [id, camera.id, camera.unit_id, from.toISOString(), to.toISOString(), req.body.reason, access.principal.userId],
        );
        await recordAudit(tx, {
          actor: access.actor(),
          action: 'recording.hold',
          entityType: 'legal_hold',
          entityId: id,
          unitId: camera.unit_id,
          reason: req.body.reason,
          details: { cameraId: camera.id, from: req.body.from, to: req.body.to },
        });
      });
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/recording/holds/:id/release',
    { schema: { tags: ['recording'], params: z.strictObject({ id: z.uuid() }), body: z.strictObject({ reason: ZText(500).pipe(z.string().min(5)) }) } },
    async (req) => {
      const hold = (await ctx.db.query<{ camera_id: string; released_at: Date | null }>('SELECT camera_id, released_at FROM legal_holds WHERE id = $1', [req.params.id]))[0];
      if (!hold) throw errors.notFound('Legal hold', 'lệnh giữ dữ liệu');
      const { access, camera } = await cameraFor(req, hold.camera_id, 'export');
      if (hold.released_at) throw errors.conflict('ALREADY_RELEASED', 'Lệnh giữ dữ liệu đã được gỡ.', 'The hold was already released.');
      await ctx.db.transaction(async (tx) => {
        await tx.query('UPDATE legal_holds SET released_at = now(), released_by = $2 WHERE id = $1', [req.params.id, access.principal.userId]);
        await recordAudit(tx, {
          actor: access.actor(),
          action: 'recording.release_hold',
          entityType: 'legal_hold',
          entityId: req.params.id,
          unitId: camera.unit_id,
          reason: req.body.reason,
        });
      });
      return { ok: true };
    },
  );
}
