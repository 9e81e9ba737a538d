import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';

/**
 * Issue 13, holidays by law in the calendar page (audit D1, D9): a year whose schedule is not confirmed is flagged,
 * every day shows whether it is confirmed or expected, proposal tags are words (never PM_CHOICE_GUESS), "Dùng đề xuất
 * này" pre-fills the legal basis only for a date the law fixes, and confirming an expected day asks for the notice.
 */
describe('calendar page: confirmed and expected holidays (browser)', () => {
  let server: E2eServer;
  let browser: Browser;
  let s: UserSession;
  before(async () => {
    server = await startServer({ KC_DEMO_HISTORY: 'off', ...(process.env.KC_WEB_DIST ? { KC_WEB_DIST: process.env.KC_WEB_DIST } : {}) });
    browser = await launchBrowser();
    s = await newSession(browser, server.url);
    await loginUi(s, 'chanhvp');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('2027: the year is flagged, expected days are tagged, and confirming one needs the notice', async () => {
    const { page } = s;
    await page.goto(`${server.url}/attendance/calendar?year=2027`);
    const banner = page.getByTestId('cal-readiness-alert');
    await banner.getByText('Lịch nghỉ lễ, Tết năm 2027 chưa được xác nhận').waitFor();
    await banner.getByText('Chưa có lịch nghỉ Tết Nguyên đán được xác nhận.').waitFor();
    const days = page.getByTestId('cal-days');
    await days.getByText('Tết Nguyên đán Đinh Mùi (mùng 1, dự kiến)').waitFor();
    assert.ok((await days.getByTestId('cal-status-PROPOSED').count()) >= 7, 'Tết window, its nghỉ bù and 3/9 are flagged');
    assert.equal(await page.getByText('PM_CHOICE_GUESS').count(), 0);
    await shot(page, 'calendar-2027-proposed');

    await page.getByTestId('cal-confirm-2027-02-05').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Xác nhận ngày 05/02/2027 theo văn bản chính thức').waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    // Without the notice the form does not submit.
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await dialog.getByTestId('cal-confirm-basis').fill('Thông báo 9999/TB-BNV ngày 20/10/2026 (thử)');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await days.getByText('Thông báo 9999/TB-BNV ngày 20/10/2026 (thử)').waitFor();
    const row = days.locator('tr', { hasText: '05/02/2027' });
    await row.getByTestId('cal-status-CONFIRMED').waitFor();
  });

  it('2028: proposals are labelled in words; a guess is never pre-filled with "Điều 112", a fixed date is', async () => {
    const { page } = s;
    await page.goto(`${server.url}/attendance/calendar?year=2028`);
    const proposals = page.getByTestId('cal-proposals');
    await proposals.getByText('Dự đoán — Thủ tướng quyết định hằng năm, chưa có căn cứ').first().waitFor();
    assert.equal(await page.getByText('PM_CHOICE_GUESS').count(), 0);
    assert.equal(await page.getByText('FIXED_DATE').count(), 0);

    // 2/9/2028 is a Saturday: the expected second day is Friday 1/9.
    const guess = proposals.locator('tr', { hasText: '01/09/2028' });
    await guess.getByRole('button', { name: 'Dùng đề xuất này' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByText('Ngày này do Thủ tướng quyết định hằng năm').waitFor();
    assert.equal(await dialog.getByPlaceholder('Thông báo …/TB-BNV ngày …').inputValue(), '');
    await dialog.getByRole('button', { name: /Hủy|Cancel/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const fixed = proposals.locator('tr', { hasText: '30/04/2028' });
    await fixed.getByRole('button', { name: 'Dùng đề xuất này' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByPlaceholder('Thông báo …/TB-BNV ngày …').waitFor();
    assert.equal(await dialog.getByPlaceholder('Thông báo …/TB-BNV ngày …').inputValue(), 'Bộ luật Lao động 2019, Điều 112');
    await shot(page, 'calendar-2028-use-proposal');
  });
});
