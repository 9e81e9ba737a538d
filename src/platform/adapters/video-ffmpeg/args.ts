import path from 'node:path';
import type { StreamSource } from '../../ports/video';
import { sourceUrl } from './redact';
import { RTSP_INPUT } from './run';

/**
 * Input options for a source. `demo:` sources are local files looped in real time (`-stream_loop -1 -re`), the
 * fallback the embedded demo uses when the GStreamer RTSP server is not installed.
 */
export function inputArgs(source: StreamSource): string[] {
  if (source.url.startsWith('demo:')) {
    return ['-re', '-stream_loop', '-1', '-use_wallclock_as_timestamps', '1', '-i', source.url.slice('demo:'.length)];
  }
  return [
    ...RTSP_INPUT,
    // Camera time = the wall clock when each packet arrived; segment start/end and gaps are measured on it.
    '-use_wallclock_as_timestamps',
    '1',
    '-fflags',
    '+genpts+discardcorrupt',
    '-i',
    sourceUrl(source),
  ];
}

/** Fragmented MP4 for MSE: a new fragment at every keyframe and at least every 200 ms, flushed at once. */
export const LIVE_FMP4 = [
  '-f',
  'mp4',
  '-movflags',
  'frag_keyframe+empty_moov+default_base_moof',
  '-frag_duration',
  '200000',
  '-flush_packets',
  '1',
  'pipe:1',
];

/**
 * Decoding for analysis without delay (issue 14: frames reached the gate ≈ 450 ms late, a 1 fps camera's ≈ 4 s).
 * The decoder's default frame threading holds one frame per extra thread before the first comes out (three threads on
 * two cores: two frames, two whole seconds at 1 fps); slice threading adds no delay (and still uses the cores when the
 * camera sends several slices). Input options: only the analysis output decodes, the recording is a stream copy.
 */
export const LOW_DELAY_DECODE = ['-thread_type', 'slice'];

/**
 * One process, one RTSP connection, three outputs: recording segments (stream copy), live fMP4 on stdout (stream
 * copy), and optionally decoded RGB frames for analysis, on fd 3 or into `frames.output` (a FIFO, see frame-fifo.ts).
 * The segment muxer reports each finished file on fd 4 as CSV `name,start,end` (seconds from the first packet).
 */
export function ingestArgs(opts: {
  source: StreamSource;
  segmentDir: string;
  segmentSeconds: number;
  runId: string;
  frames?: { fps: number; width: number; height: number; output?: string };
}): string[] {
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info'];
  // The FIFO exists already (we made it): -y lets ffmpeg open it instead of refusing to overwrite a file.
  if (opts.frames?.output) args.push('-y');
  if (opts.frames) args.push(...LOW_DELAY_DECODE);
  args.push(...inputArgs(opts.source));
  args.push(
    '-map',
    '0:v:0',
    '-c',
    'copy',
    '-f',
    'segment',
    '-segment_time',
    String(opts.segmentSeconds),
    '-segment_format',
    'mp4',
    // Fragmented MP4, each fragment flushed as written: a file cut short by a crash or power loss is playable up
    // to its last fragment (about a second) instead of unreadable without its trailing moov (see recover.ts).
    '-segment_format_options',
    'movflags=+frag_keyframe+empty_moov+default_base_moof:frag_duration=1000000:flush_packets=1',
    '-reset_timestamps',
    '1',
    '-segment_list',
    'pipe:4',
    '-segment_list_type',
    'csv',
    path.join(opts.segmentDir, `${opts.runId}_%06d.mp4`),
  );
  args.push('-map', '0:v:0', '-c', 'copy', ...LIVE_FMP4);
  if (opts.frames) {
    const { fps, width, height } = opts.frames;
    args.push(
      '-map',
      '0:v:0',
      '-vf',
      `fps=${fps},scale=${width}:${height}`,
      '-pix_fmt',
      'rgb24',
      '-f',
      'rawvideo',
      opts.frames.output ?? 'pipe:3',
    );
  }
  return args;
}

/** A live relay: stream copy of the sub stream, or a re-encode with privacy masks burned in. */
export function relayArgs(opts: { source: StreamSource; maskFile?: string; maxHeight?: number }): string[] {
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'info', ...inputArgs(opts.source)];
  if (!opts.maskFile) return [...args, '-map', '0:v:0', '-c', 'copy', ...LIVE_FMP4];
  const h = opts.maxHeight ?? 480;
  return [
    ...args,
    '-i',
    opts.maskFile,
    '-filter_complex',
    `[0:v]scale=-2:'min(${h},ih)'[v];[1:v][v]scale2ref[m][v2];[v2][m]overlay=0:0:format=auto,format=yuv420p[out]`,
    '-map',
    '[out]',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-g',
    '25',
    '-profile:v',
    'main',
    ...LIVE_FMP4,
  ];
}
