import type { KcModule } from '../../platform/module';
import { cameraRoutes } from './cameras.routes';
import { prepareDemoSources, seedDemoCameras, stopDemoSource, warnDemoSourcesUnavailable } from './demo';
import { grantRoutes } from './grants.routes';
import { liveRoutes } from './live.routes';
import { discoveryRoutes } from './onvif/discovery.routes';
import { cameraServices } from './services';

export const camerasModule: KcModule = {
  name: 'cameras',
  routes: async (app, ctx) => {
    await cameraRoutes(app, ctx);
    await grantRoutes(app, ctx);
    await liveRoutes(app, ctx);
    await discoveryRoutes(app, ctx);
  },
  seedDemo: async (ctx, demo) => {
    await seedDemoCameras(ctx, demo);
  },
  start: async (ctx) => {
    await prepareDemoSources(ctx).catch((err) => warnDemoSourcesUnavailable(ctx, err));
    await cameraServices(ctx).runtime.startAll();
    return async () => {
      // SIGINT to every ffmpeg so each finalises its last segment.
      await cameraServices(ctx).runtime.stopAll();
      await stopDemoSource(ctx);
    };
  },
};
