import { z } from 'zod';

/** Response schemas of the recomputation job routes (recompute.routes.ts). */

const ZJobStatus = z.enum(['QUEUED', 'RUNNING', 'DONE', 'FAILED']).meta({ id: 'RecomputeJobStatus' });

/** The answer to a recompute request: 200 with the totals when the job ended quickly, otherwise 202 with the job id. */
export const ZRecomputeStarted = z
  .object({
    jobId: z.string(),
    status: ZJobStatus,
    total: z.number().int(),
    done: z.number().int(),
    /** Same as done (person-days recomputed so far). */
    personDays: z.number().int(),
    changed: z.number().int(),
    skippedBeforeGoLive: z.number().int(),
    error: z.string().nullable(),
    /** Today in Vietnam time: days from today on are not closed yet. */
    today: z.string(),
  })
  .meta({ id: 'RecomputeStarted' });

export const ZRecomputeJob = z
  .object({
    id: z.string(),
    unitId: z.string(),
    from: z.string(),
    to: z.string(),
    status: ZJobStatus,
    /** Person-days asked for, and done so far (progress = done / total). */
    total: z.number().int(),
    done: z.number().int(),
    changed: z.number().int(),
    skippedBeforeGoLive: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'RecomputeJob' });
