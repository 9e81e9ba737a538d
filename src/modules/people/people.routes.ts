import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { multipartBody, ZBinary, ZBoolString, ZDate, ZIdParams, ZPage, ZText } from '../../platform/http/schemas';
import { uploadRateLimit } from '../../platform/http/upload-rate-limit';
import { getAccess } from '../../platform/access';
import type { Access } from '../../platform/access';
import { loadOrgTree } from '../org';
import {
  personAssignmentDto,
  staffDto,
  staffImportDto,
  ZPerson,
  ZPersonDetail,
  ZPersonPage,
  ZStaffImport,
} from './people.dto';
import {
  accountOfPerson,
  getPerson,
  getStaffImport,
  personHistory,
  queryStaff,
  type StaffQuery,
  staffImportReport,
  streamStaff,
} from './people.repo';
import { createPerson, transferPerson, updatePerson } from './people.service';
import { ASSIGNMENT_KINDS, CATEGORIES, GENDERS, STATUSES } from './people.types';
import { importProgress, importStaff } from './staff-import';
import { exportStaff, staffTemplate } from './staff-xlsx';
import { localDateOf } from '../../platform/time';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const ZStaffFilters = z.strictObject({
  q: ZText(100).optional(),
  unitId: z.uuid().optional(),
  includeSubunits: ZBoolString.optional(),
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(STATUSES).optional(),
  sort: z.enum(['fullName', 'employeeCode', 'unitName', 'category', 'status', 'joinedOn']).default('fullName'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...ZPage,
});

const ZPersonBody = z.strictObject({
  employeeCode: z.string().trim().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'letters, digits, _ . - (1–40)'),
  fullName: ZText(120).pipe(z.string().min(2)),
  gender: z.enum(GENDERS).nullish(),
  birthDate: ZDate.nullish(),
  category: z.enum(CATEGORIES),
  positionTitle: ZText(120).nullish(),
  unitId: z.uuid(),
  status: z.enum(STATUSES).optional(),
  email: z.email().max(200).nullish(),
  phone: z.string().regex(/^[0-9+ ().-]{6,30}$/).nullish(),
  joinedOn: ZDate.nullish(),
  leftOn: ZDate.nullish(),
});

function attachment(reply: FastifyReply, name: string, body: Buffer) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(body);
}

/** Filters a staff query by what the caller may see: units in scope, or only themselves. */
async function scopedQuery(ctx: AppContext, access: Access, f: z.infer<typeof ZStaffFilters>): Promise<StaffQuery> {
  const query: StaffQuery = { q: f.q, category: f.category, status: f.status, sort: f.sort, order: f.order, page: f.page, pageSize: f.pageSize };
  if (f.unitId) query.unitIds = f.includeSubunits === false ? [f.unitId] : [...(await loadOrgTree(ctx.db)).scopeOf(f.unitId)];
  if (access.has('staff.read')) query.scopeUnitIds = access.unitsFor('staff.read');
  else if (access.principal.personId) query.onlyPersonId = access.principal.personId;
  else throw errors.forbidden({ permission: 'staff.read' });
  return query;
}

