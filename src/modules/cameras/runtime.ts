import path from 'node:path';
import { isDatabaseUnavailable } from '../../platform/db/unavailable';
import type { Logger } from '../../platform/observability/logger';
import type { Db } from '../../platform/ports/db';
import type { ClosedSegment, IngestState, IngestWorker, LiveRelay, StreamSource, VideoEngine } from '../../platform/ports/video';
import { type CameraRow, getCameraRow, listCameraRows, saveHealth } from './cameras.repo';
import { frameHub } from './frame-hub';
import { LiveHub } from './live-hub';
import { openCredentials, type SecretBox } from './secret-box';

/** Where closed segments go: the recording module indexes them and records gaps. */
export interface SegmentSink {
  segmentClosed(cameraId: string, segment: ClosedSegment): Promise<void>;
  cameraDown(cameraId: string, at: Date, reason: string): Promise<void>;
}

export type LiveVariant = { stream: 'main' | 'sub'; masked: boolean };

interface Running {
  camera: CameraRow;
  worker: IngestWorker;
  hub: LiveHub;
  wasOnline: boolean;
  /** Health writes for one camera happen in order. */
  chain: Promise<void>;
}

interface RelayEntry {
  hub: LiveHub;
  relay: LiveRelay;
  idleTimer?: NodeJS.Timeout;
}

export interface RuntimeOptions {
  recordingsRoot: string;
  /** Sampled-frame geometry for cameras where recognition is allowed. */
  frames?: { fps: number; width: number; height: number };
  /** Seconds a relay keeps running after its last viewer leaves. */
  relayIdleSeconds?: number;
}

/** Health names shown in the UI and stored on the camera row. */
export function healthName(state: IngestState): string {
  return state.kind.toUpperCase();
}

/**
 * The running side of the camera registry: one ingest worker per enabled camera (recording + live + frames from a
 * single RTSP connection) and on-demand relays for sub streams and masked views.
 */
export class CameraRuntime {
  private readonly running = new Map<string, Running>();
  private readonly relays = new Map<string, RelayEntry>();
  private sink: SegmentSink | undefined;
  private pending: Array<{ cameraId: string; job: (sink: SegmentSink) => Promise<void> }> = [];
  private stopped = false;
  /** True between startAll() and stopAll(): cameras added meanwhile (API, demo seed) start at once. */
  active = false;

  constructor(
    private readonly deps: { db: Db; log: Logger; engine: VideoEngine; box: SecretBox },
    readonly options: RuntimeOptions,
  ) {}

  /** Segments that close before the recording module attaches are held and delivered once it does. */
  setSink(sink: SegmentSink): void {
    this.sink = sink;
    const queued = this.pending;
    this.pending = [];
    // Held jobs go first, each on its camera's chain, in the order they happened.
    for (const { cameraId, job } of queued) this.toSink(cameraId, job);
  }

  private readonly inflight = new Set<Promise<void>>();
  /** Sink jobs of one camera run one after another: a gap must open after the last segment before it is indexed. */
  private readonly sinkChains = new Map<string, Promise<void>>();

  private toSink(cameraId: string, job: (sink: SegmentSink) => Promise<void>): void {
    if (!this.sink) {
      this.pending.push({ cameraId, job });
      return;
    }
    const sink = this.sink;
    const p = (this.sinkChains.get(cameraId) ?? Promise.resolve())
      .then(() => job(sink))
      .catch((err) =>
        isDatabaseUnavailable(err)
          ? this.deps.log.warn({ err, cameraId }, 'segment not indexed (database unavailable at shutdown); indexed at the next start')
          : this.deps.log.error({ err, cameraId }, 'segment sink failed'),
      )
      .finally(() => {
        this.inflight.delete(p);
        if (this.sinkChains.get(cameraId) === p) this.sinkChains.delete(cameraId);
      });
    this.sinkChains.set(cameraId, p);
    this.inflight.add(p);
  }

