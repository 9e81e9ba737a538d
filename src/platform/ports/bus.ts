/**
 * The event bus port: at-least-once delivery to durable consumers, the same contract in process and on NATS
 * JetStream. Consumers must be idempotent by `event.id` (an event can be delivered again after a crash).
 */
export interface BusEvent<T = unknown> {
  id: string;
  subject: string;
  at: string;
  data: T;
}

export type BusHandler<T = unknown> = (event: BusEvent<T>) => Promise<void>;

export interface Bus {
  publish<T>(subject: string, data: T, opts?: { id?: string }): Promise<BusEvent<T>>;
  /**
   * Registers a durable consumer. `subject` may end in `.>` to match a whole family. A handler that throws gets
   * the event again later (with backoff); one that returns has acknowledged it.
   */
  subscribe<T>(subject: string, durable: string, handler: BusHandler<T>): Promise<void>;
  close(): Promise<void>;
  readonly description: string;
}

export function subjectMatches(pattern: string, subject: string): boolean {
  if (pattern.endsWith('.>')) return subject.startsWith(pattern.slice(0, -1));
  const p = pattern.split('.');
  const s = subject.split('.');
  return p.length === s.length && p.every((part, i) => part === '*' || part === s[i]);
}
