import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startNats } from '../../../test/helpers/nats';
import { waitFor } from '../../../test/helpers/wait';
import { buildContext } from '../../app/container';
import type { AppContext } from '../module';
import { loadConfig } from '../../config/config';

/**
 * Issue 11, F15: two installs sharing one NATS server keep their events apart when each has its own KC_NATS_STREAM
 * (before, the stream name was fixed, so the second install's consumers took the first one's events).
 */
describe('two installs on one NATS server', () => {
  let nats: Awaited<ReturnType<typeof startNats>>;
  const installs: AppContext[] = [];
  const dirs: string[] = [];
  const install = async (stream: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-nats-'));
    dirs.push(dir);
    const ctx = await buildContext(
      loadConfig({ KC_DATA_DIR: dir, KC_BUS: 'nats', NATS_URL: nats.url, KC_NATS_STREAM: stream, KC_LOG_LEVEL: 'silent' }),
    );
    installs.push(ctx);
    return ctx;
  };
  before(async () => {
    nats = await startNats();
  });
  after(async () => {
    for (const ctx of installs) {
      await ctx.bus.close();
      await ctx.db.close();
    }
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    await nats.stop();
  });

  it('each install consumes only its own events, with the same durable names', async () => {
    const a = await install('XA_THONGTHU');
    const b = await install('XA_TIENPHONG');
    assert.match(a.bus.description, /stream XA_THONGTHU/);
    const gotA: string[] = [];
    const gotB: string[] = [];
    await a.bus.subscribe<{ from: string }>('violations.opened.v1', 'notifications', async (e) => void gotA.push(e.data.from));
    await b.bus.subscribe<{ from: string }>('violations.opened.v1', 'notifications', async (e) => void gotB.push(e.data.from));
    await a.bus.publish('violations.opened.v1', { from: 'A' });
    await b.bus.publish('violations.opened.v1', { from: 'B' });
    await a.bus.publish('violations.opened.v1', { from: 'A' });
    await waitFor('both installs received their events', async () => (gotA.length >= 2 && gotB.length >= 1 ? true : undefined), 15_000);
    // A third event lets any stray cross-delivery arrive before the final check.
    await b.bus.publish('violations.opened.v1', { from: 'B' });
    await waitFor('B got its second event', async () => (gotB.length >= 2 ? true : undefined), 15_000);
    assert.deepEqual(gotA, ['A', 'A']);
    assert.deepEqual(gotB, ['B', 'B']);
  });

  it('refuses a stream name NATS cannot hold', () => {
    assert.throws(() => loadConfig({ KC_NATS_STREAM: 'kycuong.prod' }), /KC_NATS_STREAM/);
  });
});
