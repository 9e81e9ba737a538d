import assert from 'node:assert/strict';
import { addDays, localMinuteOf, localToEpoch, minutesToHhmm } from '../../../platform/time';
import type { AttendanceStatus, SessionKind } from '../domain/types';
import type { PunchSpec, Scenario } from './fixture';

/** 'HH:MM' → minutes after local midnight (permission windows). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** A punch spec → epoch ms. 'HH:MM[:SS]' is on the scenario date, local time. */
export function punchTime(spec: PunchSpec, date: string): number {
  const t = typeof spec === 'string' ? spec : spec.t;
  if (/^\d{2}:\d{2}(:\d{2})?$/.test(t)) {
    const [h, m, s] = t.split(':').map(Number) as [number, number, number | undefined];
    return localToEpoch(date, h * 60 + m + (s ?? 0) / 60);
  }
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(t)) {
    const [d, hm] = t.split(' ') as [string, string];
    const [h, m] = hm.split(':').map(Number) as [number, number];
    return localToEpoch(d, h * 60 + m);
  }
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`bad punch time ${t}`);
  return ms;
}

export function asOfOf(s: Scenario): number {
  return s.asOf ? punchTime(s.asOf, s.date) : localToEpoch(addDays(s.date, 1), 8 * 60);
}

const hhmm = (ms: number | null, withSeconds: boolean) => {
  if (ms === null) return null;
  const min = localMinuteOf(ms);
  const base = minutesToHhmm(Math.floor(min));
  return withSeconds ? `${base}:${String(Math.round((min % 1) * 60)).padStart(2, '0')}` : base;
};

export interface ObservedSession {
  session: SessionKind;
  status: AttendanceStatus;
  checkIn: number | null;
  checkOut: number | null;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  absenceRequestId?: string | null;
  arrivalPermission?: { status: string } | null;
  departurePermission?: { status: string } | null;
}

/** Compares an observed day (from the pure function or from the database) with the scenario's expectation. */
export function assertMatches(s: Scenario, dayStatus: AttendanceStatus, sessions: readonly ObservedSession[], where: string): void {
  const ctx = `${s.id} (${s.title}) [${where}]`;
  assert.equal(dayStatus, s.expect.day, `${ctx}: day status; sessions ${JSON.stringify(sessions.map((x) => [x.session, x.status]))}`);
  for (const [name, status, detail] of s.expect.sessions ?? []) {
    const got = sessions.find((x) => x.session === name);
    assert.ok(got, `${ctx}: session ${name} missing`);
    assert.equal(got.status, status, `${ctx}: ${name} status`);
    if (detail?.late !== undefined) assert.equal(got.lateMinutes, detail.late, `${ctx}: ${name} late minutes`);
    if (detail?.early !== undefined) assert.equal(got.earlyLeaveMinutes, detail.early, `${ctx}: ${name} early minutes`);
    if (detail?.in !== undefined) assert.equal(hhmm(got.checkIn, (detail.in ?? '').length > 5), detail.in, `${ctx}: ${name} check-in`);
    if (detail?.out !== undefined) assert.equal(hhmm(got.checkOut, (detail.out ?? '').length > 5), detail.out, `${ctx}: ${name} check-out`);
    if (detail?.arrival !== undefined) assert.equal(got.arrivalPermission?.status ?? null, detail.arrival, `${ctx}: ${name} arrival permission`);
    if (detail?.departure !== undefined) assert.equal(got.departurePermission?.status ?? null, detail.departure, `${ctx}: ${name} departure permission`);
    if (detail?.awaitingRequest !== undefined) assert.equal(Boolean(got.absenceRequestId), detail.awaitingRequest, `${ctx}: ${name} pending request named`);
  }
}
