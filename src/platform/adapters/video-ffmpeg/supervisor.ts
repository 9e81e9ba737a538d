import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { IngestHandlers, IngestState, IngestWorker, StreamInfo, StreamSource } from '../../ports/video';
import { FrameFifo } from './frame-fifo';
import { Mp4FragmentSplitter } from './mp4-fragments';
import { describeStop } from './failure-text';
import { appendJournal, journalFile, pruneJournals, segmentTimes } from './journal';
import { redact } from './redact';
import { parseStartSeconds, parseVideoStreamLine } from './run';
import { spawnTied } from './tied-spawn';

export interface SupervisorOptions {
  /** The ffmpeg program to run. */
  ffmpeg: string;
  source: StreamSource;
  /**
   * Arguments for one run; `runId` is unique per spawn (segment file prefix). `framesOutput`: where ffmpeg writes the
   * analysis frames (a FIFO path), or undefined for fd 3.
   */
  buildArgs: (runId: string, framesOutput?: string) => string[];
  /** Where segment names in the fd-4 list live; absent when the process writes no segments. */
  segmentDir?: string;
  frames?: { fps: number; width: number; height: number };
  /** How the analysis frames come: a FIFO read without copies (default), or fd 3 (the fallback where no FIFO can be made). */
  framesVia?: 'fifo' | 'pipe';
  /** Only these codecs are accepted; anything else is an error state, not a reconnect loop. */
  codecs: string[];
  stallSeconds: number;
  backoff: { firstMs: number; maxMs: number; offlineAfterMs: number; offlineRetryMs: number };
  /** Delay before trying again after a hard error such as an unsupported codec. */
  errorRetryMs: number;
  log?: (level: 'info' | 'warn', msg: string, extra?: Record<string, unknown>) => void;
}

type Handlers = Pick<IngestHandlers, 'onState' | 'onLiveInit' | 'onLiveFragment'> & Partial<IngestHandlers>;

/**
 * Keeps one ffmpeg process alive for one source: spawns it, reads its outputs, restarts it with capped backoff
 * when it exits or stalls, and reports health. One supervisor failing never touches another: each owns its child,
 * timers and buffers, and every callback into the caller is guarded.
 */
export class FfmpegSupervisor implements IngestWorker {
  state: IngestState = { kind: 'starting', since: new Date() };
  private child: ChildProcess | undefined;
  private stopping = false;
  private attempt = 0;
  private downSince: Date | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private watchdog: NodeJS.Timeout | undefined;
  private exited: Promise<void> = Promise.resolve();
  /** Where the analysis frames come through (made once, reopened per run); undefined: fd 3. */
  private readonly fifo: FrameFifo | undefined;

  constructor(
    private readonly opts: SupervisorOptions,
    private readonly handlers: Handlers,
  ) {
    this.fifo = opts.frames && opts.framesVia !== 'pipe' ? FrameFifo.create() : undefined;
    this.setState(this.state);
    this.spawnOnce();
  }

  private setState(state: IngestState): void {
    this.state = state;
    this.safe(() => this.handlers.onState(state));
  }

