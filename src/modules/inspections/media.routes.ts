import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccess } from '../../platform/access';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZBinary, binaryBody, multipartBody } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { recordAudit } from '../audit';
import { addEvidence, evidenceDto, teamCameras } from './camera-evidence.service';
import { visibleInspection } from './guards';
import { ZEvidence, ZEvidenceBody, ZIdParams, ZInspectionCamera, ZPhoto, ZPhotoParams } from './inspections.dto';
import { getPhoto } from './inspections.repo';
import { MAX_PHOTO_BYTES, type PhotoInput, photoDto, photoTooLarge, savePhoto } from './photos.service';

const tags = ['inspections'];

const uploadPhoto = multipartBody({
  file: { type: 'file', description: 'The photo: JPEG, PNG or WebP (judged by content), at most 8 MB', required: true },
  clientId: { type: 'string', description: 'Idempotency key from the device (a repeat returns the stored photo)', required: true },
  findingId: { type: 'string', description: 'The finding the photo documents (uuid)' },
  itemId: { type: 'string', description: 'The checklist item the photo documents (uuid)' },
  takenAt: { type: 'string', description: 'Capture time (EXIF DateTimeOriginal read on the device), ISO 8601' },
  lat: { type: 'string', description: 'Latitude (optional, with lon)' },
  lon: { type: 'string', description: 'Longitude (optional, with lat)' },
});

const ZFields = z.strictObject({
  clientId: z.string().trim().min(4).max(100),
  findingId: z.uuid().nullable().default(null),
  itemId: z.uuid().nullable().default(null),
  takenAt: z.iso.datetime({ offset: true }).nullable().default(null),
  lat: z.coerce.number().nullable().default(null),
  lon: z.coerce.number().nullable().default(null),
});

const bad = () => errors.badRequest('PHOTO_UPLOAD_INVALID', 'Cần một tệp ảnh và mã clientId hợp lệ.', 'One image file and a valid clientId are required.');

/** Photos, camera evidence and the team's camera list. */
export async function mediaRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  await root.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 6, fieldSize: 1024 } });
    const up = scoped.withTypeProvider<ZodTypeProvider>();
    up.post(
      '/api/inspections/:id/photos',
      {
        schema: { summary: 'Upload a photo taken on site (multipart; idempotent by clientId: 201 new, 200 repeated)', tags, params: ZIdParams, response: { 200: ZPhoto, 201: ZPhoto } },
        bodyLimit: MAX_PHOTO_BYTES + 256 * 1024,
        config: { ...uploadPhoto },
      },
      async (req, reply) => {
        const access = getAccess(req);
        if (!req.isMultipart()) throw errors.badRequest('MULTIPART_REQUIRED', 'Cần gửi biểu mẫu có tệp đính kèm (multipart/form-data).', 'Send a multipart/form-data form.');
        const fields: Record<string, string> = {};
        let data: Buffer | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname in ZFields.shape && String(part.value) !== '') fields[part.fieldname] = String(part.value);
            continue;
          }
          if (data) throw bad();
          try {
            data = await part.toBuffer();
          } catch (e) {
            if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw photoTooLarge();
            throw e;
          }
          if (part.file.truncated) throw photoTooLarge();
        }
        const parsed = ZFields.safeParse(fields);
        if (!data || !parsed.success) throw bad();
        const input: PhotoInput = { ...parsed.data, takenAt: parsed.data.takenAt ? new Date(parsed.data.takenAt) : null, data };
        const { photo, created } = await savePhoto(ctx, access, req.params.id, input, ctx.now());
        return reply.status(created ? 201 : 200).send(photoDto(photo));
      },
    );
  });

  app.get(
    '/api/inspections/:id/photos/:photoId',
    {
      config: { servesBlob: 'owner' },
      schema: { summary: 'A photo of the inspection (image/jpeg, image/png or image/webp); every view is audited', tags, params: ZPhotoParams, response: { 200: ZBinary } },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const { i } = await visibleInspection(ctx.db, access, req.params.id);
      const p = await getPhoto(ctx.db, i.id, req.params.photoId);
      if (!p) throw errors.notFound('Photo', 'ảnh');
      // The caller may see the inspection; the file must also be this inspection's photo of the inspected unit.
      const blob = await openOwnedBlob(ctx, p.blob_key, [BLOB_KINDS.inspectionPhoto], (owner) => {
        if (owner.unitId !== i.target_unit_id) throw errors.outOfScope();
      });
      await recordAudit(ctx.db, { actor: access.actor(), action: 'inspections.photo_view', entityType: 'inspection', entityId: i.id, unitId: i.target_unit_id, details: { photoId: p.id } }, ctx.now());
      return reply.header('content-type', p.content_type).header('cache-control', 'private, no-store').send(binaryBody(await blob.buffer()));
    },
  );

  app.post(
    '/api/inspections/:id/evidence',
    { schema: { summary: 'Attach a camera snapshot or clip of the inspection window as evidence (hashed, audited export)', tags, params: ZIdParams, body: ZEvidenceBody, response: { 201: ZEvidence } } },
    async (req, reply) => {
      const row = await addEvidence(ctx, getAccess(req), req.params.id, req.body, ctx.now());
      return reply.status(201).send(evidenceDto(row));
    },
  );

  app.get(
    '/api/inspections/:id/cameras',
    { schema: { summary: 'The inspected unit’s cameras the team may view now (during the inspection window only)', tags, params: ZIdParams, response: { 200: z.array(ZInspectionCamera) } } },
    async (req) => teamCameras(ctx.db, getAccess(req), req.params.id, ctx.now()),
  );
}
