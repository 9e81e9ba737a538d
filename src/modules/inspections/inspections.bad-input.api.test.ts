import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { addDays } from '../../platform/time';
import { MAX_PHOTO_BYTES } from './photos.service';
import { assertError, footprint, hoursFromNow, inspection, items, JPEG, judgeAll, person, SIGNER, today, unit, uploadPhoto } from './test/fixtures';

/**
 * Issue 15, acceptance 4, on PGlite and PostgreSQL: oversized and non-image photos, a unit outside the issuer's
 * scope, a finding on a person not in the inspected unit that day, a team member as subject, a conclusion before the
 * minutes — each refused with its code and both messages, and no table written (row counts of every table the use
 * case may touch, the audit log and the number register included).
 */
for (const kind of dbKinds()) {
  describe(`inspections bad input [${kind}]`, () => {
    let t: TestApp;
    let kiemtra: Session;
    let chutich: Session;
    let id: string;

    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      kiemtra = await loginAs(t.app, 'kiemtra');
      chutich = await loginAs(t.app, 'chutich');
      id = await inspection(t, kiemtra, { target: 'TT-UBND' });
    });
    after(async () => t.close());

    it('refuses an oversized photo and a non-image one, judged by content, writing nothing', async () => {
      const before = await footprint(t);
      const big = Buffer.concat([JPEG.subarray(0, 12), Buffer.alloc(MAX_PHOTO_BYTES, 1)]);
      assertError(await uploadPhoto(t, kiemtra, id, { clientId: 'big-0001' }, { name: 'big.jpg', type: 'image/jpeg', data: big }), 413, 'PHOTO_TOO_LARGE');
      const text = Buffer.from('Đây không phải là ảnh, chỉ là văn bản đặt tên .jpg');
      assertError(await uploadPhoto(t, kiemtra, id, { clientId: 'txt-0001' }, { name: 'anh.jpg', type: 'image/jpeg', data: text }), 415, 'PHOTO_NOT_IMAGE');
      const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
      assertError(await uploadPhoto(t, kiemtra, id, { clientId: 'pdf-0001' }, { name: 'anh.png', type: 'image/png', data: pdf }), 415, 'PHOTO_NOT_IMAGE');
      assert.deepEqual(await footprint(t), before);
      // A PNG named .txt with a text type is still a PNG.
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 3)]);
      const ok = await uploadPhoto(t, kiemtra, id, { clientId: 'png-0001' }, { name: 'x.txt', type: 'text/plain', data: png });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().contentType, 'image/png');
    });

    it('keeps one finding and one photo when the device sends the same clientId twice at once', async () => {
      const item = (await items(kiemtra, id)).find((i) => i.code === 'ALCOHOL') as { id: string };
      const finding = { clientId: 'race-f-0001', itemId: item.id, personId: person(t, 'TT005'), description: 'Có mùi rượu bia trong giờ làm việc.', observedAt: hoursFromNow(-0.1) };
      const answers = await Promise.all([kiemtra.send('POST', `/api/inspections/${id}/findings`, finding), kiemtra.send('POST', `/api/inspections/${id}/findings`, finding)]);
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 201], answers.map((a) => a.body).join('\n'));
      assert.equal(answers[0]?.json().id, answers[1]?.json().id);
      const rows = await t.ctx.db.query<{ n: number; v: number }>(`SELECT count(*)::int AS n, count(violation_id)::int AS v FROM inspection_findings WHERE client_id = 'race-f-0001'`);
      assert.deepEqual(rows[0], { n: 1, v: 1 });
      assert.equal((await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM violations WHERE facts->>'inspectionRef' = $1`, [id]))[0]?.n, 1);
      const photos = await Promise.all([1, 2].map(() => uploadPhoto(t, kiemtra, id, { clientId: 'race-p-0001' }, { name: 'a.jpg', type: 'image/jpeg', data: JPEG })));
      assert.deepEqual(photos.map((a) => a.statusCode).sort(), [200, 201]);
      assert.equal((await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM inspection_photos WHERE client_id = 'race-p-0001'`))[0]?.n, 1);
      const keys = await t.ctx.db.query<{ key: string }>(`SELECT key FROM blob_owners WHERE key LIKE $1`, [`inspections/${id}/photos/%`]);
      const files: string[] = [];
      for await (const f of t.ctx.blobs.list(`inspections/${id}/photos/`)) files.push(f.key);
      assert.deepEqual(files.sort(), keys.map((k) => k.key).sort(), 'no stray file from the losing upload');
    });

    it('refuses a unit outside the issuer’s scope, a former unit, and an issuer the caller does not manage', async () => {
      const before = await footprint(t);
      const body = { kind: 'PLANNED', title: 'Kiểm tra công vụ', plannedFrom: hoursFromNow(24), plannedTo: hoursFromNow(30) };
      // Sở Nội vụ's scope is itself: xã Thông Thụ is not in it.
      assertError(await kiemtra.send('POST', '/api/inspections', { ...body, issuerUnitId: unit(t, 'NA-SNV'), targetUnitId: unit(t, 'TT-UBND') }), 403, 'INSPECTION_TARGET_OUT_OF_SCOPE');
      assertError(await kiemtra.send('POST', '/api/inspections', { ...body, issuerUnitId: unit(t, 'NA-UBND'), targetUnitId: unit(t, 'DV-UBND') }), 422, 'INSPECTION_TARGET_NOT_VALID');
      assertError(await chutich.send('POST', '/api/inspections', { ...body, issuerUnitId: unit(t, 'TT-UBND'), targetUnitId: unit(t, 'TT-PKT') }), 403, 'FORBIDDEN');
      assertError(
        await kiemtra.send('POST', '/api/inspections/plans', { issuerUnitId: unit(t, 'NA-SNV'), year: 2026, periodLabel: 'Năm 2026', title: 'Kế hoạch', targets: [{ unitId: unit(t, 'TP-UBND'), plannedFrom: today(), plannedTo: today() }] }),
        403,
        'INSPECTION_TARGET_OUT_OF_SCOPE',
      );
      assert.deepEqual(await footprint(t), before);
    });

    it('refuses a finding on a person not in the inspected unit that day, and on nobody judging their own case', async () => {
      const all = await items(kiemtra, id);
      const item = all.find((i) => i.code === 'ID_CARD') as { id: string };
      const hygiene = all.find((i) => i.code === 'WORKPLACE_HYGIENE') as { id: string };
      const before = await footprint(t);
      const finding = { itemId: item.id, description: 'Không đeo thẻ công chức.', observedAt: hoursFromNow(-0.1) };
      assertError(await kiemtra.send('POST', `/api/inspections/${id}/findings`, { ...finding, clientId: 'f-tp-0001', personId: person(t, 'TP001') }), 422, 'FINDING_PERSON_NOT_IN_UNIT');
      assertError(
        await kiemtra.send('POST', `/api/inspections/${id}/findings`, { ...finding, itemId: hygiene.id, clientId: 'f-hy-0001', personId: person(t, 'TT005') }),
        400,
        'FINDING_ITEM_NOT_PER_PERSON',
      );
      // Only the team works on site: the commune's chairman cannot record a finding.
      assertError(await chutich.send('POST', `/api/inspections/${id}/findings`, { ...finding, clientId: 'f-ch-0001', personId: null }), 403, 'INSPECTION_NOT_MEMBER');
      assert.deepEqual(await footprint(t), before);
      // Nobody from the inspected unit sits on the team (the Trưởng phòng Kinh tế works in xã Thông Thụ).
      const draft = await kiemtra.send('POST', '/api/inspections', { kind: 'PLANNED', issuerUnitId: unit(t, 'NA-UBND'), targetUnitId: unit(t, 'TT-UBND'), title: 'Kiểm tra lần hai', plannedFrom: hoursFromNow(48), plannedTo: hoursFromNow(50) });
      assert.equal(draft.statusCode, 201, draft.body);
      const team = await footprint(t);
      assertError(
        await kiemtra.send('PUT', `/api/inspections/${draft.json().id}/members`, {
          members: [
            { userId: t.demo.users.kiemtra, role: 'HEAD', title: 'Tổ trưởng' },
            { userId: t.demo.users.truongphong, role: 'MEMBER', title: 'Trưởng phòng' },
          ],
        }),
        422,
        'INSPECTION_MEMBER_IN_TARGET',
      );
      assert.deepEqual(await footprint(t), team);
    });

    it('lists the inspected unit’s cameras to the team only, and exports only footage of the inspection window', async () => {
      const cams = await kiemtra.get(`/api/inspections/${id}/cameras`);
      assert.equal(cams.statusCode, 200, cams.body);
      const list = cams.json() as Array<{ id: string; name: string }>;
      assert.ok(list.length > 0, 'xã Thông Thụ has cameras in the demo agency');
      assertError(await chutich.get(`/api/inspections/${id}/cameras`), 403, 'INSPECTION_NOT_MEMBER');
      const before = await footprint(t);
      const cameraId = list[0]?.id as string;
      assertError(await kiemtra.send('POST', `/api/inspections/${id}/evidence`, { kind: 'SNAPSHOT', cameraId, at: hoursFromNow(-3), reason: 'Kiểm tra giờ làm việc' }), 422, 'EVIDENCE_OUTSIDE_WINDOW');
      assertError(await kiemtra.send('POST', `/api/inspections/${id}/evidence`, { kind: 'CLIP', cameraId, from: hoursFromNow(-0.5), reason: 'Kiểm tra giờ làm việc' }), 400, 'EVIDENCE_TIME');
      assertError(await kiemtra.send('POST', `/api/inspections/${id}/evidence`, { kind: 'SNAPSHOT', cameraId: unit(t, 'TT-UBND'), at: hoursFromNow(-0.5), reason: 'Kiểm tra giờ làm việc' }), 404, 'NOT_FOUND');
      assert.deepEqual(await footprint(t), before);
    });

    it('refuses minutes before every item is judged and a conclusion before the minutes, writing nothing', async () => {
      const before = await footprint(t);
      assertError(await kiemtra.send('POST', `/api/inspections/${id}/conclusion`, { signer: SIGNER }), 409, 'CONCLUSION_BEFORE_MINUTES');
      assertError(await kiemtra.send('POST', `/api/inspections/${id}/minutes`, { representative: { name: 'Lê Văn Thành', title: 'Chủ tịch UBND xã' } }), 409, 'MINUTES_ITEMS_NOT_JUDGED');
      assert.deepEqual(await footprint(t), before);
      await judgeAll(kiemtra, id);
      const minutes = await kiemtra.send('POST', `/api/inspections/${id}/minutes`, { representative: { name: 'Lê Văn Thành', title: 'Chủ tịch UBND xã' } });
      assert.equal(minutes.statusCode, 201, minutes.body);
      // A remediation owned by a unit outside the inspected one, or due before the conclusion: refused as a whole.
      const mid = await footprint(t);
      assertError(
        await kiemtra.send('POST', `/api/inspections/${id}/conclusion`, { remediations: [{ description: 'Khắc phục', ownerUnitId: unit(t, 'TP-UBND'), dueOn: addDays(today(), 5) }], signer: SIGNER }),
        422,
        'REMEDIATION_OWNER_OUT_OF_SCOPE',
      );
      assertError(
        await kiemtra.send('POST', `/api/inspections/${id}/conclusion`, {
          recommendations: [{ kind: 'REMIND', text: 'Nhắc nhở chung.' }],
          remediations: [{ description: 'Khắc phục', ownerUnitId: unit(t, 'TT-UBND'), dueOn: addDays(today(), -1) }],
          signer: SIGNER,
        }),
        400,
        'REMEDIATION_DUE_IN_PAST',
      );
      assert.deepEqual(await footprint(t), mid);
    });
  });
}
