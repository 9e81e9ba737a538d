import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { addDays } from '../../platform/time';
import { assertError, hoursFromNow, inspection, today, unit } from './test/fixtures';

type Candidate = { userId: string; name: string; unitName: string; onTeam: boolean };
const ids = (r: { json(): unknown }) => ((r.json() as { items: Array<{ id: string }> }).items ?? []).map((x) => x.id);

/**
 * The team editor's candidate list (no users.manage needed: the issuer side forms the team from the web) and the
 * surprise inspection kept from the inspected unit in every list and statistic it can read, plan counts included.
 */
for (const kind of dbKinds()) {
  describe(`inspections team candidates and surprise secrecy [${kind}]`, () => {
    let t: TestApp;
    let kiemtra: Session;
    let chutich: Session;
    let truongphong: Session;

    before(async () => {
      t = await startTestApp(kind, { env: { KC_DEMO_HISTORY: 'off' } });
      // A deputy chairman of the commune whose staff record sits in its Phòng Kinh tế: reads the commune's reports.
      await t.ctx.db.query(`INSERT INTO role_assignments (id, user_id, role, unit_id, valid_from) VALUES ($1,$2,'chairman',$3,'2020-01-01')`, [
        randomUUID(),
        t.demo.users.truongphong,
        unit(t, 'TT-UBND'),
      ]);
      kiemtra = await loginAs(t.app, 'kiemtra');
      chutich = await loginAs(t.app, 'chutich');
      truongphong = await loginAs(t.app, 'truongphong');
    });
    after(async () => t.close());

    it('offers accounts of the issuer’s scope, never the inspected unit’s people, searchable without diacritics', async () => {
      const created = await kiemtra.send('POST', '/api/inspections', {
        planId: null,
        kind: 'PLANNED',
        issuerUnitId: unit(t, 'NA-UBND'),
        targetUnitId: unit(t, 'TT-UBND'),
        title: 'Kiểm tra công vụ UBND xã Thông Thụ',
        scope: '',
        plannedFrom: hoursFromNow(24),
        plannedTo: hoursFromNow(30),
        place: 'Trụ sở',
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as string;
      const all = await kiemtra.get(`/api/inspections/${id}/member-candidates`);
      assert.equal(all.statusCode, 200, all.body);
      const users = (all.json() as Candidate[]).map((c) => c.userId);
      assert.ok(users.includes(t.demo.users.kiemtra as string) && users.includes(t.demo.users.chutichtp as string), all.body);
      for (const u of ['chutich', 'chanhvp', 'noivu', 'truongphong', 'canbo']) assert.ok(!users.includes(t.demo.users[u] as string), `${u} is of the inspected unit`);
      assert.ok(users.length <= 20);

      const found = (await kiemtra.get(`/api/inspections/${id}/member-candidates?q=dang%20van`)).json() as Candidate[];
      assert.deepEqual(
        found.map((c) => c.userId),
        [t.demo.users.chutichtp],
      );
      assert.equal(found[0]?.unitName, 'UBND xã Tiền Phong');

      // The editor's choice is accepted by PUT /members; those named then come first, marked.
      const team = await kiemtra.send('PUT', `/api/inspections/${id}/members`, {
        members: [
          { userId: t.demo.users.kiemtra, role: 'HEAD', title: 'Trưởng đoàn' },
          { userId: t.demo.users.chutichtp, role: 'SECRETARY', title: 'Thư ký' },
        ],
      });
      assert.equal(team.statusCode, 200, team.body);
      const after = (await kiemtra.get(`/api/inspections/${id}/member-candidates`)).json() as Candidate[];
      assert.deepEqual(after.slice(0, 2).map((c) => c.onTeam), [true, true]);

      // Not the issuer side: the inspected unit's chairman may not list accounts through it.
      assert.equal((await chutich.get(`/api/inspections/${id}/member-candidates`)).statusCode, 403);
      assertError(await kiemtra.get(`/api/inspections/${randomUUID()}/member-candidates`), 404, 'NOT_FOUND');
    });

    it('keeps a surprise inspection out of every list and count the inspected unit can read until it starts', async () => {
      const year = Number(today().slice(0, 4));
      const period = `from=${addDays(today(), -1)}&to=${addDays(today(), 1)}`;
      // The demo's own inspections stay as they are: each reader's figures before the surprises are the baseline.
      const baseline = new Map<Session, unknown>();
      for (const s of [chutich, truongphong]) baseline.set(s, (await s.get(`/api/inspections/stats?${period}`)).json());
      const planBody = (issuer: string, target: string) => ({
        issuerUnitId: unit(t, issuer),
        year,
        periodLabel: `Năm ${year}`,
        title: `Kế hoạch kiểm tra ${target}`,
        targets: [{ unitId: unit(t, target), plannedFrom: today(), plannedTo: addDays(today(), 1) }],
      });
      const province = (await kiemtra.send('POST', '/api/inspections/plans', planBody('NA-UBND', 'TT-UBND'))).json().id as string;
      const commune = (await kiemtra.send('POST', '/api/inspections/plans', planBody('TT-UBND', 'TT-PKT'))).json().id as string;
      const s1 = await inspection(t, kiemtra, { target: 'TT-UBND', kind: 'SURPRISE', planId: province, start: false });
      const created = await kiemtra.send('POST', '/api/inspections', {
        planId: commune,
        kind: 'SURPRISE',
        issuerUnitId: unit(t, 'TT-UBND'),
        targetUnitId: unit(t, 'TT-PKT'),
        title: 'Kiểm tra đột xuất Phòng Kinh tế',
        scope: '',
        plannedFrom: hoursFromNow(-1),
        plannedTo: hoursFromNow(8),
        place: 'Phòng Kinh tế',
      });
      assert.equal(created.statusCode, 201, created.body);
      const s2 = created.json().id as string;

      // The issuer side counts both.
      assert.equal((await kiemtra.get(`/api/inspections/plans/${province}`)).json().targets[0].inspections, 1);
      assert.equal((await kiemtra.get(`/api/inspections/plans/${commune}`)).json().targets[0].inspections, 1);

      for (const [who, s, secret] of [
        ['chutich', chutich, s1],
        ['truongphong', truongphong, s2],
      ] as const) {
        for (const url of ['/api/inspections?pageSize=200', '/api/inspections?pageSize=200&kind=SURPRISE', `/api/inspections?pageSize=200&planId=${province}`, `/api/inspections?pageSize=200&planId=${commune}`]) {
          const res = await s.get(url);
          assert.equal(res.statusCode, 200, res.body);
          assert.ok(!ids(res).includes(secret), `${who}: ${url}`);
        }
        for (const url of [`/api/inspections/${secret}`, `/api/inspections/${secret}/cameras`, `/api/inspections/${secret}/member-candidates`]) assert.equal((await s.get(url)).statusCode, 404, `${who}: ${url}`);
        const plans = await s.get(`/api/inspections/plans?year=${year}`);
        assert.equal(plans.statusCode, 200, plans.body);
        for (const p of plans.json() as Array<{ id: string; targets: Array<{ inspections: number }> }>)
          if (p.id === province || p.id === commune) for (const x of p.targets) assert.equal(x.inspections, 0, `${who}: plan counts`);
        for (const planId of [province, commune]) {
          const one = await s.get(`/api/inspections/plans/${planId}`);
          if (one.statusCode === 200) assert.equal(one.json().targets[0].inspections, 0, `${who}: plan ${planId}`);
          else assert.equal(one.statusCode, 404);
        }
        const stats = await s.get(`/api/inspections/stats?${period}`);
        assert.equal(stats.statusCode, 200, stats.body);
        assert.deepEqual(stats.json(), baseline.get(s), `${who}: statistics unchanged`);
        assert.ok(!(stats.json().byKind as Array<{ key: string }>).some((k) => k.key === 'SURPRISE'));
        assert.equal((await s.get(`/api/inspections/stats.xlsx?${period}`)).statusCode, 200);
      }
      // truongphong reads the commune plan (reports.read over its issuer) — the case the count guards.
      assert.equal((await truongphong.get(`/api/inspections/plans/${commune}`)).statusCode, 200);

      // Once started, the unit sees it and the plan counts it.
      assert.equal((await kiemtra.send('POST', `/api/inspections/${s1}/start`)).statusCode, 204);
      assert.ok(ids(await chutich.get('/api/inspections?pageSize=200')).includes(s1));
      const stats = await chutich.get(`/api/inspections/stats?${period}`);
      assert.equal(stats.json().total, (baseline.get(chutich) as { total: number }).total + 1, stats.body);
      assert.ok((stats.json().byKind as Array<{ key: string }>).some((k) => k.key === 'SURPRISE'));
    });
  });
}
