import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/module';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { errors } from '../../platform/errors';
import { ZBoolString, ZDate, ZIdParams, ZPage, ZText } from '../../platform/http/schemas';
import { localDateOf } from '../../platform/time';
import { recordAudit } from '../audit/audit.service';
import type { Access } from '../../platform/access';
import { getAccess } from '../../platform/access';
import { loadOrgTree } from '../org/org-tree';
import { ACTION_LABELS, VIOLATION_KINDS } from '../rules/domain/rule-config';
import { allowedActions, CASE_STATES, DECISION_LABELS, STATE_LABELS } from './domain/states';
import { disciplineContext } from './workflow.service';
import { explanationsOf, getCase, transitionsOf } from './workflow.repo';
import { dashboard } from './dashboard.repo';
import { KIND_LABELS } from './domain/labels';
import { listDto, listViolations } from './violations.query';
import { evidenceOf, getViolation, personInfo, unitName, type ViolationRow } from './violations.repo';
import { openManualViolation } from './violations.service';

const ZListQuery = z.strictObject({
  unitId: z.uuid().optional(),
  includeSubunits: ZBoolString.optional(),
  personId: z.uuid().optional(),
  kind: z.enum(VIOLATION_KINDS).optional(),
  state: z.enum(CASE_STATES).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  includeRetracted: ZBoolString.optional(),
  overdueOnly: ZBoolString.optional(),
  ...ZPage,
});

