import { type CalendarData, OFFICIAL_2026, resolveDayPlan } from '../../calendar';
import { localDateOf } from '../../../platform/time';
import { CLOCK_SKEW_TOLERANCE_MS } from '../domain/constants';
import { type ClockCorrection, correctDeviceTime } from '../domain/clock';
import { computeDay, coveredSessions } from '../domain/compute-day';
import { DEFAULT_RULES, type DayResult, type JustificationInput, type PunchInput } from '../domain/types';
import { workingDaysCounter } from '../domain/working-days-since';
import { ancestryOf, placementOn } from '../staff.repo';
import { type BaseUnit, SCHEDULES, SOURCES, type Scenario, UNIT_PARENTS, UNITS } from './fixture';
import { asOfOf, minutesOf, punchTime } from './expectations';

const LEAF = (s: Scenario) => `leaf-${s.id}`;

/** Runs a scenario straight through the pure functions (no database). */
export function runPure(s: Scenario): DayResult & { unitId: string; baseUnitId: string } {
  const leaf = LEAF(s);
  const base = UNITS[s.unit ?? 'A'];
  const parents = new Map<string, string | null>(Object.entries(UNIT_PARENTS));
  parents.set(leaf, base);
  const personId = `person-${s.id}`;
  const unitOf = (u: BaseUnit) => UNITS[u];
  const calendar: CalendarData = {
    schedules: SCHEDULES.map((x) => ({
      id: x.key,
      unitId: x.unitId,
      name: x.name,
      validFrom: '2020-01-01',
      validTo: null,
      weekdays: [1, 2, 3, 4, 5],
      periods: [...x.periods],
      docNumber: x.docNumber,
      docDate: x.docDate,
    })),
    days: [...OFFICIAL_2026, ...(s.unitDays ?? []).map((d) => ({ ...d, unitId: leaf, legalBasis: null }))],
    rosters: (s.rosters ?? []).map((r, i) => ({
      id: `r${i}`,
      unitId: leaf,
      personId: r.forPerson ? personId : null,
      date: r.date,
      weekday: r.weekday,
      validFrom: '2020-01-01',
      validTo: null,
      session: r.session,
      kind: r.kind,
      note: null,
    })),
    overrides: s.override
      ? [{ id: 'o1', personId, validFrom: '2020-01-01', validTo: null, morning: s.override.morning ?? null, afternoon: s.override.afternoon ?? null, works: s.override.works ?? 'BOTH', reason: 'test' }]
      : [],
  };
  const history = s.history
    ? s.history.map((h) => ({ unitId: unitOf(h.unit), validFrom: h.from, validTo: h.to ?? null }))
    : [{ unitId: leaf, validFrom: '2020-01-01', validTo: null }];
  const { unitId, employed } = placementOn({ id: personId, unitId: leaf, joinedOn: s.joinedOn ?? null, leftOn: s.leftOn ?? null }, history, s.date);
  const anc = ancestryOf(unitId, parents);
  const plan = resolveDayPlan(calendar, anc, personId, s.date);

  const corrections: ClockCorrection[] =
    s.skew && Math.abs(s.skew.offsetSeconds * 1000) > CLOCK_SKEW_TOLERANCE_MS
      ? [{ source: s.skew.source, from: 0, to: null, offsetMs: s.skew.offsetSeconds * 1000 }]
      : [];
  const seen = new Set<string>();
  const punches: PunchInput[] = [];
  s.punches.forEach((p, i) => {
    const id = typeof p === 'string' || !p.id ? `p${i}` : p.id;
    if (seen.has(id)) return; // the database refuses a second copy of the same event; so does this runner
    seen.add(id);
    const source = (typeof p === 'string' ? undefined : p.src) ?? 'gate-cam-1';
    const at = correctDeviceTime(source, punchTime(p, s.date), corrections);
    punches.push({ id, at, source, direction: typeof p === 'string' ? null : (p.dir ?? null) });
  });
  const dayPunches = punches.filter((p) => localDateOf(p.at) === s.date);

  const justifications: JustificationInput[] = [];
  (s.justifications ?? []).forEach((j, i) => {
    if (j.status === 'REJECTED') return;
    const sessions = coveredSessions({ startDate: j.from[0], startHalf: j.from[1], endDate: j.to[0], endHalf: j.to[1] }, s.date);
    const window = j.window ? { fromMin: minutesOf(j.window[0]), toMin: minutesOf(j.window[1]) } : null;
    if (sessions.length > 0) justifications.push({ id: `j${i}`, type: j.type, status: j.status, sessions, window });
  });
  const asOf = asOfOf(s);
  const outages = (s.outages ?? [])
    .filter((o) => {
      const src = SOURCES.find((x) => x.id === o.source);
      return src !== undefined && anc.includes(src.unitId);
    })
    .map((o) => ({ source: o.source, from: punchTime(o.from, s.date), to: o.to === null ? null : punchTime(o.to, s.date) }));
  const rules = { ...DEFAULT_RULES, ...(s.rules ?? {}) };
  const today = localDateOf(asOf);
  const result = computeDay({
    personId,
    date: s.date,
    plan,
    employed,
    punches: dayPunches,
    justifications,
    outages,
    rules,
    asOf,
    workingDaysSince: workingDaysCounter(calendar, today)(anc, s.date, rules.leaveNotReportedAfterDays),
  });
  return { ...result, unitId, baseUnitId: unitId === leaf ? base : unitId };
}
