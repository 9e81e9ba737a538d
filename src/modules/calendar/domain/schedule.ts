import { hhmmToMinutes, isoWeekday } from '../../../platform/time';

/**
 * Work calendars as data (domain.md §1.3, §2.5): which sessions a person is expected to work on a date, resolved
 * from the unit's schedule (with its seasonal periods), holidays / nghỉ bù / làm bù, rosters and per-person
 * overrides. Pure: the service loads the rows, this decides.
 */
export type SessionName = 'MORNING' | 'AFTERNOON';
export const SESSION_NAMES: readonly SessionName[] = ['MORNING', 'AFTERNOON'];

export interface TimeRange {
  start: string; // 'HH:MM'
  end: string;
}

/** One seasonal period: from `startsOn` ('MM-DD') until the next period's start, wrapping over the year end. */
export interface SchedulePeriod {
  startsOn: string;
  morning: TimeRange | null;
  afternoon: TimeRange | null;
}

export interface WorkSchedule {
  id: string;
  /** null = national default; otherwise applies to the unit and every unit below it. */
  unitId: string | null;
  name: string;
  validFrom: string;
  /** Exclusive. */
  validTo: string | null;
  /** ISO weekdays worked, 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  periods: SchedulePeriod[];
  /** Số/ký hiệu and date of the document that set the hours, e.g. "248/TB-UBND" 2024-04-01. */
  docNumber: string | null;
  docDate: string | null;
}

export type CalendarDayKind = 'HOLIDAY' | 'COMPENSATORY' | 'SWAPPED_OFF' | 'MAKEUP_WORKDAY';

/**
 * CONFIRMED: set by the law or by an official notice (legalBasis names it). PROPOSED: expected but not announced yet
 * (the PM-chosen Tết window and second Quốc khánh day of a year whose notice is not out); it counts as a day off —
 * a false absence hurts a person, a missed violation does not — and is flagged wherever it shows.
 */
export type CalendarDayStatus = 'CONFIRMED' | 'PROPOSED';

export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
  /** null = national. A unit entry overrides the national entry of the same date for that unit's subtree. */
  unitId: string | null;
  legalBasis: string | null;
  /** Absent = CONFIRMED (rows entered from a notice). */
  status?: CalendarDayStatus;
  /** Why a day is only proposed, e.g. "chờ thông báo của Bộ Nội vụ". */
  note?: string | null;
  /** STORED: a row of calendar_days; RULE: generated from BLLĐ 2019 Điều 111–112 for a year (a stored row wins). */
  source?: 'STORED' | 'RULE';
}

export type RosterSession = SessionName | 'FULL';

/**
 * EXTRA_DUTY: works on a day (or session) that is otherwise off, e.g. the one-stop desk on Saturday morning or
 * holiday duty (trực lễ). OFF_DUTY: off on a day that is otherwise worked (the swap that compensates the duty).
 * Either a dated entry or a recurring weekday entry; person-specific or for everyone in the unit.
 */
export interface RosterEntry {
  id: string;
  unitId: string;
  personId: string | null;
  date: string | null;
  weekday: number | null;
  validFrom: string;
  validTo: string | null;
  session: RosterSession;
  kind: 'EXTRA_DUTY' | 'OFF_DUTY';
  note: string | null;
}

/** Per-person hours (reduced hours for nursing mothers, part-time, a different shift). null fields inherit. */
export interface PersonOverride {
  id: string;
  personId: string;
  validFrom: string;
  validTo: string | null;
  morning: TimeRange | null;
  afternoon: TimeRange | null;
  /** Which sessions the person works at all: BOTH (default), MORNING only, AFTERNOON only. */
  works: 'BOTH' | SessionName;
  reason: string;
}

export interface PlannedSession {
  session: SessionName;
  /** Minutes after local midnight. */
  start: number;
  end: number;
}

export type DayType = 'WORKING' | 'NON_WORKING' | 'HOLIDAY';

export interface DayPlan {
  date: string;
  dayType: DayType;
  sessions: PlannedSession[];
  scheduleId: string | null;
  /**
   * Why the day is off by the calendar (holiday, nghỉ bù, hoán đổi), with the legal basis and whether the date is
   * confirmed or only proposed — what the day event's dayOff and a retraction cause ("Ngày nghỉ theo lịch: <name>
   * (<legal basis>)") are made of. null on ordinary days and on a làm bù day (that one is a working day).
   */
  holiday: { kind: CalendarDayKind; name: string; legalBasis: string | null; status: CalendarDayStatus } | null;
  /** Machine-readable notes of how the plan was reached, shown in the person's month view. */
  notes: string[];
}

export interface CalendarData {
  schedules: WorkSchedule[];
  days: CalendarDay[];
  rosters: RosterEntry[];
  overrides: PersonOverride[];
}

const inRange = (date: string, from: string, to: string | null) => date >= from && (to === null || date < to);

/** Position of each unit in the ancestry (0 = the unit itself); national entries rank last. */
function rankOf(unitId: string | null, ancestry: readonly string[]): number {
  if (unitId === null) return ancestry.length;
  const i = ancestry.indexOf(unitId);
  return i < 0 ? -1 : i;
}

export function pickSchedule(schedules: readonly WorkSchedule[], ancestry: readonly string[], date: string): WorkSchedule | null {
  let best: WorkSchedule | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const s of schedules) {
    const r = rankOf(s.unitId, ancestry);
    if (r < 0 || !inRange(date, s.validFrom, s.validTo)) continue;
    if (r < bestRank || (r === bestRank && best && s.validFrom > best.validFrom)) {
      best = s;
      bestRank = r;
    }
  }
  return best;
}

