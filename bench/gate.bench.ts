/**
 * Gate latency in real conditions (npm run bench:gate [-- --loops N] [--no-record]), appended to bench/RESULTS.md:
 * the standard gate video (test/helpers/gate-video.ts: 720p H.264 at 25 fps from ../shared/faces, four enrolled
 * people bare and masked, two strangers, a repeat within the debounce window, a face vanishing mid-pass, a frozen
 * camera) looped by the GStreamer RTSP server as a gate camera of the running server (startTestApp, PGlite, real
 * models, enrollment through the API), 5 analysed frames a second. For each automatic punch: face first visible
 * (the timeline, mapped to camera time by what the analysis frames show) → punch stored (punches.received_at),
 * p50/p95 over N loops. Baseline in the same run: detect + describe of one analysis frame with one face through the
 * same engine (worker pool included) — the floor of any decision; ratios against it.
 * Each pass's decision trace (GatePipeline.recent[].decision) splits that latency into the parts a loaded host does not
 * change — camera time of the first face frame → camera time of the frame that triggered the decision (the policy) —
 * and the parts it does: the triggering frame's ingest lag (camera time → the gate began handling it) and the gate's
 * own processing until the punch was stored; and says, frame by frame, why no earlier frame settled the pass.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { recognitionRuntime } from '../src/modules/recognition';
import type { SightingRecord } from '../src/modules/recognition/gate-pipeline';
import type { DecisionTrace } from '../src/modules/recognition/gate-pipeline.pass';
import { buildGateVideo, expectations, fastResize, gateBackground, placed, STANDARD_DEBOUNCE_S, STANDARD_SCRIPT } from '../test/helpers/gate-video';
import { type GateSession, serveGate, startGateSession, stopAndDrain, waitForLoops } from '../test/rtsp/gate-session';
import { waitFor } from '../test/helpers/wait';
import { gateRows, outcomesOfLoop, quantile } from '../test/rtsp/gate-stream';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The running gate of a camera (the runtime keeps it private; the benchmark looks inside). */
function gateOf(s: GateSession, cameraId: string): unknown {
  const rt = recognitionRuntime(s.t.ctx) as unknown as { pipelines: Map<string, { gate?: unknown }> };
  return rt.pipelines.get(cameraId)?.gate;
}
/** One pass's decision, split into policy (camera time) and host (ingest, processing) parts, with its reasons. */
interface PassDecision {
  label: string;
  outcome: 'AUTO' | 'REVIEW' | 'NONE';
  /** Bench face time → gate's first frame of the pass, → triggering frame time (both camera time). */
  firstFrameMs: number;
  policyMs: number;
  ingestMs: number;
  processingMs: number;
  /** CPU time of the server process over that processing (load-independent, unlike processingMs). */
  cpuMs: number;
  wallMs: number | null;
  why: string;
}

const r3 = (v: number) => v.toFixed(3);
/** "f2 +200 ms E2 0.944/0.949 lead 0.031: LOW_CONFIDENCE (1 clear)" for every traced frame, and the rule that fired. */
function explain(d: DecisionTrace, personName: (id: string) => string): string {
  const frames = d.frames.map((f, i) => {
    const top = f.top ? `${personName(f.top.personId)} ${r3(f.top.score)}/${r3(f.top.bar)} lead ${r3(f.top.lead)}` : 'no face';
    return `f${i + 1} +${Math.round(f.atMs - d.firstMs)} ms ${Math.round(f.faceWidth)} px masked ${f.maskedness.toFixed(3)} ${top}: ${f.rule ?? f.soFar} (${f.clearFrames} clear)`;
  });
  // The first version fired when the pass so far was AUTO and 2 frames each cleared the bar with the margin.
  const old = d.frames.findIndex((f) => f.soFar === 'AUTO' && f.clearFrames >= 2);
  return `${d.path} at +${Math.round(d.triggerMs - d.firstMs)} ms (last frame +${Math.round(d.lastFrameMs - d.firstMs)}); first rule (2 clear frames) ${old < 0 ? 'not by then' : `at f${old + 1}`}; ${frames.join('; ')}`;
}

