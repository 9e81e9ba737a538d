export const CATEGORIES = ['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG'] as const;
export type Category = (typeof CATEGORIES)[number];
export const STATUSES = ['WORKING', 'ON_LEAVE', 'LEFT'] as const;
export type StaffStatus = (typeof STATUSES)[number];
export const GENDERS = ['NAM', 'NU', 'KHAC'] as const;
export const ASSIGNMENT_KINDS = ['TUYEN_DUNG', 'BO_NHIEM', 'KIEM_NHIEM', 'BIET_PHAI', 'DIEU_DONG', 'SAP_XEP'] as const;

export const CATEGORY_LABELS: Record<Category, { vi: string; en: string }> = {
  CAN_BO: { vi: 'Cán bộ', en: 'Cadre' },
  CONG_CHUC: { vi: 'Công chức', en: 'Civil servant' },
  VIEN_CHUC: { vi: 'Viên chức', en: 'Public employee' },
  HOP_DONG: { vi: 'Hợp đồng lao động', en: 'Contract worker' },
};
export const STATUS_LABELS: Record<StaffStatus, { vi: string; en: string }> = {
  WORKING: { vi: 'Đang làm việc', en: 'Working' },
  ON_LEAVE: { vi: 'Nghỉ dài hạn', en: 'On long leave' },
  LEFT: { vi: 'Đã nghỉ việc', en: 'Left' },
};
export const GENDER_LABELS = { NAM: { vi: 'Nam', en: 'Male' }, NU: { vi: 'Nữ', en: 'Female' }, KHAC: { vi: 'Khác', en: 'Other' } };

export interface PersonRow {
  id: string;
  employee_code: string;
  full_name: string;
  gender: string | null;
  birth_date: string | null;
  category: Category;
  position_title: string | null;
  unit_id: string;
  unit_name?: string;
  status: StaffStatus;
  email: string | null;
  phone: string | null;
  joined_on: string | null;
  left_on: string | null;
  version: number;
}
