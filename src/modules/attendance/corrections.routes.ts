import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getAccess } from '../../platform/access';
import { errors } from '../../platform/errors';
import { ZDate, ZIdParams, ZText } from '../../platform/http/schemas';
import type { AppContext } from '../../platform/module';
import { addDays, formatTimeVi, hhmmToMinutes, localToInstant } from '../../platform/time';
import { loadOrgTree } from '../org';
import { getPerson } from '../people';
import { subjectPerson } from './attendance.routes';
import { correctionDto, ZCorrection, ZCorrectionCreate, ZCorrectionList, ZDayPunches } from './corrections.dto';
import { listCorrections, punchesOfDay, punchForCorrection } from './corrections.repo';
import { cancelCorrection, decideCorrection, findCorrection, requestCorrection } from './corrections.service';
import { assertMayDecide, DECIDE_PERMISSIONS, decisionBlocks } from './decision-rights';

const timeOf = (at: Date | null) => (at ? formatTimeVi(at) : null);

/** Corrections of a missed or wrong punch: create, list (inbox, mine, unit), the day's punches, approve, reject, cancel. */
export async function correctionRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const deps = { db: ctx.db, bus: ctx.bus, now: ctx.now };

  app.post(
    '/api/attendance/corrections',
    {
      schema: {
        summary: 'Ask to add a missed punch or to void a wrong one (for oneself, or for a person one manages)',
        tags: ['attendance'],
        body: ZCorrectionCreate,
        response: { 201: ZCorrection },
      },
    },
    async (req, reply) => {
      const access = getAccess(req);
      const b = req.body;
      const personId = await subjectPerson(ctx, access, b.personId, 'attendance.manage');
      const common = { personId, reason: b.reason, attachmentRef: b.attachmentRef ?? null };
      const row = await requestCorrection(
        ctx.db,
        access.actor(),
        b.kind === 'ADD_PUNCH'
          ? { ...common, kind: 'ADD_PUNCH', date: b.date, minute: hhmmToMinutes(b.time), direction: b.direction }
          : { ...common, kind: 'VOID_PUNCH', punchId: b.punchId },
        ctx.now(),
      );
      return reply.status(201).send(correctionDto(row, timeOf(row.at)));
    },
  );

  app.get(
    '/api/attendance/corrections',
    {
      schema: {
        summary: "List punch corrections: the approver's inbox, one's own, or a unit's",
        tags: ['attendance'],
        querystring: z.strictObject({
          box: z.enum(['inbox', 'mine', 'unit']).default('inbox'),
          status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']).optional(),
          personId: z.uuid().optional(),
        }),
        response: { 200: ZCorrectionList },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const q = req.query;
      const deciderUnits = [...new Set(DECIDE_PERMISSIONS.ATTENDANCE_CORRECTION.flatMap((p) => access.unitsFor(p)))];
      const status = q.status ?? (q.box === 'inbox' ? 'PENDING' : undefined);
      const box =
        q.box === 'mine'
          ? { ownPersonId: access.principal.personId ?? null }
          : q.box === 'inbox'
            ? { unitIds: deciderUnits, notPersonId: access.principal.personId }
            : { unitIds: [...new Set([...access.unitsFor('attendance.read'), ...deciderUnits])] };
      const rows = await listCorrections(ctx.db, { ...box, status, personId: q.personId });
      const tree = await loadOrgTree(ctx.db);
      const people = new Map<string, { name: string; code: string }>();
      for (const id of new Set(rows.map((r) => r.person_id))) {
        const p = await getPerson(ctx.db, id);
        people.set(id, { name: p?.full_name ?? '', code: p?.employee_code ?? '' });
      }
      const blocks = await decisionBlocks(ctx.db, access, 'ATTENDANCE_CORRECTION', rows.map((r) => ({ personId: r.person_id, unitId: r.unit_id, status: r.status })), ctx.now());
      const items = [];
      for (const [i, r] of rows.entries()) {
        const punch = r.punch_id ? await punchForCorrection(ctx.db, r.punch_id) : undefined;
        items.push({
          ...correctionDto(r, timeOf(r.at)),
          fullName: people.get(r.person_id)?.name ?? '',
          employeeCode: people.get(r.person_id)?.code ?? '',
          unitName: tree.byId.get(r.unit_id)?.name ?? '',
          punchAt: punch?.at ?? null,
          punchSource: punch?.source_id ?? null,
          canDecide: blocks[i] === null,
          decisionBlock: blocks[i] ?? null,
        });
      }
      // "Awaiting my approval" lists what this user may decide, not everything pending in their units.
      return { items: q.box === 'inbox' ? items.filter((it) => it.status !== 'PENDING' || it.canDecide) : items };
    },
  );

  app.get(
    '/api/attendance/corrections/punches',
    {
      schema: {
        summary: "A person's punches of one day, to pick the one a correction voids",
        tags: ['attendance'],
        querystring: z.strictObject({ personId: z.uuid().optional(), date: ZDate }),
        response: { 200: ZDayPunches },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const personId = await subjectPerson(ctx, access, req.query.personId, 'attendance.read');
      const rows = await punchesOfDay(ctx.db, personId, localToInstant(req.query.date), localToInstant(addDays(req.query.date, 1)));
      return {
        items: rows.map((p) => ({ id: p.id, at: p.at, time: formatTimeVi(p.at), direction: p.direction, sourceId: p.source_id, annulled: p.annulled, voidRequestId: p.voided_by })),
      };
    },
  );

  const decisionBody = z.strictObject({ note: ZText(1000).nullish(), version: z.number().int().positive().optional() });
  const decide = (decision: 'APPROVED' | 'REJECTED') => async (req: { params: { id: string }; body: { note?: string | null; version?: number } }, access: ReturnType<typeof getAccess>) => {
    const cur = await findCorrection(ctx.db, req.params.id);
    await assertMayDecide(ctx.db, access, 'ATTENDANCE_CORRECTION', { personId: cur.person_id, unitId: cur.unit_id }, ctx.now());
    const row = await decideCorrection(deps, { ...access.actor(), personId: access.principal.personId }, req.params.id, decision, req.body.note ?? null, req.body.version);
    return correctionDto(row, timeOf(row.at));
  };
  app.post(
    '/api/attendance/corrections/:id/approve',
    {
      schema: {
        summary: 'Approve a pending punch correction: the missed punch is ingested (source correction) or the wrong one voided; the day is recomputed',
        tags: ['attendance'],
        params: ZIdParams,
        body: decisionBody,
        response: { 200: ZCorrection },
      },
    },
    async (req) => decide('APPROVED')(req, getAccess(req)),
  );
  app.post(
    '/api/attendance/corrections/:id/reject',
    {
      schema: { summary: 'Reject a pending punch correction (a note is required); nothing changes', tags: ['attendance'], params: ZIdParams, body: decisionBody, response: { 200: ZCorrection } },
    },
    async (req) => decide('REJECTED')(req, getAccess(req)),
  );

  app.post(
    '/api/attendance/corrections/:id/cancel',
    {
      schema: {
        summary: 'Withdraw a pending punch correction (the requester, or a decider of its unit)',
        tags: ['attendance'],
        params: ZIdParams,
        body: z.strictObject({ reason: ZText(500).pipe(z.string().min(3)) }),
        response: { 200: ZCorrection },
      },
    },
    async (req) => {
      const access = getAccess(req);
      const cur = await findCorrection(ctx.db, req.params.id);
      const decider = DECIDE_PERMISSIONS.ATTENDANCE_CORRECTION.some((p) => access.canInUnit(p, cur.unit_id));
      if (!access.isSelf(cur.person_id) && !decider) throw errors.forbidden({ permission: 'leave.approve' });
      const row = await cancelCorrection(deps, access.actor(), req.params.id, req.body.reason);
      return correctionDto(row, timeOf(row.at));
    },
  );
}
