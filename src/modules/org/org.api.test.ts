import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';

for (const kind of dbKinds()) {
  describe(`temporal organisation [${kind}]`, () => {
    let t: TestApp;
    let admin: Session;
    before(async () => {
      t = await startTestApp(kind);
      admin = await loginAs(t.app, 'admin');
    });
    after(async () => t.close());

    it('shows the two-level structure today and the district level as of 2024', async () => {
      const today = (await admin.get('/api/org/units')).json().items as Array<{ code: string }>;
      assert.ok(today.some((u) => u.code === 'TT-UBND'));
      assert.ok(!today.some((u) => u.code === 'QP-UBND'), 'the former district is not valid today');
      const old = (await admin.get('/api/org/units?asOf=2024-06-01')).json().items as Array<{ code: string }>;
      assert.ok(old.some((u) => u.code === 'QP-UBND'));
      assert.ok(old.some((u) => u.code === 'DV-UBND'));
      assert.ok(!old.some((u) => u.code === 'TT-UBND'));
      const all = (await admin.get('/api/org/units?includeHistorical=true')).json().items as unknown[];
      assert.ok(all.length > today.length);
    });

    it('links the merged communes to their successor and back', async () => {
      const d = (await admin.get(`/api/org/units/${t.demo.units['TT-UBND']}`)).json();
      assert.deepEqual(d.predecessors.map((p: { name: string }) => p.name).sort(), ['UBND xã Thông Thụ (cũ)', 'UBND xã Đồng Văn (cũ)']);
      assert.deepEqual(d.ancestry.map((a: { name: string }) => a.name), ['UBND tỉnh Nghệ An', 'UBND xã Thông Thụ']);
      const old = (await admin.get(`/api/org/units/${t.demo.units['DV-UBND']}`)).json();
      assert.equal(old.successors[0].name, 'UBND xã Thông Thụ');
      assert.equal(old.validTo, '2025-07-01');
    });

    it("today's commune chairman sees staff history recorded under the former communes", async () => {
      const s = await loginAs(t.app, 'chutich');
      const p = (await s.get(`/api/staff/${t.demo.persons.TT005}`)).json();
      assert.deepEqual(
        p.history.map((h: { unitName: string; validTo: string | null }) => [h.unitName, h.validTo]),
        [
          ['UBND xã Thông Thụ (cũ)', '2025-07-01'],
          ['Phòng Kinh tế xã Thông Thụ', null],
        ],
      );
    });

    it('records a merger: sources close, staff move with history, and the audit log has it', async () => {
      const mk = async (code: string, name: string) => {
        const r = await admin.send('POST', '/api/org/units', {
          code,
          name,
          unitType: 'UBND_XA',
          adminLevel: 'XA',
          parentId: t.demo.units['NA-UBND'],
          validFrom: '2025-07-01',
        });
        assert.equal(r.statusCode, 201, r.body);
        return r.json().id as string;
      };
      const a = await mk('XA-A', 'UBND xã A');
      const b = await mk('XA-B', 'UBND xã B');
      const c = await mk('XA-C', 'UBND xã C');
      const person = await admin.send('POST', '/api/staff', { employeeCode: 'MA01', fullName: 'Lò Văn Sáng', category: 'CONG_CHUC', unitId: a, joinedOn: '2025-07-01' });
      assert.equal(person.statusCode, 201, person.body);
      const merge = await admin.send('POST', '/api/org/successions', {
        kind: 'MERGE',
        fromIds: [a, b],
        toIds: [c],
        effectiveDate: '2026-01-01',
        legalBasis: 'NQ thử nghiệm',
        moveStaff: true,
      });
      assert.equal(merge.statusCode, 201, merge.body);
      await t.settle();
      const moved = (await admin.get(`/api/staff/${person.json().id}`)).json();
      assert.equal(moved.unitId, c);
      assert.equal(moved.history.at(-1).assignmentKind, 'SAP_XEP');
      assert.equal(moved.history[0].validTo, '2026-01-01');
      const unitA = (await admin.get(`/api/org/units/${a}`)).json();
      assert.equal(unitA.validTo, '2026-01-01');
      const log = (await admin.get('/api/audit?action=org.succession_record')).json();
      assert.ok(log.items.some((e: { reason: string }) => e.reason === 'NQ thử nghiệm'));
      const bad = await admin.send('POST', '/api/org/successions', { kind: 'MERGE', fromIds: [c], toIds: [a, b], effectiveDate: '2026-02-01' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'SUCCESSION_SHAPE');
    });

    it('refuses cycles and closed parents', async () => {
      const cyc = await admin.send('PATCH', `/api/org/units/${t.demo.units['TT-UBND']}`, { parentId: t.demo.units['TT-VP'] });
      assert.equal(cyc.statusCode, 400);
      assert.equal(cyc.json().code, 'UNIT_PARENT_CYCLE');
      const closed = await admin.send('POST', '/api/org/units', {
        code: 'NEW-UNDER-OLD',
        name: 'Đơn vị mới dưới huyện cũ',
        unitType: 'KHAC',
        adminLevel: 'KHAC',
        parentId: t.demo.units['QP-UBND'],
        validFrom: '2026-01-01',
      });
      assert.equal(closed.statusCode, 400);
      assert.equal(closed.json().code, 'UNIT_PARENT_CLOSED');
    });
  });
}
