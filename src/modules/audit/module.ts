import type { AppContext, KcModule } from '../../platform/module';
import { AnchorWriter, anchorPlaces } from './audit.anchor';
import { loadOrCreateSigner } from './audit.keys';
import { auditRoutes } from './audit.routes';

/** How often the head is looked at; an anchor is written only when enough rows or enough time says so. */
const POLL_MS = 5_000;

/**
 * Anchors the head at start, every `anchorEveryRows` new entries, at least every `anchorEverySeconds` while entries
 * are being added, and at shutdown. Frequent anchors keep the window in which the newest rows could be cut off or
 * rehashed unnoticed short.
 */
class AnchorSchedule {
  private timer: NodeJS.Timeout | undefined;
  private lastWrite = 0;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: AppContext,
    private readonly writer: AnchorWriter,
  ) {}

  private write(): Promise<unknown> {
    this.running = this.running.then(async () => {
      try {
        const r = await this.writer.write(this.ctx.now());
        this.lastWrite = Date.now();
        for (const f of r?.failed ?? []) this.ctx.log.warn({ err: f.err, place: f.place }, 'audit anchor not written to one place');
      } catch (err) {
        this.ctx.log.warn({ err }, 'audit anchor failed');
      }
    });
    return this.running;
  }

  private async tick(): Promise<void> {
    const { anchorEveryRows, anchorEverySeconds } = this.ctx.config.audit;
    const pending = await this.writer.pendingRows().catch(() => 0);
    if (pending >= anchorEveryRows || (pending > 0 && Date.now() - this.lastWrite >= anchorEverySeconds * 1000)) await this.write();
  }

  async start(): Promise<void> {
    await this.write();
    const every = Math.min(POLL_MS, this.ctx.config.audit.anchorEverySeconds * 1000);
    this.timer = setInterval(() => void this.tick(), every);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.write();
  }
}

export const auditModule: KcModule = {
  name: 'audit',
  routes: auditRoutes,
  async start(ctx) {
    const signer = loadOrCreateSigner(ctx.config.audit.keyFile);
    if (signer.looseMode)
      ctx.log.warn({ keyFile: ctx.config.audit.keyFile, mode: signer.looseMode.toString(8) }, 'audit anchor key is readable by others; chmod 600 it');
    // One schedule per started server (tests run several in one process).
    const schedule = new AnchorSchedule(ctx, new AnchorWriter(ctx.db, anchorPlaces(ctx.blobs, ctx.config.audit.anchorDir), signer));
    await schedule.start();
    // Stop runs before the database closes (reverse start order), so the last head is anchored on shutdown.
    return () => schedule.stop();
  },
};