export async function peopleRoutes(root: FastifyInstance, ctx: AppContext) {
  await root.register(async (scoped) => {
    await scoped.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
    const app = scoped.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/staff',
      {
        schema: {
          summary: 'List staff in scope (or only oneself without staff.read), filtered, sorted and paged',
          tags: ['staff'],
          querystring: ZStaffFilters,
          response: { 200: ZPersonPage },
        },
      },
      async (req) => {
        const access = getAccess(req);
        const { rows, total } = await queryStaff(ctx.db, await scopedQuery(ctx, access, req.query));
        return { items: rows.map(staffDto), total, page: req.query.page, pageSize: req.query.pageSize };
      },
    );

    app.get(
      '/api/staff/export',
      {
        schema: {
          summary: 'Export the filtered staff list as an Excel workbook (.xlsx)',
          tags: ['staff'],
          querystring: ZStaffFilters,
          produces: [XLSX],
          response: { 200: ZBinary },
        },
      },
      async (req, reply) => {
        const access = getAccess(req);
        access.require('staff.read');
        const query = await scopedQuery(ctx, access, req.query);
        const tree = await loadOrgTree(ctx.db);
        const codes = new Map([...tree.byId.values()].map((n) => [n.id, n.code]));
        const body = await exportStaff(streamStaff(ctx.db, query), codes);
        return attachment(reply, `danh-sach-can-bo-${localDateOf(ctx.now())}.xlsx`, body);
      },
    );

    app.get(
      '/api/staff/import-template',
      {
        schema: {
          summary: 'Download the staff import template (.xlsx)',
          tags: ['staff'],
          produces: [XLSX],
          response: { 200: ZBinary },
        },
      },
      async (req, reply) => {
        getAccess(req).require('staff.import');
        return attachment(reply, 'mau-nhap-can-bo.xlsx', await staffTemplate());
      },
    );

    app.post(
      '/api/staff/imports',
      {
        schema: {
          summary: 'Import staff from an .xlsx workbook; answers 202 with the run id to poll',
          tags: ['staff'],
          consumes: ['multipart/form-data'],
          response: { 202: z.object({ id: z.guid() }) },
        },
        config: {
          rateLimit: uploadRateLimit(10, 10),
          ...multipartBody({ file: { type: 'file', description: 'The staff workbook (.xlsx, at most 50 MB), laid out as the import template', required: true } }),
        },
      },
      async (req, reply) => {
        const access = getAccess(req);
        access.require('staff.import');
        if (!req.isMultipart())
          throw errors.badRequest('IMPORT_NEEDS_FILE', 'Hãy gửi tệp .xlsx trong trường "file".', 'Send the .xlsx file in the "file" field.');
        const part = await req.file();
        if (!part) throw errors.badRequest('IMPORT_NEEDS_FILE', 'Hãy gửi tệp .xlsx trong trường "file".', 'Send the .xlsx file in the "file" field.');
        const fileName = part.filename.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 120) || 'import.xlsx';
        if (!/\.xlsx$/i.test(fileName))
          throw errors.badRequest('IMPORT_NOT_XLSX', 'Chỉ nhận tệp Excel .xlsx.', 'Only .xlsx workbooks are accepted.');
        const file = await part.toBuffer().catch(() => {
          throw errors.badRequest('IMPORT_TOO_LARGE', 'Tệp quá lớn (tối đa 50 MB).', 'The file is too large (max 50 MB).');
        });
        if (part.file.truncated)
          throw errors.badRequest('IMPORT_TOO_LARGE', 'Tệp quá lớn (tối đa 50 MB).', 'The file is too large (max 50 MB).');
        // ZIP signature: refuse non-workbooks before they reach the parser.
        if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50)
          throw errors.badRequest('IMPORT_NOT_XLSX', 'Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.', 'The file is not a valid Excel workbook (.xlsx).');
        const id = crypto.randomUUID();
        const run = importStaff(ctx.db, ctx.blobs, file, {
          fileName,
          actor: access.actor(),
          scopeUnitIds: access.unitsFor('staff.import'),
          today: localDateOf(ctx.now()),
          importId: id,
        });
        // Header problems are answered at once; a long import keeps running and is polled.
        const early = await Promise.race([run.then(() => 'done' as const), new Promise((r) => setTimeout(() => r('running'), 300))]).catch(
          (err: unknown) => err,
        );
        if (early instanceof Error) throw early;
        run.catch((err: unknown) => ctx.log.warn({ err, importId: id }, 'staff import failed'));
        return reply.status(202).send({ id });
      },
    );

    app.get(
      '/api/staff/imports/:id',
      {
        schema: {
          summary: 'Get the progress and outcome of a staff import run',
          tags: ['staff'],
          params: ZIdParams,
          response: { 200: ZStaffImport },
        },
      },
      async (req) => {
        const access = getAccess(req);
        access.require('staff.import');
        const r = await getStaffImport(ctx.db, req.params.id);
        if (!r || (r.requested_by !== access.principal.userId && !access.has('users.manage'))) throw errors.notFound('Import', 'lần nhập');
        return staffImportDto(r, importProgress.get(req.params.id));
      },
    );

    app.get(
      '/api/staff/imports/:id/report',
      {
        schema: {
          summary: 'Download the error report of a staff import (the rejected rows, .xlsx)',
          tags: ['staff'],
          params: ZIdParams,
          produces: [XLSX],
          response: { 200: ZBinary },
        },
        config: { servesBlob: 'owner' },
      },
      async (req, reply) => {
        const access = getAccess(req);
        access.require('staff.import');
        const r = await staffImportReport(ctx.db, req.params.id);
        if (!r || (r.requested_by !== access.principal.userId && !access.has('users.manage'))) throw errors.notFound('Import', 'lần nhập');
        if (!r.report_key) throw errors.notFound('Error report', 'báo cáo lỗi');
        // The report is owned by the user who ran the import; system administrators may read any.
        const blob = await openOwnedBlob(ctx, r.report_key, [BLOB_KINDS.staffImportReport], (owner) => {
          if (owner.createdBy !== `user:${access.principal.userId}` && !access.has('users.manage')) throw errors.notFound('Import', 'lần nhập');
        });
        return attachment(reply, `loi-nhap-can-bo-${req.params.id.slice(0, 8)}.xlsx`, await blob.buffer());
      },
    );

    app.get(
      '/api/staff/:id',
      {
        schema: {
          summary: 'Get a staff member with their unit history and linked user account',
          tags: ['staff'],
          params: ZIdParams,
          response: { 200: ZPersonDetail },
        },
      },
      async (req) => {
        const access = getAccess(req);
        const p = await getPerson(ctx.db, req.params.id);
        if (!p) throw errors.notFound('Staff member', 'cán bộ');
        access.requireSelfOrUnit('staff.read', p.id, p.unit_id);
        const account = await accountOfPerson(ctx.db, p.id);
        const history = await personHistory(ctx.db, p.id);
        return {
          ...staffDto(p),
          history: history.map(personAssignmentDto),
          account: account ? { userId: account.id, username: account.username } : null,
        };
      },
    );

    app.post(
      '/api/staff',
      { schema: { summary: 'Create a staff record', tags: ['staff'], body: ZPersonBody, response: { 201: ZPerson } } },
      async (req, reply) => {
        const access = getAccess(req);
        access.requireInUnit('staff.manage', req.body.unitId);
        const p = await createPerson(ctx.db, req.body, access.actor(), localDateOf(ctx.now()));
        return reply.status(201).send(staffDto(p));
      },
    );

    app.patch(
      '/api/staff/:id',
      {
        schema: {
          summary: 'Change a staff record (version must match; use transfer to change the unit)',
          tags: ['staff'],
          params: ZIdParams,
          body: ZPersonBody.omit({ unitId: true }).partial().extend({ version: z.number().int() }),
          response: { 200: ZPerson },
        },
      },
      async (req) => {
        const access = getAccess(req);
        const p = await getPerson(ctx.db, req.params.id);
        if (!p) throw errors.notFound('Staff member', 'cán bộ');
        access.requireInUnit('staff.manage', p.unit_id);
        return staffDto(await updatePerson(ctx.db, p.id, req.body, access.actor()));
      },
    );

    app.post(
      '/api/staff/:id/transfer',
      {
        schema: {
          summary: 'Transfer a staff member to another unit from a date',
          tags: ['staff'],
          params: ZIdParams,
          body: z.strictObject({
            unitId: z.uuid(),
            positionTitle: ZText(120).nullish(),
            assignmentKind: z.enum(ASSIGNMENT_KINDS),
            effectiveDate: ZDate,
            legalBasis: ZText(200).nullish(),
          }),
          response: { 200: ZPerson },
        },
      },
      async (req) => {
        const access = getAccess(req);
        const p = await getPerson(ctx.db, req.params.id);
        if (!p) throw errors.notFound('Staff member', 'cán bộ');
        access.requireInUnit('staff.manage', p.unit_id);
        access.requireInUnit('staff.manage', req.body.unitId);
        return staffDto(await transferPerson(ctx.db, p.id, req.body, access.actor()));
      },
    );
  });
}
