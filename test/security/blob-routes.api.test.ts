import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { RouteOptions } from 'fastify';
import { ATTENDANCE_DAY_UPDATED } from '../../src/modules/attendance';
import { localDateOf } from '../../src/platform/time';
import { createUser } from '../../src/modules/auth';
import { listCameras } from '../../src/modules/cameras';
import { GatePipeline, recognitionRuntime } from '../../src/modules/recognition';
import { insertTemplate } from '../../src/modules/recognition/templates.repo';
import { resolvePendingEvidence } from '../../src/modules/violations';
import { loginAs, type Session, startTestApp, type TestApp } from '../helpers/app';
import { morningDay } from '../helpers/attendance-day';
import { dbKinds } from '../helpers/db';
import { multipartFile } from '../helpers/multipart';
import { waitFor } from '../helpers/wait';
import { daysAgo, personByCode, proposedViolation, SIGNER } from '../../src/modules/discipline/test/fixtures';
import { filesReadingBlobStore, INTERNAL_BLOB_READERS, scanBlobRoutes } from './blob-route-scan';
import { FakeGateEngine, identity, noiseImage } from './fake-gate-engine';
import { demoInspection, inspectionFiles } from './inspection-files';

/**
 * Issue 11, F1: every route of the running server that sends stored file bytes is found (by its `servesBlob` marker,
 * cross-checked against a scan of the sources) and, for each, a user of the other commune (Tiền Phong's chairman and
 * an office chief created there) gets 403/404 for Thông Thụ's files while an in-scope user gets 200. A record in
 * Tiền Phong's scope that names a Thông Thụ key (the probe's forged-key attack) serves nothing. F8: a refused
 * explanation stores no file, and uploads are rate-limited per user.
 */

const PASSWORD = 'KyCuong@2026';
const OUTSIDERS = ['chutichtp', 'vptp'];

