import { z } from 'zod';
import { ZBinary, ZBoolString, ZInstant, ZPage, ZPageOf } from '../../platform/http/schemas';

/**
 * Request and response contract of the gate-pass, gate-statistics and bulk-review routes (passes.routes.ts, issue 14).
 * Every field the handlers return is listed: the serializer drops anything missing here.
 */

const ZId = z.guid();

/** LIVENESS = the liveness doubts: passes held for review because the liveness signal was low (REVIEW + LOW_LIVENESS). */
export const PASS_VERDICT_FILTERS = ['AUTO', 'REVIEW', 'UNKNOWN', 'LIVENESS'] as const;
export const PASS_SORTS = ['seenAt', 'score', 'latency', 'frames'] as const;

/** Query strings stay unnamed: @fastify/swagger cannot expand a referenced (named) schema into parameters. */
export const ZGatePassQuery = z
  .strictObject({
    cameraId: z.uuid().optional(),
    verdict: z.enum(PASS_VERDICT_FILTERS).optional().describe('AUTO, REVIEW, UNKNOWN, or LIVENESS (review for a low liveness signal)'),
    masked: ZBoolString.optional(),
    from: ZInstant.optional().describe('First seen at or after this instant'),
    to: ZInstant.optional().describe('First seen before this instant'),
    personId: z.uuid().optional().describe('The person the pass was matched or confirmed to'),
    sort: z.enum(PASS_SORTS).default('seenAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    ...ZPage,
  });
export type GatePassQuery = z.output<typeof ZGatePassQuery>;

export const ZGatePass = z
  .object({
    id: ZId.describe('The sighting (one gate pass)'),
    cameraId: ZId,
    cameraName: z.string().nullable().describe('Null when the camera was deleted since'),
    unitId: ZId,
    seenAt: z.date().describe('When the face was first seen in this pass (the punch time)'),
    verdict: z.enum(['AUTO', 'REVIEW', 'UNKNOWN']),
    reviewReason: z.string().nullable().describe('Why the pass went to review (LOW_CONFIDENCE, MASKED_AMBIGUOUS, LOW_LIVENESS, …)'),
    reviewStatus: z.enum(['PENDING', 'CONFIRMED', 'REJECTED']).nullable(),
    personId: ZId.nullable().describe('Matched automatically or confirmed by a reviewer'),
    personName: z.string().nullable(),
    employeeCode: z.string().nullable(),
    score: z.number().nullable().describe('Similarity of the top candidate'),
    masked: z.boolean(),
    liveness: z.number().nullable().describe('Heuristic liveness signal (not certified anti-spoofing)'),
    frames: z.number().int(),
    fragments: z.number().int().describe('Track fragments merged into this pass (1 = never split)'),
    decisionLatencyMs: z.number().int().nullable().describe('First seen → verdict stored'),
    hasSnapshot: z.boolean(),
    punchId: z.string().nullable(),
    reviewedBy: z.string().nullable().describe('Name of the reviewer who confirmed or rejected it'),
  })
  .meta({ id: 'GatePass' });
export type GatePass = z.output<typeof ZGatePass>;

export const ZGatePassPage = ZPageOf(ZGatePass).meta({ id: 'GatePassPage' });

export const ZGateStatsQuery = z
  .strictObject({ hours: z.coerce.number().int().min(1).max(24 * 31).default(24).describe('Window of the database figures, in hours up to now') });

const ZCount = z.number().int();

/** What the running pipeline counted since it started (memory; reset by a restart). */
export const ZGateRuntimeStats = z
  .object({
    frames: ZCount,
    analysed: ZCount,
    skippedNoMotion: ZCount,
    dropped: ZCount.describe('Dropped by the pipeline (lag) plus the frame queue drops (slow pipeline)'),
    droppedByQueue: ZCount.describe('Of which dropped by the camera frame queue before reaching the pipeline'),
    outOfOrder: ZCount,
    duplicates: ZCount,
    faces: ZCount,
    passes: ZCount,
    merged: ZCount,
    debounced: ZCount,
    sightings: z.object({ AUTO: ZCount, REVIEW: ZCount, UNKNOWN: ZCount }),
    latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), samples: ZCount }),
    lastFrameAt: z.string().nullable(),
    observedFps: z.number().nullable(),
    since: z.string(),
  })
  .meta({ id: 'GateRuntimeStats' });

/** What the database holds for the window. */
export const ZGateWindowStats = z
  .object({
    passes: ZCount,
    auto: ZCount,
    review: ZCount,
    unknown: ZCount,
    livenessDoubts: ZCount.describe('Review for a low liveness signal'),
    pendingReview: ZCount,
    fragmentsMerged: ZCount.describe('Extra track fragments merged back into passes'),
    autoRate: z.number().nullable().describe('auto / passes (null without passes)'),
    reviewRate: z.number().nullable(),
    latencyP50Ms: z.number().nullable(),
    latencyP95Ms: z.number().nullable(),
  })
  .meta({ id: 'GateWindowStats' });

export const ZGateCameraStats = z
  .object({
    cameraId: ZId,
    cameraName: z.string(),
    unitId: ZId,
    recognitionAllowed: z.boolean(),
    running: z.boolean().describe('A gate pipeline runs for this camera in this server'),
    runtime: ZGateRuntimeStats.nullable(),
    window: ZGateWindowStats,
  })
  .meta({ id: 'GateCameraStats' });

export const ZGateStats = z
  .object({ from: z.date(), to: z.date(), cameras: z.array(ZGateCameraStats) })
  .meta({ id: 'GateStatsList' });

export const ZBulkConfirmBody = z
  .strictObject({
    items: z
      .array(z.strictObject({ id: z.uuid(), personId: z.uuid() }))
      .min(1)
      .max(100)
      .describe('Passes of ONE person: every item names the same personId'),
  })
  .meta({ id: 'ReviewBulkConfirm' });

export const ZBulkConfirmResult = z
  .object({
    confirmed: ZCount,
    failed: ZCount,
    results: z.array(
      z.object({
        id: ZId,
        ok: z.boolean(),
        punchId: z.string().optional(),
        code: z.string().optional(),
        message_vi: z.string().optional(),
        message_en: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'ReviewBulkConfirmResult' });

export const ZReferencePhotoJpeg = ZBinary.describe('A reference face photo of the person (image/jpeg).');
