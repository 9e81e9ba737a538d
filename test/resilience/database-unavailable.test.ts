import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingestPunches } from '../../src/modules/attendance';
import { SegmentIndexer } from '../../src/modules/recording/segment-index';
import { MemoryBus } from '../../src/platform/adapters/bus-memory';
import { describeStop } from '../../src/platform/adapters/video-ffmpeg/failure-text';
import { DatabaseUnavailableError, isDatabaseUnavailable, toDatabaseError } from '../../src/platform/db/unavailable';
import { OutboxRelay, RELAY_MAX_BACKOFF_MS } from '../../src/platform/outbox/outbox';
import type { Db } from '../../src/platform/ports/db';
import { waitFor } from '../helpers/wait';

/**
 * The parts of "the service survives its database" (F3) that need no server: which errors mean "database
 * unavailable", that callers treat them as retryable rather than as a bad item, that background loops back off,
 * that recording is indexed once the database is back, and that gap reasons are readable (F14).
 */
const down = () => new DatabaseUnavailableError('CONNECTION', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));

/** A database that fails with "unavailable" while `state.down` is true; queries otherwise go to `answer`. */
function flakyDb(state: { down: boolean; calls: number }, answer: (sql: string) => unknown[] = () => []): Db {
  const db: Db = {
    description: 'flaky',
    async query<T>(sql: string): Promise<T[]> {
      state.calls++;
      if (state.down) throw down();
      return answer(sql) as T[];
    },
    async exec() {
      if (state.down) throw down();
    },
    async transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R> {
      if (state.down) throw down();
      return fn(db);
    },
    async close() {},
  };
  return db;
}

