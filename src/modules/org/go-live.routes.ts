import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { ZDate, ZIdParams, ZText } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { loadGoLiveIndex, setAttendanceGoLive } from './go-live';
import { ZAttendanceGoLive, ZAttendanceGoLiveChange } from './org.dto';

/** Dates outside this window are typing mistakes (and year 0000 would reach the database as an error). */
const ZGoLiveDate = ZDate.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'between 2000-01-01 and 2100-12-31');

export async function goLiveRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  // Readable to whoever may read or manage the unit's attendance.
  app.get(
    '/api/org/units/:id/attendance-go-live',
    {
      schema: {
        summary: 'Get the first day whose attendance is judged in a unit',
        tags: ['org'],
        params: ZIdParams,
        response: { 200: ZAttendanceGoLive },
      },
    },
    async (req) => {
      const access = getAccess(req);
      if (!access.canInUnit('attendance.read', req.params.id)) access.requireInUnit('attendance.manage', req.params.id);
      const index = await loadGoLiveIndex(ctx.db);
      return { unitId: req.params.id, own: index.own(req.params.id), judgedFrom: index.judgedFrom(req.params.id) };
    },
  );

  app.put(
    '/api/org/units/:id/attendance-go-live',
    {
      schema: {
        summary: 'Set the attendance go-live date of a unit (no day before it is judged)',
        tags: ['org'],
        params: ZIdParams,
        body: z.strictObject({ goLiveOn: ZGoLiveDate, reason: ZText(500).pipe(z.string().min(5)) }),
        response: { 200: ZAttendanceGoLiveChange },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.requireInUnit('attendance.manage', req.params.id);
      return setAttendanceGoLive(ctx.db, access.actor(), { unitId: req.params.id, goLiveOn: req.body.goLiveOn, reason: req.body.reason });
    },
  );
}
