import type { RunResult } from '../../ports/processes';
import type { StreamInfo, StreamProblem } from '../../ports/video';
import { spawnTied } from './tied-spawn';

export type { RunResult } from '../../ports/processes';

/** The ffmpeg and ffprobe programs (names looked up in PATH, or paths): config.video, KC_FFMPEG / KC_FFPROBE. */
export interface FfmpegTools {
  ffmpeg: string;
  ffprobe: string;
}

/** Debian's binaries from PATH, for tools and tests that run without a configuration. */
export const DEFAULT_FFMPEG_TOOLS: FfmpegTools = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };

/** Runs a short ffmpeg/ffprobe job to completion, killing it after `timeoutMs`. Never rejects for a non-zero exit. */
export function run(cmd: string, args: string[], opts: { timeoutMs: number; stdin?: Buffer }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // A job in flight when the server dies dies with it (nothing waits for its output any more).
    const child = spawnTied(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] }, 'SIGKILL');
    const out: Buffer[] = [];
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => {
      // Keep the tail only: a long job's progress lines are not needed to explain a failure.
      err = (err + d.toString('utf8')).slice(-20_000);
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(opts.stdin);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out), stderr: err, timedOut });
    });
  });
}

/** Maps ffmpeg's error text to a problem the user can act on. */
export function classifyFailure(stderr: string, timedOut: boolean): StreamProblem {
  const s = stderr.toLowerCase();
  if (s.includes('401 unauthorized') || s.includes('401 authorization')) return 'AUTH_FAILED';
  if (s.includes('404 not found') || s.includes('404 stream not found') || s.includes('503 service unavailable'))
    return 'NOT_FOUND';
  if (s.includes('connection refused') || s.includes('no route to host') || s.includes('network is unreachable'))
    return 'UNREACHABLE';
  if (s.includes('name or service not known') || s.includes('failed to resolve') || s.includes('temporary failure in name'))
    return 'UNREACHABLE';
  if (s.includes('connection timed out') || s.includes('operation timed out') || timedOut) return 'TIMEOUT';
  if (s.includes('invalid argument') && s.includes('://')) return 'INVALID_URL';
  if (s.includes('does not contain any stream') || s.includes('matches no streams')) return 'NO_VIDEO';
  return 'FAILED';
}

/** Reads `Stream #0:0: Video: h264 (Main), yuv420p(...), 640x360 [...], 25 fps` from ffmpeg's banner. */
export function parseVideoStreamLine(stderr: string): StreamInfo | undefined {
  const m = /Stream #\d+:\d+[^:]*: Video: (\w+)(?: \(([^)]*)\))?[^\n]*?, (\d{2,5})x(\d{2,5})/.exec(stderr);
  if (!m) return undefined;
  const fps = /, ([\d.]+) fps/.exec(m[0] + stderr.slice(m.index + m[0].length).split('\n')[0]);
  return {
    codec: m[1] as string,
    profile: m[2],
    width: Number(m[3]),
    height: Number(m[4]),
    fps: fps ? Number(fps[1]) : 0,
  };
}

/** `Duration: N/A, start: 1795421046.779300` — with -use_wallclock_as_timestamps this is the first packet's wall clock. */
export function parseStartSeconds(stderr: string): number | undefined {
  const m = /Duration: [^,]+, start: (-?[\d.]+)/.exec(stderr);
  return m ? Number(m[1]) : undefined;
}

export const RTSP_INPUT = ['-rtsp_transport', 'tcp', '-timeout', '5000000'];
