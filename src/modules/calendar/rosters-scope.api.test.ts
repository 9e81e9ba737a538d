import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs, type Session, startTestApp, type TestApp } from '../../../test/helpers/app';
import { dbKinds } from '../../../test/helpers/db';

/** Issue 11, F12: rosters (who is on extra duty or off, and when) are shown only for units in the reader's scope. */
for (const kind of dbKinds()) {
  describe(`roster scope [${kind}]`, () => {
    let t: TestApp;
    let admin: Session;
    const created: Record<string, string> = {};
    const range = '/api/calendar/rosters?from=2026-12-01&to=2026-12-31';
    before(async () => {
      t = await startTestApp(kind);
      admin = await loginAs(t.app, 'admin');
      for (const unit of ['TT-PKT', 'TT-VP', 'TP-UBND']) {
        const res = await admin.send('POST', '/api/calendar/rosters', {
          unitId: t.demo.units[unit],
          date: '2026-12-19',
          validFrom: '2026-12-19',
          session: 'MORNING',
          kind: 'EXTRA_DUTY',
          note: `Trực tiếp dân ${unit}`,
        });
        assert.equal(res.statusCode, 201, res.body);
        created[unit] = res.json().id;
      }
    });
    after(async () => t.close());

    const rosterIds = async (s: Session) => {
      const res = await s.get(range);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as Array<{ id: string; unitId: string }>;
    };

    it('a staff member sees only their own unit’s rosters', async () => {
      const items = await rosterIds(await loginAs(t.app, 'canbo'));
      assert.ok(items.some((r) => r.id === created['TT-PKT']));
      assert.deepEqual([...new Set(items.map((r) => r.unitId))], [t.demo.units['TT-PKT']]);
    });

    it('another commune’s chairman sees none of Thông Thụ’s rosters', async () => {
      const items = await rosterIds(await loginAs(t.app, 'chutichtp'));
      assert.ok(items.some((r) => r.id === created['TP-UBND']));
      assert.ok(!items.some((r) => r.id === created['TT-PKT'] || r.id === created['TT-VP']));
    });

    it('the system administrator sees all of them', async () => {
      const ids = (await rosterIds(admin)).map((r) => r.id);
      for (const id of Object.values(created)) assert.ok(ids.includes(id));
    });
  });
}
