import type { Label } from './label';

/** Categories of staff (domain.md §11: cán bộ, công chức, viên chức; người lao động). */
export const STAFF_CATEGORY_LABELS = {
  CAN_BO: { vi: 'Cán bộ', en: 'Cadre' },
  CONG_CHUC: { vi: 'Công chức', en: 'Civil servant' },
  VIEN_CHUC: { vi: 'Viên chức', en: 'Public employee' },
  HOP_DONG: { vi: 'Hợp đồng lao động', en: 'Contract worker' },
} as const satisfies Record<string, Label>;

/**
 * Employment status of a person. ON_LEAVE is a long absence with the employment kept (thai sản, nghỉ không hưởng
 * lương, đi học dài hạn): "Nghỉ dài hạn" says that, where "Tạm nghỉ" reads like a day's leave of the timesheet
 * ("Nghỉ có phép") or like "tạm đình chỉ công tác", a measure of the discipline procedure (audit D16).
 */
export const STAFF_STATUS_LABELS = {
  WORKING: { vi: 'Đang công tác', en: 'In service' },
  ON_LEAVE: { vi: 'Nghỉ dài hạn', en: 'On long-term leave' },
  LEFT: { vi: 'Đã nghỉ việc', en: 'Left the service' },
} as const satisfies Record<string, Label>;

export const GENDER_LABELS = {
  NAM: { vi: 'Nam', en: 'Male' },
  NU: { vi: 'Nữ', en: 'Female' },
  KHAC: { vi: 'Khác', en: 'Other' },
} as const satisfies Record<string, Label>;

/** How a person came to hold a post (quá trình công tác). */
export const ASSIGNMENT_KIND_LABELS = {
  TUYEN_DUNG: { vi: 'Tuyển dụng', en: 'Recruitment' },
  BO_NHIEM: { vi: 'Bổ nhiệm', en: 'Appointment' },
  KIEM_NHIEM: { vi: 'Kiêm nhiệm', en: 'Concurrent post' },
  BIET_PHAI: { vi: 'Biệt phái', en: 'Secondment' },
  DIEU_DONG: { vi: 'Điều động', en: 'Reassignment' },
  LUAN_CHUYEN: { vi: 'Luân chuyển', en: 'Rotation' },
  CHUYEN_CONG_TAC: { vi: 'Chuyển công tác', en: 'Transfer' },
  SAP_XEP: { vi: 'Sắp xếp tổ chức bộ máy', en: 'Reorganisation' },
} as const satisfies Record<string, Label>;

/**
 * Roles of the system (the codes stay; only the words changed). Since 1/7/2025 a commune has no Phòng Nội vụ: nội
 * vụ is a field of a phòng chuyên môn, so the role is its leader, not a "Trưởng phòng Nội vụ" (audit D13).
 */
export const ROLE_LABELS = {
  sysadmin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  chairman: { vi: 'Chủ tịch / Phó Chủ tịch', en: 'Chairman / Vice-Chairman' },
  office_chief: { vi: 'Chánh Văn phòng', en: 'Chief of Office' },
  home_affairs_head: { vi: 'Lãnh đạo phụ trách nội vụ', en: 'Leader in charge of home affairs' },
  inspector: { vi: 'Thành viên Tổ kiểm tra công vụ', en: 'Public-service inspection team member' },
  unit_head: { vi: 'Trưởng đơn vị', en: 'Unit head' },
  staff: { vi: 'Cán bộ, công chức, viên chức', en: 'Staff member' },
} as const satisfies Record<string, Label>;
