import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTied } from '../../src/platform/adapters/video-ffmpeg/tied-spawn';

/**
 * Starts the GStreamer RTSP test server (`rtsp_server.py`, Debian's python3-gi + gir1.2-gst-rtsp-server-1.0) on a
 * free loopback port. `stop()` and `start()` can be repeated on the same port to simulate an outage.
 */
const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rtsp_server.py');
export const SYSTEM_PYTHON = '/usr/bin/python3';

export function rtspServerAvailable(): boolean {
  return fs.existsSync(SYSTEM_PYTHON);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export class RtspTestServer {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly mounts: Record<string, string>,
  ) {}

  /** mounts: path → spec, e.g. `{ cam: 'ball:640x360:25:25', h265: 'h265' }` (see rtsp_server.py). */
  static async start(mounts: Record<string, string>, port?: number): Promise<RtspTestServer> {
    const server = new RtspTestServer(port ?? (await freePort()), mounts);
    await server.start();
    return server;
  }

  url(mount: string): string {
    return `rtsp://127.0.0.1:${this.port}/${mount}`;
  }

  get running(): boolean {
    return !!this.child;
  }

  async start(): Promise<void> {
    if (this.child) return;
    // Tied to the test process (stdin pipe + parent-death signal): a test killed mid-run leaves no server behind.
    const args = [SCRIPT, '--exit-with-stdin', String(this.port), ...Object.entries(this.mounts).map(([k, v]) => `${k}=${v}`)];
    // The port may still be in TIME_WAIT right after a stop: retry the bind a few times.
    for (let attempt = 0; ; attempt++) {
      const child = spawnTied(SYSTEM_PYTHON, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      child.stdin?.on('error', () => undefined);
      const ready = await new Promise<boolean>((resolve) => {
        let out = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('READY')) resolve(true);
        });
        child.on('exit', () => resolve(false));
      });
      if (ready) {
        this.child = child;
        child.on('exit', () => {
          if (this.child === child) this.child = undefined;
        });
        return;
      }
      if (attempt >= 20) throw new Error(`RTSP test server did not start on port ${this.port}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
