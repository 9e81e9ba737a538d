import { JUSTIFICATION_TYPE_LABELS, pickLabel } from '../../platform/glossary';
import type { Db } from '../../platform/ports/db';
import { formatDateVi, localDateOf } from '../../platform/time';
import { type AttendanceDayUpdated, requestOutcome } from '../attendance';
import { recordAudit } from '../audit';
import { notify, personRecipient } from '../notifications';
import { effectiveRules } from '../rules';
import { deadlineDetails, explanationDeadline } from './deadlines';
import type { Candidate } from './domain/derive';
import { KIND_LABELS } from './domain/labels';
import { announce, judge } from './judge.service';
import { insertKindChange, type KindChangeCause, kindChangesOf } from './kind-changes.repo';
import { violationTemplates as templates } from './notice-templates';
import { factSentence, titleFor, violationLink } from './notices';
import { changeKindInPlace, storeJudgement, type ViolationRow } from './violations.repo';
import { explanationsOf, getCase } from './workflow.repo';
import { applyTransition, SYSTEM_ACTOR } from './workflow.service';

const AWAITING = 'AWAITING_JUSTIFICATION';

function causeOf(from: ViolationRow['kind'], to: ViolationRow['kind']): KindChangeCause {
  if (to === AWAITING) return 'REQUEST_PENDING';
  if (from === AWAITING) return 'REQUEST_NOT_APPROVED';
  if (from === 'ABSENT_NO_REASON' && to === 'LEAVE_NOT_REPORTED') return 'NOT_REPORTED_IN_TIME';
  return 'ATTENDANCE_RECOMPUTED';
}

/** Why the person reads of a change, in their words. */
function reasonSentence(cause: KindChangeCause, outcome: Awaited<ReturnType<typeof requestOutcome>>): string {
  if (cause === 'REQUEST_NOT_APPROVED') {
    const what = outcome ? `Đơn ${pickLabel(JUSTIFICATION_TYPE_LABELS, outcome.type, 'vi').toLowerCase()} của ông/bà` : 'Đơn của ông/bà';
    if (outcome?.status === 'REJECTED') return `${what} đã không được phê duyệt${outcome.decisionNote ? ` (ý kiến: ${outcome.decisionNote})` : ''}.`;
    if (outcome?.status === 'CANCELLED') return `${what} đã được rút lại.`;
    return `${what} không còn chờ duyệt.`;
  }
  if (cause === 'NOT_REPORTED_IN_TIME') return 'Đã quá thời hạn báo nghỉ (tính theo ngày làm việc của đơn vị) mà chưa có đơn hoặc báo cáo.';
  return 'Dữ liệu chấm công của ngày đã được tính lại.';
}

/**
 * Was the person already told about this fact as `kind`? At opening (unless it opened awaiting justification) or
 * by an earlier notified change. ABSENT → NOT REPORTED is told once, however often the fact flips.
 */
async function toldAs(tx: Db, v: ViolationRow, kind: ViolationRow['kind']): Promise<boolean> {
  const changes = await kindChangesOf(tx, v.id);
  const initial = changes[0]?.from_kind ?? v.kind;
  if (initial === kind && initial !== AWAITING) return true;
  return changes.some((c) => c.notified && c.to_kind === kind);
}

/**
 * The same fact, a new kind (CONTRACT C5, audit D2, D3): the violation is updated in place — kind, title, facts,
 * scope — and the change is recorded in its visible history; its case state, explanation, attachments and deadline
 * stay. The person is told only when the change matters to them: a fact that awaited justification becomes a
 * violation (their request was rejected or withdrawn: judged now if it never was, with the reason), or an absence
 * becomes "not reported" (once). Filing a request (→ awaiting justification) is their own act: no notice.
 * A deadline that ran out while the request was pending is given again from today (the person could not be
 * expected to explain an absence their pending request was explaining).
 */
export async function changeKind(tx: Db, v: ViolationRow, c: Candidate, day: AttendanceDayUpdated, now: Date): Promise<void> {
  const from = v.kind;
  const to = c.kind;
  const cause = causeOf(from, to);
  const previousRequest = typeof v.facts.pendingRequestId === 'string' ? v.facts.pendingRequestId : null;
  const outcome = cause === 'REQUEST_NOT_APPROVED' && previousRequest ? await requestOutcome(tx, previousRequest) : undefined;
  let updated = await changeKindInPlace(
    tx,
    v.id,
    { kind: to, title: titleFor(c, day.date), facts: { ...c.facts, revision: day.revision }, minutes: c.minutes, session: c.session, source_key: c.key, attendance_revision: day.revision },
    now,
  );
  const details: Record<string, unknown> = {
    fromKey: v.source_key,
    toKey: c.key,
    requestId: c.pendingRequestId ?? previousRequest,
    requestStatus: outcome?.status ?? null,
    decisionNote: outcome?.decisionNote ?? null,
  };
  await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'violations.kind_change', entityType: 'violation', entityId: v.id, unitId: v.unit_id, details: { from, to, cause, ...details } }, now);
  let notified = false;
  const reason = reasonSentence(cause, outcome);
  if (from !== to && to !== AWAITING) {
    if (!updated.judged_at) {
      const judged = await judge(tx, updated);
      updated = await storeJudgement(tx, updated.id, judged.judgement, now);
      await announce(tx, updated, judged, now, reason);
      notified = true;
    } else if (cause === 'REQUEST_NOT_APPROVED' || !(await toldAs(tx, v, to))) {
      await tellChange(tx, updated, from, reason, cause === 'REQUEST_NOT_APPROVED', now);
      notified = true;
    }
  }
  await insertKindChange(tx, { violation_id: v.id, from_kind: from, to_kind: to, cause, attendance_revision: day.revision, details, notified, at: now });
}

async function tellChange(tx: Db, v: ViolationRow, from: ViolationRow['kind'], reason: string, afterRequest: boolean, now: Date): Promise<void> {
  let c = await getCase(tx, v.id);
  if (afterRequest && c?.state === 'EXPLANATION_REQUESTED' && c.explanation_due_at && c.explanation_due_at < now) {
    const cfg = (await effectiveRules(tx, v.unit_id, v.occurred_on)).config;
    const due = await explanationDeadline(tx, v.unit_id, now, { days: cfg.explanationDays, kind: cfg.explanationDaysKind });
    c = await applyTransition(tx, v, 'request_explanation', SYSTEM_ACTOR, now, {
      reason: 'Thời hạn giải trình được tính lại: hạn cũ đã qua trong khi đơn đang chờ duyệt',
      patch: { explanation_due_at: due.dueAt },
      details: deadlineDetails(due),
    });
  }
  const recipient = await personRecipient(tx, v.person_id);
  if (!recipient) return;
  const explained = (await explanationsOf(tx, v.id)).length > 0;
  const due = c?.state === 'EXPLANATION_REQUESTED' && c.explanation_due_at ? formatDateVi(localDateOf(c.explanation_due_at)) : null;
  await notify(
    tx,
    {
      template: 'violation_kind_changed',
      rendered: templates.violation_kind_changed({
        personName: recipient.name,
        fromLabel: KIND_LABELS[from].vi,
        toLabel: KIND_LABELS[v.kind].vi,
        dateLabel: formatDateVi(v.occurred_on),
        reason,
        detail: factSentence(v),
        dueLabel: due,
        explained,
        link: violationLink(v.id),
      }),
      recipients: [recipient],
      entityType: 'violation',
      entityId: v.id,
      dedupKey: `kind:${v.id}:${v.kind}:${now.toISOString()}`,
    },
    now,
  );
}
