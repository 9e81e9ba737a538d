import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localToEpoch } from '../../../platform/time';
import { type CalendarData, resolveDayPlan } from '../../calendar';
import { type TodayInput, todayStatus } from './today-status';
import { DEFAULT_RULES, type JustificationInput, type PunchInput } from './types';

/** Today's provisional status (issue 14, "Hôm nay") from the same inputs as the closed day. */
const CAL: CalendarData = {
  schedules: [
    {
      id: 's1',
      unitId: null,
      name: 'Giờ hành chính',
      validFrom: '2020-01-01',
      validTo: null,
      weekdays: [1, 2, 3, 4, 5],
      periods: [
        {
          startsOn: '01-01',
          morning: { start: '07:30', end: '11:30' },
          afternoon: { start: '13:30', end: '17:00' },
        },
      ],
      docNumber: null,
      docDate: null,
    },
  ],
  days: [
    {
      date: '2026-03-30',
      kind: 'HOLIDAY',
      name: 'Ngày nghỉ thử nghiệm',
      unitId: null,
      legalBasis: 'Thông báo thử nghiệm 1/TB',
      status: 'CONFIRMED',
    },
  ],
  rosters: [],
  overrides: [],
};
const DATE = '2026-03-31'; // a Tuesday
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return localToEpoch(date, h * 60 + m);
};
const punch = (id: string, hhmm: string, direction: PunchInput['direction'] = null, date = DATE): PunchInput => ({
  id,
  at: at(date, hhmm),
  source: `src-${id}`,
  direction,
});

function input(now: string, over: Partial<TodayInput> = {}, date = DATE): TodayInput {
  return {
    personId: 'person-1',
    date,
    plan: resolveDayPlan(CAL, ['unit-1'], 'person-1', date),
    employed: true,
    punches: [],
    justifications: [],
    outages: [],
    rules: DEFAULT_RULES,
    now: at(date, now),
    ...over,
  };
}

