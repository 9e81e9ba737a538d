import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { MemoryBus } from '../../../test/helpers/adapters';
import { OutboxRelay } from '../../platform/outbox/outbox';
import type { Db } from '../../platform/ports/db';
import { createSchedule, seedOfficial2026 } from '../calendar/calendar.service';
import { ATTENDANCE_DAY_UPDATED, attendanceDayEventId } from './attendance.events';
import { attendanceTick } from './jobs';
import { requestJustification } from './justifications.service';
import { annulPunch, detectOutages, ingestPunch, ingestPunches, recordHeartbeat } from './punches.service';
import { processDirty } from './dirty-queue';
import { recomputeRange } from './recompute.service';

const ACTOR = { id: '00000000-0000-4000-8000-00000000abcd', name: 'test' };
const DAY = '2026-03-10';
const at = (hhmm: string) => new Date(`${DAY}T${hhmm}:00+07:00`);

async function world(db: Db): Promise<{ personId: string; unitId: string }> {
  const unitId = randomUUID();
  await db.query(`INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'Đơn vị', 'KHAC', 'KHAC', '2020-01-01')`, [unitId, `U-${unitId.slice(0, 8)}`]);
  const personId = randomUUID();
  await db.query(`INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text) VALUES ($1, $2, 'Người thử', 'CONG_CHUC', $3, 'nguoi thu')`, [personId, `P-${personId.slice(0, 8)}`, unitId]);
  await createSchedule(db, null, {
    unitId,
    name: 'Giờ hành chính',
    validFrom: '2020-01-01',
    weekdays: [1, 2, 3, 4, 5],
    periods: [{ startsOn: '01-01', morning: { start: '07:30', end: '11:30' }, afternoon: { start: '13:00', end: '17:00' } }],
    docNumber: '1/TB',
    docDate: '2020-01-01',
  });
  return { personId, unitId };
}

