import { z } from 'zod';

/** Response schemas of the device endpoints (ingest.routes.ts). */

const ZAcceptedPunch = z.object({
  status: z.enum(['ACCEPTED', 'DUPLICATE']),
  punchId: z.string(),
  /** The instant counted (after clock correction). */
  effectiveAt: z.string(),
  /** Its date in Vietnam time. */
  localDate: z.string(),
});
const ZRejectedPunch = z.object({
  status: z.literal('REJECTED'),
  code: z.string(),
  message_vi: z.string(),
  message_en: z.string(),
  details: z.unknown().optional(),
});

/** What became of one item of a batch. */
export const ZPunchOutcome = z.discriminatedUnion('status', [ZAcceptedPunch, ZRejectedPunch]).meta({ id: 'PunchOutcome' });

export const ZPunchBatchResult = z
  .object({
    /** One outcome per item, in the order sent. */
    results: z.array(ZPunchOutcome),
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
  })
  .meta({ id: 'PunchBatchResult' });

export const ZPunchEvidenceUpload = z
  .object({ evidenceId: z.string().describe('Put it in the `evidenceId` of the punch item it shows'), bytes: z.number().int() })
  .meta({ id: 'PunchEvidenceUpload' });

/** The evidence upload's body is the raw JPEG (parsed by the route's content-type parser): any value passes here. */
export const ZJpegBody = z.unknown().meta({ type: 'string', format: 'binary', description: 'The JPEG image bytes (image/jpeg).' });
