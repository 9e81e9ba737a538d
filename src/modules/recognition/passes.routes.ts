import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAccess } from '../../platform/access';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { AppError, errors } from '../../platform/errors';
import { binaryBody, ZIdParams } from '../../platform/http/schemas';
import { decodeImage, encodeJpeg } from '../../platform/image/codec';
import { resizeRgb } from '../../platform/image/pixels';
import type { AppContext } from '../../platform/module';
import { recordAudit } from '../audit';
import { getPerson } from '../people';
import { gateStatsFor } from './gate-stats';
import { ZBulkConfirmBody, ZBulkConfirmResult, ZGatePassPage, ZGatePassQuery, ZGateStats, ZGateStatsQuery, ZReferencePhotoJpeg } from './passes.dto';
import { latestConfirmedSnapshot, latestEnrollmentPhoto, listPasses } from './passes.repo';
import { ENROLLMENT_PHOTO_KIND } from './re-embed.photos';
import { bulkConfirmReviews } from './review.service';
import { recognitionRuntime } from './runtime';
import { sightingForReview } from './sightings.repo';

/**
 * Gate passes made visible (issue 14): the list of passes, the per-camera gate statistics, bulk confirmation of one
 * person's passes under review and a reference face for the reviewer. Passes are face data of the camera's unit: the
 * list follows the review queue's scope (faces.review); statistics, which name nobody, also go to camera managers.
 */
/** At most 320 px on the longer side: enough to compare faces beside the snapshot. */
async function thumbnail(bytes: Buffer): Promise<Buffer> {
  const image = await decodeImage(bytes);
  const k = Math.min(1, 320 / Math.max(image.width, image.height));
  return encodeJpeg(k < 1 ? resizeRgb(image, Math.max(1, Math.round(image.width * k)), Math.max(1, Math.round(image.height * k))) : image, 85);
}

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
          'The person’s latest stored enrollment photo as a small JPEG; for people enrolled before enrollment photos were kept, the snapshot ' +
          'of their latest pass punched automatically or confirmed by a reviewer. 404 when there is neither. A sensitive read, audited ' +
          '(faces.reference_view).',
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
      const allow = (owner: { unitId: string | null }) => {
        if (access.isSelf(req.params.id)) return;
        const may = (unit: string | null) => access.canInUnit('faces.review', unit) || access.canInUnit('faces.enroll', unit);
        if (!may(person.unit_id) && !may(owner.unitId)) throw errors.forbidden();
      };
      // The enrollment photo first (what the gallery was made from), else the gate's last confirmed picture of them.
      const photo = await latestEnrollmentPhoto(ctx.db, req.params.id);
      const snapshot = photo ? undefined : await latestConfirmedSnapshot(ctx.db, req.params.id);
      if (!photo && !snapshot) throw errors.notFound('Reference photo', 'ảnh đối chiếu');
      const blob = photo
        ? await openOwnedBlob(ctx, photo.blob_key, [ENROLLMENT_PHOTO_KIND], allow)
        : await openOwnedBlob(ctx, (snapshot as { snapshot_key: string }).snapshot_key, [BLOB_KINDS.sighting], allow);
      await recordAudit(ctx.db, {
        actor: access.actor(),
        action: 'faces.reference_view',
        entityType: 'person',
        entityId: req.params.id,
        unitId: person.unit_id,
        details: photo ? { enrollmentPhotoId: photo.id } : { sightingId: snapshot?.id },
      });
      // Enrollment photos are kept as uploaded (any size, JPEG/PNG/WebP): the reviewer gets a small JPEG.
      const bytes = photo ? await thumbnail(await blob.buffer()) : await blob.buffer();
      return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(binaryBody(bytes));
    },
  );
}
