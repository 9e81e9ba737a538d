import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZDate, ZIdParams } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { localDateOf } from '../../platform/time';
import { loadOrgTree } from '../org';
import { assertRecomputeRange, getRecomputeJob, recomputeJobRunner, stopRecomputeJobs } from './recompute-jobs';
import { ZRecomputeJob, ZRecomputeStarted } from './recompute.dto';
import { personsOfUnitsDuring } from './staff.repo';

/** How long the request waits for its job before answering 202 with the job id (small units finish within it). */
const ANSWER_WITHIN_MS = 1_500;

/**
 * Recompute a unit's attendance over a range, as a background job (issue 11, F4). The request answers 200 with the
 * totals when the job ends quickly, otherwise 202 with the job id; `GET /api/attendance/recompute/:id` gives the
 * progress (done / total person-days). Days before the unit's go-live are never judged, whatever range is asked.
 */
export async function recomputeRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, bus: ctx.bus, now: () => ctx.now() };
  const runner = () => recomputeJobRunner(deps, (e) => ctx.log.error({ err: e }, 'attendance recompute job failed'));
  // The runner must let go of the database before it closes, whether or not the module's ticker runs.
  root.addHook('onClose', async () => stopRecomputeJobs(ctx.db));

  app.post(
    '/api/attendance/recompute',
    {
      schema: {
        summary: "Recompute a unit's attendance over a date range, as a background job",
        description: 'Answers 200 with the totals when the job ends within about 1.5 s, otherwise 202 with the job id to poll.',
        tags: ['attendance'],
        body: z.strictObject({ unitId: z.uuid(), from: ZDate, to: ZDate }),
        response: { 200: ZRecomputeStarted, 202: ZRecomputeStarted },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('attendance.manage', req.body.unitId);
      const { from, to } = req.body;
      assertRecomputeRange(from, to);
      const tree = await loadOrgTree(ctx.db);
      const units = [...tree.scopeOf(req.body.unitId)];
      const personIds = await personsOfUnitsDuring(ctx.db, units, from, to);
      const job = await runner().submit({ unitId: req.body.unitId, from, to, personIds: personIds.sort(), actor: access.actor() });
      const now = (await runner().waitFor(job.id, ANSWER_WITHIN_MS)) ?? job;
      const body = {
        jobId: now.id,
        status: now.status,
        total: now.total,
        done: now.done,
        personDays: now.done,
        changed: now.changed,
        skippedBeforeGoLive: now.skippedBeforeGoLive,
        error: now.error,
        today: localDateOf(ctx.now()),
      };
      return reply.status(now.status === 'DONE' || now.status === 'FAILED' ? 200 : 202).send(body);
    },
  );

  app.get(
    '/api/attendance/recompute/:id',
    { schema: { summary: 'Progress of a recomputation job', tags: ['attendance'], params: ZIdParams, response: { 200: ZRecomputeJob } } },
    async (req) => {
      const access = getAccess(req);
      const job = await getRecomputeJob(ctx.db, req.params.id);
      if (!job || !(access.canInUnit('attendance.manage', job.unitId) || access.canInUnit('attendance.read', job.unitId)))
        throw errors.notFound('Recompute job', 'lần tính lại');
      return job;
    },
  );
}
