import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZInstant, ZText, binaryBody } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { getAccess } from '../../platform/access';
import { cameraRights, cameraServices, getCamera } from '../cameras';
import { checkRange } from './evidence.service';
import { GAP_TOLERANCE_MS, gapsInRange, segmentFile, segmentsInRange } from './segment-index';
import { exportsInRange } from './evidence.repo';
import { activeHoldsInRange, getHold, insertHold, listHolds, releaseHold } from './holds.repo';
import { legalHoldDto, ZCreated, ZLegalHolds, ZOk, ZPlaybackStream, ZRecordingTimeline } from './recording.dto';

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

  app.get(
    '/api/cameras/:id/timeline',
    {
      schema: {
        summary: "Show a camera's recorded coverage, gaps, exports and holds over a range (at most 7 days)",
        tags: ['recording'],
        params: ZCameraParams,
        querystring: ZRange,
        response: { 200: ZRecordingTimeline },
      },
    },
    async (req) => {
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
      const exports = await exportsInRange(ctx.db, camera.id, from, to);
      const holds = await activeHoldsInRange(ctx.db, camera.id, from, to);
      return {
        cameraId: camera.id,
        from: from.toISOString(),
        to: to.toISOString(),
        coverage: coverage.map((c) => ({ from: c.from.toISOString(), to: c.to.toISOString() })),
        gaps: gaps.map((g) => ({ from: g.started_at.toISOString(), to: g.ended_at?.toISOString() ?? null, reason: g.reason })),
        events: [
          ...exports.map((e) => ({ type: e.kind === 'CLIP' ? ('CLIP' as const) : ('SNAPSHOT' as const), id: e.id, from: e.actual_from.toISOString(), to: e.actual_to.toISOString(), label: e.reason })),
          ...holds.map((h) => ({ type: 'HOLD' as const, id: h.id, from: h.starts_at.toISOString(), to: h.ends_at.toISOString(), label: h.reason })),
        ],
        segments: segments.length,
        bytes: segments.reduce((n, s) => n + s.bytes, 0),
      };
    },
  );

  // Recorded footage as a continuous fragmented MP4 for <video>; masked for viewers without footage.raw. Segments are
  // owned per camera, not per file (ffmpeg writes thousands): the caller's right over the camera is checked, and the
  // files are those the segment index lists for that camera and range; no path or key comes from the client.
  app.get(
    '/api/cameras/:id/playback',
    {
      schema: {
        summary: 'Stream recorded footage of a camera as fragmented MP4 (at most 2 hours)',
        description: 'Sends a video/mp4 stream for a <video> element; the playback is audited (footage.playback).',
        tags: ['recording'],
        params: ZCameraParams,
        querystring: ZRange,
        response: { 200: ZPlaybackStream },
      },
      config: { servesBlob: 'camera-footage' },
    },
    async (req, reply) => {
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
        .send(binaryBody(play.stream));
    },
  );

  app.get(
    '/api/recording/holds',
    {
      schema: {
        summary: 'List the legal holds of a camera, released ones included',
        tags: ['recording'],
        querystring: z.strictObject({ cameraId: z.uuid() }),
        response: { 200: ZLegalHolds },
      },
    },
    async (req) => {
      const { camera } = await cameraFor(req, req.query.cameraId, 'playback');
      return { items: (await listHolds(ctx.db, camera.id)).map(legalHoldDto) };
    },
  );

  app.post(
    '/api/recording/holds',
    {
      schema: {
        summary: "Put a legal hold on a range of a camera's footage (retention keeps it until released)",
        tags: ['recording'],
        body: z.strictObject({ cameraId: z.uuid(), from: ZInstant, to: ZInstant, reason: ZText(500).pipe(z.string().min(5)) }),
        response: { 201: ZCreated },
      },
    },
    async (req, reply) => {
      const { access, camera } = await cameraFor(req, req.body.cameraId, 'export');
      const from = new Date(req.body.from);
      const to = new Date(req.body.to);
      if (to <= from) throw errors.badRequest('REVERSED_RANGE', 'Thời điểm kết thúc phải sau thời điểm bắt đầu.', 'The end must be after the start.');
      const id = randomUUID();
      await ctx.db.transaction(async (tx) => {
        await insertHold(tx, { id, cameraId: camera.id, unitId: camera.unit_id, from, to, reason: req.body.reason, createdBy: access.principal.userId });
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
    {
      schema: {
        summary: 'Release a legal hold',
        tags: ['recording'],
        params: z.strictObject({ id: z.uuid() }),
        body: z.strictObject({ reason: ZText(500).pipe(z.string().min(5)) }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      const hold = await getHold(ctx.db, req.params.id);
      if (!hold) throw errors.notFound('Legal hold', 'lệnh giữ dữ liệu');
      const { access, camera } = await cameraFor(req, hold.camera_id, 'export');
      if (hold.released_at) throw errors.conflict('ALREADY_RELEASED', 'Lệnh giữ dữ liệu đã được gỡ.', 'The hold was already released.');
      await ctx.db.transaction(async (tx) => {
        await releaseHold(tx, req.params.id, access.principal.userId);
        await recordAudit(tx, {
          actor: access.actor(),
          action: 'recording.release_hold',
          entityType: 'legal_hold',
          entityId: req.params.id,
          unitId: camera.unit_id,
          reason: req.body.reason,
        });
      });
      return { ok: true as const };
    },
  );
}
