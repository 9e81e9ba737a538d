import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';
import { DEFAULT_RULES } from './domain/rule-config';

for (const kind of dbKinds()) {
  describe(`rules HTTP API [${kind}]`, () => {
    let t: TestApp;
    let noivu: Session;
    let chutich: Session;
    let commune: string;
    let division: string;
    before(async () => {
      t = await startTestApp(kind);
      noivu = await loginAs(t.app, 'noivu');
      chutich = await loginAs(t.app, 'chutich');
      commune = t.demo.units['TT-UBND'] as string;
      division = t.demo.units['TT-PKT'] as string;
    });
    after(async () => t.close());

    it('shows the commune rules to a division, inherited, and refuses bad or unauthorised changes without changing anything', async () => {
      const eff = (await chutich.get(`/api/rules/effective?unitId=${division}&date=2026-11-02`)).json();
      assert.equal(eff.ownerUnitId, commune);
      assert.equal(eff.version, 1);
      // The regulation states how the explanation deadline is counted; rule sets stored before the field meant working days.
      assert.deepEqual([eff.config.explanationDays, eff.config.explanationDaysKind], [3, 'WORKING']);
      await t.ctx.db.query(`UPDATE violation_rule_sets SET config = config - 'explanationDaysKind' WHERE unit_id = $1`, [commune]);
      const legacy = (await chutich.get(`/api/rules/effective?unitId=${division}&date=2026-11-02`)).json();
      assert.equal(legacy.config.explanationDaysKind, 'WORKING');
      // Versions stored while the rules had their own grace minutes (audit D14) still parse, without that key: the one
      // grace setting is the attendance rules'. The built-in default says it is one.
      assert.equal(eff.source, 'UNIT');
      await t.ctx.db.query(`UPDATE violation_rule_sets SET config = config || '{"graceMinutes":{"late":5,"earlyLeave":5}}'::jsonb WHERE unit_id = $1`, [commune]);
      const graced = (await chutich.get(`/api/rules/effective?unitId=${division}&date=2026-11-02`)).json();
      assert.equal(graced.version, 1);
      assert.equal('graceMinutes' in graced.config, false);
      assert.equal('graceMinutes' in (await chutich.get(`/api/rules?unitId=${commune}`)).json().items[0].config, false);
      const noRules = (await chutich.get(`/api/rules/effective?unitId=${division}&date=2025-01-01`)).json();
      assert.deepEqual([noRules.source, noRules.ruleSetId], ['SYSTEM_DEFAULT', null]);
      assert.match(noRules.name, /chưa ban hành quy chế/);
      const withGrace = await noivu.send('POST', '/api/rules', { unitId: commune, validFrom: '2027-01-01', name: 'Có thời gian cho phép', config: { ...DEFAULT_RULES, graceMinutes: { late: 5, earlyLeave: 5 } } });
      assert.equal(withGrace.statusCode, 400, 'grace minutes belong to the attendance rules, not to the handling rules');
      const bad = await noivu.send('POST', '/api/rules', { unitId: commune, validFrom: '2027-01-01', name: 'Sai', config: { ...DEFAULT_RULES, steps: [{ fromCount: 2, action: 'REMINDER' }] } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().code, 'RULES_INVALID');
      const unknown = await noivu.send('POST', '/api/rules', { unitId: commune, validFrom: '2027-01-01', name: 'Thừa trường', config: DEFAULT_RULES, extra: 1 });
      assert.equal(unknown.statusCode, 400);
      const forbidden = await chutich.send('POST', '/api/rules', { unitId: commune, validFrom: '2027-01-01', name: 'Không có quyền', config: DEFAULT_RULES });
      assert.equal(forbidden.statusCode, 403);
      const past = await noivu.send('POST', '/api/rules', { unitId: commune, validFrom: '2025-01-01', name: 'Lùi ngày', config: DEFAULT_RULES });
      assert.equal(past.statusCode, 409);
      const list = (await noivu.get(`/api/rules?unitId=${commune}`)).json();
      assert.equal(list.items.length, 1);
    });

    it('adopts version 2 from a date, closing version 1 the day before', async () => {
      const res = await noivu.send('POST', '/api/rules', {
        unitId: commune,
        validFrom: '2027-01-01',
        name: 'Quy chế làm việc 2027',
        config: { ...DEFAULT_RULES, repeatWindow: { kind: 'CALENDAR_QUARTER' } },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().version, 2);
      const list = (await noivu.get(`/api/rules?unitId=${commune}`)).json();
      assert.deepEqual(list.items.map((r: { version: number; validTo: string | null }) => [r.version, r.validTo]), [[2, null], [1, '2027-01-01']]);
      assert.equal((await noivu.get(`/api/rules/effective?unitId=${division}&date=2026-12-31`)).json().version, 1);
      assert.equal((await noivu.get(`/api/rules/effective?unitId=${division}&date=2027-01-01`)).json().version, 2);
      const audit = await t.ctx.db.query(`SELECT 1 FROM audit_log WHERE action = 'rules.adopt' AND entity_id = $1`, [res.json().id]);
      assert.equal(audit.length, 1);
    });
  });
}
