import { createHash } from 'node:crypto';
import type { Bus } from '../../platform/ports/bus';
import type { Db } from '../../platform/ports/db';
import { yieldToEventLoop } from '../../platform/jobs/yield';
import { addToOutbox, type OutboxEvent } from '../../platform/outbox/outbox';
import { loadCalendarData, resolveDayPlan } from '../calendar';
import { type GoLiveIndex, loadGoLiveIndex } from '../org';
import { ATTENDANCE_DAY_UPDATED, type AttendanceDayUpdated, attendanceDayEventId } from './attendance.events';
import { type ClockCorrection, correctDeviceTime } from './domain/clock';
import { computeDay } from './domain/compute-day';
import type { DayResult, OutageInput, PermissionRef, PunchInput } from './domain/types';
import { workingDaysCounter } from './domain/working-days-since';
import { loadRequestInputs } from './request-inputs.repo';
import { RecomputeAborted, type RecomputeOptions, type RecomputeStats, slicesOf } from './recompute-slices';
import { loadRules, rulesFor } from './rules.repo';
import { ancestryOf, listStaffIds, loadOrgParents, loadStaff, loadUnitHistory, placementOn } from './staff.repo';
import { addDays, localDateOf, localToInstant, VN_OFFSET_MINUTES } from '../../platform/time';

export type { RecomputeStats } from './recompute-slices';

export interface AttendanceDeps {
  db: Db;
  /** When set, changed days are announced (attendance.day_updated.v1 through the outbox; the relay publishes to this bus). */
  bus?: Bus | null;
  now: () => Date;
}

const clock = () => Number(process.hrtime.bigint()) / 1e6;
/** Adds b's phase timings into a (the timings are optional: benches read them). */
export const addMs = (a: RecomputeStats, b: RecomputeStats) => {
  if (!b.ms) return;
  a.ms ??= { load: 0, compute: 0, write: 0, publish: 0 };
  a.ms.load += b.ms.load;
  a.ms.compute += b.ms.compute;
  a.ms.write += b.ms.write;
  a.ms.publish += b.ms.publish;
};

