import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { MemoryBus } from '../../platform/adapters/bus-memory';
import { OutboxRelay } from '../../platform/outbox/outbox';
import type { Db } from '../../platform/ports/db';
import { createSchedule, seedOfficial2026 } from '../calendar/calendar.service';
import { ATTENDANCE_DAY_UPDATED, attendanceDayEventId } from './attendance.events';
import { attendanceTick } from './jobs';
import { requestJustification } from './justifications.service';
import { annulPunch, detectOutages, ingestPunch, recordHeartbeat } from './punches.service';
import { processDirty, recomputeRange } from './recompute.service';

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
  });

  it('opens an outage for a silent source and closes it on the next heartbeat', async () => {
    const db = await getDb();
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
