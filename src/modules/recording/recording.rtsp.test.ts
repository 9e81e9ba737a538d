import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { RtspTestServer } from '../../../test/rtsp/rtsp-server';
import { DiskBlobStore, FFMPEG, ffmpegVideoEngine, run } from '../../../test/helpers/adapters';
import { createLogger } from '../../platform/observability/logger';
import type { Db } from '../../platform/ports/db';
import { AppError } from '../../platform/errors';
import { insertCamera } from '../cameras/cameras.repo';
import { CameraRuntime } from '../cameras/runtime';
import { SecretBox } from '../cameras/secret-box';
import { type EvidenceDeps, exportClip, exportSnapshot, verifyEvidence } from './evidence.service';
import { pruneByQuota, pruneForDisk } from './retention';
import { type GapRow, SegmentIndexer, type SegmentRow } from './segment-index';
import { waitFor } from '../../../test/helpers/wait';

/**
 * Recording against a real RTSP server (GStreamer, Debian) with Debian's ffmpeg: contiguous segments, an outage
 * of 20 s that is recorded as a gap, clip and snapshot export, bad cameras that never disturb the good one, and
 * retention by quota that spares legal holds. Segments are 2 s here (10 s in production) to keep the run short.
 */
const SEGMENT_SECONDS = 2;
const GOP_SECONDS = 1;
const actor = { id: null, name: 'test' };

