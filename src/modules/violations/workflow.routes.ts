import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/module';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob, selfOrUnit } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZBinary, ZIdParams, binaryBody } from '../../platform/http/schemas';
import { recordAudit } from '../audit';
import { uploadRateLimit } from '../../platform/http/upload-rate-limit';
import { getAccess } from '../../platform/access';
import { loadVisible } from './visibility';
import { assertCompetent } from '../competence';
import { MAX_FILE_BYTES, MAX_FILES, submitExplanation, type UploadedFile } from './explanations.service';
import { caseStatusDto, explanationUploadDoc, ZCaseStatus, ZCloseBody, ZDecisionBody, ZDisciplineContext, ZDisciplineContextQuery, ZExplanationBody, ZExplanationCreated, ZExplanationFileParams, ZProposalBody, ZRequestExplanationBody } from './workflow.dto';
import { closeCase, decide, disciplineContext, proposeDiscipline, requestExplanation } from './workflow.service';
import { explanationFile } from './workflow.repo';
import { localDateOf } from '../../platform/time';

const tags = ['workflow'];

export async function workflowRoutes(root: FastifyInstance, ctx: AppContext) {
  await root.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 3, fieldSize: 64 * 1024 } });
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    /** Giải trình: multipart form with a `body` field and up to 5 `files`. Only the person concerned may submit. */
    app.post(
      '/api/violations/:id/explanations',
      {
        schema: {
          summary: 'Explain a violation of mine, with attachments (multipart form: body and files)',
          tags,
          params: ZIdParams,
          response: { 201: ZExplanationCreated },
        },
        bodyLimit: MAX_FILES * MAX_FILE_BYTES + 256 * 1024,
        // A person explains a handful of violations at most; this only stops one account filling the disk.
        config: { rateLimit: uploadRateLimit(10, 10), ...explanationUploadDoc },
      },
      async (req, reply) => {
        const access = getAccess(req);
        const v = await loadVisible(ctx, access, req.params.id);
        if (!access.isSelf(v.person_id)) throw errors.forbidden({ reason: 'only the person concerned can explain' });
        if (!req.isMultipart())
          throw errors.badRequest('MULTIPART_REQUIRED', 'Cần gửi biểu mẫu có tệp đính kèm (multipart/form-data).', 'Send a multipart/form-data form.');
        let body: string | undefined;
        const files: UploadedFile[] = [];
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'body') body = String(part.value);
            else throw errors.badRequest('UNKNOWN_FIELD', `Trường không hợp lệ: ${part.fieldname}.`, `Unknown field: ${part.fieldname}.`);
            continue;
          }
          const data = await part.toBuffer();
          if (part.file.truncated)
            throw errors.badRequest('FILE_SIZE', `Tệp ${part.filename} lớn hơn 5 MB.`, `File ${part.filename} is larger than 5 MB.`);
          files.push({ fileName: part.filename.slice(0, 200), contentType: part.mimetype, data });
        }
        const parsed = ZExplanationBody.safeParse(body ?? '');
        if (!parsed.success)
          throw errors.badRequest('EXPLANATION_TOO_SHORT', 'Nội dung giải trình cần ít nhất 10 ký tự.', 'The explanation needs at least 10 characters.');
        const out = await submitExplanation(ctx.db, ctx.blobs, { violationId: v.id, personId: v.person_id, body: parsed.data, files }, access.actor(), ctx.now());
        return reply.status(201).send(out);
      },
    );

    app.get(
      '/api/violations/:id/explanation-files/:fileId',
      {
        schema: { summary: 'Download an attachment of an explanation (its own media type, as an attachment); audited', tags, params: ZExplanationFileParams, response: { 200: ZBinary } },
        config: { servesBlob: 'owner' },
      },
      async (req, reply) => {
        const access = getAccess(req);
        const v = await loadVisible(ctx, access, req.params.id);
        const f = await explanationFile(ctx.db, v.id, req.params.fileId);
        if (!f) throw errors.notFound('File', 'tệp');
        // The attachment's owner (the violation's person and unit, recorded when it was stored) decides, not the row.
        const blob = await openOwnedBlob(ctx, f.blob_key, [BLOB_KINDS.explanationAttachment], selfOrUnit(access, 'violations.read'));
        await recordAudit(ctx.db, {
          actor: access.actor(),
          action: 'violations.attachment_view',
          entityType: 'violation_explanation_file',
          entityId: f.id,
          unitId: v.unit_id,
          details: { violationId: v.id, sha256: f.sha256 },
        });
        const safeName = encodeURIComponent(f.file_name);
        return reply
          .header('content-type', f.content_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${safeName}`)
          .header('cache-control', 'private, no-store')
          .header('content-length', String(blob.size))
          .send(binaryBody(await blob.stream()));
      },
    );
  });

  const app = root.withTypeProvider<ZodTypeProvider>();
  const leaderFor = async (req: Parameters<typeof getAccess>[0], id: string) => {
    const access = getAccess(req);
    const v = await loadVisible(ctx, access, id);
    access.requireInUnit('violations.decide', v.unit_id);
    // The role over the unit, then the competence table: never one's own case nor a superior's (audit D5, D6).
    await assertCompetent(ctx.db, access, { matter: 'VIOLATION_HANDLING', subjectPersonId: v.person_id, date: localDateOf(ctx.now()) });
    return { access, v };
  };

  app.post(
    '/api/violations/:id/request-explanation',
    { schema: { summary: 'Ask for an explanation (again) with a deadline in working days', tags, params: ZIdParams, body: ZRequestExplanationBody, response: { 200: ZCaseStatus } } },
    async (req) => {
      const { access, v } = await leaderFor(req, req.params.id);
      return caseStatusDto(await requestExplanation(ctx.db, v.id, req.body.workingDays, access.actor(), ctx.now()));
    },
  );

  app.post(
    '/api/violations/:id/decision',
    { schema: { summary: 'Decide on a violation with a reason (dismiss, remind or escalate)', tags, params: ZIdParams, body: ZDecisionBody, response: { 200: ZCaseStatus } } },
    async (req) => {
      const { access, v } = await leaderFor(req, req.params.id);
      return caseStatusDto(await decide(ctx.db, v.id, req.body.decision, req.body.reason, access.actor(), ctx.now()));
    },
  );

  app.post(
    '/api/violations/:id/discipline-proposal',
    { schema: { summary: 'Propose the discipline procedure for an escalated violation', tags, params: ZIdParams, body: ZProposalBody, response: { 200: ZCaseStatus } } },
    async (req) => {
      const { access, v } = await leaderFor(req, req.params.id);
      return caseStatusDto(await proposeDiscipline(ctx.db, v.id, req.body.note, access.actor(), ctx.now()));
    },
  );

  app.post(
    '/api/violations/:id/close',
    { schema: { summary: 'Close a decided violation case with a reason', tags, params: ZIdParams, body: ZCloseBody, response: { 200: ZCaseStatus } } },
    async (req) => {
      const { access, v } = await leaderFor(req, req.params.id);
      return caseStatusDto(await closeCase(ctx.db, v.id, req.body.reason, access.actor(), ctx.now()));
    },
  );

  /** Regime, forms and time limits for the person and date (the system lists; the competent authority chooses). */
  app.get(
    '/api/violations/:id/discipline-context',
    {
      schema: {
        summary: 'Show the discipline regime, forms and time limits for the person and violation',
        tags,
        params: ZIdParams,
        querystring: ZDisciplineContextQuery,
        response: { 200: ZDisciplineContext },
      },
    },
    async (req) => {
      const { v } = await leaderFor(req, req.params.id);
      return disciplineContext(ctx.db, v.id, req.query.asOf ?? localDateOf(ctx.now()));
    },
  );
}
