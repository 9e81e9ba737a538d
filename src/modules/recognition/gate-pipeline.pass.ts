import type { DetectedFace, FaceBox, RgbImage } from '../../platform/ports/face-engine';
import { normalize } from '../../platform/image/embedding';
import type { FrameCandidates } from './domain/decide-pass';
import type { EarlyCheck, EarlyRule } from './domain/early-decision';
import type { Described } from './domain/match';
import type { RecentPass } from './domain/pass-merge';

/** One analysed face of a track. */
export interface FramePayload {
  candidates: FrameCandidates;
  described: Described;
  frame: RgbImage;
  box: FaceBox;
  face: DetectedFace;
  atMs: number;
}

/** A pass as the gate remembers it after writing its row: the fold rules' view plus what refining the row needs. */
export interface WrittenPass extends RecentPass {
  frames: number;
  fragments: number;
  snapshotKey?: string;
}

/** One analysed frame of an undecided pass and what the early rules said of it (bench/gate.bench.ts prints these). */
export interface FrameTrace {
  /** Camera time of the frame. */
  atMs: number;
  /** Wall time (deps.now) when the gate began handling it: atMs → arrivedMs is ingest and queueing, not the gate. */
  arrivedMs: number;
  top: EarlyCheck['top'];
  /** How masked the face looked (at or above the engine's `masked` threshold the masked bar applies) and its width. */
  maskedness: number;
  faceWidth: number;
  /** The pass-so-far verdict ('AUTO' or what held it back) and the frames that alone clear the bar. */
  soFar: string;
  clearFrames: number;
  rule?: EarlyRule;
}

/** How a pass was decided: the rule, the camera time that triggered it and, for a punch, when it was stored. */
export interface DecisionTrace {
  path: EarlyRule | 'track-end' | 'longest-pass';
  /** Camera time of the pass's first frame and of the frame (or frame-time instant) that triggered the decision. */
  firstMs: number;
  lastFrameMs: number;
  triggerMs: number;
  /** Wall time when the gate began handling the triggering frame (or flush), and when the punch or row was stored. */
  triggerArrivedMs: number;
  storedMs?: number;
  /**
   * CPU time of the whole server process from the triggering frame's handling to the store: the processing cost a
   * loaded host does not inflate (other work of the process in that interval, e.g. other cameras, is included).
   */
  cpuMs?: number;
  frames: FrameTrace[];
}

/** CPU time of the whole process (worker threads included), µs: on a loaded host it grows only with this process's work. */
export function cpuUs(): number {
  const c = process.cpuUsage();
  return c.user + c.system;
}

export type DecisionHow = Pick<DecisionTrace, 'path' | 'triggerMs' | 'triggerArrivedMs'>;

/** Frame traces kept per pass (the first ones matter: they say why the punch did not come sooner). */
const KEPT_TRACE = 40;

/**
 * Images kept per track: the largest faces (snapshot, liveness, enrollment samples). A person standing at the gate for
 * a minute at 5 fps would otherwise hold 300 frames of 2.7 MB each.
 */
const KEPT_IMAGES = 12;
/** Per-frame scores kept for the decision (small; bounded all the same). */
const KEPT_CANDIDATES = 300;

/** What the gate accumulates for one open track. */
export class PassState {
  readonly candidates: FrameCandidates[] = [];
  readonly kept: FramePayload[] = [];
  readonly trace: FrameTrace[] = [];
  firstMs: number;
  lastMs: number;
  frames = 0;
  /** Frames already counted into `pass` (the written row). */
  counted = 0;
  /** The row this track feeds, once decided (its own, or an earlier pass it was folded into). */
  pass?: WrittenPass;
  /** Folded into an earlier pass as a repeat within the debounce window (the row is not touched). */
  debounced = false;
  /** This track wrote the row (its score, liveness and probe are refined from this track at its end). */
  owner = false;
  private sumFull?: Float32Array;
  private sumUpper?: Float32Array;
  private sumMaskedness = 0;

  constructor(first: FramePayload) {
    this.firstMs = first.atMs;
    this.lastMs = first.atMs;
    this.add(first);
  }

  add(p: FramePayload): void {
    this.frames++;
    this.lastMs = Math.max(this.lastMs, p.atMs);
    this.candidates.push(p.candidates);
    if (this.candidates.length > KEPT_CANDIDATES) this.candidates.splice(1, 1);
    this.kept.push(p);
    if (this.kept.length > KEPT_IMAGES) {
      // Drop the smallest face except the first and the newest: time spread for liveness, size for the snapshot.
      let drop = 1;
      for (let i = 2; i < this.kept.length - 1; i++) if ((this.kept[i] as FramePayload).box.width < (this.kept[drop] as FramePayload).box.width) drop = i;
      this.kept.splice(drop, 1);
    }
    const d = p.described;
    if (!this.sumFull || !this.sumUpper) {
      this.sumFull = new Float32Array(d.full);
      this.sumUpper = new Float32Array(d.upper);
    } else {
      for (let i = 0; i < this.sumFull.length; i++) this.sumFull[i] = (this.sumFull[i] as number) + (d.full[i] as number);
      for (let i = 0; i < this.sumUpper.length; i++) this.sumUpper[i] = (this.sumUpper[i] as number) + (d.upper[i] as number);
    }
    this.sumMaskedness += d.maskedness;
  }

  /** Records what the early rules said of the newest frame. */
  note(arrivedMs: number, check: EarlyCheck): void {
    if (this.trace.length >= KEPT_TRACE) return;
    const { top, soFar, clearFrames, rule } = check;
    const last = this.candidates[this.candidates.length - 1];
    const face = { maskedness: last?.maskedness ?? 0, faceWidth: last?.faceWidth ?? 0 };
    this.trace.push({ atMs: this.lastMs, arrivedMs, top, ...face, soFar, clearFrames, ...(rule ? { rule } : {}) });
  }

  decision(how: DecisionHow): DecisionTrace {
    return { ...how, firstMs: this.firstMs, lastFrameMs: this.lastMs, frames: this.trace };
  }

  /** The pass' mean description (unit-length vectors). */
  mean(): Described {
    return {
      full: normalize(new Float32Array(this.sumFull as Float32Array)),
      upper: normalize(new Float32Array(this.sumUpper as Float32Array)),
      maskedness: this.sumMaskedness / this.frames,
    };
  }

  /** The frame with the largest face: the best evidence a reviewer can look at. */
  best(): FramePayload {
    return this.kept.reduce((a, b) => (b.box.width > a.box.width ? b : a));
  }

  /** Frames not yet counted into the written row (and marks them counted). */
  takeUncounted(): number {
    const n = this.frames - this.counted;
    this.counted = this.frames;
    return n;
  }
}