const { values: args } = parseArgs({ options: { loops: { type: 'string', default: '3' }, 'no-record': { type: 'boolean', default: false } } });
const LOOPS = Math.max(1, Number(args.loops));

async function main() {
  const load0 = os.loadavg();
  const startedAt = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-bench-gate-'));
  const s = await startGateSession({ enrolled: 4, strangers: 2, debounceS: STANDARD_DEBOUNCE_S });
  try {
    const video = await buildGateVideo({ file: path.join(dir, 'gate.h264'), cast: s.cast, script: STANDARD_SCRIPT, leadS: 3, sourceFps: 5, streamFps: 25, noise: 2 });
    const engine = await recognitionRuntime(s.t.ctx).engine();

    // The floor: one 640×360 analysis frame with one face, detect + describe, through the same engine pool.
    const member = s.cast[0];
    if (!member) throw new Error('no cast');
    const bg = gateBackground();
    const frames = member.passPhotos.map((p) => fastResize(placed(bg, p.photo, p.face, { cx: 640, cy: 330, faceWidth: 190 }), 640, 360));
    const floor: number[] = [];
    for (let round = 0; round < 5; round++)
      for (const f of frames) {
        const t0 = performance.now();
        for (const face of await engine.detect(f, { minFaceWidth: 40 })) await engine.describe(f, face);
        floor.push(performance.now() - t0);
      }
    const floorMs = quantile(floor.slice(frames.length), 0.5) as number;

    const g = await serveGate(s, video, `loop:${video.file}`, 'Cổng — đo độ trễ');
    // The unit's debounce window (20 s, set through the rules API): the recognition runtime does not hand the gate its
    // reader yet (built-in 120 s, longer than a loop: every later loop would fold into the first). Injected here as the
    // runtime should (see the report of this benchmark's first run).
    await waitFor('the gate to start', async () => (gateOf(s, g.cameraId) ? true : undefined), 180_000, 200);
    const gate = gateOf(s, g.cameraId) as { deps: { debounceSeconds?: () => Promise<number> }; invalidateGallery(): void; recent: SightingRecord[] };
    const injected = !gate.deps.debounceSeconds;
    if (injected) gate.deps.debounceSeconds = async () => STANDARD_DEBOUNCE_S;
    gate.invalidateGallery();
    const loops = await waitForLoops(g, video, LOOPS);
    const stats = await stopAndDrain(s, g);
    const rows = await gateRows(s.t, g.cameraId);
    const samples = g.clock?.samples ?? [];
    const firstLoop = expectations(video.passes, STANDARD_DEBOUNCE_S);
    // A loop after the first one continues the timeline: a pass inside the window of the previous loop's is a repeat.
    const laterLoops = expectations(video.passes, STANDARD_DEBOUNCE_S, video.durationS);
    const latency: number[] = [];
    const firstSeen: number[] = [];
    const decisions: PassDecision[] = [];
    const nameOf = new Map([...s.personOf].map(([who, id]) => [id, who]));
    const personName = (id: string) => nameOf.get(id) ?? id.slice(0, 6);
    const c = { enrolledPasses: 0, delivered: 0, auto: 0, review: 0, split: 0, missed: 0, wrong: 0, strangerPunches: 0, duplicatePunches: 0, debouncedLeaks: 0 };
    for (const loop of loops) {
      const { passes } = outcomesOfLoop(video, loop, rows);
      const expected = loop.n === 0 ? firstLoop : laterLoops;
      for (const [i, o] of passes.entries()) {
        if (o.framesWithFace === 0) continue;
        const personId = s.personOf.get(o.pass.who);
        c.wrong += o.punches.filter((p) => p.person_id !== personId).length;
        if (expected[i] === 'stranger') c.strangerPunches += o.punches.length;
        if (expected[i] === 'debounced') c.debouncedLeaks += o.punches.length + o.reviews.length;
        if (expected[i] !== 'outcome') continue;
        c.enrolledPasses++;
        c.delivered++;
        if (o.sightings.length === 0) c.missed++;
        if (o.sightings.length > 1) c.split++;
        if (o.punches.length > 1) c.duplicatePunches += o.punches.length - 1;
        if (o.punches.length > 0) c.auto++;
        else if (o.reviews.length > 0) c.review++;
        const sightingId = o.punches[0]?.evidence_sighting_id ?? o.reviews[0]?.id ?? o.sightings[0]?.id;
        const d = gate.recent.find((x) => x.id === sightingId)?.decision;
        const label = `loop ${loop.n + 1} · ${o.pass.label}`;
        const outcome = o.punches.length ? 'AUTO' : o.reviews.length ? 'REVIEW' : 'NONE';
        const wall = o.punches[0] ? o.punches[0].received_at.getTime() - o.faceAtMs : null;
        if (d && d.storedMs !== undefined) {
          decisions.push({
            label,
            outcome,
            firstFrameMs: d.firstMs - o.faceAtMs,
            policyMs: d.triggerMs - o.faceAtMs,
            ingestMs: d.triggerArrivedMs - d.triggerMs,
            processingMs: d.storedMs - d.triggerArrivedMs,
            cpuMs: d.cpuMs ?? Number.NaN,
            wallMs: wall,
            why: explain(d, personName),
          });
        } else decisions.push({ label, outcome, firstFrameMs: Number.NaN, policyMs: Number.NaN, ingestMs: Number.NaN, processingMs: Number.NaN, cpuMs: Number.NaN, wallMs: wall, why: 'no decision trace (no sighting, or folded into an earlier pass)' });
        for (const p of o.punches.slice(0, 1)) {
          latency.push(p.received_at.getTime() - o.faceAtMs);
          firstSeen.push(p.at.getTime() - o.faceAtMs);
        }
      }
    }
    const lags = samples.map((x) => x.lagMs);
    const autoD = decisions.filter((d) => d.outcome === 'AUTO' && Number.isFinite(d.policyMs));
    const q = (xs: number[], p: number) => quantile(xs, p);
    const parts = {
      policyP50: q(autoD.map((d) => d.policyMs), 0.5),
      policyP95: q(autoD.map((d) => d.policyMs), 0.95),
      ingestP50: q(autoD.map((d) => d.ingestMs), 0.5),
      ingestP95: q(autoD.map((d) => d.ingestMs), 0.95),
      processingP50: q(autoD.map((d) => d.processingMs), 0.5),
      processingP95: q(autoD.map((d) => d.processingMs), 0.95),
      cpuP50: q(autoD.map((d) => d.cpuMs), 0.5),
      cpuP95: q(autoD.map((d) => d.cpuMs), 0.95),
      rules: Object.fromEntries(['pass-so-far', 'strong-frame', 'track-end', 'longest-pass'].map((k) => [k, autoD.filter((d) => d.why.startsWith(`${k} `)).length])),
    };
    const load1 = os.loadavg();
    const r = {
      loops: LOOPS,
      punches: latency.length,
      p50: quantile(latency, 0.5),
      p95: quantile(latency, 0.95),
      max: quantile(latency, 1),
      firstSeenP50: quantile(firstSeen, 0.5),
      floorMs,
      frameLagP50: quantile(lags, 0.5),
      frameLagP95: quantile(lags, 0.95),
      unreadableStamps: samples.filter((x) => x.index === undefined).length,
      counts: c,
      parts,
      decisions,
      stats,
      load: [load0[0], load1[0]],
    };
    console.log(JSON.stringify(r, null, 1));
    const f = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v)}`);
    const ratio = (v: number | null) => (v === null ? '—' : `${(v / floorMs).toFixed(1)}×`);
    const md = `
