import { GENDER_LABELS as GLOSSARY_GENDER_LABELS, STAFF_CATEGORY_LABELS, STAFF_STATUS_LABELS } from '../../platform/glossary';

export const CATEGORIES = ['CAN_BO', 'CONG_CHUC', 'VIEN_CHUC', 'HOP_DONG'] as const;
export type Category = (typeof CATEGORIES)[number];
export const STATUSES = ['WORKING', 'ON_LEAVE', 'LEFT'] as const;
export type StaffStatus = (typeof STATUSES)[number];
export const GENDERS = ['NAM', 'NU', 'KHAC'] as const;
export const ASSIGNMENT_KINDS = ['TUYEN_DUNG', 'BO_NHIEM', 'KIEM_NHIEM', 'BIET_PHAI', 'DIEU_DONG', 'SAP_XEP'] as const;

/** Words from the glossary (audit D16: one label per staff status in server and web). */
export const CATEGORY_LABELS: Record<Category, { vi: string; en: string }> = STAFF_CATEGORY_LABELS;
export const STATUS_LABELS: Record<StaffStatus, { vi: string; en: string }> = STAFF_STATUS_LABELS;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], { vi: string; en: string }> = GLOSSARY_GENDER_LABELS;

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
