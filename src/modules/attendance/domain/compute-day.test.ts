import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localDateOf, localToEpoch } from '../../../platform/time';
import { type CalendarData, resolveDayPlan } from '../../calendar';
import { attendanceDayUpdatedSchema } from '../attendance.events';
import { rulesFor } from '../rules.repo';
import { computeDay } from './compute-day';
import { DEFAULT_RULES, type DayInput, type JustificationInput, type PunchInput } from './types';
import { workingDaysCounter } from './working-days-since';

/**
 * The day function against the law and the audit (issue 13): D3 (a pending request is "chờ hợp thức hóa", not
 * "vắng không có lý do chính đáng"), D8 ("nghỉ không báo" after N working days of the unit's calendar), partial
 * permissions (đơn xin đi muộn / về sớm, from–to), voided punches, the regulation and the reason a day is off.
 */
const UNIT = 'unit-1';
const ANC = [UNIT];
const CAL: CalendarData = {
  schedules: [
    {
      id: 's1',
      unitId: null,
      name: 'Giờ hành chính',
      validFrom: '2020-01-01',
      validTo: null,
      weekdays: [1, 2, 3, 4, 5],
      periods: [{ startsOn: '01-01', morning: { start: '07:30', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } }],
      docNumber: null,
      docDate: null,
    },
  ],
  days: [
    { date: '2026-03-30', kind: 'HOLIDAY', name: 'Ngày nghỉ thử nghiệm', unitId: null, legalBasis: 'Thông báo thử nghiệm 1/TB', status: 'CONFIRMED' },
    { date: '2027-02-05', kind: 'HOLIDAY', name: 'Tết Nguyên đán (dự kiến)', unitId: null, legalBasis: null, status: 'PROPOSED' },
    { date: '2026-04-04', kind: 'MAKEUP_WORKDAY', name: 'Làm bù thử nghiệm', unitId: null, legalBasis: 'Thông báo thử nghiệm 2/TB' },
  ],
  rosters: [],
  overrides: [],
};

const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return localToEpoch(date, h * 60 + m);
};
const punches = (date: string, ...times: string[]): PunchInput[] => times.map((t, i) => ({ id: `p${i}`, at: at(date, t), source: 'cam' }));
const count = (date: string, asOf: number, n = DEFAULT_RULES.leaveNotReportedAfterDays) => workingDaysCounter(CAL, localDateOf(asOf))(ANC, date, n);

function day(date: string, over: Partial<DayInput> = {}): DayInput {
  const asOf = over.asOf ?? at(date, '23:00') + 9 * 3600_000; // next morning
  return {
    personId: 'person-1',
    date,
    plan: resolveDayPlan(CAL, ANC, 'person-1', date),
    employed: true,
    punches: [],
    justifications: [],
    outages: [],
    rules: DEFAULT_RULES,
    asOf,
    workingDaysSince: count(date, asOf),
    ...over,
  };
}
const leave = (status: 'APPROVED' | 'PENDING'): JustificationInput => ({ id: 'req-1', type: 'ANNUAL_LEAVE', status, sessions: ['MORNING', 'AFTERNOON'] });
const permit = (type: 'LATE_ARRIVAL_PERMISSION' | 'EARLY_LEAVE_PERMISSION', status: 'APPROVED' | 'PENDING', from: string, to: string): JustificationInput => {
  const [fh, fm] = from.split(':').map(Number) as [number, number];
  const [th, tm] = to.split(':').map(Number) as [number, number];
  return { id: `perm-${type}`, type, status, sessions: [type === 'LATE_ARRIVAL_PERMISSION' ? 'MORNING' : 'AFTERNOON'], window: { fromMin: fh * 60 + fm, toMin: th * 60 + tm } };
};