forEachDb('attendance ingestion, source health and recompute', (getDb) => {
  before(async () => seedOfficial2026(await getDb()));

  it('learns a device clock offset from heartbeats and reads punches through it', async () => {
    const db = await getDb();
    const { personId } = await world(db);
    await db.query("INSERT INTO punch_sources (id, kind, name) VALUES ('fast-dev', 'DEVICE', 'fast-dev')");
    for (let i = 0; i < 5; i++) {
      const receivedAt = new Date(at('06:00').getTime() + i * 60_000);
      await recordHeartbeat(db, { source: 'fast-dev', receivedAt, deviceTime: new Date(receivedAt.getTime() + 10 * 60_000) });
    }
    const [c] = await db.query<{ offset_ms: number }>("SELECT offset_ms FROM source_clock_corrections WHERE source_id = 'fast-dev' AND valid_to IS NULL");
    assert.equal(c?.offset_ms, 600_000);
    const out = await ingestPunch(db, { source: 'fast-dev', sourceEventId: 'x1', personId, at: at('07:38'), deviceTime: at('07:38'), receivedAt: at('07:28') }, { now: at('07:28') });
    assert.equal(out.effectiveAt, at('07:28').toISOString());
    // Back in sync: the correction is closed.
    for (let i = 0; i < 9; i++) {
      const receivedAt = new Date(at('18:00').getTime() + i * 60_000);
      await recordHeartbeat(db, { source: 'fast-dev', receivedAt, deviceTime: receivedAt });
    }
    const open = await db.query("SELECT 1 FROM source_clock_corrections WHERE source_id = 'fast-dev' AND valid_to IS NULL");
    assert.equal(open.length, 0);
    // F6: both the correction opened and the one closed are in the audit log, named after the source.
    const audit = await db.query<{ action: string; actor_name: string }>(
      "SELECT action, actor_name FROM audit_log WHERE entity_id = 'fast-dev' AND action LIKE 'attendance.clock_correction_%' ORDER BY seq",
    );
    assert.deepEqual(audit.map((a) => [a.action, a.actor_name]), [
      ['attendance.clock_correction_open', 'source:fast-dev'],
      ['attendance.clock_correction_close', 'source:fast-dev'],
    ]);
  });

  it('F6: a heartbeat never creates a source, and a clock more than 24 h off is refused, not corrected', async () => {
    const db = await getDb();
    await assert.rejects(recordHeartbeat(db, { source: 'nobody-registered-me', receivedAt: at('07:00') }), (e: { status?: number }) => e.status === 404);
    assert.equal((await db.query("SELECT 1 FROM punch_sources WHERE id = 'nobody-registered-me'")).length, 0);
    await db.query("INSERT INTO punch_sources (id, kind, name) VALUES ('far-dev', 'DEVICE', 'far-dev')");
    for (let i = 0; i < 3; i++) {
      const receivedAt = new Date(at('06:00').getTime() + i * 60_000);
      await assert.rejects(
        recordHeartbeat(db, { source: 'far-dev', receivedAt, deviceTime: new Date(receivedAt.getTime() + 25 * 3_600_000) }),
        (e: { code?: string }) => e.code === 'CLOCK_OFFSET_TOO_LARGE',
      );
    }
    assert.equal((await db.query("SELECT 1 FROM source_clock_corrections WHERE source_id = 'far-dev'")).length, 0);
    assert.equal((await db.query("SELECT 1 FROM source_heartbeats WHERE source_id = 'far-dev'")).length, 0);
  });

  it('opens an outage for a silent source and closes it on the next heartbeat', async () => {
    const db = await getDb();
    await db.query("INSERT INTO punch_sources (id, kind, name) VALUES ('gate-x', 'CAMERA', 'gate-x')");
    await recordHeartbeat(db, { source: 'gate-x', receivedAt: at('07:00') });
    assert.equal(await detectOutages(db, at('07:02')), 0);
    assert.equal(await detectOutages(db, at('07:10')), 1);
    assert.equal(await detectOutages(db, at('07:20')), 0, 'one open outage at a time');
    await recordHeartbeat(db, { source: 'gate-x', receivedAt: at('08:00') });
    const [o] = await db.query<{ started_at: Date; ended_at: Date }>("SELECT started_at, ended_at FROM source_outages WHERE source_id = 'gate-x'");
    assert.equal(o?.started_at.toISOString(), at('07:01').toISOString());
    assert.equal(o?.ended_at.toISOString(), at('08:00').toISOString());
  });

  it('recomputes idempotently, publishes one event per revision with a deterministic id, and honours annulments', async () => {
    const db = await getDb();
    const { personId } = await world(db);
    const bus = new MemoryBus();
    const seen: Array<{ id: string; revision: number; status: string }> = [];
    await bus.subscribe<{ revision: number; dayStatus: string; personId: string; date: string }>(ATTENDANCE_DAY_UPDATED, 't', async (ev) => {
      if (ev.data.personId === personId) seen.push({ id: ev.id, revision: ev.data.revision, status: ev.data.dayStatus });
    });
    const deps = { db, bus, now: () => new Date('2026-03-11T01:00:00Z') };
    const relay = new OutboxRelay(db, bus);
    relay.start();
    for (const [i, t] of ['07:50', '11:31', '13:00', '17:01'].entries())
      await ingestPunch(db, { source: 'gate-y', sourceEventId: `y${i}`, personId, at: at(t), receivedAt: at(t) }, { now: at(t) });
    await recomputeRange(deps, { from: DAY, to: DAY, personIds: [personId] });
    const again = await recomputeRange(deps, { from: DAY, to: DAY, personIds: [personId] });
    assert.equal(again.changed, 0, 'same inputs, no new revision');
    // A late punch at 07:20 from another source: the day becomes PRESENT (revision 2).
    await ingestPunch(db, { source: 'gate-z', sourceEventId: 'late', personId, at: at('07:20'), receivedAt: deps.now() }, { now: deps.now() });
    await processDirty(deps);
    // The late punch was a misrecognition: annulled → back to LATE (revision 3).
    const [p] = await db.query<{ id: string }>("SELECT id FROM punches WHERE source_event_id = 'late'");
    await annulPunch(db, ACTOR, p?.id as string, 'Nhận diện nhầm người', randomUUID(), deps.now());
    await processDirty(deps);
    await relay.flush();
    await relay.stop();
    await bus.idle();
    assert.deepEqual(seen.map((s) => [s.revision, s.status]), [[1, 'LATE'], [2, 'PRESENT'], [3, 'LATE']]);
    for (const s of seen) assert.equal(s.id, attendanceDayEventId(personId, DAY, s.revision));
  });
});

