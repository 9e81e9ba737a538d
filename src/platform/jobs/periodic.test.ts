import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodic } from './periodic';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('periodic', () => {
  it('never overlaps a run, logs a failure and goes on, and stop waits for the run in flight', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    let finished = 0;
    const warnings: string[] = [];
    const stop = periodic(
      'test-job',
      5,
      async () => {
        runs++;
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(30);
        running--;
        finished++;
        if (runs === 1) throw new Error('first run fails');
      },
      { warn: (o, m) => warnings.push(`${(o as { job: string }).job}: ${m}`) },
    );
    await sleep(100);
    await stop();
    assert.equal(maxRunning, 1, 'one run at a time');
    assert.ok(runs >= 2, 'the job runs again after a failure');
    assert.equal(finished, runs, 'stop waited for the run in flight');
    assert.deepEqual(warnings, ['test-job: background job failed']);
    const after = runs;
    await sleep(30);
    assert.equal(runs, after, 'no run after stop');
  });
});
