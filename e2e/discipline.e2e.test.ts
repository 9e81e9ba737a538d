import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { formatDateVi } from '../src/platform/time';
import { daysAgo, personByCode, proposedViolation } from '../src/modules/discipline/test/fixtures';
import { type E2eServer, launchBrowser, loginUi, newSession, type UserSession, startServer } from './helpers/browser';

/**
 * Issue 13, acceptance 3, in Debian Chromium against the real server: two violations of Vũ Thị Lan proposed for
 * discipline → the home-affairs lead opens the case, records the review meeting and the council with its secret
 * ballot → the chairman enters the decision, choosing the form himself → her staff record shows the decision with
 * its effective date.
 */
async function fill(p: Page, id: string, value: string) {
  await p.getByTestId(`f-${id}`).fill(value);
}
async function signer(p: Page) {
  await fill(p, 'signer-authorityLine', 'TM. ỦY BAN NHÂN DÂN');
  await fill(p, 'signer-title', 'CHỦ TỊCH');
  await fill(p, 'signer-name', 'Lê Văn Thành');
}
async function waitState(p: Page, state: string) {
  await p.locator(`[data-testid=case-steps][data-state=${state}]`).waitFor({ timeout: 30_000 });
}

describe('discipline: proposal → review meeting → council → decision (browser)', () => {
  let server: E2eServer;
  let browser: Browser;
  let noivu: UserSession;
  let chutich: UserSession;
  let personId: string;
  let caseUrl: string;

  before(async () => {
    server = await startServer({ KC_DEMO_HISTORY: 'off' });
    browser = await launchBrowser();
    const db = server.app.ctx.db;
    personId = (await personByCode(db, 'TT005')).id;
    await proposedViolation(db, personId, daysAgo(62), daysAgo(50));
    await proposedViolation(db, personId, daysAgo(60), daysAgo(50));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the home-affairs lead opens the case and runs the review meeting and the council', async () => {
    noivu = await newSession(browser, server.url);
    await noivu.page.goto('/login');
    await loginUi(noivu, 'noivu');
    const p = noivu.page;
    await p.getByTestId('menu-discipline').click();
    await p.getByTestId('discipline-proposals').waitFor();
    for (const box of await p.locator('[data-testid^=pick-]').all()) await box.check();
    await p.getByTestId('open-case').click();
    await waitState(p, 'OPEN');
    caseUrl = p.url();

    await fill(p, 'invitationNo', '05/GM-UBND');
    await fill(p, 'deliveredOn', daysAgo(45));
    await fill(p, 'meetingOn', daysAgo(30));
    await fill(p, 'meetingTime', '08:00');
    await fill(p, 'place', 'Hội trường UBND xã');
    await signer(p);
    await p.getByTestId('step-invite-submit').click();
    await waitState(p, 'REVIEW_INVITED');

    await fill(p, 'heldOn', daysAgo(30));
    await p.getByTestId('f-personPresent').check();
    await fill(p, 'attendees', 'Lê Văn Thành — Chủ tịch UBND xã\nTrần Đức Minh — Lãnh đạo phụ trách nội vụ');
    await fill(p, 'opinions', 'Hoàng Văn Nam: Đồng chí vắng mặt không báo cáo.');
    await fill(p, 'conclusion', 'Đề nghị Hội đồng kỷ luật xem xét.');
    await fill(p, 'secretaryName', 'Nguyễn Thị Hằng');
    await p.getByTestId('step-review-submit').click();
    await waitState(p, 'REVIEWED');

    await fill(p, 'formedOn', daysAgo(28));
    await fill(p, 'decisionRef', '20/QĐ-UBND');
    await fill(p, 'chair', 'Lê Văn Thành');
    await fill(p, 'members', 'Trần Đức Minh');
    await fill(p, 'secretary', 'Nguyễn Thị Hằng');
    await p.getByTestId('f-notRelated').check();
    await p.getByTestId('step-council-submit').click();
    await waitState(p, 'COUNCIL_FORMED');

    await fill(p, 'invitationDeliveredOn', daysAgo(27));
    await fill(p, 'heldOn', daysAgo(14));
    await fill(p, 'meetingTime', '14:00');
    await fill(p, 'place', 'Phòng họp UBND xã');
    await fill(p, 'attendees', 'Lê Văn Thành — Chủ tịch Hội đồng');
    await fill(p, 'opinions', 'Trần Đức Minh: Đề nghị khiển trách.');
    await p.getByTestId('f-votes-KHIEN_TRACH').fill('2');
    await p.getByTestId('f-votes-CANH_CAO').fill('1');
    await fill(p, 'recommendation', 'Hội đồng kiến nghị hình thức khiển trách.');
    await fill(p, 'conclusion', 'Hội đồng đã bỏ phiếu kín.');
    await fill(p, 'secretaryName', 'Nguyễn Thị Hằng');
    await p.getByTestId('step-council-meeting-submit').click();
    await waitState(p, 'COUNCIL_HELD');
    assert.equal(await p.locator('[data-testid=case-documents] .ant-list-item').count(), 3);
  });

  it('the chairman picks the form and enters the decision; her record shows it with its effective date', async () => {
    chutich = await newSession(browser, server.url);
    await chutich.page.goto('/login');
    await loginUi(chutich, 'chutich');
    const p = chutich.page;
    await p.goto(caseUrl);
    await p.getByTestId('step-decision').waitFor();
    // Nothing is pre-selected: the chairman chooses.
    assert.equal(await p.locator('[data-testid=f-formCode] input:checked').count(), 0);
    await fill(p, 'number', '15/QĐ-UBND');
    await fill(p, 'signedOn', daysAgo(2));
    await fill(p, 'effectiveOn', daysAgo(1));
    await p.getByTestId('form-KHIEN_TRACH').click();
    await fill(p, 'reasons', 'Vắng mặt không có lý do chính đáng 02 ngày.');
    await signer(p);
    await p.getByTestId('step-decision-submit').click();
    await waitState(p, 'DECIDED');
    assert.equal(await p.getByTestId('decision-effective').innerText(), formatDateVi(daysAgo(1)));

    await p.goto(`/staff/${personId}`);
    await p.getByTestId('person-discipline').waitFor({ timeout: 30_000 });
    assert.equal(await p.getByTestId('person-decision-effective').innerText(), formatDateVi(daysAgo(1)));
    assert.match(await p.getByTestId('person-discipline').innerText(), /15\/QĐ-UBND/);
    await p.getByTestId('consequence-EVALUATION_KHTNV').waitFor();
  });
});
