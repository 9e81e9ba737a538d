import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../platform/observability/logger';
import { isDatabaseUnavailable } from '../../platform/db/unavailable';
import type { Db } from '../../platform/ports/db';
import type { ClosedSegment } from '../../platform/ports/video';
import type { SegmentSink } from '../cameras';

export interface SegmentRow {
  id: number;
  camera_id: string;
  started_at: Date;
  ended_at: Date;
  path: string;
  bytes: number;
}

export interface GapRow {
  id: number;
  camera_id: string;
  started_at: Date;
  ended_at: Date | null;
  reason: string;
}

/** A hole between two segments shorter than this is jitter, not a gap. */
export const GAP_TOLERANCE_MS = 1500;

/** Reason of a gap found between two segments (the server, or its recorder, was not running in between). */
export const GAP_NOT_RECORDING = 'không ghi hình (máy chủ hoặc trình ghi hình đã dừng) / no recording (server or recorder stopped)';

/** Waits between attempts while the database is unavailable: doubling from the first to the last. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/**
 * Indexes closed segments and records gaps. Recording never waits for the database: ffmpeg keeps writing files to
 * the camera's `incoming/` directory, and each finished file is indexed in three steps that survive a crash at any
 * point:
 * 1. hard-link it to `<camera>/<YYYY-MM-DD>/<start ms>_<name>` (the row's path);
 * 2. insert its row (and open/close gaps) in one transaction — skipped when a row with that path exists already;
 * 3. remove it from `incoming/`.
 * A file still in `incoming/` is therefore not indexed yet (or not known to be): at start-up the camera runtime
 * hands every such file back here (see CameraRuntime.startAll), and step 2 makes that idempotent.
 *
 * While the database is unavailable, step 2 is retried with backoff (1 s doubling to 30 s) until it works; the
 * camera runtime calls in order per camera, so later segments wait behind it and are indexed in order when the
 * database returns — footage written meanwhile is neither lost nor reported as a gap. After `close()` (shutdown)
 * there is one attempt and no retry: what is left stays in `incoming/` for the next start.
 */
export class SegmentIndexer implements SegmentSink {
  private closed = false;
  private readonly wakeups = new Set<() => void>();
  private waitingSince: number | undefined;

  constructor(
    private readonly db: Db,
    private readonly root: string,
    private readonly log?: Logger,
  ) {}

  /** Stops retrying: calls in progress give up after their current attempt. */
  close(): void {
    this.closed = true;
    for (const wake of this.wakeups) wake();
    this.wakeups.clear();
  }

  async segmentClosed(cameraId: string, seg: ClosedSegment): Promise<void> {
    const day = seg.startedAt.toISOString().slice(0, 10);
    const rel = path.posix.join(cameraId, day, `${seg.startedAt.getTime()}_${path.basename(seg.file)}`);
    const target = path.join(this.root, rel);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await linkInto(seg.file, target);
    await this.whileUnavailable(cameraId, () => this.insert(cameraId, seg, rel));
    await fs.promises.rm(seg.file, { force: true });
  }

