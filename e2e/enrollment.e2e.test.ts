import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';

/**
 * Enrollment in the browser (Debian Chromium) against the real server: a zip of photos named by employee code is
 * uploaded through the Faces page, its progress bar reaches 100 % and the per-file report shows each outcome; then a
 * face is captured from the webcam — Chromium's fake camera plays a y4m video made from a real face photo, so the
 * capture really contains a face — and becomes a template.
 */
const FACES = path.resolve('../shared/faces/celeba-dev/images');
const MODELS = path.resolve('../shared/models');
const ffmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const skip =
  !existsSync(FACES) || !existsSync(path.join(MODELS, 'face_detection_yunet_2023mar.onnx')) || !ffmpeg ? 'needs ../shared/faces, ../shared/models and ffmpeg' : false;
const photo = (file: string) => readFileSync(path.join(FACES, file));

/** A 640×480 y4m clip of one face photo on grey (the fake camera loops it). */
function faceVideo(file: string, out: string): void {
  const r = spawnSync(
    'ffmpeg',
    ['-loglevel', 'error', '-y', '-loop', '1', '-i', path.join(FACES, file), '-vf', 'scale=-2:440,pad=640:480:(ow-iw)/2:(oh-ih)/2:gray', '-r', '10', '-t', '2', '-pix_fmt', 'yuv420p', out],
    { stdio: 'inherit' },
  );
  assert.equal(r.status, 0, 'ffmpeg made the fake camera clip');
}

async function pickPerson(s: UserSession, name: string): Promise<void> {
  await s.page.getByTestId('faces-person').click();
  await s.page.keyboard.type(name);
  await s.page.locator('.ant-select-item-option', { hasText: name }).first().click();
  await s.page.getByTestId('faces-consent').waitFor();
}

