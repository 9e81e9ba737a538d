import { z } from 'zod';

/** The "Hôm nay" section of the leaders' dashboard (GET /api/reports/today-attendance). */
export const ZTodayAttendanceQuery = z.strictObject({
  unitId: z
    .uuid()
    .optional()
    .describe('Limit to this unit and its sub-units (within the caller’s scope); default: every unit the caller may read attendance of.'),
});

const ZCounts = z.object({
  expected: z.number().int(),
  arrived: z.number().int(),
  late: z.number().int(),
  notYetArrived: z.number().int(),
  onLeave: z.number().int(),
  dayOff: z.number().int(),
});

const ZPersonLine = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  employeeCode: z.string(),
  unitName: z.string(),
  status: z.enum(['ARRIVED', 'LATE', 'NOT_YET', 'ON_LEAVE', 'DAY_OFF', 'LEFT']),
  arrivedAt: z.date().nullable(),
  lateMinutes: z.number().int().nullable(),
  expectedStart: z.date().nullable(),
});

export const ZTodayAttendanceSection = z
  .object({
    date: z.string().describe('Today in Việt Nam, YYYY-MM-DD.'),
    asOf: z.date(),
    summary: ZCounts,
    byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), summary: ZCounts })),
    late: z.array(ZPersonLine).describe('Arrived late today (those who already left included), most minutes first.'),
    notYet: z.array(ZPersonLine).describe('Expected today and not seen yet, earliest expected first.'),
    truncated: z.boolean().describe('True when a list was cut at its limit (the counts are complete).'),
    notLive: z
      .array(z.object({ unitId: z.uuid(), unitName: z.string(), judgedFrom: z.string(), persons: z.number().int() }))
      .describe('Units whose attendance go-live is after today: their people are in no count and no list.'),
  })
  .meta({ id: 'DashboardTodayAttendance' });
