import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunningFaceEngine } from '../../ports/face-engine';
import { lazyFaceEngine } from './engine-provider';

/** Enough of an engine to count starts and closes. */
function fakeEngine(closed: { n: number }): RunningFaceEngine {
  return { threads: 1, close: async () => void closed.n++ } as unknown as RunningFaceEngine;
}

describe('lazyFaceEngine', () => {
  it('starts nothing until asked, shares one start, closes it and starts again after close', async () => {
    let starts = 0;
    const closed = { n: 0 };
    const faces = lazyFaceEngine(async () => {
      starts++;
      return fakeEngine(closed);
    });
    assert.equal(starts, 0, 'no engine before the first get()');
    const [a, b] = await Promise.all([faces.get(), faces.get()]);
    assert.equal(a, b);
    assert.equal(starts, 1);
    await faces.close();
    assert.equal(closed.n, 1);
    await faces.close();
    assert.equal(closed.n, 1, 'closing twice closes once');
    await faces.get();
    assert.equal(starts, 2, 'a get() after close starts a new engine');
  });

  it('a failed start is the answer until close, which then succeeds', async () => {
    let starts = 0;
    const faces = lazyFaceEngine(async () => {
      starts++;
      throw new Error('no model');
    });
    await assert.rejects(faces.get(), /no model/);
    await assert.rejects(faces.get(), /no model/);
    assert.equal(starts, 1);
    await faces.close();
    await assert.rejects(faces.get(), /no model/);
    assert.equal(starts, 2);
  });
});
