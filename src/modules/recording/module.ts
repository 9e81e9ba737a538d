import { isDatabaseUnavailable } from '../../platform/db/unavailable';
import type { KcModule } from '../../platform/module';
import { attachSegmentSink, cameraServices } from '../cameras';
import { evidenceRoutes } from './evidence.routes';
import { incidentRoutes } from './incidents.routes';
import { recordingRoutes } from './recording.routes';
import { applyRetention } from './retention';
import { SegmentIndexer } from './segment-index';

/** Retention runs every minute; the disk guard keeps at least 2 GB or 5 % of the disk free. */
const RETENTION_EVERY_MS = 60_000;

export const recordingModule: KcModule = {
  name: 'recording',
  routes: async (app, ctx) => {
    await recordingRoutes(app, ctx);
    await evidenceRoutes(app, ctx);
    await incidentRoutes(app, ctx);
  },
  start: (ctx) => {
    const { recordingsRoot } = cameraServices(ctx);
    const indexer = new SegmentIndexer(ctx.db, recordingsRoot, ctx.log);
    attachSegmentSink(ctx, indexer);
    let running: Promise<unknown> | undefined;
    const pass = () => {
      if (running) return;
      running = applyRetention(ctx.db, recordingsRoot, ctx.now(), { minFreeBytes: 2 * 1024 ** 3, minFreeRatio: 0.05 }, ctx.log)
        // Without the database nothing is deleted (rows go first); the next pass, a minute later, tries again.
        .catch((err) =>
          isDatabaseUnavailable(err) ? ctx.log.warn({ err }, 'retention pass skipped: database unavailable') : ctx.log.error({ err }, 'retention pass failed'),
        )
        .finally(() => {
          running = undefined;
        });
    };
    const timer = setInterval(pass, RETENTION_EVERY_MS);
    timer.unref();
    pass();
    return async () => {
      clearInterval(timer);
      // Segments waiting for the database stay in incoming/ and are indexed at the next start.
      indexer.close();
      await running;
    };
  },
};
