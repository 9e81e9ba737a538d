import type { RgbImage } from '../../platform/ports/face-engine';
import { releaseFrame } from '../cameras';
import { hasMotion, lumaThumb, sameThumb, shouldAnalyse, type Thumb, type Zone } from './domain/motion';
import type { GateStatsKeeper } from './gate-pipeline.stats';

export interface IntakeOptions {
  maxLagMs: number;
  keepAliveMs: number;
  resyncBackMs: number;
  resyncFrames: number;
}

export type Intake = { kind: 'drop' } | { kind: 'reset' } | { kind: 'skip' } | { kind: 'analyse' };

/**
 * The frames' own timeline and the motion gate, before any face work: lagging, backward and repeated frames are
 * dropped and counted; a camera whose clock jumped back for good is resynchronised (reset) instead of being silenced;
 * frames where nothing moved and no pass is open are skipped, except at the keep-alive rate.
 */
export class FrameIntake {
  lastTs: number | null = null;
  /** Wall time (deps.now) when the last in-order frame arrived: flush() maps wall time onto frame time with it. */
  lastArrival = 0;
  private backwardsRun = 0;
  /**
   * The smallest delay (arrival − frame time) seen lately: the camera's clock offset plus transport. Lag is measured
   * above it, so a camera whose clock is off from the server's is not dropped whole; it creeps up 1 ms per frame so
   * it follows clock drift, while a growing queue backlog (much faster) still shows as lag.
   */
  private baseDelay: number | null = null;
  private prevThumb: Thumb | undefined;
  /** The pixels of the frame between content() and gate(), released there when the frame is skipped. */
  private pixels: Uint8Array | undefined;
  private lastAnalysedAt: number | null = null;

  constructor(
    private readonly keeper: GateStatsKeeper,
    private readonly options: IntakeOptions,
    private readonly zone: Zone | undefined,
  ) {}

  /** Checks a frame's timestamp; 'reset' means the caller must end every open pass and call restart(). */
  timestamp(atMs: number, nowMs: number): Intake {
    const c = this.keeper.counters;
    c.frames++;
    if (!Number.isFinite(atMs)) {
      c.outOfOrder++;
      return { kind: 'drop' };
    }
    const delay = nowMs - atMs;
    this.baseDelay = this.baseDelay === null ? delay : Math.min(delay, this.baseDelay + 1);
    if (delay - this.baseDelay > this.options.maxLagMs) {
      c.dropped++;
      return { kind: 'drop' };
    }
    if (this.lastTs !== null && atMs <= this.lastTs) {
      if (atMs === this.lastTs) {
        c.duplicates++;
        return { kind: 'drop' };
      }
      c.outOfOrder++;
      if (++this.backwardsRun < this.options.resyncFrames && this.lastTs - atMs <= this.options.resyncBackMs) return { kind: 'drop' };
      return { kind: 'reset' };
    }
    return { kind: 'analyse' };
  }

  restart(): void {
    this.lastTs = null;
    this.baseDelay = null;
    this.prevThumb = undefined;
    this.lastAnalysedAt = null;
    this.keeper.timelineReset();
  }

  /** After the timestamp checks: repeated content, then the motion gate (`passOpen`: a track is open after expiry). */
  content(image: RgbImage, atMs: number, nowMs: number): { repeated: boolean; motion: boolean } {
    this.backwardsRun = 0;
    const thumb = lumaThumb(image, this.zone);
    const repeated = sameThumb(this.prevThumb, thumb);
    const motion = hasMotion(this.prevThumb, thumb);
    this.prevThumb = thumb;
    this.lastTs = atMs;
    this.lastArrival = nowMs;
    if (repeated) {
      this.keeper.counters.duplicates++;
      // The pipeline returns on a repeat: nobody reads these pixels again, the camera may reuse the buffer.
      releaseFrame(image.data);
    } else {
      this.keeper.frameAccepted(atMs);
      this.pixels = image.data;
    }
    return { repeated, motion };
  }

  gate(atMs: number, motion: boolean, passOpen: boolean): boolean {
    const decision = shouldAnalyse({ passOpen, motion, atMs, lastAnalysedAtMs: this.lastAnalysedAt, keepAliveMs: this.options.keepAliveMs });
    const pixels = this.pixels;
    this.pixels = undefined;
    if (!decision.analyse) {
      this.keeper.counters.skippedNoMotion++;
      // A skipped frame is not kept (the pipeline returns): its buffer goes back to the camera for a later frame.
      if (pixels) releaseFrame(pixels);
      return false;
    }
    this.keeper.counters.analysed++;
    this.lastAnalysedAt = atMs;
    return true;
  }
}
