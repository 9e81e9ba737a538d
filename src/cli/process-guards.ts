import type { Logger } from '../platform/observability/logger';
import { isDatabaseUnavailable } from '../platform/db/unavailable';

/**
 * Last line of defence for the long-running server. A database outage that surfaces outside a request (a
 * fire-and-forget write, a socket 'error' event of a driver) is logged and the server goes on: the work is retried
 * by whoever owns it, and the next request gets 503. Anything else escaping is a bug with unknown state behind it:
 * it is logged as fatal and the process exits non-zero so the supervisor (systemd, see docs/operations.md)
 * restarts it; the children go with it.
 */
export function installProcessGuards(log: Logger): void {
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      log.warn({ err: reason }, 'database unavailable outside a request (ignored; retried by its owner)');
      return;
    }
    log.fatal({ err: reason }, 'unhandled promise rejection; exiting for the supervisor to restart');
    process.exit(1);
  });
  process.on('uncaughtException', (err) => {
    if (isDatabaseUnavailable(err)) {
      log.warn({ err }, 'database connection error outside a request (ignored)');
      return;
    }
    log.fatal({ err }, 'uncaught exception; exiting for the supervisor to restart');
    process.exit(1);
  });
}
