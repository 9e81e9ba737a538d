import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZIdParams, binaryBody } from '../../platform/http/schemas';
import type { Access } from '../../platform/access';
import { uploadRateLimit } from '../../platform/http/upload-rate-limit';
import { getAccess } from '../../platform/access';
import { canAcceptZipImport, enqueueZipImport } from './enrollment-zip.jobs';
import { getZipImport, listZipImportFiles, type ZipImportView } from './enrollment-zip.repo';
import { acceptZipImport, zipImportLimits } from './enrollment-zip.service';
import { writeZipImportReport } from './enrollment-zip.xlsx';
import { zipError } from '../../platform/zip/zip-archive';
import { ZEnrollmentZipImport, ZEnrollmentZipImportAccepted, ZEnrollmentZipReport, zipUploadBody } from './enrollment-zip.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A job is visible to whoever started it and to administrators (the report names staff of the starter's scope). */
async function visibleImport(ctx: AppContext, access: Access, id: string): Promise<ZipImportView> {
  access.require('faces.enroll');
  const job = await getZipImport(ctx.db, id);
  if (!job || (job.requestedBy !== access.principal.userId && !access.has('users.manage'))) throw errors.notFound('Import', 'lần nhập ảnh');
  return job;
}

/** Bulk enrollment: POST a zip of photos named by employee code, poll the job, download the per-file report. */
export async function zipImportRoutes(root: FastifyInstance, ctx: AppContext) {
  await root.register(async (scoped) => {
    // Own scope: the photo routes' multipart limits (40 MB, 50 files) do not suit one large zip.
    await scoped.register(multipart, { limits: { files: 1, fields: 0, fileSize: zipImportLimits(ctx.config.face.importLimits).maxBytes } });
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/recognition/imports',
      {
        schema: {
          summary: 'Start a bulk face enrollment from a zip of photos named by employee code',
          description:
            'multipart/form-data with one .zip file part (`file`). The zip is checked at once (limits, at least one photo), then a ' +
            'background job enrolls person by person; poll the returned job. Enrolls only staff of the units where the caller holds faces.enroll.',
          tags: ['recognition'],
          consumes: ['multipart/form-data'],
          response: { 202: ZEnrollmentZipImportAccepted },
        },
        bodyLimit: zipImportLimits(ctx.config.face.importLimits).maxBytes + 1024 * 1024,
        config: { rateLimit: uploadRateLimit(10, 10), ...zipUploadBody(zipImportLimits(ctx.config.face.importLimits)) },
      },
      async (req, reply) => {
        const access = getAccess(req);
        const scope = access.unitsFor('faces.enroll');
        if (scope.length === 0) throw errors.forbidden({ permission: 'faces.enroll' });
        const limits = zipImportLimits(ctx.config.face.importLimits);
        if (!canAcceptZipImport(ctx)) {
          throw errors.conflict(
            'ZIP_QUEUE_FULL',
            'Đang có nhiều lần nhập ảnh chờ xử lý; hãy đợi một lần xong rồi gửi tiếp.',
            'Several photo imports are already waiting; wait for one to finish, then send this one.',
          );
        }
        const needFile = () => errors.badRequest('ZIP_REQUIRED', 'Hãy gửi tệp .zip trong trường "file".', 'Send the .zip file in the "file" field.');
        if (!req.isMultipart()) throw needFile();
        const part = await req.file({ limits: { fileSize: limits.maxBytes, files: 1 } });
        if (!part) throw needFile();
        const bytes = await part.toBuffer().catch((error: unknown) => {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw zipError('ZIP_TOO_LARGE', limits);
          throw error;
        });
        if (part.file.truncated || bytes.length > limits.maxBytes) throw zipError('ZIP_TOO_LARGE', limits, { bytes: bytes.length });
        const fileName = part.filename.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'anh.zip';
        const job = await acceptZipImport(ctx.db, access.actor(), { fileName, bytes }, scope, limits, ctx.now());
        enqueueZipImport(ctx, job);
        return reply.status(202).send({ id: job.id, totalFiles: job.files.length });
      },
    );

    /** Progress while running; the per-file report once the job has ended. */
    app.get(
      '/api/recognition/imports/:id',
      {
        schema: {
          summary: 'Show the progress of a zip enrollment, with its per-file report once ended',
          tags: ['recognition'],
          params: ZIdParams,
          response: { 200: ZEnrollmentZipImport },
        },
      },
      async (req) => {
        const job = await visibleImport(ctx, getAccess(req), req.params.id);
        const ended = job.status === 'DONE' || job.status === 'FAILED';
        const { requestedBy: _, ...view } = job;
        return { ...view, files: ended ? await listZipImportFiles(ctx.db, job.id) : null };
      },
    );

    app.get(
      '/api/recognition/imports/:id/report',
      {
        schema: {
          summary: 'Download the per-file report of a zip enrollment (XLSX)',
          description: `Sends ${XLSX} bytes as an attachment.`,
          tags: ['recognition'],
          params: ZIdParams,
          response: { 200: ZEnrollmentZipReport },
        },
      },
      async (req, reply) => {
        const job = await visibleImport(ctx, getAccess(req), req.params.id);
        const body = await writeZipImportReport(job, await listZipImportFiles(ctx.db, job.id));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="ket-qua-nhap-anh-${job.id.slice(0, 8)}.xlsx"`)
          .send(binaryBody(body));
      },
    );
  });
}