describe('today status: arrivals while the day is under way', () => {
  it('no punch yet: not yet arrived, expected at the morning start', () => {
    const r = todayStatus(input('07:00'));
    assert.equal(r?.status, 'NOT_YET');
    assert.equal(r?.expectedStart, at(DATE, '07:30'));
    assert.equal(r?.arrivedAt, null);
  });

  it('on time, and within the grace (5 minutes): arrived, not late', () => {
    assert.equal(todayStatus(input('08:00', { punches: [punch('a', '07:20')] }))?.status, 'ARRIVED');
    const r = todayStatus(input('08:00', { punches: [punch('a', '07:35')] }));
    assert.equal(r?.status, 'ARRIVED');
    assert.equal(r?.lateMinutes, null);
    assert.equal(r?.arrivedAt, at(DATE, '07:35'));
    assert.equal(r?.source, 'src-a');
  });

  it('beyond the grace: late, by the minutes the day computation counts', () => {
    const r = todayStatus(input('08:30', { punches: [punch('a', '08:10')] }));
    assert.equal(r?.status, 'LATE');
    assert.equal(r?.lateMinutes, 40);
  });

  it('the unit’s grace is the regulation’s', () => {
    const r = todayStatus(
      input('08:30', {
        punches: [punch('a', '07:45')],
        rules: { ...DEFAULT_RULES, lateGraceMinutes: 20 },
      }),
    );
    assert.equal(r?.status, 'ARRIVED');
  });

  it('schedule windows: a punch before check-in opens is not an arrival', () => {
    const r = todayStatus(input('06:00', { punches: [punch('a', '05:00')] }));
    assert.equal(r?.status, 'NOT_YET');
  });

  it('punches not received yet (after now) and of last night are not counted', () => {
    const yesterday = {
      id: 'y',
      at: at('2026-03-30', '23:50'),
      source: 'cam',
      direction: null,
    };
    assert.equal(todayStatus(input('07:10', { punches: [yesterday] }))?.status, 'NOT_YET');
    assert.equal(todayStatus(input('07:10', { punches: [punch('a', '07:25')] }))?.status, 'NOT_YET');
  });

  it('an approved late-arrival permission means not late, even where the regulation keeps the minutes', () => {
    const permission: JustificationInput = {
      id: 'perm',
      type: 'LATE_ARRIVAL_PERMISSION',
      status: 'APPROVED',
      sessions: ['MORNING'],
      window: { fromMin: 450, toMin: 510 },
    };
    const before = todayStatus(input('08:00', { justifications: [permission] }));
    assert.equal(before?.status, 'NOT_YET');
    assert.equal(before?.expectedStart, at(DATE, '08:30'), 'expected at the end of the permitted window');
    for (const approvedPermissionCountsAsLate of [false, true]) {
      const r = todayStatus(
        input('08:40', {
          punches: [punch('a', '08:25')],
          justifications: [permission],
          rules: { ...DEFAULT_RULES, approvedPermissionCountsAsLate },
        }),
      );
      assert.equal(r?.status, 'ARRIVED');
      assert.equal(r?.lateMinutes, null);
    }
  });

  it('a pending permission does not excuse yet (as the closed day)', () => {
    const pending: JustificationInput = {
      id: 'perm',
      type: 'LATE_ARRIVAL_PERMISSION',
      status: 'PENDING',
      sessions: ['MORNING'],
      window: { fromMin: 450, toMin: 510 },
    };
    assert.equal(
      todayStatus(
        input('08:40', {
          punches: [punch('a', '08:25')],
          justifications: [pending],
        }),
      )?.status,
      'LATE',
    );
  });

  it('approved leave for the whole day: on leave, punches or not', () => {
    const leave: JustificationInput = {
      id: 'l1',
      type: 'ANNUAL_LEAVE',
      status: 'APPROVED',
      sessions: ['MORNING', 'AFTERNOON'],
    };
    const r = todayStatus(
      input('09:00', {
        justifications: [leave],
        punches: [punch('a', '08:00')],
      }),
    );
    assert.equal(r?.status, 'ON_LEAVE');
    assert.equal(r?.justificationType, 'ANNUAL_LEAVE');
  });

  it('morning leave: expected in the afternoon, not yet arrived meanwhile', () => {
    const leave: JustificationInput = {
      id: 'l1',
      type: 'SICK_LEAVE',
      status: 'APPROVED',
      sessions: ['MORNING'],
    };
    const r = todayStatus(input('10:00', { justifications: [leave] }));
    assert.equal(r?.status, 'NOT_YET');
    assert.equal(r?.expectedStart, at(DATE, '13:30'));
  });

  it('a pending leave request is not leave yet', () => {
    const leave: JustificationInput = {
      id: 'l1',
      type: 'ANNUAL_LEAVE',
      status: 'PENDING',
      sessions: ['MORNING', 'AFTERNOON'],
    };
    assert.equal(todayStatus(input('09:00', { justifications: [leave] }))?.status, 'NOT_YET');
  });

  it('holiday and weekend: day off', () => {
    assert.equal(todayStatus(input('09:00', {}, '2026-03-30'))?.status, 'DAY_OFF');
    assert.equal(todayStatus(input('09:00', {}, '2026-04-05'))?.status, 'DAY_OFF');
  });

  it('not employed on the date: not listed', () => {
    assert.equal(todayStatus(input('09:00', { employed: false })), null);
  });

  it('OUT before IN: the OUT is not an arrival nor a departure; the IN is the arrival', () => {
    assert.equal(todayStatus(input('07:25', { punches: [punch('o', '07:10', 'OUT')] }))?.status, 'NOT_YET');
    const r = todayStatus(
      input('08:00', {
        punches: [punch('o', '07:10', 'OUT'), punch('i', '07:40', 'IN')],
      }),
    );
    assert.equal(r?.status, 'LATE');
    assert.equal(r?.arrivedAt, at(DATE, '07:40'));
    assert.equal(r?.lateMinutes, 10);
  });

  it('a lunch check-out is not leaving; the check-out of the last session is', () => {
    const morning = [punch('a', '07:25'), punch('b', '11:35')];
    assert.equal(todayStatus(input('12:00', { punches: morning }))?.status, 'ARRIVED');
    const r = todayStatus(
      input('17:10', {
        punches: [...morning, punch('c', '13:25'), punch('d', '17:05')],
      }),
    );
    assert.equal(r?.status, 'LEFT');
    assert.equal(r?.leftAt, at(DATE, '17:05'));
    assert.equal(r?.arrivedAt, at(DATE, '07:25'));
  });

  it('left after arriving late keeps the lateness', () => {
    const r = todayStatus(input('17:10', { punches: [punch('a', '08:00'), punch('d', '17:05')] }));
    assert.equal(r?.status, 'LEFT');
    assert.equal(r?.lateMinutes, 30);
  });

  it('double taps are one passage (debounce)', () => {
    const r = todayStatus(input('08:00', { punches: [punch('a', '07:20'), punch('b', '07:21')] }));
    assert.equal(r?.status, 'ARRIVED');
  });
});
