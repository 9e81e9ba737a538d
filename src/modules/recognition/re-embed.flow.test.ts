import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { createFaceEngine, DiskBlobStore } from '../../../test/helpers/adapters';
import { forEachDb } from '../../../test/helpers/db';
import type { FaceEngine } from '../../platform/ports/face-engine';
import { recordConsent } from './consent.service';
import { enrollPhotos } from './enrollment.service';
import { reEmbedStoredPhotos } from './re-embed.service';
import { loadGallery, templatesOf } from './templates.repo';

/**
 * Engine upgrade with the real engines: people enrolled under the npm-shipped engine (TinyFace + dlib on TF.js) get
 * templates of YuNet + dlib (ONNX) from their stored enrollment photos, without being enrolled again.
 */
const FACES = path.resolve('../shared/faces');
const YUNET = path.resolve('../shared/models/face_detection_yunet_2023mar.onnx');
const skip = !existsSync(FACES) || !existsSync(YUNET) ? 'needs ../shared/faces and ../shared/models' : false;
const actor = { id: null, name: 'Chánh Văn phòng (test)' };
const NOW = new Date('2026-03-02T01:00:00Z');

function photosOfFirstIdentity(n: number): string[] {
  const rows = readFileSync(path.join(FACES, 'celeba-dev/labels.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t') as [string, string]);
  const id = [...new Set(rows.map((r) => r[1]))].sort()[1] as string;
  return rows.filter((r) => r[1] === id).map((r) => path.join(FACES, 'celeba-dev/images', r[0])).sort().slice(0, n);
}

forEachDb('recognition: re-embedding stored enrollment photos for a new engine', (getDb) => {
  let oldEngine: FaceEngine;
  let newEngine: FaceEngine;
  let unitId: string;
  const an = randomUUID(); // enrolled with photos stored
  const binh = randomUUID(); // enrolled before photos were stored
  const blobs = new DiskBlobStore(mkdtempSync(path.join(tmpdir(), 'kc-reembed-')));
  const files = skip ? [] : photosOfFirstIdentity(6).map((f, i) => ({ name: `an-${i}.jpg`, bytes: readFileSync(f) }));

  before(async () => {
    if (skip) return;
    [oldEngine, newEngine] = await Promise.all([createFaceEngine({ kind: 'faceapi' }), createFaceEngine({ kind: 'yunet-dlib', yunetPath: YUNET })]);
    const db = await getDb();
    unitId = randomUUID();
    await db.query(`INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'Văn phòng UBND', 'KHAC', 'KHAC', '2020-01-01')`, [unitId, `R-${unitId.slice(0, 6)}`]);
    for (const [id, name] of [[an, 'Nguyễn Văn An'], [binh, 'Trần Thị Bình']] as const) {
      await db.query(`INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text) VALUES ($1, $2, $3, 'CONG_CHUC', $4, $3)`, [id, `NV-${id.slice(0, 6)}`, name, unitId]);
      await recordConsent(db, actor, { personId: id, decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' }, NOW);
    }
  });
  after(async () => {
    await oldEngine?.close();
    await newEngine?.close();
  });

  it('keeps accepted enrollment photos in the blob store, owned by the person', { skip }, async () => {
    const db = await getDb();
    const report = await enrollPhotos({ db, engine: oldEngine, blobs }, actor, an, files, 'UPLOAD', NOW);
    const accepted = report.filter((r) => r.ok).length;
    assert.ok(accepted >= 2, JSON.stringify(report));
    const photos = await db.query<{ blob_key: string; person_id: string }>('SELECT blob_key, person_id FROM face_enrollment_photos WHERE person_id = $1', [an]);
    assert.equal(photos.length, accepted);
    for (const p of photos) {
      assert.ok(await blobs.stat(p.blob_key));
      const [owner] = await db.query<{ kind: string; person_id: string; unit_id: string }>('SELECT kind, person_id, unit_id FROM blob_owners WHERE key = $1', [p.blob_key]);
      assert.deepEqual(owner, { kind: 'face_enrollment_photo', person_id: an, unit_id: unitId });
    }
    // Bình was enrolled the old way: templates only.
    const good = files.find((f) => report.find((r) => r.file === f.name)?.ok) as (typeof files)[0];
    const old = await enrollPhotos({ db, engine: oldEngine }, actor, binh, [good], 'UPLOAD', NOW);
    assert.equal(old[0]?.ok, true);
    assert.equal((await loadGallery(db, unitId, newEngine.meta.engine)).length, 0);
  });

  it('makes templates of the new engine from the stored photos, resumably and only once', { skip }, async () => {
    const db = await getDb();
    const logs: string[] = [];
    // Stopped after the first photo (a server shutdown): the next run resumes with the rest.
    let calls = 0;
    const first = await reEmbedStoredPhotos({ db, blobs, engine: newEngine, now: () => NOW, log: (m) => logs.push(m), stopped: () => calls++ > 1 });
    assert.equal(first.enrolled + first.rejected, 1);
    const rest = await reEmbedStoredPhotos({ db, blobs, engine: newEngine, now: () => NOW, log: (m) => logs.push(m) });
    const photos = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM face_enrollment_photos WHERE person_id = $1', [an]))[0]?.n ?? 0;
    assert.equal(first.enrolled + first.rejected + rest.enrolled + rest.rejected, photos);
    assert.ok(first.enrolled + rest.enrolled >= 1);
    // Bình has no stored photo: reported, to be enrolled again.
    assert.equal(rest.needEnrollment, 1);
    assert.ok(logs.some((l) => l.includes('finished')));

    const templates = await templatesOf(db, an, newEngine.meta.engine);
    assert.ok(templates.length >= 3, 'a photo and its synthetic masked copies');
    assert.equal(templates[0]?.full.length, 128);
    const gallery = await loadGallery(db, unitId, newEngine.meta.engine);
    assert.deepEqual([...new Set(gallery.map((t) => t.personId))], [an]);

    const again = await reEmbedStoredPhotos({ db, blobs, engine: newEngine, now: () => NOW });
    assert.equal(again.enrolled + again.rejected + again.unreadable, 0);
    assert.equal((await templatesOf(db, an, newEngine.meta.engine)).length, templates.length);
    const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'faces.re_embed' AND entity_id = $1`, [an]);
    assert.equal(audit[0]?.n, first.enrolled + rest.enrolled);
  });

  it('erases the stored photos with the templates when consent is withdrawn', { skip }, async () => {
    const db = await getDb();
    const keys = (await db.query<{ blob_key: string }>('SELECT blob_key FROM face_enrollment_photos WHERE person_id = $1', [an])).map((r) => r.blob_key);
    assert.ok(keys.length > 0);
    await recordConsent(db, actor, { personId: an, decision: 'WITHDRAWN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' }, NOW, blobs);
    assert.equal((await db.query('SELECT 1 FROM face_enrollment_photos WHERE person_id = $1', [an])).length, 0);
    assert.equal((await db.query('SELECT 1 FROM face_templates WHERE person_id = $1', [an])).length, 0);
    for (const k of keys) {
      assert.equal(await blobs.stat(k), undefined);
      assert.equal((await db.query('SELECT 1 FROM blob_owners WHERE key = $1', [k])).length, 0);
    }
  });
});
