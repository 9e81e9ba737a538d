import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../platform/observability/logger';
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

/**
 * Indexes closed segments and records gaps. A finished file is moved from the camera's `incoming/` directory to
 * `<camera>/<YYYY-MM-DD>/` and gets one row; an outage opens a gap at the end of the last segment, and the next
 * segment closes it.
 */
export class SegmentIndexer implements SegmentSink {
  constructor(
    private readonly db: Db,
    private readonly root: string,
    private readonly log?: Logger,
  ) {}

  async segmentClosed(cameraId: string, seg: ClosedSegment): Promise<void> {
    const day = seg.startedAt.toISOString().slice(0, 10);
    const rel = path.posix.join(cameraId, day, `${seg.startedAt.getTime()}_${path.basename(seg.file)}`);
    const target = path.join(this.root, rel);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(seg.file, target);
    await this.db.transaction(async (tx) => {
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
            'no recording (server or camera stopped)',
          ]);
      }
      await tx.query(
        'INSERT INTO recording_segments (camera_id, started_at, ended_at, path, bytes) VALUES ($1,$2,$3,$4,$5)',
        [cameraId, seg.startedAt.toISOString(), seg.endedAt.toISOString(), rel, seg.bytes],
      );
    });
  }

  async cameraDown(cameraId: string, at: Date, reason: string): Promise<void> {
    await this.db.transaction(async (tx) => {
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
    });
    this.log?.info({ cameraId, reason }, 'recording gap opened');
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
