import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOutbox, enqueue, flushOnce, listEntries, type OutboxEntry, retryEntry, type SendOutcome, type Sender } from './queue';
import { memoryStore } from './storage';

/**
 * The device outbox as plain functions over a Map-backed store (no IndexedDB in node): order, exactly-once by
 * clientId across lost answers, coalesced verdicts, dependencies (photo of a queued finding), rejections kept.
 */

/** A fake server: idempotent by key like I1's POST findings/photos; can drop the link or lose the answer. */
function fakeServer() {
  const stored = new Map<string, { id: string; entry: OutboxEntry; dependency: string | undefined }>();
  let online = true;
  let loseNextAnswer = false;
  const reject = new Set<string>();
  const calls: string[] = [];
  const send: Sender = async (entry, dependency): Promise<SendOutcome> => {
    calls.push(entry.key);
    if (!online) return { status: 'retry' };
    if (reject.has(entry.key)) return { status: 'rejected', error: { code: 'VALIDATION', vi: 'Sai', en: 'Bad' } };
    const existing = stored.get(entry.key);
    const id = existing?.id ?? `srv-${stored.size + 1}`;
    stored.set(entry.key, { id, entry, dependency });
    if (loseNextAnswer) {
      loseNextAnswer = false;
      throw new Error('connection reset after the server committed');
    }
    return { status: 'sent', serverId: id };
  };
  return {
    send,
    stored,
    calls,
    reject,
    setOnline: (v: boolean) => {
      online = v;
    },
    loseAnswer: () => {
      loseNextAnswer = true;
    },
  };
}

