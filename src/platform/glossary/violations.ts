import type { Label } from './label';

/**
 * Violation kinds (domain.md §11: đi muộn; về sớm; vắng mặt không có lý do chính đáng). AWAITING_JUSTIFICATION is a
 * fact not yet judged: a pending request covers it, so it is neither a breach nor a repeat (audit D3, contract C5).
 */
export const VIOLATION_KIND_LABELS = {
  LATE: { vi: 'Đi muộn', en: 'Late arrival' },
  EARLY_LEAVE: { vi: 'Về sớm', en: 'Early leave' },
  ABSENT_NO_REASON: { vi: 'Vắng mặt không có lý do chính đáng', en: 'Absent without legitimate reason' },
  LEAVE_NOT_REPORTED: { vi: 'Nghỉ không báo cáo', en: 'Leave not reported' },
  AWAITING_JUSTIFICATION: { vi: 'Chờ hợp thức hóa', en: 'Awaiting justification' },
  OTHER: { vi: 'Vi phạm khác', en: 'Other violation' },
} as const satisfies Record<string, Label>;

/**
 * States of the handling of a violation. RETRACTED only says the case ended without a breach; why it ended is a
 * separate label (RETRACTION_REASON_LABELS) — a corrected punch is no "lý do chính đáng" (audit D12).
 */
export const CASE_STATE_LABELS = {
  OPENED: { vi: 'Mới ghi nhận', en: 'Opened' },
  NOTIFIED: { vi: 'Đã thông báo', en: 'Notified' },
  EXPLANATION_REQUESTED: { vi: 'Đang chờ giải trình', en: 'Explanation requested' },
  EXPLAINED: { vi: 'Đã giải trình', en: 'Explained' },
  NO_ANSWER: { vi: 'Quá hạn, không giải trình', en: 'No answer' },
  DECIDED: { vi: 'Đã có ý kiến xử lý', en: 'Decided' },
  DISCIPLINE_PROPOSED: { vi: 'Đã đề nghị xem xét kỷ luật', en: 'Discipline proposed' },
  CLOSED: { vi: 'Đã kết thúc', en: 'Closed' },
  RETRACTED: { vi: 'Đã hủy', en: 'Retracted' },
} as const satisfies Record<string, Label>;

/** Why a violation was retracted (audit D12). */
export const RETRACTION_REASON_LABELS = {
  JUSTIFIED: { vi: 'Có lý do chính đáng (đơn/giấy tờ được phê duyệt)', en: 'Legitimate reason (approved request or document)' },
  ATTENDANCE_CORRECTED: { vi: 'Dữ liệu chấm công được điều chỉnh', en: 'Attendance data corrected' },
  CALENDAR_CHANGED: { vi: 'Ngày nghỉ theo lịch (lễ, Tết, nghỉ bù…)', en: 'Day off by the calendar (holiday, compensatory day…)' },
  PERMISSION_APPROVED: { vi: 'Được phép đi muộn/về sớm', en: 'Late arrival / early leave permitted' },
  MANUAL: { vi: 'Hủy thủ công', en: 'Retracted manually' },
} as const satisfies Record<string, Label>;

/** Why the kind of one violation changed in place (one fact, one violation: CONTRACT C5). */
export const KIND_CHANGE_CAUSE_LABELS = {
  REQUEST_PENDING: { vi: 'Có đơn đang chờ duyệt', en: 'A request is pending' },
  REQUEST_NOT_APPROVED: { vi: 'Đơn không được phê duyệt hoặc đã rút lại', en: 'The request was rejected or withdrawn' },
  NOT_REPORTED_IN_TIME: { vi: 'Quá thời hạn báo nghỉ (ngày làm việc)', en: 'Not reported within the working-day limit' },
  ATTENDANCE_RECOMPUTED: { vi: 'Chấm công được tính lại', en: 'Attendance recomputed' },
} as const satisfies Record<string, Label>;

/** A leader's decision on a violation. Nhắc nhở is a management measure, not a disciplinary form (domain.md §4.2). */
export const DECISION_LABELS = {
  DISMISSED: { vi: 'Không xử lý (miễn)', en: 'Dismissed' },
  REMINDED: { vi: 'Nhắc nhở', en: 'Reminded' },
  ESCALATED: { vi: 'Chuyển xem xét kỷ luật', en: 'Escalated to the discipline process' },
} as const satisfies Record<string, Label>;

/** What an escalation step of a unit's regulation proposes (management measures and procedure steps, never a form). */
export const ESCALATION_ACTION_LABELS = {
  REMINDER: { vi: 'Nhắc nhở', en: 'Reminder' },
  WRITTEN_REMINDER: { vi: 'Nhắc nhở bằng văn bản, báo cáo Thủ trưởng đơn vị', en: 'Written reminder, reported to the unit head' },
  PROPOSE_REVIEW: { vi: 'Đề nghị họp kiểm điểm / xem xét xử lý kỷ luật', en: 'Propose a review meeting / the discipline process' },
} as const satisfies Record<string, Label>;
