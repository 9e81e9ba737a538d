import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE, ERROR_CODES, errorCodeTable } from '../errors.catalogue';
import type { MultipartField } from './schemas';

/**
 * The OpenAPI document at /api/docs/json: zod schemas become named components (`.meta({ id })`), multipart uploads
 * get their `multipart/form-data` body from the route's `config.multipartDoc`, and every operation lists the error
 * responses it can give, all with one `ErrorResponse` body whose `code` is the documented catalogue.
 */

type JsonObject = Record<string, unknown>;
type TransformInput = Parameters<ReturnType<typeof createJsonSchemaTransform>>[0];
type TransformOutput = ReturnType<ReturnType<typeof createJsonSchemaTransform>>;

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponse' };

/** The error responses an operation may list, by status: a reusable component each. */
const ERROR_RESPONSES: Record<string, { name: string; vi: string; en: string }> = {
  '400': { name: 'BadRequest', vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is invalid (VALIDATION_FAILED or a rule of the operation)' },
  '401': { name: 'Unauthenticated', vi: 'Chưa đăng nhập hoặc phiên hết hạn', en: 'Not signed in, or the session expired (UNAUTHENTICATED)' },
  '403': { name: 'Forbidden', vi: 'Không có quyền, ngoài phạm vi hoặc sai mã CSRF', en: 'Missing permission, out of scope, or a bad CSRF token' },
  '404': { name: 'NotFound', vi: 'Không tìm thấy bản ghi', en: 'A record the request names does not exist (NOT_FOUND)' },
  '409': { name: 'Conflict', vi: 'Xung đột với trạng thái hiện tại', en: 'Conflicts with the current state (taken codes, stale versions, closed records)' },
  '413': { name: 'PayloadTooLarge', vi: 'Nội dung gửi lên quá lớn', en: 'The body or an uploaded file is too large' },
  '429': { name: 'TooManyRequests', vi: 'Quá nhiều yêu cầu trong thời gian ngắn', en: 'Too many requests in a short time' },
  '500': { name: 'InternalError', vi: 'Lỗi hệ thống (kèm correlation_id)', en: 'Internal error (with a correlation_id)' },
  '503': { name: 'Unavailable', vi: 'Máy chủ hoặc cơ sở dữ liệu tạm thời không sẵn sàng', en: 'The server or its database is temporarily unavailable; retry' },
  default: { name: 'OtherError', vi: 'Lỗi khác (xem ErrorResponse.code)', en: 'Another error (see ErrorResponse.code)' },
};

/** Routes anyone may call without a session. */
const PUBLIC_ROUTES = new Set(['GET /api/health']);
const SIGN_IN_ROUTES = new Set(['POST /api/auth/login']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Marks the statuses an operation's error responses get; turned into `$ref`s once the document is built. */
const ERRORS_MARK = 'x-kc-error-statuses';

function errorStatusesFor(method: string, url: string, config: JsonObject | undefined): string[] {
  const key = `${method} ${url}`;
  const statuses = ['400'];
  if (!PUBLIC_ROUTES.has(key)) statuses.push('401');
  if (!PUBLIC_ROUTES.has(key) && !SIGN_IN_ROUTES.has(key)) statuses.push('403');
  if (!SIGN_IN_ROUTES.has(key) && (url.includes(':') || WRITES.has(method))) statuses.push('404');
  if (!SIGN_IN_ROUTES.has(key) && WRITES.has(method)) statuses.push('409');
  if (WITH_BODY.has(method)) statuses.push('413');
  if (config?.rateLimit) statuses.push('429');
  statuses.push('500', '503', 'default');
  return statuses;
}

function multipartRequestBody(fields: Record<string, MultipartField>): JsonObject {
  const properties: Record<string, JsonObject> = {};
  for (const [name, field] of Object.entries(fields)) {
    const binary = { type: 'string', format: 'binary' };
    properties[name] =
      field.type === 'files'
        ? { type: 'array', items: binary, description: field.description }
        : field.type === 'file'
          ? { ...binary, description: field.description }
          : { type: 'string', description: field.description };
  }
  const required = Object.entries(fields)
    .filter(([, f]) => f.required)
    .map(([name]) => name);
  return { content: { 'multipart/form-data': { schema: { type: 'object', properties, ...(required.length ? { required } : {}) } } } };
}

const zodTransform = createJsonSchemaTransform({});

/** Per route: zod → JSON schema, then the multipart body and the error statuses the route can answer with. */
export function documentRoute(input: TransformInput): TransformOutput {
  // Only the API is documented: the web app's pages and files (and its placeholder before a build) are not part of it.
  if (!input.url.startsWith('/api/')) return { schema: { hide: true }, url: input.url } as TransformOutput;
  const out = zodTransform(input);
  const schema = (out.schema ?? {}) as JsonObject;
  if (schema.hide) return out;
  out.schema = schema as TransformOutput['schema'];
  const route = (input as { route?: { method?: string | string[]; config?: JsonObject } }).route;
  const config = route?.config;
  const multipart = config?.multipartDoc as Record<string, MultipartField> | undefined;
  if (multipart) schema.body = multipartRequestBody(multipart);
  const method = Array.isArray(route?.method) ? (route?.method[0] ?? 'GET') : (route?.method ?? 'GET');
  schema[ERRORS_MARK] = errorStatusesFor(method, input.url, config);
  return out;
}

const SUCCESS_TEXT: Record<string, string> = { '200': 'OK', '201': 'Created', '202': 'Accepted', '204': 'No content' };

function errorResponseComponent(): JsonObject {
  return {
    type: 'object',
    description:
      'Mọi lỗi đều có dạng này: mã ổn định và thông báo bằng tiếng Việt và tiếng Anh. / Every error has this shape: a stable code and a message in Vietnamese and English.',
    required: ['code', 'message_vi', 'message_en'],
    properties: {
      code: { type: 'string', enum: ERROR_CODES, description: `Mã lỗi / Error code.\n\n${errorCodeTable()}` },
      message_vi: { type: 'string', description: 'Thông báo cho người dùng (tiếng Việt).' },
      message_en: { type: 'string', description: 'The message for the user (English).' },
      details: { description: 'Optional structured details (validation problems, limits, the field at fault).' },
      correlation_id: { type: 'string', description: 'Sent with INTERNAL_ERROR: quote it to the administrator.' },
    },
    'x-error-codes': ERROR_CATALOGUE,
  };
}

/**
 * A success response as a client reads it: a status text instead of "Default Response", no body for 204 (the zod
 * `z.null()` would read as a JSON null), and file bytes (ZBinary) as application/octet-stream rather than JSON.
 */
function tidySuccess(status: string, response: JsonObject): void {
  if (response.description === 'Default Response' && SUCCESS_TEXT[status]) response.description = SUCCESS_TEXT[status];
  if (status === '204') delete response.content;
  const json = (response.content as Record<string, { schema?: JsonObject }> | undefined)?.['application/json'];
  if (json?.schema?.format === 'binary') response.content = { 'application/octet-stream': json };
}

/** The whole document: zod components, the ErrorResponse component, error responses by reference. */
export function documentObject(input: Parameters<typeof jsonSchemaTransformObject>[0]): ReturnType<typeof jsonSchemaTransformObject> {
  const doc = jsonSchemaTransformObject(input) as JsonObject & { paths?: Record<string, Record<string, JsonObject>>; components?: JsonObject };
  const components = (doc.components ?? {}) as JsonObject & { schemas?: JsonObject; responses?: JsonObject };
  components.schemas = { ...components.schemas, ErrorResponse: errorResponseComponent() };
  const responses: JsonObject = { ...components.responses };
  for (const { name, vi, en } of Object.values(ERROR_RESPONSES))
    responses[name] = { description: `${vi} / ${en}`, content: { 'application/json': { schema: ERROR_REF } } };
  components.responses = responses;
  doc.components = components;
  for (const operations of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const opResponses = operation.responses as Record<string, JsonObject>;
      for (const [status, response] of Object.entries(opResponses)) tidySuccess(status, response);
      const statuses = (operation[ERRORS_MARK] as string[] | undefined) ?? [];
      delete operation[ERRORS_MARK];
      for (const status of statuses) {
        const component = ERROR_RESPONSES[status];
        if (component && !opResponses[status]) opResponses[status] = { $ref: `#/components/responses/${component.name}` };
      }
    }
  }
  components.schemas = onlyReferenced(components.schemas, { paths: doc.paths, responses: components.responses });
  return doc as ReturnType<typeof jsonSchemaTransformObject>;
}

/**
 * The zod provider emits an input and an output variant of every named schema, used or not; the document keeps the
 * ones some operation reaches (directly or through another component), so generated client types stay readable.
 */
function onlyReferenced(schemas: JsonObject, roots: JsonObject): JsonObject {
  const kept = new Set<string>(['ErrorResponse']);
  const pending: unknown[] = [roots];
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
          const name = value.slice('#/components/schemas/'.length);
          if (!kept.has(name) && name in schemas) {
            kept.add(name);
            pending.push(schemas[name]);
          }
        } else pending.push(value);
      }
    }
  }
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => kept.has(name)));
}