/** Decodes one picture to 160x90 RGB so frames from different paths compare pixel by pixel. */
async function decodeRgb(input: string[], file: string, filter = 'null'): Promise<Buffer> {
  const r = await run(
    FFMPEG,
    ['-hide_banner', '-loglevel', 'error', ...input, '-i', file, '-vf', `${filter},scale=160:90`, '-frames:v', '1', '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1'],
    { timeoutMs: 30_000 },
  );
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

function meanAbsDiff(a: Buffer, b: Buffer): number {
  assert.equal(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum / a.length;
}

forEachDb('recording from a real RTSP camera', (getDb) => {
  let db: Db;
  let rtsp: RtspTestServer;
  let runtime: CameraRuntime;
  let dir: string;
  let root: string;
  let deps: EvidenceDeps;
  const engine = ffmpegVideoEngine();
  const cam = { good: randomUUID(), h265: randomUUID(), refused: randomUUID() };
  let unitId: string;
  const states: Record<string, string[]> = { [cam.good]: [], [cam.h265]: [], [cam.refused]: [] };
  let restartedAt: Date;
  let stoppedAt: Date;

  before(async () => {
    db = await getDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-rec-'));
    root = path.join(dir, 'recordings');
    rtsp = await RtspTestServer.start({ cam: `ball:320x240:25:${25 * GOP_SECONDS}`, h265: 'h265' });
    unitId = randomUUID();
    await db.query(
      `INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'UBND xã Thử', 'UBND_XA', 'XA', '2025-07-01')`,
      [unitId, `T${unitId.slice(0, 8)}`],
    );
    const base = {
      unit_id: unitId, sub_url: null, credentials_enc: null, direction: null, recognition_allowed: false, enabled: true,
      segment_seconds: SEGMENT_SECONDS, retention_days: 30, quota_bytes: null, privacy_masks: [],
    };
    await insertCamera(db, cam.good, { ...base, name: 'Cổng', location_type: 'GATE', main_url: rtsp.url('cam') });
    await insertCamera(db, cam.h265, { ...base, name: 'H.265', location_type: 'OTHER', main_url: rtsp.url('h265') });
    // Nothing listens on port 9: connection refused.
    await insertCamera(db, cam.refused, { ...base, name: 'Tắt', location_type: 'OTHER', main_url: 'rtsp://127.0.0.1:9/none' });
    const box = SecretBox.fromConfig({ dataDir: dir });
    runtime = new CameraRuntime({ db, log: createLogger('silent'), engine, box }, { recordingsRoot: root });
    const indexer = new SegmentIndexer(db, root);
    runtime.setSink({
      segmentClosed: (id, seg) => indexer.segmentClosed(id, seg),
      cameraDown: (id, at, reason) => indexer.cameraDown(id, at, reason),
    });
    const originalOnState = (runtime as unknown as { onState: (e: { camera: { id: string } }, s: { kind: string }) => void }).onState.bind(runtime);
    (runtime as unknown as { onState: typeof originalOnState }).onState = (entry, state) => {
      states[entry.camera.id]?.push(state.kind);
      originalOnState(entry, state);
    };
    await runtime.startAll();
    deps = { db, blobs: new DiskBlobStore(path.join(dir, 'blobs')), engine, recordingsRoot: root, now: () => new Date() };
  });

  after(async () => {
    await runtime?.stopAll();
    await rtsp?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const segments = () =>
    db.query<SegmentRow>('SELECT * FROM recording_segments WHERE camera_id = $1 ORDER BY started_at', [cam.good]);

  it('records contiguous, indexed segments of about the configured length', async () => {
    const rows = await waitFor('4 segments', async () => {
      const r = await segments();
      return r.length >= 4 ? r : undefined;
    }, 60_000);
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1] as SegmentRow;
      const cur = rows[i] as SegmentRow;
      assert.ok(Math.abs(cur.started_at.getTime() - prev.ended_at.getTime()) <= 50, `segment ${i} starts where ${i - 1} ends`);
      assert.ok(fs.existsSync(path.join(root, cur.path)), 'segment file exists');
      assert.ok(cur.bytes > 1000);
    }
    // The first segment may be longer (the muxer waits for a keyframe after the segment time); the others are ~2 s.
    for (const s of rows.slice(1, -1)) {
      const len = (s.ended_at.getTime() - s.started_at.getTime()) / 1000;
      assert.ok(len >= SEGMENT_SECONDS - 0.1 && len <= SEGMENT_SECONDS + GOP_SECONDS + 0.1, `segment length ${len}`);
    }
  });

  it('keeps recording the good camera while a wrong-codec and an unreachable camera fail with clear states', async () => {
    const h265 = runtime.state(cam.h265);
    assert.equal(h265?.kind, 'error');
    assert.equal(h265?.kind === 'error' && h265.problem, 'UNSUPPORTED_CODEC');
    const refused = runtime.state(cam.refused);
    assert.ok(refused && (refused.kind === 'reconnecting' || refused.kind === 'offline'), `refused camera is ${refused?.kind}`);
    assert.match(refused && 'lastError' in refused ? refused.lastError : '', /refused/i);
    assert.equal(runtime.state(cam.good)?.kind, 'online');
    const stored = await db.query<{ id: string; health: string }>('SELECT id, health FROM cameras WHERE id = ANY($1::uuid[])', [
      [cam.h265, cam.good],
    ]);
    assert.equal(stored.find((r) => r.id === cam.h265)?.health, 'ERROR');
  });

  it('survives a 20 s RTSP outage: reconnects within 5 s of the restart and records the gap', async () => {
    const before = await segments();
    stoppedAt = new Date();
    await rtsp.stop();
    await waitFor('reconnecting state', async () => (runtime.state(cam.good)?.kind === 'reconnecting' ? true : undefined), 20_000);
    await new Promise((r) => setTimeout(r, Math.max(0, 20_000 - (Date.now() - stoppedAt.getTime()))));
    await rtsp.start();
    restartedAt = new Date();
    const firstAfter = await waitFor('a segment after the restart', async () => {
      const r = await db.query<SegmentRow>('SELECT * FROM recording_segments WHERE camera_id = $1 AND started_at > $2 ORDER BY started_at LIMIT 1', [
        cam.good,
        stoppedAt.toISOString(),
      ]);
      return r[0];
    }, 60_000);
    const resumeSeconds = (firstAfter.started_at.getTime() - restartedAt.getTime()) / 1000;
    assert.ok(resumeSeconds < 5, `recording resumed ${resumeSeconds.toFixed(2)} s after the server came back`);
    const gaps = await db.query<GapRow>('SELECT * FROM recording_gaps WHERE camera_id = $1 ORDER BY started_at', [cam.good]);
    assert.equal(gaps.length, 1, 'one gap for one outage');
    const gap = gaps[0] as GapRow;
    const lastBefore = (await db.query<SegmentRow>('SELECT * FROM recording_segments WHERE camera_id = $1 AND started_at < $2 ORDER BY started_at DESC LIMIT 1', [cam.good, stoppedAt.toISOString()]))[0] as SegmentRow;
    assert.ok(before.length > 0);
    // The gap runs from the end of the last footage to the first footage after the outage.
    assert.ok(Math.abs(gap.started_at.getTime() - lastBefore.ended_at.getTime()) <= 2500, 'gap starts at the end of the footage');
    assert.equal(gap.ended_at?.getTime(), firstAfter.started_at.getTime());
    const gapSeconds = ((gap.ended_at as Date).getTime() - gap.started_at.getTime()) / 1000;
    assert.ok(gapSeconds >= 19 && gapSeconds < 30, `gap of ${gapSeconds} s`);
    assert.ok(states[cam.good]?.includes('reconnecting'));
    assert.equal(states[cam.good]?.at(-1), 'online');
  });

  it('exports a clip across three segments: duration within one keyframe interval, SHA-256 matches the manifest', async () => {
    const rows = await waitFor('3 contiguous segments after the outage', async () => {
      const r = (await segments()).filter((s) => s.started_at > restartedAt);
      return r.length >= 4 ? r : undefined;
    }, 60_000);
    const [s1, s2, s3] = rows.slice(1, 4) as [SegmentRow, SegmentRow, SegmentRow];
    const from = new Date(s1.started_at.getTime() + 600);
    const to = new Date(s3.started_at.getTime() + 1000);
    const requested = (to.getTime() - from.getTime()) / 1000;
    const row = await exportClip(deps, { cameraId: cam.good, from, to, reason: 'Kiểm tra trích xuất', actor, masked: false });
    const manifest = row.manifest;
    assert.equal(manifest.video?.segments, 3);
    const duration = manifest.video?.durationSeconds ?? 0;
    assert.ok(Math.abs(duration - requested) <= GOP_SECONDS + 0.05, `clip ${duration} s for ${requested} s requested`);
    assert.ok(row.actual_from <= from && from.getTime() - row.actual_from.getTime() <= GOP_SECONDS * 1000, 'starts on the keyframe before `from`');
    const file = path.join(dir, 'blobs', row.blob_key);
    const sha = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    assert.equal(sha, manifest.file.sha256);
    assert.equal(sha, row.sha256);
    const stored = JSON.parse(fs.readFileSync(path.join(dir, 'blobs', row.manifest_key), 'utf8'));
    assert.equal(stored.file.sha256, sha);
    assert.equal((await verifyEvidence(deps, row.id)).ok, true);
    // Tampering with the file is detected.
    fs.appendFileSync(file, Buffer.from([0]));
    assert.equal((await verifyEvidence(deps, row.id)).ok, false);
    const audit = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_type = 'evidence' AND entity_id = $1", [row.id]);
    assert.deepEqual(audit.map((a) => a.action), ['evidence.export_clip']);
    void s2;
  });

  it('a snapshot at an instant is the frame shown at that instant', async () => {
    const rows = (await segments()).filter((s) => s.started_at > restartedAt);
    const seg = rows[2] as SegmentRow;
    const offset = 0.52;
    const at = new Date(seg.started_at.getTime() + offset * 1000);
    const snap = await exportSnapshot(deps, { cameraId: cam.good, at, reason: 'Ảnh tại thời điểm', actor, masked: false, format: 'png' });
    const png = path.join(dir, 'blobs', snap.blob_key);
    const segFile = path.join(root, seg.path);
    const got = await decodeRgb([], png);
    const reference = await decodeRgb([], segFile, `select='gte(t\\,${offset})'`);
    const later = await decodeRgb([], segFile, `select='gte(t\\,${offset + 0.6})'`);
    const same = meanAbsDiff(got, reference);
    const other = meanAbsDiff(got, later);
    assert.ok(same < 1, `snapshot differs from the reference frame by ${same}`);
    assert.ok(other > same + 0.5, `a frame 0.6 s later differs more (${other} vs ${same})`);
  });

  it('refuses reversed ranges, ranges without footage and instants in the future with clear errors', async () => {
    const now = Date.now();
    const expectCode = async (p: Promise<unknown>, code: string) => {
      await assert.rejects(p, (err: unknown) => err instanceof AppError && err.code === code);
    };
    await expectCode(exportClip(deps, { cameraId: cam.good, from: new Date(now - 5000), to: new Date(now - 10_000), reason: 'đảo ngược', actor }), 'REVERSED_RANGE');
    await expectCode(exportClip(deps, { cameraId: cam.good, from: new Date(now - 7200_000), to: new Date(now - 7100_000), reason: 'không có hình', actor }), 'NO_FOOTAGE');
    await expectCode(exportClip(deps, { cameraId: cam.refused, from: new Date(now - 60_000), to: new Date(now - 1000), reason: 'camera tắt', actor }), 'NO_FOOTAGE');
    await expectCode(exportSnapshot(deps, { cameraId: cam.good, at: new Date(now + 3600_000), reason: 'tương lai', actor }), 'RANGE_IN_FUTURE');
    await expectCode(exportClip(deps, { cameraId: cam.good, from: new Date(now - 4 * 3600_000), to: new Date(now), reason: 'quá dài', actor }), 'RANGE_TOO_LONG');
  });

  it('retention by quota deletes the oldest footage first and never held footage', async () => {
    await runtime.stopCamera(cam.good);
    const all = await segments();
    assert.ok(all.length >= 8, `have ${all.length} segments`);
    const held = all.slice(0, 2) as [SegmentRow, SegmentRow];
    await db.query(
      `INSERT INTO legal_holds (id, camera_id, unit_id, starts_at, ends_at, reason) VALUES ($1,$2,$3,$4,$5,'vụ mất xe')`,
      [randomUUID(), cam.good, unitId, held[0].started_at.toISOString(), new Date(held[1].ended_at.getTime() - 10).toISOString()],
    );
    const total = all.reduce((n, s) => n + s.bytes, 0);
    const lastThree = all.slice(-3).reduce((n, s) => n + s.bytes, 0);
    const quota = held[0].bytes + held[1].bytes + lastThree;
    const deleted = await pruneByQuota(db, root, { id: cam.good, quota_bytes: quota });
    const left = await segments();
    assert.ok(left.some((s) => s.id === held[0].id) && left.some((s) => s.id === held[1].id), 'held segments are kept');
    assert.ok(left.reduce((n, s) => n + s.bytes, 0) <= quota, 'footage fits the quota');
    assert.equal(deleted.length + left.length, all.length);
    // Deleted ones are exactly the oldest unheld ones.
    const unheld = all.filter((s) => s.id !== held[0].id && s.id !== held[1].id);
    assert.deepEqual(deleted.map((d) => d.id).sort(), unheld.slice(0, deleted.length).map((s) => s.id).sort());
    for (const d of deleted) assert.equal(fs.existsSync(path.join(root, d.path)), false, 'file removed');
    assert.ok(total > quota);
  });

  it('the disk-full guard prunes unheld footage until the floor is met, and stops when only held footage is left', async () => {
    const before = await segments();
    let free = 0;
    const victims = await pruneForDisk(db, root, {
      minFreeBytes: 10 ** 12,
      minFreeRatio: 0,
      space: async () => ({ free: free++, total: 10 ** 13 }),
    });
    const left = await segments();
    assert.equal(left.length, 2, 'only the two held segments remain');
    assert.equal(victims.length, before.length - 2);
  });
});
