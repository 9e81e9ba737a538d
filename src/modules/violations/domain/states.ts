import { CASE_STATE_LABELS, DECISION_LABELS as GLOSSARY_DECISION_LABELS } from '../../../platform/glossary';

/**
 * The handling of a violation: opened → notified → explanation requested → explained / no answer → decided
 * (dismissed, reminded, escalated) → discipline proposal → closed. RETRACTED ends a case whose facts disappeared
 * (an approved leave arrived later); nothing is deleted.
 */
export const CASE_STATES = [
  'OPENED',
  'NOTIFIED',
  'EXPLANATION_REQUESTED',
  'EXPLAINED',
  'NO_ANSWER',
  'DECIDED',
  'DISCIPLINE_PROPOSED',
  'CLOSED',
  'RETRACTED',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const DECISIONS = ['DISMISSED', 'REMINDED', 'ESCALATED'] as const;
export type Decision = (typeof DECISIONS)[number];

export const CASE_ACTIONS = ['notify', 'request_explanation', 'explain', 'mark_no_answer', 'decide', 'propose_discipline', 'close', 'retract'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Allowed transitions: action → (from states → to state). */
const TRANSITIONS: Record<CaseAction, { from: readonly CaseState[]; to: CaseState }> = {
  notify: { from: ['OPENED'], to: 'NOTIFIED' },
  // Also from EXPLANATION_REQUESTED: a new deadline (a leader extends it, or the one that ran out while a request
  // covering the day was pending is given again).
  request_explanation: { from: ['OPENED', 'NOTIFIED', 'EXPLANATION_REQUESTED', 'NO_ANSWER'], to: 'EXPLANATION_REQUESTED' },
  explain: { from: ['EXPLANATION_REQUESTED'], to: 'EXPLAINED' },
  mark_no_answer: { from: ['EXPLANATION_REQUESTED'], to: 'NO_ANSWER' },
  // A leader decides after notification, after the explanation, or once the deadline passed without one — not
  // while the person still has time to explain.
  decide: { from: ['NOTIFIED', 'EXPLAINED', 'NO_ANSWER'], to: 'DECIDED' },
  propose_discipline: { from: ['DECIDED'], to: 'DISCIPLINE_PROPOSED' },
  close: { from: ['DECIDED', 'DISCIPLINE_PROPOSED'], to: 'CLOSED' },
  retract: {
    from: ['OPENED', 'NOTIFIED', 'EXPLANATION_REQUESTED', 'EXPLAINED', 'NO_ANSWER', 'DECIDED', 'DISCIPLINE_PROPOSED', 'CLOSED'],
    to: 'RETRACTED',
  },
};

export function nextState(state: CaseState, action: CaseAction): CaseState | undefined {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : undefined;
}

export function allowedActions(state: CaseState): CaseAction[] {
  return (Object.keys(TRANSITIONS) as CaseAction[]).filter((a) => TRANSITIONS[a].from.includes(state));
}

/** Words from the glossary; RETRACTED is only "Đã hủy", the reason is a separate label (audit D12). */
export const STATE_LABELS: Record<CaseState, { vi: string; en: string }> = CASE_STATE_LABELS;

export const DECISION_LABELS: Record<Decision, { vi: string; en: string }> = GLOSSARY_DECISION_LABELS;
