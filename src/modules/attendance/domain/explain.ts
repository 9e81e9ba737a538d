import {
  ATTENDANCE_STATUS_LABELS,
  ATTENDANCE_STATUS_SHORT,
  JUSTIFICATION_TYPE_LABELS,
  pickLabel,
  SESSION_LABELS,
} from '../../../platform/glossary';
import type { AttendanceStatus, Explanation } from './types';

const LABELS: Record<AttendanceStatus, { vi: string; en: string }> = ATTENDANCE_STATUS_LABELS;
const SHORT: Record<AttendanceStatus, string> = ATTENDANCE_STATUS_SHORT;

/** Status labels for the timesheet legend and exports: the glossary's words plus the grid's short code. */
export const STATUS_LABELS = Object.fromEntries(
  (Object.keys(LABELS) as AttendanceStatus[]).map((s) => [s, { ...LABELS[s], short: SHORT[s] }]),
) as Record<AttendanceStatus, { vi: string; en: string; short: string }>;

const SESSION_VI = (s: string): string => pickLabel(SESSION_LABELS, s, 'vi');
const typeVi = (t: unknown): string => pickLabel(JUSTIFICATION_TYPE_LABELS, String(t), 'vi');
const typeEn = (t: unknown): string => pickLabel(JUSTIFICATION_TYPE_LABELS, String(t), 'en');

type Fmt = (p: Record<string, string | number>, s: string) => { vi: string; en: string };

const MESSAGES: Record<string, Fmt> = {
  NOT_EMPLOYED: () => ({ vi: 'Ngoài thời gian công tác tại cơ quan.', en: 'Outside the employment period.' }),
  HOLIDAY: (p) => ({ vi: `Ngày nghỉ lễ: ${p.name}.`, en: `Public holiday: ${p.name}.` }),
  NON_WORKING_DAY: () => ({ vi: 'Ngày nghỉ hằng tuần.', en: 'Weekly rest day.' }),
  NO_SCHEDULE: () => ({ vi: 'Chưa có lịch làm việc áp dụng cho đơn vị.', en: 'No work schedule applies to the unit.' }),
  MAKEUP_WORKDAY: () => ({ vi: 'Ngày làm bù (làm việc như ngày thường).', en: 'Make-up working day.' }),
  DUTY_ON_DAY_OFF: (p) => ({ vi: `Trực theo lịch phân công trong ngày nghỉ (${p.name}).`, en: `Rostered duty on a day off (${p.name}).` }),
  PUNCHES_DEBOUNCED: (p) => ({ vi: `Bỏ qua ${p.count} lượt chấm trùng lặp.`, en: `${p.count} repeated punch(es) ignored.` }),
  PUNCHES_ON_DAY_OFF: (p) => ({ vi: `Có ${p.count} lượt chấm trong ngày nghỉ.`, en: `${p.count} punch(es) on a day off.` }),
  PUNCHES_OUTSIDE_WINDOWS: (p) => ({ vi: `${p.count} lượt chấm ngoài khung giờ làm việc.`, en: `${p.count} punch(es) outside the session windows.` }),
  LUNCH_BRIDGED: () => ({ vi: 'Không yêu cầu chấm công giờ nghỉ trưa: tính liên tục.', en: 'Lunch punches not required: counted as continuous.' }),
  JUSTIFIED: (p, s) => ({ vi: `${SESSION_VI(s)}: có giấy tờ được duyệt (${typeVi(p.type)}).`, en: `${s}: approved justification (${typeEn(p.type)}).` }),
  PUNCH_DURING_JUSTIFICATION: (_p, s) => ({ vi: `${SESSION_VI(s)}: có lượt chấm trong thời gian nghỉ/công tác.`, en: `${s}: punch during an approved absence.` }),
  SOURCE_OFFLINE: (p, s) => ({ vi: `${SESSION_VI(s)}: thiết bị chấm công mất kết nối (${p.sources}); không kết luận vắng.`, en: `${s}: source offline (${p.sources}); no absence concluded.` }),
  SOURCE_OFFLINE_TIMING: (_p, s) => ({ vi: `${SESSION_VI(s)}: thiết bị mất kết nối quanh giờ vào/ra; không kết luận muộn/sớm.`, en: `${s}: source offline around the start/end; lateness not concluded.` }),
  JUSTIFICATION_PENDING: (_p, s) => ({ vi: `${SESSION_VI(s)}: vắng, có đơn đang chờ duyệt (chờ hợp thức hóa).`, en: `${s}: absent, a request is pending approval (awaiting justification).` }),
  PUNCHES_VOIDED: (p) => ({ vi: `Bỏ qua ${p.count} lượt chấm đã được điều chỉnh (đơn điều chỉnh được duyệt).`, en: `${p.count} punch(es) voided by an approved correction.` }),
  PERMISSION_APPROVED: (_p, s) => ({ vi: `${SESSION_VI(s)}: có đơn xin đi muộn/về sớm đã được duyệt.`, en: `${s}: approved late-arrival/early-leave permission.` }),
  PERMISSION_PENDING: (_p, s) => ({ vi: `${SESSION_VI(s)}: có đơn xin đi muộn/về sớm đang chờ duyệt.`, en: `${s}: late-arrival/early-leave permission pending approval.` }),
  PERMISSION_EXCEEDED: (p, s) => ({ vi: `${SESSION_VI(s)}: quá thời gian được phép (${p.excused} phút được phép), tính ${p.minutes} phút.`, en: `${s}: beyond the permitted time (${p.excused} min permitted), ${p.minutes} min counted.` }),
  LEAVE_NOT_REPORTED: (p, s) => ({ vi: `${SESSION_VI(s)}: vắng và không có đơn sau ${p.days} ngày làm việc.`, en: `${s}: absent with no request after ${p.days} working days.` }),
  NO_PUNCH: (_p, s) => ({ vi: `${SESSION_VI(s)}: không có lượt chấm công, không có lý do.`, en: `${s}: no punch and no justification.` }),
  MISSING_CHECKOUT: (_p, s) => ({ vi: `${SESSION_VI(s)}: thiếu lượt chấm ra.`, en: `${s}: check-out missing.` }),
  MISSING_CHECKIN: (_p, s) => ({ vi: `${SESSION_VI(s)}: thiếu lượt chấm vào.`, en: `${s}: check-in missing.` }),
  LATE: (p, s) => ({ vi: `${SESSION_VI(s)}: đi muộn ${p.minutes} phút.`, en: `${s}: ${p.minutes} min late.` }),
  EARLY_LEAVE: (p, s) => ({ vi: `${SESSION_VI(s)}: về sớm ${p.minutes} phút.`, en: `${s}: left ${p.minutes} min early.` }),
};

export function explain(e: Explanation): { vi: string; en: string } {
  const f = MESSAGES[e.code];
  return f ? f(e.params ?? {}, e.session ?? 'FULL') : { vi: e.code, en: e.code };
}
