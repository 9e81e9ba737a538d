import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { ZDate, ZText } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { ACTION_LABELS, DEFAULT_RULES } from './domain/rule-config';
import { listRuleSets, type RuleSetRow } from './rules.repo';
import { adoptRuleSet, effectiveRules } from './rules.service';
import { localDateOf } from '../../platform/time';

const dto = (r: RuleSetRow) => ({
  id: r.id,
  unitId: r.unit_id,
  version: r.version,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  name: r.name,
  legalBasis: r.legal_basis,
  config: r.config,
  createdAt: r.created_at,
});

export async function rulesRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/rules/defaults', { schema: { tags: ['rules'] } }, async (req) => {
    getAccess(req);
    return { config: DEFAULT_RULES, actions: ACTION_LABELS };
  });

  app.get('/api/rules', { schema: { tags: ['rules'], querystring: z.strictObject({ unitId: z.uuid() }) } }, async (req) => {
    const access = getAccess(req);
    access.requireInUnit('violations.read', req.query.unitId);
    const today = localDateOf(ctx.now());
    return { items: (await listRuleSets(ctx.db, req.query.unitId)).map(dto), effectiveToday: await effectiveRules(ctx.db, req.query.unitId, today) };
  });

  app.get(
    '/api/rules/effective',
    { schema: { tags: ['rules'], querystring: z.strictObject({ unitId: z.uuid(), date: ZDate }) } },
    async (req) => {
      const access = getAccess(req);
      access.requireInUnit('violations.read', req.query.unitId);
      return effectiveRules(ctx.db, req.query.unitId, req.query.date);
    },
  );

  /** Adopts a new version; the config is validated by the rules module (400 RULES_INVALID with the issues). */
  app.post(
    '/api/rules',
    {
      schema: {
        tags: ['rules'],
        body: z.strictObject({
          unitId: z.uuid(),
          validFrom: ZDate,
          name: ZText(200).pipe(z.string().min(3)),
          legalBasis: ZText(300).nullish(),
          config: z.record(z.string(), z.unknown()),
        }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      access.requireInUnit('rules.manage', req.body.unitId);
      const row = await adoptRuleSet(ctx.db, req.body, access.actor());
      return reply.status(201).send(dto(row));
    },
  );
}
