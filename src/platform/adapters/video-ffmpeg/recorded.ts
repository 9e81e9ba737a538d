import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { ClipRequest, ClipResult, MaskPolygon, SegmentRef, SnapshotRequest } from '../../ports/video';
import { maskPam } from './mask-image';
import { type FfmpegTools, run } from './run';
import { spawnTied } from './tied-spawn';

/** Keyframe times of one recorded segment, in seconds from its start (packet flags only: nothing is decoded). */
export async function keyframes(tools: FfmpegTools, file: string): Promise<number[]> {
  const r = await run(
    tools.ffprobe,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', file],
    { timeoutMs: 30_000 },
  );
  if (r.code !== 0) throw new Error(`ffprobe failed on ${path.basename(file)}: ${r.stderr.trim().slice(-300)}`);
  return r.stdout
    .toString('utf8')
    .split('\n')
    .map((l) => l.split(','))
    .filter((p) => p[1]?.includes('K'))
    .map((p) => Number(p[0]))
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => a - b);
}

export interface ConcatPlan {
  listText: string;
  /** Camera time of the clip's first frame (a keyframe). */
  actualFrom: Date;
  segments: SegmentRef[];
}

/**
 * Picks the segments that overlap [from, to] and writes an ffmpeg concat list. The first entry starts at the last
 * keyframe at or before `from` (stream copy can only start there), the last one stops at `to`.
 */
export async function planConcat(tools: FfmpegTools, all: SegmentRef[], from: Date, to: Date): Promise<ConcatPlan> {
  const segments = all
    .filter((s) => s.endedAt > from && s.startedAt < to)
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const first = segments[0];
  const last = segments[segments.length - 1];
  if (!first || !last) throw new Error('no recorded footage in the requested range');
  const wantOffset = (from.getTime() - first.startedAt.getTime()) / 1000;
  let inpoint = 0;
  if (wantOffset > 0) {
    const keys = await keyframes(tools, first.file);
    for (const k of keys) if (k <= wantOffset + 1e-6) inpoint = k;
  }
  const quote = (f: string) => `'${f.replace(/'/g, "'\\''")}'`;
  const lines: string[] = ['ffconcat version 1.0'];
  for (const s of segments) {
    lines.push(`file ${quote(s.file)}`);
    if (s === first && inpoint > 0) lines.push(`inpoint ${inpoint.toFixed(6)}`);
    if (s === last && to < s.endedAt) lines.push(`outpoint ${((to.getTime() - s.startedAt.getTime()) / 1000).toFixed(6)}`);
  }
  return {
    listText: `${lines.join('\n')}\n`,
    actualFrom: new Date(first.startedAt.getTime() + Math.round(inpoint * 1000)),
    segments,
  };
}

