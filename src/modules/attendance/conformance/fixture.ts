import type { CalendarDay, RosterEntry, SchedulePeriod, TimeRange } from '../../calendar';
import type { AttendanceRules, AttendanceStatus, JustificationType, SessionKind } from '../domain/types';

/**
 * The world every conformance scenario lives in: a province (Nghệ An hours, summer/winter), two departments, a
 * former unit merged into one of them mid-March, the official 2026 holidays, and two punch sources. Each scenario
 * gets its own leaf unit under its base unit, so unit-level rosters, rules and holidays never leak between scenarios.
 */
export const UNITS = {
  PROVINCE: '00000000-0000-4000-8000-000000000001',
  A: '00000000-0000-4000-8000-00000000000a',
  B: '00000000-0000-4000-8000-00000000000b',
  OLD: '00000000-0000-4000-8000-0000000000c0',
} as const;
export type BaseUnit = 'A' | 'B' | 'OLD';

export const UNIT_PARENTS: Record<string, string | null> = {
  [UNITS.PROVINCE]: null,
  [UNITS.A]: UNITS.PROVINCE,
  [UNITS.B]: UNITS.PROVINCE,
  [UNITS.OLD]: UNITS.PROVINCE,
};

export const NGHE_AN_PERIODS: SchedulePeriod[] = [
  { startsOn: '04-16', morning: { start: '07:00', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } },
  { startsOn: '10-16', morning: { start: '07:30', end: '12:00' }, afternoon: { start: '13:30', end: '17:00' } },
];
export const UNIT_B_PERIODS: SchedulePeriod[] = [
  { startsOn: '01-01', morning: { start: '08:00', end: '12:00' }, afternoon: { start: '13:30', end: '17:30' } },
];

export const SCHEDULES = [
  { key: 'province', unitId: UNITS.PROVINCE, name: 'Giờ làm việc tỉnh Nghệ An', periods: NGHE_AN_PERIODS, docNumber: '248/TB-UBND', docDate: '2024-04-01' },
  { key: 'unitB', unitId: UNITS.B, name: 'Giờ làm việc riêng của đơn vị B', periods: UNIT_B_PERIODS, docNumber: '12/QĐ-B', docDate: '2025-12-20' },
] as const;

/** Gate camera covers the whole province; device-b covers unit B only. */
export const SOURCES = [
  { id: 'gate-cam-1', unitId: UNITS.PROVINCE as string, kind: 'CAMERA' as const },
  { id: 'device-b', unitId: UNITS.B as string, kind: 'DEVICE' as const },
];

export type PunchSpec =
  | string
  | {
      /** 'HH:MM[:SS]' on the scenario date, 'YYYY-MM-DD HH:MM' local, or a full ISO instant with offset. */
      t: string;
      src?: string;
      dir?: 'IN' | 'OUT';
      /** Same id twice = the same event delivered twice. */
      id?: string;
      /** Arrives after the first computation of the day (device upload, delayed sync). */
      late?: boolean;
    };

/** Details of one expected session; the permission / request fields say which status of request is attached (null: none). */
export interface SessionDetail {
  late?: number;
  early?: number;
  in?: string | null;
  out?: string | null;
  arrival?: 'APPROVED' | 'PENDING' | null;
  departure?: 'APPROVED' | 'PENDING' | null;
  /** AWAITING_JUSTIFICATION: the session names the pending request. */
  awaitingRequest?: boolean;
}

export interface Scenario {
  id: string;
  title: string;
  tags: string[];
  date: string;
  unit?: BaseUnit;
  /** Explicit unit history (merges); replaces the default single spell in the scenario's leaf unit. */
  history?: Array<{ unit: BaseUnit; from: string; to?: string }>;
  joinedOn?: string;
  leftOn?: string;
  rules?: Partial<AttendanceRules>;
  /** Rosters on the scenario's leaf unit; `forPerson` makes them person-specific. */
  rosters?: Array<Pick<RosterEntry, 'date' | 'weekday' | 'session' | 'kind'> & { forPerson?: boolean }>;
  override?: { morning?: TimeRange; afternoon?: TimeRange; works?: 'BOTH' | 'MORNING' | 'AFTERNOON' };
  /** Extra calendar days on the scenario's leaf unit. */
  unitDays?: Array<Pick<CalendarDay, 'date' | 'kind' | 'name'>>;
  /** `window` ('HH:MM' from–to on `from`'s date): a late-arrival / early-leave permission for part of that session. */
  justifications?: Array<{
    type: JustificationType;
    from: [string, 'MORNING' | 'AFTERNOON'];
    to: [string, 'MORNING' | 'AFTERNOON'];
    status: 'APPROVED' | 'PENDING' | 'REJECTED';
    window?: [string, string];
  }>;
  punches: PunchSpec[];
  /** A device whose clock is off by offsetSeconds (positive = fast); its punches are given in device time. */
  skew?: { source: string; offsetSeconds: number };
  outages?: Array<{ source: string; from: string; to: string | null }>;
  /** When the day is computed (local 'YYYY-MM-DD HH:MM'); default the next day 08:00. */
  asOf?: string;
  expect: {
    day: AttendanceStatus;
    unit?: BaseUnit;
    sessions?: Array<[SessionKind, AttendanceStatus, SessionDetail?]>;
  };
}