forEachDb('attendance daily close and leave balance', (getDb) => {
  before(async () => seedOfficial2026(await getDb()));

  it('closes yesterday once for everyone, then only drains the queue', async () => {
    const db = await getDb();
    const { personId } = await world(db);
    const deps = { db, now: () => new Date('2026-03-12T01:00:00Z') };
    const first = await attendanceTick(deps);
    assert.equal(first.closed, '2026-03-11');
    const [row] = await db.query<{ day_status: string }>('SELECT day_status FROM attendance_days WHERE person_id = $1 AND date = $2', [personId, '2026-03-11']);
    assert.equal(row?.day_status, 'ABSENT_NO_REASON');
    const second = await attendanceTick(deps);
    assert.equal(second.closed, null);
  });

  it('refuses annual leave beyond the balance, counting only working days', async () => {
    const db = await getDb();
    const { personId } = await world(db);
    await db.query("UPDATE persons SET joined_on = '2026-01-05' WHERE id = $1", [personId]);
    // Joined 5/1/2026: 12 × 12/12 = 12 days. Mon 16/3 → Fri 27/3 = 10 working days (weekends not charged).
    const ok = await requestJustification(db, ACTOR, { personId, type: 'ANNUAL_LEAVE', startDate: '2026-03-14', startHalf: 'MORNING', endDate: '2026-03-27', endHalf: 'AFTERNOON', reason: 'nghỉ phép' });
    assert.equal(ok.charged_days, 10);
    await assert.rejects(
      requestJustification(db, ACTOR, { personId, type: 'ANNUAL_LEAVE', startDate: '2026-04-01', startHalf: 'MORNING', endDate: '2026-04-03', endHalf: 'AFTERNOON', reason: 'nghỉ tiếp' }),
      (e: { code?: string }) => e.code === 'LEAVE_BALANCE_EXCEEDED',
    );
    const half = await requestJustification(db, ACTOR, { personId, type: 'ANNUAL_LEAVE', startDate: '2026-04-01', startHalf: 'MORNING', endDate: '2026-04-02', endHalf: 'MORNING', reason: 'nghỉ tiếp' });
    assert.equal(half.charged_days, 1.5);
  });
});

