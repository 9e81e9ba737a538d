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

/** Publishes outbox rows in order, marks them, and prunes published rows older than a week. */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly bus: Bus,
    private readonly onError: (err: unknown) => void = () => undefined,
    private readonly pollMs = 200,
  ) {}

  start(): void {
    relays.add(this);
    const loop = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(loop, this.pollMs);
      this.timer.unref();
    };
    loop();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch(this.onError)
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
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
