/**
 * What a gate camera costs when nobody is there (npm run bench:gate-idle [-- --minutes 10] [--baseline-minutes 2]
 * [--loops 2] [--no-record]), appended to bench/RESULTS.md. One running server (startTestApp, PGlite, real models,
 * the demo's cameras off), one gate camera at a time over the GStreamer RTSP server:
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
import { recognitionRuntime } from '../src/modules/recognition';
import { buildEmptyVideo, buildGateVideo, expectations, type GateVideo, STANDARD_DEBOUNCE_S, STANDARD_SCRIPT } from '../test/helpers/gate-video';
import { waitFor } from '../test/helpers/wait';
import { type GateSession, serveGate, startGateSession, stopAndDrain, waitForLoops } from '../test/rtsp/gate-session';
import { gateRows, gateStatsOf, outcomesOfLoop, type SeenLoop } from '../test/rtsp/gate-stream';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'baseline-minutes': { type: 'string' },
    loops: { type: 'string', default: '2' },
    'no-record': { type: 'boolean', default: false },
  },
});
const MINUTES = Number(args.minutes);
const BASELINE_MINUTES = args['baseline-minutes'] !== undefined ? Number(args['baseline-minutes']) : Math.min(2, MINUTES);
const LOOPS = Math.max(1, Number(args.loops));
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
  passes?: { judged: number; detected: number; auto: number; review: number };
}

async function phase(s: GateSession, video: GateVideo, name: string, gated: boolean, window: { minutes?: number; loops?: number }): Promise<Phase> {
  const spec = video.streamFps === 25 ? `loop:${video.file}` : `loopfps:${video.streamFps}:${video.file}`;
  const g = await serveGate(s, video, spec, name, window.loops !== undefined);
  // Warm-up: the stream is up, the gate has started and had 10 s of frames.
  await waitFor('the gate to run', async () => ((gateStatsOf(s.t, g.cameraId)?.frames ?? 0) >= 50 ? true : undefined), 180_000, 500);
  if (!gated) disableGating(s, g.cameraId);
  const ff = ffmpegTicks(g.rtsp.url('gate'));
  const before = { cpu: process.cpuUsage(), at: performance.now(), stats: gateStatsOf(s.t, g.cameraId) };
  let loops: SeenLoop[] | undefined;
  if (window.loops !== undefined) loops = await waitForLoops(g, video, window.loops);
  else await new Promise((r) => setTimeout(r, (window.minutes ?? 1) * 60_000)); // a measuring window, not a wait for an event
  const cpu = process.cpuUsage(before.cpu);
  const seconds = (performance.now() - before.at) / 1000;
  const ffTicks = ff.stop();
  const after = gateStatsOf(s.t, g.cameraId);
  const stats = await stopAndDrain(s, g);
  const d = (k: 'frames' | 'analysed' | 'skippedNoMotion' | 'duplicates') => (after?.[k] ?? 0) - (before.stats?.[k] ?? 0);
  const out: Phase = {
    name,
    seconds,
    nodePct: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
    ffmpegPct: ffTicks === null ? null : (ffTicks / CLK_TCK / seconds) * 100,
    ffmpegRestarts: ff.pids() - 1,
    frames: d('frames'),
    analysed: d('analysed'),
    skippedNoMotion: d('skippedNoMotion'),
    duplicates: d('duplicates'),
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

async function main() {
  const load0 = os.loadavg();
  const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-gate-idle-'));
  const s = await startGateSession({ enrolled: 4, strangers: 2, debounceS: STANDARD_DEBOUNCE_S });
  try {
    const empty = await buildEmptyVideo(path.join(dir, 'empty.h264'), 10, 25, 3);
    const busy = await buildGateVideo({ file: path.join(dir, 'gate.h264'), cast: s.cast, script: STANDARD_SCRIPT, leadS: 3, sourceFps: 5, streamFps: 25, noise: 2 });
    const engine = await recognitionRuntime(s.t.ctx).engine();
    const results = [
      await phase(s, empty, 'Cổng trống — có lọc chuyển động', true, { minutes: MINUTES }),
      await phase(s, empty, 'Cổng trống — không lọc', false, { minutes: BASELINE_MINUTES }),
      await phase(s, busy, 'Cổng có người — có lọc', true, { loops: LOOPS }),
      await phase(s, busy, 'Cổng có người — không lọc', false, { loops: LOOPS }),
    ];
    const load1 = os.loadavg();
    const [idle, idleBase, passes, passesBase] = results as [Phase, Phase, Phase, Phase];
    const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)} %`);
    const rate = (p: Phase) => (p.passes ? `${p.passes.detected}/${p.passes.judged} passes detected (${p.passes.auto} punched, ${p.passes.review} to review)` : '');
    const row = (label: string, p: Phase, base: Phase) =>
      `| ${label} | ${(p.seconds / 60).toFixed(1)} min | ${pct(p.nodePct)} | ${pct(p.ffmpegPct)} | ${p.analysed}/${p.frames} analysed, ${p.skippedNoMotion} skipped (no motion), ${p.duplicates} repeats${p.ffmpegRestarts ? `, ffmpeg restarted ${p.ffmpegRestarts}×` : ''} ${rate(p)} | ${pct(base.nodePct)} node (${(p.nodePct / base.nodePct).toFixed(2)}×) |`;
    const md = `
## Gate camera CPU with nobody in view (bench/gate-idle.bench.ts) — ${startedAt} UTC

Machine: ${os.cpus().length} cores, Node ${process.version}; 1-minute load average ${load0[0]?.toFixed(1)} at start, ${load1[0]?.toFixed(1)} at end
(shared with other jobs). Engine \`${engine.meta.engine}\`, ${engine.threads} thread(s). One gate camera at a time (demo cameras off):
1280×720 H.264 25 fps over the GStreamer RTSP server, 5 analysed frames/s at 640×360. Empty gate = a static scene with
sensor noise (ffmpeg \`noise=alls=3:allf=t\`); passes = the standard gate video (${busy.passes.length} passes a loop, ${LOOPS} loop(s)).
"node" = the whole server process (process.cpuUsage: main thread, face engine workers, PGlite), "ffmpeg" = the camera's
ingest process (/proc, sampled every 2 s, restarts included). Baseline in the same run = gating disabled (the detector on every new frame; the gate's keep-alive
set to 0, the pipeline having no switch for it). Target: ≤ 3 % of a core for the node process with nobody in view.

| phase | window | node, % of a core | ffmpeg, % of a core | gate | baseline (gating off) |
|---|---|---|---|---|---|
${row('empty gate, gating on', idle, idleBase)}
| empty gate, gating off (baseline) | ${(idleBase.seconds / 60).toFixed(1)} min | ${pct(idleBase.nodePct)} | ${pct(idleBase.ffmpegPct)} | ${idleBase.analysed}/${idleBase.frames} analysed | — |
${row('passes, gating on', passes, passesBase)}
| passes, gating off (baseline) | ${(passesBase.seconds / 60).toFixed(1)} min | ${pct(passesBase.nodePct)} | ${pct(passesBase.ffmpegPct)} | ${passesBase.analysed}/${passesBase.frames} analysed, ${rate(passesBase)} | — |
`;
    console.log(md);
    if (!args['no-record']) fs.appendFileSync(path.join(here, 'RESULTS.md'), md);
  } finally {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
