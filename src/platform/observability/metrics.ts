import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import client from 'prom-client';
import { z } from 'zod';
import type { GateStats } from './gate-stats';

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

/** One camera's gate figures as /metrics exports them (the recognition module's GateStats plus frame queue drops). */
export type GateCameraMetrics = Omit<GateStats, 'since'> & { cameraId: string; droppedByQueue: number };

/** Set by the recognition module while it runs (issue 14); read at each scrape, so the figures are never stale. */
let gateSource: (() => GateCameraMetrics[]) | undefined;

type GateValues = (s: GateCameraMetrics) => Array<[Record<string, string>, number | null]>;

/**
 * One per-camera gate metric, filled at each scrape from the pipelines' figures (reset first, so a camera whose
 * pipeline stopped disappears). Counters and gauges differ only in how a value is written: a counter is set to the
 * pipeline's running total by incrementing from zero (prom-client counters have no set); a null value (no latency yet,
 * no frame yet) is left out rather than exported as 0.
 */
function gateMetric(kind: 'counter' | 'gauge', name: string, help: string, labelNames: string[], values: GateValues): void {
  const fill = (write: (labels: Record<string, string>, v: number) => void) => {
    for (const s of gateSource?.() ?? []) for (const [labels, v] of values(s)) if (v !== null) write({ camera: s.cameraId, ...labels }, v);
  };
  const config = { name, help, labelNames: ['camera', ...labelNames], registers: [registry] };
  if (kind === 'counter')
    new client.Counter({
      ...config,
      collect() {
        this.reset();
        fill((l, v) => this.inc(l, v));
      },
    });
  else
    new client.Gauge({
      ...config,
      collect() {
        this.reset();
        fill((l, v) => this.set(l, v));
      },
    });
}

gateMetric('counter', 'kycuong_gate_frames_total', 'Gate frames by what became of them (received, analysed, skipped_no_motion, dropped_lag, dropped_queue, out_of_order, duplicate)', ['outcome'], (s) => [
  [{ outcome: 'received' }, s.frames],
  [{ outcome: 'analysed' }, s.analysed],
  [{ outcome: 'skipped_no_motion' }, s.skippedNoMotion],
  [{ outcome: 'dropped_lag' }, s.dropped - s.droppedByQueue],
  [{ outcome: 'dropped_queue' }, s.droppedByQueue],
  [{ outcome: 'out_of_order' }, s.outOfOrder],
  [{ outcome: 'duplicate' }, s.duplicates],
]);
gateMetric('counter', 'kycuong_gate_faces_total', 'Faces detected in gate frames', [], (s) => [[{}, s.faces]]);
gateMetric('counter', 'kycuong_gate_passes_total', 'Gate passes decided, by verdict', ['verdict'], (s) => [
  [{ verdict: 'AUTO' }, s.sightings.AUTO],
  [{ verdict: 'REVIEW' }, s.sightings.REVIEW],
  [{ verdict: 'UNKNOWN' }, s.sightings.UNKNOWN],
]);
gateMetric('counter', 'kycuong_gate_fragments_merged_total', 'Track fragments merged back into an earlier pass', [], (s) => [[{}, s.merged]]);
gateMetric('counter', 'kycuong_gate_debounced_total', 'Repeat passes of the same person within the debounce window (no second punch)', [], (s) => [[{}, s.debounced]]);
gateMetric('gauge', 'kycuong_gate_decision_latency_ms', 'Face first seen to verdict stored, over the last passes', ['quantile'], (s) => [
  [{ quantile: '0.5' }, s.latencyMs.p50],
  [{ quantile: '0.95' }, s.latencyMs.p95],
]);
gateMetric('gauge', 'kycuong_gate_observed_fps', 'Frame rate seen by the gate over the last seconds', [], (s) => [[{}, s.observedFps]]);
gateMetric('gauge', 'kycuong_gate_last_frame_timestamp_seconds', 'Camera time of the last gate frame', [], (s) => [[{}, s.lastFrameAt ? Date.parse(s.lastFrameAt) / 1000 : null]]);

/** The recognition module registers its pipelines' figures; the returned function removes them (module stop). */
export function setGateMetricsSource(source: () => GateCameraMetrics[]): () => void {
  gateSource = source;
  return () => {
    if (gateSource === source) gateSource = undefined;
  };
}
