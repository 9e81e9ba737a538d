import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { AppContext } from '../../src/platform/module';
import { localAdapters } from '../../src/app/container';
import { buildServer, type StartedModules, startModules } from '../../src/app/server';
import { loadConfig } from '../../src/config/config';
import { issueSourceToken } from '../../src/modules/attendance/source-auth';
import { cameraServices } from '../../src/modules/cameras';
import { GAP_TOLERANCE_MS } from '../../src/modules/recording/segment-index';
import { DiskBlobStore } from '../../src/platform/adapters/blobs-disk';
import { MemoryBus } from '../../src/platform/adapters/bus-memory';
import { openPostgres } from '../../src/platform/adapters/db-postgres';
import { migrate } from '../../src/platform/db/migrate';
import { createLogger } from '../../src/platform/observability/logger';
import { waitFor } from '../helpers/wait';
import { RtspTestServer } from '../rtsp/rtsp-server';
import { insertTestGateCamera } from '../helpers/test-camera';
import { privateClusterSuite, sleep, terminateBackends } from './private-cluster-suite';

/**
 * Issue 11, acceptance item 2, on a real PostgreSQL server of this file's own (see private-cluster-suite.ts): a device
 * ingest burst with a camera recording, through backend terminations, an orderly restart, an immediate stop and a
 * killed postmaster.
 */

