import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type ClipRequest,
  type ClipResult,
  type ClosedSegment,
  type IngestHandlers,
  type IngestOptions,
  type IngestWorker,
  type LiveRelay,
  type LiveRelayOptions,
  type SnapshotRequest,
  StreamError,
  type StreamInfo,
  type StreamSource,
  type VideoEngine,
} from '../../ports/video';
import { ingestArgs, inputArgs, relayArgs } from './args';
import { maskPam } from './mask-image';
import { cutClip, keyframes, playbackStream, snapshot } from './recorded';
import { recoverSegments } from './recover';
import { redact } from './redact';
import { classifyFailure, DEFAULT_FFMPEG_TOOLS, type FfmpegTools, parseVideoStreamLine, run } from './run';
import { FfmpegSupervisor } from './supervisor';

/** Browsers play H.264 through MSE; other codecs are refused with a clear error rather than transcoded on 2 cores. */
export const SUPPORTED_CODECS = ['h264'];

const DEFAULT_BACKOFF = { firstMs: 500, maxMs: 2000, offlineAfterMs: 60_000, offlineRetryMs: 10_000 };

export interface FfmpegEngineOptions {
  log?: (level: 'info' | 'warn', msg: string, extra?: Record<string, unknown>) => void;
  /** The programs to run (config.video); default ffmpeg and ffprobe from PATH. */
  tools?: FfmpegTools;
}

/** The video port on Debian's ffmpeg/ffprobe binaries (child processes; nothing native inside Node). */
export class FfmpegVideoEngine implements VideoEngine {
  readonly description = 'ffmpeg (child processes)';

  private readonly tools: FfmpegTools;

  constructor(private readonly options: FfmpegEngineOptions = {}) {
    this.tools = options.tools ?? DEFAULT_FFMPEG_TOOLS;
  }

  async testStream(source: StreamSource, timeoutMs: number): Promise<{ info: StreamInfo; snapshotJpeg: Buffer }> {
    if (!/^(rtsps?:\/\/|demo:)/.test(source.url)) throw new StreamError('INVALID_URL', 'only rtsp:// and rtsps:// URLs are supported');
    const r = await run(
      this.tools.ffmpeg,
      ['-hide_banner', '-nostdin', '-loglevel', 'info', ...inputArgs(source), '-map', '0:v:0', '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '4', '-f', 'image2pipe', 'pipe:1'],
      { timeoutMs },
    );
    const info = parseVideoStreamLine(r.stderr);
    if (r.code !== 0 || r.stdout.length === 0) {
      const problem = info ? 'FAILED' : classifyFailure(r.stderr, r.timedOut);
      throw new StreamError(problem, redact(lastError(r.stderr), source) || problem, info);
    }
    if (!info) throw new StreamError('NO_VIDEO', 'the stream has no video track');
    if (!SUPPORTED_CODECS.includes(info.codec))
      throw new StreamError('UNSUPPORTED_CODEC', `codec ${info.codec} is not supported; set the camera to H.264`, info);
    return { info, snapshotJpeg: r.stdout };
  }

  startIngest(options: IngestOptions, handlers: IngestHandlers): IngestWorker {
    fs.mkdirSync(options.segmentDir, { recursive: true });
    return new FfmpegSupervisor(
      {
        ffmpeg: this.tools.ffmpeg,
        source: options.source,
        buildArgs: (runId, framesOutput) =>
          ingestArgs({
            source: options.source,
            segmentDir: options.segmentDir,
            segmentSeconds: options.segmentSeconds,
            runId,
            frames: options.frames ? { ...options.frames, output: framesOutput } : undefined,
          }),
        segmentDir: options.segmentDir,
        frames: options.frames,
        codecs: SUPPORTED_CODECS,
        stallSeconds: options.stallSeconds ?? 12,
        backoff: options.backoff ?? DEFAULT_BACKOFF,
        errorRetryMs: 60_000,
        log: this.options.log,
      },
      handlers,
    );
  }

  startLiveRelay(
    options: LiveRelayOptions,
    handlers: Pick<IngestHandlers, 'onLiveInit' | 'onLiveFragment' | 'onState'>,
  ): LiveRelay {
    let maskFile: string | undefined;
    if (options.masks?.length) {
      maskFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-mask-')), 'mask.pam');
      fs.writeFileSync(maskFile, maskPam(options.masks));
    }
    const sup = new FfmpegSupervisor(
      {
        ffmpeg: this.tools.ffmpeg,
        source: options.source,
        buildArgs: () => relayArgs({ source: options.source, maskFile, maxHeight: options.maxHeight }),
        codecs: SUPPORTED_CODECS,
        stallSeconds: 12,
        backoff: DEFAULT_BACKOFF,
        errorRetryMs: 60_000,
        log: this.options.log,
      },
      handlers,
    );
    return {
      stop: async () => {
        await sup.stop();
        if (maskFile) await fs.promises.rm(path.dirname(maskFile), { recursive: true, force: true });
      },
    };
  }

  // Properties rather than methods, so they may be passed around unbound as before.
  keyframes = (file: string): Promise<number[]> => keyframes(this.tools, file);
  recoverSegments = (segmentDir: string): Promise<ClosedSegment[]> => recoverSegments(this.tools.ffprobe, segmentDir);
  cutClip = (request: ClipRequest): Promise<ClipResult> => cutClip(this.tools, request);
  snapshot = (request: SnapshotRequest): Promise<Buffer> => snapshot(this.tools, request);
  playbackStream = (request: Omit<ClipRequest, 'outFile'>): ReturnType<VideoEngine['playbackStream']> => playbackStream(this.tools, request);
}

function lastError(stderr: string): string {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('frame=') && !/^(Input|Output|Stream|Duration|Metadata|encoder|title|  )/.test(l))
    .slice(-2)
    .join(' | ')
    .slice(0, 400);
}
