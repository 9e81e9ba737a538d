import path from 'node:path';
import { cameraServices } from '../../src/modules/cameras';
import { stopDemoSource } from '../../src/modules/cameras/demo';
import { type GateStats, recognitionRuntime } from '../../src/modules/recognition';
import { loginAs, type Session, startTestApp, type TestApp } from '../helpers/app';
import { type CastMember, gateCast, type GateVideo } from '../helpers/gate-video';
import { waitFor } from '../helpers/wait';
import { addGateCamera, enrollThroughApi, gateRows, gateStatsOf, type SeenLoop, setDebounce, StreamClock } from './gate-stream';
import { RtspTestServer } from './rtsp-server';

/**
 * A running server (startTestApp, PGlite, the real face models) with the gate cast enrolled through the API, and the
 * steps the gate e2e test and benchmarks share: serve a gate video over RTSP as a camera, wait for whole loops of it
 * in the analysis frames, stop it and wait until the gate has finished what it saw.
 */
export const GATE_PERSONS: Record<string, string> = { E1: 'TT002', E2: 'TT003', E3: 'TT004', E4: 'TT005' };
export const MODELS = path.resolve('../shared/models');

export interface GateSession {
  t: TestApp;
  office: Session;
  cast: CastMember[];
  /** Cast key (E1…) → person id. */
  personOf: Map<string, string>;
  gateUnitId: string;
  close(): Promise<void>;
}

export async function startGateSession(opts: { enrolled: number; strangers: number; debounceS: number; env?: Record<string, string> }): Promise<GateSession> {
  const cast = await gateCast(opts.enrolled, opts.strangers);
  const t = await startTestApp('pglite', { env: { KC_FACE_MODELS_DIR: MODELS, KC_FACE_THREADS: '1', ...opts.env } });
  // The demo's cameras (its own RTSP server, a demo gate with recognition) are turned off: they would share the CPU
  // and the measurements with the camera under test.
  for (const { id } of await t.ctx.db.query<{ id: string }>('SELECT id FROM cameras WHERE enabled')) await disableCamera(t, id);
  await stopDemoSource(t.ctx);
  const office = await loginAs(t.app, 'chanhvp');
  const personOf = new Map<string, string>();
  for (const m of cast.filter((c) => c.enrolled)) {
    const personId = t.demo.persons[GATE_PERSONS[m.key] as string] as string;
    personOf.set(m.key, personId);
    await enrollThroughApi(t, office, personId, m.enrollFiles);
  }
  const gateUnitId = t.demo.units['TT-UBND'] as string;
  const units = (await t.ctx.db.query<{ unit_id: string }>('SELECT DISTINCT unit_id FROM persons WHERE id = ANY($1)', [[...personOf.values()]])).map((r) => r.unit_id);
  // The camera's unit and each person's unit: whichever the gate reads, the window is the same.
  await setDebounce(office, [...new Set([gateUnitId, ...units])], opts.debounceS);
  return { t, office, cast, personOf, gateUnitId, close: () => t.close() };
}

export interface ServedGate {
  rtsp: RtspTestServer;
  cameraId: string;
  clock: StreamClock | undefined;
}

/** Serves `video` (mount spec `loop:…` / `loopfps:N:…`) and adds it as a gate camera; `watch` follows it with a StreamClock. */
export async function serveGate(s: GateSession, video: GateVideo, spec: string, name: string, watch = true): Promise<ServedGate> {
  const rtsp = await RtspTestServer.start({ gate: spec });
  const cameraId = await addGateCamera(s.t, s.office, name, rtsp.url('gate'), s.gateUnitId);
  return { rtsp, cameraId, clock: watch ? new StreamClock(cameraId, video) : undefined };
}

/** Waits until the camera has handed out `loops` complete loops of the video (lead-in to 2 s past the last face). */
export async function waitForLoops(g: ServedGate, video: GateVideo, loops: number): Promise<SeenLoop[]> {
  const clock = g.clock;
  if (!clock) throw new Error('serveGate(…, watch = true) needed');
  return waitFor(
    `${loops} whole loop(s) of the gate video in the analysis frames`,
    async () => {
      const complete = clock.loops().filter((l) => l.complete);
      return complete.length >= loops ? complete.slice(0, loops) : undefined;
    },
    (loops + 2) * video.durationS * 1000 + 180_000,
    500,
  );
}

/**
 * Stops the stream, waits until nothing changes for 4 s (no new frame, sighting or punch: the gate has drained), reads
 * the gate's statistics and turns the camera off.
 */
export async function stopAndDrain(s: GateSession, g: ServedGate): Promise<GateStats | undefined> {
  await g.rtsp.stop();
  g.clock?.stop();
  let previous = '';
  let stableSince = Date.now();
  await waitFor(
    'the gate to finish the passes it saw',
    async () => {
      const rows = await gateRows(s.t, g.cameraId);
      const stats = gateStatsOf(s.t, g.cameraId);
      const key = JSON.stringify([rows.sightings.map((x) => [x.id, x.verdict, x.fragments]), rows.punches.length, stats?.frames]);
      if (key !== previous) {
        previous = key;
        stableSince = Date.now();
        return undefined;
      }
      return Date.now() - stableSince >= 4000 ? true : undefined;
    },
    180_000,
    500,
  );
  const stats = gateStatsOf(s.t, g.cameraId);
  await disableCamera(s.t, g.cameraId);
  return stats;
}

/** Turns the camera off (its ingest process ends; the recognition runtime lets its gate go). */
export async function disableCamera(t: TestApp, cameraId: string): Promise<void> {
  await t.ctx.db.query('UPDATE cameras SET enabled = false WHERE id = $1', [cameraId]);
  await cameraServices(t.ctx).runtime.reload(cameraId);
  await recognitionRuntime(t.ctx).refreshCameras();
}
