/**
 * What a gate camera costs when nobody is there (npm run bench:gate-idle [-- --minutes 10] [--baseline-minutes 2]
 * [--camera-minutes 5] [--loops 2] [--only camera,idle,idle-ungated,passes,passes-ungated] [--no-record]), appended to
 * bench/RESULTS.md. One running server (startTestApp, PGlite, real models, the demo's cameras off), one camera at a
 * time over the GStreamer RTSP server:
 * 0. the same empty stream as a camera with recognition off (recording + live only) for `--camera-minutes`: what the
 *    camera costs as such, so the gate's own marginal cost (1. minus 0.) is separated from the camera's;
 * 1. an empty gate (a static scene with sensor noise, 720p H.264 25 fps) for `--minutes`, motion gating as shipped;
 * 2. the same with gating disabled (the detector on every new frame), for `--baseline-minutes` — the baseline;
 * 3. the standard gate video with passes (test/helpers/gate-video.ts) for `--loops` loops, gated and then ungated:
 *    CPU and the pass-detection rate (a pass is detected when it has a sighting), so no pass is missed because of
 *    the gating.
 * CPU: the server process (process.cpuUsage: main thread, the face engine's worker threads, PGlite) and, separately,
 * the camera's ffmpeg ingest process (/proc/<pid>/stat), as % of one core over the window.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cameraServices } from '../src/modules/cameras';
import { stopDemoSource } from '../src/modules/cameras/demo';
import { recognitionRuntime } from '../src/modules/recognition';
import { buildEmptyVideo, buildGateVideo, expectations, type GateVideo, STANDARD_DEBOUNCE_S, STANDARD_SCRIPT } from '../test/helpers/gate-video';
import { waitFor } from '../test/helpers/wait';
import { RtspTestServer } from '../test/rtsp/rtsp-server';
import { disableCamera, type GateSession, serveGate, startGateSession, stopAndDrain, waitForLoops } from '../test/rtsp/gate-session';
import { gateRows, gateStatsOf, outcomesOfLoop, type SeenLoop } from '../test/rtsp/gate-stream';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'baseline-minutes': { type: 'string' },
    loops: { type: 'string', default: '2' },
    'camera-minutes': { type: 'string' },
    only: { type: 'string' },
    'no-record': { type: 'boolean', default: false },
  },
});
const MINUTES = Number(args.minutes);
const BASELINE_MINUTES = args['baseline-minutes'] !== undefined ? Number(args['baseline-minutes']) : Math.min(2, MINUTES);
const CAMERA_MINUTES = args['camera-minutes'] !== undefined ? Number(args['camera-minutes']) : Math.min(5, MINUTES);
const LOOPS = Math.max(1, Number(args.loops));
const ONLY = args.only ? new Set(args.only.split(',')) : undefined;
const CLK_TCK = 100;

function ticks(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined; // ended
  }
}

/**
 * CPU ticks of the camera's ingest ffmpeg over a window, sampled every 2 s: the camera module restarts ffmpeg when it
 * stalls (a loaded host), so every process that read the stream during the window counts, from first to last sample.
 */
function ffmpegTicks(url: string): { stop(): number | null; pids(): number } {
  const seen = new Map<number, { first: number; last: number }>();
  const sample = () => {
    const pid = ffmpegReading(url);
    if (pid === undefined) return;
    const t = ticks(pid);
    if (t === undefined) return;
    const e = seen.get(pid);
    if (e) e.last = t;
    else seen.set(pid, { first: seen.size === 0 ? t : 0, last: t }); // a restarted process: all its ticks are in the window
  };
  sample();
  const timer = setInterval(sample, 2000);
  return {
    stop() {
      sample();
      clearInterval(timer);
      return seen.size ? [...seen.values()].reduce((n, e) => n + e.last - e.first, 0) : null;
    },
    pids: () => Math.max(1, seen.size),
  };
}

/**
 * CPU ticks of this process's threads by name (/proc/self/task): the main thread ("node"), V8's GC helpers
 * ("V8 DefaultWorke…"), libuv's pool ("libuv-worker"), worker threads; says where the server's CPU goes.
 */
