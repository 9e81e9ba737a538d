import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAccess } from '../../platform/access';
import { openOwnedBlob, selfOrUnit } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZBinary, binaryBody } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { localDateOf } from '../../platform/time';
import { recordAudit } from '../audit';
import { getPerson } from '../people';
import { proposedForDiscipline } from '../violations';
import { MAX_UPLOAD_BYTES, uploadDocument } from './case-actions.service';
import { caseView } from './case-view';
import { caseViolations, getCase, linkedViolationIds, listCases } from './cases.repo';
import { ZCaseCreated, ZCaseDetail, ZCaseListQuery, ZCaseParams, ZCaseSummary, ZDocumentCreated, ZDocumentParams, ZOpenCaseBody, ZPersonParams, ZPersonRecord, ZProposedViolation, uploadDoc } from './discipline.dto';
import { DISCIPLINE_DOCUMENT_KIND } from './documents.service';
import { DISCIPLINE_STATE_LABELS } from './domain/states';
import { openDisciplineCase } from './open.service';
import { disciplineRecord } from './person-record';
import { decisionOf, documentOf } from './records.repo';
import { z } from 'zod';

const tags = ['discipline'];

/** The case if the caller may see it: the person concerned, or holders of violations.read over its unit. */
export async function visibleCase(ctx: AppContext, access: ReturnType<typeof getAccess>, id: string) {
  const c = await getCase(ctx.db, id);
  if (!c) throw errors.notFound('Discipline case', 'hồ sơ xử lý kỷ luật');
  access.requireSelfOrUnit('violations.read', c.person_id, c.unit_id);
  return c;
}

