import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';

/**
 * The consent form of the Faces page in the browser (issue 14): learning templates from gate passes is a separate
 * purpose with its own box — never pre-ticked, optional, in Vietnamese first and in English through the language
 * switch — and it can be added or withdrawn later while enrollment consent stands. No face engine is needed.
 */
const skip = !existsSync(process.env.KC_CHROMIUM ?? '/usr/bin/chromium') ? 'needs Chromium' : false;

describe('consent form: the gate-learning purpose', { skip }, () => {
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

  const latest = async (code: string) =>
    (
      await server.app.ctx.db.query<{ decision: string; gate_learning: boolean }>(
        `SELECT c.decision, c.gate_learning FROM biometric_consents c JOIN persons p ON p.id = c.person_id
          WHERE p.employee_code = $1 ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1`,
        [code],
      )
    )[0];

  const labelOf = (s: UserSession) => s.page.locator('label.ant-checkbox-wrapper', { has: s.page.getByTestId('faces-gate-learning') });

  async function pickPerson(s: UserSession, name: string): Promise<void> {
    await s.page.getByTestId('faces-person').click();
    await s.page.keyboard.type(name);
    await s.page.locator('.ant-select-item-option', { hasText: name }).first().click();
    await s.page.getByTestId('faces-consent').waitFor();
  }

  it('records consent with the separate gate-learning box, then withdraws and gives that purpose alone', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'chanhvp');
    const { page } = s;
    await page.goto('/faces');
    await pickPerson(s, 'Vũ Thị Lan');
    assert.equal(await page.getByTestId('faces-consent').getAttribute('data-decision'), 'NONE');
    // antd puts the test id on the checkbox's input; its text is the label around it.
    const box = page.getByTestId('faces-gate-learning');
    const label = labelOf(s);
    assert.match(await label.innerText(), /mẫu khuôn mặt được bổ sung từ các lượt qua cổng đã xác nhận/);
    assert.match(await label.innerText(), /không bắt buộc/);
    assert.equal(await box.isChecked(), false, 'never pre-ticked: silence is not consent');
    await shot(page, 'consent-gate-learning');

    await page.getByTestId('faces-explicit').click();
    await box.click();
    await page.getByTestId('faces-give').click();
    await page.locator('[data-testid=faces-consent][data-decision=GIVEN]').waitFor();
    const state = page.getByTestId('faces-gate-learning-state');
    await page.locator('[data-testid=faces-gate-learning-state][data-on=true]').waitFor();
    assert.match(await state.innerText(), /Bổ sung mẫu khuôn mặt từ các lượt qua cổng đã xác nhận: đã đồng ý/);
    assert.deepEqual(await latest('TT005'), { decision: 'GIVEN', gate_learning: true });

    // Withdrawing only this purpose keeps the enrollment consent.
    await page.getByTestId('faces-gate-learning-withdraw').click();
    await page.locator('[data-testid=faces-gate-learning-state][data-on=false]').waitFor();
    assert.deepEqual(await latest('TT005'), { decision: 'GIVEN', gate_learning: false });
    assert.equal(await page.getByTestId('faces-consent').getAttribute('data-decision'), 'GIVEN');

    // Adding it back is consent too: the button waits for its own box.
    const give = page.getByTestId('faces-gate-learning-give');
    assert.equal(await give.isDisabled(), true);
    await page.getByTestId('faces-gate-learning').click();
    await give.click();
    await page.locator('[data-testid=faces-gate-learning-state][data-on=true]').waitFor();
    assert.deepEqual(await latest('TT005'), { decision: 'GIVEN', gate_learning: true });
    assert.deepEqual(s.consoleErrors, []);
    await s.context.close();
  });

  it('without the box ticked, consent covers enrollment only; the English text says the same', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'chanhvp');
    const { page } = s;
    await page.goto('/faces');
    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await pickPerson(s, 'Trần Đức Minh');
    assert.match(await labelOf(s).innerText(), /templates made from this person’s confirmed gate passes/);
    await page.getByTestId('faces-explicit').click();
    await page.getByTestId('faces-give').click();
    await page.locator('[data-testid=faces-gate-learning-state][data-on=false]').waitFor();
    assert.match(await page.getByTestId('faces-gate-learning-state').innerText(), /Templates added from confirmed gate passes: not consented/);
    assert.deepEqual(await latest('TT003'), { decision: 'GIVEN', gate_learning: false });
    assert.deepEqual(s.consoleErrors, []);
    await s.context.close();
  });
});
