import fs from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config';
import { DiskBlobStore } from '../platform/adapters/blobs-disk';
import { S3BlobStore } from '../platform/adapters/blobs-s3';
import { MemoryBus } from '../platform/adapters/bus-memory';
import { NatsBus } from '../platform/adapters/bus-nats';
import { openPglite } from '../platform/adapters/db-pglite';
import { openPostgres } from '../platform/adapters/db-postgres';
import { lazyFaceEngine } from '../platform/adapters/face-common/engine-provider';
import { FfmpegVideoEngine } from '../platform/adapters/video-ffmpeg';
import { run } from '../platform/adapters/video-ffmpeg/run';
import { spawnTied, tieChildProcesses } from '../platform/adapters/video-ffmpeg/tied-spawn';
import { createLogger, type Logger } from '../platform/observability/logger';
import type { BlobStore } from '../platform/ports/blobs';
import type { Bus } from '../platform/ports/bus';
import type { Db } from '../platform/ports/db';
import type { AppContext } from '../platform/module';

/**
 * The composition root: the only place that knows which adapter sits behind each port. Each choice is one
 * configuration key (DATABASE_URL, KC_BUS, KC_BLOBS), read once here.
 */
export async function openDb(config: Config): Promise<Db> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, config.db) : openPglite(path.join(config.dataDir, 'pg'));
}

async function openBus(config: Config): Promise<Bus> {
  switch (config.bus) {
    case 'memory':
      return new MemoryBus();
    case 'nats':
      return NatsBus.connect(config.natsUrl, config.natsStream);
  }
}

async function openBlobs(config: Config): Promise<BlobStore> {
  switch (config.blobs) {
    case 'disk':
      return new DiskBlobStore(path.join(config.dataDir, 'blobs'));
    case 's3': {
      const store = new S3BlobStore({ ...config.s3, bucket: config.s3.bucket });
      await store.ensureBucket();
      return store;
    }
  }
}

/**
 * The adapters that open no connection: the face engine, the video engine (ffmpeg) and tied child processes.
 * Contexts assembled by hand (tests, tools) take them from here too, so every context has the same ones.
 */
export function localAdapters(config: Config, log: Logger): Pick<AppContext, 'faces' | 'video' | 'processes'> {
  tieChildProcesses(config.video.tieChildren);
  return {
    // Loaded and started on the first get() (a gate camera's first frame, an enrollment), in worker threads so
    // inference never blocks recording or HTTP; the models come from config.face.modelsDir (`kycuong models
    // install`), without them the npm-shipped engine runs.
    faces: lazyFaceEngine(async () => {
      const { FaceEnginePool } = await import('../platform/adapters/face-common/engine-pool');
      const { bestAvailableSpec } = await import('../platform/adapters/face-common/engine-spec');
      const { modelsDir, threads } = config.face;
      return FaceEnginePool.start(bestAvailableSpec(modelsDir), threads ?? Math.max(1, availableParallelism() - 1));
    }),
    video: new FfmpegVideoEngine({ log: (level, msg, extra) => log[level](extra ?? {}, msg), tools: config.video }),
    processes: { run, spawn: spawnTied },
  };
}

export async function buildContext(config: Config, log: Logger = createLogger(config.logLevel)): Promise<AppContext> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = await openDb(config);
  const bus = await openBus(config);
  const blobs = await openBlobs(config);
  log.info({ db: db.description, bus: bus.description, blobs: blobs.description }, 'adapters ready');
  return { config, db, bus, blobs, log, now: () => new Date(), ...localAdapters(config, log) };
}