privateClusterSuite('database faults on a private PostgreSQL server (F3, acceptance 2)', ['ingest_faults'], (cluster, uncaught) => {
  /** One HTTP answer seen during the burst: when its request started and ended, and what it said. */
  interface Answer {
    what: 'health' | 'ingest';
    start: number;
    end: number;
    status: number;
    code?: string;
    bilingual: boolean;
  }

  describe('acceptance 2: a device ingest burst through backend terminations, restarts and crashes, with a camera recording', () => {
    const name = `kc-fault-${randomBytes(4).toString('hex')}`;
    const DB = 'ingest_faults';
    let rtsp: RtspTestServer;
    let ctx: AppContext;
    let app: FastifyInstance;
    let modules: StartedModules;
    let dir: string;
    let token: string;
    const personId = randomUUID();
    const cameraId = randomUUID();
    const sourceId = 'fault-gate';

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-fault-'));
      // Short waits so an outage is noticed (and left) quickly; background ticks often enough to meet the outages
      // (KC_ATTENDANCE_TICK_SECONDS below).
      const db = await openPostgres(cluster().url(DB, name), { max: 6, connectTimeoutMs: 2000 });
      await migrate(db);
      const unitId = randomUUID();
      await db.query(
        `INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'UBND xã Thử', 'UBND_XA', 'XA', '2025-07-01')`,
        [unitId, `F${unitId.slice(0, 8)}`],
      );
      await db.query(`INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text) VALUES ($1, $2, 'Người thử', 'CONG_CHUC', $3, 'nguoi thu')`, [
        personId,
        `P-${personId.slice(0, 8)}`,
        unitId,
      ]);
      // The gate device authenticates as itself, as a real one does (F2).
      await db.query(`INSERT INTO punch_sources (id, kind, name, unit_id) VALUES ($1, 'DEVICE', 'Máy chấm công cổng', $2)`, [sourceId, unitId]);
      token = await issueSourceToken(db, sourceId, new Date());
      rtsp = await RtspTestServer.start({ cam: 'ball:320x240:25:25' });
      await insertTestGateCamera(db, cameraId, unitId, rtsp.url('cam'));
      const config = loadConfig({ KC_DATA_DIR: dir, KC_LOG_LEVEL: 'silent', KC_FACE_RECOGNITION: 'off', KC_ATTENDANCE_TICK_SECONDS: '2' });
      const log = createLogger('silent');
      ctx = { config, db, bus: new MemoryBus(), blobs: new DiskBlobStore(path.join(dir, 'blobs')), log, now: () => new Date(), ...localAdapters(config, log) };
      app = await buildServer(ctx);
      modules = await startModules(ctx);
    });

    after(async () => {
      await app?.close();
      await modules?.stop();
      await ctx?.bus.close();
      await ctx?.db.close();
      await rtsp?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    const segments = () =>
      cluster().query<{ started_at: Date; ended_at: Date; path: string }>(
        'SELECT started_at, ended_at, path FROM recording_segments WHERE camera_id = $1 ORDER BY started_at',
        [cameraId],
        DB,
      );

    it('stays up, answers 503 only during the outages, loses and duplicates no acknowledged punch, and records without a gap', async (t) => {
      await waitFor('two indexed segments before the faults', async () => ((await segments()).length >= 2 ? true : undefined), 60_000);

      const answers: Answer[] = [];
      const unexpected: unknown[] = [];
      const answer = async (what: Answer['what'], request: InjectOptions) => {
        const start = Date.now();
        const res = await app.inject(request);
        const body = res.json() as { code?: string; message_vi?: string; message_en?: string };
        const a: Answer = { what, start, end: Date.now(), status: res.statusCode, code: body.code, bilingual: !!body.message_vi && !!body.message_en };
        answers.push(a);
        return { a, body: res.json() as unknown };
      };

      // The device side: 4 senders posting batches of 3 events to the device endpoint; a batch that fails is sent
      // again until it is acknowledged, as a gate device does (items it had committed then come back as DUPLICATE).
      const acked = new Set<string>();
      const retry: string[][] = [];
      let sent = 0;
      let bursting = true;
      const at = new Map<string, string>();
      const post = async (ids: string[]) => {
        const items = ids.map((sourceEventId) => ({ sourceEventId, personId, at: at.get(sourceEventId), direction: 'IN' }));
        const { a, body } = await answer('ingest', {
          method: 'POST',
          url: '/api/attendance/punches/ingest',
          headers: { authorization: `Bearer ${token}` },
          payload: { items },
        });
        if (a.status === 503) {
          retry.push(ids);
          return;
        }
        const results = (body as { results?: Array<{ status: string }> }).results;
        if (a.status !== 200 || results?.length !== ids.length) {
          unexpected.push({ status: a.status, body });
          return;
        }
        results.forEach((r, i) => {
          if (r.status === 'ACCEPTED' || r.status === 'DUPLICATE') acked.add(ids[i] as string);
          else unexpected.push(r);
        });
      };
      const sender = async () => {
        while (bursting) {
          const ids =
            retry.shift() ??
            [1, 2, 3].map(() => {
              const id = `ev-${++sent}`;
              at.set(id, new Date(Date.now() - 1000).toISOString());
              return id;
            });
          await post(ids);
          await sleep(20);
        }
      };
      // The operator side: /api/health every 100 ms (it asks the database).
      let polling = true;
      const poller = (async () => {
        while (polling) {
          await answer('health', { method: 'GET', url: '/api/health' });
          await sleep(100);
        }
      })();
      const senders = [sender(), sender(), sender(), sender()];

      const windows: Array<{ from: number; to: number; what: string }> = [];
      const outage = async (what: string, inflict: () => Promise<void>) => {
        const from = Date.now();
        await inflict();
        windows.push({ from, to: Date.now(), what });
        // Steady time after each outage, to see the service come back before the next one.
        await sleep(4000);
      };
      await sleep(3000);
      // 1. All the app's backends terminated (what a failover's fencing or an operator's pg_terminate_backend does),
      //    again and again for 4 s.
      let terminated = 0;
      await outage('backends terminated', async () => {
        const until = Date.now() + 4000;
        while (Date.now() < until) {
          terminated += await terminateBackends(cluster(), name);
          await sleep(250);
        }
      });
      // 2. An orderly restart: pg_ctl restart -m fast (open sessions are ended, the server comes back).
      await outage('pg_ctl restart -m fast', () => cluster().restart());
      // 3. Every server process quits at once (immediate stop, no checkpoint); down for 2 s; crash recovery at start.
      await outage('pg_ctl stop -m immediate, start', async () => {
        await cluster().stopImmediate();
        await sleep(2000);
        await cluster().startServer();
      });
      // 4. The postmaster is killed (kill -9), as in a crash; down for 2 s; started again with crash recovery.
      await outage('kill -9 postmaster, start', async () => {
        await cluster().killPostmaster();
        await sleep(2000);
        await cluster().startServer();
      });
      bursting = false;
      await Promise.all(senders);
      // Every batch not acknowledged yet is sent again until it is.
      await waitFor(
        'every event acknowledged',
        async () => {
          for (const ids of retry.splice(0)) await post(ids);
          return retry.length === 0 ? true : undefined;
        },
        30_000,
      );
      polling = false;
      await poller;

      const t0 = (windows[0] as { from: number }).from;
      const rel = (t: number) => t - t0;
      const windowList = JSON.stringify(windows.map((w) => [w.what, rel(w.from), rel(w.to)]));
      for (const w of windows) {
        const felt = answers.filter((a) => a.status === 503 && a.end >= w.from && a.start <= w.to + 3000);
        t.diagnostic(
          `${w.what}: +${rel(w.from)}..+${rel(w.to)} ms, 503s: ${felt.filter((a) => a.what === 'ingest').length} ingest, ${felt.filter((a) => a.what === 'health').length} health`,
        );
      }
      t.diagnostic(`${sent} events sent in ${answers.filter((a) => a.what === 'ingest').length} ingest requests, ${acked.size} acknowledged`);
      assert.deepEqual(unexpected, [], 'every answer is an acknowledgement or a 503');
      assert.ok(terminated > 0, 'backends were terminated');
      assert.ok(sent > 100, `burst of ${sent} events`);
      assert.ok(
        answers.some((a) => a.what === 'ingest' && a.status === 503),
        'the outages were felt by the burst',
      );

      // The process stayed up and answers.
      assert.deepEqual(uncaught, [], 'no uncaught exception');
      assert.equal((await app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200);

      // 5xx only during the outages (a request waiting for a connection when one ends may answer up to the connect
      // timeout later), and always a clear, bilingual 503.
      const graceMs = 3000;
      const failures = answers.filter((a) => a.status >= 500);
      for (const f of failures) {
        assert.equal(f.status, 503, `${f.what} answered ${f.status}`);
        assert.ok(f.code === 'DATABASE_UNAVAILABLE' || f.code === 'DATABASE_TIMEOUT', `code ${f.code}`);
        assert.ok(f.bilingual, 'message_vi and message_en');
        assert.ok(
          windows.some((w) => f.start <= w.to + graceMs && f.end >= w.from),
          `${f.what} 503 at +${rel(f.start)}..+${rel(f.end)} ms is outside the outages ${windowList}`,
        );
      }
      assert.ok(
        answers.every((a) => a.status === 200 || a.status === 503),
        'no other status',
      );
      // While the server was down, health said so; after each outage the service came back before the next one.
      for (const w of windows.slice(2)) {
        assert.ok(
          failures.some((f) => f.what === 'health' && f.end >= w.from && f.start <= w.to),
          `health answered 503 during "${w.what}" (${windowList})`,
        );
      }
      windows.forEach((w, i) => {
        const next = windows[i + 1]?.from ?? Number.POSITIVE_INFINITY;
        for (const what of ['health', 'ingest'] as const)
          assert.ok(
            answers.some((a) => a.what === what && a.status === 200 && a.start > w.to && a.end < next),
            `${what} answered 200 again after "${w.what}" (${windowList})`,
          );
      });

      // 0 acknowledged punches lost, 0 duplicated, one audit row each.
      const rows = await cluster().query<{ source_event_id: string; n: number }>(
        'SELECT source_event_id, count(*)::int AS n FROM punches WHERE source_id = $1 GROUP BY source_event_id',
        [sourceId],
        DB,
      );
      const stored = new Map(rows.map((r) => [r.source_event_id, r.n]));
      assert.equal(acked.size, sent, 'every event sent was acknowledged in the end');
      const lost = [...acked].filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], 'acknowledged punches missing from the database');
      assert.deepEqual(
        rows.filter((r) => r.n > 1),
        [],
        'duplicated punches',
      );
      assert.equal(stored.size, sent, 'nothing stored that was never sent');
      const audit = await cluster().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'attendance.punch_ingest' AND entity_id IN (SELECT id::text FROM punches WHERE source_id = $1)`,
        [sourceId],
        DB,
      );
      assert.equal(audit[0]?.n, sent, 'one audit row per punch');

      // Recording went on; everything written during the outages is indexed, without a gap.
      const end = Date.now();
      const all = await waitFor(
        'segments up to the end of the test indexed',
        async () => {
          const s = await segments();
          return s.length > 0 && (s.at(-1) as { ended_at: Date }).ended_at.getTime() >= end - 2000 ? s : undefined;
        },
        60_000,
      );
      const during = all.filter((s) => s.ended_at.getTime() >= t0 - 2000);
      assert.ok(during.length >= 12, `${during.length} segments across the faults`);
      for (let i = 1; i < during.length; i++) {
        const hole = (during[i] as { started_at: Date }).started_at.getTime() - (during[i - 1] as { ended_at: Date }).ended_at.getTime();
        assert.ok(hole <= GAP_TOLERANCE_MS, `hole of ${hole} ms between segments ${i - 1} and ${i}`);
      }
      for (const s of during) assert.ok(fs.existsSync(path.join(dir, 'recordings', s.path)), `file of ${s.path}`);
      const gaps = await cluster().query('SELECT started_at, ended_at, reason FROM recording_gaps WHERE camera_id = $1', [cameraId], DB);
      assert.deepEqual(gaps, [], 'no recording gap');
      assert.equal(cameraServices(ctx).runtime.state(cameraId)?.kind, 'online');
      // The outbox relay came back too.
      await waitFor(
        'outbox drained',
        async () => ((await cluster().query<{ n: number }>('SELECT count(*)::int AS n FROM event_outbox WHERE published_at IS NULL', [], DB))[0]?.n === 0 ? true : undefined),
        30_000,
      );
    });
  });
});
