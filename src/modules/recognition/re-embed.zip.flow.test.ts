import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import JSZip from 'jszip';
import { createFaceEngine, DiskBlobStore } from '../../../test/helpers/adapters';
import { forEachDb } from '../../../test/helpers/db';
import { failOn } from '../../../test/helpers/db-faults';
import { loadConfig } from '../../config/config';
import type { Db } from '../../platform/ports/db';
import type { FaceEngine } from '../../platform/ports/face-engine';
import { recordConsent } from './consent.service';
import { acceptZipImport, runZipImport, zipImportLimits } from './enrollment-zip.service';
import { reEmbedStoredPhotos } from './re-embed.service';
import { loadGallery, templatesOf } from './templates.repo';

/**
 * Issue 14's loose end: a zip import keeps its accepted photos as a single upload does, so people enrolled by zip are
 * re-embedded on an engine upgrade (npm-shipped TinyFace + dlib → YuNet + dlib here) instead of having to be enrolled
 * again; a person whose write fails leaves no kept file behind.
 */
const FACES = path.resolve('../shared/faces');
const YUNET = path.resolve('../shared/models/face_detection_yunet_2023mar.onnx');
const skip = !existsSync(FACES) || !existsSync(YUNET) ? 'needs ../shared/faces and ../shared/models' : false;
const actor = { id: null, name: 'Chánh Văn phòng (test)' };
const NOW = new Date('2026-03-02T01:00:00Z');

function photosOfIdentity(rank: number, n: number): Buffer[] {
  const rows = readFileSync(path.join(FACES, 'celeba-dev/labels.tsv'), 'utf8').trim().split('\n').slice(1).map((r) => r.split('\t') as [string, string]);
  const id = [...new Set(rows.map((r) => r[1]))].sort()[rank] as string;
  return rows.filter((r) => r[1] === id).map((r) => readFileSync(path.join(FACES, 'celeba-dev/images', r[0]))).slice(0, n);
}

async function zipOf(files: Array<[string, Buffer]>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, data] of files) z.file(name, data);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

