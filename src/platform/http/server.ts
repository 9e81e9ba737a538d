import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { AppError } from '../errors';
import type { Logger } from '../observability/logger';

export interface HttpOptions {
  log: Logger;
  bodyLimit: number;
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
    contentSecurityPolicy: {
      directives: {
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
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Kỷ Cương API',
        version: '0.1.0',
        description: 'Kỷ luật, kỷ cương hành chính — API. Errors: {code, message_vi, message_en, details}.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kc_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // Our pino logger type is richer than Fastify's base logger type; the instance is the same.
  return app as unknown as FastifyInstance;
}
