import type { Db } from '../../platform/ports/db';
import { addDays, localToInstant } from '../../platform/time';
import { loadCalendarData, resolveDayPlan } from '../calendar';
import { loadGoLiveIndex, loadOrgTree } from '../org';
import { personsOnDate } from '../people';
import type { ClockCorrection } from './domain/clock';
import { type TodayResult, type TodayStatus, todayStatus } from './domain/today-status';
import type { JustificationType, OutageInput, PunchInput } from './domain/types';
import { effectivePunchTime } from './recompute.service';
import { loadRequestInputs } from './request-inputs.repo';
import { loadRules, rulesFor } from './rules.repo';
import { ancestryOf, loadStaff, loadUnitHistory, personsOfUnitsDuring, placementOn } from './staff.repo';

/**
 * "Hôm nay": today's provisional attendance of a set of units (or persons), computed on request from the punches
 * received so far and the same inputs the closed day uses (schedule, calendar, rosters, regulation, approved and
 * pending requests, voided punches, source outages, clock corrections). Nothing is written: no attendance_days row,
 * no attendance.day_updated event, no violation — those still come from the nightly close.
 *
 * Cost is a fixed number of queries whatever the unit's size (one for the day's punches, one per other input kind),
 * then the pure day function in memory: a unit of 500 people is one round trip per input, not per person.
 */
export interface TodayPerson {
  personId: string;
  fullName: string;
  employeeCode: string;
  unitId: string;
  unitName: string;
  status: TodayStatus;
  arrivedAt: Date | null;
  lateMinutes: number | null;
  leftAt: Date | null;
  expectedStart: Date | null;
  source: string | null;
  justificationType: JustificationType | null;
}

export interface TodaySummary {
  /** People with planned work today not covered by approved leave (arrived, late, not yet, left). */
  expected: number;
  /** Of the expected, those seen arriving (late ones and those who already left included). */
  arrived: number;
  late: number;
  notYetArrived: number;
  onLeave: number;
  dayOff: number;
}

/** A unit whose attendance go-live is after the date: its people are not judged yet, so not listed (issue 11, F4). */
export interface NotLiveUnit {
  unitId: string;
  unitName: string;
  /** The unit's first judged day (its own go-live, or inherited). */
  judgedFrom: string;
  /** People placed in the unit on the date, left out of the list and the counts. */
  persons: number;
}

export interface TodayView {
  date: string;
  asOf: Date;
  summary: TodaySummary;
  persons: TodayPerson[];
  /** Units of the scope not live yet on the date (empty once every unit is live). */
  notLive: NotLiveUnit[];
}

