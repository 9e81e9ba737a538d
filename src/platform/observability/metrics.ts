import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import client from 'prom-client';
import { z } from 'zod';

/** Prometheus metrics: process defaults plus request counts and latencies by route and status. */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'kycuong_' });

const httpDuration = new client.Histogram({
  name: 'kycuong_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export interface MetricsAccess {
  /** KC_METRICS_TOKEN: when set, /metrics wants `Authorization: Bearer <token>` from every client. */
  token?: string | undefined;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may scrape: with a token, whoever presents it; without one, only this machine (a scraper on the same host or
 * through an SSH tunnel). Metrics name routes, versions and load: not for the whole network.
 */
function refusal(req: FastifyRequest, access: MetricsAccess): { status: number; code: string; vi: string; en: string } | undefined {
  if (access.token) {
    const given = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const a = createHash('sha256').update(given).digest();
    const b = createHash('sha256').update(access.token).digest();
    if (given && timingSafeEqual(a, b)) return undefined;
    return { status: 401, code: 'METRICS_TOKEN_REQUIRED', vi: 'Cần mã truy cập (Bearer) để đọc số liệu giám sát.', en: 'Reading metrics needs the bearer token.' };
  }
  // trustProxy is off, so this is the socket's address, not a header a client could forge.
  if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return undefined;
  return {
    status: 403,
    code: 'METRICS_LOCAL_ONLY',
    vi: 'Số liệu giám sát chỉ đọc được từ chính máy chủ (hoặc đặt KC_METRICS_TOKEN).',
    en: 'Metrics can only be read from the server itself (or set KC_METRICS_TOKEN).',
  };
}

export function installMetrics(app: FastifyInstance, access: MetricsAccess = {}): void {
  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  // Typed as a plain FastifySchema: the refusals below answer 401/403 bodies of the central error format.
  const metricsSchema: FastifySchema = {
    hide: true,
    summary: 'Read the Prometheus metrics (bearer token, or from the server itself)',
    tags: ['system'],
    produces: ['text/plain'],
    response: { 200: z.string().describe('Prometheus text exposition format') },
  };
  app.get('/metrics', { schema: metricsSchema }, async (req, reply) => {
    const refused = refusal(req, access);
    if (refused) {
      if (refused.status === 401) reply.header('www-authenticate', 'Bearer');
      return reply.status(refused.status).send({ code: refused.code, message_vi: refused.vi, message_en: refused.en });
    }
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
