import { randomUUID } from 'node:crypto';
import type { AttendanceDayUpdated } from '../../src/modules/attendance';
import { localDateOf } from '../../src/platform/time';

/**
 * A day whose morning session was late (checked in at `checkIn`) or missed (`checkIn` null), as the attendance
 * module would publish it: for tests that open violations straight from the event, around real recorded footage.
 */
export function morningDay(personId: string, unitId: string, status: 'LATE' | 'ABSENT_NO_REASON', start: Date, checkIn: Date | null): AttendanceDayUpdated {
  const late = status === 'LATE';
  return {
    personId,
    unitId,
    date: localDateOf(start),
    revision: 1,
    computedAt: new Date().toISOString(),
    dayStatus: status,
    sessions: [
      {
        session: 'MORNING',
        status,
        scheduledStart: start.toISOString(),
        scheduledEnd: new Date(start.getTime() + 4 * 3600_000).toISOString(),
        checkIn: checkIn?.toISOString() ?? null,
        checkOut: null,
        checkInPunchId: late ? randomUUID() : null,
        checkOutPunchId: null,
        lateMinutes: late && checkIn ? Math.round((checkIn.getTime() - start.getTime()) / 60_000) : 0,
        earlyLeaveMinutes: 0,
        justificationId: null,
      },
    ],
  };
}
