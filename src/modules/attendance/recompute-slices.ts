/** How recomputations are cut into short slices so the embedded database never holds the event loop for long. */

/** What a recomputation did; the slicer reports running totals with it. */
export interface RecomputeStats {
  personDays: number;
  changed: number;
  published: number;
  /** Person-days asked for but never judged: before the unit's attendance go-live (issue 11, F4). */
  skippedBeforeGoLive?: number;
  /** Milliseconds spent loading inputs, computing, writing and publishing (for benchmarks and logs). */
  ms?: { load: number; compute: number; write: number; publish: number };
}

const PERSON_CHUNK = 500;
/**
 * Most person-days computed in one slice (one round of queries and one write transaction). PGlite runs in the
 * event-loop thread, so a slice must stay short (tens of milliseconds): between slices the loop serves requests
 * and drains the ffmpeg pipes of the cameras (F4: one 6-month recompute froze the server for 5.5 minutes).
 */
export const SLICE_PERSON_DAYS = 120;

export interface RecomputeOptions {
  /** Checked between slices: an aborted run stops at the next slice boundary (server stop, cancelled job). */
  signal?: AbortSignal;
  /** Called after every slice with the totals so far (job progress). */
  onSlice?: (totals: RecomputeStats) => void | Promise<void>;
}

export class RecomputeAborted extends Error {
  constructor() {
    super('recompute stopped before its end');
    this.name = 'RecomputeAborted';
  }
}

/** Persons grouped so that each group holds at most `maxPersonDays` person-days (a person is never split). */
export function slicesOf(personIds: readonly string[], daysOf: (id: string) => number, maxPersonDays = SLICE_PERSON_DAYS): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let n = 0;
  for (const id of personIds) {
    const d = daysOf(id);
    if (cur.length > 0 && (n + d > maxPersonDays || cur.length >= PERSON_CHUNK)) {
      out.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(id);
    n += d;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
