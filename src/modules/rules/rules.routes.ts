import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { ZDate } from '../../platform/http/schemas';
import { localDateOf } from '../../platform/time';
import { getAccess } from '../../platform/access';
import { ACTION_LABELS, DEFAULT_RULES } from './domain/rule-config';
import { ruleSetDto, ZAdoptRuleSet, ZEffectiveRules, ZRuleDefaults, ZRuleSet, ZRulesOfUnit } from './rules.dto';
import { listRuleSets } from './rules.repo';
import { adoptRuleSet, effectiveRules } from './rules.service';

const tags = ['rules'];

export async function rulesRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/rules/defaults',
    { schema: { summary: 'Show the built-in rules and the escalation action labels', tags, response: { 200: ZRuleDefaults } } },
    async (req) => {
      getAccess(req);
      return { config: DEFAULT_RULES, actions: ACTION_LABELS };
    },
  );

  app.get(
    '/api/rules',
    { schema: { summary: 'List rule-set versions of a unit with the rules in force today', tags, querystring: z.strictObject({ unitId: z.uuid() }), response: { 200: ZRulesOfUnit } } },
    async (req) => {
      const access = getAccess(req);
      access.requireInUnit('violations.read', req.query.unitId);
      const today = localDateOf(ctx.now());
      return { items: (await listRuleSets(ctx.db, req.query.unitId)).map(ruleSetDto), effectiveToday: await effectiveRules(ctx.db, req.query.unitId, today) };
    },
  );

  app.get(
    '/api/rules/effective',
    { schema: { summary: 'Show the rules that judge a unit’s violations on a date', tags, querystring: z.strictObject({ unitId: z.uuid(), date: ZDate }), response: { 200: ZEffectiveRules } } },
    async (req) => {
      const access = getAccess(req);
      access.requireInUnit('violations.read', req.query.unitId);
      return effectiveRules(ctx.db, req.query.unitId, req.query.date);
    },
  );

  /** Adopts a new version; the config is validated by the rules module (400 RULES_INVALID with the issues). */
  app.post(
    '/api/rules',
    { schema: { summary: 'Adopt a new version of a unit’s rules from a date', tags, body: ZAdoptRuleSet, response: { 201: ZRuleSet } } },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('rules.manage', req.body.unitId);
      const row = await adoptRuleSet(ctx.db, req.body, access.actor());
      return reply.status(201).send(ruleSetDto(row));
    },
  );
}