describe('computeDay — a pending request is awaiting justification (D3)', () => {
  it('a whole day under a pending leave request: AWAITING_JUSTIFICATION naming the request, never "not reported"', () => {
    const d = '2026-03-10';
    const late = at('2026-03-20', '08:00');
    const r = computeDay(day(d, { justifications: [leave('PENDING')], asOf: late, workingDaysSince: count(d, late) }));
    assert.equal(r.dayStatus, 'AWAITING_JUSTIFICATION');
    for (const s of r.sessions) {
      assert.equal(s.status, 'AWAITING_JUSTIFICATION');
      assert.equal(s.absenceRequestId, 'req-1');
    }
  });
  it('rejected (no longer among the inputs): absent, and "not reported" once the working days have passed', () => {
    const d = '2026-03-10';
    assert.equal(computeDay(day(d)).dayStatus, 'ABSENT_NO_REASON');
    const late = at('2026-03-16', '08:00');
    const r = computeDay(day(d, { asOf: late, workingDaysSince: count(d, late) }));
    assert.equal(r.dayStatus, 'LEAVE_NOT_REPORTED');
    assert.equal(r.sessions[0]?.absenceRequestId, null);
  });
  it('an approved leave still justifies (ON_LEAVE), a pending one does not hide presence', () => {
    assert.equal(computeDay(day('2026-03-10', { justifications: [leave('APPROVED')] })).dayStatus, 'ON_LEAVE');
    const r = computeDay(day('2026-03-10', { justifications: [leave('PENDING')], punches: punches('2026-03-10', '07:25', '17:05') }));
    assert.equal(r.dayStatus, 'PRESENT');
  });
});

describe('computeDay — "nghỉ không báo" after N working days of the unit calendar (D8)', () => {
  // Fri 27/3/2026 absent; Sat 28, Sun 29, Mon 30/3 a holiday of this calendar; Tue 31/3, Wed 1/4, Thu 2/4 working.
  const fri = '2026-03-27';
  const status = (asOf: number) => computeDay(day(fri, { asOf, workingDaysSince: count(fri, asOf) })).dayStatus;
  it('is not "not reported" on Monday morning, nor on Tuesday morning after the holiday (0 working days over)', () => {
    assert.equal(count(fri, at('2026-03-30', '08:00')), 0);
    assert.equal(status(at('2026-03-30', '08:00')), 'ABSENT_NO_REASON');
    assert.equal(count(fri, at('2026-03-31', '08:00')), 0);
    assert.equal(status(at('2026-03-31', '08:00')), 'ABSENT_NO_REASON');
  });
  it('is still absent on Thursday morning (Tue and Wed over: 2 of 3)', () => {
    assert.equal(status(at('2026-04-02', '08:00')), 'ABSENT_NO_REASON');
  });
  it('becomes "not reported" once the third working day (Thu 2/4) is over', () => {
    assert.equal(count(fri, at('2026-04-03', '08:00')), 3);
    assert.equal(status(at('2026-04-03', '08:00')), 'LEAVE_NOT_REPORTED');
  });
  it('a làm bù Saturday counts; the counter stops at the threshold', () => {
    // Wed 1/4 absent: Thu 2, Fri 3, Sat 4/4 (làm bù) over by Monday 6/4.
    assert.equal(count('2026-04-01', at('2026-04-06', '08:00')), 3);
    assert.equal(count('2026-01-05', at('2026-12-01', '08:00'), 3), 3);
  });
  it('the unit regulation sets N', () => {
    const asOf = at('2026-04-03', '08:00');
    const rules = { ...DEFAULT_RULES, leaveNotReportedAfterDays: 5 };
    assert.equal(computeDay(day(fri, { asOf, rules, workingDaysSince: workingDaysCounter(CAL, '2026-04-03')(ANC, fri, 5) })).dayStatus, 'ABSENT_NO_REASON');
  });
});

