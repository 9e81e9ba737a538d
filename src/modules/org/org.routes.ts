import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZBoolString, ZDate, ZIdParams, ZText } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { loadOrgTree } from './org-tree';
import { createUnit, getUnit, listUnits, updateUnit } from './org.service';
import { listSuccessions, recordSuccession } from './org.successions';
import { UNIT_TYPE_CODES, UNIT_TYPES } from './unit-types';
import { successionDto, unitDto, ZAdminLevel, ZOrgSuccession, ZOrgUnit, ZOrgUnitDetail, ZOrgUnitType, ZSuccessionKind } from './org.dto';
import { localDateOf } from '../../platform/time';

const ZUnitBody = z.strictObject({
  code: z.string().trim().regex(/^[A-Za-z0-9_.-]{2,40}$/, 'letters, digits, _ . - (2–40)'),
  name: ZText(200).pipe(z.string().min(2)),
  shortName: ZText(40).nullish(),
  unitType: z.enum(UNIT_TYPE_CODES),
  adminLevel: ZAdminLevel,
  adminUnitCode: ZText(20).nullish(),
  parentId: z.uuid().nullish(),
  validFrom: ZDate,
  validTo: ZDate.nullish(),
  legalBasis: ZText(200).nullish(),
});

export async function orgRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/org/unit-types',
    { schema: { summary: 'List the unit types', tags: ['org'], response: { 200: z.object({ items: z.array(ZOrgUnitType) }) } } },
    async (req) => {
      getAccess(req);
      return { items: [...UNIT_TYPES] };
    },
  );

  app.get(
    '/api/org/units',
    {
      schema: {
        summary: 'List the units valid on a date (today by default), or all with history',
        tags: ['org'],
        querystring: z.strictObject({ asOf: ZDate.optional(), includeHistorical: ZBoolString.optional() }),
        response: { 200: z.object({ items: z.array(ZOrgUnit) }) },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('org.read');
      const asOf = req.query.asOf ?? localDateOf(ctx.now());
      const rows = await listUnits(ctx.db, { asOf, includeHistorical: req.query.includeHistorical ?? false });
      // Staff see the whole chart of their own agency (names only are public inside the agency); unit scope limits records, not the chart.
      return { items: rows.map(unitDto) };
    },
  );

  app.get(
    '/api/org/units/:id',
    {
      schema: {
        summary: 'Get a unit with its ancestry, predecessors and successors',
        tags: ['org'],
        params: ZIdParams,
        response: { 200: ZOrgUnitDetail },
      },
    },
    async (req) => {
      const access = getAccess(req);
      access.require('org.read');
      const unit = await getUnit(ctx.db, req.params.id);
      const [counted] = await listUnits(ctx.db, { includeHistorical: true, unitIds: [unit.id] });
      const tree = await loadOrgTree(ctx.db);
      const succ = await listSuccessions(ctx.db);
      const name = (id: string) => tree.byId.get(id)?.name ?? id;
      return {
        ...unitDto(counted ?? unit),
        ancestry: tree.ancestry(unit.id).map((n) => ({ id: n.id, name: n.name })),
        predecessors: succ
          .filter((s) => s.to_ids.includes(unit.id))
          .flatMap((s) => s.from_ids.map((id) => ({ id, name: name(id), kind: s.kind, effectiveDate: s.effective_date }))),
        successors: succ
          .filter((s) => s.from_ids.includes(unit.id))
          .flatMap((s) => s.to_ids.map((id) => ({ id, name: name(id), kind: s.kind, effectiveDate: s.effective_date }))),
      };
    },
  );

  app.post(
    '/api/org/units',
    { schema: { summary: 'Create a unit', tags: ['org'], body: ZUnitBody, response: { 201: ZOrgUnit } } },
    async (req, reply) => {
      const access = getAccess(req);
      // Creating a unit is managing its parent; a root unit needs org.manage at the root (system administrators).
      if (req.body.parentId) access.requireInUnit('org.manage', req.body.parentId);
      else access.require('org.manage');
      if (!req.body.parentId && !access.unitsFor('org.manage').length) throw errors.forbidden();
      const unit = await createUnit(ctx.db, req.body, access.actor());
      return reply.status(201).send(unitDto(unit));
    },
  );

  app.patch(
    '/api/org/units/:id',
    { schema: { summary: 'Change a unit', tags: ['org'], params: ZIdParams, body: ZUnitBody.partial(), response: { 200: ZOrgUnit } } },
    async (req) => {
      const access = getAccess(req);
      access.requireInUnit('org.manage', req.params.id);
      if (req.body.parentId) access.requireInUnit('org.manage', req.body.parentId);
      return unitDto(await updateUnit(ctx.db, req.params.id, req.body, access.actor()));
    },
  );

  app.get(
    '/api/org/successions',
    {
      schema: {
        summary: 'List recorded merges, splits, renames and abolitions, newest first',
        tags: ['org'],
        response: { 200: z.object({ items: z.array(ZOrgSuccession) }) },
      },
    },
    async (req) => {
      getAccess(req).require('org.read');
      return { items: (await listSuccessions(ctx.db)).map(successionDto) };
    },
  );

  app.post(
    '/api/org/successions',
    {
      schema: {
        summary: 'Record a merge, split, rename or abolition (closes the former units, may move their staff)',
        tags: ['org'],
        body: z.strictObject({
          kind: ZSuccessionKind,
          fromIds: z.array(z.uuid()).min(1).max(50),
          toIds: z.array(z.uuid()).min(1).max(50),
          effectiveDate: ZDate,
          legalBasis: ZText(200).nullish(),
          note: ZText(1000).nullish(),
          moveStaff: z.boolean().default(true),
        }),
        response: { 201: ZOrgSuccession },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      for (const id of [...req.body.fromIds, ...req.body.toIds]) access.requireInUnit('org.manage', id);
      const row = await recordSuccession(ctx.db, req.body, access.actor());
      return reply.status(201).send(successionDto(row));
    },
  );
}
