import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { failOn } from '../../../test/helpers/db-faults';
import { loadConfig } from '../../config/config';
import { encodeJpeg } from '../../platform/image/codec';
import { acceptZipImport, runZipImport, zipImportLimits } from './enrollment-zip.service';
import { recognitionRuntime } from './runtime';

const FACES = path.resolve('../shared/faces/celeba-dev/images');
const MODELS = path.resolve('../shared/models');
const skip = !existsSync(FACES) || !existsSync(path.join(MODELS, 'face_detection_yunet_2023mar.onnx')) ? 'needs ../shared/faces and ../shared/models' : false;
const photo = (file: string) => readFileSync(path.join(FACES, file));

/** A zip as an office would make it; `createFolders` adds the folder entries real tools write. */
async function zipOf(files: Array<[string, Buffer | string]>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, data] of files) z.file(name, data);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function zipForm(name: string, data: Buffer) {
  const boundary = `----kc${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/zip\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface ImportView {
  status: string;
  totalFiles: number;
  processedFiles: number;
  enrolledFiles: number;
  rejectedFiles: number;
  templatesCreated: number;
  errorCode: string | null;
  files: { file: string; employeeCode: string | null; fullName: string | null; outcome: string; code: string | null; message_vi: string | null; message_en: string | null; templates: number }[] | null;
}

for (const kind of dbKinds()) {
  describe(`zip enrollment API [${kind}]`, { skip }, () => {
    let t: TestApp;
    let office: Session;
    let p: Record<string, string>;
    before(async () => {
      t = await startTestApp(kind, { env: { KC_FACE_MODELS_DIR: MODELS, KC_FACE_THREADS: '1' } });
      office = await loginAs(t.app, 'chanhvp');
      p = t.demo.persons as Record<string, string>;
      for (const code of ['TT003', 'TT004', 'TT005']) {
        const res = await office.send('POST', '/api/recognition/consents', { personId: p[code], decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' });
        assert.equal(res.statusCode, 201, res.body);
      }
    });
    after(() => t?.close());

    const post = (s: Session, name: string, data: Buffer) => {
      const f = zipForm(name, data);
      return t.app.inject({
        method: 'POST',
        url: '/api/recognition/imports',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': f.contentType },
        payload: f.payload,
      });
    };
    const waitDone = async (id: string): Promise<ImportView> => {
      const end = Date.now() + 180_000;
      for (;;) {
        const res = await office.get(`/api/recognition/imports/${id}`);
        assert.equal(res.statusCode, 200, res.body);
        const view = res.json() as ImportView;
        if (view.status === 'DONE' || view.status === 'FAILED') return view;
        assert.ok(Date.now() < end, 'import finished in time');
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    const templates = async (personId: string) =>
      (await t.ctx.db.query<{ source: string; n: number }>('SELECT source, count(*)::int AS n FROM face_templates WHERE person_id = $1 GROUP BY source ORDER BY source', [personId]))
        .map((r) => `${r.source}:${r.n}`)
        .join(' ');

    it('enrolls the good photos of consenting staff and reports every other file with its reason', async () => {
      const blank = await encodeJpeg({ width: 320, height: 240, data: new Uint8Array(320 * 240 * 3).fill(180) });
      const png = await sharp(photo('029511.jpg')).png().toBuffer();
      const zip = await zipOf([
        ['anh/TT005.jpg', photo('001085.jpg')],
        ['anh/TT005_2.jpg', photo('007710.jpg')],
        ['anh/TT004-b.png', png],
        ['anh/TT003 (1).jpg', photo('007444.jpg')],
        ['anh/TT001.jpg', photo('018834.jpg')], // a real face, but no consent recorded
        ['anh/TT003_trong.jpg', blank],
        ['anh/TT004_nhieu.jpg', photo('017588.jpg')],
        ['anh/TT005_hong.jpg', photo('021650.jpg').subarray(0, 600)],
        ['anh/TT005_ghichu.txt', 'không phải ảnh'],
        ['anh/TT004_doi-ten.jpg', 'văn bản đổi đuôi thành .jpg'],
        ['../TT005_3.jpg', photo('018834.jpg')],
        ['anh/CB9999.jpg', photo('021650.jpg')],
        ['anh/TP001.jpg', photo('021650.jpg')],
        ['__MACOSX/anh/._TT005.jpg', 'resource fork'],
      ]);
      const res = await post(office, 'anh-can-bo.zip', zip);
      assert.equal(res.statusCode, 202, res.body);
      const { id, totalFiles } = res.json() as { id: string; totalFiles: number };
      assert.equal(totalFiles, 13, 'folders and __MACOSX are not counted');

      const job = await waitDone(id);
      assert.equal(job.status, 'DONE');
      assert.equal(job.processedFiles, 13);
      const outcome = Object.fromEntries((job.files ?? []).map((f) => [f.file, [f.outcome, f.code, f.employeeCode]]));
      assert.deepEqual(outcome, {
        'anh/TT005.jpg': ['ENROLLED', null, 'TT005'],
        'anh/TT005_2.jpg': ['ENROLLED', null, 'TT005'],
        'anh/TT004-b.png': ['ENROLLED', null, 'TT004'],
        'anh/TT003 (1).jpg': ['ENROLLED', null, 'TT003'],
        'anh/TT001.jpg': ['REJECTED', 'CONSENT_REQUIRED', 'TT001'],
        'anh/TT003_trong.jpg': ['REJECTED', 'NO_FACE', 'TT003'],
        'anh/TT004_nhieu.jpg': ['REJECTED', 'MANY_FACES', 'TT004'],
        'anh/TT005_hong.jpg': ['REJECTED', 'IMAGE_CORRUPT', 'TT005'],
        'anh/TT005_ghichu.txt': ['REJECTED', 'NOT_AN_IMAGE', 'TT005'],
        'anh/TT004_doi-ten.jpg': ['REJECTED', 'NOT_AN_IMAGE', 'TT004'],
        '../TT005_3.jpg': ['REJECTED', 'UNSAFE_NAME', null],
        'anh/CB9999.jpg': ['REJECTED', 'UNKNOWN_EMPLOYEE', 'CB9999'],
        'anh/TP001.jpg': ['REJECTED', 'OUT_OF_SCOPE', 'TP001'],
      });
      assert.deepEqual([job.enrolledFiles, job.rejectedFiles, job.templatesCreated], [4, 9, 12]);
      const byFile = new Map((job.files ?? []).map((f) => [f.file, f]));
      assert.match(byFile.get('anh/TT001.jpg')?.message_vi ?? '', /Chưa ghi nhận sự đồng ý/);
      assert.match(byFile.get('anh/CB9999.jpg')?.message_en ?? '', /No staff member has the code "CB9999"/);
      assert.match(byFile.get('anh/TT003_trong.jpg')?.message_vi ?? '', /Không tìm thấy khuôn mặt/);
      assert.equal(byFile.get('anh/TT005.jpg')?.fullName, 'Vũ Thị Lan');

      // Templates only for the good photos: each photo plus its two synthetic masked copies.
      assert.equal(await templates(p.TT005 as string), 'IMPORT:2 SYNTHETIC_MASK:4');
      assert.equal(await templates(p.TT004 as string), 'IMPORT:1 SYNTHETIC_MASK:2');
      assert.equal(await templates(p.TT003 as string), 'IMPORT:1 SYNTHETIC_MASK:2');
      assert.equal(await templates(p.TT001 as string), '', 'no consent → nothing stored');
      assert.equal(await templates(p.TP001 as string), '');
      const audits = await t.ctx.db.query<{ action: string; n: number }>(
        `SELECT action, count(*)::int AS n FROM audit_log WHERE action IN ('faces.enroll', 'faces.import') AND (details->>'importId' = $1 OR entity_id = $1) GROUP BY action ORDER BY action`,
        [id],
      );
      assert.deepEqual(audits, [{ action: 'faces.enroll', n: 4 }, { action: 'faces.import', n: 1 }]);

      // The same report as a workbook.
      const xlsx = await office.get(`/api/recognition/imports/${id}/report`);
      assert.equal(xlsx.statusCode, 200);
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0] as ExcelJS.Worksheet;
      assert.equal(ws.rowCount, 14);
      const rows = Array.from({ length: 13 }, (_, i) => (ws.getRow(i + 2).values as unknown[]).slice(1).map(String));
      const consentRow = rows.find((r) => r[1] === 'anh/TT001.jpg');
      assert.ok(consentRow?.[4]?.startsWith('Bị từ chối'), 'outcome in Vietnamese');
      assert.match(consentRow?.[6] ?? '', /đồng ý/);
      assert.match(consentRow?.[7] ?? '', /consent/);
    });

    it('answers 4xx with a bilingual error for oversized zips, too many entries, zip bombs and non-zips', async () => {
      const expect = async (env: Record<string, string>, data: Buffer, status: number, code: string) => {
        // Each upload reads the configured limits: this one runs with `env` as the KC_FACE_IMPORT_* settings.
        const limits = t.ctx.config.face.importLimits;
        const configured = { ...limits };
        Object.assign(limits, loadConfig(env).face.importLimits);
        try {
          const res = await post(office, 'x.zip', data);
          assert.equal(res.statusCode, status, res.body);
          const body = res.json() as { code: string; message_vi: string; message_en: string };
          assert.equal(body.code, code);
          assert.ok(body.message_vi.length > 10 && body.message_en.length > 10, 'both languages');
          return body;
        } finally {
          Object.assign(limits, configured);
        }
      };
      const big = await zipOf([['TT005.jpg', photo('007710.jpg')], ['TT005_2.jpg', photo('021650.jpg')]]);
      assert.ok(big.length > 60 * 1024);
      const tooBig = await expect({ KC_FACE_IMPORT_MAX_MB: '0.05' }, big, 413, 'ZIP_TOO_LARGE');
      assert.match(tooBig.message_vi, /quá lớn/);
      const many = await zipOf(Array.from({ length: 25 }, (_, i) => [`TT005_${i}.jpg`, 'x'] as [string, string]));
      await expect({ KC_FACE_IMPORT_MAX_FILES: '20' }, many, 400, 'ZIP_TOO_MANY_ENTRIES');
      const bomb = await zipOf([['TT005.jpg', Buffer.alloc(3 * 1024 * 1024)]]);
      await expect({ KC_FACE_IMPORT_MAX_UNZIPPED_MB: '1' }, bomb, 400, 'ZIP_TOO_LARGE_UNCOMPRESSED');
      await expect({}, Buffer.from('không phải tệp zip'), 400, 'ZIP_INVALID');
      await expect({}, await zipOf([['__MACOSX/._a.jpg', 'x']]), 400, 'ZIP_EMPTY');
      const jobs = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM face_imports WHERE file_name = 'x.zip'`);
      assert.equal(jobs[0]?.n, 0, 'a refused zip creates no job');
    });

    it('never half-enrolls a person: a failure while writing one person rolls back all of that person, others go on', async () => {
      const before = { lan: await templates(p.TT005 as string), nam: await templates(p.TT004 as string) };
      const zip = await zipOf([
        ['TT005_a.jpg', photo('001085.jpg')],
        ['TT005_b.jpg', photo('007710.jpg')],
        ['TT004_c.jpg', photo('029511.jpg')],
      ]);
      // The second audit entry of Lan's transaction fails: her first photo's templates were already inserted.
      let lanAudits = 0;
      const db = failOn(t.ctx.db, (sql, params) => sql.includes('INSERT INTO audit_log') && params?.[7] === p.TT005 && ++lanAudits === 2);
      const units = (await t.ctx.db.query<{ id: string }>('SELECT id FROM org_units')).map((u) => u.id);
      const job = await acceptZipImport(db, { id: t.demo.users.chanhvp as string, name: 'chanhvp' }, { fileName: 'loi.zip', bytes: zip }, units, zipImportLimits(t.ctx.config.face.importLimits), new Date());
      const errorsSeen: string[] = [];
      await runZipImport(
        {
          db,
          engine: () => recognitionRuntime(t.ctx).engine(),
          now: () => new Date(),
          onEnrolled: () => {},
          stopping: () => false,
          onPersonError: (_e, personId) => errorsSeen.push(personId),
        },
        job,
      );
      assert.deepEqual(errorsSeen, [p.TT005]);
      const view = (await office.get(`/api/recognition/imports/${job.id}`)).json() as ImportView;
      assert.equal(view.status, 'DONE');
      assert.deepEqual(Object.fromEntries((view.files ?? []).map((f) => [f.file, [f.outcome, f.code]])), {
        'TT005_a.jpg': ['REJECTED', 'ENROLL_FAILED'],
        'TT005_b.jpg': ['REJECTED', 'ENROLL_FAILED'],
        'TT004_c.jpg': ['ENROLLED', null],
      });
      assert.equal(await templates(p.TT005 as string), before.lan, 'nothing of Lan was kept');
      assert.notEqual(await templates(p.TT004 as string), before.nam, 'Nam was enrolled');
    });

    it('requires faces.enroll; a job is visible to its requester only', async () => {
      const staff = await loginAs(t.app, 'canbo');
      const zip = await zipOf([['TT005.jpg', photo('001085.jpg')]]);
      assert.equal((await post(staff, 'a.zip', zip)).statusCode, 403);
      const res = await post(office, 'a.zip', zip);
      assert.equal(res.statusCode, 202, res.body);
      const id = (res.json() as { id: string }).id;
      await waitDone(id);
      const other = await loginAs(t.app, 'noivu'); // holds faces.enroll, did not start the job
      assert.equal((await other.get(`/api/recognition/imports/${id}`)).statusCode, 404);
      assert.equal((await other.get(`/api/recognition/imports/${id}/report`)).statusCode, 404);
      assert.equal((await staff.get(`/api/recognition/imports/${id}`)).statusCode, 403);
    });
  });
}