  /** Waits until every closed segment reported so far is indexed (stop and tests rely on it). */
  async flush(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  source(camera: Pick<CameraRow, 'main_url' | 'sub_url' | 'credentials_enc'>, stream: 'main' | 'sub' = 'main'): StreamSource {
    const creds = openCredentials(this.deps.box, camera.credentials_enc);
    const url = stream === 'sub' && camera.sub_url ? camera.sub_url : camera.main_url;
    return { url, username: creds?.username ?? null, password: creds?.password ?? null };
  }

  segmentDir(cameraId: string): string {
    return path.join(this.options.recordingsRoot, cameraId, 'incoming');
  }

  async startAll(): Promise<void> {
    this.active = true;
    const cameras = await listCameraRows(this.deps.db);
    await this.recoverLeftovers(cameras.map((c) => c.id));
    for (const camera of cameras) if (camera.enabled) this.startCamera(camera);
  }

  /**
   * Segments an earlier run left in a camera's `incoming/` (the server crashed, was killed, or stopped while the
   * database was down) are queued for indexing before the camera's new footage, so they keep their place in time
   * and the gap logic sees them first. The indexer skips any that turn out to be indexed already.
   */
  private async recoverLeftovers(cameraIds: string[]): Promise<void> {
    const recover = this.deps.engine.recoverSegments?.bind(this.deps.engine);
    if (!recover) return;
    for (const cameraId of cameraIds) {
      const segments = await recover(this.segmentDir(cameraId)).catch((err: unknown) => {
        this.deps.log.warn({ err, cameraId }, 'could not read segments left by an earlier run');
        return [];
      });
      for (const segment of segments) this.toSink(cameraId, (sink) => sink.segmentClosed(cameraId, segment));
      if (segments.length > 0) this.deps.log.info({ cameraId, segments: segments.length }, 'segments left by an earlier run queued for indexing');
    }
  }

  state(cameraId: string): IngestState | undefined {
    return this.running.get(cameraId)?.worker.state;
  }

  isRunning(cameraId: string): boolean {
    return this.running.has(cameraId);
  }

  startCamera(camera: CameraRow): void {
    if (!this.active || this.stopped || this.running.has(camera.id) || !camera.enabled) return;
    const hub = new LiveHub();
    const entry = { camera, hub, wasOnline: false, chain: Promise.resolve() } as Running;
    entry.worker = this.deps.engine.startIngest(
      {
        cameraId: camera.id,
        source: this.source(camera),
        segmentDir: this.segmentDir(camera.id),
        segmentSeconds: camera.segment_seconds,
        frames: camera.recognition_allowed ? (this.options.frames ?? { fps: 5, width: 640, height: 360 }) : undefined,
      },
      {
        onState: (state) => this.onState(entry, state),
        onSegment: (segment) => this.toSink(camera.id, (sink) => sink.segmentClosed(camera.id, segment)),
        onLiveInit: (init, mime) => hub.setInit(init, mime),
        onLiveFragment: (fragment, keyframe) => hub.pushFragment(fragment, keyframe),
        onFrame: (f) => frameHub.publish({ cameraId: camera.id, at: f.at, width: f.width, height: f.height, rgb: f.rgb }, f.release),
      },
    );
    this.running.set(camera.id, entry);
  }

  private onState(entry: Running, state: IngestState): void {
    const id = entry.camera.id;
    const down = state.kind === 'reconnecting' || state.kind === 'offline' || state.kind === 'error';
    // The first failure after being online (or after start) opens a gap; later retries of the same outage do not.
    if (down && (entry.wasOnline || !('attempt' in state) || state.attempt === 1)) {
      const reason = state.lastError;
      this.toSink(id, (sink) => sink.cameraDown(id, state.since, reason));
    }
    if (state.kind === 'online') entry.wasOnline = true;
    else if (down) entry.wasOnline = false;
    const detail = 'lastError' in state ? state.lastError : null;
    const info = state.kind === 'online' ? state.info : undefined;
    entry.chain = entry.chain
      .then(() => saveHealth(this.deps.db, id, { health: healthName(state), since: state.since, detail, info }))
      .catch((err) => this.deps.log.warn({ err: String(err), cameraId: id }, 'could not save camera health'));
    this.deps.log.info({ cameraId: id, health: healthName(state), detail }, 'camera health');
  }

  /** Stops the on-demand relays of a camera (they carry its masks and sub-stream URL). */
  private async stopRelays(cameraId: string): Promise<void> {
    for (const [key, relay] of this.relays) {
      if (!key.startsWith(`${cameraId}:`)) continue;
      this.relays.delete(key);
      clearTimeout(relay.idleTimer);
      await relay.relay.stop();
    }
  }

  async stopCamera(cameraId: string): Promise<void> {
    const entry = this.running.get(cameraId);
    await this.stopRelays(cameraId);
    if (!entry) return;
    this.running.delete(cameraId);
    await entry.worker.stop();
    await entry.chain;
    await this.flush();
  }

  /**
   * After an edit: the worker restarts with the new URL, credentials or settings (or stops if disabled). An edit
   * that does not touch the recording connection (privacy masks, name, retention, sub stream) keeps the worker, so
   * drawing a mask never opens a gap in the recording; only the relays restart with the new settings.
   */
  async reload(cameraId: string): Promise<void> {
    const camera = await getCameraRow(this.deps.db, cameraId);
    const entry = this.running.get(cameraId);
    if (camera?.enabled && entry && this.sameIngest(entry.camera, camera)) {
      entry.camera = camera;
      await this.stopRelays(cameraId);
      return;
    }
    await this.stopCamera(cameraId);
    if (camera?.enabled) this.startCamera(camera);
    else if (camera) await saveHealth(this.deps.db, cameraId, { health: 'DISABLED', since: new Date(), detail: null });
  }

  private sameIngest(a: CameraRow, b: CameraRow): boolean {
    // Credentials are re-sealed with a fresh IV on every save: compare what they open to.
    const creds = (c: CameraRow) => JSON.stringify(openCredentials(this.deps.box, c.credentials_enc));
    return (
      a.main_url === b.main_url &&
      a.segment_seconds === b.segment_seconds &&
      a.recognition_allowed === b.recognition_allowed &&
      creds(a) === creds(b)
    );
  }

  /**
   * The hub a viewer attaches to. The main stream without masks is the recording connection itself; sub streams
   * and masked views are relays started on demand and stopped when nobody watches.
   */
  liveHub(camera: CameraRow, variant: LiveVariant): LiveHub | undefined {
    const masked = variant.masked && camera.privacy_masks.length > 0;
    const stream = variant.stream === 'sub' && camera.sub_url ? 'sub' : 'main';
    if (stream === 'main' && !masked) return this.running.get(camera.id)?.hub;
    if (!this.running.has(camera.id)) return undefined;
    const key = `${camera.id}:${stream}:${masked ? 'masked' : 'raw'}`;
    const existing = this.relays.get(key);
    if (existing) {
      clearTimeout(existing.idleTimer);
      return existing.hub;
    }
    const hub = new LiveHub();
    const relay = this.deps.engine.startLiveRelay(
      { source: this.source(camera, stream), masks: masked ? camera.privacy_masks : undefined, maxHeight: 480 },
      {
        onState: () => undefined,
        onLiveInit: (init, mime) => hub.setInit(init, mime),
        onLiveFragment: (f, k) => hub.pushFragment(f, k),
      },
    );
    const entry: RelayEntry = { hub, relay };
    hub.onIdle = () => {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = setTimeout(() => {
        if (hub.viewerCount > 0 || this.relays.get(key) !== entry) return;
        this.relays.delete(key);
        void relay.stop();
      }, (this.options.relayIdleSeconds ?? 10) * 1000);
    };
    this.relays.set(key, entry);
    return hub;
  }

  async stopAll(): Promise<void> {
    this.stopped = true;
    this.active = false;
    await Promise.all([...this.running.keys()].map((id) => this.stopCamera(id)));
  }
}
