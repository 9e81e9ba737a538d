import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { onFrames } from '../../src/modules/cameras';
import { type GateStats, recognitionRuntime } from '../../src/modules/recognition';
import type { Session, TestApp } from '../helpers/app';
import { fastResize, type GateVideo, type TimelinePass } from '../helpers/gate-video';

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

/**
 * Watches the analysis frames the camera module hands out (its own subscriber: the gate's queue is untouched) and
 * tells, from what is in them, which camera time corresponds to the start of the video file: the timeline is then
 * known in camera time (the clock of frame timestamps, first_seen_at and punch times alike).
 */
export class StreamClock {
  /** Per analysis frame: its camera time, whether something is in view, and how late it reached us (ms behind the clock). */
  readonly samples: { atMs: number; visible: boolean; lagMs: number }[] = [];
  private bg: { width: number; data: Uint8Array } | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    cameraId: string,
    private readonly video: GateVideo,
  ) {
    this.unsubscribe = onFrames(cameraId, (f) => {
      if (!this.bg || this.bg.width !== f.width) this.bg = fastResize(video.background, f.width, f.height);
      let differ = 0;
      let n = 0;
      for (let y = 0; y < f.height; y += 4)
        for (let x = 0; x < f.width; x += 4) {
          const i = (y * f.width + x) * 3 + 1;
          n++;
          if (Math.abs((f.rgb[i] as number) - (this.bg.data[i] as number)) > 40) differ++;
        }
      this.samples.push({ atMs: f.at.getTime(), visible: differ / n > 0.02, lagMs: Date.now() - f.at.getTime() });
    }, { queueSize: 8 });
  }

  get lastAtMs(): number | undefined {
    return this.samples.at(-1)?.atMs;
  }

  stop(): void {
    this.unsubscribe();
  }

  /**
   * Camera time (ms) of video time 0 of the loop the first frame belongs to: the phase whose timeline best agrees
   * with what the frames showed (middle of the best-agreeing range, 20 ms steps), with that agreement.
   */
  fit(): { t0Ms: number; agreement: number } {
    const first = this.samples[0]?.atMs;
    if (first === undefined) throw new Error('no frames seen');
    const D = this.video.durationS * 1000;
    let best = -1;
    let bestFrom = 0;
    let bestTo = 0;
    for (let phase = 0; phase < D; phase += 20) {
      const t0 = first - phase;
      let ok = 0;
      for (const s of this.samples) if (this.video.visibleAt((s.atMs - t0) / 1000) === s.visible) ok++;
      if (ok > best) {
        best = ok;
        bestFrom = phase;
        bestTo = phase;
      } else if (ok === best && phase - bestTo <= 20) bestTo = phase;
    }
    return { t0Ms: first - (bestFrom + bestTo) / 2, agreement: best / this.samples.length };
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
  /** Camera time (ms) of the first frame showing the face in this occurrence. */
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
 * Each pass of one loop of the video (the loop starting at camera time `loopT0Ms`), with the sightings whose face was
 * first seen from 1 s before it appeared to 1.5 s after it was last visible (passes are ≥ 3 s apart), the punches
 * those sightings made and their review items; and the sightings of that loop that belong to no pass.
 */
export function outcomesOfLoop(
  video: GateVideo,
  loopT0Ms: number,
  rows: { sightings: SightingRow[]; punches: PunchRow[] },
  samples: readonly { atMs: number; visible: boolean }[] = [],
): { passes: PassOutcome[]; strays: SightingRow[] } {
  const used = new Set<string>();
  const passes = video.passes.map((pass) => {
    const from = loopT0Ms + (pass.startS - 1) * 1000;
    const to = loopT0Ms + (pass.endS + 1.5) * 1000;
    const sightings = rows.sightings.filter((s) => s.first_seen_at.getTime() >= from && s.first_seen_at.getTime() <= to);
    for (const s of sightings) used.add(s.id);
    const ids = new Set(sightings.map((s) => s.id));
    const punches = rows.punches.filter((p) => (p.evidence_sighting_id ? ids.has(p.evidence_sighting_id) : p.at.getTime() >= from && p.at.getTime() <= to));
    const faceAtMs = loopT0Ms + pass.startS * 1000;
    const endMs = loopT0Ms + pass.endS * 1000;
    const framesWithFace = samples.filter((x) => x.visible && x.atMs >= faceAtMs - 300 && x.atMs <= endMs + 300).length;
    const reviews = sightings.filter((s) => s.verdict === 'REVIEW' && s.review_status === 'PENDING');
    return { pass, faceAtMs, sightings, punches, reviews, framesWithFace };
  });
  const end = loopT0Ms + video.durationS * 1000;
  const strays = rows.sightings.filter((s) => !used.has(s.id) && s.first_seen_at.getTime() >= loopT0Ms && s.first_seen_at.getTime() < end);
  return { passes, strays };
}

/** The running gate's statistics for one camera (runtime.stats(), H3's GateStats). */
export function gateStatsOf(t: TestApp, cameraId: string): GateStats | undefined {
  const s = recognitionRuntime(t.ctx).stats().find((x) => x.cameraId === cameraId) as (GateStats & { cameraId: string; recent?: unknown }) | undefined;
  if (!s) return undefined;
  const { recent: _recent, cameraId: _id, ...rest } = s;
  return rest;
}

export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}
