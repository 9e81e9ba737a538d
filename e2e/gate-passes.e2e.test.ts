import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ffmpegAvailable, facesAvailable } from '../test/helpers/gate-frames';
import { buildGateVideo, expectations, type GateVideo, ONE_FPS_SCRIPT, STANDARD_DEBOUNCE_S, STANDARD_SCRIPT } from '../test/helpers/gate-video';
import { type GateSession, type ServedGate, serveGate, startGateSession, stopAndDrain, waitForLoops } from '../test/rtsp/gate-session';
import { gateRows, outcomesOfLoop, quantile, type SeenLoop } from '../test/rtsp/gate-stream';
import { rtspServerAvailable } from '../test/rtsp/rtsp-server';
import { localDateOf } from '../src/platform/time';
import { recognitionRuntime } from '../src/modules/recognition';
import type { SightingRecord } from '../src/modules/recognition/gate-pipeline';

/**
 * Acceptance 1 (and part of 4) of issue 14 in real conditions: a 720p H.264 gate video made from ../shared/faces with
 * a known timeline (enrolled people bare and masked, strangers, repeat passes, a face vanishing mid-pass, a frozen
 * camera) served by the GStreamer RTSP server as a gate camera of the running server; enrollment through the API.
 * Every pass must give exactly one sighting; an enrolled pass one punch for the right person or one review item with
 * the right person first; a stranger no punch; a repeat within the debounce window nothing new. Then a 1 fps camera.
 * Nothing here asserts on time: waits end on what was seen, not on how fast.
 */
const skip = !facesAvailable
  ? 'needs ../shared/faces and ../shared/models'
  : !rtspServerAvailable() || !ffmpegAvailable()
    ? 'needs the GStreamer RTSP server (python3-gi, gir1.2-gst-rtsp-server-1.0) and ffmpeg'
    : false;