forEachDb('recognition: people enrolled by zip are re-embedded for a new engine', (getDb) => {
  let oldEngine: FaceEngine;
  let newEngine: FaceEngine;
  let unitId: string;
  const hoa = randomUUID();
  const tuan = randomUUID();
  const codeOf = (id: string) => `Z${id.slice(0, 6).toUpperCase()}`;
  const blobs = new DiskBlobStore(mkdtempSync(path.join(tmpdir(), 'kc-reembed-zip-')));
  const limits = zipImportLimits(loadConfig({}).face.importLimits);
  const importZip = async (db: Db, files: Array<[string, Buffer]>, onPersonError: (personId: string) => void = () => {}) => {
    const job = await acceptZipImport(db, actor, { fileName: 'anh.zip', bytes: await zipOf(files) }, [unitId], limits, NOW);
    await runZipImport(
      { db, blobs, engine: async () => oldEngine, now: () => NOW, onEnrolled: () => {}, stopping: () => false, onPersonError: (_e, id) => onPersonError(id) },
      job,
    );
    return job.id;
  };
  const keptFilesOf = async (personId: string) => {
    const keys: string[] = [];
    for await (const b of blobs.list(`faces/enrollment-photos/${personId}/`)) keys.push(b.key);
    return keys;
  };

  before(async () => {
    if (skip) return;
    [oldEngine, newEngine] = await Promise.all([createFaceEngine({ kind: 'faceapi' }), createFaceEngine({ kind: 'yunet-dlib', yunetPath: YUNET })]);
    const db = await getDb();
    unitId = randomUUID();
    await db.query(`INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'Văn phòng UBND', 'KHAC', 'KHAC', '2020-01-01')`, [unitId, `Z-${unitId.slice(0, 6)}`]);
    for (const [id, name] of [[hoa, 'Nguyễn Thị Hoa'], [tuan, 'Lê Anh Tuấn']] as const) {
      await db.query(`INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text) VALUES ($1, $2, $3, 'CONG_CHUC', $4, $3)`, [id, codeOf(id), name, unitId]);
      await recordConsent(db, actor, { personId: id, decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' }, NOW);
    }
  });
  after(async () => {
    await oldEngine?.close();
    await newEngine?.close();
  });

  it('keeps the accepted photos of a zip import, owned by the person, with the templates made from them', { skip }, async () => {
    const db = await getDb();
    const photos = photosOfIdentity(2, 3);
    const importId = await importZip(db, photos.map((b, i) => [`anh/${codeOf(hoa)}${i ? `_${i}` : ''}.jpg`, b]));
    const files = await db.query<{ outcome: string }>('SELECT outcome FROM face_import_files WHERE import_id = $1', [importId]);
    const enrolled = files.filter((f) => f.outcome === 'ENROLLED').length;
    assert.ok(enrolled >= 2, JSON.stringify(files));

    const kept = await db.query<{ id: string; blob_key: string; source: string; file_name: string }>(
      'SELECT id, blob_key, source, file_name FROM face_enrollment_photos WHERE person_id = $1 AND erased_at IS NULL',
      [hoa],
    );
    assert.equal(kept.length, enrolled, 'one kept photo per enrolled file, none for refused ones');
    for (const p of kept) {
      assert.equal(p.source, 'IMPORT');
      assert.match(p.file_name, new RegExp(codeOf(hoa)));
      assert.ok(await blobs.stat(p.blob_key));
      const [owner] = await db.query<{ kind: string; person_id: string; unit_id: string }>('SELECT kind, person_id, unit_id FROM blob_owners WHERE key = $1', [p.blob_key]);
      assert.deepEqual(owner, { kind: 'face_enrollment_photo', person_id: hoa, unit_id: unitId });
      const [done] = await db.query<{ engine: string; outcome: string; templates: number }>('SELECT engine, outcome, templates FROM face_photo_embeddings WHERE photo_id = $1', [p.id]);
      assert.deepEqual(done, { engine: oldEngine.meta.engine, outcome: 'ENROLLED', templates: 3 });
    }
    const linked = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM face_templates WHERE person_id = $1 AND photo_id IS NOT NULL', [hoa]);
    assert.equal(linked[0]?.n, enrolled * 3, 'every template (masked copies too) names its photo');
    assert.equal((await keptFilesOf(hoa)).length, enrolled, 'no stray file');
  });

  it('a person whose write fails keeps no photo file and no row', { skip }, async () => {
    const db = await getDb();
    let failed = '';
    // The audit entry of Tuấn's first photo fails: the photo rows and templates written before it roll back.
    const broken = failOn(db, (sql, params) => sql.includes('INSERT INTO audit_log') && params?.[7] === tuan);
    await importZip(broken, photosOfIdentity(3, 2).map((b, i) => [`${codeOf(tuan)}_${i}.jpg`, b]), (id) => {
      failed = id;
    });
    assert.equal(failed, tuan);
    assert.equal((await db.query('SELECT 1 FROM face_enrollment_photos WHERE person_id = $1', [tuan])).length, 0);
    assert.deepEqual(await keptFilesOf(tuan), [], 'the files put before the transaction are deleted again');
  });

  it('a new engine makes its own templates for the zip-imported person from the kept photos', { skip }, async () => {
    const db = await getDb();
    assert.equal((await templatesOf(db, hoa, newEngine.meta.engine)).length, 0);
    const summary = await reEmbedStoredPhotos({ db, blobs, engine: newEngine, now: () => NOW });
    assert.ok(summary.enrolled >= 1, JSON.stringify(summary));
    assert.equal(summary.needEnrollment, 0, 'nobody has to be enrolled again');
    const templates = await templatesOf(db, hoa, newEngine.meta.engine);
    assert.ok(templates.length >= 3, 'a photo and its synthetic masked copies');
    assert.deepEqual([...new Set((await loadGallery(db, unitId, newEngine.meta.engine)).map((t) => t.personId))], [hoa]);
    const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'faces.re_embed' AND entity_id = $1`, [hoa]);
    assert.equal(audit[0]?.n, summary.enrolled);
  });
});