/** A multipart explanation: a `body` field and one PDF. */
function explanationForm(body: string) {
  const boundary = `----kc${randomUUID()}`;
  const pdf = Buffer.from('%PDF-1.4\n% giấy khám bệnh\n');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\n${body}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="giay-kham.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function staffWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Loại cán bộ', 'Chức vụ', 'Mã đơn vị', 'Trạng thái', 'Email']);
  ws.addRow(['B001', 'Nguyễn Văn Bình', 'Nam', '12/05/1988', 'Công chức', 'Chuyên viên', 'TT-VP', 'Đang làm việc', '']);
  ws.addRow(['B002', '', 'Nam', '01/01/1990', 'Công chức', '', 'TT-VP', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function blobsUnder(t: TestApp, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const b of t.ctx.blobs.list(prefix)) keys.push(b.key);
  return keys.sort();
}

interface BlobCase {
  url: string;
  inScope: string[];
}

for (const kind of dbKinds()) {
  describe(`blob routes check the blob's owner [${kind}]`, () => {
    let t: TestApp;
    const marked = new Map<string, string>();
    const s: Record<string, Session> = {};
    const as = (username: string) => s[username] as Session;
    const cases = new Map<string, BlobCase>();
    /** Thông Thụ keys, for the forged-record cases. */
    const tt: { attachment?: string; snapshotExport?: string; clipExport?: string; sighting?: string; inspectionPhoto?: string; inspectionMinutes?: string } = {};
    let violationId: string;

    before(async () => {
      t = await startTestApp(kind, {
        env: { KC_DEMO_HISTORY: 'off' },
        beforeRoutes: (app) =>
          app.addHook('onRoute', (r: RouteOptions) => {
            const methods = (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== 'HEAD');
            for (const m of methods) if (r.config?.servesBlob) marked.set(`${m} ${r.url}`, r.config.servesBlob);
          }),
      });
      const tp = t.demo.units['TP-UBND'] as string;
      await createUser(t.ctx.db, { username: 'vptp', displayName: 'Chánh Văn phòng xã Tiền Phong', password: PASSWORD, roles: [{ role: 'office_chief', unitId: tp }] }, { id: null, name: 'test' }, { mustChangePassword: false });
      for (const u of ['canbo', 'chutich', 'chanhvp', 'noivu', 'kiemtra', ...OUTSIDERS]) s[u] = await loginAs(t.app, u);
    });
    after(async () => t?.close());

    it('finds the same blob routes by their marker as by a scan of the sources, and none reads the store past the owner gate', () => {
      const scanned = scanBlobRoutes();
      assert.deepEqual([...marked.keys()].sort(), scanned.map((r) => r.route).sort(), 'every route that sends stored bytes carries config.servesBlob, and only those');
      assert.deepEqual(scanned.filter((r) => r.readsStoreDirectly).map((r) => r.route), [], 'blob routes read through openOwnedBlob');
      for (const [route, how] of marked) assert.ok(how === 'owner' || route === 'GET /api/cameras/:id/playback', `${route}: only recorded footage is served by camera`);
      assert.deepEqual(filesReadingBlobStore().filter((f) => !(f in INTERNAL_BLOB_READERS)), [], 'a new direct reader of the blob store must be reviewed');
    });

    it('creates Thông Thụ files through the server: gate footage evidence, an explanation attachment (F8: a refused one stores nothing), sightings, a face crop, a punch picture, an import report', async () => {
      const gate = (await listCameras(t.ctx.db, { enabledOnly: true })).find((c) => c.location_type === 'GATE');
      assert.ok(gate, 'the demo agency has a gate camera');
      // Evidence of a late arrival, exported from real recorded footage by the server (no key from any client).
      const covered = await waitFor(
        'recorded gate footage',
        async () => {
          const rows = await t.ctx.db.query<{ first: Date; last: Date }>('SELECT min(started_at) AS first, max(ended_at) AS last FROM recording_segments WHERE camera_id = $1', [gate.id]);
          const r = rows[0];
          return r?.first && r.last.getTime() - r.first.getTime() >= 25_000 ? r : undefined;
        },
        120_000,
      );
      const checkIn = new Date(covered.last.getTime() - 15_000);
      await t.ctx.bus.publish(ATTENDANCE_DAY_UPDATED, morningDay(t.demo.persons.TT005 as string, t.demo.units['TT-PKT'] as string, 'LATE', new Date(checkIn.getTime() - 12 * 60_000), checkIn));
      await t.settle();
      assert.equal((await resolvePendingEvidence(t.ctx, { settleMs: 0 })).failed, 0);
      const evidence = await t.ctx.db.query<{ id: string; violation_id: string; kind: string; export_id: string; blob_key: string }>(
        `SELECT id, violation_id, kind, export_id, blob_key FROM violation_evidence WHERE status = 'READY' ORDER BY kind`,
      );
      assert.deepEqual(evidence.map((e) => e.kind), ['CLIP', 'SNAPSHOT']);
      const [clip, snapshot] = evidence as [(typeof evidence)[number], (typeof evidence)[number]];
      violationId = clip.violation_id;
      tt.clipExport = clip.blob_key;
      tt.snapshotExport = snapshot.blob_key;
      cases.set('GET /api/violations/:id/evidence/:evidenceId/content', { url: `/api/violations/${violationId}/evidence/${snapshot.id}/content`, inScope: ['canbo', 'chutich'] });
      cases.set('GET /api/evidence/:id/file', { url: `/api/evidence/${snapshot.export_id}/file`, inScope: ['chutich', 'chanhvp'] });
      cases.set('GET /api/evidence/:id/manifest', { url: `/api/evidence/${clip.export_id}/manifest`, inScope: ['chutich', 'chanhvp'] });
      const from = new Date(covered.first.getTime() + 2000);
      cases.set('GET /api/cameras/:id/playback', { url: `/api/cameras/${gate.id}/playback?from=${from.toISOString()}&to=${new Date(from.getTime() + 3000).toISOString()}`, inScope: ['chutich'] });

      // Giải trình with a medical certificate.
      // A late arrival asks the person for an explanation when it opens.
      assert.equal((await as('canbo').get(`/api/violations/${violationId}`)).json().case.state, 'EXPLANATION_REQUESTED');
      const explain = () => {
        const f = explanationForm('Tôi đi khám bệnh, có giấy xác nhận của trạm y tế.');
        return t.app.inject({ method: 'POST', url: `/api/violations/${violationId}/explanations`, headers: { cookie: as('canbo').cookie, 'x-csrf-token': as('canbo').csrf, 'content-type': f.contentType }, payload: f.payload });
      };
      assert.equal((await explain()).statusCode, 201);
      const prefix = `explanations/${violationId}/`;
      const stored = await blobsUnder(t, prefix);
      assert.equal(stored.length, 1);
      tt.attachment = stored[0];
      // F8: the case is no longer waiting for an explanation; the repeated upload is refused and leaves no file.
      const again = await explain();
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'EXPLANATION_NOT_REQUESTED');
      assert.deepEqual(await blobsUnder(t, prefix), stored, 'a refused explanation stores nothing');
      // The stored attachment's owner: the violation's unit and person.
      const owner = (await t.ctx.db.query<{ kind: string; unit_id: string; person_id: string }>('SELECT kind, unit_id, person_id FROM blob_owners WHERE key = $1', [tt.attachment]))[0];
      assert.deepEqual(owner, { kind: 'explanation_attachment', unit_id: t.demo.units['TT-PKT'], person_id: t.demo.persons.TT005 });
      const file = (await as('chutich').get(`/api/violations/${violationId}`)).json().explanations[0].files[0];
      cases.set('GET /api/violations/:id/explanation-files/:fileId', { url: `/api/violations/${violationId}/explanation-files/${file.id}`, inScope: ['canbo', 'chutich'] });

      // Gate passes through the gate pipeline (a model-free engine): canbo, enrolled, punches with the pass's
      // snapshot as evidence; a stranger during an enrollment period leaves a snapshot and a face crop.
      const canbo = t.demo.persons.TT005 as string;
      const consent = await as('chanhvp').send('POST', '/api/recognition/consents', { personId: canbo, decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' });
      assert.equal(consent.statusCode, 201, consent.body);
      const engine = new FakeGateEngine();
      await insertTemplate(t.ctx.db, { personId: canbo, source: 'UPLOAD', engine: engine.meta.engine, embedding: identity(0), upperEmbedding: identity(0), maskedness: 0, at: new Date() });
      const today = localDateOf(new Date());
      const period = await as('chanhvp').send('POST', '/api/recognition/gate-enrollment/periods', {
        cameraId: gate.id,
        startsOn: today,
        endsOn: localDateOf(new Date(Date.now() + 6 * 86_400_000)),
        retentionDays: 7,
      });
      assert.equal(period.statusCode, 201, period.body);
      const clock = { ms: Date.now() };
      const pipeline = new GatePipeline(
        { db: t.ctx.db, blobs: t.ctx.blobs, engine, punch: recognitionRuntime(t.ctx).punch, now: () => new Date(clock.ms) },
        { id: gate.id, unitId: gate.unit_id, direction: 'IN' },
      );
      // Different pixels in each frame: the gate drops a frame identical to the one before (a frozen camera).
      const frames = [1, 2, 3].map((seed) => noiseImage(640, 480, seed));
      const pass = async (who: Float32Array) => {
        engine.passing = who;
        for (const frame of frames) {
          clock.ms += 200;
          await pipeline.handleFrame({ at: new Date(clock.ms), width: frame.width, height: frame.height, rgb: frame.data });
        }
        clock.ms += 5000;
        await pipeline.flush(clock.ms);
        return pipeline.recent.at(-1) as (typeof pipeline.recent)[number];
      };
      const known = await pass(identity(0));
      assert.equal(known.verdict.kind, 'auto');
      assert.ok(known.punchId, 'the recognised pass punched');
      const stranger = await pass(identity(1));
      assert.equal(stranger.verdict.kind, 'unknown');
      assert.ok(stranger.enrollmentGroupId, 'the stranger was collected for enrollment');
      const sample = (await t.ctx.db.query<{ id: string }>('SELECT id FROM face_enrollment_samples WHERE cluster_id = $1 LIMIT 1', [stranger.enrollmentGroupId]))[0];
      assert.ok(sample);
      tt.sighting = (await t.ctx.db.query<{ snapshot_key: string }>('SELECT snapshot_key FROM face_sightings WHERE id = $1', [stranger.id]))[0]?.snapshot_key;
      cases.set('GET /api/recognition/sightings/:id/snapshot', { url: `/api/recognition/sightings/${stranger.id}/snapshot`, inScope: ['chutich'] });
      cases.set('GET /api/recognition/gate-enrollment/samples/:id/image', { url: `/api/recognition/gate-enrollment/samples/${sample.id}/image`, inScope: ['chanhvp'] });
      cases.set('GET /api/attendance/punches/:id/evidence', { url: `/api/attendance/punches/${known.punchId}/evidence`, inScope: ['canbo', 'chutich'] });
      // The reviewer's reference face of a candidate: here the snapshot of canbo's recognised pass (no stored enrollment photo).
      cases.set('GET /api/recognition/persons/:id/reference-photo', { url: `/api/recognition/persons/${canbo}/reference-photo`, inScope: ['chutich'] });

      // A staff import with a rejected row leaves an error report, owned by the user who ran it.
      const { payload, contentType } = multipartFile('file', 'nhap.xlsx', await staffWorkbook());
      const imp = await t.app.inject({ method: 'POST', url: '/api/staff/imports', headers: { cookie: as('noivu').cookie, 'x-csrf-token': as('noivu').csrf, 'content-type': contentType }, payload });
      assert.equal(imp.statusCode, 202, imp.body);
      const importId = imp.json().id as string;
      await waitFor('the staff import', async () => ((await as('noivu').get(`/api/staff/imports/${importId}`))?.json().status === 'DONE' ? true : undefined), 30_000, 100);
      cases.set('GET /api/staff/imports/:id/report', { url: `/api/staff/imports/${importId}/report`, inScope: ['noivu'] });

      // A discipline case of Thông Thụ with its generated invitation (giấy mời họp kiểm điểm, DOCX in the blob store).
      const lan = await personByCode(t.ctx.db, 'TT005');
      const proposed = await proposedViolation(t.ctx.db, lan.id, daysAgo(40), daysAgo(30));
      const opened = await as('noivu').send('POST', '/api/discipline/cases', { violationIds: [proposed], note: 'Xem xét kỷ luật.' });
      assert.equal(opened.statusCode, 201, opened.body);
      const caseUrl = `/api/discipline/cases/${opened.json().id}`;
      const invited = await as('noivu').send('POST', `${caseUrl}/review-invitation`, { invitationNo: '07/GM-UBND', deliveredOn: daysAgo(28), meetingOn: daysAgo(20), meetingTime: '08:00', place: 'Hội trường UBND xã', signer: SIGNER });
      assert.equal(invited.statusCode, 204, invited.body);
      const doc = ((await as('noivu').get(caseUrl)).json().documents as Array<{ id: string }>)[0];
      assert.ok(doc, 'the invitation was generated');
      cases.set('GET /api/discipline/cases/:id/documents/:documentId', { url: `${caseUrl}/documents/${doc.id}`, inScope: ['noivu', 'chutich'] });
    });

    it('creates a photo and the minutes of the demo inspection under way in Thông Thụ, as its team head', async () => {
      const id = await demoInspection(t, 'TT-UBND');
      const files = await inspectionFiles(t, as('kiemtra'), id, { minutes: true, clientId: 'blob-routes-1' });
      // The team and the commune's chairman (a leader over the inspected unit) read them; the other commune does not.
      cases.set('GET /api/inspections/:id/photos/:photoId', { url: files.photoUrl, inScope: ['kiemtra', 'chutich'] });
      cases.set('GET /api/inspections/:id/documents/:docId', { url: files.minutesUrl as string, inScope: ['kiemtra', 'chutich'] });
      const keys = await t.ctx.db.query<{ kind: string; key: string; unit_id: string }>(
        `SELECT o.kind, o.key, o.unit_id FROM blob_owners o
          WHERE o.key IN (SELECT blob_key FROM inspection_photos WHERE id = $1 UNION ALL SELECT blob_key FROM inspection_documents WHERE id = $2) ORDER BY o.kind`,
        [files.photoId, files.minutesId],
      );
      // Both are owned by the inspected unit, under the inspection blob kinds.
      assert.deepEqual(keys.map((k) => [k.kind, k.unit_id]), [['inspection_document', t.demo.units['TT-UBND']], ['inspection_photo', t.demo.units['TT-UBND']]]);
      tt.inspectionMinutes = keys[0]?.key;
      tt.inspectionPhoto = keys[1]?.key;
    });

    it('serves each Thông Thụ file to in-scope users only: 200 inside, 403/404 for Tiền Phong', async () => {
      assert.deepEqual([...cases.keys()].sort(), [...marked.keys()].sort(), 'every blob route has a case here');
      for (const [route, c] of cases) {
        for (const u of c.inScope) {
          const res = await as(u).get(c.url);
          assert.equal(res.statusCode, 200, `${route} as ${u}: ${res.body.slice(0, 200)}`);
          assert.ok((res.rawPayload.length ?? 0) > 0, `${route} as ${u} sends the file`);
        }
        for (const u of OUTSIDERS) {
          const res = await as(u).get(c.url);
          assert.ok(res.statusCode === 403 || res.statusCode === 404, `${route} as ${u}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          assert.ok(res.json().message_vi && res.json().message_en, 'a bilingual refusal');
        }
      }
    });

    it('serves nothing through a Tiền Phong record that names a Thông Thụ key (the probe\'s forged-key cases)', async () => {
      const tpPerson = (await t.ctx.db.query<{ id: string; unit_id: string }>(`SELECT p.id, p.unit_id FROM persons p JOIN org_units u ON u.id = p.unit_id WHERE u.code LIKE 'TP-%' LIMIT 1`))[0];
      assert.ok(tpPerson);
      const start = new Date(Date.now() - 3 * 3600_000);
      await t.ctx.bus.publish(ATTENDANCE_DAY_UPDATED, morningDay(tpPerson.id, tpPerson.unit_id, 'LATE', start, new Date(start.getTime() + 20 * 60_000)));
      await t.settle();
      const tpv = (await t.ctx.db.query<{ id: string }>('SELECT id FROM violations WHERE person_id = $1', [tpPerson.id]))[0];
      assert.ok(tpv, 'a Tiền Phong violation');
      // What a forged write could leave behind: a Tiền Phong explanation listing Thông Thụ files.
      const explanationId = randomUUID();
      await t.ctx.db.query(`INSERT INTO violation_explanations (id, violation_id, person_id, body, submitted_at) VALUES ($1, $2, $3, 'giả mạo', now())`, [explanationId, tpv.id, tpPerson.id]);
      const keys = { attachment: tt.attachment, snapshotExport: tt.snapshotExport, sighting: tt.sighting };
      for (const [name, key] of Object.entries(keys)) {
        assert.ok(key, name);
        const fileId = randomUUID();
        await t.ctx.db.query(
          `INSERT INTO violation_explanation_files (id, explanation_id, file_name, content_type, size_bytes, sha256, blob_key) VALUES ($1, $2, $3, 'image/jpeg', 1, 'x', $4)`,
          [fileId, explanationId, `${name}.jpg`, key],
        );
        for (const u of OUTSIDERS) {
          const res = await as(u).get(`/api/violations/${tpv.id}/explanation-files/${fileId}`);
          assert.ok(res.statusCode === 403 || res.statusCode === 404, `${name} through a Tiền Phong explanation as ${u}: ${res.statusCode}`);
        }
      }
      // And Tiền Phong evidence pointing at a Thông Thụ gate clip.
      const evidenceId = randomUUID();
      await t.ctx.db.query(`INSERT INTO violation_evidence (id, violation_id, kind, status, blob_key, content_type) VALUES ($1, $2, 'CLIP', 'READY', $3, 'video/mp4')`, [evidenceId, tpv.id, tt.clipExport]);
      for (const u of OUTSIDERS) {
        const res = await as(u).get(`/api/violations/${tpv.id}/evidence/${evidenceId}/content`);
        assert.equal(res.statusCode, 403, `a Thông Thụ clip through Tiền Phong evidence as ${u}`);
      }
      // And Tiền Phong's demo inspection listing Thông Thụ's inspection photo and minutes as its own. Its chairman may
      // see that inspection (a leader over the inspected unit), so only the file's owner stops him.
      const tpInspection = await demoInspection(t, 'TP-UBND');
      assert.equal((await as('chutichtp').get(`/api/inspections/${tpInspection}`)).statusCode, 200, 'Tiền Phong’s chairman sees its inspection');
      assert.ok(tt.inspectionPhoto && tt.inspectionMinutes, 'the Thông Thụ inspection files');
      const photoId = randomUUID();
      await t.ctx.db.query(
        `INSERT INTO inspection_photos (id, inspection_id, blob_key, sha256, content_type, bytes, client_id) VALUES ($1, $2, $3, 'x', 'image/jpeg', 1, 'forged')`,
        [photoId, tpInspection, tt.inspectionPhoto],
      );
      const docId = randomUUID();
      await t.ctx.db.query(
        `INSERT INTO inspection_documents (id, inspection_id, kind, number_text, year, issuer_unit_id, blob_key, sha256, issued_at) VALUES ($1, $2, 'MINUTES', '99/BB-ĐKT', 2026, $3, $4, 'x', now())`,
        [docId, tpInspection, t.demo.units['NA-UBND'], tt.inspectionMinutes],
      );
      for (const url of [`/api/inspections/${tpInspection}/photos/${photoId}`, `/api/inspections/${tpInspection}/documents/${docId}`]) {
        assert.equal((await as('chutichtp').get(url)).statusCode, 403, `${url}: a Thông Thụ file through a Tiền Phong inspection as chutichtp`);
        const res = await as('vptp').get(url);
        assert.ok(res.statusCode === 403 || res.statusCode === 404, `${url} as vptp: ${res.statusCode}`);
      }
    });

    it('uploads are limited per user, with a bilingual 429; other users keep their own budget', async () => {
      const f = explanationForm('Giải trình lặp lại nhiều lần.');
      const post = (who: Session) =>
        t.app.inject({ method: 'POST', url: `/api/violations/${violationId}/explanations`, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': f.contentType }, payload: f.payload });
      const statuses: number[] = [];
      for (let i = 0; i < 12 && !statuses.includes(429); i++) statuses.push((await post(as('canbo'))).statusCode);
      assert.equal(statuses.at(-1), 429, `canbo's statuses: ${statuses.join(',')}`);
      assert.ok(statuses.slice(0, -1).every((c) => c === 409), 'refused (no explanation requested) until the limit');
      const limited = await post(as('canbo'));
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json().code, 'UPLOAD_RATE_LIMITED');
      assert.match(limited.json().message_vi, /quá nhiều lần/);
      assert.match(limited.json().message_en, /Too many uploads/);
      assert.ok(Number(limited.headers['retry-after']) > 0);
      // The chairman is refused for what he is (not the person concerned), not by canbo's budget.
      assert.equal((await post(as('chutich'))).statusCode, 403);
    });

    it('the backfill migration gives files stored before the registry the same owners as the writers record', async () => {
      const snapshot = async () =>
        (await t.ctx.db.query<{ key: string; kind: string; unit_id: string | null; person_id: string | null }>(
          // Discipline documents and inspection files came after the registry: each is owned when written, none needs the backfill.
          `SELECT key, kind, unit_id, person_id FROM blob_owners WHERE kind NOT IN ('punch_evidence', 'discipline_document', 'inspection_photo', 'inspection_document') ORDER BY key`,
        )).map((r) => JSON.stringify(r));
      const recorded = await snapshot();
      assert.ok(recorded.length >= 7, `owners recorded by the writers: ${recorded.length}`);
      await t.ctx.db.query('DELETE FROM blob_owners');
      await t.ctx.db.exec(fs.readFileSync('src/platform/blob-owners/migrations/0990_blob_owners_backfill.sql', 'utf8'));
      assert.deepEqual(await snapshot(), recorded);
      // No punch names an owner: the punch's key came from the sighting, whose own row gave it back.
      const punchKey = (await t.ctx.db.query<{ evidence_snapshot_key: string }>('SELECT evidence_snapshot_key FROM punches WHERE evidence_snapshot_key IS NOT NULL LIMIT 1'))[0];
      if (punchKey) assert.ok(recorded.some((r) => r.includes(punchKey.evidence_snapshot_key)));
    });
  });
}
