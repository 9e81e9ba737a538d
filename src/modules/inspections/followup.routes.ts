import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAccess } from '../../platform/access';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZBinary, ZNoContent, binaryBody } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { recordAudit } from '../audit';
import { documentDto, issueConclusion, issueMinutes } from './documents.service';
import { ZCloseBody, ZConclusionBody, ZDocument, ZDoneBody, ZMinutesBody, ZReportBody } from './followup.dto';
import { closeInspection, completeRemediation, reportRemediation } from './followup.service';
import { visibleInspection } from './guards';
import { ZDocParams, ZIdParams, ZRemediationParams } from './inspections.dto';
import { documents } from './inspections.repo';

const tags = ['inspections'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Minutes, conclusion, their DOCX, the remediation follow-up and closing. */
export async function followupRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/inspections/:id/minutes',
    { schema: { summary: 'Issue the minutes (biên bản kiểm tra) once every item is judged → MINUTES_ISSUED', tags, params: ZIdParams, body: ZMinutesBody, response: { 201: ZDocument } } },
    async (req, reply) => reply.status(201).send(documentDto(await issueMinutes(ctx, getAccess(req), req.params.id, req.body, ctx.now()))),
  );

  app.post(
    '/api/inspections/:id/conclusion',
    {
      schema: {
        summary: 'Issue the conclusion notice (thông báo kết luận) with recommendations and remediation deadlines; 409 CONCLUSION_BEFORE_MINUTES before the minutes',
        tags,
        params: ZIdParams,
        body: ZConclusionBody,
        response: { 201: ZDocument },
      },
    },
    async (req, reply) => reply.status(201).send(documentDto(await issueConclusion(ctx, getAccess(req), req.params.id, req.body, ctx.now()))),
  );

  app.get(
    '/api/inspections/:id/documents/:docId',
    { config: { servesBlob: 'owner' }, schema: { summary: `The minutes or conclusion as DOCX (${DOCX}); every download is audited`, tags, params: ZDocParams, response: { 200: ZBinary } } },
    async (req, reply) => {
      const access = getAccess(req);
      const { i } = await visibleInspection(ctx.db, access, req.params.id);
      const d = (await documents(ctx.db, i.id)).find((x) => x.id === req.params.docId);
      if (!d) throw errors.notFound('Document', 'văn bản');
      const blob = await openOwnedBlob(ctx, d.blob_key, [BLOB_KINDS.inspectionDocument], (owner) => {
        if (owner.unitId !== i.target_unit_id) throw errors.outOfScope();
      });
      await recordAudit(ctx.db, { actor: access.actor(), action: 'inspections.document_download', entityType: 'inspection', entityId: i.id, unitId: i.target_unit_id, details: { documentId: d.id, number: d.number_text } }, ctx.now());
      const name = `${d.kind === 'MINUTES' ? 'bien-ban-kiem-tra' : 'ket-luan-kiem-tra'}-${d.number_text.replace(/[^\p{L}\p{N}]+/gu, '-')}.docx`;
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'private, no-store')
        .send(binaryBody(await blob.buffer()));
    },
  );

  app.post(
    '/api/inspections/:id/remediations/:rid/report',
    { schema: { summary: 'The inspected unit reports its remediation (báo cáo khắc phục)', tags, params: ZRemediationParams, body: ZReportBody, response: { 204: ZNoContent } } },
    async (req, reply) => {
      await reportRemediation(ctx.db, getAccess(req), req.params.id, req.params.rid, req.body, ctx.now());
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/inspections/:id/remediations/:rid/done',
    { schema: { summary: 'Accept a remediation as done (issuer side)', tags, params: ZRemediationParams, body: ZDoneBody, response: { 204: ZNoContent } } },
    async (req, reply) => {
      await completeRemediation(ctx.db, getAccess(req), req.params.id, req.params.rid, req.body, ctx.now());
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/inspections/:id/close',
    { schema: { summary: 'Close the inspection (every remediation done, or the open ones closed with the note)', tags, params: ZIdParams, body: ZCloseBody, response: { 204: ZNoContent } } },
    async (req, reply) => {
      await closeInspection(ctx.db, getAccess(req), req.params.id, req.body, ctx.now());
      return reply.status(204).send();
    },
  );
}
