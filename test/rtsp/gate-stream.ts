import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { onFrames } from '../../src/modules/cameras';
import { type GateStats, recognitionRuntime } from '../../src/modules/recognition';
import type { Session, TestApp } from '../helpers/app';
import { fastResize, type GateVideo, readStamp, STAMP_ROWS, type TimelinePass } from '../helpers/gate-video';

/**
 * A gate video served over RTSP as a gate camera of a running server (startTestApp), and what the server made of it:
 * sightings, punches and review items matched to the video's known timeline. Shared by e2e/gate-passes.e2e.test.ts
 * and the gate benchmarks.
 */

/** Consent and enrollment photos through the real API, as the Chief of Office does it. */
export async function enrollThroughApi(t: TestApp, office: Session, personId: string, files: string[]): Promise<number> {
  const c = await office.send('POST', '/api/recognition/consents', { personId, decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' });
  if (c.statusCode !== 201) throw new Error(`consent: ${c.statusCode} ${c.body}`);
  const boundary = `----kc${randomUUID()}`;
  const parts = files.flatMap((f, i) => [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="p${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    readFileSync(f),
    Buffer.from('\r\n'),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/recognition/persons/${personId}/photos`,
    headers: { cookie: office.cookie, 'x-csrf-token': office.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
  });
  const accepted = (res.json() as { accepted?: number }).accepted ?? 0;
  if (accepted < 1) throw new Error(`enrollment: ${res.statusCode} ${res.body}`);
  return accepted;
}

/** Sets the debounce window of these units (the other rules as they stand) through the attendance rules API. */
export async function setDebounce(office: Session, unitIds: string[], seconds: number): Promise<void> {
  for (const unitId of unitIds) {
    const got = await office.get(`/api/attendance/rules?unitId=${unitId}`);
    const body = got.json() as { defaults: Record<string, unknown>; entries: { unitId: string; rules?: Record<string, unknown> }[] };
    const current = { ...body.defaults, ...(body.entries.find((e) => e.unitId === unitId)?.rules ?? {}) };
    const keys = ['lateGraceMinutes', 'earlyGraceMinutes', 'checkInOpensMinutes', 'checkOutClosesMinutes', 'lunchPunchesRequired', 'leaveNotReportedAfterDays', 'approvedPermissionCountsAsLate'];
    const rules = Object.fromEntries(keys.filter((k) => current[k] !== undefined).map((k) => [k, current[k]]));
    const res = await office.send('PUT', '/api/attendance/rules', { unitId, legalBasis: 'Thử nghiệm cổng (kiểm thử tự động)', rules: { ...rules, debounceSeconds: seconds } });
    if (res.statusCode !== 200) throw new Error(`rules of ${unitId}: ${res.statusCode} ${res.body}`);
  }
}

/** A gate camera (direction IN, recognition on) through the cameras API; the recognition runtime picks it up. */
export async function addGateCamera(t: TestApp, office: Session, name: string, url: string, unitId: string): Promise<string> {
  const cam = await office.send('POST', '/api/cameras', { name, locationType: 'GATE', unitId, mainUrl: url, direction: 'IN', recognitionAllowed: true, segmentSeconds: 4 });
  if (cam.statusCode !== 201) throw new Error(`camera: ${cam.statusCode} ${cam.body}`);
  await recognitionRuntime(t.ctx).refreshCameras();
  return (cam.json() as { id: string }).id;
}

export interface FrameSample {
  /** Camera time of the frame (the clock of first_seen_at and punch times). */
  atMs: number;
  /** Something other than the empty gate is in view (the stamp's rows ignored). */
  visible: boolean;
  /** How late the frame reached us (ms behind the wall clock). */
  lagMs: number;
  /** The video frame it shows (stampFrame), when readable. */
  index: number | undefined;
}

/** One pass of the looped video through the camera: the frames it handed out, in order. */
export interface SeenLoop {
  n: number;
  samples: FrameSample[];
  /** The camera saw its lead-in and 2 s past its last face: every pass of it can be judged. */
  complete: boolean;
}

/**
 * Watches the analysis frames the camera module hands out (its own subscriber: the gate's queue is untouched) and
 * reads in each the video frame it shows: the timeline is then known in camera time (the clock of frame timestamps,
 * first_seen_at and punch times alike) however late, bunched or dropped the frames are under load.
 */
export class StreamClock {
  readonly samples: FrameSample[] = [];
  private bg: { width: number; data: Uint8Array } | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    cameraId: string,
    private readonly video: GateVideo,
  ) {
    this.unsubscribe = onFrames(
      cameraId,
      (f) => {
        if (!this.bg || this.bg.width !== f.width) this.bg = fastResize(video.background, f.width, f.height);
        let differ = 0;
        let n = 0;
        for (let y = Math.ceil((STAMP_ROWS * f.height) / 720); y < f.height; y += 4)
          for (let x = 0; x < f.width; x += 4) {
            const i = (y * f.width + x) * 3 + 1;
            n++;
            if (Math.abs((f.rgb[i] as number) - (this.bg.data[i] as number)) > 40) differ++;
          }
        this.samples.push({ atMs: f.at.getTime(), visible: differ / n > 0.02, lagMs: Date.now() - f.at.getTime(), index: readStamp(f) });
      },
      { queueSize: 16 },
    );
  }

  get lastAtMs(): number | undefined {
    return this.samples.at(-1)?.atMs;
  }

  stop(): void {
    this.unsubscribe();
  }

  /** The loops seen so far: a new loop starts where the stamped index falls back by more than half the video. */
  loops(): SeenLoop[] {
    const out: SeenLoop[] = [];
    let prev = Number.POSITIVE_INFINITY;
    const firstFace = this.video.passes[0]?.startIndex ?? 0;
    const lastFace = this.video.passes.at(-1)?.endIndex ?? 0;
    for (const s of this.samples) {
      if (s.index === undefined) continue;
      if (s.index < prev - this.video.sourceFrames / 2 || out.length === 0) out.push({ n: out.length, samples: [], complete: false });
      (out.at(-1) as SeenLoop).samples.push(s);
      prev = s.index;
    }
    for (const l of out) {
      const first = l.samples[0]?.index ?? Number.POSITIVE_INFINITY;
      l.complete = first < firstFace && l.samples.some((x) => (x.index as number) >= lastFace + 2 * this.video.sourceFps);
    }
    return out;
  }
}

export interface SightingRow {
  id: string;
  verdict: 'AUTO' | 'REVIEW' | 'UNKNOWN';
  review_status: string | null;
  person_id: string | null;
  candidates: { personId: string; score: number }[];
  first_seen_at: Date;
  decided_at: Date | null;
  fragments: number;
  masked: boolean;
  score: number | null;
}
export interface PunchRow {
  id: string;
  person_id: string;
  at: Date;
  received_at: Date;
  evidence_sighting_id: string | null;
}

export interface PassOutcome {
  pass: TimelinePass;
  /** Camera time (ms) of the first analysis frame showing the face in this occurrence (NaN: none reached us). */
  faceAtMs: number;
  sightings: SightingRow[];
  punches: PunchRow[];
  /** Pending review items (REVIEW sightings). */
  reviews: SightingRow[];
  /** Analysis frames showing the face that the camera module handed out for this pass (0: the pass never reached the gate). */
  framesWithFace: number;
}

export async function gateRows(t: TestApp, cameraId: string): Promise<{ sightings: SightingRow[]; punches: PunchRow[] }> {
  const sightings = await t.ctx.db.query<SightingRow>(
    `SELECT id, verdict, review_status, person_id, candidates, first_seen_at, decided_at, fragments, masked, score
       FROM face_sightings WHERE camera_id = $1 ORDER BY first_seen_at`,
    [cameraId],
  );
  const punches = await t.ctx.db.query<PunchRow>(
    'SELECT id, person_id, at, received_at, evidence_sighting_id FROM punches WHERE source_id = $1 ORDER BY at',
    [`camera:${cameraId}`],
  );
  return { sightings, punches };
}

/**
 * Each pass of one seen loop with the sightings whose first frame showed that loop from 1 s before the pass's face
 * to 1.5 s after it (passes are ≥ 3 s apart), the punches those sightings made and their review items; and the
 * sightings of that loop that belong to no pass. A sighting's frame is found by its first_seen_at among the frames
 * the clock saw (the nearest one when the clock's own queue dropped it).
 */
export function outcomesOfLoop(
  video: GateVideo,
  loop: SeenLoop,
  rows: { sightings: SightingRow[]; punches: PunchRow[] },
): { passes: PassOutcome[]; strays: SightingRow[] } {
  const from = loop.samples[0]?.atMs ?? 0;
  const to = loop.samples.at(-1)?.atMs ?? 0;
  const indexAt = (ms: number): number | undefined => {
    if (ms < from - 1000 || ms > to + 1000) return undefined;
    let best: FrameSample | undefined;
    for (const x of loop.samples) if (!best || Math.abs(x.atMs - ms) < Math.abs(best.atMs - ms)) best = x;
    return best?.index;
  };
  const fps = video.sourceFps;
  const passOf = (index: number | undefined) =>
    index === undefined ? undefined : video.passes.find((p) => index >= p.startIndex - fps && index <= p.endIndex + 1.5 * fps);
  const inLoop = rows.sightings.map((s) => ({ s, pass: passOf(indexAt(s.first_seen_at.getTime())), inside: s.first_seen_at.getTime() >= from && s.first_seen_at.getTime() <= to }));
  const passes = video.passes.map((pass) => {
    const shown = loop.samples.filter((x) => x.visible && x.index !== undefined && x.index >= pass.startIndex && x.index <= pass.endIndex);
    const sightings = inLoop.filter((x) => x.inside && x.pass === pass).map((x) => x.s);
    const ids = new Set(sightings.map((x) => x.id));
    const punches = rows.punches.filter((p) => (p.evidence_sighting_id ? ids.has(p.evidence_sighting_id) : passOf(indexAt(p.at.getTime())) === pass));
    const reviews = sightings.filter((x) => x.verdict === 'REVIEW' && x.review_status === 'PENDING');
    return { pass, faceAtMs: shown[0]?.atMs ?? Number.NaN, sightings, punches, reviews, framesWithFace: shown.length };
  });
  const strays = inLoop.filter((x) => x.inside && !x.pass).map((x) => x.s);
  return { passes, strays };
}

/** The running gate's statistics for one camera (runtime.stats(), H3's GateStats). */
export function gateStatsOf(t: TestApp, cameraId: string): GateStats | undefined {
  const s = recognitionRuntime(t.ctx).stats().find((x) => x.cameraId === cameraId) as (GateStats & { cameraId: string; recent?: unknown }) | undefined;
  if (!s) return undefined;
  const { recent: _recent, cameraId: _id, ...rest } = s;
  return rest;
}

/** The code base's one quantile (linear between ranks, as PostgreSQL's percentile_cont). */
export { quantile } from '../../src/platform/math/quantile';