describe('enrollment in the browser: zip import and webcam capture', { skip }, () => {
  let server: E2eServer;
  let browser: Browser;
  let video: string;

  before(async () => {
    server = await startServer({ KC_FACE_MODELS_DIR: MODELS, KC_FACE_THREADS: '1' });
    video = path.join(server.dataDir, 'face.y4m');
    faceVideo('007444.jpg', video);
    browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const personId = async (code: string) =>
    (await server.app.ctx.db.query<{ id: string }>('SELECT id FROM persons WHERE employee_code = $1', [code]))[0]?.id as string;
  const templates = async (code: string, source: string) =>
    (await server.app.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM face_templates t JOIN persons p ON p.id = t.person_id WHERE p.employee_code = $1 AND t.source = $2', [code, source]))[0]?.n;

  it('imports a zip: progress to 100 %, per-file outcomes in a sortable, filterable report, XLSX download', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'chanhvp');
    for (const code of ['TT004', 'TT005']) {
      const res = await s.api('POST', '/api/recognition/consents', { personId: await personId(code), decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' });
      assert.equal(res.status, 201);
    }
    const z = new JSZip();
    z.file('TT005.jpg', photo('001085.jpg'));
    z.file('TT005_2.jpg', photo('007710.jpg'));
    z.file('TT004-b.jpg', photo('029511.jpg'));
    z.file('TT001.jpg', photo('018834.jpg')); // no consent recorded
    z.file('CB9999.jpg', photo('021650.jpg'));
    z.file('ghi-chu.txt', 'không phải ảnh');
    const zipPath = path.join(server.dataDir, 'anh-can-bo.zip');
    writeFileSync(zipPath, await z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const { page } = s;
    await page.goto('/faces');
    await page.getByRole('tab', { name: 'Nhập ảnh hàng loạt (zip)' }).click();
    await page.locator('[data-testid=faces-zip-input] input[type=file]').setInputFiles(zipPath);
    await page.locator('[data-testid=faces-zip-job][data-status=DONE]').waitFor();
    assert.equal(await page.getByTestId('faces-zip-progress').getAttribute('data-percent'), '100');
    assert.match(page.url(), /[?&]zip=[0-9a-f-]{36}/, 'the job is in the address bar');
    await shot(page, 'enroll-zip-report');

    const outcomes = async () =>
      page.locator('[data-testid=faces-zip-report] tbody tr[data-code]').evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('td')?.textContent ?? '', r.getAttribute('data-code')]),
      );
    assert.deepEqual(Object.fromEntries(await outcomes()), {
      'TT005.jpg': 'ENROLLED',
      'TT005_2.jpg': 'ENROLLED',
      'TT004-b.jpg': 'ENROLLED',
      'TT001.jpg': 'CONSENT_REQUIRED',
      'CB9999.jpg': 'UNKNOWN_EMPLOYEE',
      'ghi-chu.txt': 'NOT_AN_IMAGE',
    });
    const consentRow = page.locator('[data-testid=faces-zip-report] tr[data-code=CONSENT_REQUIRED]');
    assert.match(await consentRow.innerText(), /Lê Văn Thành/);
    assert.match(await consentRow.innerText(), /Chưa ghi nhận sự đồng ý/);

    // Sort by file name, then keep only the rejected files.
    await page.locator('[data-testid=faces-zip-report] th', { hasText: 'Tệp ảnh' }).click();
    const names = ['TT005.jpg', 'TT005_2.jpg', 'TT004-b.jpg', 'TT001.jpg', 'CB9999.jpg', 'ghi-chu.txt'];
    assert.deepEqual((await outcomes()).map((r) => r[0]), names.sort((a, b) => a.localeCompare(b, 'vi')));
    await page.locator('[data-testid=faces-zip-report] th', { hasText: 'Kết quả' }).locator('.ant-table-filter-trigger').click();
    await page.locator('.ant-table-filter-dropdown .ant-dropdown-menu-item', { hasText: 'Bị từ chối' }).click();
    await page.locator('.ant-table-filter-dropdown .ant-btn-primary').click();
    assert.deepEqual((await outcomes()).map((r) => r[1]).sort(), ['CONSENT_REQUIRED', 'NOT_AN_IMAGE', 'UNKNOWN_EMPLOYEE']);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('faces-zip-download').click()]);
    assert.match(download.suggestedFilename(), /^ket-qua-nhap-anh-[0-9a-f]{8}\.xlsx$/);
    assert.ok(statSync(await download.path()).size > 4000);

    assert.equal(await templates('TT005', 'IMPORT'), 2);
    assert.equal(await templates('TT004', 'IMPORT'), 1);
    assert.equal(await templates('TT001', 'IMPORT'), 0);
    assert.deepEqual(s.consoleErrors, []);
    await s.context.close();
  });

  it('captures a face from the webcam (fake camera) and enrolls it as a template', async () => {
    const s = await newSession(browser, server.url);
    await s.context.grantPermissions(['camera'], { origin: server.url });
    await loginUi(s, 'chanhvp');
    const res = await s.api('POST', '/api/recognition/consents', { personId: await personId('TT003'), decision: 'GIVEN', noticeVersion: 'TB-2026-01', method: 'SIGNED_FORM' });
    assert.equal(res.status, 201);
    const { page } = s;
    await page.goto('/faces');
    await pickPerson(s, 'Trần Đức Minh');
    await page.locator('[data-testid=faces-consent][data-decision=GIVEN]').waitFor();
    assert.match(await page.getByTestId('faces-templates').innerText(), /0 ảnh/);
    await page.getByTestId('faces-webcam-open').click();
    await page.waitForFunction(() => {
      const v = document.querySelector('[data-testid=faces-webcam-video]') as HTMLVideoElement | null;
      return !!v && v.readyState >= 2 && v.videoWidth > 0;
    });
    await page.getByTestId('faces-webcam-capture').click();
    const result = page.locator('[data-testid=faces-webcam-result]').first();
    await page.locator('[data-testid=faces-webcam-result]:not([data-ok=pending])').first().waitFor();
    assert.equal(await result.getAttribute('data-ok'), 'true', await result.innerText());
    assert.match(await result.innerText(), /Đã đăng ký/);
    assert.match(await result.innerText(), /Khoảng cách hai mắt \d+ px/);
    await shot(page, 'enroll-webcam');
    await page.getByRole('button', { name: 'Đóng' }).last().click();
    await page.getByTestId('faces-templates').filter({ hasText: '1 ảnh' }).waitFor();
    assert.equal(await templates('TT003', 'WEBCAM'), 1);
    assert.equal(await templates('TT003', 'SYNTHETIC_MASK'), 2);
    assert.deepEqual(s.consoleErrors, []);
    await s.context.close();
  });

  it('says clearly when the camera is refused or missing', async () => {
    for (const [name, reason, text] of [
      ['NotAllowedError', 'denied', /không được phép dùng camera/],
      ['NotFoundError', 'noCamera', /Không tìm thấy camera/],
    ] as const) {
      const s = await newSession(browser, server.url);
      // What the browser answers when the user blocks the camera, or when there is none.
      await s.context.addInitScript((n: string) => {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('blocked', n));
      }, name);
      await loginUi(s, 'chanhvp');
      await s.page.goto('/faces');
      await pickPerson(s, 'Trần Đức Minh');
      await s.page.getByTestId('faces-webcam-open').click();
      const alert = s.page.getByTestId('faces-webcam-error');
      await alert.waitFor();
      assert.equal(await alert.getAttribute('data-reason'), reason);
      assert.match(await alert.innerText(), text);
      assert.equal(await s.page.getByTestId('faces-webcam-capture').isDisabled(), true);
      await s.context.close();
    }
  });
});