const ZManual = z.strictObject({
  personId: z.uuid(),
  kind: z.enum(VIOLATION_KINDS),
  source: z.enum(['INSPECTION', 'LEADER']),
  occurredOn: ZDate,
  title: ZText(200).pipe(z.string().min(3)),
  description: ZText(4000).pipe(z.string().min(3)),
  minutes: z.number().int().min(1).max(1440).nullish(),
  inspectionRef: ZText(100).nullish(),
  evidence: z
    .strictObject({ cameraId: z.uuid(), from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
    .refine((e) => Date.parse(e.to) > Date.parse(e.from) && Date.parse(e.to) - Date.parse(e.from) <= 10 * 60_000, 'range must be positive and at most 10 minutes')
    .nullish(),
});

/** A violation is visible to the person it concerns and to holders of violations.read over its unit. */
export function assertCanSee(access: Access, v: Pick<ViolationRow, 'person_id' | 'unit_id'>): void {
  access.requireSelfOrUnit('violations.read', v.person_id, v.unit_id);
}

export async function loadVisible(ctx: AppContext, access: Access, id: string): Promise<ViolationRow> {
  const v = await getViolation(ctx.db, id);
  if (!v) throw errors.notFound('Violation', 'vi phạm');
  assertCanSee(access, v);
  return v;
}

export async function violationsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/violations', { schema: { tags: ['violations'], querystring: ZListQuery } }, async (req) => {
    const access = getAccess(req);
    const q = req.query;
    let unitIds: string[] | undefined;
    if (q.unitId) unitIds = q.includeSubunits === false ? [q.unitId] : [...(await loadOrgTree(ctx.db)).scopeOf(q.unitId)];
    const { rows, total } = await listViolations(
      ctx.db,
      { ...q, unitIds },
      { units: access.unitsFor('violations.read'), self: access.principal.personId },
      ctx.now(),
    );
    return { items: rows.map(listDto), total, page: q.page, pageSize: q.pageSize };
  });

  app.get(
    '/api/violations/dashboard',
    { schema: { tags: ['violations'], querystring: z.strictObject({ unitId: z.uuid().optional(), weeks: z.coerce.number().int().min(4).max(104).default(26) }) } },
    async (req) => {
      const access = getAccess(req);
      access.require('violations.read');
      let units = access.unitsFor('violations.read');
      if (req.query.unitId) {
        access.requireInUnit('violations.read', req.query.unitId);
        const sub = (await loadOrgTree(ctx.db)).scopeOf(req.query.unitId);
        units = units.filter((u) => sub.has(u));
      }
      const now = ctx.now();
      return dashboard(ctx.db, units, localDateOf(now), now, { weeks: req.query.weeks });
    },
  );

  app.post('/api/violations', { schema: { tags: ['violations'], body: ZManual } }, async (req, reply) => {
    const access = getAccess(req);
    const perm = req.body.source === 'INSPECTION' ? 'inspections.manage' : 'violations.decide';
    access.require(perm);
    const v = await openManualViolation(ctx.db, req.body, access.actor(), ctx.now(), (unitId) => access.requireInUnit(perm, unitId));
    return reply.status(201).send({ id: v.id, repeatOrdinal: v.repeat_ordinal, proposedAction: v.proposed_action });
  });

  app.get('/api/violations/:id', { schema: { tags: ['violations'], params: ZIdParams } }, async (req) => {
    const access = getAccess(req);
    const v = await loadVisible(ctx, access, req.params.id);
    const [c, evidence, transitions, explanations, person, unit] = await Promise.all([
      getCase(ctx.db, v.id),
      evidenceOf(ctx.db, v.id),
      transitionsOf(ctx.db, v.id),
      explanationsOf(ctx.db, v.id),
      personInfo(ctx.db, v.person_id),
      unitName(ctx.db, v.unit_id),
    ]);
    const now = ctx.now();
    const canDecide = access.canInUnit('violations.decide', v.unit_id);
    const isSelf = access.isSelf(v.person_id);
    const state = c?.state ?? 'OPENED';
    const actions = allowedActions(state).filter((a) => {
      if (a === 'explain') return isSelf && !v.retracted_at && !!c?.explanation_due_at && c.explanation_due_at >= now;
      if (a === 'decide') return canDecide && !(state === 'EXPLANATION_REQUESTED' && c?.explanation_due_at && c.explanation_due_at > now);
      if (a === 'request_explanation' || a === 'propose_discipline' || a === 'close') return canDecide && !v.retracted_at && (a !== 'propose_discipline' || c?.decision === 'ESCALATED');
      return false;
    });
    // A leader deciding after the deadline passed (sweep not yet run) may still decide.
    if (canDecide && state === 'EXPLANATION_REQUESTED' && c?.explanation_due_at && c.explanation_due_at <= now && !actions.includes('decide')) actions.push('decide');
    const discipline = canDecide && person ? await disciplineContext(ctx.db, v.id, localDateOf(now)) : null;
    return {
      id: v.id,
      person: person ? { id: person.id, name: person.full_name, employeeCode: person.employee_code, category: person.category, positionTitle: person.position_title } : null,
      unitId: v.unit_id,
      unitName: unit,
      kind: v.kind,
      kindLabel: KIND_LABELS[v.kind],
      source: v.source,
      occurredOn: v.occurred_on,
      session: v.session,
      minutes: v.minutes,
      title: v.title,
      facts: v.facts,
      judgement: {
        ruleSetId: v.rule_set_id,
        ruleVersion: v.rule_version,
        repeatOrdinal: v.repeat_ordinal,
        repeatWindow: v.repeat_window,
        proposedAction: v.proposed_action,
        proposedActionLabel: ACTION_LABELS[v.proposed_action],
        notifyUnitHead: v.notify_unit_head,
      },
      retraction: v.retracted_at ? { at: v.retracted_at, reason: v.retraction_reason, details: v.retraction_details } : null,
      case: c
        ? {
            state: c.state,
            stateLabel: STATE_LABELS[c.state],
            explanationDueAt: c.explanation_due_at,
            explanationDueOn: c.explanation_due_at ? localDateOf(c.explanation_due_at) : null,
            decision: c.decision,
            decisionLabel: c.decision ? DECISION_LABELS[c.decision] : null,
            decisionReason: c.decision_reason,
            decidedAt: c.decided_at,
            proposal: c.proposal,
            processingDueOn: c.processing_due_on,
            limitationUntil: c.limitation_until,
            closedAt: c.closed_at,
          }
        : null,
      transitions: transitions.map((t) => ({ from: t.from_state, to: t.to_state, actorName: t.actor_name, reason: t.reason, details: t.details, at: t.at })),
      explanations: explanations.map((e) => ({
        id: e.id,
        body: e.body,
        submittedAt: e.submitted_at,
        files: e.files.map((f) => ({ id: f.id, fileName: f.file_name, contentType: f.content_type, sizeBytes: f.size_bytes, sha256: f.sha256 })),
      })),
      evidence: evidence.map((e) => ({
        id: e.id,
        kind: e.kind,
        status: e.status,
        cameraId: e.camera_id,
        punchId: e.punch_id,
        rangeStart: e.range_start,
        rangeEnd: e.range_end,
        exportId: e.export_id,
        sha256: e.sha256,
        contentType: e.content_type,
        details: e.details,
        note: e.note,
        playable: e.status === 'READY' && !!e.blob_key,
      })),
      allowedActions: actions,
      discipline,
    };
  });

  /**
   * Streams an exported evidence file (clip or snapshot). Viewing footage is a sensitive read: audited. Whoever sees the
   * violation (the person concerned included: it is the evidence against them) sees its footage, but only footage
   * owned by a unit whose cameras cover the violation's unit (its own or a parent's gate, as the export was chosen):
   * the file's owner is checked, not only the evidence row that names it.
   */
  app.get(
    '/api/violations/:id/evidence/:evidenceId/content',
    { schema: { tags: ['violations'], params: z.strictObject({ id: z.uuid(), evidenceId: z.uuid() }) }, config: { servesBlob: 'owner' } },
    async (req, reply) => {
      const access = getAccess(req);
      const v = await loadVisible(ctx, access, req.params.id);
      const ev = (await evidenceOf(ctx.db, v.id)).find((e) => e.id === req.params.evidenceId);
      if (!ev || ev.status !== 'READY' || !ev.blob_key) throw errors.notFound('Evidence file', 'tệp bằng chứng');
      const covering = new Set((await loadOrgTree(ctx.db)).ancestry(v.unit_id).map((u) => u.id));
      const blob = await openOwnedBlob(ctx, ev.blob_key, [BLOB_KINDS.recordingEvidence], (owner) => {
        if (!owner.unitId || !covering.has(owner.unitId)) throw errors.outOfScope();
      });
      await recordAudit(ctx.db, {
        actor: access.actor(),
        action: 'footage.view',
        entityType: 'violation_evidence',
        entityId: ev.id,
        unitId: v.unit_id,
        details: { violationId: v.id, kind: ev.kind, exportId: ev.export_id, sha256: ev.sha256 },
      });
      return reply
        .header('content-type', ev.content_type ?? 'application/octet-stream')
        .header('content-length', String(blob.size))
        .header('cache-control', 'private, no-store')
        .send(await blob.stream());
    },
  );
}