function threadTicks(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    try {
      const comm = fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = tid === String(process.pid) ? 'main' : comm;
      out.set(name, (out.get(name) ?? 0) + Number(f[11]) + Number(f[12]));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

function threadShares(before: Map<string, number>, seconds: number): string {
  const after = threadTicks();
  return [...after]
    .map(([k, v]) => [k, ((v - (before.get(k) ?? 0)) / CLK_TCK / seconds) * 100] as const)
    .filter(([, v]) => v >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v.toFixed(2)} %`)
    .join(', ');
}

/** ffmpeg processes this process started (camera ingests), by pid. */
function ffmpegChildren(): number[] {
  const out: number[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('ffmpeg')) out.push(Number(pid));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}

/**
 * Nothing but the camera under test may run: the demo's cameras were seen still running (started again after the
 * session turned them off), which would count their ingest in every figure. Stops every running camera and waits
 * until no ffmpeg of ours is left.
 */
async function quietOthers(s: GateSession): Promise<void> {
  const runtime = cameraServices(s.t.ctx).runtime;
  for (const { id } of await s.t.ctx.db.query<{ id: string }>('SELECT id FROM cameras'))
    if (runtime.isRunning(id)) {
      await disableCamera(s.t, id);
      await runtime.stopCamera(id);
    }
  await stopDemoSource(s.t.ctx);
  await waitFor('no other camera running', async () => (ffmpegChildren().length === 0 ? true : undefined), 60_000, 500);
}

/** The ingest ffmpeg of this process reading `url` (its command line names the stream). */
function ffmpegReading(url: string): number | undefined {
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('ffmpeg') && cmd.includes(url)) return Number(pid);
    } catch {
      // ended meanwhile
    }
  }
  return undefined;
}

/**
 * Gating off for one running gate: the detector runs whenever the gate has a new (non-repeated) frame. The gate has
 * no public switch for it yet (asked of the pipeline's owner); its keep-alive interval set to 0 has the same effect.
 */
function disableGating(s: GateSession, cameraId: string): void {
  const rt = recognitionRuntime(s.t.ctx) as unknown as { pipelines: Map<string, { gate?: { options: { keepAliveMs: number } } }> };
  const gate = rt.pipelines.get(cameraId)?.gate;
  if (!gate) throw new Error('the gate has not started');
  // In place: the pipeline's frame intake holds the same options object.
  gate.options.keepAliveMs = 0;
}

interface Phase {
  name: string;
  seconds: number;
  nodePct: number;
  ffmpegPct: number | null;
  frames: number;
  analysed: number;
  skippedNoMotion: number;
  duplicates: number;
  ffmpegRestarts: number;
  /** CPU seconds of the server process over the window (load-robust, unlike the share of wall time). */
  cpuSeconds: number;
  segments?: number;
  /** The server's CPU by thread (/proc/self/task), % of a core. */
  threads: string;
  passes?: { judged: number; detected: number; auto: number; review: number };
}

/**
 * The same stream as a camera with recognition off (recording and live only: ffmpeg copies the stream and decodes
 * nothing): the camera's own cost, against which the gate's marginal cost is read.
 */
async function cameraOnly(s: GateSession, video: GateVideo, minutes: number): Promise<Phase> {
  await quietOthers(s);
  const rtsp = await RtspTestServer.start({ gate: `loop:${video.file}` });
  const cam = await s.office.send('POST', '/api/cameras', {
    name: 'Cổng — chỉ ghi hình',
    locationType: 'GATE',
    unitId: s.gateUnitId,
    mainUrl: rtsp.url('gate'),
    direction: 'IN',
    recognitionAllowed: false,
    segmentSeconds: 4,
  });
  if (cam.statusCode !== 201) throw new Error(`camera: ${cam.statusCode} ${cam.body}`);
  const cameraId = (cam.json() as { id: string }).id;
  const segments = async () => Number((await s.t.ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM recording_segments WHERE camera_id = $1', [cameraId]))[0]?.n ?? 0);
  // Warm-up as for the gate: the stream is up and recording (two segments indexed).
  await waitFor('the camera to record', async () => ((await segments()) >= 2 ? true : undefined), 180_000, 500);
  const ff = ffmpegTicks(rtsp.url('gate'));
  if (ffmpegChildren().length !== 1) throw new Error(`another camera is running: ${ffmpegChildren().length} ffmpeg processes`);
  const before = { cpu: process.cpuUsage(), at: performance.now(), segments: await segments(), threads: threadTicks() };
  await new Promise((r) => setTimeout(r, minutes * 60_000)); // a measuring window, not a wait for an event
  const cpu = process.cpuUsage(before.cpu);
  const seconds = (performance.now() - before.at) / 1000;
  const ffTicks = ff.stop();
  const threads = threadShares(before.threads, seconds);
  const indexed = (await segments()) - before.segments;
  await rtsp.stop();
  await disableCamera(s.t, cameraId);
  const out: Phase = {
    name: 'Camera only (recognition off)',
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    nodePct: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
    ffmpegPct: ffTicks === null ? null : (ffTicks / CLK_TCK / seconds) * 100,
    ffmpegRestarts: ff.pids() - 1,
    frames: 0,
    analysed: 0,
    skippedNoMotion: 0,
    duplicates: 0,
    segments: indexed,
    threads,
  };
  console.log(JSON.stringify(out));
  return out;
}

async function phase(s: GateSession, video: GateVideo, name: string, gated: boolean, window: { minutes?: number; loops?: number }): Promise<Phase> {
  await quietOthers(s);
  const spec = video.streamFps === 25 ? `loop:${video.file}` : `loopfps:${video.streamFps}:${video.file}`;
  const g = await serveGate(s, video, spec, name, window.loops !== undefined);
  // Warm-up: the stream is up, the gate has started and had 10 s of frames.
  await waitFor('the gate to run', async () => ((gateStatsOf(s.t, g.cameraId)?.frames ?? 0) >= 50 ? true : undefined), 180_000, 500);
  if (!gated) disableGating(s, g.cameraId);
  const ff = ffmpegTicks(g.rtsp.url('gate'));
  if (ffmpegChildren().length !== 1) throw new Error(`another camera is running: ${ffmpegChildren().length} ffmpeg processes`);
  const before = { cpu: process.cpuUsage(), at: performance.now(), stats: gateStatsOf(s.t, g.cameraId), threads: threadTicks() };
  let loops: SeenLoop[] | undefined;
  if (window.loops !== undefined) loops = await waitForLoops(g, video, window.loops);
  else await new Promise((r) => setTimeout(r, (window.minutes ?? 1) * 60_000)); // a measuring window, not a wait for an event
  const cpu = process.cpuUsage(before.cpu);
  const seconds = (performance.now() - before.at) / 1000;
  const ffTicks = ff.stop();
  const threads = threadShares(before.threads, seconds);
  const after = gateStatsOf(s.t, g.cameraId);
  const stats = await stopAndDrain(s, g);
  const d = (k: 'frames' | 'analysed' | 'skippedNoMotion' | 'duplicates') => (after?.[k] ?? 0) - (before.stats?.[k] ?? 0);
  const out: Phase = {
    name,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    nodePct: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
    ffmpegPct: ffTicks === null ? null : (ffTicks / CLK_TCK / seconds) * 100,
    ffmpegRestarts: ff.pids() - 1,
    frames: d('frames'),
    analysed: d('analysed'),
    skippedNoMotion: d('skippedNoMotion'),
    duplicates: d('duplicates'),
    threads,
  };
  if (loops) {
    const rows = await gateRows(s.t, g.cameraId);
    const expected = expectations(video.passes, STANDARD_DEBOUNCE_S);
    const p = { judged: 0, detected: 0, auto: 0, review: 0 };
    for (const loop of loops)
      for (const [i, o] of outcomesOfLoop(video, loop, rows).passes.entries()) {
        // Repeats inside the debounce window may be folded into the earlier pass by design: not judged here.
        if (o.framesWithFace === 0 || expected[i] === 'debounced') continue;
        p.judged++;
        if (o.sightings.length > 0) p.detected++;
        if (o.punches.length > 0) p.auto++;
        else if (o.reviews.length > 0) p.review++;
      }
    out.passes = p;
  }
  console.log(JSON.stringify({ ...out, stats }));
  return out;
}

const wanted = (name: string) => !ONLY || ONLY.has(name);

async function main() {
  const load0 = os.loadavg();
  const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-gate-idle-'));
  const s = await startGateSession({ enrolled: 4, strangers: 2, debounceS: STANDARD_DEBOUNCE_S });
  try {
    const empty = await buildEmptyVideo(path.join(dir, 'empty.h264'), 10, 25, 3);
    const needPasses = wanted('passes') || wanted('passes-ungated');
    const busy = needPasses
      ? await buildGateVideo({ file: path.join(dir, 'gate.h264'), cast: s.cast, script: STANDARD_SCRIPT, leadS: 3, sourceFps: 5, streamFps: 25, noise: 2 })
      : undefined;
    const engine = await recognitionRuntime(s.t.ctx).engine();
    const camera = wanted('camera') ? await cameraOnly(s, empty, CAMERA_MINUTES) : undefined;
    const idle = wanted('idle') ? await phase(s, empty, 'Cổng trống — có lọc chuyển động', true, { minutes: MINUTES }) : undefined;
    const idleBase = wanted('idle-ungated') ? await phase(s, empty, 'Cổng trống — không lọc', false, { minutes: BASELINE_MINUTES }) : undefined;
    const passes = busy && wanted('passes') ? await phase(s, busy, 'Cổng có người — có lọc', true, { loops: LOOPS }) : undefined;
    const passesBase = busy && wanted('passes-ungated') ? await phase(s, busy, 'Cổng có người — không lọc', false, { loops: LOOPS }) : undefined;
    const load1 = os.loadavg();
    const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(2)} %`);
    const rate = (p: Phase) => (p.passes ? `; ${p.passes.detected}/${p.passes.judged} passes detected (${p.passes.auto} punched, ${p.passes.review} to review)` : '');
    const gate = (p: Phase) =>
      p.segments !== undefined
        ? `no decoding; ${p.segments} segments indexed`
        : `${p.analysed}/${p.frames} analysed, ${p.skippedNoMotion} skipped (no motion), ${p.duplicates} repeats${rate(p)}`;
    const vs = (p: Phase | undefined, base: Phase | undefined, what: string) => (p && base ? `${pct(p.nodePct - base.nodePct)} over ${what}` : '—');
    const row = (label: string, p: Phase | undefined, compare: string) =>
      p
        ? `| ${label} | ${(p.seconds / 60).toFixed(1)} min | ${pct(p.nodePct)} (${p.cpuSeconds.toFixed(1)} CPU s) | ${pct(p.ffmpegPct)}${p.ffmpegRestarts ? ` (restarted ${p.ffmpegRestarts}×)` : ''} | ${gate(p)} | ${compare} |`
        : '';
    const md = `
## Gate camera CPU with nobody in view (bench/gate-idle.bench.ts) — ${startedAt} UTC

Machine: ${os.cpus().length} cores, Node ${process.version}; load average (1/5/15 min) ${load0.map((l) => l.toFixed(1)).join(' / ')} at start,
${load1.map((l) => l.toFixed(1)).join(' / ')} at end (shared with other jobs). Engine \`${engine.meta.engine}\`, ${engine.threads} thread(s). One camera at a
time (demo cameras off): 1280×720 H.264 25 fps over the GStreamer RTSP server, 4-second segments; a gate analyses 5 frames/s
at 640×360. Empty gate = a static scene with sensor noise (ffmpeg \`noise=alls=3:allf=t\`)${busy ? `; passes = the standard gate video (${busy.passes.length} passes a loop, ${LOOPS} loop(s))` : ''}.
"node" = the whole server process (process.cpuUsage: main thread, face engine workers, PGlite; CPU seconds in brackets,
the load-robust figure), "ffmpeg" = the camera's ingest process (/proc, sampled every 2 s, restarts included).
Baselines in the same run: the same stream as a camera with recognition off (recording + live only: the camera as such),
and gating disabled (the detector on every new frame). The gate's own cost = gate row − camera-only row.

| phase | window | node, % of a core | ffmpeg, % of a core | gate | compared |
|---|---|---|---|---|---|
${[
  row('camera only, recognition off (baseline)', camera, '—'),
  row('empty gate, gating on', idle, camera && idle ? `gate's marginal cost: ${vs(idle, camera, 'camera only')} node, ${pct((idle?.ffmpegPct ?? 0) - (camera.ffmpegPct ?? 0))} ffmpeg` : '—'),
  row('empty gate, gating off (baseline)', idleBase, vs(idleBase, camera, 'camera only')),
  row('passes, gating on', passes, vs(passes, camera, 'camera only')),
  row('passes, gating off (baseline)', passesBase, vs(passesBase, camera, 'camera only')),
]
  .filter(Boolean)
  .join('\n')}

Server CPU by thread (/proc/self/task, % of a core): ${[
      ['camera only', camera],
      ['empty gate, gating on', idle],
      ['empty gate, gating off', idleBase],
    ]
      .filter((x): x is [string, Phase] => x[1] !== undefined)
      .map(([k, p]) => `${k}: ${p.threads}`)
      .join('; ')}.
`;
    console.log(md);
    if (!args['no-record']) fs.appendFileSync(path.join(here, 'RESULTS.md'), md);
  } finally {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