/** Tags used by the routes, each with what it covers. */
export const API_TAGS: { name: string; description: string }[] = [
  { name: 'system', description: 'Tình trạng máy chủ. / Server health.' },
  { name: 'auth', description: 'Đăng nhập, phiên, mật khẩu. / Sign-in, session, password.' },
  { name: 'users', description: 'Tài khoản và vai trò theo đơn vị. / Accounts and roles per unit.' },
  { name: 'audit', description: 'Nhật ký kiểm toán có chuỗi băm. / Hash-chained audit log.' },
  { name: 'org', description: 'Cơ cấu tổ chức và sắp xếp đơn vị. / Organisation units and reorganisations.' },
  { name: 'staff', description: 'Hồ sơ cán bộ, nhập từ Excel. / Staff records, Excel import.' },
  { name: 'competence', description: 'Thẩm quyền: ai quyết định việc của ai (theo thời gian), chức vụ lãnh đạo, ủy quyền. / Competence: who decides whose matters (dated), leadership posts, delegations.' },
  { name: 'notifications', description: 'Thông báo cho người dùng. / Notifications for users.' },
  { name: 'calendar', description: 'Lịch làm việc, ngày nghỉ, phân ca. / Work calendar, holidays, rosters.' },
  { name: 'cameras', description: 'Camera, xem trực tiếp, quyền xem, tìm ONVIF. / Cameras, live view, viewing grants, ONVIF discovery.' },
  { name: 'recording', description: 'Ghi hình, dòng thời gian, xem lại. / Recording, timeline, playback.' },
  { name: 'evidence', description: 'Trích xuất đoạn phim làm bằng chứng, giữ pháp lý. / Evidence exports, legal holds.' },
  { name: 'incidents', description: 'Sự cố camera và ghi hình. / Camera and recording incidents.' },
  { name: 'recognition', description: 'Nhận diện khuôn mặt: đồng ý, đăng ký, xem xét. / Face recognition: consent, enrollment, review.' },
  { name: 'attendance', description: 'Chấm công: thiết bị, lượt chấm, bảng công, đơn từ. / Attendance: devices, punches, timesheets, requests.' },
  { name: 'rules', description: 'Quy định kỷ luật theo đơn vị. / Discipline rules per unit.' },
  { name: 'violations', description: 'Vi phạm kỷ luật. / Discipline violations.' },
  { name: 'workflow', description: 'Xử lý vi phạm: giải trình, chuyển xử lý, kỷ luật. / Case handling: explanations, escalation, discipline.' },
  { name: 'discipline', description: 'Xử lý kỷ luật theo NĐ 172/2025: họp kiểm điểm, Hội đồng kỷ luật, quyết định, hậu quả pháp lý. / Discipline procedure under Decree 172/2025: review meeting, disciplinary council, decision, legal consequences.' },
  { name: 'inspections', description: 'Kiểm tra công vụ: kế hoạch, đoàn kiểm tra, bảng kiểm tra, biên bản, kết luận, khắc phục, thống kê. / Public-service inspections: plans, teams, checklists, minutes, conclusions, remediation, statistics.' },
  { name: 'reports', description: 'Báo cáo và bảng tổng hợp. / Reports and dashboards.' },
];