export function pickPeriod(periods: readonly SchedulePeriod[], date: string): SchedulePeriod | null {
  if (periods.length === 0) return null;
  const md = date.slice(5);
  const sorted = [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  let chosen: SchedulePeriod | null = null;
  for (const p of sorted) if (p.startsOn <= md) chosen = p;
  return chosen ?? (sorted[sorted.length - 1] as SchedulePeriod);
}

export function pickCalendarDay(days: readonly CalendarDay[], ancestry: readonly string[], date: string): CalendarDay | null {
  let best: CalendarDay | null = null;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const d of days) {
    if (d.date !== date) continue;
    const r = rankOf(d.unitId, ancestry);
    if (r >= 0 && r < bestRank) {
      best = d;
      bestRank = r;
    }
  }
  return best;
}

function rosterApplies(r: RosterEntry, unitId: string, personId: string, date: string, weekday: number): boolean {
  if (r.unitId !== unitId) return false;
  if (r.personId !== null && r.personId !== personId) return false;
  if (!inRange(date, r.validFrom, r.validTo)) return false;
  return r.date !== null ? r.date === date : r.weekday === weekday;
}

function toSession(name: SessionName, range: TimeRange | null): PlannedSession | null {
  if (!range) return null;
  return { session: name, start: hhmmToMinutes(range.start), end: hhmmToMinutes(range.end) };
}

const sessionsOf = (s: RosterSession): SessionName[] => (s === 'FULL' ? ['MORNING', 'AFTERNOON'] : [s]);

/**
 * The plan of one person on one date. `ancestry` is the person's unit valid on that date followed by its parents up
 * to the root (the unit comes from person_unit_history, so a unit merged mid-month changes the plan on the day of
 * the merge).
 */
export function resolveDayPlan(data: CalendarData, ancestry: readonly string[], personId: string, date: string): DayPlan {
  const notes: string[] = [];
  const unitId = ancestry[0] as string;
  const weekday = isoWeekday(date);
  const schedule = pickSchedule(data.schedules, ancestry, date);
  if (!schedule) {
    return { date, dayType: 'NON_WORKING', sessions: [], scheduleId: null, holiday: null, notes: ['NO_SCHEDULE'] };
  }
  const period = pickPeriod(schedule.periods, date);
  const byName = new Map<SessionName, PlannedSession>();
  for (const s of [toSession('MORNING', period?.morning ?? null), toSession('AFTERNOON', period?.afternoon ?? null)])
    if (s) byName.set(s.session, s);
  notes.push(`SCHEDULE:${schedule.id}`, `PERIOD:${period?.startsOn ?? '-'}`);

  const calDay = pickCalendarDay(data.days, ancestry, date);
  const datedRosters = data.rosters.filter((r) => r.date !== null && rosterApplies(r, unitId, personId, date, weekday));
  const weeklyRosters = data.rosters.filter((r) => r.date === null && rosterApplies(r, unitId, personId, date, weekday));

  let worked = new Set<SessionName>();
  let dayType: DayType;
  let holiday: DayPlan['holiday'] = null;
  if (calDay && calDay.kind !== 'MAKEUP_WORKDAY') {
    dayType = 'HOLIDAY';
    holiday = { kind: calDay.kind, name: calDay.name, legalBasis: calDay.legalBasis, status: calDay.status ?? 'CONFIRMED' };
    notes.push(`CALENDAR:${calDay.kind}`);
  } else if (calDay?.kind === 'MAKEUP_WORKDAY') {
    dayType = 'WORKING';
    worked = new Set(byName.keys());
    notes.push('CALENDAR:MAKEUP_WORKDAY');
  } else if (schedule.weekdays.includes(weekday)) {
    dayType = 'WORKING';
    worked = new Set(byName.keys());
  } else {
    dayType = 'NON_WORKING';
  }

  // Weekly rosters do not run on holidays (the one-stop desk is closed on Tết); dated rosters (trực lễ) do.
  const rosters = dayType === 'HOLIDAY' ? datedRosters : [...weeklyRosters, ...datedRosters];
  // Person-specific entries are applied after unit-wide ones so they win.
  rosters.sort((a, b) => Number(a.personId !== null) - Number(b.personId !== null) || Number(a.date !== null) - Number(b.date !== null));
  for (const r of rosters) {
    for (const s of sessionsOf(r.session)) {
      if (!byName.has(s)) continue;
      if (r.kind === 'EXTRA_DUTY') worked.add(s);
      else worked.delete(s);
    }
    notes.push(`ROSTER:${r.kind}:${r.id}`);
  }

  const override = data.overrides
    .filter((o) => o.personId === personId && inRange(date, o.validFrom, o.validTo))
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (override) {
    notes.push(`OVERRIDE:${override.id}`);
    const m = toSession('MORNING', override.morning);
    const a = toSession('AFTERNOON', override.afternoon);
    if (m && byName.has('MORNING')) byName.set('MORNING', m);
    if (a && byName.has('AFTERNOON')) byName.set('AFTERNOON', a);
    if (override.works !== 'BOTH') for (const s of SESSION_NAMES) if (s !== override.works) worked.delete(s);
  }

  const sessions = SESSION_NAMES.filter((s) => worked.has(s)).map((s) => byName.get(s) as PlannedSession);
  if (sessions.length > 0) dayType = 'WORKING';
  else if (dayType === 'WORKING') dayType = 'NON_WORKING';
  return { date, dayType, sessions, scheduleId: schedule.id, holiday, notes };
}
