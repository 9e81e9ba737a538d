/**
 * The glossary: every domain term shown by both the server (notices, exports, API labels) and the web UI, in
 * Vietnamese and English, keyed by the enum value (domain.md §11). Pure data with no imports, so the web bundles it
 * as it is (`import … from '../../../src/platform/glossary'`). A term is written here once; a second copy elsewhere
 * fails glossary.test.ts. Spelling: new-style tone placement ("hóa", "hủy", "thủy").
 */
export type { Label, Labels } from './label';
export {
  VIOLATION_KIND_LABELS,
  CASE_STATE_LABELS,
  RETRACTION_REASON_LABELS,
  KIND_CHANGE_CAUSE_LABELS,
  DECISION_LABELS,
  ESCALATION_ACTION_LABELS,
} from './violations';
export {
  ATTENDANCE_STATUS_LABELS,
  ATTENDANCE_STATUS_SHORT,
  SESSION_LABELS,
  JUSTIFICATION_TYPE_LABELS,
  REQUEST_STATUS_LABELS,
  PUNCH_DECIDER_LABELS,
} from './attendance';
export { TODAY_STATUS_LABELS } from './attendance';
export { CALENDAR_DAY_KIND_LABELS, CALENDAR_DAY_STATUS_LABELS, HOLIDAY_PROPOSAL_BASIS_LABELS, CALENDAR_DAY_SOURCE_LABELS } from './calendar';
export { STAFF_CATEGORY_LABELS, STAFF_STATUS_LABELS, GENDER_LABELS, ASSIGNMENT_KIND_LABELS, ROLE_LABELS } from './people';
export {
  INSPECTION_KIND_LABELS,
  INSPECTION_STATE_LABELS,
  INSPECTION_VERDICT_LABELS,
  INSPECTION_MEMBER_ROLE_LABELS,
  INSPECTION_RECOMMENDATION_LABELS,
  REMEDIATION_STATE_LABELS,
} from './inspections';
export { labelKeys, pickLabel } from './keys';
