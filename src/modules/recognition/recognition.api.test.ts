import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { encodeJpeg } from '../../platform/image/codec';

const FACES = path.resolve('../shared/faces/celeba-dev/images');
const MODELS = path.resolve('../shared/models');
const skip = !existsSync(FACES) || !existsSync(path.join(MODELS, 'face_detection_yunet_2023mar.onnx')) ? 'needs ../shared/faces and ../shared/models' : false;

/** A multipart form with files, as the browser's FormData sends it. */
function form(files: Array<{ name: string; type: string; data: Buffer }>, fields: Record<string, string> = {}) {
  const boundary = `----kc${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

for (const kind of dbKinds()) {
  describe(`recognition HTTP API [${kind}]`, { skip }, () => {
    let t: TestApp;
    let office: Session;
    let staff: Session;
    let lan: string;
    let nam: string;
    before(async () => {
      t = await startTestApp(kind, { env: { KC_FACE_MODELS_DIR: MODELS, KC_FACE_THREADS: '1' } });
      office = await loginAs(t.app, 'chanhvp');
      staff = await loginAs(t.app, 'canbo');
      lan = t.demo.persons.TT005 as string;
      nam = t.demo.persons.TT004 as string;
    });
    after(() => t?.close());

    const upload = (s: Session, personId: string, files: Array<{ name: string; type: string; data: Buffer }>) => {
      const f = form(files);
      return t.app.inject({
        method: 'POST',
        url: `/api/recognition/persons/${personId}/photos`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': f.contentType },
        payload: f.payload,
      });
    };

    it('records explicit consent with its notice version; staff cannot record it; unknown fields are refused', async () => {
      const body = { personId: lan, decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' };
      assert.equal((await staff.send('POST', '/api/recognition/consents', body)).statusCode, 403);
      assert.equal((await office.send('POST', '/api/recognition/consents', { ...body, preticked: true })).statusCode, 400);
      const res = await office.send('POST', '/api/recognition/consents', body);
      assert.equal(res.statusCode, 201, res.body);
      const state = (await office.get(`/api/recognition/persons/${lan}`)).json();
      assert.equal(state.consent.decision, 'GIVEN');
      assert.equal(state.consent.noticeVersion, 'TB-2026-01');
    });

    it('enrolls a photo and reports each bad file with a clear bilingual reason', async () => {
      const blank = await encodeJpeg({ width: 320, height: 240, data: new Uint8Array(320 * 240 * 3).fill(180) });
      const good = readFileSync(path.join(FACES, '001085.jpg'));
      const res = await upload(office, lan, [
        { name: 'lan.jpg', type: 'image/jpeg', data: good },
        { name: 'trong.jpg', type: 'image/jpeg', data: blank },
        { name: 'hong.jpg', type: 'image/jpeg', data: good.subarray(0, 400) },
        { name: 'ghichu.txt', type: 'text/plain', data: Buffer.from('không phải ảnh') },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      const out = res.json() as { accepted: number; rejected: number; files: { file: string; ok: boolean; code?: string; message_vi?: string; message_en?: string }[] };
      assert.deepEqual(out.files.map((f) => [f.file, f.ok, f.code ?? null]), [
        ['lan.jpg', true, null],
        ['trong.jpg', false, 'NO_FACE'],
        ['hong.jpg', false, 'IMAGE_UNREADABLE'],
        ['ghichu.txt', false, 'IMAGE_UNREADABLE'],
      ]);
      assert.match(out.files[1]?.message_vi ?? '', /Không tìm thấy khuôn mặt/);
      assert.equal((await office.get(`/api/recognition/persons/${lan}`)).json().templates.photos, 1);
    });

    it('refuses enrollment of a person without consent, and a non-multipart request', async () => {
      const res = await upload(office, nam, [{ name: 'x.jpg', type: 'image/jpeg', data: readFileSync(path.join(FACES, '001085.jpg')) }]);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'CONSENT_REQUIRED');
      assert.equal((await office.send('POST', `/api/recognition/persons/${lan}/photos`, { files: [] })).statusCode, 400);
    });

    it('withdrawal deletes the templates; the review queue is readable by reviewers only', async () => {
      const res = await office.send('POST', '/api/recognition/consents', { personId: lan, decision: 'WITHDRAWN', noticeVersion: 'TB-2026-01', method: 'DIGITAL_CONFIRMATION' });
      assert.equal(res.json().templatesDeleted, 3);
      assert.equal((await office.get(`/api/recognition/persons/${lan}`)).json().templates.photos, 0);
      assert.equal((await office.get('/api/recognition/reviews')).statusCode, 200);
      assert.equal((await staff.get('/api/recognition/reviews')).statusCode, 403);
    });
  });
}
