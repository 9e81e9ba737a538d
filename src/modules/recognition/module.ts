import type { KcModule } from '../../platform/module';
import { startZipImports, stopZipImports } from './enrollment-zip.jobs';
import { zipImportRoutes } from './enrollment-zip.routes';
import { gateEnrollmentRoutes } from './gate-enrollment.routes';
import { recognitionRoutes } from './recognition.routes';
import { recognitionRuntime } from './runtime';

export const recognitionModule: KcModule = {
  name: 'recognition',
  routes: async (app, ctx) => {
    await recognitionRoutes(app, ctx);
    await gateEnrollmentRoutes(app, ctx);
    await zipImportRoutes(app, ctx);
  },
  start: async (ctx) => {
    await startZipImports(ctx);
    if (ctx.config.face.recognition) await recognitionRuntime(ctx).start();
    return async () => {
      await stopZipImports(ctx);
      await recognitionRuntime(ctx).stop();
    };
  },
};