describe('computeDay — late-arrival / early-leave permissions (C4)', () => {
  const d = '2026-03-10'; // Tuesday, 07:30–11:30 / 13:30–17:00, grace 5 min
  const morning = (over: Partial<DayInput>) => computeDay(day(d, over)).sessions.find((s) => s.session === 'MORNING');
  const afternoon = (over: Partial<DayInput>) => computeDay(day(d, over)).sessions.find((s) => s.session === 'AFTERNOON');
  it('check-in inside an approved window: present, no late minutes, the permission named', () => {
    const s = morning({ punches: punches(d, '08:20', '17:02'), justifications: [permit('LATE_ARRIVAL_PERMISSION', 'APPROVED', '07:30', '08:30')] });
    assert.equal(s?.status, 'PRESENT');
    assert.equal(s?.lateMinutes, 0);
    assert.deepEqual(s?.arrivalPermission, { requestId: 'perm-LATE_ARRIVAL_PERMISSION', status: 'APPROVED' });
  });
  it('the regulation counts approved minutes as late: LATE with the measured minutes and the approved permission', () => {
    const rules = { ...DEFAULT_RULES, approvedPermissionCountsAsLate: true };
    const s = morning({ rules, punches: punches(d, '08:20', '17:02'), justifications: [permit('LATE_ARRIVAL_PERMISSION', 'APPROVED', '07:30', '08:30')] });
    assert.equal(s?.status, 'LATE');
    assert.equal(s?.lateMinutes, 50);
    assert.equal(s?.arrivalPermission?.status, 'APPROVED');
  });
  it('minutes beyond the window are still late, and no permission covers them', () => {
    const r = computeDay(day(d, { punches: punches(d, '08:45', '17:02'), justifications: [permit('LATE_ARRIVAL_PERMISSION', 'APPROVED', '07:30', '08:30')] }));
    const s = r.sessions.find((x) => x.session === 'MORNING');
    assert.equal(s?.status, 'LATE');
    assert.equal(s?.lateMinutes, 15);
    assert.equal(s?.arrivalPermission, null);
    assert.ok(r.explanations.some((e) => e.code === 'PERMISSION_EXCEEDED' && e.params?.excused === 60));
  });
  it('a pending permission: late (measured minutes) until the leader decides, the permission named PENDING', () => {
    const s = morning({ punches: punches(d, '08:20', '17:02'), justifications: [permit('LATE_ARRIVAL_PERMISSION', 'PENDING', '07:30', '08:30')] });
    assert.equal(s?.status, 'LATE');
    assert.equal(s?.lateMinutes, 50);
    assert.equal(s?.arrivalPermission?.status, 'PENDING');
  });
  it('early leave inside an approved window: present; before the window: early by the minutes outside it', () => {
    const ok = afternoon({ punches: punches(d, '07:25', '16:05'), justifications: [permit('EARLY_LEAVE_PERMISSION', 'APPROVED', '16:00', '17:00')] });
    assert.equal(ok?.status, 'PRESENT');
    assert.equal(ok?.departurePermission?.status, 'APPROVED');
    const early = afternoon({ punches: punches(d, '07:25', '15:40'), justifications: [permit('EARLY_LEAVE_PERMISSION', 'APPROVED', '16:00', '17:00')] });
    assert.equal(early?.status, 'EARLY_LEAVE');
    assert.equal(early?.earlyLeaveMinutes, 20);
    assert.equal(early?.departurePermission, null);
  });
  it('a permission is not a leave: a session with no presence stays absent', () => {
    const s = morning({ punches: punches(d, '13:25', '17:02'), justifications: [permit('LATE_ARRIVAL_PERMISSION', 'APPROVED', '07:30', '09:30')] });
    assert.equal(s?.status, 'ABSENT_NO_REASON');
  });
});

