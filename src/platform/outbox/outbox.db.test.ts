import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { MemoryBus } from '../adapters/bus-memory';
import { addToOutbox, OutboxRelay } from './outbox';

forEachDb('transactional outbox', (getDb) => {
  it('publishes committed events once, in order, and never the events of a rolled-back transaction', async () => {
    const db = await getDb();
    const bus = new MemoryBus();
    const got: string[] = [];
    await bus.subscribe<{ n: number }>('test.outbox.v1', 'reader', async (e) => void got.push(`${e.id}:${e.data.n}`));
    // Written before any relay runs: the state of a process that crashed after commit, before publishing.
    await db.transaction(async (tx) => addToOutbox(tx, [{ id: 'e1', subject: 'test.outbox.v1', data: { n: 1 } }]));
    await assert.rejects(
      db.transaction(async (tx) => {
        await addToOutbox(tx, [{ id: 'e-rolled-back', subject: 'test.outbox.v1', data: { n: 99 } }]);
        throw new Error('business rule failed');
      }),
    );
    const relay = new OutboxRelay(db, bus);
    relay.start();
    await db.transaction(async (tx) =>
      addToOutbox(tx, [
        { id: 'e2', subject: 'test.outbox.v1', data: { n: 2 } },
        { id: 'e1', subject: 'test.outbox.v1', data: { n: 1 } },
      ]),
    );
    await relay.flush();
    await bus.idle();
    await relay.stop();
    assert.deepEqual(got, ['e1:1', 'e2:2']);
    const pending = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_outbox WHERE published_at IS NULL');
    assert.equal(pending[0]?.n, 0);
  });
});