## Gate: face seen → punch stored over RTSP (bench/gate.bench.ts) — ${startedAt} UTC

Machine: ${os.cpus().length} cores, Node ${process.version}; 1-minute load average ${load0[0]?.toFixed(1)} at start, ${load1[0]?.toFixed(1)} at end
(shared with other jobs: compare the ratio, not the milliseconds). Engine \`${engine.meta.engine}\`, ${engine.threads} thread(s).
Stream: 1280×720 H.264 25 fps looped by the GStreamer RTSP server, ${LOOPS} loop(s) of ${video.durationS.toFixed(1)} s (${video.passes.length} passes
each: 4 enrolled people bare and masked, 2 strangers, a repeat inside the ${STANDARD_DEBOUNCE_S} s debounce window, a 2 s face gap, a 1.6 s freeze;
${injected ? `the unit's ${STANDARD_DEBOUNCE_S} s debounce reader injected into the gate, the runtime not passing it yet` : "the runtime's own debounce reader"});
the server samples 5 frames/s at 640×360. Face time = camera time of the first analysis frame showing the face (each frame
carries its video frame index as a corner code, so bunched or late frames under load do not blur the timeline); stored =
\`punches.received_at\`. From the second loop on, a pass within ${STANDARD_DEBOUNCE_S} s of the previous loop's pass of the same person
is a repeat (the first E1 pass, 17.7 s after the last one: counted as "none" before 2026-12-07 20:30).
Policy / ingest / processing: the gate's own decision trace (GatePipeline.recent[].decision); policy is camera time
only, so it holds on a loaded host; processing is also given as CPU time of the server process.

| measure | result | baseline / ratio |
|---|---|---|
| face first visible → punch stored, p50 | ${f(r.p50)} ms | ${ratio(r.p50)} the floor |
| face first visible → punch stored, p95 (target ≤ 1500 ms) | ${f(r.p95)} ms (max ${f(r.max)}) | ${ratio(r.p95)} the floor |
| floor: detect + describe of one 640×360 frame with one face (median) | ${f(floorMs)} ms | baseline |
| face first visible → first frame the gate used (punch time), p50 | ${f(r.firstSeenP50)} ms | — |
| analysis frame handed out after its camera time, p50 / p95 | ${f(r.frameLagP50)} / ${f(r.frameLagP95)} ms | — |
| enrolled passes (delivered) → auto-punched / review / none | ${c.delivered} → ${c.auto} / ${c.review} / ${c.missed} | ${latency.length} latency samples |
| passes split into several sightings; duplicate punches; wrong person; strangers punched; repeats that leaked | ${c.split}; ${c.duplicatePunches}; ${c.wrong}; ${c.strangerPunches}; ${c.debouncedLeaks} | all should be 0 |
| **policy** (load-independent): camera time of the first face frame → of the frame that triggered the punch, p50 / p95 (max) | ${f(parts.policyP50)} / ${f(parts.policyP95)} ms (${f(q(autoD.map((d) => d.policyMs), 1))}) | ${Object.entries(parts.rules).map(([k, v]) => `${k} ${v}`).join(', ')} |
| host: triggering frame's camera time → the gate began handling it (ingest + queue), p50 / p95 | ${f(parts.ingestP50)} / ${f(parts.ingestP95)} ms | — |
| host: the gate's processing, triggering frame handled → punch stored, p50 / p95 (wall) | ${f(parts.processingP50)} / ${f(parts.processingP95)} ms | CPU time of the server process meanwhile, p50 / p95: ${f(parts.cpuP50)} / ${f(parts.cpuP95)} ms |
| gate stats (runtime) | frames ${stats?.frames ?? '—'}, analysed ${stats?.analysed ?? '—'}, duplicates ${stats?.duplicates ?? '—'}, dropped ${stats?.dropped ?? '—'}, passes ${stats?.passes ?? '—'}, merged ${stats?.merged ?? '—'}, debounced ${stats?.debounced ?? '—'}, latency p50/p95 ${stats?.latencyMs.p50 ?? '—'}/${stats?.latencyMs.p95 ?? '—'} ms | — |

<details><summary>Per pass: outcome, wall latency, policy / ingest / processing (ms), how it was decided and why no earlier frame settled it</summary>

${decisions.map((d) => `- ${d.label}: ${d.outcome}${d.wallMs === null ? '' : ` in ${f(d.wallMs)} ms`}; policy ${f(d.policyMs)}, ingest ${f(d.ingestMs)}, processing ${f(d.processingMs)} (CPU ${f(d.cpuMs)}); ${d.why}`).join('\n')}
</details>
`;
    console.log(md);
    if (!args['no-record']) fs.appendFileSync(path.join(here, 'RESULTS.md'), md);
  } finally {
    await s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
