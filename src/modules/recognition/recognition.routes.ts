import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { IMAGE_LIMITS } from '../../platform/image/limits';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZIdParams, ZText, ZNoContent, binaryBody } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { uploadRateLimit } from '../../platform/http/upload-rate-limit';
import { getAccess } from '../../platform/access';
import { consentInputSchema, currentConsent, recordConsent } from './consent.service';
import { type EnrollFile, enrollPhotos, MAX_FILES_PER_REQUEST } from './enrollment.service';
import { recognitionRuntime } from './runtime';
import { confirmReview, listPendingReviews, rejectReview } from './review.service';
import { countLearnedTemplates, countTemplates } from './templates.repo';
import { getPerson } from '../people';
import { sightingForReview, sightingSnapshot, sightingUnit } from './sightings.repo';
import { photoUploadBody, ZFaceConsentRecorded, ZFacePerson, ZFacePhotoUpload, ZFaceReviewConfirmed, ZFaceReviewList, ZSnapshotJpeg } from './recognition.dto';

async function personUnit(ctx: AppContext, personId: string): Promise<string> {
  const person = await getPerson(ctx.db, personId);
  if (!person) throw errors.notFound('Person', 'cán bộ');
  return person.unit_id;
}

export async function recognitionRoutes(root: FastifyInstance, ctx: AppContext) {
  await root.register(async (scoped) => {
    await scoped.register(multipart, {
      limits: { fileSize: IMAGE_LIMITS.maxBytes, files: MAX_FILES_PER_REQUEST, fields: 2, fieldSize: 1024 },
    });
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    /** Consent decision (given / refused / withdrawn) with the notice version shown to the person. */
    app.post(
      '/api/recognition/consents',
      {
        schema: {
          summary: "Record a person's biometric consent decision",
          description: 'A refusal or withdrawal deletes the person\'s face templates in the same transaction.',
          tags: ['recognition'],
          body: consentInputSchema,
          response: { 201: ZFaceConsentRecorded },
        },
      },
      async (req, reply) => {
        const access = getAccess(req);
        access.requireInUnit('faces.enroll', await personUnit(ctx, req.body.personId));
        const out = await recordConsent(ctx.db, access.actor(), req.body, ctx.now(), ctx.blobs);
        recognitionRuntime(ctx).invalidateGalleries();
        return reply.status(201).send(out);
      },
    );

    /** Consent state and template counts of one person (viewing face data is audited). */
    app.get(
      '/api/recognition/persons/:id',
      {
        schema: {
          summary: "Show a person's consent state and face template counts",
          description: 'Viewing face data is audited (faces.view).',
          tags: ['recognition'],
          params: ZIdParams,
          response: { 200: ZFacePerson },
        },
      },
      async (req) => {
        const access = getAccess(req);
        const unitId = await personUnit(ctx, req.params.id);
        access.requireInUnit('faces.enroll', unitId);
        await recordAudit(ctx.db, { actor: access.actor(), action: 'faces.view', entityType: 'person', entityId: req.params.id, unitId });
        return { consent: await currentConsent(ctx.db, req.params.id), templates: { ...(await countTemplates(ctx.db, req.params.id)), learned: (await countLearnedTemplates(ctx.db, req.params.id)).learned } };
      },
    );

    /** Enrollment photos (upload or webcam capture): multipart `files`, optional `source` = UPLOAD | WEBCAM. */
    app.post(
      '/api/recognition/persons/:id/photos',
      {
        schema: {
          summary: 'Enroll photos of a consenting person (multipart upload)',
          description:
            'multipart/form-data with the photos as file parts named `files` and an optional `source` field. Each photo is checked on its ' +
            'own (decodable, exactly one face, size, sharpness, pose) and gets its own verdict; accepted photos become templates.',
          tags: ['recognition'],
          consumes: ['multipart/form-data'],
          params: ZIdParams,
          response: { 200: ZFacePhotoUpload },
        },
        bodyLimit: MAX_FILES_PER_REQUEST * IMAGE_LIMITS.maxBytes,
        // Enrolling a whole office by webcam is one request per person; bulk enrollment goes through the zip import.
        config: { rateLimit: uploadRateLimit(60, 10), ...photoUploadBody(IMAGE_LIMITS) },
      },
      async (req, reply) => {
        const access = getAccess(req);
        access.requireInUnit('faces.enroll', await personUnit(ctx, req.params.id));
        if (!req.isMultipart()) {
          throw errors.badRequest('MULTIPART_REQUIRED', 'Cần gửi ảnh dạng multipart/form-data.', 'Send the photos as multipart/form-data.');
        }
        const files: EnrollFile[] = [];
        let source: 'UPLOAD' | 'WEBCAM' = 'UPLOAD';
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'source' && (part.value === 'UPLOAD' || part.value === 'WEBCAM')) source = part.value;
            else throw errors.badRequest('UNKNOWN_FIELD', `Trường không hợp lệ: ${part.fieldname}.`, `Unknown field: ${part.fieldname}.`);
            continue;
          }
          const bytes = await part.toBuffer();
          files.push({ name: part.filename.slice(0, 200), bytes, truncated: part.file.truncated });
        }
        const engine = await recognitionRuntime(ctx).engine();
        // blobs: the photos are kept for re-embedding on an engine upgrade (H4, issue 14) and shown to reviewers.
        const report = await enrollPhotos({ db: ctx.db, engine, blobs: ctx.blobs }, access.actor(), req.params.id, files, source, ctx.now());
        recognitionRuntime(ctx).invalidateGalleries();
        return reply.status(200).send({ files: report, accepted: report.filter((r) => r.ok).length, rejected: report.filter((r) => !r.ok).length });
      },
    );

    /** The review queue of the units the reviewer covers. */
    app.get(
      '/api/recognition/reviews',
      { schema: { summary: 'List pending gate passes awaiting review', tags: ['recognition'], response: { 200: ZFaceReviewList } } },
      async (req) => {
        const access = getAccess(req);
        const units = access.unitsFor('faces.review');
        if (units.length === 0) throw errors.forbidden();
        return { items: await listPendingReviews(ctx.db, units) };
      },
    );

    app.post(
      '/api/recognition/reviews/:id/confirm',
      {
        schema: {
          summary: 'Confirm who passed the gate and create the punch',
          description: 'The person must be one of the candidates the machine proposed.',
          tags: ['recognition'],
          params: ZIdParams,
          body: z.strictObject({ personId: z.uuid() }),
          response: { 200: ZFaceReviewConfirmed },
        },
      },
      async (req) => {
        const access = getAccess(req);
        const row = await sightingForReview(ctx.db, req.params.id);
        if (!row) throw errors.notFound('Sighting', 'lượt nhận diện');
        access.requireInUnit('faces.review', row.unit_id);
        return confirmReview({ db: ctx.db, punch: recognitionRuntime(ctx).punch }, access.actor(), req.params.id, req.body.personId, row.direction, ctx.now());
      },
    );

    app.post(
      '/api/recognition/reviews/:id/reject',
      {
        schema: {
          summary: 'Reject a gate pass under review (no punch is created)',
          tags: ['recognition'],
          params: ZIdParams,
          body: z.strictObject({ reason: ZText(500).pipe(z.string().min(3)) }),
          response: { 204: ZNoContent },
        },
      },
      async (req, reply) => {
        const access = getAccess(req);
        const row = await sightingUnit(ctx.db, req.params.id);
        if (!row) throw errors.notFound('Sighting', 'lượt nhận diện');
        access.requireInUnit('faces.review', row.unit_id);
        await rejectReview(ctx.db, access.actor(), req.params.id, req.body.reason, ctx.now());
        return reply.status(204).send();
      },
    );

    /**
     * The snapshot of a pass: a sensitive read, audited. The snapshot's owner decides: the person it was matched to,
     * and reviewers or attendance readers of the camera's unit. The sighting row only leads to the key.
     */
    app.get(
      '/api/recognition/sightings/:id/snapshot',
      {
        schema: {
          summary: 'Download the snapshot of a gate pass (JPEG)',
          description: 'Sends image/jpeg bytes. A sensitive read, audited (faces.snapshot_view).',
          tags: ['recognition'],
          params: ZIdParams,
          response: { 200: ZSnapshotJpeg },
        },
        config: { servesBlob: 'owner' },
      },
      async (req, reply) => {
        const access = getAccess(req);
        const row = await sightingSnapshot(ctx.db, req.params.id);
        if (!row?.snapshot_key) throw errors.notFound('Snapshot', 'ảnh chụp');
        const blob = await openOwnedBlob(ctx, row.snapshot_key, [BLOB_KINDS.sighting], (owner) => {
          if (owner.personId && access.isSelf(owner.personId)) return;
          if (!access.canInUnit('faces.review', owner.unitId) && !access.canInUnit('attendance.read', owner.unitId)) throw errors.forbidden();
        });
        await recordAudit(ctx.db, { actor: access.actor(), action: 'faces.snapshot_view', entityType: 'face_sighting', entityId: req.params.id, unitId: row.unit_id });
        return reply.type('image/jpeg').header('cache-control', 'private, no-store').send(binaryBody(await blob.buffer()));
      },
    );
  });
}
