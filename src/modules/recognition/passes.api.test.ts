import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { BLOB_KINDS, recordBlobOwner } from '../../platform/blob-owners/blob-owners';
import { decodeImage, encodeJpeg } from '../../platform/image/codec';
import { putEnrollmentPhoto, recordEnrollmentPhoto } from './re-embed.photos';
import { setGateMetricsSource } from '../../platform/observability/metrics';

/**
 * The passes, gate statistics and bulk review routes (issue 14) over pass rows as the gate pipeline stores them (the
 * pipeline itself is driven in e2e/gate-review.e2e.test.ts): filters, paging, unit scope, bad input, bulk confirm and
 * the "confirmed by" of the punch it creates.
 */

interface PassSeed {
  cameraId: string;
  unitId: string;
  at: Date;
  verdict: 'AUTO' | 'REVIEW' | 'UNKNOWN';
  reason?: string;
  personId?: string | null;
  candidates?: { personId: string; score: number }[];
  score?: number;
  masked?: boolean;
  latencyMs?: number;
  fragments?: number;
  snapshot?: boolean;
}

for (const kind of dbKinds()) {
  describe(`gate passes HTTP API [${kind}]`, () => {
    let t: TestApp;
    let office: Session;
    let otherCommune: Session;
    let staff: Session;
    let gate: string;
    let parking: string;
    let unit: string;
    let lan: string;
    let nam: string;
    const base = new Date(Date.now() - 3 * 3_600_000);
    const ids: Record<string, string> = {};

    async function seedPass(key: string, p: PassSeed): Promise<string> {
      const id = randomUUID();
      ids[key] = id;
      const snapshotKey = p.snapshot ? `faces/sightings/test/${id}.jpg` : null;
      if (snapshotKey) {
        await t.ctx.blobs.put(snapshotKey, await encodeJpeg({ width: 16, height: 16, data: new Uint8Array(16 * 16 * 3).fill(120) }), 'image/jpeg');
        await recordBlobOwner(t.ctx.db, { key: snapshotKey, kind: BLOB_KINDS.sighting, unitId: p.unitId, personId: p.personId ?? null, createdBy: 'test' });
      }
      const decided = new Date(p.at.getTime() + (p.latencyMs ?? 800));
      await t.ctx.db.query(
        `INSERT INTO face_sightings (id, camera_id, unit_id, seen_at, first_seen_at, last_seen_at, decided_at, decision_latency_ms, frames, fragments,
           verdict, review_reason, person_id, score, masked, candidates, engine_meta, snapshot_key, review_status, created_at, probe_embedding)
         VALUES ($1,$2,$3,$4,$4,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,'{}',$15,$16,$5,$17)`,
        [
          id,
          p.cameraId,
          p.unitId,
          p.at,
          decided,
          p.latencyMs ?? 800,
          6,
          p.fragments ?? 1,
          p.verdict,
          p.reason ?? null,
          p.personId ?? null,
          p.score ?? null,
          p.masked ?? false,
          JSON.stringify(p.candidates ?? []),
          snapshotKey,
          p.verdict === 'REVIEW' ? 'PENDING' : null,
          p.verdict === 'UNKNOWN' ? null : Buffer.from([1, 2, 3]),
        ],
      );
      return id;
    }

    const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);

    before(async () => {
      // No live gate on the demo camera: its test pattern would add passes of its own to the fixture.
      t = await startTestApp(kind, { env: { KC_FACE_RECOGNITION: 'off' } });
      office = await loginAs(t.app, 'chanhvp');
      otherCommune = await loginAs(t.app, 'chutichtp');
      staff = await loginAs(t.app, 'canbo');
      const cams = await t.ctx.db.query<{ id: string; name: string; unit_id: string }>('SELECT id, name, unit_id FROM cameras');
      const byName = (prefix: string) => cams.find((c) => c.name.startsWith(prefix)) as { id: string; unit_id: string };
      gate = byName('Cổng chính').id;
      unit = byName('Cổng chính').unit_id;
      parking = byName('Bãi đỗ xe').id;
      lan = t.demo.persons.TT005 as string;
      nam = t.demo.persons.TT004 as string;
      const two = [
        { personId: lan, score: 0.93 },
        { personId: nam, score: 0.91 },
      ];
      await seedPass('auto1', { cameraId: gate, unitId: unit, at: at(0), verdict: 'AUTO', personId: lan, score: 0.97, latencyMs: 600, snapshot: true });
      await seedPass('auto2', { cameraId: gate, unitId: unit, at: at(5), verdict: 'AUTO', personId: nam, score: 0.96, latencyMs: 1000, masked: true, fragments: 2 });
      await seedPass('review1', { cameraId: gate, unitId: unit, at: at(10), verdict: 'REVIEW', reason: 'LOW_CONFIDENCE', candidates: two, score: 0.93, latencyMs: 1400 });
      await seedPass('review2', { cameraId: gate, unitId: unit, at: at(15), verdict: 'REVIEW', reason: 'MASKED_AMBIGUOUS', candidates: two, score: 0.92, masked: true, latencyMs: 1200 });
      await seedPass('live', { cameraId: gate, unitId: unit, at: at(20), verdict: 'REVIEW', reason: 'LOW_LIVENESS', candidates: [{ personId: nam, score: 0.97 }], score: 0.97, latencyMs: 900 });
      await seedPass('unknown', { cameraId: parking, unitId: unit, at: at(25), verdict: 'UNKNOWN', score: 0.7, latencyMs: 700 });
    });
    after(() => t?.close());

    const list = async (s: Session, query: string) => {
      const res = await s.get(`/api/recognition/passes?${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { total: number; items: { id: string; verdict: string; personName: string | null; cameraName: string | null; fragments: number; hasSnapshot: boolean }[] };
    };
    const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => Object.entries(ids).find(([, v]) => v === i.id)?.[0]);

    it('lists passes newest first and filters by camera, verdict (liveness doubts too), mask, time and person', async () => {
      const all = await list(office, 'pageSize=50');
      assert.equal(all.total, 6);
      assert.deepEqual(idsOf(all), ['unknown', 'live', 'review2', 'review1', 'auto2', 'auto1']);
      const first = all.items.find((i) => i.id === ids.auto1);
      assert.equal(first?.personName, 'Vũ Thị Lan');
      assert.equal(first?.hasSnapshot, true);
      assert.match(first?.cameraName ?? '', /^Cổng chính/);
      assert.equal(all.items.find((i) => i.id === ids.auto2)?.fragments, 2);

      assert.deepEqual(idsOf(await list(office, `cameraId=${parking}`)), ['unknown']);
      assert.deepEqual(idsOf(await list(office, 'verdict=AUTO')), ['auto2', 'auto1']);
      assert.deepEqual(idsOf(await list(office, 'verdict=REVIEW')), ['live', 'review2', 'review1']);
      assert.deepEqual(idsOf(await list(office, 'verdict=LIVENESS')), ['live']);
      assert.deepEqual(idsOf(await list(office, `verdict=REVIEW&cameraId=${gate}&masked=true`)), ['review2']);
      assert.deepEqual(idsOf(await list(office, `from=${encodeURIComponent(at(5).toISOString())}&to=${encodeURIComponent(at(15).toISOString())}`)), ['review1', 'auto2']);
      assert.deepEqual(idsOf(await list(office, `personId=${lan}`)), ['auto1']);
      assert.deepEqual(idsOf(await list(office, 'sort=score&order=asc&pageSize=2&page=1')), ['unknown', 'review2']);
      const page2 = await list(office, 'sort=score&order=asc&pageSize=2&page=2');
      assert.equal(page2.total, 6);
      assert.deepEqual(idsOf(page2), ['review1', 'auto2']);
    });

    it('shows a reviewer of another commune nothing, and refuses users without the review permission', async () => {
      assert.deepEqual((await list(otherCommune, 'pageSize=50')).items, []);
      assert.equal((await list(otherCommune, `cameraId=${gate}`)).total, 0);
      assert.equal((await otherCommune.get('/api/recognition/gate-stats')).json().cameras.length, 0);
      const refused = await staff.get('/api/recognition/passes');
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().code, 'FORBIDDEN');
      assert.equal((await staff.get('/api/recognition/gate-stats')).statusCode, 403);
      const foreign = await otherCommune.send('POST', '/api/recognition/reviews/bulk-confirm', { items: [{ id: ids.review1, personId: lan }] });
      assert.equal(foreign.statusCode, 403);
      assert.equal((await t.ctx.db.query<{ review_status: string }>('SELECT review_status FROM face_sightings WHERE id = $1', [ids.review1]))[0]?.review_status, 'PENDING');
    });

    it('refuses bad input with a code and a message in both languages', async () => {
      for (const [query, code] of [
        ['verdict=MAYBE', 'VALIDATION_FAILED'],
        ['cameraId=not-a-uuid', 'VALIDATION_FAILED'],
        ['pageSize=5000', 'VALIDATION_FAILED'],
        ['masked=perhaps', 'VALIDATION_FAILED'],
        ['from=yesterday', 'VALIDATION_FAILED'],
        ['extra=1', 'VALIDATION_FAILED'],
        [`from=${encodeURIComponent(at(10).toISOString())}&to=${encodeURIComponent(at(5).toISOString())}`, 'PASS_RANGE_INVALID'],
      ] as const) {
        const res = await office.get(`/api/recognition/passes?${query}`);
        assert.equal(res.statusCode, 400, query);
        const body = res.json() as { code: string; message_vi: string; message_en: string };
        assert.equal(body.code, code, query);
        assert.ok(body.message_vi && body.message_en, query);
      }
      assert.equal((await office.get('/api/recognition/gate-stats?hours=0')).statusCode, 400);
      const twoPeople = await office.send('POST', '/api/recognition/reviews/bulk-confirm', { items: [{ id: ids.review1, personId: lan }, { id: ids.review2, personId: nam }] });
      assert.equal(twoPeople.statusCode, 400);
      assert.equal(twoPeople.json().code, 'REVIEW_BULK_ONE_PERSON');
      assert.match(twoPeople.json().message_vi, /cùng một người/);
      const twice = await office.send('POST', '/api/recognition/reviews/bulk-confirm', { items: [{ id: ids.review1, personId: lan }, { id: ids.review1, personId: lan }] });
      assert.equal(twice.json().code, 'REVIEW_BULK_DUPLICATE');
      assert.equal((await office.send('POST', '/api/recognition/reviews/bulk-confirm', { items: [] })).statusCode, 400);
      const missing = await office.send('POST', '/api/recognition/reviews/bulk-confirm', { items: [{ id: randomUUID(), personId: lan }] });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().code, 'NOT_FOUND');
    });

    it('gives per-camera statistics over the window', async () => {
      const res = await office.get('/api/recognition/gate-stats?hours=24');
      assert.equal(res.statusCode, 200, res.body);
      const cams = res.json().cameras as { cameraId: string; running: boolean; window: Record<string, number | null> }[];
      const g = cams.find((c) => c.cameraId === gate);
      assert.ok(g, 'the gate camera is listed');
      assert.deepEqual(
        { passes: g.window.passes, auto: g.window.auto, review: g.window.review, unknown: g.window.unknown, liveness: g.window.livenessDoubts, merged: g.window.fragmentsMerged, pending: g.window.pendingReview },
        { passes: 5, auto: 2, review: 3, unknown: 0, liveness: 1, merged: 1, pending: 3 },
      );
      assert.equal(g.window.autoRate, 0.4);
      assert.equal(g.window.latencyP50Ms, 1000);
      assert.ok(Math.abs((g.window.latencyP95Ms ?? 0) - 1360) < 1e-6, String(g.window.latencyP95Ms));
      assert.equal(cams.find((c) => c.cameraId === parking)?.window.unknown, 1, 'a camera with stored passes is listed even without recognition now');
    });

    it('bulk-confirms one person’s passes: one punch each, audited, labelled with the reviewer; a decided pass is reported', async () => {
      const res = await office.send('POST', '/api/recognition/reviews/bulk-confirm', { items: [{ id: ids.review1, personId: lan }, { id: ids.review2, personId: lan }] });
      assert.equal(res.statusCode, 200, res.body);
      const out = res.json() as { confirmed: number; failed: number; results: { id: string; ok: boolean; punchId?: string }[] };
      assert.deepEqual([out.confirmed, out.failed], [2, 0]);
      const rows = await t.ctx.db.query<{ review_status: string; person_id: string; punch_id: string }>(
        'SELECT review_status, person_id, punch_id FROM face_sightings WHERE id = ANY($1::uuid[])',
        [[ids.review1, ids.review2]],
      );
      assert.ok(rows.every((r) => r.review_status === 'CONFIRMED' && r.person_id === lan && r.punch_id));
      const audits = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'faces.review_confirm' AND entity_id = ANY($1::text[])`, [[ids.review1, ids.review2]]);
      assert.equal(audits[0]?.n, 2);

      // The person's punches say who confirmed them (not "automatic").
      const month = at(10).toISOString().slice(0, 7);
      const m = (await office.get(`/api/attendance/persons/${lan}/month?month=${month}`)).json() as { punches: { source: string; confirmedBy: string | null }[] };
      const reviewed = m.punches.filter((p) => p.source.startsWith('camera-review:'));
      assert.equal(reviewed.length, 2);
      assert.ok(reviewed.every((p) => p.confirmedBy === 'Nguyễn Thị Hằng — Chánh Văn phòng'), JSON.stringify(reviewed));

      const again = (await office.send('POST', '/api/recognition/reviews/bulk-confirm', { items: [{ id: ids.review1, personId: lan }] })).json();
      assert.deepEqual([again.confirmed, again.failed, again.results[0].code], [0, 1, 'REVIEW_ALREADY_DECIDED']);
      const notCandidate = (await office.send('POST', '/api/recognition/reviews/bulk-confirm', { items: [{ id: ids.live, personId: lan }] })).json();
      assert.equal(notCandidate.results[0].code, 'REVIEW_NOT_A_CANDIDATE');
    });

    it('rejecting a pass discards its description (never learned from)', async () => {
      const res = await office.send('POST', `/api/recognition/reviews/${ids.live}/reject`, { reason: 'Ảnh trên điện thoại' });
      assert.equal(res.statusCode, 204, res.body);
      const [row] = await t.ctx.db.query<{ review_status: string; probe_embedding: Uint8Array | null }>('SELECT review_status, probe_embedding FROM face_sightings WHERE id = $1', [ids.live]);
      assert.equal(row?.review_status, 'REJECTED');
      assert.equal(row?.probe_embedding, null);
    });

    it('shows a candidate’s reference face to a reviewer (audited), not to another commune', async () => {
      const res = await office.get(`/api/recognition/persons/${lan}/reference-photo`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'image/jpeg');
      const audit = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'faces.reference_view' AND entity_id = $1`, [lan]);
      assert.equal(audit[0]?.n, 1);
      assert.equal((await otherCommune.get(`/api/recognition/persons/${lan}/reference-photo`)).statusCode, 403);
      const none = await office.get(`/api/recognition/persons/${t.demo.persons.TT003}/reference-photo`);
      assert.equal(none.statusCode, 404);

      // A stored enrollment photo comes first, as a small JPEG.
      const big = await encodeJpeg({ width: 800, height: 600, data: new Uint8Array(800 * 600 * 3).fill(150) });
      const stored = await putEnrollmentPhoto(t.ctx.blobs, nam, big);
      await recordEnrollmentPhoto(t.ctx.db, stored, { personId: nam, unitId: t.demo.units['TT-PKT'] ?? null, fileName: 'nam.jpg', source: 'UPLOAD', createdBy: null, at: new Date() });
      const photo = await office.get(`/api/recognition/persons/${nam}/reference-photo`);
      assert.equal(photo.statusCode, 200, photo.body);
      const thumb = await decodeImage(photo.rawPayload);
      assert.deepEqual([thumb.width, thumb.height], [320, 240]);
      const [seen] = await t.ctx.db.query<{ details: { enrollmentPhotoId?: string } }>(
        `SELECT details FROM audit_log WHERE action = 'faces.reference_view' AND entity_id = $1`,
        [nam],
      );
      assert.equal(seen?.details.enrollmentPhotoId, stored.id);
    });

    it('exports the running gates’ counters on /metrics', async () => {
      const stop = setGateMetricsSource(() => [
        {
          cameraId: gate,
          frames: 50,
          analysed: 20,
          skippedNoMotion: 25,
          dropped: 5,
          droppedByQueue: 2,
          outOfOrder: 1,
          duplicates: 0,
          faces: 18,
          passes: 4,
          merged: 1,
          debounced: 0,
          sightings: { AUTO: 3, REVIEW: 1, UNKNOWN: 0 },
          latencyMs: { p50: 700, p95: 1300, samples: 4 },
          lastFrameAt: new Date().toISOString(),
          observedFps: 5,
        },
      ]);
      try {
        const res = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' });
        assert.equal(res.statusCode, 200);
        assert.match(res.body, new RegExp(`kycuong_gate_passes_total\\{camera="${gate}",verdict="AUTO"\\} 3`));
        assert.match(res.body, new RegExp(`kycuong_gate_frames_total\\{camera="${gate}",outcome="dropped_queue"\\} 2`));
        assert.match(res.body, new RegExp(`kycuong_gate_frames_total\\{camera="${gate}",outcome="skipped_no_motion"\\} 25`));
        assert.match(res.body, new RegExp(`kycuong_gate_decision_latency_ms\\{camera="${gate}",quantile="0.95"\\} 1300`));
      } finally {
        stop();
      }
    });
  });
}