describe('database unavailable: classification, callers, background loops', () => {
  it('connection-class errors become 503 DATABASE_UNAVAILABLE/DATABASE_TIMEOUT; SQL errors stay as they are', () => {
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001', 'ECONNREFUSED', 'ECONNRESET']) {
      const mapped = toDatabaseError(Object.assign(new Error('x'), { code }));
      assert.ok(mapped instanceof DatabaseUnavailableError, code);
      assert.equal(mapped.status, 503);
      assert.equal(mapped.code, 'DATABASE_UNAVAILABLE');
    }
    for (const message of ['Connection terminated unexpectedly', 'timeout exceeded when trying to connect', 'Client has encountered a connection error and is not queryable'])
      assert.ok(isDatabaseUnavailable(new Error(message)), message);
    for (const code of ['57014', '25P03']) assert.equal((toDatabaseError(Object.assign(new Error('x'), { code })) as DatabaseUnavailableError).code, 'DATABASE_TIMEOUT');
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    assert.equal(toDatabaseError(unique), unique);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('bad'), { code: '22P02' })), false);
  });

  it('a batch ingest during an outage fails as a whole (the device retries) instead of reporting items as rejected', async () => {
    const item = { source: 'gate-x', sourceEventId: 'e1', personId: randomUUID(), at: new Date().toISOString() };
    await assert.rejects(ingestPunches(flakyDb({ down: true, calls: 0 }), [item]), (err: unknown) => err instanceof DatabaseUnavailableError);
  });

  it('the outbox relay backs off while the database is down (no busy loop, one report) and drains when it returns', async () => {
    const state = { down: true, calls: 0 };
    const published: string[] = [];
    const rows = [{ seq: 1, id: 'ev-1', subject: 'test.x', data: {} }];
    const db = flakyDb(state, (sql) => (sql.startsWith('SELECT') ? rows.splice(0) : []));
    const bus = new MemoryBus();
    await bus.subscribe('test.>', 'test', async (ev) => {
      published.push(ev.id);
    });
    const reports: number[] = [];
    let recovered = 0;
    const relay = new OutboxRelay(db, bus, (_err, failures) => reports.push(failures), 20, () => recovered++);
    relay.start();
    await new Promise((r) => setTimeout(r, 1500));
    // 20 ms polling would be ~75 attempts in 1.5 s; doubling from 20 ms makes it about 7.
    assert.ok(state.calls <= 10, `${state.calls} attempts in 1.5 s`);
    assert.deepEqual(reports, [1], 'the first failure is reported, not every retry');
    assert.ok(relay.nextDelayMs() > 20 && relay.nextDelayMs() <= RELAY_MAX_BACKOFF_MS);
    state.down = false;
    relay.kick();
    await waitFor('the event published', async () => (published.length === 1 ? true : undefined), 5000, 20);
    assert.equal(recovered, 1);
    assert.equal(relay.nextDelayMs(), 20, 'back to the normal poll');
    await relay.stop();
    await bus.close();
  });

  it('a closed segment is indexed once the database returns; nothing is lost, and close() ends the waiting', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-idx-'));
    try {
      const incoming = path.join(root, 'cam', 'incoming');
      fs.mkdirSync(incoming, { recursive: true });
      const file = path.join(incoming, '1_000000.mp4');
      fs.writeFileSync(file, 'footage');
      const state = { down: true, calls: 0 };
      const inserted: string[] = [];
      const db = flakyDb(state, (sql) => {
        if (sql.startsWith('INSERT INTO recording_segments')) inserted.push(sql);
        return [];
      });
      const indexer = new SegmentIndexer(db, root);
      const startedAt = new Date('2026-12-01T01:00:00Z');
      const done = indexer.segmentClosed('cam', { file, startedAt, endedAt: new Date(startedAt.getTime() + 10_000), bytes: 7 });
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(inserted.length, 0);
      assert.ok(fs.existsSync(file), 'the file waits in incoming/ until its row exists');
      state.down = false;
      await done;
      assert.equal(inserted.length, 1);
      assert.equal(fs.existsSync(file), false);
      assert.ok(fs.existsSync(path.join(root, 'cam', '2026-12-01', `${startedAt.getTime()}_1_000000.mp4`)), 'moved to its day');

      // At shutdown: one attempt, no endless retry; the file stays for the next start.
      state.down = true;
      const second = path.join(incoming, '1_000001.mp4');
      fs.writeFileSync(second, 'footage');
      const waiting = indexer.segmentClosed('cam', { file: second, startedAt: new Date(startedAt.getTime() + 10_000), endedAt: new Date(startedAt.getTime() + 20_000), bytes: 7 });
      await new Promise((r) => setTimeout(r, 200));
      indexer.close();
      await assert.rejects(waiting, (err: unknown) => isDatabaseUnavailable(err));
      assert.ok(fs.existsSync(second));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('readable gap reasons (F14)', () => {
  it('says what happened in Vietnamese and English instead of ffmpeg’s last line', () => {
    assert.equal(
      describeStop('[tcp @ 0x1] Connection to tcp://127.0.0.1:9?timeout=5000000 failed: Connection refused', { code: 1, signal: null }),
      'nguồn không truy cập được / source unreachable (connection refused)',
    );
    assert.match(describeStop('[rtsp @ 0x2] method DESCRIBE failed: 401 Unauthorized', { code: 1, signal: null }), /^camera từ chối .* \/ the camera refused/);
    assert.match(describeStop('', { code: null, signal: 'SIGKILL', stalledSeconds: 12 }), /^luồng bị treo.* \/ stream stalled: no video for 12 s$/);
    // What the probe saw: a timestamp warning as the "reason" of a gap.
    assert.equal(
      describeStop('[segment @ 0x3] Non-monotonous DTS in output stream 0:0; previous: 1240291, current: 1240292; changing to 1240292.', { code: 0, signal: null }),
      'nguồn ngừng phát luồng / the source ended the stream',
    );
    assert.match(describeStop("[segment @ 0x4] Failed to open segment '/data/recordings/x/incoming/1_000005.mp4'", { code: 1, signal: null }), /cannot write the recording file/);
  });
});
