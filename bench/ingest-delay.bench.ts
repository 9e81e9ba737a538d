/**
 * How late analysis frames reach the server (issue 14: frames reached the gate ≈ 450 ms after their camera time, a
 * 1 fps camera's ≈ 4 s). npm run bench:ingest-delay [-- --seconds 20] [--no-record]; appended to bench/RESULTS.md.
 *
 * ffmpeg encodes a test picture carrying the wall clock as a 32-bit barcode (stamped when the frame is made, as in
 * bench/video.bench.ts), sends RTP to the GStreamer RTSP server, which serves it as a camera; the video adapter's
 * ingest (the same process a camera runs: recording segments, live fMP4, analysis frames) reads it, and each analysis
 * frame's barcode is compared with the moment the frame was handed to the server (same machine, same clock):
 * - made → handed out: the whole delay a person at the gate sees (encoder, RTP, RTSP, ingest, pipe);
 * - camera time → handed out: what the gate sees (`frame.at`, the wall clock when its packets arrived);
 * - made → camera time: how far the frame's camera time is from the moment it was made.
 * Once for a 25 fps camera and once for a 1 fps camera, each with 5 analysed frames/s at 640×360.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FfmpegVideoEngine } from '../src/platform/adapters/video-ffmpeg';
import { ingestArgs } from '../src/platform/adapters/video-ffmpeg/args';
import { spawnTied } from '../src/platform/adapters/video-ffmpeg/tied-spawn';
import { FfmpegSupervisor } from '../src/platform/adapters/video-ffmpeg/supervisor';
import type { IngestHandlers, SampledFrame } from '../src/platform/ports/video';
import { freePort, RtspTestServer } from '../test/rtsp/rtsp-server';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    'no-record': { type: 'boolean', default: false },
    // Diagnosis: extra ffmpeg input options (space-separated) put before `-i`, to try a setting without editing the adapter.
    'input-flags': { type: 'string' },
    // Also measure the ingest as it was before issue 14's change (frame-threaded decoder, frames through fd 3), in the
    // same run and under the same load, alternating with the current one.
    compare: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);

/** The wall clock in ms (mod 2^32) from the barcode in rows 0–23, 20 px per bit (read on row 12). */
function readClock(f: SampledFrame): number {
  let value = 0;
  for (let b = 0; b < 32; b++) {
    const x = b * 20 + 10;
    if ((f.rgb[(12 * f.width + x) * 3] as number) > 128) value += 2 ** b;
  }
  return value;
}

function sinceClock(now: number, clock: number): number {
  let d = (now % 4294967296) - clock;
  if (d < 0) d += 4294967296;
  return d;
}

interface Run {
  label: string;
  cameraFps: number;
  frames: number;
  made: number[];
  cameraTime: number[];
  stamp: number[];
}

