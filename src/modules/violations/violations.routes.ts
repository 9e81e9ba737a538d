import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/module';
import type { Access } from '../../platform/access';
import { BLOB_KINDS } from '../../platform/blob-owners/blob-owners';
import { openOwnedBlob } from '../../platform/blob-owners/read';
import { AppError, errors } from '../../platform/errors';
import { ZBinary, ZIdParams, binaryBody } from '../../platform/http/schemas';
import { localDateOf } from '../../platform/time';
import { getAccess } from '../../platform/access';
import { recordAudit } from '../audit';
import { loadOrgTree } from '../org';
import { competenceOf } from '../competence';
import { allowedActions, type CaseAction } from './domain/states';
import { detailDto, listDto, ZEvidenceParams, ZListQuery, ZManual, ZManualCreated, ZViolationDetail, ZViolationPage } from './violations.dto';
import { listViolations } from './violations.query';
import { countedViolations, evidenceOf, personInfo, unitName, type ViolationRow } from './violations.repo';
import { kindChangesOf } from './kind-changes.repo';
import { openManualViolation } from './violations.service';
import { loadVisible } from './visibility';
import { type CaseRow, explanationsOf, getCase, transitionsOf } from './workflow.repo';
import { disciplineContext } from './workflow.service';

const tags = ['violations'];

/** What the caller may do next on this violation's case, given their role, the state and the deadline. */
function actionsFor(access: Access, v: ViolationRow, c: CaseRow | undefined, now: Date): CaseAction[] {
  const canDecide = access.canInUnit('violations.decide', v.unit_id);
  const isSelf = access.isSelf(v.person_id);
  const state = c?.state ?? 'OPENED';
  // Awaiting justification: the pending request decides; nobody decides or asks for an explanation meanwhile (C5).
  const awaiting = v.kind === 'AWAITING_JUSTIFICATION';
  const actions = allowedActions(state).filter((a) => {
    if (awaiting && a !== 'explain') return false;
    if (a === 'explain') return isSelf && !v.retracted_at && !!c?.explanation_due_at && c.explanation_due_at >= now;
    if (a === 'decide') return canDecide && !(state === 'EXPLANATION_REQUESTED' && c?.explanation_due_at && c.explanation_due_at > now);
    if (a === 'request_explanation' || a === 'propose_discipline' || a === 'close') return canDecide && !v.retracted_at && (a !== 'propose_discipline' || c?.decision === 'ESCALATED');
    return false;
  });
  // A leader deciding after the deadline passed (sweep not yet run) may still decide.
  if (!awaiting && canDecide && state === 'EXPLANATION_REQUESTED' && c?.explanation_due_at && c.explanation_due_at <= now && !actions.includes('decide')) actions.push('decide');
  return actions;
}

export async function violationsRoutes(root: FastifyInstance, ctx: AppContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/violations',
    { schema: { summary: 'List the violations I may see, newest first', tags, querystring: ZListQuery, response: { 200: ZViolationPage } } },
    async (req) => {
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
    },
  );

  app.post(
    '/api/violations',
    { schema: { summary: 'Record a violation by hand (inspection or leader), judged by the rules in force', tags, body: ZManual, response: { 201: ZManualCreated } } },
    async (req, reply) => {
      const access = getAccess(req);
      const perm = req.body.source === 'INSPECTION' ? 'inspections.manage' : 'violations.decide';
      access.require(perm);
      if (access.isSelf(req.body.personId))
        throw new AppError(403, 'COMPETENCE_OWN_CASE', 'Không được tự lập biên bản vi phạm đối với chính mình.', 'You cannot record a violation against yourself.', { matter: 'VIOLATION_HANDLING' });
      const v = await openManualViolation(ctx.db, req.body, access.actor(), ctx.now(), (unitId) => access.requireInUnit(perm, unitId));
      return reply.status(201).send({ id: v.id, repeatOrdinal: v.repeat_ordinal, proposedAction: v.proposed_action });
    },
  );

  app.get(
    '/api/violations/:id',
    { schema: { summary: 'Show a violation with its case, history, explanations, evidence and my next actions', tags, params: ZIdParams, response: { 200: ZViolationDetail } } },
    async (req) => {
      const access = getAccess(req);
      const v = await loadVisible(ctx, access, req.params.id);
      const [c, evidence, transitions, explanations, person, unit, counted, kindChanges] = await Promise.all([
        getCase(ctx.db, v.id),
        evidenceOf(ctx.db, v.id),
        transitionsOf(ctx.db, v.id),
        explanationsOf(ctx.db, v.id),
        personInfo(ctx.db, v.person_id),
        unitName(ctx.db, v.unit_id),
        countedViolations(ctx.db, v.repeat_of ?? []),
        kindChangesOf(ctx.db, v.id),
      ]);
      const now = ctx.now();
      // The page offers a leader's action only when the competence table lets this user handle this person's matter
      // (never one's own case or a superior's): the API would refuse it anyway (workflow.routes.ts).
      const verdict = await competenceOf(ctx.db, access, { matter: 'VIOLATION_HANDLING', subjectPersonId: v.person_id, date: localDateOf(now) });
      const actions = actionsFor(access, v, c, now).filter((a) => a === 'explain' || verdict.allowed);
      const canDecide = access.canInUnit('violations.decide', v.unit_id);
      const discipline = canDecide && person ? await disciplineContext(ctx.db, v.id, localDateOf(now)) : null;
      return detailDto({ v, c, person, unitName: unit, evidence, transitions, explanations, actions, discipline, counted, kindChanges });
    },
  );

  /**
   * Streams an exported evidence file (clip or snapshot). Viewing footage is a sensitive read: audited. Whoever sees the
   * violation (the person concerned included: it is the evidence against them) sees its footage, but only footage
   * owned by a unit whose cameras cover the violation's unit (its own or a parent's gate, as the export was chosen):
   * the file's owner is checked, not only the evidence row that names it.
   */
  app.get(
    '/api/violations/:id/evidence/:evidenceId/content',
    {
      schema: {
        summary: 'Download an evidence file of a violation (video/mp4 clip or image/jpeg snapshot); audited',
        tags,
        params: ZEvidenceParams,
        response: { 200: ZBinary },
      },
      config: { servesBlob: 'owner' },
    },
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
        .send(binaryBody(await blob.stream()));
    },
  );
}