  private safe(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.opts.log?.('warn', 'video handler threw', { err: String(err) });
    }
  }

  private spawnOnce(): void {
    if (this.stopping) return;
    const runId = `${Date.now()}`;
    const frames = this.opts.frames;
    let frameIndex = 0;
    let anchor: number | undefined;
    const deliver = (rgb: Buffer, release?: () => void) => {
      if (!frames) return;
      const at = new Date(((anchor ?? Date.now() / 1000) + frameIndex / frames.fps) * 1000);
      frameIndex++;
      this.safe(() => this.handlers.onFrame?.({ at, width: frames.width, height: frames.height, rgb, release }));
    };
    const frameBytes = frames ? frames.width * frames.height * 3 : 0;
    let reader: { close(): void } | undefined;
    if (frames && this.fifo) {
      try {
        reader = this.fifo.open(frameBytes, deliver, (err) => this.opts.log?.('warn', 'analysis frames: read error', { err: String(err) }));
      } catch (err) {
        this.opts.log?.('warn', 'analysis frames: FIFO not opened; reading fd 3', { err: String(err) });
      }
    }
    // Tied to this process: a crash of the server (even SIGKILL) sends ffmpeg SIGTERM, which closes the segment.
    const child = spawnTied(this.opts.ffmpeg, this.opts.buildArgs(runId, reader ? this.fifo?.path : undefined), {
      stdio: ['ignore', 'pipe', 'pipe', reader ? 'ignore' : 'pipe', 'pipe'],
    });
    this.child = child;
    const journal = this.opts.segmentDir ? journalFile(this.opts.segmentDir, runId) : undefined;
    if (this.opts.segmentDir) void pruneJournals(this.opts.segmentDir, runId);
    let banner = '';
    let tail = '';
    let stalled = false;
    /** Records the run's anchor once, before any segment of the run is reported. */
    const fixAnchor = (value: number) => {
      anchor = value;
      this.journal(journal, `anchor,${value}`);
    };
    let info: StreamInfo | undefined;
    let hardError: { problem: 'UNSUPPORTED_CODEC'; message: string } | undefined;
    let lastDataAt = Date.now();
    const splitter = new Mp4FragmentSplitter({
      init: (init, mime) => this.safe(() => this.handlers.onLiveInit(init, mime)),
      fragment: (fragment, keyframe) => {
        if (this.state.kind !== 'online') {
          this.attempt = 0;
          this.downSince = undefined;
          this.setState({
            kind: 'online',
            since: new Date(),
            info: info ?? { codec: 'h264', width: 0, height: 0, fps: 0 },
          });
        }
        this.safe(() => this.handlers.onLiveFragment(fragment, keyframe));
      },
    });

    child.stderr?.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      tail = (tail + text).slice(-4000);
      if (anchor !== undefined && info) return;
      banner += text;
      if (anchor === undefined) {
        const parsed = parseStartSeconds(banner);
        if (parsed !== undefined) fixAnchor(parsed);
      }
      if (!info) {
        info = parseVideoStreamLine(banner);
        if (info && !this.opts.codecs.includes(info.codec)) {
          hardError = {
            problem: 'UNSUPPORTED_CODEC',
            message: `codec ${info.codec} is not supported (needs ${this.opts.codecs.join(', ')})`,
          };
          child.kill('SIGKILL');
        }
      }
    });
    child.stdout?.on('data', (d: Buffer) => {
      lastDataAt = Date.now();
      try {
        splitter.push(d);
      } catch (err) {
        this.opts.log?.('warn', 'bad fMP4 from ffmpeg; restarting', { err: String(err) });
        child.kill('SIGKILL');
      }
    });

    const fd3 = child.stdio[3] as Readable | null;
    if (frames && fd3 && !reader) {
      // Fallback without a FIFO: chunks are copied once into the frame's own buffer (no concatenation of the rest).
      let frame = Buffer.allocUnsafeSlow(frameBytes);
      let filled = 0;
      fd3.on('data', (d: Buffer) => {
        for (let at = 0; at < d.length; ) {
          const n = Math.min(frameBytes - filled, d.length - at);
          d.copy(frame, filled, at, at + n);
          filled += n;
          at += n;
          if (filled < frameBytes) continue;
          const full = frame;
          frame = Buffer.allocUnsafeSlow(frameBytes);
          filled = 0;
          deliver(full);
        }
      });
    } else fd3?.resume();

    const fd4 = child.stdio[4] as Readable | null;
    let listBuf = '';
    const pendingSegments: Promise<void>[] = [];
    fd4?.on('data', (d: Buffer) => {
      listBuf += d.toString('utf8');
      for (let nl = listBuf.indexOf('\n'); nl >= 0; nl = listBuf.indexOf('\n')) {
        const line = listBuf.slice(0, nl).trim();
        listBuf = listBuf.slice(nl + 1);
        const [name, start, end] = line.split(',');
        if (!name || start === undefined || end === undefined) continue;
        // No banner time yet (unusual): the segment just ended now, which fixes the run's anchor.
        if (anchor === undefined) fixAnchor(Date.now() / 1000 - Number(end));
        // Journaled before it is reported: a crash from here on still finds its times (see recover.ts).
        this.journal(journal, `seg,${path.basename(name)},${start},${end}`);
        pendingSegments.push(this.segmentLine(line, anchor as number));
      }
    });

    this.watchdog = setInterval(() => {
      if (Date.now() - lastDataAt > this.opts.stallSeconds * 1000) {
        this.opts.log?.('warn', 'ffmpeg stalled; restarting', { stallSeconds: this.opts.stallSeconds });
        stalled = true;
        child.kill('SIGKILL');
      }
    }, 1000);

    this.exited = new Promise<void>((resolve) => {
      child.on('error', (err) => {
        tail += `\nspawn error: ${err.message}`;
      });
      child.on('close', async (code, signal) => {
        clearInterval(this.watchdog);
        reader?.close();
        await Promise.all(pendingSegments);
        if (this.child === child) this.child = undefined;
        if (this.stopping) {
          this.setState({ kind: 'stopped', since: new Date() });
          resolve();
          return;
        }
        const lastError = redact(
          describeStop(tail, { code, signal, stalledSeconds: stalled ? this.opts.stallSeconds : undefined }),
          this.opts.source,
        );
        if (code !== 0 || stalled) this.opts.log?.('info', 'ffmpeg stopped', { reason: lastError, ffmpeg: redact(lastLines(tail), this.opts.source) });
        if (hardError) {
          this.setState({ kind: 'error', since: new Date(), problem: hardError.problem, lastError: hardError.message });
          this.retryTimer = setTimeout(() => this.spawnOnce(), this.opts.errorRetryMs);
        } else this.scheduleReconnect(lastError);
        resolve();
      });
    });
  }

  private journal(file: string | undefined, line: string): void {
    if (!file) return;
    try {
      appendJournal(file, line);
    } catch (err) {
      // Without the journal a crash right now would index this run's leftovers by file time: still indexed.
      this.opts.log?.('warn', 'segment journal not written', { err: String(err) });
    }
  }

  private async segmentLine(line: string, anchor: number): Promise<void> {
    const [name, start, end] = line.split(',');
    if (!name || !this.opts.segmentDir || start === undefined || end === undefined) return;
    const file = path.join(this.opts.segmentDir, path.basename(name));
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat || stat.size === 0) return;
    const { startedAt, endedAt } = segmentTimes(anchor, Number(start), Number(end));
    if (!(endedAt > startedAt)) return;
    this.safe(() => this.handlers.onSegment?.({ file, startedAt, endedAt, bytes: stat.size }));
  }

  private scheduleReconnect(lastError: string): void {
    this.attempt++;
    this.downSince ??= new Date();
    const downMs = Date.now() - this.downSince.getTime();
    const { firstMs, maxMs, offlineAfterMs, offlineRetryMs } = this.opts.backoff;
    const offline = downMs >= offlineAfterMs;
    const delay = offline ? offlineRetryMs : Math.min(maxMs, firstMs * 2 ** (this.attempt - 1));
    this.setState({ kind: offline ? 'offline' : 'reconnecting', since: this.downSince, attempt: this.attempt, lastError });
    this.retryTimer = setTimeout(() => this.spawnOnce(), delay);
  }

  /** SIGINT lets ffmpeg finish the current segment's moov; SIGKILL after 5 s if it hangs. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.retryTimer);
    const child = this.child;
    if (!child) {
      this.fifo?.dispose();
      this.setState({ kind: 'stopped', since: new Date() });
      return;
    }
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.kill('SIGINT');
    await this.exited;
    clearTimeout(killer);
    this.fifo?.dispose();
  }
}

function lastLines(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(frame=|Press \[q\]|video:|\[segment @)/.test(l))
    .slice(-3)
    .join(' | ')
    .slice(0, 500);
}
