import { z } from 'zod';
import { VIOLATION_KINDS } from '../rules';
import { CASE_STATES } from '../violations';

const ZKind = z.enum(VIOLATION_KINDS);

export const ZDashboardQuery = z.strictObject({
  unitId: z.uuid().optional().describe('Limit to this unit and its sub-units (within the caller’s scope).'),
  weeks: z.coerce.number().int().min(4).max(104).default(26).describe('How many weeks the weekly trend covers.'),
});

const ZTodayPerson = z.object({
  violationId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  minutes: z.number().int().nullable(),
  session: z.string().nullable(),
});

/** The leader dashboard over the units in the caller's scope. */
export const ZDashboard = z
  .object({
    today: z.object({
      date: z.string().describe('Today in Vietnam, YYYY-MM-DD.'),
      byUnit: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), kind: ZKind, count: z.number().int(), people: z.array(ZTodayPerson) })),
    }),
    trends: z.object({
      weekly: z.array(z.object({ week: z.string().describe('Monday of the ISO week, YYYY-MM-DD.'), kind: ZKind, n: z.number().int() })),
      monthly: z.array(z.object({ month: z.string().describe('YYYY-MM.'), kind: ZKind, n: z.number().int() })),
    }),
    repeatOffenders: z.array(
      z.object({
        personId: z.uuid(),
        name: z.string(),
        unitName: z.string(),
        count: z.number().int(),
        late: z.number().int(),
        earlyLeave: z.number().int(),
        absent: z.number().int(),
        lastOn: z.string(),
        violations: z
          .array(z.object({ id: z.uuid(), occurredOn: z.string(), kind: ZKind }))
          .describe('The upheld violations the count is made of (not retracted, not dismissed, not awaiting justification).'),
      }),
    ).describe('People with three or more upheld violations in the last 30 days.'),
    overdueExplanations: z.array(
      z.object({
        violationId: z.uuid(),
        name: z.string(),
        unitName: z.string(),
        kind: ZKind,
        occurredOn: z.string(),
        dueAt: z.date(),
        dueOn: z.string(),
        state: z.enum(CASE_STATES),
      }),
    ),
  })
  .meta({ id: 'ViolationDashboard' });
