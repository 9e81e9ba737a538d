/**
 * The video port: everything the camera and recording modules need from a media toolkit. The adapter behind it
 * (`adapters/video-ffmpeg`) drives Debian's ffmpeg as child processes; domain code never builds ffmpeg arguments.
 *
 * Times: `Date` values are camera time as seen by the server (the wall clock when a packet arrived), the same
 * clock the segment index, gaps and exports use.
 */

/** What a connection test or a running stream reports about a camera. */
export interface StreamInfo {
  codec: string;
  width: number;
  height: number;
  /** Frames per second as announced by the stream (0 when unknown). */
  fps: number;
  profile?: string;
}

/** Why a stream could not be opened, in terms a user can act on. */
export type StreamProblem =
  | 'UNREACHABLE'
  | 'AUTH_FAILED'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_CODEC'
  | 'NO_VIDEO'
  | 'TIMEOUT'
  | 'INVALID_URL'
  | 'FAILED';

export class StreamError extends Error {
  constructor(
    readonly problem: StreamProblem,
    message: string,
    readonly info?: Partial<StreamInfo>,
  ) {
    super(message);
  }
}

/** A source: an RTSP URL with credentials kept apart, so they can be injected at spawn time and redacted in logs. */
export interface StreamSource {
  url: string;
  username?: string | null;
  password?: string | null;
}

/** A polygon in normalised coordinates (0..1 of width and height), so one mask fits main and sub streams. */
export type MaskPolygon = Array<[number, number]>;

export interface ClosedSegment {
  /** Absolute path of the finished MP4 file. */
  file: string;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
}

export interface SampledFrame {
  at: Date;
  width: number;
  height: number;
  /** Packed RGB24, width*height*3 bytes. */
  rgb: Buffer;
  /**
   * Gives `rgb` back to the adapter for a later frame (no allocation per frame, issue 14). Optional: call it only when
   * nobody will read `rgb` again; a frame never released is simply garbage-collected.
   */
  release?(): void;
}

export type IngestState =
  | { kind: 'starting'; since: Date }
  | { kind: 'online'; since: Date; info: StreamInfo }
  | { kind: 'reconnecting'; since: Date; attempt: number; lastError: string }
  | { kind: 'offline'; since: Date; attempt: number; lastError: string }
  | { kind: 'error'; since: Date; problem: StreamProblem; lastError: string }
  | { kind: 'stopped'; since: Date };

export interface IngestOptions {
  cameraId: string;
  source: StreamSource;
  /** Directory the segment files are written to (ffmpeg needs a real path). */
  segmentDir: string;
  segmentSeconds: number;
  /** Sampled frames for analysis; omit to skip decoding entirely (stream copy only). */
  frames?: { fps: number; width: number; height: number };
  /** Seconds without any data before the process is considered stalled and restarted. */
  stallSeconds?: number;
  /** Reconnect backoff: first delay and cap, in milliseconds. */
  backoff?: { firstMs: number; maxMs: number; offlineAfterMs: number; offlineRetryMs: number };
}

export interface IngestHandlers {
  onState(state: IngestState): void;
  onSegment(segment: ClosedSegment): void;
  /** The fMP4 init segment (ftyp+moov), sent again after every reconnect. */
  onLiveInit(init: Buffer, mime: string): void;
  /** One moof+mdat pair; `keyframe` when it starts with a sync sample (a new viewer may start there). */
  onLiveFragment(fragment: Buffer, keyframe: boolean): void;
  onFrame?(frame: SampledFrame): void;
}

export interface IngestWorker {
  readonly state: IngestState;
  stop(): Promise<void>;
}

/** A live relay (sub stream, or a masked re-encode) that runs only while someone watches. */
export interface LiveRelayOptions {
  source: StreamSource;
  /** Burn these polygons in (forces a re-encode). */
  masks?: MaskPolygon[];
  /** Limit the output height of a re-encode (keeps masked relays cheap). */
  maxHeight?: number;
}

export interface LiveRelay {
  stop(): Promise<void>;
}

export interface SegmentRef {
  file: string;
  startedAt: Date;
  endedAt: Date;
}

export interface ClipRequest {
  segments: SegmentRef[];
  from: Date;
  to: Date;
  outFile: string;
  masks?: MaskPolygon[];
}

export interface ClipResult {
  /** The first frame of the clip: the keyframe at or before `from` (stream copy can only start on a keyframe). */
  actualFrom: Date;
  actualTo: Date;
  durationSeconds: number;
  frames: number;
  bytes: number;
  reencoded: boolean;
}

export interface SnapshotRequest {
  segment: SegmentRef;
  at: Date;
  format: 'jpeg' | 'png';
  masks?: MaskPolygon[];
}

export interface VideoEngine {
  /** Opens the stream, reads its parameters and one decoded picture (JPEG). */
  testStream(source: StreamSource, timeoutMs: number): Promise<{ info: StreamInfo; snapshotJpeg: Buffer }>;
  startIngest(options: IngestOptions, handlers: IngestHandlers): IngestWorker;
  startLiveRelay(options: LiveRelayOptions, handlers: Pick<IngestHandlers, 'onLiveInit' | 'onLiveFragment' | 'onState'>): LiveRelay;
  /** Keyframe times of a segment, in seconds from its start. */
  keyframes(file: string): Promise<number[]>;
  cutClip(request: ClipRequest): Promise<ClipResult>;
  snapshot(request: SnapshotRequest): Promise<Buffer>;
  /** A continuous fragmented MP4 stream of recorded footage for playback in the browser. */
  playbackStream(request: Omit<ClipRequest, 'outFile'>): { stream: NodeJS.ReadableStream; mime: string; cancel(): void };
  /**
   * Segments an earlier run left in `segmentDir` (crash, kill, shutdown while the database was down), with their
   * times, in order, ready to be indexed; unreadable leftovers are deleted. Call before an ingest writes there.
   */
  recoverSegments?(segmentDir: string): Promise<ClosedSegment[]>;
  readonly description: string;
}
