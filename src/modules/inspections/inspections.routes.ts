import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { getAccess } from '../../platform/access';
import { ZNoContent } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { addFinding, putResult } from './field.service';
import { ZInspectionView } from './followup.dto';
import {
  ZCreated,
  ZDecideBody,
  ZFinding,
  ZFindingBody,
  ZIdParams,
  ZInspectionBody,
  ZInspectionListQuery,
  ZInspectionPage,
  ZInspectionPatch,
  ZItemParams,
  ZMember,
  ZMemberCandidate,
  ZMemberCandidatesQuery,
  ZMembersBody,
  ZResultBody,
} from './inspections.dto';
import { members } from './inspections.repo';
import { createInspection, decide, setMembers, start, updateInspection } from './inspections.service';
import { memberCandidates } from './team.service';
import { findingView, inspectionView, listInspections } from './view';
import { z } from 'zod';

const tags = ['inspections'];

/** The inspection from its draft to the work on site: list, create, view, edit, team, decision, start, verdicts, findings. */
export async function inspectionsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/inspections',
    { schema: { summary: 'Inspections I may see (issuer side, my team, leaders of the unit; a surprise one only once started)', tags, querystring: ZInspectionListQuery, response: { 200: ZInspectionPage } } },
    async (req) => {
      const access = getAccess(req);
      return listInspections(ctx.db, access, req.query);
    },
  );

  app.post('/api/inspections', { schema: { summary: 'Create an inspection (draft) of a unit in the issuer unit’s scope', tags, body: ZInspectionBody, response: { 201: ZCreated } } }, async (req, reply) => {
    const id = await createInspection(ctx.db, getAccess(req), req.body, ctx.now());
    return reply.status(201).send({ id });
  });

  app.get(
    '/api/inspections/:id',
    { schema: { summary: 'One inspection: team, items with verdicts, findings, photos, evidence, documents, recommendations, remediations, attendance at the visit', tags, params: ZIdParams, response: { 200: ZInspectionView } } },
    async (req) => inspectionView(ctx.db, getAccess(req), req.params.id, ctx.now()),
  );

  app.patch('/api/inspections/:id', { schema: { summary: 'Edit a draft or decided inspection (before the work on site starts)', tags, params: ZIdParams, body: ZInspectionPatch, response: { 204: ZNoContent } } }, async (req, reply) => {
    await updateInspection(ctx.db, getAccess(req), req.params.id, req.body, ctx.now());
    return reply.status(204).send();
  });

  app.get(
    '/api/inspections/:id/member-candidates',
    {
      schema: {
        summary: 'Accounts the issuer side may put on the team (active today, in the issuer’s scope or already named; never of the inspected unit), by name, at most 20',
        tags,
        params: ZIdParams,
        querystring: ZMemberCandidatesQuery,
        response: { 200: z.array(ZMemberCandidate) },
      },
    },
    async (req) => memberCandidates(ctx.db, getAccess(req), req.params.id, req.query.q, ctx.now()),
  );

  app.put('/api/inspections/:id/members', { schema: { summary: 'Set the inspection team (one head; nobody from the inspected unit)', tags, params: ZIdParams, body: ZMembersBody, response: { 200: z.array(ZMember) } } }, async (req) => {
    await setMembers(ctx.db, getAccess(req), req.params.id, req.body, ctx.now());
    return (await members(ctx.db, req.params.id)).map((m) => ({ userId: m.user_id, personId: m.person_id, role: m.role, name: m.name, title: m.title }));
  });

  app.post('/api/inspections/:id/decide', { schema: { summary: 'Record the decision forming the team (number, date, signer) → DECIDED', tags, params: ZIdParams, body: ZDecideBody, response: { 204: ZNoContent } } }, async (req, reply) => {
    await decide(ctx.db, getAccess(req), req.params.id, req.body, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/inspections/:id/start', { schema: { summary: 'Start the work on site → IN_PROGRESS (a surprise inspection becomes visible to the unit)', tags, params: ZIdParams, response: { 204: ZNoContent } } }, async (req, reply) => {
    await start(ctx.db, getAccess(req), req.params.id, ctx.now());
    return reply.status(204).send();
  });

  app.put('/api/inspections/:id/results/:itemId', { schema: { summary: 'Judge one checklist item (đạt / không đạt / không áp dụng, or clear) with a note', tags, params: ZItemParams, body: ZResultBody, response: { 204: ZNoContent } } }, async (req, reply) => {
    await putResult(ctx.db, getAccess(req), req.params.id, req.params.itemId, req.body, ctx.now());
    return reply.status(204).send();
  });

  app.post(
    '/api/inspections/:id/findings',
    {
      schema: {
        summary: 'Record a finding (idempotent by clientId: 201 when new, 200 with the first one when repeated); a per-person finding opens a violation',
        tags,
        params: ZIdParams,
        body: ZFindingBody,
        response: { 200: ZFinding, 201: ZFinding },
      },
    },
    async (req, reply) => {
      const { finding, created } = await addFinding(ctx.db, getAccess(req), req.params.id, req.body, ctx.now());
      return reply.status(created ? 201 : 200).send(await findingView(ctx.db, finding));
    },
  );
}
