import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Access, getAccess } from '../../platform/access';
import { errors } from '../../platform/errors';
import { ZIdParams, ZNoContent } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { localDateOf } from '../../platform/time';
import { personOnDate, personsOnDate } from '../people';
import { changePost, createDelegation, createPost, endDelegationOn, removePost } from './admin.service';
import {
  delegationDto,
  postDto,
  ZDelegation,
  ZDelegationBody,
  ZDelegationEnd,
  ZLeadershipPost,
  ZLeadershipPostBody,
  ZLeadershipPostPatch,
} from './competence.dto';
import { getDelegation, getPost, listDelegations, listPosts } from './competence.repo';

const seesStaffOf = (access: Access, unitId: string | undefined) => access.canInUnit('staff.read', unitId) || access.canInUnit('org.manage', unitId);

/** Leadership posts are personnel records of a unit: org.manage or staff.manage over it. */
function requireManagePosts(access: Access, unitId: string): void {
  if (access.canInUnit('org.manage', unitId) || access.canInUnit('staff.manage', unitId)) return;
  if (!access.has('org.manage') && !access.has('staff.manage')) throw errors.forbidden({ permission: 'staff.manage' });
  throw errors.outOfScope();
}

export async function postsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['competence'];
  const today = () => localDateOf(ctx.now());

  app.get(
    '/api/competence/posts',
    {
      schema: {
        summary: 'List leadership posts (who heads or deputises which unit, when)',
        tags,
        querystring: z.strictObject({ unitId: z.uuid().optional(), personId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(ZLeadershipPost) }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('org.read');
      const rows = await listPosts(ctx.db, { ...(req.query.unitId ? { unitIds: [req.query.unitId] } : {}), ...(req.query.personId ? { personId: req.query.personId } : {}) });
      // Posts are personnel records: those of units the caller reads staff of, and one's own.
      return { items: rows.filter((p) => access.isSelf(p.person_id) || seesStaffOf(access, p.unit_id)).map(postDto) };
    },
  );

  app.post(
    '/api/competence/posts',
    { schema: { summary: 'Record a leadership post (bổ nhiệm, kiêm nhiệm)', tags, body: ZLeadershipPostBody, response: { 201: ZLeadershipPost } } },
    async (req, reply) => {
      const access = getAccess(req);
      requireManagePosts(access, req.body.unitId);
      if (!(await personOnDate(ctx.db, req.body.personId, req.body.validFrom))) throw errors.notFound('Person', 'hồ sơ cán bộ');
      const b = req.body;
      const row = await createPost(
        ctx.db,
        { person_id: b.personId, unit_id: b.unitId, post: b.post, title: b.title, valid_from: b.validFrom, valid_to: b.validTo ?? null, legal_basis: b.legalBasis ?? null },
        access.actor(),
      );
      reply.code(201);
      return postDto(row);
    },
  );

  app.patch(
    '/api/competence/posts/:id',
    { schema: { summary: 'Change a leadership post (e.g. its end date)', tags, params: ZIdParams, body: ZLeadershipPostPatch, response: { 200: ZLeadershipPost } } },
    async (req) => {
      const access = getAccess(req);
      const before = await getPost(ctx.db, req.params.id);
      if (!before) throw errors.notFound('Leadership post', 'chức vụ lãnh đạo');
      requireManagePosts(access, before.unit_id);
      const b = req.body;
      const after = await changePost(
        ctx.db,
        before,
        {
          ...(b.post ? { post: b.post } : {}),
          ...(b.title ? { title: b.title } : {}),
          ...(b.validFrom ? { valid_from: b.validFrom } : {}),
          ...(b.validTo !== undefined ? { valid_to: b.validTo } : {}),
          ...(b.legalBasis !== undefined ? { legal_basis: b.legalBasis } : {}),
        },
        access.actor(),
      );
      return postDto(after);
    },
  );

  app.delete(
    '/api/competence/posts/:id',
    { schema: { summary: 'Delete a leadership post entered by mistake (end a real one with validTo instead)', tags, params: ZIdParams, response: { 204: ZNoContent } } },
    async (req, reply) => {
      const access = getAccess(req);
      const before = await getPost(ctx.db, req.params.id);
      if (!before) throw errors.notFound('Leadership post', 'chức vụ lãnh đạo');
      requireManagePosts(access, before.unit_id);
      await removePost(ctx.db, before, access.actor());
      reply.code(204);
    },
  );

  app.get(
    '/api/competence/delegations',
    {
      schema: {
        summary: 'List delegations (ủy quyền), optionally of one person (given or received)',
        tags,
        querystring: z.strictObject({ personId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(ZDelegation) }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('org.read');
      const rows = await listDelegations(ctx.db, req.query.personId ? { personIds: [req.query.personId] } : {});
      const units = new Map((await personsOnDate(ctx.db, [...new Set(rows.flatMap((d) => [d.from_person_id, d.to_person_id]))], today())).map((p) => [p.personId, p.unitId]));
      const visible = (personId: string) => access.isSelf(personId) || seesStaffOf(access, units.get(personId));
      return { items: rows.filter((d) => visible(d.from_person_id) && visible(d.to_person_id)).map(delegationDto) };
    },
  );

  /** The delegating leader themself, or org.manage over their unit. */
  async function requireDelegator(access: Access, fromPersonId: string): Promise<void> {
    if (access.isSelf(fromPersonId)) return;
    const from = await personOnDate(ctx.db, fromPersonId, today());
    if (!from) throw errors.notFound('Person', 'hồ sơ cán bộ');
    access.requireInUnit('org.manage', from.unitId);
  }

  app.post(
    '/api/competence/delegations',
    { schema: { summary: 'Record a delegation (ủy quyền) for a period, with its document', tags, body: ZDelegationBody, response: { 201: ZDelegation } } },
    async (req, reply) => {
      const access = getAccess(req);
      const b = req.body;
      await requireDelegator(access, b.fromPersonId);
      if (!(await personOnDate(ctx.db, b.toPersonId, b.validFrom))) throw errors.notFound('Person', 'hồ sơ cán bộ');
      const row = await createDelegation(
        ctx.db,
        { from_person_id: b.fromPersonId, to_person_id: b.toPersonId, matter: b.matter, valid_from: b.validFrom, valid_to: b.validTo, document_ref: b.documentRef, reason: b.reason },
        access.actor(),
      );
      reply.code(201);
      return delegationDto(row);
    },
  );

  app.post(
    '/api/competence/delegations/:id/end',
    { schema: { summary: 'End a delegation early (from endOn, today by default)', tags, params: ZIdParams, body: ZDelegationEnd, response: { 200: ZDelegation } } },
    async (req) => {
      const access = getAccess(req);
      const d = await getDelegation(ctx.db, req.params.id);
      if (!d) throw errors.notFound('Delegation', 'ủy quyền');
      await requireDelegator(access, d.from_person_id);
      return delegationDto(await endDelegationOn(ctx.db, d, req.body.endOn ?? today(), access.actor()));
    },
  );
}
