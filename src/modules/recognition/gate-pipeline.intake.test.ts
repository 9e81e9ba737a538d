import assert from 'node:assert/strict';
import { it } from 'node:test';
import { FrameIntake } from './gate-pipeline.intake';
import { GateStatsKeeper } from './gate-pipeline.stats';

const opts = { maxLagMs: 2000, keepAliveMs: 10_000, resyncBackMs: 30_000, resyncFrames: 5 };

it('drops lagging, backward and same-time frames, and restarts the timeline after a lasting jump back', () => {
  const keeper = new GateStatsKeeper(new Date(0));
  const intake = new FrameIntake(keeper, opts, undefined);
  const img = { width: 64, height: 36, data: new Uint8Array(64 * 36 * 3) };
  const feed = (at: number, now = at) => {
    const r = intake.timestamp(at, now);
    if (r.kind !== 'drop') intake.content({ ...img, data: img.data.map(() => (at / 10) % 256) }, at, now);
    return r.kind;
  };
  assert.equal(feed(100_000), 'analyse');
  assert.equal(feed(100_000), 'drop');
  assert.equal(feed(99_000), 'drop');
  assert.equal(feed(101_000, 104_000), 'drop', 'lags 3 s behind');
  // The camera's clock jumped back an hour and stays there: the first such frame restarts the timeline.
  assert.equal(feed(100_000 - 3_600_000, 100_000 - 3_600_000), 'reset');
  intake.restart();
  // A small step back repeated resyncFrames times also restarts it.
  assert.equal(feed(200_000), 'analyse');
  for (let i = 1; i < 5; i++) assert.equal(feed(199_000 + i), 'drop');
  assert.equal(feed(199_500), 'reset');
  const s = keeper.snapshot();
  assert.deepEqual({ frames: s.frames, dropped: s.dropped, outOfOrder: s.outOfOrder, duplicates: s.duplicates }, { frames: 11, dropped: 1, outOfOrder: 7, duplicates: 1 });
});

it('a camera whose clock is an hour behind the server is not dropped as lagging; a growing backlog still is', () => {
  const keeper = new GateStatsKeeper(new Date(0));
  const intake = new FrameIntake(keeper, opts, undefined);
  const img = { width: 64, height: 36, data: new Uint8Array(64 * 36 * 3) };
  const hour = 3_600_000;
  for (let i = 0; i < 10; i++) {
    const r = intake.timestamp(i * 200, hour + i * 200 + 50);
    assert.equal(r.kind, 'analyse');
    intake.content(img, i * 200, hour + i * 200 + 50);
  }
  assert.equal(intake.timestamp(2000, hour + 2000 + 3000).kind, 'drop', '3 s behind the others');
  assert.equal(keeper.snapshot().dropped, 1);
});
