import type { Label } from './label';

/**
 * Day and session statuses of the timesheet. The absence and "not reported" labels are the same words as the
 * violation kinds (audit D16: one label per term).
 */
export const ATTENDANCE_STATUS_LABELS = {
  PRESENT: { vi: 'Có mặt', en: 'Present' },
  LATE: { vi: 'Đi muộn', en: 'Late arrival' },
  EARLY_LEAVE: { vi: 'Về sớm', en: 'Early leave' },
  LATE_AND_EARLY_LEAVE: { vi: 'Đi muộn và về sớm', en: 'Late arrival and early leave' },
  ABSENT_NO_REASON: { vi: 'Vắng mặt không có lý do chính đáng', en: 'Absent without legitimate reason' },
  AWAITING_JUSTIFICATION: { vi: 'Chờ hợp thức hóa', en: 'Awaiting justification' },
  ON_LEAVE: { vi: 'Nghỉ có phép', en: 'On approved leave' },
  ON_TRIP: { vi: 'Công tác, đào tạo', en: 'Business trip or training' },
  HOLIDAY: { vi: 'Nghỉ lễ, Tết', en: 'Public holiday' },
  NON_WORKING_DAY: { vi: 'Ngày nghỉ', en: 'Non-working day' },
  MISSING_CHECKOUT: { vi: 'Thiếu lượt chấm công', en: 'Missing punch' },
  SOURCE_OFFLINE: { vi: 'Thiết bị mất kết nối', en: 'Source offline' },
  LEAVE_NOT_REPORTED: { vi: 'Nghỉ không báo cáo', en: 'Leave not reported' },
  NOT_EMPLOYED: { vi: 'Ngoài thời gian công tác', en: 'Not employed' },
} as const satisfies Record<string, Label>;

/** One- or two-letter codes of the timesheet grid and its Excel export (a legend explains them). */
export const ATTENDANCE_STATUS_SHORT = {
  PRESENT: '✓',
  LATE: 'M',
  EARLY_LEAVE: 'S',
  LATE_AND_EARLY_LEAVE: 'MS',
  ABSENT_NO_REASON: 'V',
  AWAITING_JUSTIFICATION: 'CH',
  ON_LEAVE: 'P',
  ON_TRIP: 'CT',
  HOLIDAY: 'L',
  NON_WORKING_DAY: '',
  MISSING_CHECKOUT: 'T',
  SOURCE_OFFLINE: '?',
  LEAVE_NOT_REPORTED: 'KB',
  NOT_EMPLOYED: '–',
} as const satisfies Record<keyof typeof ATTENDANCE_STATUS_LABELS, string>;

/** Sessions of a working day, lower case because they are used inside sentences ("đi muộn buổi sáng"). */
export const SESSION_LABELS = {
  MORNING: { vi: 'buổi sáng', en: 'morning' },
  AFTERNOON: { vi: 'buổi chiều', en: 'afternoon' },
  FULL: { vi: 'cả ngày', en: 'full day' },
  DAY: { vi: 'cả ngày', en: 'full day' },
} as const satisfies Record<string, Label>;

/** Kinds of request (đơn từ) that justify an absence or a late arrival / early leave (domain.md §3, §11). */
export const JUSTIFICATION_TYPE_LABELS = {
  ANNUAL_LEAVE: { vi: 'Nghỉ hằng năm (phép năm)', en: 'Annual leave' },
  PERSONAL_PAID: { vi: 'Nghỉ việc riêng (hưởng lương)', en: 'Personal leave (paid)' },
  PERSONAL_UNPAID: { vi: 'Nghỉ việc riêng (không hưởng lương)', en: 'Personal leave (unpaid)' },
  UNPAID_LEAVE: { vi: 'Nghỉ không hưởng lương', en: 'Unpaid leave' },
  SICK_LEAVE: { vi: 'Nghỉ ốm', en: 'Sick leave' },
  CHILD_SICK: { vi: 'Nghỉ chăm con ốm', en: 'Caring for a sick child' },
  MATERNITY: { vi: 'Nghỉ thai sản', en: 'Maternity leave' },
  COMPENSATORY_OFF: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
  BUSINESS_TRIP: { vi: 'Đi công tác', en: 'Business trip' },
  TRAINING: { vi: 'Đào tạo, bồi dưỡng', en: 'Training' },
  FIELD_WORK: { vi: 'Làm việc ngoài cơ quan', en: 'Field work' },
  WORK_FROM_HOME: { vi: 'Làm việc tại nhà', en: 'Work from home' },
  OTHER_APPROVED: { vi: 'Lý do khác được chấp thuận', en: 'Other approved reason' },
  LATE_ARRIVAL_PERMISSION: { vi: 'Xin phép đi muộn', en: 'Permission to arrive late' },
  EARLY_LEAVE_PERMISSION: { vi: 'Xin phép về sớm', en: 'Permission to leave early' },
  PUNCH_CORRECTION: { vi: 'Đề nghị điều chỉnh chấm công', en: 'Attendance correction request' },
} as const satisfies Record<string, Label>;

/** Where a request stands. */
export const REQUEST_STATUS_LABELS = {
  PENDING: { vi: 'Chờ duyệt', en: 'Pending' },
  APPROVED: { vi: 'Đã duyệt', en: 'Approved' },
  REJECTED: { vi: 'Đã từ chối', en: 'Rejected' },
  CANCELLED: { vi: 'Đã hủy', en: 'Cancelled' },
} as const satisfies Record<string, Label>;

/** Today's live status of a person ("Hôm nay", issue 14): provisional, until the day is closed. */
export const TODAY_STATUS_LABELS = {
  ARRIVED: { vi: 'Đã đến', en: 'Arrived' },
  LATE: { vi: 'Đi muộn', en: 'Late arrival' },
  NOT_YET: { vi: 'Chưa đến', en: 'Not arrived yet' },
  ON_LEAVE: { vi: 'Nghỉ có phép, công tác', en: 'On approved leave or trip' },
  DAY_OFF: { vi: 'Ngày nghỉ', en: 'Day off' },
  LEFT: { vi: 'Đã về', en: 'Left' },
} as const satisfies Record<string, Label>;

/**
 * Who decided a camera punch (issue 14): a punch made from a gate pass that a reviewer confirmed is the reviewer's
 * decision, not the machine's; the reviewer's name follows the label ("Xác nhận bởi Nguyễn Thị Hằng").
 */
export const PUNCH_DECIDER_LABELS = {
  MACHINE: { vi: 'Tự động (camera nhận diện)', en: 'Automatic (camera recognition)' },
  REVIEWER: { vi: 'Xác nhận bởi', en: 'Confirmed by' },
} as const satisfies Record<string, Label>;
