import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type E2eServer, launchBrowser, loginUi, newSession, shot, startServer, type UserSession } from './helpers/browser';

/**
 * The live wall in Debian Chromium against the real server (PGlite, demo agency, four demo cameras served by the
 * GStreamer RTSP server from the bundled synthetic files). A leader's <video> plays (currentTime advances); a user
 * without the permission is refused the stream with 403; a viewer without footage.raw gets the masked stream.
 */

interface CameraItem {
  id: string;
  name: string;
  locationType: string;
  privacyMasks: unknown[];
  health: { state: string };
}

async function cameras(s: UserSession): Promise<CameraItem[]> {
  const r = await s.api('GET', '/api/cameras');
  assert.equal(r.status, 200);
  return (r.json as { items: CameraItem[] }).items;
}

/** currentTime of the first playing <video> for a camera, sampled twice with a pause in between. */
async function playingVideo(page: Page, cameraId: string): Promise<{ first: number; second: number; width: number }> {
  const video = page.locator(`[data-testid=live-video][data-camera="${cameraId}"]`).first();
  await video.waitFor();
  await page.waitForFunction(
    (id) => {
      const v = document.querySelector(`[data-testid=live-video][data-camera="${id}"]`) as HTMLVideoElement | null;
      return !!v && v.readyState >= 2 && v.currentTime > 0;
    },
    cameraId,
    { timeout: 30_000 },
  );
  const first = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await page.waitForTimeout(2500);
  const second = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  const width = await video.evaluate((v: HTMLVideoElement) => v.videoWidth);
  return { first, second, width };
}

describe('live wall (browser)', () => {
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

  it('a leader opens the live wall and the video plays (currentTime advances)', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'chutich');
    const cams = await cameras(s);
    assert.equal(cams.length, 4);
    await s.page.goto('/live');
    await s.page.getByTestId('live-wall').waitFor();
    const gate = cams.find((c) => c.locationType === 'GATE') as CameraItem;
    const t = await playingVideo(s.page, gate.id);
    assert.ok(t.second > t.first, `currentTime advanced from ${t.first} to ${t.second}`);
    assert.ok(t.width > 0);
    assert.equal(await s.page.locator(`[data-testid=live-video][data-camera="${gate.id}"]`).getAttribute('data-masked'), 'false');
    await shot(s.page, 'live-wall-4');
    // Layout 9 and single view (main stream) work too.
    await s.page.getByTestId('layout-9').click();
    await s.page.locator(`[data-testid=live-tile-${gate.id}] button[aria-label]`).first().click();
    await s.page.getByTestId('live-back').waitFor();
    const single = await playingVideo(s.page, gate.id);
    assert.ok(single.second > single.first);
    await shot(s.page, 'live-single');
    assert.deepEqual(s.consoleErrors.filter((e) => !e.includes('favicon')), []);
  });

  it('a user without live permission is refused the stream (403) and has no live wall in the menu', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'truongphong');
    const leader = await newSession(browser, server.url);
    await loginUi(leader, 'chutich');
    const gate = (await cameras(leader)).find((c) => c.locationType === 'GATE') as CameraItem;
    const res = await s.context.request.get(`/api/cameras/${gate.id}/live`);
    assert.equal(res.status(), 403);
    assert.equal(((await res.json()) as { code: string }).code, 'FORBIDDEN');
    // The WebSocket upgrade is refused as well: the socket never opens.
    const opened = await s.page.evaluate(
      (id) =>
        new Promise<boolean>((resolve) => {
          const ws = new WebSocket(`ws://${location.host}/api/cameras/${id}/live`);
          ws.onopen = () => resolve(true);
          ws.onerror = () => resolve(false);
        }),
      gate.id,
    );
    assert.equal(opened, false);
    assert.equal(await s.page.getByTestId('menu-live').count(), 0);
  });

  it('a viewer without footage.raw sees the masked video where masks are set', async () => {
    const s = await newSession(browser, server.url);
    await loginUi(s, 'noivu');
    const cams = await cameras(s);
    const desk = cams.find((c) => c.locationType === 'ONE_STOP') as CameraItem;
    assert.ok(desk.privacyMasks.length > 0);
    await s.page.goto('/live');
    await s.page.getByTestId('live-wall').waitFor();
    const t = await playingVideo(s.page, desk.id);
    assert.ok(t.second > t.first);
    const video = s.page.locator(`[data-testid=live-video][data-camera="${desk.id}"]`).first();
    assert.equal(await video.getAttribute('data-masked'), 'true');
    // The masked area (right-hand counter, x 55–98 %, y 35–95 % of the picture) is black in the decoded frame.
    const dark = await video.evaluate((v: HTMLVideoElement) => {
      const c = document.createElement('canvas');
      c.width = v.videoWidth;
      c.height = v.videoHeight;
      const g = c.getContext('2d') as CanvasRenderingContext2D;
      g.drawImage(v, 0, 0);
      // (No helper functions in here: the page runs this source as is.)
      const out = [0, 0];
      const spots = [
        [0.7, 0.6],
        [0.2, 0.2],
      ];
      for (let k = 0; k < 2; k++) {
        const d = g.getImageData(Math.round(c.width * (spots[k] as number[])[0]!), Math.round(c.height * (spots[k] as number[])[1]!), 10, 10).data;
        let sum = 0;
        for (let i = 0; i < d.length; i++) if (i % 4 !== 3) sum += d[i] as number;
        out[k] = sum / ((d.length / 4) * 3);
      }
      return { inside: out[0] as number, outside: out[1] as number };
    });
    assert.ok(dark.inside < 20, `masked area is black (mean ${dark.inside})`);
    assert.ok(dark.outside > 40, `unmasked area shows the picture (mean ${dark.outside})`);
    await shot(s.page, 'live-masked');
  });
});
