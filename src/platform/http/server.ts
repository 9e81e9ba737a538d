import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Duplex } from 'node:stream';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import type { Logger } from '../observability/logger';
import { swaggerOptions } from './openapi';

export interface HttpOptions {
  log: Logger;
  bodyLimit: number;
  /**
   * The server is reached over HTTPS (KC_SECURE_COOKIES=true): only then may it send HSTS and ask browsers to
   * upgrade sub-requests, which on a plain-HTTP install would lock browsers out of it.
   */
  httpsOnly?: boolean;
  /** Answers unknown GET paths outside /api (the single-page app's client-side routes); return false to 404. */
  spaFallback?: (req: FastifyRequest, reply: FastifyReply) => boolean;
}

interface ErrorBody {
  code: string;
  message_vi: string;
  message_en: string;
  details?: unknown;
  correlation_id?: string;
}

/** Fastify's own client-error codes, mapped to our bilingual messages. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; vi: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_JSON',
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    vi: 'Kiểu nội dung không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'EMPTY_BODY',
    vi: 'Yêu cầu thiếu nội dung JSON.',
    en: 'The request body is empty.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_CONTENT_LENGTH',
    vi: 'Độ dài nội dung không khớp.',
    en: 'Content length does not match the body.',
  },
};

/** Errors Fastify answers before any route runs (bad percent-encoding in the URL, …), in our format. */
const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; vi: string; en: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', vi: 'Đường dẫn không hợp lệ.', en: 'The URL is not valid.' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URL_TOO_LONG', vi: 'Đường dẫn quá dài.', en: 'The URL is too long.' },
};

function answerFrameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const known = FRAMEWORK_ERRORS[err.code];
  if (known) {
    void reply.status(known.status).send({ code: known.code, message_vi: known.vi, message_en: known.en });
    return;
  }
  req.log.error({ err }, 'framework error');
  void reply.status(500).send({
    code: 'INTERNAL_ERROR',
    message_vi: 'Lỗi hệ thống. Hãy báo cho quản trị viên kèm mã tra cứu.',
    message_en: 'Internal error. Report it to the administrator with the correlation id.',
    correlation_id: req.id,
  });
}

/** What Node's HTTP parser refuses before Fastify sees a request (header overflow, timeout, garbage). */
const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; vi: string; en: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'HEADERS_TOO_LARGE',
    vi: 'Phần đầu (header) của yêu cầu quá lớn.',
    en: 'The request headers are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'REQUEST_TIMEOUT', vi: 'Yêu cầu gửi quá chậm.', en: 'The request took too long to arrive.' },
};
const CLIENT_ERROR_DEFAULT = { status: 400, reason: 'Bad Request', code: 'MALFORMED_REQUEST', vi: 'Yêu cầu HTTP không hợp lệ.', en: 'The HTTP request is malformed.' };

/** Writes a bilingual answer on the raw socket, as Node would write its bare one, then closes it. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const known = (err.code && CLIENT_ERRORS[err.code]) || CLIENT_ERROR_DEFAULT;
  if (socket.writable) {
    const body = JSON.stringify({ code: known.code, message_vi: known.vi, message_en: known.en });
    socket.write(
      `HTTP/1.1 ${known.status} ${known.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export function errorBody(err: AppError): ErrorBody {
  return { code: err.code, message_vi: err.messageVi, message_en: err.messageEn, details: err.details };
}

/**
 * The HTTP shell: zod validation on every route, the bilingual error format, security headers, cookies, the
 * OpenAPI document at /api/docs and a correlation id on every response.
 */
export async function createHttpServer(opts: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: opts.log,
    bodyLimit: opts.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-correlation-id'];
      return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onSend', async (req, reply) => {
    reply.header('x-correlation-id', req.id);
  });

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return reply.status(err.status).send(errorBody(err));
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message_vi: 'Dữ liệu gửi lên không hợp lệ.',
        message_en: 'The request data is invalid.',
        details: err.validation.map((v) => ({
          where: err.validationContext,
          path: v.instancePath,
          problem: v.message,
          keyword: v.keyword,
        })),
      });
    }
    const code = (err as { code?: string }).code;
    const known = code ? FASTIFY_ERRORS[code] : undefined;
    if (known) return reply.status(known.status).send({ code: known.code, message_vi: known.vi, message_en: known.en });
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 429)
      return reply.status(429).send({
        code: 'TOO_MANY_REQUESTS',
        message_vi: 'Bạn đã thử quá nhiều lần. Vui lòng đợi rồi thử lại.',
        message_en: 'Too many attempts. Please wait and try again.',
      });
    if (status && status >= 400 && status < 500 && !isResponseSerializationError(err))
      return reply.status(status).send({ code: code ?? 'BAD_REQUEST', message_vi: 'Yêu cầu không hợp lệ.', message_en: (err as Error).message });
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({
      code: 'INTERNAL_ERROR',
      message_vi: 'Lỗi hệ thống. Hãy báo cho quản trị viên kèm mã tra cứu.',
      message_en: 'Internal error. Report it to the administrator with the correlation id.',
      correlation_id: req.id,
    });
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && opts.spaFallback?.(req, reply)) return;
    reply.status(404).send({
      code: 'ROUTE_NOT_FOUND',
      message_vi: 'Không tìm thấy đường dẫn này.',
      message_en: 'No such route.',
      details: { method: req.method, url: req.url.split('?')[0] },
    });
  });

  await app.register(cookie);
  await app.register(helmet, {
    // HSTS and upgrade-insecure-requests only behind HTTPS: on a plain-HTTP LAN install they make browsers refuse
    // the server (HSTS) or fetch its assets over an https:// that does not exist.
    strictTransportSecurity: opts.httpsOnly ? undefined : false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: opts.httpsOnly ? [] : null,
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, swaggerOptions('0.1.0'));
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // Our pino logger type is richer than Fastify's base logger type; the instance is the same.
  return app as unknown as FastifyInstance;
}
