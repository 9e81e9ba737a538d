import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer } from './helpers/browser';
import { until } from '../test/helpers/wait';

/**
 * Desk work around an inspection, in Debian Chromium against the real server (PGlite, demo agency): the issuer side
 * forms the team on the inspection page (people from member-candidates; the inspected unit's people never offered),
 * and the leaders' today panel names a unit whose attendance starts later (its people are in no count).
 */

describe('inspections on a desk: the team editor; the today panel’s units not live yet', () => {
  let server: E2eServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  it('on a desk: the issuer side forms the team from the inspection page (nobody of the inspected unit offered)', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'kiemtra');
    const unitId = async (code: string) => (await server.app.ctx.db.query<{ id: string }>('SELECT id FROM org_units WHERE code = $1', [code]))[0]?.id;
    const created = await s.api('POST', '/api/inspections', {
      planId: null,
      kind: 'PLANNED',
      issuerUnitId: await unitId('NA-UBND'),
      targetUnitId: await unitId('TP-UBND'),
      title: 'Kiểm tra công vụ UBND xã Tiền Phong',
      scope: 'Chấp hành giờ giấc, đeo thẻ',
      plannedFrom: new Date(Date.now() + 86_400_000).toISOString(),
      plannedTo: new Date(Date.now() + 90_000_000).toISOString(),
      place: 'Trụ sở UBND xã Tiền Phong',
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const id = (created.json as { id: string }).id;
    await s.page.goto(`/inspections/${id}`);
    await s.page.getByTestId('team-editor').waitFor();

    // Row 1: the inspector as head.
    await s.page.getByTestId('team-user-0').click();
    await s.page.keyboard.type('pham quoc');
    await s.page.locator('.ant-select-item-option', { hasText: 'Phạm Quốc Huy' }).first().click();
    await s.page.getByTestId('team-title-0').fill('Trưởng đoàn, Thanh tra tỉnh');
    // The chairman of Tiền Phong belongs to the inspected unit: searching him finds nobody.
    await s.page.getByTestId('team-add').click();
    await s.page.getByTestId('team-user-1').click();
    const answered = s.page.waitForResponse((r) => r.url().includes('/member-candidates') && new URL(r.url()).searchParams.get('q') === 'dang van luc');
    await s.page.keyboard.type('dang van luc');
    await answered;
    await s.page.locator('.ant-select-dropdown:visible').waitFor();
    assert.equal(await s.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Đặng Văn Lực' }).count(), 0);
    await s.page.keyboard.press('Escape');
    // Row 2: Thông Thụ's chairman (another commune) as secretary.
    await s.page.getByTestId('team-user-1').click();
    await s.page.keyboard.type('le van thanh');
    await s.page.locator('.ant-select-item-option', { hasText: 'Lê Văn Thành' }).first().click();
    await s.page.getByTestId('team-role-1').click();
    await s.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Thư ký' }).first().click();
    await s.page.getByTestId('team-title-1').fill('Thư ký Tổ');
    await s.page.getByTestId('team-save').click();

    const team = await until(
      async () => (await s.api('GET', `/api/inspections/${id}`)).json as { members: Array<{ name: string; role: string; title: string }> },
      (v) => v.members.length === 2,
      'the team saved',
    );
    assert.deepEqual(
      team.members.map((m) => [m.name, m.role, m.title]).sort(),
      [
        ['Lê Văn Thành', 'SECRETARY', 'Thư ký Tổ'],
        ['Phạm Quốc Huy', 'HEAD', 'Trưởng đoàn, Thanh tra tỉnh'],
      ],
    );
    // The page shows the team it saved (read back after the reload).
    await s.page.getByTestId('team-row-1').getByText('Lê Văn Thành').first().waitFor();
    await shot(s.page, 'inspection-team-editor');
    assert.deepEqual(s.consoleErrors, []);
  });

  it('the dashboard’s today panel names a unit whose attendance starts later, in Vietnamese and English', async () => {
    // Phòng Kinh tế goes live in 30 days (as the go-live setting would say); the row is removed after the check.
    const [pkt] = await server.app.ctx.db.query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'TT-PKT'`);
    const on = new Date(Date.now() + 30 * 86_400_000);
    const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(on);
    const dmy = ymd.split('-').reverse().join('/');
    await server.app.ctx.db.query(`INSERT INTO org_attendance_go_live (unit_id, go_live_on, reason) VALUES ($1, $2, 'e2e') ON CONFLICT (unit_id) DO UPDATE SET go_live_on = $2`, [pkt?.id, ymd]);
    try {
      const s = await newSession(browser, server.url);
      await loginUi(s, 'chutich');
      await s.page.goto('/violations/dashboard');
      const line = s.page.getByTestId(`today-not-live-${pkt?.id}`);
      await line.waitFor();
      assert.match((await line.textContent()) ?? '', new RegExp(`^Đơn vị Phòng Kinh tế.* áp dụng chấm công từ ${dmy}`));
      await s.page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
      await s.page.getByTestId(`today-not-live-${pkt?.id}`).getByText(`records attendance from ${dmy}`).waitFor();
      assert.deepEqual(s.consoleErrors, []);
    } finally {
      await server.app.ctx.db.query('DELETE FROM org_attendance_go_live WHERE unit_id = $1', [pkt?.id]);
    }
  });
});