describe('computeDay — voided punches, regulation, day off', () => {
  const d = '2026-03-10';
  it('a punch an approved correction voided is ignored', () => {
    // Two check-ins (the first one not the person's, say) and the evening check-out.
    const ps = punches(d, '07:25', '08:00', '17:02').map((p, i) => ({ ...p, direction: i < 2 ? ('IN' as const) : ('OUT' as const) }));
    assert.equal(computeDay(day(d, { punches: ps })).dayStatus, 'PRESENT');
    const r = computeDay(day(d, { punches: ps, voidedPunchIds: ['p0'] }));
    assert.equal(r.sessions.find((s) => s.session === 'MORNING')?.lateMinutes, 30);
    assert.ok(r.explanations.some((e) => e.code === 'PUNCHES_VOIDED'));
  });
  it('the day says which regulation applied; SYSTEM_DEFAULT when none was given', () => {
    assert.deepEqual(computeDay(day(d)).regulation, { source: 'SYSTEM_DEFAULT', unitId: null, legalBasis: null });
    const regulation = { source: 'UNIT' as const, unitId: UNIT, legalBasis: 'Quy chế làm việc 5/QĐ-UBND' };
    assert.deepEqual(computeDay(day(d, { regulation })).regulation, regulation);
  });
  it('rulesFor: the unit entry, else the installation-wide one, else the system default', () => {
    const unitRules = { ...DEFAULT_RULES, lateGraceMinutes: 10 };
    const entries = [
      { unitId: null, rules: DEFAULT_RULES, legalBasis: 'Quy chế chung 1/QĐ' },
      { unitId: 'parent', rules: unitRules, legalBasis: 'Quy chế 2/QĐ' },
    ];
    assert.deepEqual(rulesFor(entries, ['child', 'parent']), { rules: unitRules, regulation: { source: 'UNIT', unitId: 'parent', legalBasis: 'Quy chế 2/QĐ' } });
    assert.equal(rulesFor(entries, ['other']).regulation.source, 'NATIONAL');
    assert.deepEqual(rulesFor([], ['other']), { rules: DEFAULT_RULES, regulation: { source: 'SYSTEM_DEFAULT', unitId: null, legalBasis: null } });
  });
  it('why a day is off: the holiday with its legal basis, a proposed Tết day, the weekly rest; null on a working day', () => {
    assert.deepEqual(computeDay(day('2026-03-30')).dayOff, { kind: 'HOLIDAY', name: 'Ngày nghỉ thử nghiệm', legalBasis: 'Thông báo thử nghiệm 1/TB', status: 'CONFIRMED' });
    const tet = computeDay(day('2027-02-05')).dayOff;
    assert.equal(tet?.status, 'PROPOSED');
    assert.equal(tet?.legalBasis, null);
    assert.equal(computeDay(day('2026-03-28')).dayOff?.kind, 'WEEKLY_REST');
    assert.equal(computeDay(day('2026-04-04')).dayOff, null, 'a làm bù Saturday is a working day');
    assert.equal(computeDay(day(d)).dayOff, null);
  });
  it('an event published before issue 13 still parses, with the defaults', () => {
    const old = {
      personId: '00000000-0000-4000-8000-000000000001',
      unitId: '00000000-0000-4000-8000-000000000002',
      date: d,
      revision: 1,
      computedAt: new Date(at(d, '20:00')).toISOString(),
      dayStatus: 'ABSENT_NO_REASON',
      sessions: [
        { session: 'MORNING', status: 'ABSENT_NO_REASON', scheduledStart: null, scheduledEnd: null, checkIn: null, checkOut: null, checkInPunchId: null, checkOutPunchId: null, lateMinutes: 0, earlyLeaveMinutes: 0, justificationId: null },
      ],
    };
    const parsed = attendanceDayUpdatedSchema.parse(old);
    assert.deepEqual(parsed.regulation, { source: 'SYSTEM_DEFAULT', unitId: null, legalBasis: null });
    assert.equal(parsed.dayOff, null);
    assert.equal(parsed.sessions[0]?.arrivalPermission, null);
    assert.equal(parsed.sessions[0]?.absenceRequestId, null);
  });
});
