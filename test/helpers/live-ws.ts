import type { TestApp, Session } from './app';

/** The part of a `ws` client socket the tests use (the package ships no types here). */
interface WsClient {
  on(event: 'message', fn: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'close', fn: (code: number, reason: Buffer) => void): void;
  on(event: 'error', fn: (err: Error) => void): void;
  terminate(): void;
}

export interface LiveSocket {
  hello: Record<string, unknown>;
  /** Binary messages (init segment, fragments) received so far. */
  binary(): number;
  /** JSON control messages received so far (hello, init, health, revoked, reconfigured …). */
  messages: Array<Record<string, unknown>>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  terminate(): void;
}

/**
 * Opens `/api/cameras/:id/live` as a WebSocket through `app.injectWS` and resolves once the hello and `minBinary`
 * binary messages (video) arrived. The socket stays open until `terminate()` or until the server closes it.
 */
export async function openLiveSocket(t: TestApp, s: Session, cameraId: string, minBinary = 2, timeoutMs = 20_000): Promise<LiveSocket> {
  return new Promise<LiveSocket>((resolve, reject) => {
    let hello: Record<string, unknown> | undefined;
    let binary = 0;
    const messages: Array<Record<string, unknown>> = [];
    let ws: WsClient | undefined;
    let resolveClosed: (code: number) => void = () => {};
    const closed = new Promise<number>((r) => {
      resolveClosed = r;
    });
    const timer = setTimeout(() => {
      ws?.terminate();
      reject(new Error('no video on the live socket'));
    }, timeoutMs);
    const onInit = (socket: WsClient) => {
      ws = socket;
      // Listeners go on before the socket opens: the server greets at once.
      socket.on('message', (data, isBinary) => {
        if (!isBinary) {
          const msg = JSON.parse(data.toString()) as Record<string, unknown>;
          messages.push(msg);
          if (msg.type === 'hello') hello = msg;
        } else binary++;
        if (hello && binary >= minBinary) {
          clearTimeout(timer);
          resolve({ hello, binary: () => binary, messages, closed, terminate: () => socket.terminate() });
        }
      });
      socket.on('close', (code) => resolveClosed(code));
      socket.on('error', reject);
    };
    void (t.app as unknown as { injectWS: (p: string, c: unknown, o: unknown) => Promise<WsClient> })
      .injectWS(`/api/cameras/${cameraId}/live`, { headers: { cookie: s.cookie } }, { onInit })
      .catch(reject);
  });
}
