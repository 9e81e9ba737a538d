/**
 * audit — the append-only, hash-chained log of every write and every sensitive read. Owns audit_log.
 * Every module calls `recordAudit(tx, entry)` inside the transaction of the change it records.
 */
import type { KcModule } from '../../app/context';
import { writeAnchor } from './audit.anchor';
import { auditRoutes } from './audit.routes';

export { recordAudit, verifyAuditChain, type AuditActor, type AuditEntry, type ChainVerdict } from './audit.service';

export { checkAnchor, writeAnchor } from './audit.anchor';

const ANCHOR_EVERY_MS = 5 * 60_000;
let timer: NodeJS.Timeout | undefined;
let finalAnchor: (() => Promise<unknown>) | undefined;

export const auditModule: KcModule = {
  name: 'audit',
  routes: auditRoutes,
  start(ctx) {
    const anchor = () => writeAnchor(ctx.db, ctx.blobs, ctx.now()).catch((err: unknown) => ctx.log.warn({ err }, 'audit anchor failed'));
    timer = setInterval(anchor, ANCHOR_EVERY_MS);
    timer.unref();
    finalAnchor = anchor;
  },
  async stop() {
    if (timer) clearInterval(timer);
    // Stop runs before the database closes (reverse start order), so the last head is anchored on shutdown.
    await finalAnchor?.();
  },
};
