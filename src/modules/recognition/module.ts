import { periodic } from '../../platform/jobs/periodic';
import type { AppContext, KcModule } from '../../platform/module';
import { setGateMetricsSource } from '../../platform/observability/metrics';
import { gateMetricsSnapshot } from './gate-stats';
import { startZipImports, stopZipImports } from './enrollment-zip.jobs';
import { LEAVERS_EVERY_MS, purgeLeavers, startGalleryJobs, stopGalleryJobs } from './gallery-learning.jobs';
import { zipImportRoutes } from './enrollment-zip.routes';
import { gateEnrollmentRoutes } from './gate-enrollment.routes';
import { passesRoutes } from './passes.routes';
import { recognitionRoutes } from './recognition.routes';
import { recognitionRuntime } from './runtime';

export const recognitionModule: KcModule = {
  name: 'recognition',
  routes: async (app, ctx) => {
    await recognitionRoutes(app, ctx);
    await gateEnrollmentRoutes(app, ctx);
    await zipImportRoutes(app, ctx);
    await passesRoutes(app, ctx);
  },
  start: async (ctx) => {
    await startZipImports(ctx);
    // Issue 14: learning gallery (every 10 min) and re-embedding of stored enrollment photos for a new engine.
    startGalleryJobs(ctx);
    if (ctx.config.face.recognition) await recognitionRuntime(ctx).start();
    const stopGateMetrics = setGateMetricsSource(() => gateMetricsSnapshot(ctx));
    // Leavers' templates and photos: daily, and once now (a server restarted every night would otherwise never purge).
    const firstPurge = purgeLeaversLogged(ctx).catch((err: unknown) => ctx.log.warn({ err, job: 'face-leavers-purge' }, 'background job failed'));
    const stopLeavers = periodic('face-leavers-purge', LEAVERS_EVERY_MS, () => purgeLeaversLogged(ctx), ctx.log);
    return async () => {
      stopGateMetrics();
      await stopLeavers();
      await firstPurge;
      await stopZipImports(ctx);
      await stopGalleryJobs(ctx);
      await recognitionRuntime(ctx).stop();
    };
  },
};

async function purgeLeaversLogged(ctx: AppContext): Promise<void> {
  const r = await purgeLeavers({ db: ctx.db, blobs: ctx.blobs, now: ctx.now });
  if (r.persons > 0) ctx.log.info(r, 'face templates and photos of people who have left deleted');
}
