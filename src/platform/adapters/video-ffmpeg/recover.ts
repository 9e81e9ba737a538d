import fs from 'node:fs';
import path from 'node:path';
import type { ClosedSegment } from '../../ports/video';
import { readJournal, SEGMENT_NAME, journalFile, segmentName, segmentTimes } from './journal';
import { run } from './run';

/**
 * The segments a previous run left in `segmentDir` (a crash, a kill, a shutdown while the database was down), in
 * recording order, with their times; call it before a new ingest process writes there.
 *
 * - A file ffmpeg had finished and listed gets the times from the run's journal, exactly as it would have had.
 * - The file being written when the process died: segments are fragmented MP4, so everything up to the last
 *   complete fragment (about one second) is playable. It starts where the previous segment of its run ended (or at
 *   the run's anchor for the first one) and lasts what ffprobe reads from it.
 * - A file with no complete fragment (empty, header only) holds no footage: it is deleted.
 * - Files of a run without a journal (written before journals existed): end = the file's last write, start = end −
 *   its duration.
 */
export async function recoverSegments(ffprobe: string, segmentDir: string): Promise<ClosedSegment[]> {
  const names = await fs.promises.readdir(segmentDir).catch(() => [] as string[]);
  const byRun = new Map<string, Array<{ name: string; index: number }>>();
  for (const name of names) {
    const m = SEGMENT_NAME.exec(name);
    if (!m?.[1] || !m[2]) continue;
    const list = byRun.get(m[1]) ?? [];
    list.push({ name, index: Number(m[2]) });
    byRun.set(m[1], list);
  }
  const out: ClosedSegment[] = [];
  for (const runId of [...byRun.keys()].sort()) {
    const journal = readJournal(journalFile(segmentDir, runId));
    const files = (byRun.get(runId) ?? []).sort((a, b) => a.index - b.index);
    for (const { name, index } of files) {
      const file = path.join(segmentDir, name);
      const stat = await fs.promises.stat(file).catch(() => undefined);
      if (!stat) continue;
      const listed = journal.segments.get(name);
      if (listed && journal.anchor !== undefined) {
        out.push({ file, ...segmentTimes(journal.anchor, listed.start, listed.end), bytes: stat.size });
        continue;
      }
      const duration = stat.size > 0 ? await probeDuration(ffprobe, file) : undefined;
      if (!duration) {
        await fs.promises.rm(file, { force: true });
        continue;
      }
      const previous = index === 0 ? { end: 0 } : journal.segments.get(segmentName(runId, index - 1));
      if (journal.anchor !== undefined && previous) {
        out.push({ file, ...segmentTimes(journal.anchor, previous.end, previous.end + duration), bytes: stat.size });
      } else {
        out.push({ file, startedAt: new Date(Math.round(stat.mtimeMs - duration * 1000)), endedAt: new Date(Math.round(stat.mtimeMs)), bytes: stat.size });
      }
    }
  }
  return out;
}

/** Seconds of media ffprobe can read from the file; undefined when it holds none. */
async function probeDuration(ffprobe: string, file: string): Promise<number | undefined> {
  const r = await run(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file], { timeoutMs: 30_000 }).catch(
    () => undefined,
  );
  const seconds = r?.code === 0 ? Number(r.stdout.toString('utf8').trim()) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
