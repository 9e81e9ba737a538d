import { errors } from '../../platform/errors';
import { addDays, formatDateVi } from '../../platform/time';

/**
 * How far from today a late-arrival / early-leave permission or a punch correction may be filed. After the fact is
 * allowed (the whole point: "the camera missed me yesterday") but only within the month a timesheet is settled in,
 * the same backlog a device may deliver (DEVICE_BACKLOG_DAYS); in advance only permissions, for a sensible planning
 * horizon. Older facts go through a manual punch by the office, with its own approver.
 */
export const REQUEST_PAST_DAYS = 31;
export const PERMISSION_AHEAD_DAYS = 60;

export const PERMISSION_REQUEST_TYPES = ['LATE_ARRIVAL_PERMISSION', 'EARLY_LEAVE_PERMISSION'] as const;
export type PermissionRequestType = (typeof PERMISSION_REQUEST_TYPES)[number];

export function isPermissionType(type: string): type is PermissionRequestType {
  return (PERMISSION_REQUEST_TYPES as readonly string[]).includes(type);
}

/** Refuses a date before the after-the-fact limit or (when `aheadDays` is given) beyond the planning horizon. */
export function assertWithinHorizon(date: string, today: string, aheadDays: number): void {
  const earliest = addDays(today, -REQUEST_PAST_DAYS);
  if (date < earliest)
    throw errors.badRequest(
      'REQUEST_TOO_LATE',
      `Chỉ được lập đơn cho ngày từ ${formatDateVi(earliest)} trở đi (tối đa ${REQUEST_PAST_DAYS} ngày sau sự việc); ngày cũ hơn do Văn phòng chấm công thủ công.`,
      `A request may only concern ${earliest} or later (at most ${REQUEST_PAST_DAYS} days after the fact); older days are corrected by the office with a manual punch.`,
      { date, earliest },
    );
  const latest = addDays(today, aheadDays);
  if (date <= latest) return;
  if (aheadDays === 0)
    throw errors.badRequest(
      'REQUEST_IN_FUTURE',
      `Ngày ${formatDateVi(date)} chưa đến: chỉ điều chỉnh được lượt chấm công đã qua.`,
      `${date} has not come yet: only past punches can be corrected.`,
      { date, latest },
    );
  throw errors.badRequest(
    'REQUEST_TOO_FAR_AHEAD',
    `Chỉ được xin phép trước tối đa ${aheadDays} ngày (đến ${formatDateVi(latest)}).`,
    `A permission may be requested at most ${aheadDays} days ahead (until ${latest}).`,
    { date, latest },
  );
}