  private async insert(cameraId: string, seg: ClosedSegment, rel: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Indexed already: a crash (or a lost COMMIT acknowledgement) came between step 2 and step 3.
      if ((await tx.query('SELECT 1 FROM recording_segments WHERE path = $1', [rel])).length > 0) return;
      const open = await tx.query<GapRow>(
        'SELECT * FROM recording_gaps WHERE camera_id = $1 AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1',
        [cameraId],
      );
      const gap = open[0];
      if (gap) {
        const end = seg.startedAt > gap.started_at ? seg.startedAt : gap.started_at;
        await tx.query('UPDATE recording_gaps SET ended_at = $2 WHERE id = $1', [gap.id, end.toISOString()]);
      } else {
        const prev = await tx.query<{ ended_at: Date }>(
          'SELECT ended_at FROM recording_segments WHERE camera_id = $1 AND started_at < $2 ORDER BY started_at DESC LIMIT 1',
          [cameraId, seg.startedAt.toISOString()],
        );
        const prevEnd = prev[0]?.ended_at;
        if (prevEnd && seg.startedAt.getTime() - prevEnd.getTime() > GAP_TOLERANCE_MS)
          await tx.query('INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason) VALUES ($1,$2,$3,$4)', [
            cameraId,
            prevEnd.toISOString(),
            seg.startedAt.toISOString(),
            GAP_NOT_RECORDING,
          ]);
      }
      await tx.query(
        'INSERT INTO recording_segments (camera_id, started_at, ended_at, path, bytes) VALUES ($1,$2,$3,$4,$5)',
        [cameraId, seg.startedAt.toISOString(), seg.endedAt.toISOString(), rel, seg.bytes],
      );
    });
  }

  async cameraDown(cameraId: string, at: Date, reason: string): Promise<void> {
    await this.whileUnavailable(cameraId, () =>
      this.db.transaction(async (tx) => {
        const open = await tx.query('SELECT id FROM recording_gaps WHERE camera_id = $1 AND ended_at IS NULL', [cameraId]);
        if (open.length > 0) return;
        const last = await tx.query<{ ended_at: Date }>(
          'SELECT ended_at FROM recording_segments WHERE camera_id = $1 ORDER BY started_at DESC LIMIT 1',
          [cameraId],
        );
        const start = last[0]?.ended_at && last[0].ended_at < at ? last[0].ended_at : at;
        await tx.query('INSERT INTO recording_gaps (camera_id, started_at, reason) VALUES ($1,$2,$3)', [
          cameraId,
          start.toISOString(),
          reason.slice(0, 500),
        ]);
      }),
    );
    this.log?.info({ cameraId, reason }, 'recording gap opened');
  }

  /** Runs `work`, retrying with backoff as long as the database is unavailable and the indexer is open. */
  private async whileUnavailable(cameraId: string, work: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await work();
        if (this.waitingSince !== undefined) {
          this.log?.info({ cameraId, waitedMs: Date.now() - this.waitingSince }, 'database back: indexing recorded segments again');
          this.waitingSince = undefined;
        }
        return;
      } catch (err) {
        if (!isDatabaseUnavailable(err) || this.closed) throw err;
        if (this.waitingSince === undefined) {
          this.waitingSince = Date.now();
          this.log?.warn({ err, cameraId }, 'database unavailable: recording goes on, segments are indexed when it returns');
        }
        await this.pause(Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.min(attempt, 10)));
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeups.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeups.add(wake);
    });
  }
}

/**
 * Hard-links `file` to `target`, replacing a target left by an earlier attempt; copies where the file system has
 * no hard links.
 */
async function linkInto(file: string, target: string): Promise<void> {
  try {
    await fs.promises.link(file, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await fs.promises.rm(target, { force: true });
      return linkInto(file, target);
    }
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'EMLINK') return fs.promises.copyFile(file, target);
    throw err;
  }
}

export function segmentFile(root: string, row: Pick<SegmentRow, 'path'>): string {
  return path.join(root, row.path);
}

export async function segmentsInRange(db: Db, cameraId: string, from: Date, to: Date): Promise<SegmentRow[]> {
  return db.query<SegmentRow>(
    `SELECT * FROM recording_segments WHERE camera_id = $1 AND ended_at > $2 AND started_at < $3 ORDER BY started_at`,
    [cameraId, from.toISOString(), to.toISOString()],
  );
}

export async function gapsInRange(db: Db, cameraId: string, from: Date, to: Date): Promise<GapRow[]> {
  return db.query<GapRow>(
    `SELECT * FROM recording_gaps WHERE camera_id = $1 AND (ended_at IS NULL OR ended_at > $2) AND started_at < $3 ORDER BY started_at`,
    [cameraId, from.toISOString(), to.toISOString()],
  );
}
