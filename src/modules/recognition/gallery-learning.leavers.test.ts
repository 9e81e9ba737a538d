import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { DiskBlobStore } from '../../../test/helpers/adapters';
import { forEachDb } from '../../../test/helpers/db';
import type { Db } from '../../platform/ports/db';
import { recordConsent } from './consent.service';
import { purgeLeavers, RETENTION_ACTOR } from './gallery-learning.jobs';
import { putEnrollmentPhoto, recordEnrollmentPhoto } from './re-embed.photos';
import { insertTemplate } from './templates.repo';

/**
 * The daily retention job scheduled by recognition's module.ts (domain.md §9.2 item 3): people who have left lose
 * their templates and stored enrollment photos (rows, files and blob owners), audited per person; people still at
 * work keep theirs; a second run finds nothing.
 */
const NOW = new Date('2026-03-02T01:00:00Z');
const actor = { id: null, name: 'Chánh Văn phòng (test)' };
const vec = () => Float32Array.from({ length: 128 }, () => Math.random());

forEachDb('recognition: daily purge of the faces of people who have left', (getDb) => {
  const blobs = new DiskBlobStore(mkdtempSync(path.join(tmpdir(), 'kc-leavers-')));
  let unitId: string;
  const left = randomUUID(); // left, with templates and a photo
  const leftPhotoOnly = randomUUID(); // left, a stored photo but no template any more
  const staying = randomUUID();
  const keys = new Map<string, string>();

  const enroll = async (db: Db, personId: string, templates: number) => {
    const stored = await putEnrollmentPhoto(blobs, personId, new Uint8Array([1, 2, 3, personId.charCodeAt(0)]));
    await db.transaction(async (tx) => {
      await recordEnrollmentPhoto(tx, stored, { personId, unitId, fileName: 'a.jpg', source: 'UPLOAD', createdBy: null, at: NOW });
      for (let i = 0; i < templates; i++) {
        await insertTemplate(tx, { personId, source: 'UPLOAD', engine: 'test-engine', embedding: vec(), upperEmbedding: vec(), maskedness: 0, at: NOW, photoId: stored.id });
      }
    });
    keys.set(personId, stored.key);
  };

  before(async () => {
    const db = await getDb();
    unitId = randomUUID();
    await db.query(`INSERT INTO org_units (id, code, name, unit_type, admin_level, valid_from) VALUES ($1, $2, 'Phòng Nội vụ', 'KHAC', 'KHAC', '2020-01-01')`, [unitId, `L-${unitId.slice(0, 6)}`]);
    for (const [id, name] of [[left, 'Lê Văn Lâm'], [leftPhotoOnly, 'Phạm Thị Hoa'], [staying, 'Đỗ Minh Quân']] as const) {
      await db.query(`INSERT INTO persons (id, employee_code, full_name, category, unit_id, search_text) VALUES ($1, $2, $3, 'CONG_CHUC', $4, $3)`, [id, `NV-${id.slice(0, 6)}`, name, unitId]);
      await recordConsent(db, actor, { personId: id, decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' }, NOW);
    }
    await enroll(db, left, 3);
    await enroll(db, leftPhotoOnly, 0);
    await enroll(db, staying, 2);
    await db.query(`UPDATE persons SET status = 'LEFT' WHERE id = ANY($1::uuid[])`, [[left, leftPhotoOnly]]);
  });

  it('deletes the templates and photos of leavers only, audited per person, and finds nothing the next day', async () => {
    const db = await getDb();
    const first = await purgeLeavers({ db, blobs, now: () => NOW });
    assert.deepEqual(first, { persons: 2, templates: 3, photos: 2, filesDeleted: 2 });

    const count = async (sql: string, id: string) => (await db.query<{ n: number }>(sql, [id]))[0]?.n;
    for (const id of [left, leftPhotoOnly]) {
      assert.equal(await count('SELECT count(*)::int AS n FROM face_templates WHERE person_id = $1', id), 0);
      assert.equal(await count('SELECT count(*)::int AS n FROM face_enrollment_photos WHERE person_id = $1', id), 0);
      const key = keys.get(id) as string;
      assert.equal(await blobs.stat(key), undefined, 'the file is gone');
      assert.equal((await db.query('SELECT 1 FROM blob_owners WHERE key = $1', [key])).length, 0);
    }
    assert.equal(await count('SELECT count(*)::int AS n FROM face_templates WHERE person_id = $1', staying), 2);
    assert.ok(await blobs.stat(keys.get(staying) as string), 'someone still at work keeps their photo');

    const audit = await db.query<{ entity_id: string; actor_name: string; reason: string; details: { templates: number; photosErased: number } }>(
      `SELECT entity_id, actor_name, reason, details FROM audit_log WHERE action = 'faces.templates_purged' AND entity_id = ANY($1::text[]) ORDER BY entity_id`,
      [[left, leftPhotoOnly, staying]],
    );
    assert.deepEqual(
      audit.map((a) => [a.entity_id, a.actor_name, a.reason, a.details.templates, a.details.photosErased]),
      [
        [left, RETENTION_ACTOR.name, 'LEFT', 3, 1],
        [leftPhotoOnly, RETENTION_ACTOR.name, 'LEFT', 0, 1],
      ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    );

    const again = await purgeLeavers({ db, blobs, now: () => NOW });
    assert.deepEqual(again, { persons: 0, templates: 0, photos: 0, filesDeleted: 0 });
  });
});
