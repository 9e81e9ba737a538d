import {
  CALENDAR_DAY_KIND_LABELS,
  CALENDAR_DAY_STATUS_LABELS,
  JUSTIFICATION_TYPE_LABELS,
  pickLabel,
  PUNCH_DECIDER_LABELS,
  REQUEST_STATUS_LABELS,
} from '../../../../src/platform/glossary';

/**
 * What issue 13 added to a computed day (contract C3): the request / permission behind a session, the work
 * regulation that applied and why the day is off. Typed here, optional, until the generated API types include them;
 * terms come from the glossary.
 */
export interface PermissionRef {
  requestId: string;
  status: 'APPROVED' | 'PENDING';
}
export interface SessionExtras {
  absenceRequestId?: string | null;
  arrivalPermission?: PermissionRef | null;
  departurePermission?: PermissionRef | null;
}
export interface RegulationRef {
  source: 'UNIT' | 'NATIONAL' | 'SYSTEM_DEFAULT';
  unitId: string | null;
  legalBasis: string | null;
}
export interface DayOff {
  kind: 'HOLIDAY' | 'COMPENSATORY' | 'SWAPPED_OFF' | 'WEEKLY_REST';
  name: string;
  legalBasis: string | null;
  status: 'CONFIRMED' | 'PROPOSED' | null;
}
export interface DayExtras {
  regulation?: RegulationRef | null;
  dayOff?: DayOff | null;
}

type Lang = 'vi' | 'en';

/** "Xin phép đi muộn — Đã duyệt" for each permission attached to a session. */
export function permissionNotes(s: SessionExtras, lang: Lang): string[] {
  const out: string[] = [];
  const one = (type: string, p: PermissionRef | null | undefined) => {
    if (p) out.push(`${pickLabel(JUSTIFICATION_TYPE_LABELS, type, lang)} — ${pickLabel(REQUEST_STATUS_LABELS, p.status, lang)}`);
  };
  one('LATE_ARRIVAL_PERMISSION', s.arrivalPermission);
  one('EARLY_LEAVE_PERMISSION', s.departurePermission);
  if (s.absenceRequestId) out.push(lang === 'en' ? 'request pending approval' : 'có đơn đang chờ duyệt');
  return out;
}

/** "Ngày lễ, Tết: Giỗ Tổ Hùng Vương (BLLĐ 2019, Điều 112) — Dự kiến…" */
export function dayOffText(d: DayOff, lang: Lang): string {
  const kind = pickLabel(CALENDAR_DAY_KIND_LABELS, d.kind, lang);
  const basis = d.legalBasis ? ` (${d.legalBasis})` : '';
  const status = d.status ? ` — ${pickLabel(CALENDAR_DAY_STATUS_LABELS, d.status, lang)}` : '';
  // The weekly rest is named by its kind already: do not repeat the kind label before the same name.
  const what = d.name === pickLabel(CALENDAR_DAY_KIND_LABELS, d.kind, 'vi') ? kind : `${kind}: ${d.name}`;
  return `${what}${basis}${status}`;
}

/** Which regulation's thresholds applied; says plainly when it is the system default (audit D7). */
export function regulationText(r: RegulationRef, lang: Lang): string {
  if (r.source === 'SYSTEM_DEFAULT')
    return lang === 'en'
      ? 'The unit has not adopted its own work regulation: the system default thresholds (grace minutes, reporting days) apply.'
      : 'Đơn vị chưa ban hành quy chế làm việc riêng: đang áp dụng ngưỡng mặc định của hệ thống (số phút cho phép, số ngày báo cáo).';
  const basis = r.legalBasis ?? (lang === 'en' ? 'no reference recorded' : 'chưa ghi số văn bản');
  if (r.source === 'UNIT') return lang === 'en' ? `Thresholds of the unit's work regulation: ${basis}.` : `Ngưỡng theo quy chế làm việc của đơn vị: ${basis}.`;
  return lang === 'en' ? `Thresholds of the installation-wide regulation: ${basis}.` : `Ngưỡng theo quy chế chung: ${basis}.`;
}

/**
 * Who decided a punch, for the punch list: "Xác nhận bởi Nguyễn Thị Hằng" when a reviewer confirmed the gate pass
 * behind it (source `camera-review:*`), "Tự động (camera nhận diện)" for the camera's own punches, null otherwise
 * (manual punches carry their own tag). `confirmedBy` is optional until the generated API types include it.
 */
export function punchDeciderText(p: { source: string; confirmedBy?: string | null }, lang: Lang): string | null {
  if (p.source.startsWith('camera-review:')) return `${pickLabel(PUNCH_DECIDER_LABELS, 'REVIEWER', lang)} ${p.confirmedBy ?? '—'}`;
  if (p.source.startsWith('camera:')) return pickLabel(PUNCH_DECIDER_LABELS, 'MACHINE', lang);
  return null;
}
