import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { errors } from '../../platform/errors';
import { ZDate, ZIdParams, ZText } from '../../platform/http/schemas';
import { getAccess } from '../../platform/access';
import { hhmmToMinutes } from '../../platform/time';
import { subjectPerson } from './attendance.routes';
import { correctionRoutes } from './corrections.routes';
import { assertMayDecide, decisionBlocks } from './decision-rights';
import { JUSTIFICATION_TYPES } from './domain/types';
import { listRequests } from './justifications.repo';
import { cancelJustification, decideJustification, getJustification, leaveBalance, requestJustification } from './justifications.service';
import { requestPermission } from './permissions.service';
import { PERMISSION_REQUEST_TYPES } from './request-horizon';
import { leaveRequestDto, windowOf, ZLeaveBalance, ZLeaveRequest, ZLeaveRequestList } from './requests.dto';

const ZHalf = z.enum(['MORNING', 'AFTERNOON']);
const ZHhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM (00:00–23:59)');

/** Leave / trip / training / WFH requests: create, the approver's inbox, approve, reject, cancel, annual balance. */
export async function requestRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, bus: ctx.bus, now: ctx.now };

  app.post(
    '/api/attendance/requests',
    {
      schema: {
        summary: 'Request leave, a trip, training or work from home (for oneself, or for a person one manages)',
        tags: ['attendance'],
        response: { 201: ZLeaveRequest },
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
      const personId = await subjectPerson(ctx, access, req.body.personId, 'attendance.manage');
      const row = await requestJustification(ctx.db, access.actor(), { ...req.body, personId, documentRef: req.body.documentRef ?? null }, ctx.now());
      return reply.status(201).send(leaveRequestDto(row));
    },
  );

  app.post(
    '/api/attendance/requests/permissions',
    {
      schema: {
        summary: 'Request permission to arrive late or leave early for part of a session (date, from–to, reason; for oneself or a person one manages)',
        tags: ['attendance'],
        response: { 201: ZLeaveRequest },
        body: z.strictObject({
          personId: z.uuid().optional(),
          type: z.enum(PERMISSION_REQUEST_TYPES),
          date: ZDate,
          from: ZHhmm,
          to: ZHhmm,
          reason: ZText(1000).pipe(z.string().min(3)),
          documentRef: ZText(200).nullish(),
        }),
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const personId = await subjectPerson(ctx, access, req.body.personId, 'attendance.manage');
      const b = req.body;
      const row = await requestPermission(
        ctx.db,
        access.actor(),
        { personId, type: b.type, date: b.date, fromMin: hhmmToMinutes(b.from), toMin: hhmmToMinutes(b.to), reason: b.reason, documentRef: b.documentRef ?? null },
        ctx.now(),
      );
      return reply.status(201).send(leaveRequestDto(row));
    },
  );

  app.get(
    '/api/attendance/requests',
    {
      schema: {
        summary: "List requests: the approver's inbox, one's own, or a unit's",
        tags: ['attendance'],
        response: { 200: ZLeaveRequestList },
        querystring: z.strictObject({
          box: z.enum(['inbox', 'mine', 'unit']).default('inbox'),
          status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']).optional(),
          personId: z.uuid().optional(),
          /** 'permission': only late-arrival / early-leave permissions; 'leave': only the others. */
          kind: z.enum(['leave', 'permission']).optional(),
        }),
      },
    },
    async (req) => {
      const access = getAccess(req);
      const q = req.query;
      const status = q.status ?? (q.box === 'inbox' ? 'PENDING' : undefined);
      const box =
        q.box === 'mine'
          ? { ownPersonId: access.principal.personId ?? null }
          : q.box === 'inbox'
            ? { unitIds: access.unitsFor('leave.approve'), notPersonId: access.principal.personId }
            : { unitIds: [...new Set([...access.unitsFor('attendance.read'), ...access.unitsFor('leave.approve')])] };
      const types = q.kind === 'permission' ? PERMISSION_REQUEST_TYPES : q.kind === 'leave' ? JUSTIFICATION_TYPES.filter((t) => !(PERMISSION_REQUEST_TYPES as readonly string[]).includes(t)) : undefined;
      const rows = await listRequests(ctx.db, { ...box, status, personId: q.personId, types });
      const blocks = await decisionBlocks(ctx.db, access, 'LEAVE_APPROVAL', rows, ctx.now());
      const items = rows.map(({ windowFromMin, windowToMin, ...r }, i) => ({
        ...r,
        window: windowOf(windowFromMin, windowToMin),
        canDecide: blocks[i] === null,
        decisionBlock: blocks[i] ?? null,
      }));
      // "Awaiting my approval" lists what this user may decide, not everything pending in their units.
      return { items: q.box === 'inbox' ? items.filter((it) => it.status !== 'PENDING' || it.canDecide) : items };
    },
  );

  const decide = (decision: 'APPROVED' | 'REJECTED') => async (req: { params: { id: string }; body: { note?: string | null; version?: number } }, access: ReturnType<typeof getAccess>) => {
    const cur = await getJustification(ctx.db, req.params.id);
    // The role over the request's unit, then the competence table (never one's own case nor a superior's).
    await assertMayDecide(ctx.db, access, 'LEAVE_APPROVAL', { personId: cur.person_id, unitId: cur.unit_id }, ctx.now());
    return leaveRequestDto(
      await decideJustification(deps, { ...access.actor(), personId: access.principal.personId }, req.params.id, decision, req.body.note ?? null, req.body.version),
    );
  };
  const decisionBody = z.strictObject({ note: ZText(1000).nullish(), version: z.number().int().positive().optional() });
  app.post(
    '/api/attendance/requests/:id/approve',
    { schema: { summary: 'Approve a pending request; its days are recomputed', tags: ['attendance'], params: ZIdParams, body: decisionBody, response: { 200: ZLeaveRequest } } },
    async (req) => decide('APPROVED')(req, getAccess(req)),
  );
  app.post(
    '/api/attendance/requests/:id/reject',
    { schema: { summary: 'Reject a pending request (a note is required)', tags: ['attendance'], params: ZIdParams, body: decisionBody, response: { 200: ZLeaveRequest } } },
    async (req) => decide('REJECTED')(req, getAccess(req)),
  );

  app.post(
    '/api/attendance/requests/:id/cancel',
    {
      schema: {
        summary: 'Withdraw a request (the requester while pending; an approver also after approval)',
        tags: ['attendance'],
        params: ZIdParams,
        body: z.strictObject({ reason: ZText(500).pipe(z.string().min(3)) }),
        response: { 200: ZLeaveRequest },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const cur = await getJustification(ctx.db, req.params.id);
      const approver = access.canInUnit('leave.approve', cur.unit_id);
      if (!access.isSelf(cur.person_id) && !approver) throw errors.forbidden({ permission: 'leave.approve' });
      return leaveRequestDto(await cancelJustification(deps, access.actor(), req.params.id, req.body.reason, approver));
    },
  );

  app.get(
    '/api/attendance/leave-balance',
    {
      schema: {
        summary: "A person's annual leave balance for a year",
        tags: ['attendance'],
        querystring: z.strictObject({ personId: z.uuid().optional(), year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: ZLeaveBalance },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const personId = await subjectPerson(ctx, access, req.query.personId, 'attendance.read');
      return leaveBalance(ctx.db, personId, req.query.year);
    },
  );

  // Corrections of a missed or wrong punch live beside the requests (same inbox page, same deciders).
  await correctionRoutes(root, ctx);
}