describe('gate passes over RTSP: one pass, one sighting, one punch', { skip, timeout: 420_000 }, () => {
  let s: GateSession;
  let dir: string;
  const servers: ServedGate[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kc-gate-passes-'));
    s = await startGateSession({ enrolled: 4, strangers: 2, debounceS: STANDARD_DEBOUNCE_S });
  });

  after(async () => {
    await s?.close();
    for (const g of servers) await g.rtsp.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Serves `video` as a gate camera and returns the outcomes of its first whole loop, after the gate drained. */
  async function runLoop(video: GateVideo, spec: string, name: string) {
    const g = await serveGate(s, video, spec, name);
    servers.push(g);
    const [loop] = (await waitForLoops(g, video, 1)) as [SeenLoop];
    // The gate's own record of how each pass was decided (logged, never asserted: it is about time).
    const rt = recognitionRuntime(s.t.ctx) as unknown as { pipelines: Map<string, { gate?: { recent: SightingRecord[] } }> };
    const recent = rt.pipelines.get(g.cameraId)?.gate?.recent ?? [];
    const stats = await stopAndDrain(s, g);
    const rows = await gateRows(s.t, g.cameraId);
    const samples = g.clock?.samples ?? [];
    const { passes, strays } = outcomesOfLoop(video, loop, rows);
    const unreadable = samples.filter((x) => x.index === undefined).length;
    const lags = samples.map((x) => x.lagMs);
    const nameOf = (id: string | null) => [...s.personOf].find(([, p]) => p === id)?.[0] ?? id;
    console.log(
      JSON.stringify({
        camera: name,
        frames: { seen: samples.length, unreadableStamps: unreadable },
        frameLagMs: { p50: quantile(lags, 0.5), p95: quantile(lags, 0.95), max: quantile(lags, 1) },
        passes: passes.map((o) => ({
          pass: `${o.pass.index} ${o.pass.label}`,
          framesWithFace: o.framesWithFace,
          sightings: o.sightings.map((x) => `${x.verdict}/${nameOf(x.verdict === 'AUTO' ? x.person_id : (x.candidates[0]?.personId ?? null))}/${x.score?.toFixed(3)}/frag${x.fragments}@+${x.first_seen_at.getTime() - o.faceAtMs}ms`),
          punches: o.punches.map((p) => `${nameOf(p.person_id)} stored +${p.received_at.getTime() - o.faceAtMs}ms`),
          // policy = camera time face → triggering frame; ingest = that frame's camera time → the gate began handling it
          // (ffmpeg, RTSP and the gate's own queue); processing = handled → stored.
          decided: o.sightings.map((x) => {
            const d = recent.find((r) => r.id === x.id)?.decision;
            return d && d.storedMs !== undefined ? `${d.path} policy +${d.triggerMs - o.faceAtMs}ms ingest ${d.triggerArrivedMs - d.triggerMs}ms processing ${d.storedMs - d.triggerArrivedMs}ms` : 'no trace';
          }),
        })),
        strays: strays.map((x) => `${x.verdict}@${x.first_seen_at.toISOString()}`),
        stats,
      }),
    );
    assert.ok(unreadable <= samples.length * 0.05, `the analysis frames tell which video frame they show (${unreadable} of ${samples.length} unreadable)`);
    return { cameraId: g.cameraId, passes, strays, stats, rows };
  }

  function assertPasses(video: GateVideo, out: Awaited<ReturnType<typeof runLoop>>, debounceS: number) {
    const expected = expectations(video.passes, debounceS);
    const delivered = out.passes.filter((o) => o.framesWithFace > 0).length;
    assert.ok(delivered >= out.passes.length * 0.6, `most passes reached the analysis frames (${delivered} of ${out.passes.length})`);
    assert.deepEqual(out.strays.map((x) => x.verdict), [], 'no sighting outside the passes');
    for (const [i, o] of out.passes.entries()) {
      const what = `pass ${i} (${o.pass.label})`;
      // A pass whose face never reached the analysis frames (ffmpeg starved on a loaded host) says nothing of the gate.
      if (o.framesWithFace === 0) continue;
      const personId = s.personOf.get(o.pass.who);
      assert.ok(o.punches.every((p) => p.person_id === personId), `${what}: a punch only ever names the person who passed`);
      if (expected[i] === 'stranger') {
        // One sighting at most (a masked stranger's face may escape the detector altogether: no record, no harm).
        assert.ok(o.sightings.length <= 1, `${what}: a stranger's pass is at most one sighting`);
        assert.equal(o.punches.length, 0, `${what}: a stranger is never punched`);
        continue;
      }
      if (expected[i] === 'debounced') {
        assert.ok(o.sightings.length <= 1, `${what}: a repeat is at most one sighting`);
        continue; // judged with the earlier pass of the same person below
      }
      assert.equal(o.sightings.length, 1, `${what}: one pass, one sighting (fragments merged)`);
      const one = o.sightings[0] as (typeof o.sightings)[number];
      assert.notEqual(one.verdict, 'UNKNOWN', `${what}: an enrolled person is recognised or queued, not unknown`);
      if (one.verdict === 'AUTO') {
        assert.equal(one.person_id, personId, `${what}: the automatic verdict names the right person`);
        assert.equal(o.punches.length, 1, `${what}: an automatic pass makes exactly one punch`);
      } else {
        assert.equal(o.punches.length, 0, `${what}: a review item makes no punch before a reviewer confirms it`);
        assert.equal(one.candidates[0]?.personId, personId, `${what}: the review item has the right person first`);
      }
    }
    // Within the debounce window the earlier pass made the person's one punch or review item: the repeat makes none.
    for (const [i, o] of out.passes.entries()) {
      if (expected[i] !== 'debounced') continue;
      assert.equal(o.punches.length + o.reviews.length, 0, `pass ${i} (${o.pass.label}): no second punch or review item within the debounce window`);
    }
    const punches = out.passes.flatMap((o) => o.punches);
    assert.equal(new Set(punches.map((p) => p.id)).size, punches.length);
    return punches;
  }

  it('720p at 25 fps: one sighting per pass, one punch per enrolled pass, none for strangers, stats say what happened', async () => {
    const video = await buildGateVideo({ file: path.join(dir, 'gate.h264'), cast: s.cast, script: STANDARD_SCRIPT, leadS: 3, sourceFps: 5, streamFps: 25 });
    const out = await runLoop(video, `loop:${video.file}`, 'Cổng chính — kiểm thử lượt qua');
    const punches = assertPasses(video, out, STANDARD_DEBOUNCE_S);
    const bare = out.passes.filter((o, i) => o.pass.enrolled && !o.pass.masked && expectations(video.passes, STANDARD_DEBOUNCE_S)[i] === 'outcome');
    assert.ok(punches.length >= Math.ceil(bare.length / 2), `most bare enrolled passes are punched automatically (${punches.length} of ${bare.length})`);

    const stats = out.stats;
    assert.ok(stats, 'the camera has gate statistics');
    const loopSightings = out.passes.reduce((n, o) => n + o.sightings.length, 0);
    assert.ok(stats.frames > 0 && stats.analysed > 0, 'frames were received and analysed');
    assert.ok(stats.passes >= loopSightings, `stats count the passes decided (${stats.passes} ≥ ${loopSightings})`);
    assert.ok(stats.sightings.AUTO >= punches.length, 'stats count the automatic verdicts');
    assert.ok(stats.debounced >= 1, 'stats count the repeat within the debounce window');
    // The 1.6 s freeze repeats one picture, but each frame still carries its own index stamp, so after H.264 the frozen
    // frames are counted as duplicates (byte-identical) or as frames without motion, whichever the decoder produced.
    assert.ok(stats.duplicates + stats.skippedNoMotion >= 1, 'stats count the frozen frames (duplicates or no motion)');

    // H6's per-camera gate statistics, when the route exists.
    const api = await s.office.get('/api/recognition/gate-stats');
    if (api.statusCode !== 404) {
      assert.equal(api.statusCode, 200, api.body);
      assert.ok(api.body.includes(out.cameraId), 'the gate-stats API lists the camera');
    }
    // H7's today view, when the route exists: the person punched first is shown as arrived.
    const first = out.passes.find((o) => o.punches.length > 0);
    assert.ok(first);
    const personId = first.punches[0]?.person_id as string;
    const unitId = (await s.t.ctx.db.query<{ unit_id: string }>('SELECT unit_id FROM persons WHERE id = $1', [personId]))[0]?.unit_id;
    const today = await s.office.get(`/api/attendance/today?unitId=${unitId}&date=${localDateOf(first.punches[0]?.at as Date)}`);
    if (today.statusCode !== 404) {
      assert.equal(today.statusCode, 200, today.body);
      const row = (today.json() as { persons: { personId: string; status: string; arrivedAt: string | null; expectedStart: string | null }[] }).persons.find((p) => p.personId === personId);
      assert.ok(row, 'today lists the punched person');
      // A punch counts as an arrival only inside the day's check-in window, which opens checkInOpensMinutes before the
      // start (a test run at night punches at 01:00 or 05:00 local): the strictest rule in force decides.
      const at = (first.punches[0]?.at as Date).getTime();
      const start = row.expectedStart ? Date.parse(row.expectedStart) : Number.NaN;
      const opens = await s.t.ctx.db.query<{ m: number }>('SELECT check_in_opens_minutes AS m FROM attendance_rules');
      const opensMin = Math.min(120, ...opens.map((r) => r.m));
      if (at >= start - opensMin * 60_000 && at <= start + 9 * 3600_000) {
        assert.ok(row.arrivedAt, `today shows the punched person as arrived: ${JSON.stringify(row)}`);
        assert.notEqual(row.status, 'NOT_YET');
      } else console.log(`today not judged: the punch (${new Date(at).toISOString()}) is outside the working day (${row.expectedStart})`);
    }
  });

  it('a 1 fps camera: no duplicate punch, no crash, the stats tell', async () => {
    const video = await buildGateVideo({ file: path.join(dir, 'gate-1fps.h264'), cast: s.cast, script: ONE_FPS_SCRIPT, leadS: 3, sourceFps: 1, streamFps: 1 });
    const out = await runLoop(video, `loopfps:1:${video.file}`, 'Cổng phụ — 1 hình/giây');
    assertPasses(video, out, STANDARD_DEBOUNCE_S);
    const stats = out.stats;
    assert.ok(stats && stats.frames > 0 && stats.analysed > 0, 'the pipeline ran on the 1 fps stream');
    // ffmpeg samples 5 frames a second out of a 1 fps stream: four of five are repeats of the one before.
    assert.ok(stats.duplicates > 0, `stats count the repeated frames (${stats.duplicates})`);
  });
});