export async function casesRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/discipline/proposals', { schema: { summary: 'Violations proposed for discipline and not yet in a case', tags, response: { 200: z.array(ZProposedViolation) } } }, async (req) => {
    const access = getAccess(req);
    access.require('violations.decide');
    const list = await proposedForDiscipline(ctx.db, { unitIds: access.unitsFor('violations.decide') });
    const linked = new Set(await linkedViolationIds(ctx.db, list.map((v) => v.id)));
    const names = new Map<string, string>();
    for (const id of new Set(list.map((v) => v.personId))) names.set(id, (await getPerson(ctx.db, id))?.full_name ?? '');
    return list.filter((v) => !linked.has(v.id)).map((v) => ({ ...v, personName: names.get(v.personId) ?? '' }));
  });

  app.post('/api/discipline/cases', { schema: { summary: 'Open a discipline case from violations of one person proposed for discipline', tags, body: ZOpenCaseBody, response: { 201: ZCaseCreated } } }, async (req, reply) => {
    const id = await openDisciplineCase(ctx.db, getAccess(req), req.body, ctx.now());
    return reply.status(201).send({ id });
  });

  app.get('/api/discipline/cases', { schema: { summary: 'Discipline cases in my scope (or my own)', tags, querystring: ZCaseListQuery, response: { 200: z.array(ZCaseSummary) } } }, async (req) => {
    const access = getAccess(req);
    const units = access.unitsFor('violations.read');
    const own = access.principal.personId;
    const rows = units.length ? await listCases(ctx.db, { unitIds: units, personId: req.query.personId }) : own ? await listCases(ctx.db, { unitIds: null, personId: own }) : [];
    const out = [];
    for (const c of rows) {
      const p = await getPerson(ctx.db, c.person_id);
      const d = await decisionOf(ctx.db, c.id);
      out.push({ id: c.id, personId: c.person_id, personName: p?.full_name ?? '', unitName: p?.unit_name ?? '', state: c.state, stateLabel: DISCIPLINE_STATE_LABELS[c.state], detectedOn: c.detected_on, openedAt: c.opened_at, violations: (await caseViolations(ctx.db, c.id)).length, decisionNumber: d?.number_text ?? null, formLabel: d?.form_label ?? null, effectiveOn: d?.effective_on ?? null });
    }
    return out;
  });

  app.get('/api/discipline/cases/:id', { schema: { summary: 'A discipline case: steps, meetings, council, decision, suspensions, documents, deadlines', tags, params: ZCaseParams, response: { 200: ZCaseDetail } } }, async (req) => {
    const access = getAccess(req);
    const c = await visibleCase(ctx, access, req.params.id);
    return caseView(ctx.db, access, c.id, localDateOf(ctx.now()));
  });

  app.get('/api/discipline/persons/:personId/record', { schema: { summary: "A person's discipline record: cases under consideration, decisions with effective dates and consequences", tags, params: ZPersonParams, response: { 200: ZPersonRecord } } }, async (req) => {
    const access = getAccess(req);
    const p = await getPerson(ctx.db, req.params.personId);
    if (!p) throw errors.notFound('Person', 'cán bộ');
    access.requireSelfOrUnit('staff.read', p.id, p.unit_id);
    return disciplineRecord(ctx.db, p.id, localDateOf(ctx.now()));
  });

  app.get(
    '/api/discipline/cases/:id/documents/:documentId',
    { schema: { summary: 'Download a document of a discipline case (DOCX, PDF or image, as an attachment); audited', tags, params: ZDocumentParams, response: { 200: ZBinary } }, config: { servesBlob: 'owner' } },
    async (req, reply) => {
      const access = getAccess(req);
      const c = await visibleCase(ctx, access, req.params.id);
      const d = await documentOf(ctx.db, c.id, req.params.documentId);
      if (!d) throw errors.notFound('File', 'tệp');
      const blob = await openOwnedBlob(ctx, d.blob_key, [DISCIPLINE_DOCUMENT_KIND], selfOrUnit(access, 'violations.read'));
      await recordAudit(ctx.db, { actor: access.actor(), action: 'discipline.document_view', entityType: 'discipline_document', entityId: d.id, unitId: c.unit_id, details: { caseId: c.id, kind: d.kind, sha256: d.sha256 } });
      return reply
        .header('content-type', d.content_type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(d.file_name)}`)
        .header('cache-control', 'private, no-store')
        .header('content-length', String(blob.size))
        .send(binaryBody(await blob.stream()));
    },
  );

  await root.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2, fieldSize: 1024 } });
    const up = scoped.withTypeProvider<ZodTypeProvider>();
    up.post(
      '/api/discipline/cases/:id/documents',
      { schema: { summary: 'Upload a document to a discipline case (multipart: kind and file); the person concerned may upload the self-review', tags, params: ZCaseParams, response: { 201: ZDocumentCreated } }, bodyLimit: MAX_UPLOAD_BYTES + 64 * 1024, config: { ...uploadDoc } },
      async (req, reply) => {
        const access = getAccess(req);
        const c = await visibleCase(ctx, access, req.params.id);
        if (!req.isMultipart()) throw errors.badRequest('MULTIPART_REQUIRED', 'Cần gửi biểu mẫu có tệp đính kèm (multipart/form-data).', 'Send a multipart/form-data form.');
        let kind: string | undefined;
        let file: { fileName: string; contentType: string; data: Buffer } | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'kind') kind = String(part.value);
            continue;
          }
          const data = await part.toBuffer();
          if (part.file.truncated) throw errors.badRequest('FILE_SIZE', `Tệp ${part.filename} lớn hơn 10 MB.`, `File ${part.filename} is larger than 10 MB.`);
          file = { fileName: part.filename.slice(0, 200), contentType: part.mimetype, data };
        }
        if (!file || (kind !== 'SELF_REVIEW' && kind !== 'SUSPENSION_EVIDENCE' && kind !== 'OTHER'))
          throw errors.badRequest('DISCIPLINE_UPLOAD_INVALID', 'Cần chọn loại tài liệu và một tệp.', 'Choose the document kind and one file.');
        const id = await uploadDocument(ctx, access, c.id, { kind, ...file }, ctx.now());
        return reply.status(201).send({ id });
      },
    );
  });
}
