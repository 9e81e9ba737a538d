/**
 * discipline — from a discipline proposal to the decision taken by people (NĐ 172/2025 for cán bộ, công chức; NĐ
 * 112/2020 for viên chức; BLLĐ 2019 for contract workers; domain.md §4.5–§4.8): a case opened from one or more
 * proposed violations of one person; the review meeting (giấy mời, bản tự kiểm điểm, biên bản), the disciplinary
 * council where the regime requires one (members, meeting, secret ballot, recommendation); the decision entered by the
 * competent person (competence DISCIPLINE_DECISION) with the form they chose among those the regime allows; delivery
 * and the complaint period; the consequences as dated facts on the person's record. Limitation and processing periods
 * are enforced (warnings, refusal, suspension from approved maternity/sick leave or entered by hand). Documents are
 * DOCX in the NĐ 30/2020 layout in the blob store. Owns discipline_cases, discipline_case_violations,
 * discipline_steps, discipline_meetings, discipline_council_members, discipline_decisions, discipline_suspensions,
 * discipline_documents, discipline_warnings. Closes the linked violations through violations' discipline-link.
 * Emits and consumes no events.
 */
export { disciplineRecord } from './person-record';
export { DISCIPLINE_STATES, DISCIPLINE_STATE_LABELS, type DisciplineState } from './domain/states';
