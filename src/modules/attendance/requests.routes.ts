import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZDate, ZIdParams, ZText } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { personUnit } from './attendance.routes';
import { JUSTIFICATION_TYPES } from './domain/types';
import { cancelJustification, decideJustification, getJustification, leaveBalance, requestJustification } from './justifications.service';

const ZHalf = z.enum(['MORNING', 'AFTERNOON']);

/** Leave / trip / training / WFH requests: create, the approver's inbox, approve, reject, cancel, annual balance. */
export async function requestRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, bus: ctx.bus, now: ctx.now };

  app.post(
    '/api/attendance/requests',
    {
      schema: {
        tags: ['attendance'],
        body: z.strictObject({
          personId: z.uuid().optional(),
          type: z.enum(JUSTIFICATION_TYPES),
          startDate: ZDate,
          startHalf: ZHalf.default('MORNING'),
          endDate: ZDate,
          endHalf: ZHalf.default('AFTERNOON'),
          reason: ZText(1000).pipe(z.string().min(3)),
          documentRef: ZText(200).nullish(),
        }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const personId = req.body.personId ?? access.principal.personId;
      if (!personId) throw errors.badRequest('PERSON_REQUIRED', 'Cần chọn cán bộ.', 'Choose a person.');
      const unitId = await personUnit(ctx, personId);
      access.requireSelfOrUnit('attendance.manage', personId, unitId);
      const row = await requestJustification(ctx.db, access.actor(), { ...req.body, personId, documentRef: req.body.documentRef ?? null }, ctx.now());
      return reply.status(201).send(row);
    },
  );

  app.get(
    '/api/attendance/requests',
    {
      schema: {
        tags: ['attendance'],
        querystring: z.strictObject({
          box: z.enum(['inbox', 'mine', 'unit']).default('inbox'),
          status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']).optional(),
          personId: z.uuid().optional(),
        }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      const q = req.query;
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: (n: number) => string, v: unknown) => {
        params.push(v);
        where.push(sql(params.length));
      };
      if (q.box === 'mine') add((n) => `j.person_id = $${n}`, access.principal.personId);
      else if (q.box === 'inbox') {
        add((n) => `j.unit_id = ANY($${n}::uuid[])`, access.unitsFor('leave.approve'));
        if (access.principal.personId) add((n) => `j.person_id <> $${n}`, access.principal.personId);
      } else add((n) => `j.unit_id = ANY($${n}::uuid[])`, [...new Set([...access.unitsFor('attendance.read'), ...access.unitsFor('leave.approve')])]);
      const status = q.status ?? (q.box === 'inbox' ? 'PENDING' : undefined);
      if (status) add((n) => `j.status = $${n}`, status);
      if (q.personId) add((n) => `j.person_id = $${n}`, q.personId);
      const rows = await ctx.db.query(
        `SELECT j.id, j.person_id AS "personId", p.full_name AS "fullName", p.employee_code AS "employeeCode", j.unit_id AS "unitId",
                u.name AS "unitName", j.type, j.start_date AS "startDate", j.start_half AS "startHalf", j.end_date AS "endDate",
                j.end_half AS "endHalf", j.status, j.reason, j.document_ref AS "documentRef", j.charged_days AS "chargedDays",
                j.requested_at AS "requestedAt", j.decided_at AS "decidedAt", j.decision_note AS "decisionNote", j.version
           FROM justifications j JOIN persons p ON p.id = j.person_id JOIN org_units u ON u.id = j.unit_id
          WHERE ${where.join(' AND ')} ORDER BY j.requested_at DESC LIMIT 500`,
        params,
      );
      return { items: rows };
    },
  );

  const decide = (decision: 'APPROVED' | 'REJECTED') => async (req: { params: { id: string }; body: { note?: string | null; version?: number } }, access: ReturnType<typeof getAccess>) => {
    const cur = await getJustification(ctx.db, req.params.id);
    access.requireInUnit('leave.approve', cur.unit_id);
    return decideJustification(deps, { ...access.actor(), personId: access.principal.personId }, req.params.id, decision, req.body.note ?? null, req.body.version);
  };
  const decisionBody = z.strictObject({ note: ZText(1000).nullish(), version: z.number().int().positive().optional() });
  app.post('/api/attendance/requests/:id/approve', { schema: { tags: ['attendance'], params: ZIdParams, body: decisionBody } }, async (req) =>
    decide('APPROVED')(req, getAccess(req)),
  );
  app.post('/api/attendance/requests/:id/reject', { schema: { tags: ['attendance'], params: ZIdParams, body: decisionBody } }, async (req) =>
    decide('REJECTED')(req, getAccess(req)),
  );

  app.post(
    '/api/attendance/requests/:id/cancel',
    { schema: { tags: ['attendance'], params: ZIdParams, body: z.strictObject({ reason: ZText(500).pipe(z.string().min(3)) }) } },
    async (req) => {
      const access = getAccess(req);
      const cur = await getJustification(ctx.db, req.params.id);
      const approver = access.canInUnit('leave.approve', cur.unit_id);
      if (!access.isSelf(cur.person_id) && !approver) throw errors.forbidden({ permission: 'leave.approve' });
      return cancelJustification(deps, access.actor(), req.params.id, req.body.reason, approver);
    },
  );

  app.get(
    '/api/attendance/leave-balance',
    { schema: { tags: ['attendance'], querystring: z.strictObject({ personId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100) }) } },
    async (req) => {
      const access = getAccess(req);
      const personId = req.query.personId ?? access.principal.personId;
      if (!personId) throw errors.badRequest('PERSON_REQUIRED', 'Cần chọn cán bộ.', 'Choose a person.');
      access.requireSelfOrUnit('attendance.read', personId, await personUnit(ctx, personId));
      return leaveBalance(ctx.db, personId, req.query.year);
    },
  );
}
