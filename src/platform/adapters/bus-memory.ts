import { randomUUID } from 'node:crypto';
import { type Bus, type BusEvent, type BusHandler, subjectMatches } from '../ports/bus';

interface Consumer {
  subject: string;
  durable: string;
  handler: BusHandler<unknown>;
  queue: BusEvent[];
  running: boolean;
}

/**
 * In-process bus for the single-machine install. Each durable consumer has its own queue and processes events in
 * order; a handler that throws is retried with exponential backoff (capped), like a JetStream redelivery.
 */
export class MemoryBus implements Bus {
  readonly description = 'in-process';
  private consumers: Consumer[] = [];
  private closed = false;

  async publish<T>(subject: string, data: T, opts: { id?: string } = {}): Promise<BusEvent<T>> {
    const event: BusEvent<T> = { id: opts.id ?? randomUUID(), subject, at: new Date().toISOString(), data };
    for (const c of this.consumers) {
      if (!subjectMatches(c.subject, subject)) continue;
      c.queue.push(event as BusEvent);
      void this.drain(c);
    }
    return event;
  }

  async subscribe<T>(subject: string, durable: string, handler: BusHandler<T>): Promise<void> {
    if (this.consumers.some((c) => c.durable === durable)) throw new Error(`durable consumer ${durable} exists`);
    this.consumers.push({ subject, durable, handler: handler as BusHandler<unknown>, queue: [], running: false });
  }

  /** Resolves when every queue is empty (tests and graceful shutdown). */
  async idle(): Promise<void> {
    while (this.consumers.some((c) => c.queue.length > 0 || c.running)) await new Promise((r) => setTimeout(r, 5));
  }

  private async drain(c: Consumer): Promise<void> {
    if (c.running) return;
    c.running = true;
    let attempt = 0;
    while (c.queue.length > 0 && !this.closed) {
      const ev = c.queue[0] as BusEvent;
      try {
        await c.handler(ev);
        c.queue.shift();
        attempt = 0;
      } catch {
        attempt++;
        await new Promise((r) => setTimeout(r, Math.min(30_000, 50 * 2 ** attempt)));
      }
    }
    c.running = false;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
