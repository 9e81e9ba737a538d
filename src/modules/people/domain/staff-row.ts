import { searchKey } from '../../../platform/text/search-key';
import { CATEGORIES, CATEGORY_LABELS, type Category, GENDER_LABELS, STATUSES, STATUS_LABELS, type StaffStatus } from '../people.types';

/** Columns of the staff workbook: the Vietnamese header is what we write; either language is accepted on import. */
export const STAFF_COLUMNS = [
  { key: 'employeeCode', vi: 'Mã cán bộ', en: 'Employee code', required: true },
  { key: 'fullName', vi: 'Họ và tên', en: 'Full name', required: true },
  { key: 'gender', vi: 'Giới tính', en: 'Gender', required: false },
  { key: 'birthDate', vi: 'Ngày sinh', en: 'Birth date', required: false },
  { key: 'category', vi: 'Loại cán bộ', en: 'Category', required: true },
  { key: 'positionTitle', vi: 'Chức vụ', en: 'Position', required: false },
  { key: 'unitCode', vi: 'Mã đơn vị', en: 'Unit code', required: true },
  { key: 'status', vi: 'Trạng thái', en: 'Status', required: false },
  { key: 'email', vi: 'Email', en: 'Email', required: false },
  { key: 'phone', vi: 'Điện thoại', en: 'Phone', required: false },
  { key: 'joinedOn', vi: 'Ngày vào làm', en: 'Joined on', required: false },
] as const;
export type StaffColumnKey = (typeof STAFF_COLUMNS)[number]['key'];

export interface RowProblem {
  field: StaffColumnKey | 'row';
  vi: string;
  en: string;
}

/** A row the import refused, with what it held and why (listed in the error report). */
export interface RejectedRow {
  rowNumber: number;
  raw: Partial<Record<StaffColumnKey, unknown>>;
  problems: RowProblem[];
}

export interface StaffRowValue {
  employeeCode: string;
  fullName: string;
  gender: string | null;
  birthDate: string | null;
  category: Category;
  positionTitle: string | null;
  unitCode: string;
  status: StaffStatus;
  email: string | null;
  phone: string | null;
  joinedOn: string | null;
}

/** Maps header cells to column keys; returns the missing required columns when the header is not ours. */
export function mapHeader(cells: unknown[]): { map: Map<number, StaffColumnKey>; missing: string[] } {
  const map = new Map<number, StaffColumnKey>();
  cells.forEach((c, i) => {
    const k = searchKey(cellText(c));
    const col = STAFF_COLUMNS.find((s) => searchKey(s.vi) === k || searchKey(s.en) === k || searchKey(s.key) === k);
    if (col) map.set(i, col.key);
  });
  const have = new Set(map.values());
  const missing = STAFF_COLUMNS.filter((s) => s.required && !have.has(s.key)).map((s) => s.vi);
  return { map, missing };
}

