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

/** A holiday, nghỉ bù, swapped day off or làm bù day, national (unitId null) or of a unit and the units below it. */
export const ZCalendarDay = z
  .object({ id: z.guid(), date: z.string(), kind: ZDayKind, name: z.string(), unitId: z.guid().nullable(), legalBasis: z.string().nullable() })
  .meta({ id: 'CalendarDay' });

/** A holiday the calendar proposes for a year (never saved automatically; confirm against the official notice). */
export const ZHolidayProposal = z
  .object({
    date: z.string(),
    kind: ZDayKind,
    name: z.string(),
    unitId: z.guid().nullable(),
    legalBasis: z.string().nullable(),
    basis: z.enum(['FIXED_DATE', 'LUNAR', 'WEEKEND_COMPENSATION', 'PM_CHOICE_GUESS']),
  })
  .meta({ id: 'HolidayProposal' });

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
