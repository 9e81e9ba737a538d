import type { Bus } from '../../platform/ports/bus';
import type { Db } from '../../platform/ports/db';
import { loadCalendarData } from '../calendar/calendar.repo';
import { createRoster, createSchedule, seedOfficial2026 } from '../calendar/calendar.service';
import { addDays, localDateOf, localToEpoch } from '../calendar/domain/local-time';
import { resolveDayPlan } from '../calendar/domain/schedule';
import { DEFAULT_RULES } from './domain/types';
import { decideJustification, requestJustification } from './justifications.service';
import { recomputeRange } from './recompute.service';
import { upsertRules } from './rules.repo';
import { ancestryOf, loadOrgParents, subtreeOf } from './staff.repo';

const SEED = { id: '00000000-0000-4000-8000-0000000005ed', name: 'system:seed', personId: null };

/** Deterministic pseudo-random in [0, 1) from a string, so the demo is the same on every machine. */
function rand(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

export interface AttendanceDemoInfo {
  /** The pending leave request a unit leader can approve in the demo (and in the e2e test). */
  pendingRequestId: string | null;
  pendingRequestDate: string | null;
}

/**
 * Demo data for the attendance module: the Nghệ An schedule (summer/winter, Thông báo 248/TB-UBND), the official
 * 2026 calendar, default work-regulation thresholds, the one-stop desk's Saturday-morning roster, two punch sources,
 * three weeks of punches for the staff of `rootUnit`, a business trip, and one absence with a pending leave request.
 * Days are computed without publishing events unless a bus is given.
 */
export async function seedAttendanceDemo(
  db: Db,
  opts: { provinceUnitId: string; rootUnitId: string; oneStopUnitId?: string | null; persons: Record<string, string>; now: Date; bus?: Bus | null },
): Promise<AttendanceDemoInfo> {
  await createSchedule(db, null, {
    unitId: opts.provinceUnitId,
    name: 'Giờ làm việc mùa hè / mùa đông của các cơ quan hành chính tỉnh Nghệ An',
    validFrom: '2024-04-16',
    weekdays: [1, 2, 3, 4, 5],
    periods: [
      { startsOn: '04-16', morning: { start: '07:00', end: '11:30' }, afternoon: { start: '13:30', end: '17:00' } },
      { startsOn: '10-16', morning: { start: '07:30', end: '12:00' }, afternoon: { start: '13:30', end: '17:00' } },
    ],
    docNumber: '248/TB-UBND',
    docDate: '2024-04-01',
    docIssuer: 'UBND tỉnh Nghệ An',
  });
  await seedOfficial2026(db);
  await upsertRules(db, null, DEFAULT_RULES, 'Quy chế làm việc (mặc định của hệ thống, đơn vị điều chỉnh theo quy chế riêng)');
  if (opts.oneStopUnitId)
    await createRoster(db, null, {
      unitId: opts.oneStopUnitId,
      personId: null,
      date: null,
      weekday: 6,
      validFrom: '2025-07-01',
      validTo: null,
      session: 'MORNING',
      kind: 'EXTRA_DUTY',
      note: 'Bộ phận Một cửa làm việc sáng thứ Bảy',
    });
  await db.query(`INSERT INTO punch_sources (id, kind, name, unit_id, heartbeat_interval_seconds) VALUES
      ('gate-tt-01', 'CAMERA', 'Camera cổng UBND xã Thông Thụ', $1, 60) ON CONFLICT (id) DO NOTHING`, [opts.rootUnitId]);

  const parents = await loadOrgParents(db);
  const units = subtreeOf(opts.rootUnitId, parents);
  const staff = await db.query<{ id: string; unit_id: string; employee_code: string }>(
    'SELECT id, unit_id, employee_code FROM persons WHERE unit_id = ANY($1::uuid[]) ORDER BY employee_code',
    [units],
  );
  const today = localDateOf(opts.now);
  const from = addDays(today, -21);
  const to = addDays(today, -1);
  const calendar = await loadCalendarData(db, from, to, staff.map((s) => s.id));
  const canbo = opts.persons.TT005 ?? null;
  const head = opts.persons.TT004 ?? null;

  // The e2e / demo target: the most recent working day of TT005, with no punches and a pending leave request.
  let target: string | null = null;
  const targetPerson = staff.find((s) => s.id === canbo);
  if (targetPerson)
    for (let d = to; d >= from && !target; d = addDays(d, -1))
      if (resolveDayPlan(calendar, ancestryOf(targetPerson.unit_id, parents), targetPerson.id, d).sessions.length === 2) target = d;

  const punches: Array<Record<string, unknown>> = [];
  for (const s of staff) {
    const anc = ancestryOf(s.unit_id, parents);
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (s.id === canbo && d === target) continue;
      const plan = resolveDayPlan(calendar, anc, s.id, d);
      if (plan.sessions.length === 0) continue;
      const r = rand(`${s.employee_code}|${d}`);
      if (r < 0.03) continue; // absent
      plan.sessions.forEach((sess, i) => {
        const late = r > 0.9 && i === 0 ? 8 + Math.floor(rand(`${d}${s.id}L`) * 30) : 0;
        const early = r > 0.86 && r <= 0.9 && i === plan.sessions.length - 1 ? 10 + Math.floor(rand(`${d}${s.id}E`) * 40) : 0;
        const inAt = localToEpoch(d, sess.start - 12 + Math.floor(rand(`${d}${s.id}${i}i`) * 14) + late);
        const outAt = localToEpoch(d, sess.end + Math.floor(rand(`${d}${s.id}${i}o`) * 20) - early);
        punches.push({ at: new Date(inAt).toISOString(), person: s.id, dir: 'IN' });
        const forgotten = r >= 0.03 && r < 0.05 && i === plan.sessions.length - 1;
        if (!forgotten) punches.push({ at: new Date(outAt).toISOString(), person: s.id, dir: 'OUT' });
      });
    }
  }
  await db.query(
    `INSERT INTO punches (id, source_id, source_event_id, person_id, at, device_time, received_at, direction, confidence)
     SELECT gen_random_uuid(), 'gate-tt-01', 'seed-' || x.person || '-' || x.at, x.person, x.at, x.at, x.at + interval '2 seconds', x.dir, 0.93
       FROM jsonb_to_recordset($1::jsonb) AS x(at timestamptz, person uuid, dir text)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(punches)],
  );

  const deps = { db, bus: opts.bus ?? null, now: () => opts.now };
  const headRow = staff.find((s) => s.id === head);
  if (head && headRow) {
    // Two working days, a week ago.
    let tripStart = addDays(to, -9);
    while (tripStart < to && resolveDayPlan(calendar, ancestryOf(headRow.unit_id, parents), head, tripStart).sessions.length === 0) tripStart = addDays(tripStart, 1);
    const trip = await requestJustification(db, SEED, {
      personId: head,
      type: 'BUSINESS_TRIP',
      startDate: tripStart,
      startHalf: 'MORNING',
      endDate: addDays(tripStart, 1),
      endHalf: 'AFTERNOON',
      reason: 'Dự hội nghị tập huấn chuyển đổi số tại UBND tỉnh',
      documentRef: 'Giấy đi đường số 15/GĐĐ-UBND',
    }, opts.now).catch(() => null);
    if (trip) await decideJustification(deps, SEED, trip.id, 'APPROVED', 'Đồng ý').catch(() => null);
  }
  let pendingRequestId: string | null = null;
  if (canbo && target) {
    const req = await requestJustification(db, SEED, {
      personId: canbo,
      type: 'ANNUAL_LEAVE',
      startDate: target,
      startHalf: 'MORNING',
      endDate: target,
      endHalf: 'AFTERNOON',
      reason: 'Nghỉ phép năm: việc gia đình (bổ sung đơn sau)',
    }, opts.now);
    pendingRequestId = req.id;
  }
  await recomputeRange(deps, { from, to });
  await db.query(
    `INSERT INTO attendance_closed_dates (date) SELECT d::date FROM generate_series($1::date, $2::date, interval '1 day') d ON CONFLICT DO NOTHING`,
    [from, to],
  );
  await db.query('DELETE FROM attendance_dirty');
  return { pendingRequestId, pendingRequestDate: target };
}
