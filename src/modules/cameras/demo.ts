import { type ChildProcess, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext, DemoAgency } from '../../platform/module';
import type { MaskPolygon } from '../../platform/ports/video';
import { recordAudit } from '../audit';
import { insertCamera, listCameraRows } from './cameras.repo';
import type { LocationType } from './domain/camera-rules';
import { cameraServices } from './services';

/**
 * The embedded demo's four cameras. Their pictures are synthetic (ffmpeg lavfi test patterns, moving shapes and a
 * label — no real faces): 12 s H.264 files committed under `assets/demo-video/` (0.2–0.8 MB each, made by
 * `ensureDemoVideos` with the same recipe, which regenerates any that are missing), copied into
 * `<dataDir>/demo-video/` on first use.
 *
 * Source, in order of preference:
 * 1. the GStreamer RTSP server (`test/rtsp/rtsp_server.py`, Debian python3-gi) on 127.0.0.1 — port
 *    KC_DEMO_RTSP_PORT, or a free port chosen at start (the demo cameras' URLs are rewritten to it) — looping each
 *    file without re-encoding: a real RTSP camera as far as the ingest can tell;
 * 2. when `/usr/bin/python3` with the GStreamer RTSP bindings is missing: `demo:<file.mp4>` sources that ffmpeg reads
 *    with `-stream_loop -1 -re` (same timing, no network hop).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const RTSP_SCRIPT = path.resolve(here, '../../../test/rtsp/rtsp_server.py');
const ASSETS = path.resolve(here, '../../../assets/demo-video');
const FONT = '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf';
export const DEMO_MOUNT_PREFIX = 'kcdemo';

interface DemoFeed {
  key: string;
  name: string;
  location: LocationType;
  unitCode: string;
  direction: 'IN' | 'OUT' | null;
  recognition: boolean;
  masks: MaskPolygon[];
  /** lavfi source and a moving shape, so motion is visible on the live wall. */
  source: string;
}

export const DEMO_FEEDS: DemoFeed[] = [
  {
    key: 'gate',
    name: 'Cổng chính — chiều vào',
    location: 'GATE',
    unitCode: 'TT-UBND',
    direction: 'IN',
    recognition: true,
    masks: [],
    source: 'testsrc2=size=960x540:rate=25',
  },
  {
    key: 'parking',
    name: 'Bãi đỗ xe',
    location: 'PARKING',
    unitCode: 'TT-UBND',
    direction: null,
    recognition: false,
    masks: [],
    source: 'life=size=960x540:rate=25:mold=10:ratio=0.1:death_color=#203040:life_color=#70a0c0',
  },
  {
    key: 'motcua',
    name: 'Bộ phận Một cửa — quầy tiếp nhận',
    location: 'ONE_STOP',
    unitCode: 'TT-MOTCUA',
    direction: null,
    recognition: false,
    // The citizens' side of the counter: hidden from viewers without the raw-footage permission.
    masks: [
      [
        [0.55, 0.35],
        [0.98, 0.35],
        [0.98, 0.95],
        [0.55, 0.95],
      ],
    ],
    source: 'smptehdbars=size=960x540:rate=25',
  },
  {
    key: 'tiepdan',
    name: 'Phòng tiếp công dân',
    location: 'RECEPTION',
    unitCode: 'TT-UBND',
    direction: null,
    recognition: false,
    masks: [
      [
        [0.05, 0.3],
        [0.45, 0.25],
        [0.5, 0.9],
        [0.05, 0.95],
      ],
    ],
    source: 'rgbtestsrc=size=960x540:rate=25',
  },
];

