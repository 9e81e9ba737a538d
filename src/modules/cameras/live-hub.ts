/**
 * Fan-out of one live fMP4 stream to any number of viewers. Keeps the init segment and the fragments since the
 * last keyframe, so a viewer who joins late starts decoding at once instead of waiting for the next keyframe.
 */
export interface LiveViewer {
  /** A new init segment: the viewer must reset its decoder (first join, or the camera reconnected). */
  init(init: Buffer, mime: string): void;
  fragment(fragment: Buffer): void;
  /** Bytes queued on the viewer's socket; above the limit the viewer skips to the next keyframe. */
  backlog(): number;
}

const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;
const MAX_GOP_BYTES = 8 * 1024 * 1024;

export class LiveHub {
  private initSegment: { data: Buffer; mime: string } | undefined;
  private gop: Buffer[] = [];
  private gopBytes = 0;
  private readonly viewers = new Map<LiveViewer, { waitingForKey: boolean }>();
  /** Called when the last viewer leaves (on-demand relays stop then). */
  onIdle?: () => void;

  get viewerCount(): number {
    return this.viewers.size;
  }

  get mime(): string | undefined {
    return this.initSegment?.mime;
  }

  setInit(init: Buffer, mime: string): void {
    this.initSegment = { data: init, mime };
    this.gop = [];
    this.gopBytes = 0;
    for (const [viewer, st] of this.viewers) {
      st.waitingForKey = true;
      safe(() => viewer.init(init, mime));
    }
  }

  pushFragment(fragment: Buffer, keyframe: boolean): void {
    if (keyframe) {
      this.gop = [];
      this.gopBytes = 0;
    }
    if (this.gopBytes + fragment.length <= MAX_GOP_BYTES) {
      this.gop.push(fragment);
      this.gopBytes += fragment.length;
    }
    for (const [viewer, st] of this.viewers) {
      if (st.waitingForKey && !keyframe) continue;
      if (viewer.backlog() > MAX_BACKLOG_BYTES) {
        // A slow viewer drops to the next keyframe rather than growing memory or delaying everyone.
        st.waitingForKey = true;
        continue;
      }
      st.waitingForKey = false;
      safe(() => viewer.fragment(fragment));
    }
  }

  add(viewer: LiveViewer): () => void {
    const st = { waitingForKey: true };
    this.viewers.set(viewer, st);
    if (this.initSegment) {
      safe(() => viewer.init((this.initSegment as { data: Buffer }).data, (this.initSegment as { mime: string }).mime));
      if (this.gop.length > 0) {
        st.waitingForKey = false;
        for (const f of this.gop) safe(() => viewer.fragment(f));
      }
    }
    return () => {
      if (!this.viewers.delete(viewer)) return;
      if (this.viewers.size === 0) this.onIdle?.();
    };
  }
}

function safe(fn: () => void): void {
  try {
    fn();
  } catch {
    // A viewer whose socket broke is removed by its own close handler.
  }
}