interface StoredSession {
  session: string;
  status: string;
  scheduledStart: string | null;
  scheduledEnd: string | null;
  checkIn: string | null;
  checkOut: string | null;
  checkInPunchId: string | null;
  checkOutPunchId: string | null;
  lateMinutes: number;
  earlyLeaveMinutes: number;
  workedMinutes: number;
  justificationId: string | null;
  absenceRequestId: string | null;
  arrivalPermission: PermissionRef | null;
  departurePermission: PermissionRef | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function storedSessions(r: DayResult): StoredSession[] {
  return r.sessions.map((s) => ({
    session: s.session,
    status: s.status,
    scheduledStart: iso(s.scheduledStart),
    scheduledEnd: iso(s.scheduledEnd),
    checkIn: iso(s.checkIn),
    checkOut: iso(s.checkOut),
    checkInPunchId: s.checkInPunchId,
    checkOutPunchId: s.checkOutPunchId,
    lateMinutes: s.lateMinutes,
    earlyLeaveMinutes: s.earlyLeaveMinutes,
    workedMinutes: s.workedMinutes,
    justificationId: s.justificationId,
    absenceRequestId: s.absenceRequestId,
    arrivalPermission: s.arrivalPermission,
    departurePermission: s.departurePermission,
  }));
}

/** Shared, person-independent inputs, loaded once per run. */
interface RunContext {
  from: string;
  to: string;
  asOf: Date;
  parents: Map<string, string | null>;
  rules: Awaited<ReturnType<typeof loadRules>>;
  outages: Array<OutageInput & { unitId: string | null }>;
  corrections: ClockCorrection[];
  goLive: GoLiveIndex;
}

async function loadRunContext(db: Db, from: string, to: string, asOf: Date, goLive: GoLiveIndex): Promise<RunContext> {
  const [parents, rules, outageRows, corrRows] = await Promise.all([
    loadOrgParents(db),
    loadRules(db),
    db.query<{ source_id: string; unit_id: string | null; started_at: Date; ended_at: Date | null }>(
      `SELECT o.source_id, s.unit_id, o.started_at, o.ended_at FROM source_outages o JOIN punch_sources s ON s.id = o.source_id
        WHERE o.started_at < $2 AND (o.ended_at IS NULL OR o.ended_at > $1)`,
      [localToInstant(addDays(from, -1)), localToInstant(addDays(to, 2))],
    ),
    db.query<{ source_id: string; valid_from: Date; valid_to: Date | null; offset_ms: number }>(
      'SELECT source_id, valid_from, valid_to, offset_ms FROM source_clock_corrections',
    ),
  ]);
  return {
    from,
    to,
    asOf,
    parents,
    rules,
    outages: outageRows.map((o) => ({ source: o.source_id, unitId: o.unit_id, from: o.started_at.getTime(), to: o.ended_at?.getTime() ?? null })),
    corrections: corrRows.map((c) => ({ source: c.source_id, from: c.valid_from.getTime(), to: c.valid_to?.getTime() ?? null, offsetMs: c.offset_ms })),
    goLive,
  };
}

/** Effective time of a stored punch: the device time read through the source's clock correction, else `at`. */
export function effectivePunchTime(p: { source_id: string; at: Date; device_time: Date | null }, corrections: readonly ClockCorrection[]): number {
  if (p.device_time) {
    const corrected = correctDeviceTime(p.source_id, p.device_time.getTime(), corrections);
    if (corrected !== p.device_time.getTime()) return corrected;
  }
  return p.at.getTime();
}

/**
 * Computes the given person-days set-wise: one round of queries per slice of persons, the pure day function in
 * memory, one upsert per slice that only touches days whose content changed (revision + 1), then one event per
 * changed day. Days that are not over yet (date ≥ today in UTC+7) are skipped; they are computed once closed.
 * Days before the attendance go-live of the person's unit on that day are never computed (issue 11, F4): this is
 * the one place every recomputation passes through (recompute route and jobs, outage reports, calendar changes,
 * late punches, the dirty queue, the nightly close). Slices are small and separated by event-loop yields.
 */
export async function recomputeTargets(deps: AttendanceDeps, targets: Map<string, Set<string>>, opts: RecomputeOptions = {}): Promise<RecomputeStats> {
  const asOf = deps.now();
  const today = localDateOf(asOf);
  const stats: RecomputeStats = { personDays: 0, changed: 0, published: 0, skippedBeforeGoLive: 0 };
  const goLive = await loadGoLiveIndex(deps.db);
  // No unit is judged before the earliest go-live anywhere: such dates are dropped before anything is loaded.
  const earliest = goLive.earliest();
  const wanted = new Map<string, Set<string>>();
  for (const [person, dates] of targets) {
    const keep = new Set<string>();
    for (const d of dates) {
      if (d >= today) continue;
      if (d < earliest) (stats.skippedBeforeGoLive as number)++;
      else keep.add(d);
    }
    if (keep.size > 0) wanted.set(person, keep);
  }
  if (wanted.size === 0) return stats;
  let from = '9999-12-31';
  let to = '0000-01-01';
  for (const set of wanted.values())
    for (const d of set) {
      if (d < from) from = d;
      if (d > to) to = d;
    }
  const run = await loadRunContext(deps.db, from, to, asOf, goLive);
  for (const slice of slicesOf([...wanted.keys()], (id) => wanted.get(id)?.size ?? 0)) {
    if (opts.signal?.aborted) throw new RecomputeAborted();
    const s = await recomputeChunk(deps, run, slice, wanted, today);
    stats.personDays += s.personDays;
    stats.changed += s.changed;
    stats.published += s.published;
    stats.skippedBeforeGoLive = (stats.skippedBeforeGoLive ?? 0) + (s.skippedBeforeGoLive ?? 0);
    addMs(stats, s);
    await opts.onSlice?.(stats);
    await yieldToEventLoop();
  }
  return stats;
}

async function recomputeChunk(
  deps: AttendanceDeps,
  run: RunContext,
  personIds: string[],
  targets: Map<string, Set<string>>,
  today: string,
): Promise<RecomputeStats> {
  const { db } = deps;
  const { from, to } = run;
  const t0 = clock();
  // The calendar is loaded up to today: "not reported" counts the working days since each absence (D8).
  const [staff, history, calendar, punchRows, requests, existing] = await Promise.all([
    loadStaff(db, personIds),
    loadUnitHistory(db, personIds),
    loadCalendarData(db, from, today > to ? today : to, personIds),
    db.query<{ id: string; person_id: string; source_id: string; at: Date; device_time: Date | null; direction: 'IN' | 'OUT' | null }>(
      `SELECT p.id, p.person_id, p.source_id, p.at, p.device_time, p.direction FROM punches p
        WHERE p.person_id = ANY($1::uuid[]) AND p.at >= $2 AND p.at < $3
          AND NOT EXISTS (SELECT 1 FROM punch_annulments a WHERE a.punch_id = p.id)`,
      [personIds, localToInstant(addDays(from, -1)), localToInstant(addDays(to, 2))],
    ),
    loadRequestInputs(db, personIds, from, to),
    db.query<{ person_id: string; date: string; revision: number; content_hash: string }>(
      'SELECT person_id, date, revision, content_hash FROM attendance_days WHERE person_id = ANY($1::uuid[]) AND date BETWEEN $2 AND $3',
      [personIds, from, to],
    ),
  ]);

  const t1 = clock();
  const punchesByPersonDay = new Map<string, PunchInput[]>();
  // Local day of a punch by arithmetic on the UTC+7 day number, with the date string cached per day.
  const dayNames = new Map<number, string>();
  const localDay = (ms: number) => {
    const n = Math.floor((ms + VN_OFFSET_MINUTES * 60_000) / 86_400_000);
    let name = dayNames.get(n);
    if (!name) {
      name = localDateOf(ms);
      dayNames.set(n, name);
    }
    return name;
  };
  for (const p of punchRows) {
    const at = effectivePunchTime(p, run.corrections);
    const key = `${p.person_id}|${localDay(at)}`;
    const list = punchesByPersonDay.get(key) ?? [];
    list.push({ id: p.id, at, source: p.source_id, direction: p.direction });
    punchesByPersonDay.set(key, list);
  }
  const workingDaysSince = workingDaysCounter(calendar, today);
  const existingByKey = new Map(existing.map((e) => [`${e.person_id}|${e.date}`, e]));
  const ancestryCache = new Map<string, string[]>();
  const ancestry = (u: string) => {
    let a = ancestryCache.get(u);
    if (!a) {
      a = ancestryOf(u, run.parents);
      ancestryCache.set(u, a);
    }
    return a;
  };

  const changed: Array<{ row: Record<string, unknown>; result: DayResult; unitId: string; sessions: StoredSession[] }> = [];
  let personDays = 0;
  let skippedBeforeGoLive = 0;
  for (const st of staff) {
    const dates = [...(targets.get(st.id) ?? [])].filter((d) => d < today).sort();
    for (const date of dates) {
      const { unitId, employed } = placementOn(st, history.get(st.id), date);
      // Judged only from the go-live of the unit the person belonged to that day.
      if (date < run.goLive.judgedFrom(unitId)) {
        skippedBeforeGoLive++;
        continue;
      }
      personDays++;
      const anc = ancestry(unitId);
      const plan = resolveDayPlan(calendar, anc, st.id, date);
      const { rules, regulation } = rulesFor(run.rules, anc);
      const result = computeDay({
        personId: st.id,
        date,
        plan,
        employed,
        punches: punchesByPersonDay.get(`${st.id}|${date}`) ?? [],
        justifications: requests.justificationsOf(st.id, date),
        voidedPunchIds: requests.voidedPunchIdsOf(st.id, date),
        outages: run.outages.filter((o) => o.unitId !== null && anc.includes(o.unitId)),
        rules,
        regulation,
        asOf: run.asOf.getTime(),
        workingDaysSince: workingDaysSince(anc, date, rules.leaveNotReportedAfterDays),
      });
      const sessions = storedSessions(result);
      const hash = createHash('sha1')
        .update(JSON.stringify([unitId, result.dayStatus, sessions, result.explanations, result.workedMinutes, result.regulation, result.dayOff]))
        .digest('base64url');
      const prev = existingByKey.get(`${st.id}|${date}`);
      if (prev && prev.content_hash === hash) continue;
      changed.push({
        result,
        unitId,
        sessions,
        row: {
          person_id: st.id,
          date,
          unit_id: unitId,
          day_status: result.dayStatus,
          sessions,
          explanations: result.explanations,
          worked_minutes: result.workedMinutes,
          content_hash: hash,
          regulation: result.regulation,
          day_off: result.dayOff,
        },
      });
    }
  }
  const t2 = clock();
  if (changed.length === 0) return { personDays, changed: 0, published: 0, skippedBeforeGoLive, ms: { load: t1 - t0, compute: t2 - t1, write: 0, publish: 0 } };

  const computedAt = run.asOf;
  // The new revisions and their events commit together (transactional outbox): a crash can neither lose the event
  // of a stored revision nor announce a revision that was rolled back. The outbox relay publishes them.
  const { written, published } = await db.transaction(async (tx) => {
    const written = await tx.query<{ person_id: string; date: string; revision: number }>(
      `INSERT INTO attendance_days AS d (person_id, date, unit_id, revision, day_status, sessions, explanations, worked_minutes, content_hash,
                                         computed_at, regulation, day_off)
       SELECT x.person_id, x.date, x.unit_id, 1, x.day_status, x.sessions, x.explanations, x.worked_minutes, x.content_hash, $2,
              x.regulation, x.day_off
         FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, date date, unit_id uuid, day_status text, sessions jsonb,
                                                explanations jsonb, worked_minutes integer, content_hash text, regulation jsonb, day_off jsonb)
       ON CONFLICT (person_id, date) DO UPDATE SET
         unit_id = EXCLUDED.unit_id, revision = d.revision + 1, day_status = EXCLUDED.day_status, sessions = EXCLUDED.sessions,
         explanations = EXCLUDED.explanations, worked_minutes = EXCLUDED.worked_minutes, content_hash = EXCLUDED.content_hash,
         computed_at = EXCLUDED.computed_at, regulation = EXCLUDED.regulation, day_off = EXCLUDED.day_off
       WHERE d.content_hash <> EXCLUDED.content_hash
       RETURNING person_id, date, revision`,
      [JSON.stringify(changed.map((c) => c.row)), computedAt],
    );
    if (!deps.bus) return { written, published: 0 };
    const byKey = new Map(changed.map((c) => [`${c.result.personId}|${c.result.date}`, c]));
    const events: OutboxEvent<AttendanceDayUpdated>[] = [];
    for (const w of written) {
      const c = byKey.get(`${w.person_id}|${w.date}`);
      if (!c) continue;
      events.push({
        id: attendanceDayEventId(w.person_id, w.date, w.revision),
        subject: ATTENDANCE_DAY_UPDATED,
        data: {
          personId: w.person_id,
          unitId: c.unitId,
          date: w.date,
          revision: w.revision,
          computedAt: computedAt.toISOString(),
          sessions: c.sessions.map(({ workedMinutes: _w, ...s }) => s) as AttendanceDayUpdated['sessions'],
          dayStatus: c.result.dayStatus,
          regulation: c.result.regulation,
          dayOff: c.result.dayOff,
        },
      });
    }
    await addToOutbox(tx, events);
    return { written, published: events.length };
  });
  const t3 = clock();
  return { personDays, changed: written.length, published, skippedBeforeGoLive, ms: { load: t1 - t0, compute: t2 - t1, write: t3 - t2, publish: clock() - t3 } };
}

/** Full recompute of [from, to] for everyone (or the given persons). */
export async function recomputeRange(
  deps: AttendanceDeps,
  opts: { from: string; to: string; personIds?: readonly string[] | null },
  run: RecomputeOptions = {},
): Promise<RecomputeStats> {
  const ids = opts.personIds ?? (await listStaffIds(deps.db, opts.from, opts.to));
  const dates: string[] = [];
  for (let d = opts.from; d <= opts.to; d = addDays(d, 1)) dates.push(d);
  const targets = new Map<string, Set<string>>();
  for (const id of ids) targets.set(id, new Set(dates));
  return recomputeTargets(deps, targets, run);
}
