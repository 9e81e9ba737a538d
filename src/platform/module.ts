import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config';
import type { BlobStore } from './ports/blobs';
import type { Bus } from './ports/bus';
import type { Db } from './ports/db';
import type { FaceEngineProvider } from './ports/face-engine';
import type { ChildProcesses } from './ports/processes';
import type { VideoEngine } from './ports/video';
import type { Logger } from './observability/logger';

/** What every module receives from the composition root. Domain code never learns which adapter is behind a port. */
export interface AppContext {
  config: Config;
  db: Db;
  bus: Bus;
  blobs: BlobStore;
  /** The face engine, started on first use (a server that never sees a face never loads a model). */
  faces: FaceEngineProvider;
  /** Camera streams, recordings, clips and snapshots. */
  video: VideoEngine;
  /** Child processes tied to the server's life, for code that starts helper programs itself (the demo sources). */
  processes: ChildProcesses;
  log: Logger;
  /** Injectable clock so tests can pin "now". */
  now: () => Date;
}

/** Ends what one `start` launched (timers, consumers, workers); awaited before the database closes. */
export type ModuleStop = () => Promise<void> | void;

/**
 * A domain module as the server sees it. `routes` mounts its HTTP API under /api; `start` launches background work
 * (consumers, schedulers, camera workers) after all routes are registered and returns the function that ends it,
 * so the state of one started server lives in that closure (several servers may run in one process, e.g. tests);
 * the server calls the returned functions in reverse start order.
 */
export interface KcModule {
  name: string;
  /** Adds this module's part of the demo agency (called once, on an empty database, after org/people/users). */
  seedDemo?: (ctx: AppContext, demo: DemoAgency) => Promise<void>;
  routes?: (app: FastifyInstance, ctx: AppContext) => Promise<void> | void;
  /** Launches background work and returns what ends it (no module keeps lifecycle state outside this closure). */
  start?: (ctx: AppContext) => Promise<ModuleStop | void> | ModuleStop | void;
}

/** What the demo seed created, for modules that add their own demo data. */
export interface DemoAgency {
  /** org unit id by unit code (e.g. 'TT-UBND', 'TT-VP', 'TT-MOTCUA'). */
  units: Record<string, string>;
  /** person id by employee code. */
  persons: Record<string, string>;
  /** user id by username. */
  users: Record<string, string>;
}
