import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { formatDateVi, localDateOf } from '../../platform/time';
import { violationTemplates as templates } from './notice-templates';
import { notify } from '../notifications';
import { personRecipient } from '../notifications';
import { KIND_LABELS } from './domain/labels';
import { reportAudience, violationLink, violationVars } from './notices';
import { getViolation, personInfo, type ViolationRow } from './violations.repo';
import { deadlineDetails, explanationDeadline } from './deadlines';
import { deadlinesFor, regimeFor } from './domain/regimes';
import { type CaseAction, DECISION_LABELS, type Decision, nextState } from './domain/states';
import { type CasePatch, type CaseRow, getCase, insertCase, insertTransition, overdueCases, updateCase } from './workflow.repo';

export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'system' };

/**
 * Moves a case along the state machine: checks the transition is allowed from the current state, records it in the
 * case history and in the audit chain, in the caller's transaction. Refused transitions are 409 with both states.
 */
export async function applyTransition(
  tx: Db,
  v: Pick<ViolationRow, 'id' | 'unit_id'>,
  action: CaseAction,
  actor: AuditActor,
  at: Date,
  opts: { reason?: string | null; details?: Record<string, unknown>; patch?: CasePatch } = {},
): Promise<CaseRow> {
  const current = await getCase(tx, v.id, true);
  if (!current) throw errors.notFound('Violation case', 'hồ sơ vi phạm');
  const to = nextState(current.state, action);
  if (!to)
    throw errors.conflict(
      'INVALID_TRANSITION',
      'Thao tác này không thực hiện được ở trạng thái hiện tại của hồ sơ.',
      `Action ${action} is not allowed in state ${current.state}.`,
      { state: current.state, action },
    );
  const updated = await updateCase(tx, v.id, to, opts.patch ?? {}, at);
  await insertTransition(tx, {
    violation_id: v.id,
    from_state: current.state,
    to_state: to,
    actor_id: actor.id ?? null,
    actor_name: actor.name,
    reason: opts.reason ?? null,
    details: opts.details ?? {},
    at,
  });
  await recordAudit(
    tx,
    {
      actor,
      action: `workflow.${action}`,
      entityType: 'violation',
      entityId: v.id,
      unitId: v.unit_id,
      reason: opts.reason ?? null,
      details: { from: current.state, to, ...(opts.details ?? {}) },
    },
    at,
  );
  return updated;
}

export async function openCase(tx: Db, v: Pick<ViolationRow, 'id' | 'unit_id'>, actor: AuditActor, at: Date): Promise<CaseRow> {
  const row = await insertCase(tx, v.id, at);
  await insertTransition(tx, { violation_id: v.id, from_state: null, to_state: 'OPENED', actor_id: actor.id ?? null, actor_name: actor.name, reason: null, details: {}, at });
  return row;
}

async function loadForDecision(tx: Db, violationId: string): Promise<ViolationRow> {
  const v = await getViolation(tx, violationId, true);
  if (!v) throw errors.notFound('Violation', 'vi phạm');
  if (v.retracted_at) throw errors.conflict('VIOLATION_RETRACTED', 'Vi phạm này đã được hủy.', 'This violation was retracted.');
  return v;
}

/**
 * A fact that awaits justification is no violation yet (CONTRACT C5, audit D3): whether the absence had a valid
 * reason is the approver's to decide on the pending request, so nobody decides or asks for an explanation meanwhile.
 */
function refuseWhileAwaiting(v: ViolationRow): void {
  if (v.kind === 'AWAITING_JUSTIFICATION')
    throw errors.conflict(
      'AWAITING_JUSTIFICATION',
      'Ngày này đang có đơn chờ duyệt (chờ hợp thức hóa); chưa thể xử lý cho đến khi đơn được quyết định.',
      'A request covering this day is pending (awaiting justification); nothing can be decided until it is.',
      { kind: v.kind, requestId: v.facts.pendingRequestId ?? null },
    );
}

/** The leader's decision, with a mandatory reason. ESCALATED keeps the case open for the discipline proposal. */
export async function decide(db: Db, violationId: string, decision: Decision, reason: string, actor: AuditActor, now: Date): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const v = await loadForDecision(tx, violationId);
    refuseWhileAwaiting(v);
    const current = await getCase(tx, v.id);
    if (current?.state === 'EXPLANATION_REQUESTED' && current.explanation_due_at && current.explanation_due_at > now)
      throw errors.conflict(
        'EXPLANATION_PENDING',
        'Người vi phạm vẫn còn thời hạn giải trình; chưa thể cho ý kiến xử lý.',
        'The person still has time to explain; the case cannot be decided yet.',
        { dueAt: current.explanation_due_at },
      );
    if (current?.state === 'EXPLANATION_REQUESTED') await applyTransition(tx, v, 'mark_no_answer', SYSTEM_ACTOR, now);
    let row = await applyTransition(tx, v, 'decide', actor, now, {
      reason,
      details: { decision },
      patch: { decision, decision_reason: reason, decided_by: actor.id ?? null, decided_at: now },
    });
    if (decision !== 'ESCALATED')
      row = await applyTransition(tx, v, 'close', SYSTEM_ACTOR, now, { reason: DECISION_LABELS[decision].vi, patch: { closed_at: now } });
    const person = await personRecipient(tx, v.person_id);
    if (person)
      await notify(
        tx,
        {
          template: 'decision_made',
          rendered: templates.decision_made({
            personName: person.name,
            kindLabel: KIND_LABELS[v.kind].vi,
            dateLabel: formatDateVi(v.occurred_on),
            decisionLabel: DECISION_LABELS[decision].vi,
            reason,
            link: violationLink(v.id),
          }),
          recipients: [person],
          entityType: 'violation',
          entityId: v.id,
          dedupKey: `decision:${v.id}`,
        },
        now,
      );
    return row;
  });
}