export function summarise(persons: readonly Pick<TodayPerson, 'status' | 'arrivedAt' | 'lateMinutes'>[]): TodaySummary {
  const s: TodaySummary = {
    expected: 0,
    arrived: 0,
    late: 0,
    notYetArrived: 0,
    onLeave: 0,
    dayOff: 0,
  };
  for (const p of persons) {
    if (p.status === 'ON_LEAVE') s.onLeave++;
    else if (p.status === 'DAY_OFF') s.dayOff++;
    else {
      s.expected++;
      if (p.status === 'NOT_YET') s.notYetArrived++;
      if (p.arrivedAt) s.arrived++;
      if (p.lateMinutes) s.late++;
    }
  }
  return s;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Today's view of the people placed in `unitIds` on `day` (or of `personIds`), as of `now`. For a past date pass the
 * end of that day as `now`.
 */
export async function todayAttendance(
  db: Db,
  opts: {
    unitIds?: readonly string[];
    personIds?: readonly string[];
    day: string;
    now: Date;
  },
): Promise<TodayView> {
  const { day, now } = opts;
  const tree = await loadOrgTree(db);
  const ids = opts.personIds ? [...opts.personIds] : opts.unitIds && opts.unitIds.length > 0 ? await personsOfUnitsDuring(db, opts.unitIds, day, day) : [];
  if (ids.length === 0) return { date: day, asOf: now, summary: summarise([]), persons: [], notLive: [] };
  // Punches are read over a margin around the day: clock corrections may move one across midnight; the day function keeps the day's own.
  const [staff, history, calendar, requests, rules, punchRows, outageRows, corrRows, names, goLive] = await Promise.all([
    loadStaff(db, ids),
    loadUnitHistory(db, ids),
    loadCalendarData(db, day, day, ids),
    loadRequestInputs(db, ids, day, day),
    loadRules(db),
    db.query<{
      id: string;
      person_id: string;
      source_id: string;
      at: Date;
      device_time: Date | null;
      direction: 'IN' | 'OUT' | null;
    }>(
      `SELECT p.id, p.person_id, p.source_id, p.at, p.device_time, p.direction FROM punches p
        WHERE p.person_id = ANY($1::uuid[]) AND p.at >= $2 AND p.at < $3
          AND NOT EXISTS (SELECT 1 FROM punch_annulments a WHERE a.punch_id = p.id)`,
      [ids, localToInstant(addDays(day, -1)), localToInstant(addDays(day, 2))],
    ),
    db.query<{
      source_id: string;
      unit_id: string | null;
      started_at: Date;
      ended_at: Date | null;
    }>(
      `SELECT o.source_id, s.unit_id, o.started_at, o.ended_at FROM source_outages o JOIN punch_sources s ON s.id = o.source_id
        WHERE o.started_at < $2 AND (o.ended_at IS NULL OR o.ended_at > $1)`,
      [localToInstant(addDays(day, -1)), localToInstant(addDays(day, 2))],
    ),
    db.query<{
      source_id: string;
      valid_from: Date;
      valid_to: Date | null;
      offset_ms: number;
    }>('SELECT source_id, valid_from, valid_to, offset_ms FROM source_clock_corrections'),
    personsOnDate(db, ids, day),
    loadGoLiveIndex(db),
  ]);
  const corrections: ClockCorrection[] = corrRows.map((c) => ({
    source: c.source_id,
    from: c.valid_from.getTime(),
    to: c.valid_to?.getTime() ?? null,
    offsetMs: c.offset_ms,
  }));
  const outages: Array<OutageInput & { unitId: string | null }> = outageRows.map((o) => ({
    source: o.source_id,
    unitId: o.unit_id,
    from: o.started_at.getTime(),
    to: o.ended_at?.getTime() ?? null,
  }));
  const punchesOf = new Map<string, PunchInput[]>();
  for (const p of punchRows) {
    const list = punchesOf.get(p.person_id) ?? [];
    list.push({
      id: p.id,
      at: effectivePunchTime(p, corrections),
      source: p.source_id,
      direction: p.direction,
    });
    punchesOf.set(p.person_id, list);
  }
  const parents = new Map([...tree.byId.values()].map((u) => [u.id, u.parentId]));
  const nameOf = new Map(names.map((n) => [n.personId, n]));
  const wanted = opts.personIds ? null : new Set(opts.unitIds);

  const persons: TodayPerson[] = [];
  const notLive = new Map<string, NotLiveUnit>();
  for (const st of staff) {
    const { unitId, employed } = placementOn(st, history.get(st.id), day);
    // A person listed by their history in one of the units but placed elsewhere today belongs to that other unit's list.
    if (wanted && !wanted.has(unitId)) continue;
    // Before the unit's attendance go-live nobody there is judged: the closed day is never computed, so the live view
    // must not call them late or not yet arrived either. They are counted per unit instead of listed.
    const judgedFrom = goLive.judgedFrom(unitId);
    if (day < judgedFrom) {
      if (employed) {
        const u = notLive.get(unitId) ?? { unitId, unitName: tree.byId.get(unitId)?.name ?? '', judgedFrom, persons: 0 };
        u.persons++;
        notLive.set(unitId, u);
      }
      continue;
    }
    const anc = ancestryOf(unitId, parents);
    const { rules: r, regulation } = rulesFor(rules, anc);
    const result: TodayResult | null = todayStatus({
      personId: st.id,
      date: day,
      plan: resolveDayPlan(calendar, anc, st.id, day),
      employed,
      punches: punchesOf.get(st.id) ?? [],
      justifications: requests.justificationsOf(st.id, day),
      voidedPunchIds: requests.voidedPunchIdsOf(st.id, day),
      outages: outages.filter((o) => o.unitId !== null && anc.includes(o.unitId)),
      rules: r,
      regulation,
      now: now.getTime(),
    });
    if (!result) continue;
    const who = nameOf.get(st.id);
    persons.push({
      personId: st.id,
      fullName: who?.fullName ?? '',
      employeeCode: who?.employeeCode ?? '',
      unitId,
      unitName: tree.byId.get(unitId)?.name ?? '',
      status: result.status,
      arrivedAt: date(result.arrivedAt),
      lateMinutes: result.lateMinutes,
      leftAt: date(result.leftAt),
      expectedStart: date(result.expectedStart),
      source: result.source,
      justificationType: result.justificationType,
    });
  }
  persons.sort(
    (a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.fullName.localeCompare(b.fullName, 'vi') || a.employeeCode.localeCompare(b.employeeCode),
  );
  return {
    date: day,
    asOf: now,
    summary: summarise(persons),
    persons,
    notLive: [...notLive.values()].sort((a, b) => a.judgedFrom.localeCompare(b.judgedFrom) || a.unitName.localeCompare(b.unitName, 'vi')),
  };
}
