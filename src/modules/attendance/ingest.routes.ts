import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { loadOrgTree } from '../org';
import { ZJpegBody, ZPunchBatchResult, ZPunchEvidenceUpload } from './ingest.dto';
import { MAX_EVIDENCE_BYTES, storeDeviceEvidence } from './punch-evidence';
import { type BatchOutcome, ingestOne } from './punches.service';
import { deviceOf, requireDevice } from './source-auth';

/** Devices send what they buffered in batches; each item is its own transaction, so a batch stays short. */
export const MAX_BATCH_ITEMS = 500;

/**
 * What a device may say about a punch. Not here, on purpose: `receivedAt` (always the server's clock), `sourceKind`
 * (the registered source's), `evidence.snapshotKey` (keys are made by the server; a device uploads its image first
 * and references the upload's `evidenceId`). `source` may be omitted; when given it must be the device's own.
 */
const deviceItemSchema = z.strictObject({
  source: z.string().max(100).optional(),
  sourceEventId: z.string(),
  personId: z.string(),
  at: z.string(),
  deviceTime: z.string().nullish(),
  direction: z.enum(['IN', 'OUT']).nullish(),
  confidence: z.number().min(0).max(1).nullish(),
  evidenceId: z.uuid().nullish(),
});

const SERVER_ONLY_FIELDS = new Set(['receivedAt', 'sourceKind', 'evidence', 'confirmedBy']);

function rejectedItem(issues: z.core.$ZodIssue[]): BatchOutcome {
  const details = issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: k, problem: SERVER_ONLY_FIELDS.has(k) ? 'set by the server, never by a device' : 'unknown field' }))
      : [{ path: i.path.join('.'), problem: i.message }],
  );
  return { status: 'REJECTED', code: 'PUNCH_INVALID', message_vi: 'Dữ liệu lượt chấm công không hợp lệ.', message_en: 'The punch data is invalid.', details };
}

/**
 * The device endpoints (bearer token of a punch source, no session, so no CSRF).
 *
 * Why signed-in users cannot post here at all (F2): everything a person may legitimately add is a manual punch
 * (`POST /api/attendance/punches/manual`: a reason, never for oneself, audited with the approver). Letting a
 * session post "device" batches, even with checks, would be a second manual-punch path that has to repeat every one
 * of those rules; refusing it leaves one path to guard.
 */
export async function ingestRoutes(root: FastifyInstance, ctx: AppContext) {
  await root.register(async (scoped) => {
    scoped.addContentTypeParser('image/jpeg', { parseAs: 'buffer', bodyLimit: MAX_EVIDENCE_BYTES }, (_req, body, done) => done(null, body));
    const app = scoped.withTypeProvider<ZodTypeProvider>();
    const onRequest = requireDevice(ctx.db);

    // Each item gets ACCEPTED / DUPLICATE / REJECTED (code + bilingual message) and is committed on its own: a poison
    // item never fails the batch (F9). Only a malformed envelope is a 4xx; a database outage fails the request so the
    // device retries (committed items then come back as DUPLICATE).
    app.post(
      '/api/attendance/punches/ingest',
      {
        onRequest,
        schema: {
          summary: 'Send a batch of punches (device token); each item is accepted, a duplicate, or rejected on its own',
          tags: ['attendance'],
          body: z.strictObject({ items: z.array(z.unknown()).min(1).max(MAX_BATCH_ITEMS) }),
          response: { 200: ZPunchBatchResult },
        },
      },
      async (req) => {
        const device = deviceOf(req);
        const scopeUnits = (await loadOrgTree(ctx.db)).scopeOf(device.unitId);
        const results: BatchOutcome[] = [];
        for (const raw of req.body.items) {
          const parsed = deviceItemSchema.safeParse(raw);
          if (!parsed.success) {
            results.push(rejectedItem(parsed.error.issues));
            continue;
          }
          const { evidenceId, source, ...item } = parsed.data;
          results.push(
            await ingestOne(ctx.db, { ...item, source: source ?? device.id }, { now: ctx.now(), origin: { kind: 'device', source: device, scopeUnits, evidenceId } }),
          );
        }
        const count = (s: BatchOutcome['status']) => results.filter((r) => r.status === s).length;
        return { results, accepted: count('ACCEPTED'), duplicates: count('DUPLICATE'), rejected: count('REJECTED') };
      },
    );

    // A device's evidence image (raw image/jpeg body): stored under a server-made key owned by the source's unit; the
    // answer's evidenceId goes into the item (`evidenceId`) of the punch it shows.
    app.post(
      '/api/attendance/punches/evidence',
      {
        onRequest,
        bodyLimit: MAX_EVIDENCE_BYTES,
        schema: {
          summary: 'Upload the evidence image of a punch (device token, raw image/jpeg body)',
          tags: ['attendance'],
          consumes: ['image/jpeg'],
          body: ZJpegBody,
          response: { 201: ZPunchEvidenceUpload },
        },
      },
      async (req, reply) => {
        const device = deviceOf(req);
        if (!Buffer.isBuffer(req.body))
          throw errors.badRequest('EVIDENCE_INVALID', 'Ảnh bằng chứng phải gửi dưới dạng image/jpeg.', 'Send the evidence as an image/jpeg body.');
        const stored = await storeDeviceEvidence({ db: ctx.db, blobs: ctx.blobs, now: () => ctx.now() }, device, req.body);
        return reply.status(201).send(stored);
      },
    );
  });
}
