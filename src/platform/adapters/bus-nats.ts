import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Bus, BusEvent, BusHandler } from '../ports/bus';

/** The default stream of an install (KC_NATS_STREAM); two installs sharing one NATS server must pick different ones. */
const STREAM = 'KYCUONG';

/**
 * NATS JetStream bus for scaled installs. One file-backed stream holds every subject under `kycuong.`; each durable
 * consumer is a JetStream durable with explicit acks, so an event survives restarts and is redelivered until a
 * handler acknowledges it. Publishing uses the event id as the JetStream message id, so a retried publish of the
 * same event is de-duplicated by the server.
 */
export class NatsBus implements Bus {
  private stops: Array<() => void> = [];
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    readonly description: string,
  ) {}

  /**
   * `stream` names the JetStream stream; its subjects live under `<stream in lower case>.` (KYCUONG → `kycuong.`).
   * Durable consumers belong to their stream, so one install's durables never take another install's events.
   */
  static async connect(url: string, stream = STREAM): Promise<NatsBus> {
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(stream)) throw new Error(`invalid NATS stream name: ${stream}`);
    const nc = await connect({ servers: url, reconnect: true, maxReconnectAttempts: -1 });
    const prefix = `${stream.toLowerCase()}.`;
    const jsm = await jetstreamManager(nc);
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add({ name: stream, subjects: [`${prefix}>`], storage: 'file' as never, duplicate_window: 120e9 });
    }
    const bus = new NatsBus(nc, jetstream(nc), `NATS JetStream ${url} (stream ${stream})`);
    bus.stream = stream;
    bus.prefix = prefix;
    return bus;
  }

  private stream = STREAM;
  private prefix = `${STREAM.toLowerCase()}.`;

  async publish<T>(subject: string, data: T, opts: { id?: string } = {}): Promise<BusEvent<T>> {
    const event: BusEvent<T> = { id: opts.id ?? randomUUID(), subject, at: new Date().toISOString(), data };
    await this.js.publish(this.prefix + subject, JSON.stringify(event), { msgID: event.id });
    return event;
  }

  async subscribe<T>(subject: string, durable: string, handler: BusHandler<T>): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    const name = durable.replace(/[^A-Za-z0-9_-]/g, '_');
    try {
      await jsm.consumers.info(this.stream, name);
    } catch {
      await jsm.consumers.add(this.stream, {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: this.prefix + subject,
        ack_wait: 30e9,
      });
    }
    const consumer = await this.js.consumers.get(this.stream, name);
    const messages = await consumer.consume({ max_messages: 256 });
    this.stops.push(() => void messages.stop());
    void (async () => {
      for await (const m of messages) {
        try {
          await handler(JSON.parse(m.string()) as BusEvent<T>);
          m.ack();
        } catch {
          m.nak(Math.min(30_000, 200 * m.info.deliveryCount));
        }
      }
    })();
  }

  async close(): Promise<void> {
    for (const stop of this.stops) stop();
    await this.nc.drain();
  }
}
