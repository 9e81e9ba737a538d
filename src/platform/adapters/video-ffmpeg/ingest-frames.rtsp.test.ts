import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { waitFor } from '../../../../test/helpers/wait';
import { RtspTestServer } from '../../../../test/rtsp/rtsp-server';
import type { ClosedSegment, IngestState, SampledFrame } from '../../ports/video';
import { ingestArgs, LOW_DELAY_DECODE } from './args';
import { FfmpegSupervisor } from './supervisor';

/**
 * Analysis frames of a camera's ingest (one ffmpeg: recording segments + live fMP4 + frames) against the GStreamer RTSP
 * server: whole frames in buffers of their own (never overwritten by later frames), on the camera's timeline, beside
 * the recording and the live stream, again after an outage; through the FIFO (default) and through fd 3 (fallback).
 */
const FRAMES = { fps: 5, width: 320, height: 180 };
const FRAME_BYTES = FRAMES.width * FRAMES.height * 3;
const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const via of ['fifo', 'pipe'] as const) {
  describe(`analysis frames through ${via === 'fifo' ? 'a FIFO' : 'fd 3'}`, () => {
    let rtsp: RtspTestServer;
    let dir: string;
    let worker: FfmpegSupervisor;
    const frames: Array<{ frame: SampledFrame; sum: string }> = [];
    const segments: ClosedSegment[] = [];
    const states: IngestState['kind'][] = [];
    let fragments = 0;

    before(async () => {
      rtsp = await RtspTestServer.start({ cam: 'ball:640x360:25:25' });
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-ingest-frames-'));
      const source = { url: rtsp.url('cam') };
      worker = new FfmpegSupervisor(
        {
          ffmpeg: 'ffmpeg',
          source,
          buildArgs: (runId, output) => ingestArgs({ source, segmentDir: dir, segmentSeconds: 2, runId, frames: { ...FRAMES, output } }),
          segmentDir: dir,
          frames: FRAMES,
          framesVia: via,
          codecs: ['h264'],
          stallSeconds: 12,
          backoff: { firstMs: 200, maxMs: 1000, offlineAfterMs: 60_000, offlineRetryMs: 1000 },
          errorRetryMs: 60_000,
        },
        {
          onState: (s) => states.push(s.kind),
          onSegment: (s) => segments.push(s),
          onLiveInit: () => undefined,
          onLiveFragment: () => {
            fragments++;
          },
          onFrame: (frame) => frames.push({ frame, sum: hash(frame.rgb) }),
        },
      );
    });

    after(async () => {
      await worker?.stop();
      await rtsp?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('delivers whole frames on the camera timeline beside segments and live fragments; no buffer is reused', async () => {
      await waitFor('15 frames, a segment and live fragments', async () => (frames.length >= 15 && segments.length >= 1 && fragments > 0 ? true : undefined), 60_000);
      const seen = new Set<ArrayBufferLike>();
      for (const [i, { frame, sum }] of frames.entries()) {
        assert.equal(frame.rgb.length, FRAME_BYTES);
        assert.equal(frame.width, FRAMES.width);
        // Still what it was when delivered: later frames were read into buffers of their own.
        assert.equal(hash(frame.rgb), sum, `frame ${i} unchanged`);
        assert.ok(!seen.has(frame.rgb.buffer), `frame ${i} has its own memory`);
        seen.add(frame.rgb.buffer);
        const prev = frames[i - 1]?.frame;
        if (prev) assert.equal(frame.at.getTime() - prev.at.getTime(), 1000 / FRAMES.fps, `frame ${i} 200 ms after the one before`);
      }
      // The ball moves: the frames are pictures of the stream, not one frame repeated.
      assert.ok(new Set(frames.map((f) => f.sum)).size > frames.length / 2);
    });

    it('resumes the frames after an outage (the next ffmpeg run reads a new stream)', async () => {
      await rtsp.stop();
      await waitFor('the camera to be down', async () => (states.includes('reconnecting') ? true : undefined), 60_000);
      const before = frames.length;
      await rtsp.start();
      await waitFor('10 frames after the outage', async () => (frames.length >= before + 10 ? true : undefined), 60_000);
      for (const { frame } of frames.slice(before)) assert.equal(frame.rgb.length, FRAME_BYTES);
    });

    if (via === 'fifo')
      it('refills a buffer given back (release) for a later frame, and only such a buffer', async () => {
        const kept = frames.at(-1) as { frame: SampledFrame; sum: string };
        const from = frames.length;
        // Give back the next 6 frames' buffers as they arrive (as the gate does for frames it skips).
        let given = 0;
        const givenBack = new Set<ArrayBufferLike>();
        const poll = setInterval(() => {
          for (const f of frames.slice(from)) {
            if (givenBack.has(f.frame.rgb.buffer) || given >= 6) continue;
            givenBack.add(f.frame.rgb.buffer);
            given++;
            f.frame.release?.();
          }
        }, 50);
        try {
          await waitFor('a later frame in a buffer given back', async () => (frames.slice(from + 1).some((f, i) => frames.slice(from, from + 1 + i).some((g) => g.frame.rgb.buffer === f.frame.rgb.buffer)) ? true : undefined), 60_000);
        } finally {
          clearInterval(poll);
        }
        assert.equal(hash(kept.frame.rgb), kept.sum, 'a frame never given back is never overwritten');
      });

    if (via === 'fifo')
      it('removes its FIFO when stopped', async () => {
        const fifo = (worker as unknown as { fifo?: { path: string } }).fifo;
        assert.ok(fifo && fs.statSync(fifo.path).isFIFO(), 'frames come through a FIFO');
        await worker.stop();
        assert.equal(fs.existsSync(path.dirname(fifo.path)), false);
      });
  });
}

it('decodes analysis frames without frame-threading delay; a camera without frames decodes nothing', () => {
  const source = { url: 'rtsp://127.0.0.1:1/x' };
  const withFrames = ingestArgs({ source, segmentDir: '/tmp/x', segmentSeconds: 4, runId: '1', frames: { ...FRAMES, output: '/tmp/f' } });
  const i = withFrames.indexOf('-i');
  const t = withFrames.indexOf(LOW_DELAY_DECODE[0] as string);
  assert.ok(t >= 0 && t < i, 'slice threading is an input (decoder) option');
  assert.equal(withFrames.at(-1), '/tmp/f');
  assert.ok(withFrames.includes('-y'), 'ffmpeg may open the existing FIFO');
  const without = ingestArgs({ source, segmentDir: '/tmp/x', segmentSeconds: 4, runId: '1' });
  assert.ok(!without.includes('-y') && !without.includes(LOW_DELAY_DECODE[0] as string));
});
