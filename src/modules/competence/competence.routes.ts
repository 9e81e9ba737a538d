import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccess, type Permission } from '../../platform/access';
import { personOnDate } from '../people';
import { errors } from '../../platform/errors';
import { ZDate } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { localDateOf } from '../../platform/time';
import { adoptRule } from './admin.service';
import { ruleDto, ZCompetenceCheckQuery, ZCompetenceRule, ZCompetenceRuleAdopted, ZCompetenceRuleBody, ZCompetenceVerdict, ZMatter } from './competence.dto';
import { loadRules } from './competence.repo';
import { competenceOf } from './competence.service';

/** Permissions through which a person's matters are visible to a caller (any of them over the person's unit). */
export const VISIBLE_THROUGH: readonly Permission[] = ['staff.read', 'attendance.read', 'attendance.manage', 'leave.approve', 'violations.read', 'violations.decide'];

/** The verdict for UIs and the dated competence table (list, adopt a new version). */
export async function competenceRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/competence/check',
    {
      schema: {
        summary: "May the signed-in user act on this person's matter (leave, attendance correction, violation, discipline)? Never refuses with 403: the verdict says why not",
        tags: ['competence'],
        querystring: ZCompetenceCheckQuery,
        response: { 200: ZCompetenceVerdict },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const subjectPersonId = req.query.subjectPersonId;
      if (!subjectPersonId) throw errors.badRequest('PERSON_REQUIRED', 'Cần chọn cán bộ.', 'Choose a person.');
      const date = req.query.date ?? localDateOf(ctx.now());
      // The verdict names the person and the competent level: only for people the caller may see.
      const subject = await personOnDate(ctx.db, subjectPersonId, date);
      if (!subject) throw errors.notFound('Person', 'hồ sơ cán bộ');
      if (!access.isSelf(subjectPersonId) && !VISIBLE_THROUGH.some((p) => access.canInUnit(p, subject.unitId))) throw errors.outOfScope();
      return competenceOf(ctx.db, access, { matter: req.query.matter, subjectPersonId, date });
    },
  );

  app.get(
    '/api/competence/rules',
    {
      schema: {
        summary: 'List the competence table: every version, or the rules in force on a date',
        tags: ['competence'],
        querystring: z.strictObject({ matter: ZMatter.optional(), asOf: ZDate.optional() }),
        response: { 200: z.object({ items: z.array(ZCompetenceRule) }) },
      },
    },
    async (req) => {
      getAccess(req).require('org.read');
      const rules = await loadRules(ctx.db, { ...(req.query.matter ? { matter: req.query.matter } : {}), ...(req.query.asOf ? { date: req.query.asOf } : {}) });
      return { items: rules.map(ruleDto) };
    },
  );

  app.post(
    '/api/competence/rules',
    {
      schema: {
        summary: 'Adopt a competence rule version (the open version for the same subject closes on its first day)',
        tags: ['competence'],
        body: ZCompetenceRuleBody,
        response: { 201: ZCompetenceRuleAdopted },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      if (!access.has('rules.manage') && !access.has('org.manage')) throw errors.forbidden({ permission: 'rules.manage' });
      const adopted = await adoptRule(ctx.db, req.body, access.actor());
      reply.code(201);
      return { rule: ruleDto(adopted.rule), closedRuleIds: adopted.closedRuleIds };
    },
  );
}
