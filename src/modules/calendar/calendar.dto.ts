import { z } from 'zod';

/** Local wall-clock hours of a session, HH:MM. */
const ZTimeRange = z.object({ start: z.string(), end: z.string() });
const ZDayKind = z.enum(['HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'MAKEUP_WORKDAY']);

/** One seasonal period of a schedule: from startsOn (MM-DD) until the next period's start, over the year end. */
export const ZSchedulePeriod = z
  .object({ startsOn: z.string(), morning: ZTimeRange.nullable(), afternoon: ZTimeRange.nullable() })
  .meta({ id: 'SchedulePeriod' });

/** Working hours of the country (unitId null) or of a unit and the units below it. Dates YYYY-MM-DD, validTo exclusive. */
export const ZWorkSchedule = z
  .object({
    id: z.guid(),
    unitId: z.guid().nullable(),
    name: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    weekdays: z.array(z.number().int()).describe('ISO weekdays worked, 1 = Monday … 7 = Sunday'),
    periods: z.array(ZSchedulePeriod),
    docNumber: z.string().nullable(),
    docDate: z.string().nullable(),
  })
  .meta({ id: 'WorkSchedule' });

const ZDayStatus = z
  .enum(['CONFIRMED', 'PROPOSED'])
  .describe('CONFIRMED: by the law or an official notice (legalBasis). PROPOSED: expected, not announced yet; counts as a day off and is flagged');

/**
 * A holiday, nghỉ bù, swapped day off or làm bù day, national (unitId null) or of a unit and the units below it.
 * source RULE: generated from BLLĐ 2019 Điều 111–112 for the year (id null; a stored row of the date wins).
 */
export const ZCalendarDay = z
  .object({
    id: z.guid().nullable(),
    date: z.string(),
    kind: ZDayKind,
    name: z.string(),
    unitId: z.guid().nullable(),
    legalBasis: z.string().nullable(),
    status: ZDayStatus,
    note: z.string().nullable(),
    source: z.enum(['STORED', 'RULE']),
  })
  .meta({ id: 'CalendarDay' });

/** What the law says of a year's holidays, for an administrator to compare with the official notice. */
export const ZHolidayProposal = z
  .object({
    date: z.string(),
    kind: ZDayKind,
    name: z.string(),
    unitId: z.guid().nullable(),
    legalBasis: z.string().nullable().describe('null on a PM-choice guess: the admin enters the notice when confirming'),
    status: ZDayStatus,
    note: z.string().nullable(),
    basis: z.enum(['FIXED_DATE', 'LUNAR', 'WEEKEND_COMPENSATION', 'PM_CHOICE_GUESS']),
  })
  .meta({ id: 'HolidayProposal' });

/** Whether a year's official schedule is in (no PROPOSED national day, a confirmed Tết window). */
export const ZScheduleReadiness = z
  .object({
    year: z.number().int(),
    confirmed: z.boolean(),
    tetConfirmed: z.boolean(),
    proposed: z.array(ZCalendarDay),
    remindFrom: z.string().describe('From this date (1 November of the year before) the calendar admins are reminded'),
    reminderDue: z.boolean().describe('Today is on or after remindFrom and the schedule is not confirmed'),
  })
  .meta({ id: 'ScheduleReadiness' });

/** One date of a unit's official calendar (rosters and personal hours aside). */
export const ZCalendarDate = z
  .object({
    date: z.string(),
    working: z.boolean(),
    dayOff: z
      .object({ kind: z.enum(['HOLIDAY', 'COMPENSATORY', 'SWAPPED_OFF', 'WEEKLY_REST']), name: z.string(), legalBasis: z.string().nullable(), status: ZDayStatus.nullable() })
      .nullable(),
  })
  .meta({ id: 'CalendarDate' });

export const ZLunarDate = z
  .object({ day: z.number().int(), month: z.number().int(), year: z.number().int(), leap: z.boolean() })
  .meta({ id: 'LunarDate' });

/** Extra duty or time off on a date or a recurring weekday, for one person or the whole unit. */
export const ZRosterEntry = z
  .object({
    id: z.guid(),
    unitId: z.guid(),
    personId: z.guid().nullable(),
    date: z.string().nullable(),
    weekday: z.number().int().nullable(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    session: z.enum(['MORNING', 'AFTERNOON', 'FULL']),
    kind: z.enum(['EXTRA_DUTY', 'OFF_DUTY']),
    note: z.string().nullable(),
  })
  .meta({ id: 'RosterEntry' });

export const ZIdResult = z.object({ id: z.guid() });
export const ZRecomputeQueued = z.object({
  queuedForRecompute: z.number().int().describe('Past attendance days queued for recomputation'),
});
