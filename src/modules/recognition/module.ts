import type { KcModule } from '../../platform/module';
import { setGateMetricsSource } from '../../platform/observability/metrics';
import { gateMetricsSnapshot } from './gate-stats';
import { startZipImports, stopZipImports } from './enrollment-zip.jobs';
import { startGalleryJobs, stopGalleryJobs } from './gallery-learning.jobs';
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
    return async () => {
      stopGateMetrics();
      await stopZipImports(ctx);
      await stopGalleryJobs(ctx);
      await recognitionRuntime(ctx).stop();
    };
  },
};