export const API_DESCRIPTION = [
  'API của Kỷ Cương — quản lý kỷ luật, kỷ cương hành chính trong cơ quan nhà nước: cơ cấu tổ chức, cán bộ, chấm công, camera, nhận diện khuôn mặt và xử lý vi phạm.',
  'Xác thực bằng cookie phiên `kc_session` (POST /api/auth/login); mọi yêu cầu ghi phải gửi header `X-CSRF-Token` nhận được khi đăng nhập. Thiết bị chấm công dùng mã riêng (Authorization: Bearer).',
  'Lỗi luôn có dạng `ErrorResponse` `{code, message_vi, message_en, details?}`; bảng mã lỗi nằm ở mô tả của `ErrorResponse.code`.',
  '',
  'Kỷ Cương API — work discipline for Vietnamese public agencies: organisation, staff, attendance, cameras, face recognition and violation handling.',
  'Authentication is the `kc_session` cookie (POST /api/auth/login); every write sends the `X-CSRF-Token` header received at sign-in. Punch devices use their own token (Authorization: Bearer).',
  'Errors always have the `ErrorResponse` shape `{code, message_vi, message_en, details?}`; the table of codes is in the description of `ErrorResponse.code`.',
].join('\n');

/** Options for @fastify/swagger. */
export function swaggerOptions(version: string): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      info: { title: 'Kỷ Cương API', version, description: API_DESCRIPTION },
      tags: API_TAGS,
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kc_session' } } },
      security: [{ session: [] }],
    },
    transform: documentRoute as FastifyDynamicSwaggerOptions['transform'],
    transformObject: documentObject as FastifyDynamicSwaggerOptions['transformObject'],
  };
}