describe('device outbox', () => {
  it('keeps entries while offline and sends each once, in order, when back online', async () => {
    const store = memoryStore<OutboxEntry>();
    const ids = memoryStore<string>();
    const server = fakeServer();
    server.setOnline(false);
    await enqueue(store, { key: 'f1', scope: 'i1', kind: 'finding', payload: { d: 'a' } });
    await enqueue(store, { key: 'p1', scope: 'i1', kind: 'photo', payload: {} });
    await enqueue(store, { key: 'f2', scope: 'i2', kind: 'finding', payload: {} });
    const offline = await flushOnce(store, ids, server.send);
    assert.deepEqual(offline, { sent: 0, failed: 0, left: 3, interrupted: true });
    assert.equal((await listEntries(store)).length, 3);
    assert.equal((await listEntries(store, 'i1')).length, 2);
    server.setOnline(true);
    const back = await flushOnce(store, ids, server.send);
    assert.equal(back.sent, 3);
    assert.deepEqual([...server.stored.keys()], ['f1', 'p1', 'f2']);
    assert.equal((await listEntries(store)).length, 0);
    assert.equal(await ids.get('f1'), 'srv-1');
  });

  it('a lost answer leaves the entry queued; the resend returns the same record (no duplicate)', async () => {
    const store = memoryStore<OutboxEntry>();
    const ids = memoryStore<string>();
    const server = fakeServer();
    await enqueue(store, { key: 'f1', scope: 'i1', kind: 'finding', payload: {} });
    server.loseAnswer();
    const first = await flushOnce(store, ids, server.send);
    assert.equal(first.interrupted, true);
    assert.equal((await listEntries(store)).length, 1);
    await flushOnce(store, ids, server.send);
    assert.equal(server.stored.size, 1);
    assert.equal(server.calls.length, 2);
    assert.equal((await listEntries(store)).length, 0);
  });

  it('a later verdict on the same item replaces the queued one; a change made while sending is kept', async () => {
    const store = memoryStore<OutboxEntry>();
    const ids = memoryStore<string>();
    await enqueue(store, { key: 'result:i1:a', scope: 'i1', kind: 'result', payload: { verdict: 'PASS' } });
    await enqueue(store, { key: 'result:i1:a', scope: 'i1', kind: 'result', payload: { verdict: 'FAIL' } });
    const queued = await listEntries(store);
    assert.equal(queued.length, 1);
    assert.deepEqual(queued[0]?.payload, { verdict: 'FAIL' });
    const seen: unknown[] = [];
    let changedMidway = false;
    const send: Sender = async (entry) => {
      seen.push(entry.payload);
      if (!changedMidway) {
        changedMidway = true;
        await enqueue(store, { key: 'result:i1:a', scope: 'i1', kind: 'result', payload: { verdict: 'NA' } });
      }
      return { status: 'sent' };
    };
    await flushOnce(store, ids, send);
    assert.deepEqual((await listEntries(store)).map((e) => e.payload), [{ verdict: 'NA' }]);
    await flushOnce(store, ids, send);
    assert.deepEqual(seen, [{ verdict: 'FAIL' }, { verdict: 'NA' }]);
    assert.equal((await listEntries(store)).length, 0);
  });

  it('a photo of a queued finding waits for it and is sent with the finding server id', async () => {
    const store = memoryStore<OutboxEntry>();
    const ids = memoryStore<string>();
    const server = fakeServer();
    // The photo was queued first (seq 1) but belongs to the finding queued after it.
    await store.set('f1', { key: 'f1', seq: 2, scope: 'i', kind: 'finding', payload: {}, state: 'PENDING', attempts: 0, createdAt: '' });
    await store.set('p1', { key: 'p1', seq: 1, scope: 'i', kind: 'photo', payload: {}, dependsOn: 'f1', state: 'PENDING', attempts: 0, createdAt: '' });
    const pass = await flushOnce(store, ids, server.send);
    assert.deepEqual(pass, { sent: 1, failed: 0, left: 1, interrupted: false });
    await flushOnce(store, ids, server.send);
    assert.equal(server.stored.get('p1')?.dependency, server.stored.get('f1')?.id);
  });

  it('a refused entry (4xx) is kept as FAILED with the error, does not block the others, and can be retried', async () => {
    const store = memoryStore<OutboxEntry>();
    const ids = memoryStore<string>();
    const server = fakeServer();
    server.reject.add('bad');
    await enqueue(store, { key: 'bad', scope: 'i', kind: 'finding', payload: {} });
    await enqueue(store, { key: 'good', scope: 'i', kind: 'finding', payload: {} });
    const pass = await flushOnce(store, ids, server.send);
    assert.equal(pass.sent, 1);
    assert.equal(pass.failed, 1);
    const [failed] = await listEntries(store);
    assert.equal(failed?.state, 'FAILED');
    assert.equal(failed?.error?.code, 'VALIDATION');
    assert.equal(failed?.attempts, 1);
    // FAILED entries are not resent by a flush…
    await flushOnce(store, ids, server.send);
    assert.equal(server.calls.filter((k) => k === 'bad').length, 1);
    // …until the user puts them back in line.
    server.reject.delete('bad');
    await retryEntry(store, 'bad');
    await flushOnce(store, ids, server.send);
    assert.equal((await listEntries(store)).length, 0);
  });

  it('concurrent flushes share one pass: each entry reaches the server once', async () => {
    const store = memoryStore<OutboxEntry>();
    const ids = memoryStore<string>();
    const server = fakeServer();
    const outbox = createOutbox(store, ids, server.send);
    let notified = 0;
    outbox.subscribe(() => notified++);
    await Promise.all([1, 2, 3, 4].map((n) => outbox.enqueue({ key: `f${n}`, scope: 'i', kind: 'finding', payload: {} })));
    const results = await Promise.all([outbox.flush(), outbox.flush(), outbox.flush()]);
    assert.equal(results[0]?.sent, 4);
    assert.deepEqual(server.calls, ['f1', 'f2', 'f3', 'f4']);
    assert.equal((await outbox.list()).length, 0);
    assert.ok(notified >= 5);
    assert.equal(await outbox.serverId('f3'), server.stored.get('f3')?.id);
  });
});
