import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/module';
import { getAccess } from '../../platform/access';
import { localDateOf } from '../../platform/time';
import { loadOrgTree } from '../org';
import { ZDashboard, ZDashboardQuery } from './dashboard.dto';
import { dashboard } from './dashboard.repo';

export async function dashboardRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  // The path stays under /api/violations (the web app and its clients use it); the read model lives in reports.
  app.get(
    '/api/violations/dashboard',
    {
      schema: {
        summary: 'Show the violations dashboard of the units in my scope: today, trends, repeat offenders, overdue explanations',
        tags: ['violations', 'reports'],
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('violations.read');
      let units = access.unitsFor('violations.read');
      if (req.query.unitId) {
        access.requireInUnit('violations.read', req.query.unitId);
        const sub = (await loadOrgTree(ctx.db)).scopeOf(req.query.unitId);
        units = units.filter((u) => sub.has(u));
      }
      const now = ctx.now();
      return dashboard(ctx.db, units, localDateOf(now), now, { weeks: req.query.weeks });
    },
  );
}
