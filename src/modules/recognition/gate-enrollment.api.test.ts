import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { celebaIdentities, drivePass, FACES, facesAvailable, largestFace, loadPhoto, MODELS, walkingFrames } from '../../../test/helpers/gate-frames';
import { localDateOf } from '../../platform/time';
import type { FaceBox, RgbImage } from '../../platform/ports/face-engine';
import { ingestPunch } from '../attendance';
import { analysePhoto } from './enrollment-photo';
import { purgeExpiredGateGroups } from './gate-enrollment.groups';
import { GatePipeline, type PunchSink } from './gate-pipeline';
import { recognitionRuntime } from './runtime';

const skip = facesAvailable ? false : 'needs ../shared/faces and ../shared/models';
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Enrollment from the gate camera, through the HTTP API on a whole server (demo agency), with gate passes fed to a
 * gate pipeline as decoded frames: a manager opens a period, two unenrolled consenting people pass the gate, the
 * reviewer assigns a group, and the next pass of that person is recognised.
 */
for (const kind of dbKinds()) {
  describe(`gate camera enrollment [${kind}]`, { skip }, () => {
    let t: TestApp;
    let office: Session;
    let staff: Session;
    let lan: string;
    let nam: string;
    let minh: string;
    let cameraId: string;
    let parkingId: string;
    let periodId: string;
    let gate: GatePipeline;
    const clock = { ms: Date.now() };
    // Photos of two celeba identities stand in for two staff members (natural variation between frames).
    type Photo = { photo: RgbImage; face: FaceBox };
    let lanPhotos: Photo[];
    let namPhotos: Photo[];
    const groupOf = new Map<string, string>();

    /** One pass: a frame per photo of the person (natural variation), walking toward the camera. */
    const pass = async (photos: Photo[]) => {
      const before = gate.recent.length;
      // Passes minutes apart (issue 14: the same face again within seconds, or the same person within the debounce
      // window, is folded into the earlier pass).
      clock.ms += 10 * 60_000;
      await drivePass(gate, walkingFrames(photos), clock);
      assert.equal(gate.recent.length, before + 1, 'one decision per pass');
      return gate.recent.at(-1) as (typeof gate.recent)[number];
    };

    before(async () => {
      t = await startTestApp(kind, { env: { KC_FACE_MODELS_DIR: MODELS, KC_FACE_THREADS: '1' } });
      office = await loginAs(t.app, 'chanhvp');
      staff = await loginAs(t.app, 'canbo');
      lan = t.demo.persons.TT005 as string;
      nam = t.demo.persons.TT004 as string;
      minh = t.demo.persons.TT003 as string;
      for (const personId of [lan, nam]) {
        const c = await office.send('POST', '/api/recognition/consents', { personId, decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' });
        assert.equal(c.statusCode, 201, c.body);
      }
      const cams = await t.ctx.db.query<{ id: string; location_type: string; unit_id: string }>('SELECT id, location_type, unit_id FROM cameras');
      const gateCam = cams.find((c) => c.location_type === 'GATE') as { id: string; unit_id: string };
      cameraId = gateCam.id;
      parkingId = (cams.find((c) => c.location_type === 'PARKING') as { id: string }).id;
      const engine = await recognitionRuntime(t.ctx).engine();
      const punch: PunchSink = (db, p) => ingestPunch(db, p, { now: new Date(clock.ms + 5000) });
      gate = new GatePipeline({ db: t.ctx.db, blobs: t.ctx.blobs, engine, punch, now: () => new Date(clock.ms) }, { id: cameraId, unitId: gateCam.unit_id, direction: 'IN' });
      const ids = celebaIdentities();
      const load = async (files: string[]) => Promise.all(files.map(async (f) => { const photo = await loadPhoto(f); return { photo, face: await largestFace(engine, photo) }; }));
      lanPhotos = await load((ids[20] as string[]).slice(0, 7));
      namPhotos = await load((ids[21] as string[]).slice(0, 7));
    });
    after(() => t?.close());

    it('liveness policy over HTTP: a unit manager sets the unit\'s policy, only a system administrator the global one', async () => {
      const unit = t.demo.units['TT-UBND'] as string;
      assert.equal((await staff.send('PUT', '/api/recognition/liveness-policy', { unitId: unit, mode: 'REVIEW' })).statusCode, 403);
      assert.equal((await office.send('PUT', '/api/recognition/liveness-policy', { unitId: null, mode: 'REVIEW' })).statusCode, 403);
      assert.equal((await office.send('PUT', '/api/recognition/liveness-policy', { unitId: unit, mode: 'MAYBE' })).statusCode, 400);
      assert.equal((await office.send('PUT', '/api/recognition/liveness-policy', { unitId: unit, mode: 'REVIEW', threshold: 0.6 })).statusCode, 204);
      const admin = await loginAs(t.app, 'admin');
      assert.equal((await admin.send('PUT', '/api/recognition/liveness-policy', { unitId: null, mode: 'OFF' })).statusCode, 204);
      const list = (await office.get('/api/recognition/liveness-policy')).json() as { items: { unitId: string | null; mode: string; threshold: number }[]; canSetGlobal: boolean };
      assert.equal(list.canSetGlobal, false);
      assert.deepEqual(list.items.map((i) => [i.unitId, i.mode, Math.round(i.threshold * 100)]), [[null, 'OFF', 50], [unit, 'REVIEW', 60]]);
      // Back to OFF so the passes below are decided on recognition alone.
      assert.equal((await office.send('PUT', '/api/recognition/liveness-policy', { unitId: unit, mode: 'OFF' })).statusCode, 204);
    });

    it('opens a period for a gate camera where recognition is allowed; only enrollers, no overlap', async () => {
      const today = localDateOf(new Date());
      const body = { cameraId, startsOn: today, endsOn: addDays(today, 6), retentionDays: 7 };
      assert.equal((await staff.send('POST', '/api/recognition/gate-enrollment/periods', body)).statusCode, 403);
      const parking = await office.send('POST', '/api/recognition/gate-enrollment/periods', { ...body, cameraId: parkingId });
      assert.equal(parking.statusCode, 409);
      assert.equal(parking.json().code, 'GATE_RECOGNITION_REQUIRED');
      const tooLong = await office.send('POST', '/api/recognition/gate-enrollment/periods', { ...body, endsOn: addDays(today, 90) });
      assert.equal(tooLong.json().code, 'PERIOD_TOO_LONG');
      const res = await office.send('POST', '/api/recognition/gate-enrollment/periods', body);
      assert.equal(res.statusCode, 201, res.body);
      periodId = res.json().id;
      assert.equal(res.json().state, 'COLLECTING');
      const again = await office.send('POST', '/api/recognition/gate-enrollment/periods', { ...body, startsOn: addDays(today, 3), endsOn: addDays(today, 4) });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'PERIOD_OVERLAP');
      assert.ok(again.json().message_vi && again.json().message_en);
    });

    it('groups the passes of two unenrolled consenting people into two groups, with several snapshots each', async () => {
      for (const [who, photos] of [['lan', lanPhotos], ['nam', namPhotos]] as const) {
        // Two passes on different moments; they share some photos, as a person looks alike from one day to the next.
        for (const set of [photos.slice(0, 4), photos.slice(1, 5)]) {
          const r = await pass(set);
          assert.notEqual(r.verdict.kind, 'auto', 'nobody is enrolled yet');
          assert.ok(r.enrollmentGroupId, 'the pass went to an enrollment group');
          groupOf.set(`${who}:${groupOf.size}`, r.enrollmentGroupId as string);
        }
      }
      const byPerson = (who: string) => new Set([...groupOf].filter(([k]) => k.startsWith(`${who}:`)).map(([, g]) => g));
      assert.equal(byPerson('lan').size, 1, 'both passes of Lan are one group');
      assert.equal(byPerson('nam').size, 1, 'both passes of Nam are one group');
      assert.notEqual([...byPerson('lan')][0], [...byPerson('nam')][0], 'two people, two groups');

      const res = await office.get(`/api/recognition/gate-enrollment/periods/${periodId}/groups`);
      assert.equal(res.statusCode, 200, res.body);
      const { items, period } = res.json() as { items: { id: string; passes: number; samples: { id: string; usable: boolean; liveness: number | null }[] }[]; period: { pendingGroups: number } };
      assert.equal(items.length, 2);
      assert.equal(period.pendingGroups, 2);
      for (const g of items) {
        assert.equal(g.passes, 2);
        assert.ok(g.samples.length >= 3, `several snapshots per group: ${g.samples.length}`);
        assert.ok(g.samples.some((s) => s.usable));
        assert.ok(g.samples.every((s) => typeof s.liveness === 'number'));
      }
      const img = await office.get(`/api/recognition/gate-enrollment/samples/${items[0]?.samples[0]?.id}/image`);
      assert.equal(img.statusCode, 200);
      assert.equal(img.headers['content-type'], 'image/jpeg');
      assert.ok(img.rawPayload.length > 2000);
      assert.equal((await staff.get(`/api/recognition/gate-enrollment/periods/${periodId}/groups`)).statusCode, 403);
      const audit = await t.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [periodId]);
      assert.deepEqual(audit.map((a) => a.action), ['faces.gate_enroll_period_open', 'faces.gate_enroll_view']);
    });

    it('refuses to assign a group to a person without recorded consent (409, bilingual)', async () => {
      const group = [...groupOf].find(([k]) => k.startsWith('lan:'))?.[1] as string;
      const res = await office.send('POST', `/api/recognition/gate-enrollment/groups/${group}/assign`, { personId: minh });
      assert.equal(res.statusCode, 409, res.body);
      const body = res.json();
      assert.equal(body.code, 'CONSENT_REQUIRED');
      assert.match(body.message_vi, /đồng ý/);
      assert.match(body.message_en, /consent/);
      assert.equal((await staff.send('POST', `/api/recognition/gate-enrollment/groups/${group}/assign`, { personId: lan })).statusCode, 403);
      assert.equal((await t.ctx.db.query('SELECT id FROM face_templates WHERE person_id = $1', [minh])).length, 0);
    });

    it('assigning a group makes gate templates (with the camera) and the next pass of that person is recognised', async () => {
      const group = [...groupOf].find(([k]) => k.startsWith('lan:'))?.[1] as string;
      const keys = (await t.ctx.db.query<{ image_key: string }>('SELECT image_key FROM face_enrollment_samples WHERE cluster_id = $1', [group])).map((r) => r.image_key);
      const res = await office.send('POST', `/api/recognition/gate-enrollment/groups/${group}/assign`, { personId: lan });
      assert.equal(res.statusCode, 200, res.body);
      const out = res.json() as { templateIds: string[]; samplesUsed: number };
      assert.ok(out.samplesUsed >= 2);
      assert.equal(out.templateIds.length, out.samplesUsed * 3, 'each face plus two synthetic masked copies');
      const templates = await t.ctx.db.query<{ source: string; source_camera_id: string | null; person_id: string }>(
        'SELECT source, source_camera_id, person_id FROM face_templates WHERE id = ANY($1::uuid[])',
        [out.templateIds],
      );
      assert.equal(templates.filter((r) => r.source === 'GATE').length, out.samplesUsed);
      assert.ok(templates.every((r) => r.person_id === lan && r.source_camera_id === cameraId));
      for (const key of keys) assert.equal(await t.ctx.blobs.stat(key), undefined, 'the group\'s face crops are deleted');
      // The chosen crops are kept as Lan's enrollment photos (as an uploaded photo is), each naming its templates, so a
      // new engine can re-make them: the crop is a photo the enrollment checks accept on its own.
      const kept = await t.ctx.db.query<{ id: string; blob_key: string; source: string }>('SELECT id, blob_key, source FROM face_enrollment_photos WHERE person_id = $1', [lan]);
      assert.equal(kept.length, out.samplesUsed);
      const engine = await recognitionRuntime(t.ctx).engine();
      for (const p of kept) {
        assert.equal(p.source, 'GATE');
        const [owner] = await t.ctx.db.query<{ kind: string; person_id: string }>('SELECT kind, person_id FROM blob_owners WHERE key = $1', [p.blob_key]);
        assert.deepEqual(owner, { kind: 'face_enrollment_photo', person_id: lan });
        const linked = await t.ctx.db.query('SELECT 1 FROM face_templates WHERE photo_id = $1', [p.id]);
        assert.equal(linked.length, 3, 'the face and its two masked copies');
        const [done] = await t.ctx.db.query<{ engine: string; outcome: string }>('SELECT engine, outcome FROM face_photo_embeddings WHERE photo_id = $1', [p.id]);
        assert.deepEqual(done, { engine: engine.meta.engine, outcome: 'ENROLLED' });
      }
      const reusable = await Promise.all(kept.map(async (p) => (await analysePhoto(engine, await t.ctx.blobs.getBuffer(p.blob_key))).ok));
      assert.ok(reusable.some(Boolean), `a kept crop passes the enrollment checks again: ${reusable}`);
      const again = await office.send('POST', `/api/recognition/gate-enrollment/groups/${group}/assign`, { personId: lan });
      assert.equal(again.statusCode, 404, 'the group is gone once assigned');
      const audit = await t.ctx.db.query<{ details: { groupId: string; templates: number } }>(`SELECT details FROM audit_log WHERE action = 'faces.gate_enroll_assign'`);
      assert.equal(audit[0]?.details.groupId, group);

      gate.invalidateGallery();
      const later = await pass(lanPhotos.slice(2, 6));
      assert.equal(later.verdict.kind, 'auto', JSON.stringify(later.verdict));
      assert.equal(later.verdict.kind === 'auto' && later.verdict.personId, lan);
      assert.ok(later.punchId, 'the pass is a punch');
      assert.equal(later.enrollmentGroupId, undefined, 'a recognised pass is not collected');
    });

    it('discards a stranger\'s group, and closing the period stops grouping; the rest is purged after retention', async () => {
      const strangerDir = path.join(FACES, 'strangers-lfw', readdirSync(path.join(FACES, 'strangers-lfw')).sort()[5] as string);
      const strangerPhoto = await loadPhoto(path.join(strangerDir, readdirSync(strangerDir)[0] as string));
      const stranger = { photo: strangerPhoto, face: await largestFace(await recognitionRuntime(t.ctx).engine(), strangerPhoto) };
      const visit = await pass([stranger, stranger, stranger]);
      assert.ok(visit.enrollmentGroupId);
      const discard = await office.send('POST', `/api/recognition/gate-enrollment/groups/${visit.enrollmentGroupId}/discard`, { reason: 'Khách đến làm việc' });
      assert.equal(discard.statusCode, 204);

      const closed = await office.send('POST', `/api/recognition/gate-enrollment/periods/${periodId}/close`);
      assert.equal(closed.statusCode, 200, closed.body);
      assert.equal(closed.json().state, 'CLOSED');
      const namGroup = [...groupOf].find(([k]) => k.startsWith('nam:'))?.[1] as string;
      const after = await pass(namPhotos.slice(2, 6));
      assert.notEqual(after.verdict.kind, 'auto');
      assert.equal(after.enrollmentGroupId, undefined, 'no grouping after the period is closed');
      const groups = (await office.get(`/api/recognition/gate-enrollment/periods/${periodId}/groups`)).json().items as { id: string; passes: number }[];
      assert.deepEqual(groups.map((g) => [g.id, g.passes]), [[namGroup, 2]]);
      assert.equal((await office.send('POST', `/api/recognition/gate-enrollment/periods/${periodId}/close`)).json().code, 'PERIOD_CLOSED');

      const period = (await t.ctx.db.query<{ purge_after: Date; groups_discarded: number; groups_assigned: number }>(
        'SELECT purge_after, groups_discarded, groups_assigned FROM face_enrollment_periods WHERE id = $1',
        [periodId],
      ))[0] as { purge_after: Date; groups_discarded: number; groups_assigned: number };
      assert.deepEqual([period.groups_assigned, period.groups_discarded], [1, 1]);
      assert.deepEqual(await purgeExpiredGateGroups(t.ctx.db, t.ctx.blobs, new Date(period.purge_after.getTime() - 1000)), { periods: 0, groups: 0 });
      assert.deepEqual(await purgeExpiredGateGroups(t.ctx.db, t.ctx.blobs, new Date(period.purge_after.getTime() + 1000)), { periods: 1, groups: 1 });
      assert.equal((await t.ctx.db.query('SELECT id FROM face_enrollment_samples WHERE period_id = $1', [periodId])).length, 0);
      const left: string[] = [];
      for await (const b of t.ctx.blobs.list(`faces/enrollment/${periodId}/`)) left.push(b.key);
      assert.deepEqual(left, [], 'no face crop of the period is left');
      const actions = (await t.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'faces.gate_enroll_%' ORDER BY seq`)).map((r) => r.action);
      assert.ok(['faces.gate_enroll_discard', 'faces.gate_enroll_period_close', 'faces.gate_enroll_purged'].every((a) => actions.includes(a)), actions.join());
    });
  });
}
