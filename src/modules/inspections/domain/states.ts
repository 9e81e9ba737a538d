/**
 * The inspection's closed sets and its order of steps (contract "Rules: Order"). Labels live in the glossary.
 */
export const INSPECTION_KINDS = ['PLANNED', 'SURPRISE', 'INTER_AGENCY', 'ON_COMPLAINT'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_STATES = ['DRAFT', 'DECIDED', 'IN_PROGRESS', 'MINUTES_ISSUED', 'CONCLUDED', 'REMEDIATING', 'CLOSED'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

export const VERDICTS = ['PASS', 'FAIL', 'NA'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const MEMBER_ROLES = ['HEAD', 'MEMBER', 'SECRETARY'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const RECOMMENDATION_KINDS = ['REMIND', 'CRITICIZE', 'SELF_REVIEW', 'PROPOSE_DISCIPLINE', 'FIX'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const REMEDIATION_STATES = ['OPEN', 'REPORTED', 'DONE', 'OVERDUE'] as const;
export type RemediationState = (typeof REMEDIATION_STATES)[number];

/**
 * A surprise inspection (đột xuất — không thông báo trước thời gian và địa điểm, domain.md §7) stays hidden from
 * everyone but the issuer side and the team until the work on site has started.
 */
export function hiddenFromOutsiders(i: { kind: InspectionKind; started_at: Date | null }): boolean {
  return i.kind === 'SURPRISE' && i.started_at === null;
}

/** Field work (verdicts, findings, photos, evidence) happens while the inspection is in progress only. */
export const FIELD_STATES: readonly InspectionState[] = ['IN_PROGRESS'];
/** Fields of the draft and the team may change until the work on site has started. */
export const EDITABLE_STATES: readonly InspectionState[] = ['DRAFT', 'DECIDED'];

/** A remediation is overdue when its deadline passed without a report (stored OVERDUE or computed on reading). */
export function isOverdue(r: { state: RemediationState; due_on: string }, today: string): boolean {
  return r.state === 'OVERDUE' || (r.state === 'OPEN' && r.due_on < today);
}