/** The regime, the forms the law provides and the time limits for this person and violation — shown, never chosen. */
export async function disciplineContext(db: Db, violationId: string, asOf: string) {
  const v = await getViolation(db, violationId);
  if (!v) throw errors.notFound('Violation', 'vi phạm');
  const p = await personInfo(db, v.person_id);
  if (!p) throw errors.notFound('Person', 'cán bộ');
  const regime = regimeFor(p.category, asOf);
  const detectedOn = localDateOf(v.created_at);
  return { category: p.category, asOf, violationDate: v.occurred_on, detectedOn, regime, deadlines: deadlinesFor(regime, v.occurred_on, detectedOn) };
}

/** After an ESCALATED decision: records the proposal to start the review / discipline procedure (domain.md §4.6). */
export async function proposeDiscipline(db: Db, violationId: string, note: string, actor: AuditActor, now: Date): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const v = await loadForDecision(tx, violationId);
    refuseWhileAwaiting(v);
    const current = await getCase(tx, v.id);
    if (current?.decision !== 'ESCALATED')
      throw errors.conflict('NOT_ESCALATED', 'Chỉ đề nghị xem xét kỷ luật sau khi đã chuyển xử lý.', 'Only an escalated case can be proposed for discipline.');
    const ctx = await disciplineContext(tx, v.id, localDateOf(now));
    return applyTransition(tx, v, 'propose_discipline', actor, now, {
      reason: note,
      details: { regime: ctx.regime.code },
      patch: {
        proposal: { note, regime: ctx.regime, deadlines: ctx.deadlines, asOf: ctx.asOf, chosenForm: null },
        processing_due_on: ctx.deadlines.processingDueOn,
        limitation_until: ctx.deadlines.limitationReprimandUntil,
      },
    });
  });
}

export async function closeCase(db: Db, violationId: string, reason: string, actor: AuditActor, now: Date): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const v = await loadForDecision(tx, violationId);
    return applyTransition(tx, v, 'close', actor, now, { reason, patch: { closed_at: now } });
  });
}

/**
 * Deadline sweep: explanation requests past their deadline become NO_ANSWER and the competent leaders are told
 * (audit D6: never the person, never a subordinate of theirs; see reportAudience). A fact awaiting justification is
 * skipped: its request is pending, and its deadline is given again if the request is not approved.
 * Safe to run repeatedly and from several workers (each case is locked and re-checked).
 */
export async function sweepOverdueExplanations(db: Db, now: Date, limit = 200): Promise<number> {
  let done = 0;
  for (const c of await overdueCases(db, now, limit)) {
    await db.transaction(async (tx) => {
      const locked = await getCase(tx, c.violation_id, true);
      if (locked?.state !== 'EXPLANATION_REQUESTED') return;
      const v = await getViolation(tx, c.violation_id);
      if (!v || v.kind === 'AWAITING_JUSTIFICATION') return;
      await applyTransition(tx, v, 'mark_no_answer', SYSTEM_ACTOR, now, { reason: 'Quá hạn giải trình' });
      const p = await personInfo(tx, v.person_id);
      const audience = await reportAudience(tx, v, localDateOf(now));
      await notify(
        tx,
        {
          template: 'explanation_overdue',
          rendered: templates.explanation_overdue({
            personName: p?.full_name ?? '',
            kindLabel: KIND_LABELS[v.kind].vi,
            dateLabel: formatDateVi(v.occurred_on),
            link: violationLink(v.id),
            competenceNote: audience.competenceNote,
          }),
          recipients: audience.recipients,
          entityType: 'violation',
          entityId: v.id,
          dedupKey: `overdue:${v.id}`,
        },
        now,
      );
      done++;
    });
  }
  return done;
}

/** A leader asks (again) for an explanation, with a new deadline in working days of the violation's unit. */
export async function requestExplanation(db: Db, violationId: string, workingDays: number, actor: AuditActor, now: Date): Promise<CaseRow> {
  return db.transaction(async (tx) => {
    const v = await loadForDecision(tx, violationId);
    refuseWhileAwaiting(v);
    const due = await explanationDeadline(tx, v.unit_id, now, { days: workingDays, kind: 'WORKING' });
    const row = await applyTransition(tx, v, 'request_explanation', actor, now, { patch: { explanation_due_at: due.dueAt }, details: deadlineDetails(due) });
    const person = await personRecipient(tx, v.person_id);
    if (person) {
      await notify(
        tx,
        {
          template: 'explanation_requested',
          rendered: templates.explanation_requested(await violationVars(tx, v, person.name, due.label)),
          recipients: [person],
          entityType: 'violation',
          entityId: v.id,
          dedupKey: `requested:${v.id}:${due.dueOn}`,
        },
        now,
      );
    }
    return row;
  });
}
