import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccess } from '../../platform/access';
import { ZBinary, binaryBody } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { recordAudit } from '../audit';
import { ZInspectionStats, ZStatsQuery } from './followup.dto';
import { ZChecklist, ZChecklistBody, ZChecklistSummary, ZCreated, ZIdParams, ZPlan, ZPlanBody, ZPlanListQuery, ZPlanPatch } from './inspections.dto';
import { checklistSummaries, checklistView, createChecklistVersion, createPlan, planViews, plansFor, updatePlan, visiblePlan } from './plans.service';
import { inspectionStats } from './stats.service';
import { statsXlsx } from './stats-export';

const tags = ['inspections'];

/** Plans, checklist versions and statistics under /api/inspections. */
export async function plansRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/inspections/plans', { schema: { summary: 'Inspection plans of my units (issuer side or leaders)', tags, querystring: ZPlanListQuery, response: { 200: z.array(ZPlan) } } }, async (req) => {
    const access = getAccess(req);
    if (!access.has('reports.read')) access.require('inspections.manage');
    return plansFor(ctx.db, access, req.query);
  });

  app.post('/api/inspections/plans', { schema: { summary: 'Create an inspection plan with its target units and dates', tags, body: ZPlanBody, response: { 201: ZCreated } } }, async (req, reply) => {
    const id = await createPlan(ctx.db, getAccess(req), req.body, ctx.now());
    return reply.status(201).send({ id });
  });

  app.get('/api/inspections/plans/:id', { schema: { summary: 'One inspection plan with its targets', tags, params: ZIdParams, response: { 200: ZPlan } } }, async (req) => {
    const access = getAccess(req);
    const p = await visiblePlan(ctx.db, access, req.params.id);
    return (await planViews(ctx.db, access, [p]))[0] as z.infer<typeof ZPlan>;
  });

  app.patch('/api/inspections/plans/:id', { schema: { summary: 'Edit an inspection plan (title, period, note, targets)', tags, params: ZIdParams, body: ZPlanPatch, response: { 200: ZPlan } } }, async (req) => {
    const access = getAccess(req);
    await updatePlan(ctx.db, access, req.params.id, req.body, ctx.now());
    const p = await visiblePlan(ctx.db, access, req.params.id);
    return (await planViews(ctx.db, access, [p]))[0] as z.infer<typeof ZPlan>;
  });

  app.get('/api/inspections/checklists', { schema: { summary: 'Checklist versions (the seed-002 items and later versions)', tags, response: { 200: z.array(ZChecklistSummary) } } }, async (req) => {
    const access = getAccess(req);
    if (!access.has('reports.read')) access.require('inspections.manage');
    return checklistSummaries(ctx.db);
  });

  app.get('/api/inspections/checklists/:id', { schema: { summary: 'One checklist version with its items and legal bases', tags, params: ZIdParams, response: { 200: ZChecklist } } }, async (req) => {
    const access = getAccess(req);
    if (!access.has('reports.read')) access.require('inspections.manage');
    return checklistView(ctx.db, req.params.id);
  });

  app.post('/api/inspections/checklists', { schema: { summary: 'Create a new checklist version from an existing one with edits (versions in use never change)', tags, body: ZChecklistBody, response: { 201: ZChecklist } } }, async (req, reply) => {
    const id = await createChecklistVersion(ctx.db, getAccess(req), req.body, ctx.now());
    return reply.status(201).send(await checklistView(ctx.db, id));
  });

  app.get('/api/inspections/stats', { schema: { summary: 'Inspection statistics: by kind, by target unit type on the org tree as of a date, findings by item and unit, by month', tags, querystring: ZStatsQuery, response: { 200: ZInspectionStats } } }, async (req) => {
    return inspectionStats(ctx.db, getAccess(req), req.query);
  });

  app.get(
    '/api/inspections/stats.xlsx',
    { schema: { summary: 'Inspection statistics as an XLSX workbook (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)', tags, querystring: ZStatsQuery, response: { 200: ZBinary } } },
    async (req, reply) => {
      const access = getAccess(req);
      const stats = await inspectionStats(ctx.db, access, req.query);
      const bytes = await statsXlsx(ctx.db, stats, req.query.unitId);
      await recordAudit(ctx.db, { actor: access.actor(), action: 'inspections.stats_export', entityType: 'inspection_stats', details: { ...req.query } }, ctx.now());
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="thong-ke-kiem-tra-${stats.from}-${stats.to}.xlsx"`)
        .send(binaryBody(Buffer.from(bytes)));
    },
  );
}
