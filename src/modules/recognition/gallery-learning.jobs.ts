import type { AppContext } from '../../platform/module';
import type { BlobStore } from '../../platform/ports/blobs';
import type { Db } from '../../platform/ports/db';
import type { AuditActor } from '../audit';
import { type LeaversPurge, purgeTemplatesOfLeavers } from './consent.service';
import { learnFromGate, unlearnAnnulled } from './gallery-learning.service';
import { clearStaleProbes, hasProbes } from './gallery-learning.repo';
import { deleteErasedPhotos, hasStoredPhotos } from './re-embed.photos';
import { reEmbedStoredPhotos } from './re-embed.service';

/** Leavers' templates and photos are looked for once a day (and once at start: a server restarted nightly would never reach a day). */
export const LEAVERS_EVERY_MS = 24 * 3_600_000;
export const RETENTION_ACTOR: AuditActor = { id: null, name: 'system:face-retention' };

/**
 * The daily retention job (domain.md §9.2 item 3): templates of people who have left are deleted and their stored
 * enrollment photos erased, audited per person, then the erased photos' files are deleted (a failed deletion is
 * retried by the next sweep). Runs whether or not recognition is on: it is a privacy duty, not a feature.
 */
export async function purgeLeavers(deps: { db: Db; blobs: BlobStore; now: () => Date }): Promise<LeaversPurge & { filesDeleted: number }> {
  const purged = await purgeTemplatesOfLeavers(deps.db, RETENTION_ACTOR, deps.now());
  const filesDeleted = purged.photos > 0 ? await deleteErasedPhotos(deps.db, deps.blobs) : 0;
  return { ...purged, filesDeleted };
}

/** How often the learning gallery runs: passes settle over days, so minutes are plenty. */
export const LEARN_EVERY_MS = 10 * 60_000;

interface JobState {
  timer?: NodeJS.Timeout;
  stopped: boolean;
  /** Runs are chained: never two at once, and stop() waits for the one under way. */
  chain: Promise<void>;
}

const states = new WeakMap<AppContext, JobState>();

/**
 * The recognition module's background jobs of issue 14, started by module.ts:
 * - at start, re-embedding of stored enrollment photos for the running engine (only when photos are stored, since it
 *   starts the face engine), with progress in the log;
 * - every LEARN_EVERY_MS: erased photos' files deleted, learned templates whose punch was annulled since removed,
 *   stale pass descriptions cleared (whether or not recognition is on: privacy duties), then the learning gallery and
 *   any re-embedding left for the engine.
 */
export function startGalleryJobs(ctx: AppContext): void {
  const state: JobState = { stopped: false, chain: Promise.resolve() };
  states.set(ctx, state);
  const run = (what: string, job: () => Promise<void>) => {
    state.chain = state.chain.then(async () => {
      if (state.stopped) return;
      await job().catch((err: unknown) => ctx.log.error({ err }, `${what} failed`));
    });
  };
  if (ctx.config.face.recognition) run('face re-embedding', () => reEmbed(ctx, state));
  state.timer = setInterval(() => run('gallery learning', () => tick(ctx, state)), LEARN_EVERY_MS);
}

export async function stopGalleryJobs(ctx: AppContext): Promise<void> {
  const state = states.get(ctx);
  if (!state) return;
  state.stopped = true;
  clearInterval(state.timer);
  await state.chain;
  states.delete(ctx);
}

async function reEmbed(ctx: AppContext, state: JobState): Promise<void> {
  if (!(await hasStoredPhotos(ctx.db))) return;
  const engine = await ctx.faces.get();
  await reEmbedStoredPhotos({
    db: ctx.db,
    blobs: ctx.blobs,
    engine,
    now: ctx.now,
    log: (msg, extra) => ctx.log.info(extra ?? {}, msg),
    stopped: () => state.stopped,
  });
}

async function tick(ctx: AppContext, state: JobState): Promise<void> {
  const { db } = ctx;
  await deleteErasedPhotos(db, ctx.blobs);
  const unlearned = await unlearnAnnulled(db, ctx.now());
  if (unlearned) ctx.log.info({ unlearned }, 'learned templates removed: their punch was annulled');
  if (!ctx.config.face.recognition || !(await hasProbes(db))) {
    await clearStaleProbes(db, ctx.now());
    return;
  }
  const engine = await ctx.faces.get();
  const summary = await learnFromGate(db, { id: engine.meta.engine, thresholds: engine.meta.thresholds }, ctx.now());
  if (summary.learned || summary.expired || Object.keys(summary.refused).length) ctx.log.info({ ...summary, engine: engine.meta.engine }, 'gallery learning');
  await reEmbed(ctx, state);
}
