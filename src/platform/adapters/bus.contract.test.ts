import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startNats } from '../../../test/helpers/nats';
import type { Bus, BusEvent } from '../ports/bus';
import { MemoryBus } from './bus-memory';
import { NatsBus } from './bus-nats';

async function until(cond: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The same contract for every bus adapter: delivery to durable consumers, subject families, redelivery after a failure. */
function contract(name: string, open: () => Promise<Bus>) {
  describe(`bus contract [${name}]`, () => {
    let bus: Bus;
    before(async () => {
      bus = await open();
    });
    after(async () => bus.close());

    it('delivers every event to each durable consumer, in order', async () => {
      const a: number[] = [];
      const b: number[] = [];
      await bus.subscribe<{ n: number }>('test.order.v1', 'order-a', async (e) => void a.push(e.data.n));
      await bus.subscribe<{ n: number }>('test.order.v1', 'order-b', async (e) => void b.push(e.data.n));
      for (let n = 0; n < 50; n++) await bus.publish('test.order.v1', { n });
      await until(() => a.length === 50 && b.length === 50);
      assert.deepEqual(a, [...Array(50).keys()]);
      assert.deepEqual(b, a);
    });

    it('matches subject families with .>', async () => {
      const got: string[] = [];
      await bus.subscribe('fam.>', 'family', async (e) => void got.push(e.subject));
      await bus.publish('fam.one.v1', {});
      await bus.publish('other.v1', {});
      await bus.publish('fam.two.v1', {});
      await until(() => got.length === 2);
      assert.deepEqual(got.sort(), ['fam.one.v1', 'fam.two.v1']);
    });

    it('redelivers an event whose handler failed, with the same id', async () => {
      const seen: BusEvent[] = [];
      let failures = 0;
      await bus.subscribe('test.retry.v1', 'retry', async (e) => {
        seen.push(e);
        if (failures < 2) {
          failures++;
          throw new Error('transient');
        }
      });
      const ev = await bus.publish('test.retry.v1', { x: 1 }, { id: 'fixed-id-1' });
      await until(() => seen.length === 3);
      assert.ok(seen.every((s) => s.id === ev.id));
    });
  });
}

contract('memory', async () => new MemoryBus());

describe('NATS JetStream', () => {
  let nats: Awaited<ReturnType<typeof startNats>>;
  before(async () => {
    nats = await startNats();
  });
  after(async () => nats.stop());
  contract('nats', async () => NatsBus.connect(nats.url));

  it('keeps events published while a consumer is down and de-duplicates a re-published event id', async () => {
    const publisher = await NatsBus.connect(nats.url, 'DURABLE');
    await publisher.publish('late.v1', { n: 1 }, { id: 'evt-1' });
    await publisher.publish('late.v1', { n: 1 }, { id: 'evt-1' });
    await publisher.publish('late.v1', { n: 2 }, { id: 'evt-2' });
    const consumer = await NatsBus.connect(nats.url, 'DURABLE');
    try {
      const got: number[] = [];
      await consumer.subscribe<{ n: number }>('late.v1', 'late-reader', async (e) => void got.push(e.data.n));
      await until(() => got.length >= 2);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(got, [1, 2]);
    } finally {
      await publisher.close();
      await consumer.close();
    }
  });
});
