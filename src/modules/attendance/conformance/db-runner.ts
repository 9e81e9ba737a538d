import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/ports/db';
import { createOverride, createRoster, createSchedule, addCalendarDay, seedOfficial2026 } from '../../calendar';
import { localToInstant } from '../../../platform/time';
import { DEFAULT_RULES } from '../domain/types';
import { decideJustification, requestJustification } from '../justifications.service';
import { requestPermission } from '../permissions.service';
import { ingestPunch, recordHeartbeat, reportOutage } from '../punches.service';
import { processDirty } from '../dirty-queue';
import { type AttendanceDeps, recomputeRange } from '../recompute.service';
import { upsertRules } from '../rules.repo';
import { type BaseUnit, SCHEDULES, SOURCES, type Scenario, UNIT_PARENTS, UNITS } from './fixture';
import { asOfOf, minutesOf, punchTime } from './expectations';

const SYSTEM = { id: '00000000-0000-4000-8000-00000000ffff', name: 'conformance', personId: null };

/** Creates the shared world once per database: units, schedules, the 2026 calendar, punch sources. */
export async function setupWorld(db: Db): Promise<void> {
  for (const [id, parent] of Object.entries(UNIT_PARENTS)) {
    await db.query(
      `INSERT INTO org_units (id, code, name, unit_type, admin_level, parent_id, valid_from) VALUES ($1, $2, $3, 'KHAC', 'KHAC', $4, '2020-01-01')`,
      [id, `C-${id.slice(-4)}`, `Đơn vị ${id.slice(-4)}`, parent],
    );
  }
  for (const s of SCHEDULES)
    await createSchedule(db, null, {
      unitId: s.unitId,
      name: s.name,
      validFrom: '2020-01-01',
      weekdays: [1, 2, 3, 4, 5],
      periods: [...s.periods],
      docNumber: s.docNumber,
      docDate: s.docDate,
    });
  await seedOfficial2026(db);
}

export interface DbOutcome {
  dayStatus: string;
  unitId: string;
  revision: number;
  sessions: Array<{
    session: string;
    status: string;
    checkIn: string | null;
    checkOut: string | null;
    lateMinutes: number;
    earlyLeaveMinutes: number;
    absenceRequestId?: string | null;
    arrivalPermission?: { status: string } | null;
    departurePermission?: { status: string } | null;
  }>;
  regulation: { source: string; unitId: string | null; legalBasis: string | null } | null;
  dayOff: { kind: string; name: string; legalBasis: string | null; status: string | null } | null;
  /** The scenario's own leaf unit (its unit-level rules live there). */
  leafUnitId: string;
}

/**
 * Runs a scenario through the real services: punches through ingestPunch (in the listed order, duplicates
 * included), requests through request → approve, outages reported, clock skew learned from heartbeats, then the
 * set-based recompute; late punches are ingested after a first computation and picked up by processDirty.
 */
