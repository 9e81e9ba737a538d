import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAccess } from '../../platform/access';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { AppError, errors } from '../../platform/errors';
import { binaryBody, ZIdParams } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { recordAudit } from '../audit';
import { getPerson } from '../people';
import { gateStatsFor } from './gate-stats';
import { ZBulkConfirmBody, ZBulkConfirmResult, ZGatePassPage, ZGatePassQuery, ZGateStats, ZGateStatsQuery, ZReferencePhotoJpeg } from './passes.dto';
import { latestConfirmedSnapshot, listPasses } from './passes.repo';
import { bulkConfirmReviews } from './review.service';
import { recognitionRuntime } from './runtime';
import { sightingForReview } from './sightings.repo';

/**
 * Gate passes made visible (issue 14): the list of passes, the per-camera gate statistics, bulk confirmation of one
 * person's passes under review and a reference face for the reviewer. Passes are face data of the camera's unit: the
 * list follows the review queue's scope (faces.review); statistics, which name nobody, also go to camera managers.
 */
export async function passesRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/recognition/passes',
    {
      schema: {
        summary: 'List gate passes (one row per pass) with their verdict, score, frames and decision latency',
        description:
          'Passes of the cameras of the units the caller reviews (faces.review). verdict=LIVENESS lists the liveness doubts (review for a low ' +
          'liveness signal). Snapshots are read one by one through /api/recognition/sightings/{id}/snapshot (audited).',
        tags: ['recognition'],
        querystring: ZGatePassQuery,
        response: { 200: ZGatePassPage },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const units = access.unitsFor('faces.review');
      if (units.length === 0) throw errors.forbidden();
      const q = req.query;
      if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) {
        throw errors.badRequest('PASS_RANGE_INVALID', 'Thời điểm bắt đầu phải trước thời điểm kết thúc.', '`from` must be before `to`.', { from: q.from, to: q.to });
      }
      const page = await listPasses(ctx.db, units, q);
      return { ...page, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/recognition/gate-stats',
    {
      schema: {
        summary: 'Per-camera gate statistics: the running pipeline’s counters and the passes of a recent window',
        description:
          'For each camera of the caller’s units (faces.review or camera.manage) where recognition is allowed or passes were stored: frames ' +
          'received, analysed, skipped for lack of motion, dropped (lag and frame queue), out of order, duplicates since the pipeline started, ' +
          'and from the database over the last `hours`: passes, automatic and review rates, unknowns, liveness doubts, decision latency p50/p95.',
        tags: ['recognition'],
        querystring: ZGateStatsQuery,
        response: { 200: ZGateStats },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const units = [...new Set([...access.unitsFor('faces.review'), ...access.unitsFor('camera.manage')])];
      if (units.length === 0) throw errors.forbidden();
      const to = ctx.now();
      const from = new Date(to.getTime() - req.query.hours * 3_600_000);
      return { from, to, cameras: await gateStatsFor(ctx, units, from, to) };
    },
  );

  app.post(
    '/api/recognition/reviews/bulk-confirm',
    {
      schema: {
        summary: 'Confirm several passes of one person at once (one punch per pass)',
        description:
          'Every item must name the same person, who must be among each pass’ candidates. The reviewer’s scope is checked for every pass ' +
          'before anything is written (403 if one is outside it); then each pass is confirmed in its own transaction and audited like a single ' +
          'confirmation. A pass already decided or without that candidate is reported in `results` and does not stop the others.',
        tags: ['recognition'],
        body: ZBulkConfirmBody,
        response: { 200: ZBulkConfirmResult },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const { items } = req.body;
      if (new Set(items.map((i) => i.personId)).size > 1) {
        throw errors.badRequest('REVIEW_BULK_ONE_PERSON', 'Chỉ xác nhận hàng loạt các lượt của cùng một người.', 'A bulk confirmation names one person only.');
      }
      if (new Set(items.map((i) => i.id)).size !== items.length) {
        throw errors.badRequest('REVIEW_BULK_DUPLICATE', 'Một lượt qua cổng xuất hiện hai lần trong danh sách.', 'A pass appears twice in the list.');
      }
      const checked: Array<{ id: string; personId: string; direction: 'IN' | 'OUT' | null }> = [];
      for (const item of items) {
        const row = await sightingForReview(ctx.db, item.id);
        if (!row) throw new AppError(404, 'NOT_FOUND', 'Không tìm thấy lượt nhận diện.', 'Sighting not found.', { id: item.id });
        access.requireInUnit('faces.review', row.unit_id);
        checked.push({ ...item, direction: row.direction });
      }
      const results = await bulkConfirmReviews({ db: ctx.db, punch: recognitionRuntime(ctx).punch }, access.actor(), checked, ctx.now());
      return { confirmed: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
    },
  );

  app.get(
    '/api/recognition/persons/:id/reference-photo',
    {
      schema: {
        summary: "A reference face of a candidate, for the reviewer to compare with the pass' snapshot (JPEG)",
        description:
          'Enrollment keeps face templates only, not photos; the reference is the snapshot of the person’s latest pass that was punched ' +
          'automatically or confirmed by a reviewer. 404 when there is none. A sensitive read, audited (faces.reference_view).',
        tags: ['recognition'],
        params: ZIdParams,
        response: { 200: ZReferencePhotoJpeg },
      },
      config: { servesBlob: 'owner' },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const person = await getPerson(ctx.db, req.params.id);
      if (!person) throw errors.notFound('Person', 'cán bộ');
      const row = await latestConfirmedSnapshot(ctx.db, req.params.id);
      if (!row) throw errors.notFound('Reference photo', 'ảnh đối chiếu');
      const blob = await openOwnedBlob(ctx, row.snapshot_key, [BLOB_KINDS.sighting], (owner) => {
        if (access.isSelf(req.params.id)) return;
        if (!access.canInUnit('faces.review', person.unit_id) && !access.canInUnit('faces.review', owner.unitId)) throw errors.forbidden();
      });
      await recordAudit(ctx.db, {
        actor: access.actor(),
        action: 'faces.reference_view',
        entityType: 'person',
        entityId: req.params.id,
        unitId: person.unit_id,
        details: { sightingId: row.id },
      });
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(binaryBody(await blob.buffer()));
    },
  );
}
