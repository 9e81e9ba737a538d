import type { Label } from './label';

/**
 * Public-service inspections (kiểm tra công vụ, domain.md §7): kinds (theo kế hoạch, đột xuất — không báo trước thời
 * gian, địa điểm —, liên ngành, theo phản ánh, khiếu nại), the inspection's states from the draft to closing, item
 * verdicts (đạt / không đạt / không áp dụng), team roles, recommendation kinds (kiến nghị) and remediation states.
 */
export const INSPECTION_KIND_LABELS = {
  PLANNED: { vi: 'Theo kế hoạch', en: 'Planned' },
  SURPRISE: { vi: 'Đột xuất', en: 'Surprise' },
  INTER_AGENCY: { vi: 'Liên ngành', en: 'Inter-agency' },
  ON_COMPLAINT: { vi: 'Theo phản ánh, khiếu nại', en: 'On a complaint' },
} as const satisfies Record<string, Label>;

export const INSPECTION_STATE_LABELS = {
  DRAFT: { vi: 'Dự thảo', en: 'Draft' },
  DECIDED: { vi: 'Đã có quyết định', en: 'Decided' },
  IN_PROGRESS: { vi: 'Đang kiểm tra', en: 'In progress' },
  MINUTES_ISSUED: { vi: 'Đã lập biên bản', en: 'Minutes issued' },
  CONCLUDED: { vi: 'Đã có kết luận', en: 'Concluded' },
  REMEDIATING: { vi: 'Đang khắc phục', en: 'Remediating' },
  CLOSED: { vi: 'Đã kết thúc', en: 'Closed' },
} as const satisfies Record<string, Label>;

export const INSPECTION_VERDICT_LABELS = {
  PASS: { vi: 'Đạt', en: 'Pass' },
  FAIL: { vi: 'Không đạt', en: 'Fail' },
  NA: { vi: 'Không áp dụng', en: 'Not applicable' },
} as const satisfies Record<string, Label>;

export const INSPECTION_MEMBER_ROLE_LABELS = {
  HEAD: { vi: 'Trưởng đoàn', en: 'Team head' },
  MEMBER: { vi: 'Thành viên', en: 'Member' },
  SECRETARY: { vi: 'Thư ký', en: 'Secretary' },
} as const satisfies Record<string, Label>;

export const INSPECTION_RECOMMENDATION_LABELS = {
  REMIND: { vi: 'Nhắc nhở', en: 'Remind' },
  CRITICIZE: { vi: 'Phê bình', en: 'Criticise' },
  SELF_REVIEW: { vi: 'Yêu cầu kiểm điểm', en: 'Self-review required' },
  PROPOSE_DISCIPLINE: { vi: 'Đề nghị xem xét xử lý kỷ luật', en: 'Propose discipline' },
  FIX: { vi: 'Yêu cầu khắc phục', en: 'Fix required' },
} as const satisfies Record<string, Label>;

export const REMEDIATION_STATE_LABELS = {
  OPEN: { vi: 'Chưa hoàn thành', en: 'Open' },
  REPORTED: { vi: 'Đã báo cáo khắc phục', en: 'Reported' },
  DONE: { vi: 'Đã hoàn thành', en: 'Done' },
  OVERDUE: { vi: 'Quá hạn', en: 'Overdue' },
} as const satisfies Record<string, Label>;
