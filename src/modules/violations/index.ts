/**
 * violations — violations of work discipline opened automatically from attendance days (late, early leave, absent
 * without reason, leave not reported) and by hand (inspection, leader), each judged by the unit's rules in force on
 * its date, with evidence links (gate snapshot, clip around the gate time, gate coverage for an absence) and
 * retraction with a trace when a justification arrives later. Each violation's handling (the former workflow module,
 * one aggregate with it): opened → notified → explanation requested → explained / no answer → decided (dismissed,
 * reminded, escalated) → discipline proposal → closed, with deadlines; explanations (giải trình) with attachments; the
 * leader's decision with a reason; the discipline regime and forms per staff category and date (shown, never chosen).
 * Owns violations, violation_evidence, violation_cases, violation_case_transitions, violation_explanations(_files).
 * Consumes `attendance.day_updated.v1` (durable consumer `violations`).
 */
export { applyAttendanceDay, openManualViolation, openViolation, retractViolation } from './violations.service';
export { KIND_LABELS, SESSION_LABELS } from './domain/labels';
export { resolvePendingEvidence } from './evidence.service';
export { regimeFor, deadlinesFor, type Regime, type DisciplineForm } from './domain/regimes';
export { CASE_STATES, DECISIONS, STATE_LABELS, DECISION_LABELS, type CaseState, type Decision } from './domain/states';
export { decide, proposeDiscipline, closeCase, requestExplanation, disciplineContext, sweepOverdueExplanations } from './workflow.service';
export { submitExplanation } from './explanations.service';
export { proposedForDiscipline, violationsForDiscipline, closeForDiscipline, type ProposedViolation } from './discipline-link';
