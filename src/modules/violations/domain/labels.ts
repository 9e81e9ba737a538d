import type { ViolationKind } from '../../rules';

export const KIND_LABELS: Record<ViolationKind, { vi: string; en: string }> = {
  LATE: { vi: 'Đi muộn', en: 'Late arrival' },
  EARLY_LEAVE: { vi: 'Về sớm', en: 'Early leave' },
  ABSENT_NO_REASON: { vi: 'Vắng mặt không có lý do chính đáng', en: 'Absent without legitimate reason' },
  LEAVE_NOT_REPORTED: { vi: 'Nghỉ không báo cáo', en: 'Leave not reported' },
  OTHER: { vi: 'Vi phạm khác', en: 'Other violation' },
};

export const SESSION_LABELS: Record<string, string> = { MORNING: 'buổi sáng', AFTERNOON: 'buổi chiều', FULL: 'cả ngày' };
