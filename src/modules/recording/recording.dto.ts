import { z } from 'zod';
import { ZBinary } from '../../platform/http/schemas';
import type { LegalHoldRow } from './holds.repo';

/**
 * Response contract of the timeline, playback and legal-hold routes (recording.routes.ts). Instants are sent as the
 * ISO-8601 strings the handlers make with toISOString().
 */

const ZIso = z.iso.datetime();

export const ZRecordingTimeline = z
  .object({
    cameraId: z.guid(),
    from: ZIso,
    to: ZIso,
    coverage: z.array(z.object({ from: ZIso, to: ZIso })).describe('Recorded footage, segments closer than 1.5 s merged'),
    gaps: z.array(z.object({ from: ZIso, to: ZIso.nullable().describe('null while the camera is still down'), reason: z.string() })),
    events: z
      .array(z.object({ type: z.enum(['CLIP', 'SNAPSHOT', 'HOLD']), id: z.guid(), from: ZIso, to: ZIso, label: z.string().describe('The reason given') }))
      .describe('Evidence exports, then legal holds in force, over the range'),
    segments: z.number().int().describe('Segments in the range'),
    bytes: z.number().int().describe('Their total size'),
  })
  .meta({ id: 'RecordingTimeline' });

export const ZLegalHold = z
  .object({
    id: z.guid(),
    from: ZIso,
    to: ZIso,
    reason: z.string(),
    createdAt: ZIso,
    releasedAt: ZIso.nullable(),
  })
  .meta({ id: 'LegalHold' });

export function legalHoldDto(h: LegalHoldRow): z.output<typeof ZLegalHold> {
  return {
    id: h.id,
    from: h.starts_at.toISOString(),
    to: h.ends_at.toISOString(),
    reason: h.reason,
    createdAt: h.created_at.toISOString(),
    releasedAt: h.released_at?.toISOString() ?? null,
  };
}

export const ZLegalHolds = z.object({ items: z.array(ZLegalHold) });

export const ZCreated = z.object({ id: z.guid() });

export const ZOk = z.object({ ok: z.literal(true) });


export const ZPlaybackStream = ZBinary.describe(
  'Recorded footage as one continuous fragmented MP4 stream (video/mp4), privacy-masked unless the caller holds footage.raw. ' +
    'Headers: x-kc-masked (true|false), x-kc-first-segment (start of the first segment, ISO-8601).',
);