export async function runOnDb(db: Db, s: Scenario): Promise<DbOutcome> {
  const asOf = new Date(asOfOf(s));
  const deps: AttendanceDeps = { db, now: () => asOf };
  const leaf = randomUUID();
  const base = UNITS[s.unit ?? 'A'];
  await db.query(
    `INSERT INTO org_units (id, code, name, unit_type, admin_level, parent_id, valid_from) VALUES ($1, $2, $3, 'KHAC', 'KHAC', $4, '2020-01-01')`,
    [leaf, `leaf-${s.id}`, `Tổ ${s.id}`, base],
  );
  const personId = randomUUID();
  const home = s.history ? UNITS[s.history[s.history.length - 1]?.unit as BaseUnit] : leaf;
  await db.query(
    `INSERT INTO persons (id, employee_code, full_name, category, unit_id, joined_on, left_on, search_text) VALUES ($1, $2, $3, 'CONG_CHUC', $4, $5, $6, $3)`,
    [personId, `E-${s.id}`, `Người thử ${s.id}`, home, s.joinedOn ?? null, s.leftOn ?? null],
  );
  const spells = s.history ? s.history.map((h) => ({ unit: UNITS[h.unit], from: h.from, to: h.to ?? null })) : [{ unit: leaf, from: '2020-01-01', to: null }];
  for (const h of spells)
    await db.query('INSERT INTO person_unit_history (id, person_id, unit_id, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5)', [randomUUID(), personId, h.unit, h.from, h.to]);
  // Each scenario has its own copies of the sources (same coverage), so one scenario's outage never leaks into another.
  const sid = (src: string) => `${src}.${s.id}`;
  // Coverage is narrowed to the scenario's own leaf where the fixture source covers it, so outages stay local.
  for (const src of SOURCES) {
    const coversBase = src.unitId === UNITS.PROVINCE || src.unitId === base;
    const coverage = coversBase ? (s.history ? src.unitId : leaf) : src.unitId;
    await db.query('INSERT INTO punch_sources (id, kind, name, unit_id) VALUES ($1, $2, $1, $3)', [sid(src.id), src.kind, coverage]);
  }
  if (s.rules) await upsertRules(db, leaf, { ...DEFAULT_RULES, ...s.rules }, 'Quy chế thử nghiệm');
  for (const r of s.rosters ?? [])
    await createRoster(db, null, { unitId: leaf, personId: r.forPerson ? personId : null, date: r.date, weekday: r.weekday, validFrom: '2020-01-01', validTo: null, session: r.session, kind: r.kind, note: null });
  if (s.override)
    await createOverride(db, null, { personId, validFrom: '2020-01-01', validTo: null, morning: s.override.morning ?? null, afternoon: s.override.afternoon ?? null, works: s.override.works ?? 'BOTH', reason: 'thử nghiệm' });
  for (const d of s.unitDays ?? []) await addCalendarDay(db, null, { ...d, unitId: leaf, legalBasis: null });

  for (const j of s.justifications ?? []) {
    const permission = j.window && (j.type === 'LATE_ARRIVAL_PERMISSION' || j.type === 'EARLY_LEAVE_PERMISSION') ? { ...j, type: j.type, window: j.window } : null;
    const row = permission
      ? await requestPermission(db, SYSTEM, { personId, type: permission.type, date: j.from[0], fromMin: minutesOf(permission.window[0]), toMin: minutesOf(permission.window[1]), reason: 'thử nghiệm' }, asOf)
      : await requestJustification(db, SYSTEM, { personId, type: j.type, startDate: j.from[0], startHalf: j.from[1], endDate: j.to[0], endHalf: j.to[1], reason: 'thử nghiệm' }, asOf);
    if (j.status !== 'PENDING') await decideJustification(deps, SYSTEM, row.id, j.status, j.status === 'REJECTED' ? 'không đủ căn cứ' : null);
  }
  for (const o of s.outages ?? [])
    await reportOutage(db, SYSTEM, { source: sid(o.source), startedAt: new Date(punchTime(o.from, s.date)), endedAt: o.to === null ? null : new Date(punchTime(o.to, s.date)), note: 'thử nghiệm' }, asOf);
  if (s.skew) {
    // Heartbeats early that morning teach the system the device's offset (a heartbeat never registers a source).
    await db.query(`INSERT INTO punch_sources (id, kind, name) VALUES ($1, 'DEVICE', $1) ON CONFLICT (id) DO NOTHING`, [sid(s.skew.source)]);
    for (let i = 0; i < 5; i++) {
      const receivedAt = localToInstant(s.date, 5 * 60 + i);
      await recordHeartbeat(db, { source: sid(s.skew.source), receivedAt, deviceTime: new Date(receivedAt.getTime() + s.skew.offsetSeconds * 1000) });
    }
  }

  const ingest = async (late: boolean) => {
    for (const [i, p] of s.punches.entries()) {
      const spec = typeof p === 'string' ? { t: p } : p;
      if (Boolean(spec.late) !== late) continue;
      const t = new Date(punchTime(p, s.date));
      const raw = spec.src ?? 'gate-cam-1';
      const source = sid(raw);
      const receivedAt = late ? asOf : new Date(t.getTime() + 3000);
      await ingestPunch(
        db,
        {
          source,
          sourceEventId: `${s.id}-${spec.id ?? i}`,
          personId,
          at: t,
          deviceTime: s.skew && raw === s.skew.source ? t : null,
          receivedAt: s.skew && raw === s.skew.source ? new Date(t.getTime() - s.skew.offsetSeconds * 1000 + 3000) : receivedAt,
          direction: spec.dir ?? null,
        },
        { now: late ? asOf : receivedAt },
      );
    }
  };
  await ingest(false);
  await recomputeRange(deps, { from: s.date, to: s.date, personIds: [personId] });
  if (s.punches.some((p) => typeof p !== 'string' && p.late)) {
    await ingest(true);
    await processDirty(deps);
  }
  const [row] = await db.query<{ day_status: string; unit_id: string; revision: number; sessions: DbOutcome['sessions']; regulation: DbOutcome['regulation']; day_off: DbOutcome['dayOff'] }>(
    'SELECT day_status, unit_id, revision, sessions, regulation, day_off FROM attendance_days WHERE person_id = $1 AND date = $2',
    [personId, s.date],
  );
  if (!row) throw new Error(`${s.id}: no attendance row`);
  const unitId = row.unit_id === leaf ? base : row.unit_id;
  return { dayStatus: row.day_status, unitId, revision: row.revision, sessions: row.sessions, regulation: row.regulation, dayOff: row.day_off, leafUnitId: leaf };
}