async function withTemp<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'kc-video-'));
  try {
    return await fn(dir);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

function maskFilter(height?: number): string {
  const scale = height ? `scale=-2:'min(${height},ih)',` : '';
  return `[0:v]${scale}null[v];[1:v][v]scale2ref[m][v2];[v2][m]overlay=0:0:format=auto,format=yuv420p[out]`;
}

/** Duration (s) and frame count of a finished MP4. */
export async function probeFile(tools: FfmpegTools, file: string): Promise<{ duration: number; frames: number }> {
  const r = await run(
    tools.ffprobe,
    // nb_frames comes from the MP4 sample table: no need to read the whole file.
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=nb_frames:format=duration', '-of', 'json', file],
    { timeoutMs: 60_000 },
  );
  if (r.code !== 0) throw new Error(`ffprobe failed: ${r.stderr.trim().slice(-300)}`);
  const j = JSON.parse(r.stdout.toString('utf8')) as { streams?: Array<{ nb_frames?: string }>; format?: { duration?: string } };
  return { duration: Number(j.format?.duration ?? 0), frames: Number(j.streams?.[0]?.nb_frames ?? 0) };
}

export async function cutClip(tools: FfmpegTools, req: ClipRequest): Promise<ClipResult> {
  return withTemp(async (dir) => {
    const plan = await planConcat(tools, req.segments, req.from, req.to);
    const list = path.join(dir, 'list.ffconcat');
    await fs.promises.writeFile(list, plan.listText);
    const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', list];
    const masked = (req.masks?.length ?? 0) > 0;
    if (masked) {
      const mask = path.join(dir, 'mask.pam');
      await fs.promises.writeFile(mask, maskPam(req.masks as MaskPolygon[]));
      args.push('-i', mask, '-filter_complex', maskFilter(), '-map', '[out]', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23');
    } else args.push('-map', '0:v:0', '-c', 'copy');
    args.push('-movflags', '+faststart', '-y', req.outFile);
    const r = await run(tools.ffmpeg, args, { timeoutMs: 30 * 60_000 });
    if (r.code !== 0) throw new Error(`clip export failed: ${r.stderr.trim().slice(-400)}`);
    const probe = await probeFile(tools, req.outFile);
    const bytes = (await fs.promises.stat(req.outFile)).size;
    return {
      actualFrom: plan.actualFrom,
      actualTo: new Date(plan.actualFrom.getTime() + Math.round(probe.duration * 1000)),
      durationSeconds: probe.duration,
      frames: probe.frames,
      bytes,
      reencoded: masked,
    };
  });
}

/** The decoded picture shown at `at` (the first frame whose time is at or after it), as JPEG or PNG. */
export async function snapshot(tools: FfmpegTools, req: SnapshotRequest): Promise<Buffer> {
  const offset = Math.max(0, (req.at.getTime() - req.segment.startedAt.getTime()) / 1000);
  return withTemp(async (dir) => {
    const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-ss', offset.toFixed(6), '-i', req.segment.file];
    if (req.masks?.length) {
      const mask = path.join(dir, 'mask.pam');
      await fs.promises.writeFile(mask, maskPam(req.masks));
      args.push('-i', mask, '-filter_complex', maskFilter(), '-map', '[out]');
    }
    args.push('-frames:v', '1');
    if (req.format === 'png') args.push('-c:v', 'png', '-f', 'image2pipe', 'pipe:1');
    else args.push('-c:v', 'mjpeg', '-q:v', '3', '-f', 'image2pipe', 'pipe:1');
    const r = await run(tools.ffmpeg, args, { timeoutMs: 60_000 });
    if (r.code !== 0 || r.stdout.length === 0) throw new Error(`snapshot failed: ${r.stderr.trim().slice(-300) || 'no frame at that time'}`);
    return r.stdout;
  });
}

/** Recorded footage as one continuous fragmented MP4 on a stream, for a `<video>` element (no file written). */
export function playbackStream(tools: FfmpegTools, req: Omit<ClipRequest, 'outFile'>): { stream: NodeJS.ReadableStream; mime: string; cancel(): void } {
  const out = new PassThrough();
  let child: ReturnType<typeof spawnTied> | undefined;
  let cancelled = false;
  void withTemp(async (dir) => {
    const plan = await planConcat(tools, req.segments, req.from, req.to);
    const list = path.join(dir, 'list.ffconcat');
    await fs.promises.writeFile(list, plan.listText);
    const args = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', list];
    if (req.masks?.length) {
      const mask = path.join(dir, 'mask.pam');
      await fs.promises.writeFile(mask, maskPam(req.masks));
      args.push('-i', mask, '-filter_complex', maskFilter(480), '-map', '[out]', '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25');
    } else args.push('-map', '0:v:0', '-c', 'copy');
    args.push('-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4', 'pipe:1');
    if (cancelled) return;
    const proc = spawnTied(tools.ffmpeg, args, { stdio: ['ignore', 'pipe', 'ignore'] }, 'SIGKILL');
    child = proc;
    proc.stdout?.pipe(out);
    await new Promise<void>((resolve) => proc.on('close', () => resolve()));
  }).catch((err: Error) => out.destroy(err));
  return {
    stream: out,
    mime: 'video/mp4',
    cancel: () => {
      cancelled = true;
      child?.kill('SIGKILL');
    },
  };
}
