import { z } from 'zod';
import { ZDate } from '../../platform/http/schemas';
import { ZJustificationType } from './attendance.dto';
import { TODAY_STATUSES } from './domain/today-status';

/** Request and response of GET /api/attendance/today ("Hôm nay": provisional, computed on request, never stored). */
export const ZTodayQuery = z.strictObject({
  unitId: z.uuid().optional().describe('The unit (with its sub-units) to show; without it, only the signed-in person (or `personId`).'),
  personId: z.uuid().optional().describe('One person: oneself, or someone of a unit where the caller may read attendance.'),
  date: ZDate.optional().describe('YYYY-MM-DD, today in Việt Nam by default; a past day (up to 31 days back) is shown as of its end.'),
});

export const ZTodayStatus = z.enum(TODAY_STATUSES).meta({ id: 'TodayAttendanceStatus' });

export const ZTodaySummary = z
  .object({
    expected: z.number().int().describe('People with planned work today not on approved leave.'),
    arrived: z.number().int().describe('Of the expected, those seen arriving (late ones and those who already left included).'),
    late: z.number().int(),
    notYetArrived: z.number().int(),
    onLeave: z.number().int(),
    dayOff: z.number().int(),
  })
  .meta({ id: 'TodayAttendanceSummary' });

export const ZTodayPerson = z
  .object({
    personId: z.uuid(),
    fullName: z.string(),
    employeeCode: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    status: ZTodayStatus,
    arrivedAt: z.date().nullable(),
    lateMinutes: z.number().int().nullable().describe('Minutes late after the grace; null when not late (an approved late-arrival permission means not late).'),
    leftAt: z.date().nullable(),
    expectedStart: z.date().nullable().describe('Start of the first planned session, or the end of an approved late-arrival window covering it.'),
    source: z.string().nullable().describe('Punch source of the arrival (or of the departure when no arrival was seen).'),
    justificationType: ZJustificationType.nullable().describe('ON_LEAVE: the approved request (leave, trip, training…).'),
  })
  .meta({ id: 'TodayAttendancePerson' });

export const ZTodayNotLiveUnit = z
  .object({
    unitId: z.uuid(),
    unitName: z.string(),
    judgedFrom: z.string().describe('YYYY-MM-DD: the unit’s attendance go-live (its own or inherited), after the date shown.'),
    persons: z.number().int().describe('People placed in the unit on the date, left out of the list and the counts.'),
  })
  .meta({ id: 'TodayAttendanceNotLiveUnit' });

export const ZTodayAttendance = z
  .object({
    date: z.string().describe('YYYY-MM-DD (Asia/Ho_Chi_Minh).'),
    asOf: z.date().describe('The instant the statuses are computed at (punches received up to then).'),
    summary: ZTodaySummary,
    persons: z.array(ZTodayPerson),
    notLive: z
      .array(ZTodayNotLiveUnit)
      .describe('Units whose attendance go-live is after the date: nobody there is judged yet, so their people are neither listed nor counted.'),
  })
  .meta({ id: 'TodayAttendance' });