export function cellText(c: unknown): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString();
  if (typeof c === 'object') {
    const o = c as { text?: unknown; richText?: Array<{ text: string }>; result?: unknown; hyperlink?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return String(o.text);
    if (o.result !== undefined) return String(o.result);
    return '';
  }
  return String(c).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Accepts an Excel date cell, dd/MM/yyyy, d/M/yyyy or yyyy-MM-dd; returns YYYY-MM-DD or null when invalid. */
export function parseDateCell(c: unknown): string | null | 'invalid' {
  if (c === null || c === undefined || cellText(c) === '') return null;
  let y: number;
  let m: number;
  let d: number;
  if (c instanceof Date) {
    // Excel dates are calendar days stored at UTC midnight.
    y = c.getUTCFullYear();
    m = c.getUTCMonth() + 1;
    d = c.getUTCDate();
  } else {
    const s = cellText(c);
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
    else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else return 'invalid';
  }
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1900 || y > 2100) return 'invalid';
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Words of earlier templates, still accepted so spreadsheets filled before the glossary import unchanged. */
const FORMER_STATUS_WORDS: Record<string, StaffStatus | undefined> = { [searchKey('Đang làm việc')]: 'WORKING', [searchKey('Tạm nghỉ')]: 'ON_LEAVE' };

function matchLabel<T extends string>(text: string, codes: readonly T[], labels: Record<T, { vi: string; en: string }>): T | undefined {
  const k = searchKey(text);
  return codes.find((c) => searchKey(c) === k || searchKey(labels[c].vi) === k || searchKey(labels[c].en) === k);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Validates one data row. Pure: the caller checks unit codes, scope and duplicates against the database. */
export function validateStaffRow(raw: Partial<Record<StaffColumnKey, unknown>>): { value?: StaffRowValue; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (k: StaffColumnKey, max: number): string | null => {
    const s = cellText(raw[k]);
    if (!s) return null;
    if (s.length > max) problems.push({ field: k, vi: `Quá dài (tối đa ${max} ký tự).`, en: `Too long (max ${max} characters).` });
    if (CONTROL.test(s)) problems.push({ field: k, vi: 'Chứa ký tự điều khiển không hợp lệ.', en: 'Contains control characters.' });
    return s;
  };
  const employeeCode = text('employeeCode', 40);
  if (!employeeCode) problems.push({ field: 'employeeCode', vi: 'Thiếu mã cán bộ.', en: 'Employee code is missing.' });
  else if (!/^[A-Za-z0-9_.-]+$/.test(employeeCode))
    problems.push({ field: 'employeeCode', vi: 'Mã cán bộ chỉ gồm chữ, số và _ . -', en: 'Employee code may hold only letters, digits, _ . -' });
  const fullName = text('fullName', 120);
  if (!fullName) problems.push({ field: 'fullName', vi: 'Thiếu họ và tên.', en: 'Full name is missing.' });
  const unitCode = text('unitCode', 40);
  if (!unitCode) problems.push({ field: 'unitCode', vi: 'Thiếu mã đơn vị.', en: 'Unit code is missing.' });
  const catText = text('category', 60);
  const category = catText ? matchLabel(catText, CATEGORIES, CATEGORY_LABELS) : undefined;
  if (!category)
    problems.push({
      field: 'category',
      vi: 'Loại cán bộ phải là: Cán bộ, Công chức, Viên chức, Hợp đồng lao động.',
      en: 'Category must be one of: cadre, civil servant, public employee, contract worker.',
    });
  const statusText = text('status', 60);
  const status = statusText ? (matchLabel(statusText, STATUSES, STATUS_LABELS) ?? FORMER_STATUS_WORDS[searchKey(statusText)]) : 'WORKING';
  if (!status)
    problems.push({
      field: 'status',
      vi: `Trạng thái phải là: ${STATUSES.map((c) => STATUS_LABELS[c].vi).join(', ')}.`,
      en: `Status must be: ${STATUSES.map((c) => STATUS_LABELS[c].en.toLowerCase()).join(', ')}.`,
    });
  const genderText = text('gender', 20);
  const gender = genderText ? matchLabel(genderText, ['NAM', 'NU', 'KHAC'] as const, GENDER_LABELS) : null;
  if (genderText && !gender) problems.push({ field: 'gender', vi: 'Giới tính phải là Nam, Nữ hoặc Khác.', en: 'Gender must be male, female or other.' });
  const birthDate = parseDateCell(raw.birthDate);
  if (birthDate === 'invalid') problems.push({ field: 'birthDate', vi: 'Ngày sinh không hợp lệ (dd/MM/yyyy).', en: 'Invalid birth date (dd/MM/yyyy).' });
  const joinedOn = parseDateCell(raw.joinedOn);
  if (joinedOn === 'invalid') problems.push({ field: 'joinedOn', vi: 'Ngày vào làm không hợp lệ (dd/MM/yyyy).', en: 'Invalid joining date (dd/MM/yyyy).' });
  const email = text('email', 200);
  if (email && !EMAIL.test(email)) problems.push({ field: 'email', vi: 'Email không hợp lệ.', en: 'Invalid email address.' });
  const phone = text('phone', 30);
  if (phone && !/^[0-9+ ().-]{6,30}$/.test(phone)) problems.push({ field: 'phone', vi: 'Số điện thoại không hợp lệ.', en: 'Invalid phone number.' });
  const positionTitle = text('positionTitle', 120);
  if (problems.length > 0 || !employeeCode || !fullName || !unitCode || !category || !status) return { problems };
  return {
    problems,
    value: {
      employeeCode,
      fullName,
      gender: gender ?? null,
      birthDate: birthDate as string | null,
      category,
      positionTitle,
      unitCode,
      status,
      email,
      phone,
      joinedOn: joinedOn as string | null,
    },
  };
}