forEachDb('punch origins: audit, device limits, poison items', (getDb) => {
  const NOW = new Date(`${DAY}T03:00:00Z`);

  it('every accepted punch leaves one audit row naming its origin; a duplicate leaves none', async () => {
    const db = await getDb();
    const { personId, unitId } = await world(db);
    const punch = { source: 'camera:cam-audit', sourceEventId: 'sighting-1', personId, at: at('07:25'), sourceKind: 'CAMERA' as const };
    const first = await ingestPunch(db, punch, { now: NOW });
    const again = await ingestPunch(db, punch, { now: NOW });
    assert.equal(first.status, 'ACCEPTED');
    assert.equal(again.status, 'DUPLICATE');
    const rows = await db.query<{ actor_name: string; unit_id: string; details: Record<string, unknown> }>(
      "SELECT actor_name, unit_id, details FROM audit_log WHERE action = 'attendance.punch_ingest' AND entity_id = $1",
      [first.punchId],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.actor_name, 'source:camera:cam-audit');
    assert.equal(rows[0]?.unit_id, unitId);
    assert.equal(rows[0]?.details.origin, 'server');
    assert.equal(rows[0]?.details.sourceKind, 'CAMERA');
    const all = await db.query("SELECT 1 FROM audit_log WHERE action = 'attendance.punch_ingest' AND details->>'sourceEventId' = 'sighting-1'");
    assert.equal(all.length, 1, 'the duplicate added no audit row');
  });

  it('F9: poison items (NUL in an id, year 0000, impossible dates) are rejected one by one, the rest is committed', async () => {
    const db = await getDb();
    const { personId } = await world(db);
    const base = { source: 'gate-poison', personId, at: at('07:10') };
    const out = await ingestPunches(
      db,
      [
        { ...base, sourceEventId: 'p-ok-1' },
        { ...base, sourceEventId: 'bad\u0000' },
        { ...base, sourceEventId: 'p-year0', at: '0000-01-01T00:00:00Z' },
        { ...base, sourceEventId: 'p-month13', at: '2026-13-45T99:00:00Z' },
        { ...base, sourceEventId: 'p-dev0', deviceTime: '0000-06-01T00:00:00Z' },
        { ...base, sourceEventId: 'p-ok-2', at: at('07:11') },
      ],
      { now: NOW },
    );
    assert.deepEqual(
      out.map((o) => ('code' in o ? o.code : o.status)),
      ['ACCEPTED', 'PUNCH_INVALID', 'PUNCH_INVALID', 'PUNCH_INVALID', 'PUNCH_INVALID', 'ACCEPTED'],
    );
    const stored = await db.query<{ source_event_id: string }>("SELECT source_event_id FROM punches WHERE source_id = 'gate-poison' ORDER BY 1");
    assert.deepEqual(stored.map((r) => r.source_event_id), ['p-ok-1', 'p-ok-2']);
  });

  it('a device origin: its own source only, persons of its unit subtree only, server receipt time, bounded backlog, no client keys', async () => {
    const db = await getDb();
    const mine = await world(db);
    const other = await world(db);
    await db.query("INSERT INTO punch_sources (id, kind, name, unit_id) VALUES ('term-a', 'DEVICE', 'Máy A', $1)", [mine.unitId]);
    const origin = { kind: 'device' as const, source: { id: 'term-a', kind: 'DEVICE' as const, unitId: mine.unitId }, scopeUnits: new Set([mine.unitId]) };
    const code = async (p: Parameters<typeof ingestPunch>[1]) => {
      const [r] = await ingestPunches(db, [p], { now: NOW, origin });
      return r && 'code' in r ? r.code : r?.status;
    };
    const ok = { source: 'term-a', personId: mine.personId, at: at('07:20') };
    assert.equal(await code({ ...ok, sourceEventId: 'd1' }), 'ACCEPTED');
    assert.equal(await code({ ...ok, sourceEventId: 'd2', source: 'gate-poison' }), 'SOURCE_MISMATCH');
    assert.equal(await code({ ...ok, sourceEventId: 'd3', personId: other.personId }), 'OUT_OF_SCOPE');
    assert.equal(await code({ ...ok, sourceEventId: 'd4', receivedAt: new Date(NOW.getTime() + 13 * 86_400_000) }), 'PUNCH_INVALID');
    assert.equal(await code({ ...ok, sourceEventId: 'd5', evidence: { snapshotKey: 'explanations/x/y.pdf' } }), 'PUNCH_INVALID');
    assert.equal(await code({ ...ok, sourceEventId: 'd6', at: new Date(NOW.getTime() + 3_600_000) }), 'PUNCH_IN_FUTURE');
    assert.equal(await code({ ...ok, sourceEventId: 'd7', at: new Date(NOW.getTime() - 40 * 86_400_000) }), 'PUNCH_TOO_OLD');
    const [row] = await db.query<{ received_at: Date }>("SELECT received_at FROM punches WHERE source_id = 'term-a' AND source_event_id = 'd1'");
    assert.equal(row?.received_at.toISOString(), NOW.toISOString(), 'receipt time is the server clock');
    const [audit] = await db.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'attendance.punch_ingest' AND details->>'sourceEventId' = 'd1'");
    assert.equal(audit?.details.origin, 'device');
    assert.equal(audit?.details.sourceId, 'term-a');
    assert.equal((await db.query("SELECT 1 FROM punches WHERE source_id = 'term-a'")).length, 1);
  });
});