export function demoVideoDir(ctx: AppContext): string {
  return path.join(ctx.config.dataDir, 'demo-video');
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

export function gstreamerAvailable(): boolean {
  if (!fs.existsSync('/usr/bin/python3') || !fs.existsSync(RTSP_SCRIPT)) return false;
  const r = spawnSync('/usr/bin/python3', ['-c', "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer"], {
    timeout: 10_000,
  });
  return r.status === 0;
}

/** Writes `<key>.mp4` (for the ffmpeg fallback) and `<key>.h264` (Annex B, for the RTSP server) once. */
export async function ensureDemoVideos(ctx: AppContext, dir: string): Promise<void> {
  const ffmpeg = ctx.config.video.ffmpeg;
  fs.mkdirSync(dir, { recursive: true });
  for (const feed of DEMO_FEEDS) {
    const mp4 = path.join(dir, `${feed.key}.mp4`);
    const h264 = path.join(dir, `${feed.key}.h264`);
    const bundled = path.join(ASSETS, `${feed.key}.mp4`);
    if (!fs.existsSync(mp4) && fs.existsSync(bundled)) fs.copyFileSync(bundled, mp4);
    if (!fs.existsSync(mp4)) {
      const label = fs.existsSync(FONT)
        ? `,drawtext=fontfile=${FONT}:text='${feed.name.replace(/[':]/g, ' ')} (demo)':x=20:y=20:fontsize=30:fontcolor=white:box=1:boxcolor=black@0.55`
        : '';
      const tmp = `${mp4}.part.mp4`;
      const r = await ctx.processes.run(
        ffmpeg,
        [
          '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', feed.source,
          '-vf', `format=yuv420p,drawbox=x='mod(t*160,960)':y=380:w=110:h=70:color=orange@0.9:t=fill${label}`,
          '-t', '12', '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p',
          '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-b:v', '500k', '-maxrate', '700k', '-bufsize', '1000k',
          '-movflags', '+faststart', tmp,
        ],
        { timeoutMs: 120_000 },
      );
      if (r.code !== 0) throw new Error(`demo video ${feed.key} failed: ${r.stderr.slice(-300)}`);
      fs.renameSync(tmp, mp4);
    }
    if (!fs.existsSync(h264)) {
      const r = await ctx.processes.run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-i', mp4, '-c', 'copy', '-f', 'h264', `${h264}.part`], {
        timeoutMs: 60_000,
      });
      if (r.code !== 0) throw new Error(`demo video ${feed.key} remux failed: ${r.stderr.slice(-300)}`);
      fs.renameSync(`${h264}.part`, h264);
    }
  }
}

/** The demo RTSP server of each running app (several may run in one process, e.g. tests). */
const demoServers = new WeakMap<AppContext, { child: ChildProcess; port: number }>();

/** Starts the RTSP server for the demo feeds (idempotent) and returns its port, or undefined if it cannot start. */
async function ensureRtspServer(ctx: AppContext): Promise<number | undefined> {
  const running = demoServers.get(ctx);
  if (running && running.child.exitCode === null) return running.port;
  const dir = demoVideoDir(ctx);
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = ctx.config.demoRtspPort ?? (await freePort());
    const mounts = DEMO_FEEDS.map((f) => `${DEMO_MOUNT_PREFIX}/${f.key}=loop:${path.join(dir, `${f.key}.h264`)}`);
    // The server dies with this process however it ends: SIGTERM from the kernel when we die (setpriv), and it
    // exits when its stdin (a pipe we hold and never write) closes. A crash never leaves it running (F14).
    const child = ctx.processes.spawn('/usr/bin/python3', [RTSP_SCRIPT, '--exit-with-stdin', String(port), ...mounts], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin?.on('error', () => undefined);
    const ready = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 10_000);
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('READY')) {
          clearTimeout(t);
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    if (ready) {
      child.stdout?.resume();
      child.stderr?.resume();
      demoServers.set(ctx, { child, port });
      ctx.log.info({ port }, 'demo RTSP server (GStreamer) running');
      return port;
    }
    child.kill('SIGKILL');
  }
  ctx.log.warn('demo RTSP server did not start; demo cameras will show as offline');
  return undefined;
}

