import fs from 'node:fs';
import path from 'node:path';

/**
 * Per-run journal next to the segments (`incoming/<runId>.journal`): the run's time anchor (wall clock of its first
 * packet, seconds) and every finished segment as ffmpeg listed it (`seg,<name>,<start>,<end>`, seconds from the
 * anchor). It is what lets a restart index the files a crash left in `incoming/` with the times they would have
 * had: the listed ones exactly, the one being written from where the previous one ended plus its own duration.
 */
export interface Journal {
  anchor?: number;
  segments: Map<string, { start: number; end: number }>;
}

export const JOURNAL_SUFFIX = '.journal';
/** `<runId>_<index>.mp4`, as ingestArgs names segments. */
export const SEGMENT_NAME = /^(\d+)_(\d{6})\.mp4$/;

export function journalFile(segmentDir: string, runId: string): string {
  return path.join(segmentDir, `${runId}${JOURNAL_SUFFIX}`);
}

/** Appends one line synchronously: it must be on disk (page cache) before the segment is reported. */
export function appendJournal(file: string, line: string): void {
  fs.appendFileSync(file, `${line}\n`);
}

export function readJournal(file: string): Journal {
  const journal: Journal = { segments: new Map() };
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return journal;
  }
  for (const line of text.split('\n')) {
    const parts = line.split(',');
    if (parts[0] === 'anchor' && parts[1]) journal.anchor = Number(parts[1]);
    else if (parts[0] === 'seg' && parts[1] && parts[2] && parts[3]) {
      const start = Number(parts[2]);
      const end = Number(parts[3]);
      if (Number.isFinite(start) && Number.isFinite(end)) journal.segments.set(parts[1], { start, end });
    }
  }
  return journal;
}

/** Segment times from the run's anchor and ffmpeg's offsets, rounded the same way wherever they are computed. */
export function segmentTimes(anchor: number, start: number, end: number): { startedAt: Date; endedAt: Date } {
  return { startedAt: new Date(Math.round((anchor + start) * 1000)), endedAt: new Date(Math.round((anchor + end) * 1000)) };
}

/** Segment file name of `index` in a run. */
export function segmentName(runId: string, index: number): string {
  return `${runId}_${String(index).padStart(6, '0')}.mp4`;
}

/** Removes the journals of other runs that have no segment left in the directory. Best effort. */
export async function pruneJournals(segmentDir: string, keepRunId: string): Promise<void> {
  const names = await fs.promises.readdir(segmentDir).catch(() => [] as string[]);
  const runsWithFiles = new Set(names.map((n) => SEGMENT_NAME.exec(n)?.[1]).filter((r): r is string => !!r));
  for (const n of names) {
    if (!n.endsWith(JOURNAL_SUFFIX)) continue;
    const runId = n.slice(0, -JOURNAL_SUFFIX.length);
    if (runId !== keepRunId && !runsWithFiles.has(runId)) await fs.promises.rm(path.join(segmentDir, n), { force: true });
  }
}
