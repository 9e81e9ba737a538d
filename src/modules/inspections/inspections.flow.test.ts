import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { addDays } from '../../platform/time';
import { remediationReminders } from './followup.service';
import { assertError, footprint, hoursFromNow, inspection, JPEG, judgeAll, person, SIGNER, today, unit, uploadPhoto } from './test/fixtures';

/**
 * Issue 15, acceptance 1, through the HTTP API on PGlite and PostgreSQL: plan → decision → a surprise inspection the
 * inspected commune cannot see until it starts → verdicts and findings (one per person) → the violation opened with
 * the inspection as its reference → minutes → conclusion → remediation reported, accepted → closed; and the count by
 * target unit type on the org tree as of a date, with two communes merged on 01/07/2025.
 */
for (const kind of dbKinds()) {
  describe(`inspections flow [${kind}]`, () => {
    let t: TestApp;
    let kiemtra: Session;
    let chutich: Session;

    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      kiemtra = await loginAs(t.app, 'kiemtra');
      chutich = await loginAs(t.app, 'chutich');
    });
    after(async () => t.close());

    it('takes a surprise inspection from the plan to closing', async () => {
      const plan = await kiemtra.send('POST', '/api/inspections/plans', {
        issuerUnitId: unit(t, 'NA-UBND'),
        year: Number(today().slice(0, 4)),
        periodLabel: 'Quý IV',
        title: 'Kế hoạch kiểm tra công vụ quý IV',
        targets: [{ unitId: unit(t, 'TT-UBND'), plannedFrom: today(), plannedTo: addDays(today(), 1) }],
      });
      assert.equal(plan.statusCode, 201, plan.body);
      const planId = plan.json().id as string;

      const id = await inspection(t, kiemtra, { target: 'TT-UBND', kind: 'SURPRISE', planId, start: false, title: 'Kiểm tra đột xuất UBND xã Thông Thụ' });
      // Decided, not started: the commune's chairman (reports.read over the commune) neither lists nor opens it.
      assert.ok(!((await chutich.get('/api/inspections?pageSize=200')).json().items as Array<{ id: string }>).some((x) => x.id === id));
      assertError(await chutich.get(`/api/inspections/${id}`), 404, 'NOT_FOUND');
      assert.ok(((await kiemtra.get('/api/inspections?pageSize=200')).json().items as Array<{ id: string }>).some((x) => x.id === id));
      const planView = await kiemtra.get(`/api/inspections/plans/${planId}`);
      assert.equal(planView.json().targets[0].inspections, 1);

      assert.equal((await kiemtra.send('POST', `/api/inspections/${id}/start`)).statusCode, 204);
      const seen = await chutich.get(`/api/inspections/${id}`);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.equal(seen.json().inspection.state, 'IN_PROGRESS');
      assert.equal(seen.json().can.fieldWork, false);

      await judgeAll(kiemtra, id, ['ID_CARD']);
      const itemId = (code: string) => (seen.json().items as Array<{ id: string; code: string }>).find((x) => x.code === code)?.id as string;
      const lan = person(t, 'TT005');
      const finding = { clientId: 'dev1-finding-0001', itemId: itemId('ID_CARD'), personId: lan, description: 'Không đeo thẻ công chức khi tiếp công dân.', observedAt: hoursFromNow(-0.2) };
      const first = await kiemtra.send('POST', `/api/inspections/${id}/findings`, finding);
      assert.equal(first.statusCode, 201, first.body);
      const violationId = first.json().violationId as string;
      assert.ok(violationId);
      const before = await footprint(t);
      const again = await kiemtra.send('POST', `/api/inspections/${id}/findings`, finding);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().id, first.json().id);
      assert.deepEqual(await footprint(t), before, 'a repeated clientId writes nothing');

      const [v] = await t.ctx.db.query<{ source: string; kind: string; person_id: string; facts: { inspectionRef: string } }>('SELECT source, kind, person_id, facts FROM violations WHERE id = $1', [violationId]);
      assert.equal(v?.source, 'INSPECTION');
      assert.equal(v?.person_id, lan);
      assert.equal(v?.facts.inspectionRef, id);
      const unitFinding = await kiemtra.send('POST', `/api/inspections/${id}/findings`, { clientId: 'dev1-finding-0002', itemId: itemId('WORKPLACE_HYGIENE'), description: 'Hành lang tầng 2 để nhiều hồ sơ cũ.', observedAt: hoursFromNow(-0.1) });
      assert.equal(unitFinding.statusCode, 201, unitFinding.body);
      assert.equal(unitFinding.json().violationId, null);

      const photo = await uploadPhoto(t, kiemtra, id, { clientId: 'dev1-photo-0001', findingId: first.json().id, takenAt: hoursFromNow(-0.2) }, { name: 'a.jpg', type: 'image/jpeg', data: JPEG });
      assert.equal(photo.statusCode, 201, photo.body);
      const photoAgain = await uploadPhoto(t, kiemtra, id, { clientId: 'dev1-photo-0001' }, { name: 'a.jpg', type: 'image/jpeg', data: JPEG });
      assert.equal(photoAgain.statusCode, 200, photoAgain.body);
      assert.equal(photoAgain.json().id, photo.json().id);
      const bytes = await kiemtra.get(photo.json().url);
      assert.equal(bytes.statusCode, 200);
      assert.deepEqual(bytes.rawPayload, JPEG);

      const view = (await kiemtra.get(`/api/inspections/${id}`)).json();
      assert.equal(view.findings.length, 2);
      assert.equal(view.photos.length, 1);
      assert.ok(view.attendanceAtVisit, 'attendance facts of the visit day beside WORKING_HOURS');
      assert.equal(view.attendanceAtVisit.date, today());

      assertError(await kiemtra.send('POST', `/api/inspections/${id}/conclusion`, { signer: SIGNER }), 409, 'CONCLUSION_BEFORE_MINUTES');
      const minutes = await kiemtra.send('POST', `/api/inspections/${id}/minutes`, {
        representative: { name: 'Lê Văn Thành', title: 'Chủ tịch UBND xã' },
        opinion: 'Thống nhất với kết quả kiểm tra.',
        disagreement: null,
      });
      assert.equal(minutes.statusCode, 201, minutes.body);
      assert.match(minutes.json().numberText, /^\d{2}\/BB-ĐKT$/);
      const docx = await chutich.get(minutes.json().url);
      assert.equal(docx.statusCode, 200);
      assert.equal(docx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');

      const dueOn = addDays(today(), 10);
      const conclusion = await kiemtra.send('POST', `/api/inspections/${id}/conclusion`, {
        summary: 'Đơn vị cơ bản chấp hành tốt kỷ luật, kỷ cương hành chính.',
        recommendations: [{ kind: 'SELF_REVIEW', text: 'Yêu cầu kiểm điểm việc không đeo thẻ công chức.', personId: lan }],
        remediations: [{ description: 'Sắp xếp lại hồ sơ tại hành lang tầng 2.', ownerUnitId: unit(t, 'TT-UBND'), dueOn }],
        reportDueOn: dueOn,
        signer: SIGNER,
      });
      assert.equal(conclusion.statusCode, 201, conclusion.body);
      const told = await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'inspections.conclusion' AND entity_id = $2`, [t.demo.users.chutich, id]);
      assert.equal(told[0]?.n, 1, 'the commune chairman is told of the conclusion');
      const rem = (await chutich.get(`/api/inspections/${id}`)).json();
      assert.equal(rem.inspection.state, 'REMEDIATING');
      assert.equal(rem.documents.length, 2);
      const rid = rem.remediations[0].id as string;

      // The deadline is 10 days away: the daily job reminds 3 days before, so not yet; then flags it once overdue.
      assert.deepEqual(await remediationReminders(t.ctx.db, new Date()), { reminded: 0, overdue: 0 });
      assert.equal((await remediationReminders(t.ctx.db, new Date(Date.now() + 8 * 86_400_000))).reminded, 1);
      assertError(await kiemtra.send('POST', `/api/inspections/${id}/close`, { note: 'Kết thúc.' }), 409, 'REMEDIATIONS_OPEN');
      assert.equal((await chutich.send('POST', `/api/inspections/${id}/remediations/${rid}/report`, { text: 'Đã sắp xếp lại toàn bộ hồ sơ.' })).statusCode, 204);
      assert.equal((await kiemtra.send('POST', `/api/inspections/${id}/remediations/${rid}/done`, { note: 'Đã kiểm tra lại.' })).statusCode, 204);
      assert.equal((await kiemtra.send('POST', `/api/inspections/${id}/close`, { note: 'Đơn vị đã khắc phục xong.' })).statusCode, 204);
      const closed = (await chutich.get(`/api/inspections/${id}`)).json();
      assert.equal(closed.inspection.state, 'CLOSED');
      assert.equal(closed.remediations[0].state, 'DONE');
      const actions = (await t.ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [id])).map((r) => r.action);
      for (const a of ['inspections.create', 'inspections.decide', 'inspections.start', 'inspections.finding', 'inspections.minutes', 'inspections.conclusion', 'inspections.close'])
        assert.ok(actions.includes(a), `${a} audited`);
    });

    it('counts 2025 inspections by target unit type on the tree as of a date, merged communes rolled into their successor', async () => {
      const at = (d: string) => ({ from: `${d}T08:00:00+07:00`, to: `${d}T17:00:00+07:00`, start: false });
      await inspection(t, kiemtra, { target: 'DV-UBND', ...at('2025-03-10') });
      await inspection(t, kiemtra, { target: 'TTC-UBND', ...at('2025-05-12') });
      await inspection(t, kiemtra, { target: 'QP-PNV', ...at('2025-04-01') });
      await inspection(t, kiemtra, { target: 'TT-UBND', ...at('2025-09-15') });
      await inspection(t, kiemtra, { target: 'TT-PKT', ...at('2025-10-01') });
      await inspection(t, kiemtra, { target: 'TP-UBND', ...at('2025-11-20'), kind: 'INTER_AGENCY' });
      // A former commune cannot be inspected after the merger: its successor is.
      assertError(
        await kiemtra.send('POST', '/api/inspections', { kind: 'PLANNED', issuerUnitId: unit(t, 'NA-UBND'), targetUnitId: unit(t, 'DV-UBND'), title: 'Kiểm tra sau sáp nhập', plannedFrom: '2025-08-01T08:00:00+07:00', plannedTo: '2025-08-01T17:00:00+07:00' }),
        422,
        'INSPECTION_TARGET_NOT_VALID',
      );

      const end = (await kiemtra.get('/api/inspections/stats?from=2025-01-01&to=2025-12-31&asOf=2025-12-31')).json();
      assert.equal(end.total, 6);
      const type = (s: { byTargetType: Array<{ key: string; count: number }> }, k: string) => s.byTargetType.find((x) => x.key === k)?.count ?? 0;
      assert.equal(type(end, 'UBND_XA'), 4, 'Đồng Văn and Thông Thụ (cũ) count as xã Thông Thụ, with Thông Thụ and Tiền Phong');
      assert.equal(type(end, 'PHONG_KINH_TE'), 1);
      assert.equal(type(end, 'PHONG_HUYEN'), 1, 'a former district office with no successor keeps its own type');
      const tt = (end.findingsByUnit as Array<{ unitId: string; inspections: number }>).find((u) => u.unitId === unit(t, 'TT-UBND'));
      assert.equal(tt?.inspections, 3, 'the merged communes roll into xã Thông Thụ');
      assert.equal(end.byKind.find((k: { key: string }) => k.key === 'INTER_AGENCY')?.count, 1);
      assert.deepEqual((end.byMonth as Array<{ month: string }>).map((m) => m.month), ['2025-03', '2025-04', '2025-05', '2025-09', '2025-10', '2025-11']);

      const xlsx = await kiemtra.get('/api/inspections/stats.xlsx?from=2025-01-01&to=2025-12-31&asOf=2025-12-31');
      assert.equal(xlsx.statusCode, 200, xlsx.body);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString('latin1'), 'PK');

      const mid = (await kiemtra.get('/api/inspections/stats?from=2025-01-01&to=2025-06-30&asOf=2025-06-30')).json();
      assert.equal(mid.total, 3);
      assert.equal(type(mid, 'UBND_XA'), 2);
      assert.equal((mid.findingsByUnit as Array<{ unitId: string }>).some((u) => u.unitId === unit(t, 'DV-UBND')), true, 'as of 30/06/2025 Đồng Văn still exists');
    });

    it('keeps checklist versions in use unchanged: editing makes the next version; plans are edited in place', async () => {
      const list = (await kiemtra.get('/api/inspections/checklists')).json() as Array<{ id: string; version: number; inUse: boolean }>;
      const v1 = list.find((c) => c.version === 1) as { id: string; inUse: boolean };
      assert.equal(v1.inUse, true);
      const full = (await kiemtra.get(`/api/inspections/checklists/${v1.id}`)).json();
      assert.equal(full.items.length, 9);
      assert.match(full.items.find((i: { code: string }) => i.code === 'ALCOHOL').legalBasis, /Điều 5 khoản 5/);
      const edited = full.items
        .filter((i: { code: string }) => i.code !== 'E_OFFICE_DOCS')
        .map(({ code, titleVi, titleEn, legalBasis, perPerson, violationKind }: Record<string, unknown>) => ({ code, titleVi, titleEn, legalBasis, perPerson, violationKind }));
      const smoking = { code: 'SMOKING', titleVi: 'Không hút thuốc lá tại phòng làm việc', titleEn: 'No smoking in the office', legalBasis: 'Quyết định 129/2007/QĐ-TTg', perPerson: true, violationKind: 'OTHER' };
      assertError(await kiemtra.send('POST', '/api/inspections/checklists', { fromId: v1.id, items: [...edited, smoking, smoking] }), 400, 'CHECKLIST_ITEM_DUPLICATE');
      const v2 = await kiemtra.send('POST', '/api/inspections/checklists', { fromId: v1.id, items: [...edited, smoking] });
      assert.equal(v2.statusCode, 201, v2.body);
      assert.equal(v2.json().version, 2);
      assert.equal(v2.json().items.length, 9);
      assert.equal((await kiemtra.get(`/api/inspections/checklists/${v1.id}`)).json().items.length, 9, 'version 1 unchanged');
      assertError(await chutich.send('POST', '/api/inspections/checklists', { fromId: v1.id, items: edited }), 403, 'FORBIDDEN');

      const plan = await kiemtra.send('POST', '/api/inspections/plans', { issuerUnitId: unit(t, 'NA-UBND'), year: 2027, periodLabel: 'Năm 2027', title: 'Kế hoạch năm 2027' });
      assert.equal(plan.statusCode, 201, plan.body);
      const patched = await kiemtra.send('PATCH', `/api/inspections/plans/${plan.json().id}`, { title: 'Kế hoạch kiểm tra công vụ năm 2027', targets: [{ unitId: unit(t, 'TP-UBND'), plannedFrom: '2027-03-01', plannedTo: '2027-03-03' }] });
      assert.equal(patched.statusCode, 200, patched.body);
      assert.equal(patched.json().targets[0].unitName, 'UBND xã Tiền Phong');
      assertError(await kiemtra.send('PATCH', `/api/inspections/plans/${plan.json().id}`, { targets: [{ unitId: unit(t, 'DV-UBND'), plannedFrom: '2027-03-01', plannedTo: '2027-03-03' }] }), 422, 'INSPECTION_TARGET_NOT_VALID');
    });
  });
}