export async function stopDemoSource(ctx: AppContext): Promise<void> {
  const child = demoServers.get(ctx)?.child;
  demoServers.delete(ctx);
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

export function isDemoUrl(url: string): boolean {
  return url.startsWith('demo:') || url.includes(`/${DEMO_MOUNT_PREFIX}/`);
}

/** Called before the camera workers start: demo cameras need their files and (maybe) the RTSP server. */
export async function prepareDemoSources(ctx: AppContext): Promise<void> {
  const cams = await listCameraRows(ctx.db, { enabledOnly: true });
  const demo = cams.filter((c) => isDemoUrl(c.main_url));
  if (demo.length === 0) return;
  await ensureDemoVideos(ctx, demoVideoDir(ctx));
  const viaRtsp = demo.filter((c) => c.main_url.startsWith('rtsp:'));
  if (viaRtsp.length === 0) return;
  const port = await ensureRtspServer(ctx);
  if (!port) return;
  // The server may have come up on another port than last time: point the demo cameras at it.
  for (const c of viaRtsp) {
    const u = new URL(c.main_url);
    if (u.port === String(port)) continue;
    u.port = String(port);
    await ctx.db.query('UPDATE cameras SET main_url = $2 WHERE id = $1', [c.id, u.toString()]);
  }
}

/** Says plainly why the demo cameras have no picture (ffmpeg missing is the usual reason) and how to fix it. */
export function warnDemoSourcesUnavailable(ctx: AppContext, err: unknown): void {
  const missing = (err as NodeJS.ErrnoException)?.code === 'ENOENT';
  ctx.log.warn(
    { err: String(err) },
    missing
      ? `Không tìm thấy ffmpeg (${ctx.config.video.ffmpeg}): camera mẫu không có hình; chạy scripts/system-deps.sh / ffmpeg not found: demo cameras have no picture; run scripts/system-deps.sh`
      : 'demo video sources unavailable',
  );
}

/** Registers the four demo cameras (called by the demo seed, once, on an empty database). */
export async function seedDemoCameras(ctx: AppContext, demo: DemoAgency): Promise<void> {
  const useRtsp = gstreamerAvailable();
  const dir = demoVideoDir(ctx);
  const actor = { name: 'system:seed' };
  for (const feed of DEMO_FEEDS) {
    const unitId = demo.units[feed.unitCode] ?? demo.units['TT-UBND'];
    if (!unitId) continue;
    const url = useRtsp ? `rtsp://127.0.0.1:8554/${DEMO_MOUNT_PREFIX}/${feed.key}` : `demo:${path.join(dir, `${feed.key}.mp4`)}`;
    await ctx.db.transaction(async (tx) => {
      const row = await insertCamera(tx, randomUUID(), {
        name: feed.name,
        location_type: feed.location,
        unit_id: unitId,
        main_url: url,
        sub_url: null,
        credentials_enc: null,
        direction: feed.direction,
        recognition_allowed: feed.recognition,
        enabled: true,
        segment_seconds: 10,
        retention_days: 7,
        quota_bytes: 2 * 1024 ** 3,
        privacy_masks: feed.masks,
      });
      await recordAudit(tx, { actor, action: 'cameras.create', entityType: 'camera', entityId: row.id, unitId, details: { demo: true, source: useRtsp ? 'gstreamer-rtsp' : 'ffmpeg-loop' } });
    });
  }
  // The seed runs after the modules started: start the new cameras now (only when the runtime is live).
  const { runtime } = cameraServices(ctx);
  if (runtime.active) {
    // Without ffmpeg (or GStreamer) the demo still seeds: the cameras show as offline with the reason on the wall.
    await prepareDemoSources(ctx).catch((err) => warnDemoSourcesUnavailable(ctx, err));
    for (const c of await listCameraRows(ctx.db, { enabledOnly: true })) if (isDemoUrl(c.main_url)) runtime.startCamera(c);
  }
}
