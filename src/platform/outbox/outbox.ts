import type { Bus } from '../ports/bus';
import type { Db } from '../ports/db';

export interface OutboxEvent<T = unknown> {
  id: string;
  subject: string;
  data: T;
}

/**
 * Writes events into the outbox inside the caller's transaction (pass the transaction's Db). Re-adding an event id
 * that is already there is a no-op, so a retried transaction never announces the same fact twice.
 */
export async function addToOutbox(tx: Db, events: ReadonlyArray<OutboxEvent>): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    const batch = events.slice(i, i + 1000);
    await tx.query(
      `INSERT INTO event_outbox (id, subject, data)
       SELECT x.id, x.subject, x.data FROM jsonb_to_recordset($1::jsonb) AS x(id text, subject text, data jsonb)
       ON CONFLICT (id) DO NOTHING`,
      [JSON.stringify(batch)],
    );
  }
  // Wake the relays now rather than at their next poll. The rows become visible when the caller commits; a relay
  // that looks too early finds them on its next poll (pollMs later).
  for (const r of relays) r.kick();
}

const relays = new Set<OutboxRelay>();

/** Longest wait between two attempts while the database or the bus keeps failing. */
export const RELAY_MAX_BACKOFF_MS = 30_000;

/**
 * Publishes outbox rows in order, marks them, and prunes published rows older than a week. While the database (or
 * the bus) fails, the relay waits longer between attempts (doubling up to RELAY_MAX_BACKOFF_MS) and reports the
 * first failure and then at most one a minute, so an outage neither spins the CPU nor floods the log.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failures = 0;
  private lastReportAt = 0;

  constructor(
    private readonly db: Db,
    private readonly bus: Bus,
    private readonly onError: (err: unknown, failures: number) => void = () => undefined,
    private readonly pollMs = 200,
    private readonly onRecovered: (failures: number) => void = () => undefined,
  ) {}

  start(): void {
    relays.add(this);
    const loop = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(loop, this.nextDelayMs());
      this.timer.unref();
    };
    loop();
  }

  /** The poll interval, or the backoff after consecutive failures. */
  nextDelayMs(): number {
    if (this.failures === 0) return this.pollMs;
    return Math.min(RELAY_MAX_BACKOFF_MS, this.pollMs * 2 ** Math.min(this.failures, 20));
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(
        () => this.succeeded(),
        (err: unknown) => this.failed(err),
      )
      .finally(() => {
        this.running = undefined;
        // A kick that came in while the last pass failed waits for the next timer, not a tight retry loop.
        if (this.again && this.failures === 0) {
          this.again = false;
          this.kick();
        } else this.again = false;
      });
  }

  private succeeded(): void {
    if (this.failures > 0) this.onRecovered(this.failures);
    this.failures = 0;
  }

  private failed(err: unknown): void {
    this.failures++;
    const now = Date.now();
    if (this.failures === 1 || now - this.lastReportAt >= 60_000) {
      this.lastReportAt = now;
      this.onError(err, this.failures);
    }
  }

  /** Publishes everything pending now; resolves when the outbox is empty (tests, shutdown). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    await this.drain();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = await this.db.query<{ seq: number; id: string; subject: string; data: unknown }>(
        'SELECT seq, id, subject, data FROM event_outbox WHERE published_at IS NULL ORDER BY seq LIMIT 500',
      );
      if (rows.length === 0) return;
      for (const r of rows) {
        await this.bus.publish(r.subject, r.data, { id: r.id });
        await this.db.query('UPDATE event_outbox SET published_at = now() WHERE seq = $1', [r.seq]);
      }
      await this.db.query(`DELETE FROM event_outbox WHERE published_at < now() - interval '7 days'`);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    relays.delete(this);
    while (this.running) await this.running;
  }
}