async function measure(cameraFps: number, seconds: number, variant: 'now' | 'before' = 'now'): Promise<Run> {
  const udp = await freePort();
  const rtsp = await RtspTestServer.start({ clock: `udp:${udp}` });
  const bar = `if(lt(Y,24),255*mod(floor(mod(floor(T*1000),4294967296)/pow(2,floor(X/20))),2),lum(X,Y))`;
  // Tied to this process: a bench stopped half-way must not leave an encoder loading the host (one ran 35 min once).
  const encoder: ChildProcess = spawnTied(
    'ffmpeg',
    [
      ...['-loglevel', 'error', '-re', '-f', 'lavfi', '-i', `testsrc2=size=640x360:rate=${cameraFps}`],
      ...['-vf', `settb=1/1000,setpts=RTCTIME/1000,geq=lum='${bar}':cb='if(lt(Y,12),128,cb(X,Y))':cr='if(lt(Y,12),128,cr(X,Y))'`],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(Math.max(2, cameraFps * 2)), '-b:v', '1500k'],
      ...['-pix_fmt', 'yuv420p', '-f', 'rtp', '-pkt_size', '1200', `rtp://127.0.0.1:${udp}`],
    ],
    { stdio: 'ignore' },
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-ingest-delay-'));
  const run: Run = { label: variant === 'before' ? 'before (frame threads, fd 3)' : 'now', cameraFps, frames: 0, made: [], cameraTime: [], stamp: [] };
  let firstAt: number | undefined;
  let lastClock = -1;
  let finish: () => void = () => undefined;
  const done = new Promise<void>((r) => {
    finish = r;
  });
  const source = { url: rtsp.url('clock') };
  const frames = { fps: 5, width: 640, height: 360 };
  const extra = args['input-flags']?.split(' ').filter(Boolean) ?? [];
  // ffmpeg's default decoder threading (the later -thread_type wins over the adapter's).
  if (variant === 'before') extra.push('-thread_type', 'frame');
  const handlers: IngestHandlers = {
      onState: () => undefined,
      onSegment: () => undefined,
      onLiveInit: () => undefined,
      onLiveFragment: () => undefined,
      onFrame: (f) => {
        const now = Date.now();
        run.frames++;
        firstAt ??= now;
        // The first 3 s are the connection's start-up; a 1 fps camera's frame is handed out 5 times: its first counts.
        const clock = readClock(f);
        if (now - firstAt < 3000 || clock === lastClock) return;
        lastClock = clock;
        const made = sinceClock(now, clock);
        if (made > 60_000) return; // an unreadable barcode
        run.made.push(made);
        run.cameraTime.push(now - f.at.getTime());
        run.stamp.push(made - (now - f.at.getTime()));
        if (now - firstAt >= (seconds + 3) * 1000) finish();
      },
  };
  const worker = extra.length
    ? new FfmpegSupervisor(
        {
          ffmpeg: 'ffmpeg',
          source,
          buildArgs: (runId, output) => {
            const a = ingestArgs({ source, segmentDir: dir, segmentSeconds: 4, runId, frames: { ...frames, output } });
            a.splice(a.indexOf('-i'), 0, ...extra);
            return a;
          },
          segmentDir: dir,
          frames,
          framesVia: variant === 'before' ? 'pipe' : 'fifo',
          codecs: ['h264'],
          stallSeconds: 12,
          backoff: { firstMs: 500, maxMs: 2000, offlineAfterMs: 60_000, offlineRetryMs: 10_000 },
          errorRetryMs: 60_000,
        },
        handlers,
      )
    : new FfmpegVideoEngine().startIngest({ cameraId: 'bench', source, segmentDir: dir, segmentSeconds: 4, frames }, handlers);
  try {
    await done;
  } finally {
    await worker.stop();
    encoder.kill('SIGKILL');
    await rtsp.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return run;
}

function q(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
}

async function main() {
  const load0 = os.loadavg();
  const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const runs: Run[] = [];
  for (const [fps, seconds] of [
    [25, SECONDS],
    [1, Math.max(SECONDS, 30)],
  ] as const) {
    if (args.only && args.only !== String(fps)) continue;
    if (args.compare) runs.push(await measure(fps, seconds, 'before'));
    runs.push(await measure(fps, seconds));
  }
  const load1 = os.loadavg();
  const ms = (v: number[]) => `${q(v, 0.5).toFixed(0)} / ${q(v, 0.95).toFixed(0)} ms`;
  const rows = runs.map(
    (r) => `| ${r.cameraFps} fps, ${r.label} | ${r.made.length} | ${ms(r.made)} | ${ms(r.cameraTime)} | ${ms(r.stamp)} |`,
  );
  const md = `
## Analysis frames: delay from camera to server (bench/ingest-delay.bench.ts) — ${startedAt} UTC

Machine: ${os.cpus().length} cores, Node ${process.version}; load average (1/5/15 min) ${load0.map((l) => l.toFixed(1)).join(' / ')} at start,
${load1.map((l) => l.toFixed(1)).join(' / ')} at end. A 640×360 test picture carrying the wall clock as a barcode, x264 zerolatency → RTP →
GStreamer RTSP server → the video adapter's ingest (recording segments + live fMP4 + 5 analysis frames/s at 640×360, as a
gate camera runs) → handed to the server${args['input-flags'] ? ` (extra input flags \`${args['input-flags']}\`)` : ''}. Wall-clock delays (same machine, same clock), p50 / p95, distinct frames only.

| camera | frames | made → handed out | camera time → handed out (what the gate sees) | made → camera time |
|---|---|---|---|---|
${rows.join('\n')}
`;
  console.log(md);
  if (!args['no-record']) fs.appendFileSync(path.join(here, 'RESULTS.md'), md);
}

await main();
