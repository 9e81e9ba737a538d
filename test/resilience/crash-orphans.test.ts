import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEMO_MOUNT_PREFIX, gstreamerAvailable } from '../../src/modules/cameras/demo';
import { GAP_NOT_RECORDING } from '../../src/modules/recording/segment-index';
import { openPglite } from '../../src/platform/adapters/db-pglite';
import { migrate } from '../../src/platform/db/migrate';
import { waitFor } from '../helpers/wait';
import { freePort } from '../rtsp/rtsp-server';
import { type AppProcess, alive, descendants, mentioning, startKycuong } from './processes';
import { insertTestGateCamera } from '../helpers/test-camera';

/**
 * Finding F14, as an operator meets it: `kycuong start` (a real process, the embedded PGlite database) recording a
 * demo camera through its own GStreamer RTSP server is killed with SIGKILL. Nothing it started may survive it, and
 * the segment it was writing must be indexed after the restart. SIGTERM stops it within the 10 s budget, also with a
 * recompute backlog queued, and a start on a port already in use exits without starting any child.
 */
const skip = gstreamerAvailable() ? false : 'the GStreamer RTSP server (python3-gi, gir1.2-gst-rtsp-server-1.0) is not installed';

describe('crashes leave nothing behind (F14)', { skip }, () => {
  let dir: string;
  let port: number;
  const cameraId = randomUUID();
  let app: AppProcess | undefined;
  let env: Record<string, string>;
  const incoming = () => path.join(dir, 'recordings', cameraId, 'incoming');
  /** Segment files moved out of incoming/ (indexed), by name. */
  const indexedFiles = () => {
    const root = path.join(dir, 'recordings', cameraId);
    if (!fs.existsSync(root)) return [];
    return fs
      .readdirSync(root)
      .filter((d) => d !== 'incoming')
      .flatMap((d) => fs.readdirSync(path.join(root, d)));
  };
  const leftovers = () => (fs.existsSync(incoming()) ? fs.readdirSync(incoming()).filter((f) => f.endsWith('.mp4')) : []);
  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
    return res?.status === 200 ? true : undefined;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-crash-'));
    port = await freePort();
    const db = await openPglite(path.join(dir, 'pg'));
    await migrate(db);
    const unitId = randomUUID();
    await db.query(
      `INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'UBND xã Thử', 'UBND_XA', 'XA', '2025-07-01')`,
      [unitId, `C${unitId.slice(0, 8)}`],
    );
    // A demo camera: the app starts its own RTSP server for it (a child of the app, like the probe's).
    await insertTestGateCamera(db, cameraId, unitId, `rtsp://127.0.0.1:8554/${DEMO_MOUNT_PREFIX}/gate`);
    // A recompute backlog for SIGTERM to meet (40 people × 200 past days), left alone until the test about it turns
    // the attendance ticker on: processing it on the embedded database would slow the indexing the other tests watch.
    const people: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = randomUUID();
      people.push(id);
      await db.query(`INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text) VALUES ($1, $2, 'Người thử', 'CONG_CHUC', $3, 'nguoi thu')`, [
        id,
        `B-${i}-${id.slice(0, 6)}`,
        unitId,
      ]);
    }
    await db.query(
      `INSERT INTO attendance_dirty (person_id, date) SELECT p, d::date FROM unnest($1::uuid[]) p, generate_series(current_date - 200, current_date - 1, '1 day') d`,
      [people],
    );
    await db.close();
    env = {
      KC_DATA_DIR: dir,
      KC_HOST: '127.0.0.1',
      KC_PORT: String(port),
      KC_LOG_LEVEL: 'info',
      KC_FACE_RECOGNITION: 'off',
      KC_ATTENDANCE_TICK_SECONDS: '0',
    };
  });

  after(async () => {
    if (app && app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  let leftover: string[] = [];
  /** A test that failed half-way must not leave its server holding the port for the next one. */
  const killLeftOver = async () => {
    if (app && app.child.exitCode === null && app.child.signalCode === null) {
      app.child.kill('SIGKILL');
      await app.exited;
    }
  };

  it('SIGKILL of the app leaves no RTSP server or ffmpeg running', async (t) => {
    t.after(killLeftOver);
    app = startKycuong(env);
    const running = app;
    await waitFor('the server to answer', health, 90_000, 500).catch((err) => {
      throw new Error(`${err}\n${running.output().slice(-3000)}`);
    });
    await waitFor('two indexed segments', async () => (indexedFiles().length >= 2 ? true : undefined), 60_000);
    // A segment in progress with footage in it (fragments are flushed about every second).
    await waitFor(
      'a segment being written',
      async () => (leftovers().some((f) => fs.statSync(path.join(incoming(), f)).size > 20_000) ? true : undefined),
      30_000,
      200,
    );
    const pid = running.child.pid as number;
    const children = descendants(pid);
    const rtsp = children.filter((p) => p.cmdline.includes('rtsp_server.py'));
    const ffmpeg = children.filter((p) => /(^|\/)ffmpeg /.test(p.cmdline));
    assert.equal(rtsp.length, 1, `the app's RTSP server: ${JSON.stringify(children.map((c) => c.cmdline.slice(0, 80)))}`);
    assert.ok(ffmpeg.length >= 1, 'the camera recorder');

    running.child.kill('SIGKILL');
    await running.exited;
    await waitFor(
      'every child of the killed app to end',
      async () => (children.every((c) => !alive(c.pid)) ? true : undefined),
      10_000,
      100,
    ).catch(() => {
      throw new Error(`orphans left: ${JSON.stringify(children.filter((c) => alive(c.pid)).map((c) => c.cmdline.slice(0, 120)))}`);
    });
    assert.deepEqual(
      mentioning(dir).map((p) => p.cmdline.slice(0, 120)),
      [],
      'no process still works on the data directory',
    );
    leftover = leftovers().filter((f) => fs.statSync(path.join(incoming(), f)).size > 20_000);
    assert.ok(leftover.length >= 1, 'the segment in progress is still in incoming/');
  });

  it('after a restart, the segment the crash cut short is indexed, and the downtime is a gap with a readable reason', async (t) => {
    t.after(killLeftOver);
    app = startKycuong(env);
    const running = app;
    await waitFor('the server to answer again', health, 90_000, 500);
    await waitFor(
      'the leftover segments indexed',
      async () => {
        const indexed = indexedFiles();
        return leftover.every((f) => indexed.some((n) => n.endsWith(`_${f}`)) && !leftovers().includes(f)) ? true : undefined;
      },
      60_000,
    ).catch((err) => {
      throw new Error(`${err}: left ${JSON.stringify(leftover)}, incoming ${JSON.stringify(leftovers())}\n${running.output().slice(-4000)}`);
    });
    // And footage of the new run after it: the downtime between them is then a gap.
    const oldRuns = new Set(leftover.map((f) => f.split('_')[0]));
    await waitFor(
      'a segment of the new run indexed',
      async () => (indexedFiles().some((n) => !oldRuns.has(n.split('_')[1] as string)) ? true : undefined),
      60_000,
    );
    const t0 = Date.now();
    running.child.kill('SIGTERM');
    const exit = await running.exited;
    const stopSeconds = (Date.now() - t0) / 1000;
    assert.ok(stopSeconds < 12, `stopped in ${stopSeconds.toFixed(1)} s`);
    assert.equal(exit.code, 0, running.output().slice(-2000));

    const db = await openPglite(path.join(dir, 'pg'));
    try {
      const rows = await db.query<{ path: string; started_at: Date; ended_at: Date }>(
        'SELECT path, started_at, ended_at FROM recording_segments WHERE camera_id = $1 ORDER BY started_at',
        [cameraId],
      );
      for (const f of leftover) {
        const row = rows.find((r) => r.path.endsWith(`_${f}`));
        assert.ok(row, `a row for ${f}`);
        const seconds = (row.ended_at.getTime() - row.started_at.getTime()) / 1000;
        // Its length is what the file holds (wall-clock timestamps: a source that stalled before the crash stretches it).
        assert.ok(seconds > 0.5 && seconds < 15, `recovered segment of ${seconds} s`);
        assert.ok(fs.existsSync(path.join(dir, 'recordings', row.path)), 'its file is in place');
      }
      // The recovered segment continues the run it belonged to: no hole before it.
      const i = rows.findIndex((r) => r.path.endsWith(`_${leftover[0]}`));
      const prev = rows[i - 1];
      const cur = rows[i];
      if (prev && cur && prev.path.split('_')[1] === cur.path.split('_')[1])
        assert.ok(Math.abs(cur.started_at.getTime() - prev.ended_at.getTime()) <= 100, 'starts where the previous segment of its run ended');
      const gaps = await db.query<{ reason: string }>('SELECT reason FROM recording_gaps WHERE camera_id = $1', [cameraId]);
      assert.ok(gaps.length >= 1, 'the downtime is a gap');
      for (const g of gaps) assert.ok(g.reason === GAP_NOT_RECORDING || /\/ /.test(g.reason), `readable reason: ${g.reason}`);
    } finally {
      await db.close();
    }
    assert.deepEqual(mentioning(dir), [], 'nothing left running after SIGTERM');
  });

  it('SIGTERM stops the server within its 10 s budget while a recompute backlog is being processed', async (t) => {
    t.after(killLeftOver);
    // The attendance ticker, every second, meets the queued backlog (see before()).
    app = startKycuong({ ...env, KC_ATTENDANCE_TICK_SECONDS: '1' });
    const running = app;
    await waitFor('the server to answer', health, 90_000, 500);
    await new Promise((r) => setTimeout(r, 3000));
    const t0 = Date.now();
    running.child.kill('SIGTERM');
    const exit = await running.exited;
    const stopSeconds = (Date.now() - t0) / 1000;
    assert.ok(stopSeconds < 12.5, `stopped in ${stopSeconds.toFixed(1)} s (exit code ${exit.code})\n${running.output().slice(-2000)}`);
    assert.deepEqual(mentioning(dir), [], 'nothing left running after SIGTERM');
  });

  it('a port already in use fails the start before any camera, ffmpeg or RTSP server starts', async (t) => {
    t.after(killLeftOver);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', () => resolve()));
    try {
      const before = fs.readdirSync(incoming()).sort();
      app = startKycuong(env);
      const running = app;
      const exit = await running.exited;
      assert.equal(exit.code, 1);
      assert.match(running.output(), /EADDRINUSE/);
      assert.deepEqual(fs.readdirSync(incoming()).sort(), before, 'no recorder ran (no new segment or journal)');
      assert.deepEqual(mentioning(dir), [], 'nothing left running');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
