import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type CameraFrame, FrameHub } from './frame-hub';

/**
 * Frame buffers go back to the camera only when every subscriber the frame went to is done with it (issue 14: no
 * allocation per frame on an idle gate), and never while a subscriber may still read them.
 */
const frame = (n: number): CameraFrame => ({ cameraId: 'cam', at: new Date(n), width: 1, height: 1, rgb: new Uint8Array([n, n, n]) as Buffer });
const settle = () => new Promise((r) => setImmediate(r));

it('gives a buffer back once every subscriber released it; a subscriber that never releases keeps it', async () => {
  const hub = new FrameHub();
  const released: number[] = [];
  const seenA: CameraFrame[] = [];
  const stopA = hub.subscribe('cam', (f) => {
    seenA.push(f);
    hub.doneWith(f.rgb);
  });
  const stopB = hub.subscribe('cam', () => undefined, { queueSize: 10 });
  hub.publish(frame(1), () => released.push(1));
  await settle();
  assert.equal(seenA.length, 1);
  assert.equal(released.length, 0, 'B never released it');
  stopB();
  hub.publish(frame(2), () => released.push(2));
  await settle();
  assert.deepEqual(released, [2], 'A alone released it');
  stopA();
  hub.publish(frame(3), () => released.push(3));
  assert.deepEqual(released, [2, 3], 'nobody subscribed: given back at once');
});

it('a frame dropped from a full queue or left in a queue at unsubscribe counts as done for that subscriber', async () => {
  const hub = new FrameHub();
  const released: number[] = [];
  let unblock: () => void = () => undefined;
  const blocked = new Promise<void>((r) => {
    unblock = r;
  });
  const stop = hub.subscribe('cam', () => blocked, { queueSize: 1 });
  for (const n of [1, 2, 3]) hub.publish(frame(n), () => released.push(n));
  // 1 is being handled, 2 was pushed out by 3.
  assert.deepEqual(released, [2]);
  stop();
  assert.deepEqual(released, [2, 3], 'the queued frame goes back at unsubscribe');
  unblock();
  await settle();
  assert.deepEqual(released, [2, 3], 'the frame in the handler was never released by it');
  hub.doneWith(new Uint8Array(3));
  assert.deepEqual(released, [2, 3], 'an unknown buffer is ignored');
});
