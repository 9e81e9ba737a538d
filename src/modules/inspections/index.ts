/**
 * inspections — public-service inspections (kiểm tra công vụ, domain.md §6–§7, issue 15): yearly/quarterly plans
 * with target units; versioned checklists whose items carry their legal basis (version 1 = the seed-002 items);
 * inspections (planned, surprise — invisible to the inspected unit until the work on site starts —, inter-agency, on
 * a complaint) formed by a decision with a team; item verdicts, findings (a per-person finding opens an INSPECTION
 * violation through violations' index), photos (idempotent by the device's clientId), camera evidence through
 * recording's exports during the inspection window, the attendance facts of the visit day; minutes and conclusion as
 * DOCX (NĐ 30/2020, numbered per issuer per year by the official-docs kernel); recommendations, remediations with
 * reminders and overdue flags (notifications' notify); statistics counted on the org tree as of a date.
 * Owns inspection_plans, inspection_plan_targets, inspection_checklists, inspection_checklist_items, inspections,
 * inspection_members, inspection_item_results, inspection_findings, inspection_photos, inspection_evidence,
 * inspection_documents, inspection_recommendations, inspection_remediations. Emits and consumes no events.
 */
export { INSPECTION_KINDS, INSPECTION_STATES, type InspectionKind, type InspectionState } from './domain/states';
export { remediationReminders } from './followup.service';
