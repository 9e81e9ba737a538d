import { Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useCT } from './texts';

/**
 * Live video over one WebSocket into Media Source Extensions: the server sends a JSON `hello`, then per (re)start a
 * JSON `init` with the MIME type followed by the binary init segment, then binary moof+mdat fragments. The player
 * keeps about one second behind the live edge and trims what it has played. The server may end the view: `revoked`
 * / `expired` (a grant was withdrawn or ran out; the player says so and stays stopped) or `reconfigured` (the camera
 * was edited, e.g. new privacy masks; the player reconnects and gets the stream that fits its rights).
 */
export function LivePlayer({ cameraId, stream, onMasked }: { cameraId: string; stream: 'main' | 'sub'; onMasked?: (masked: boolean) => void }) {
  const ct = useCT();
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<'connecting' | 'playing' | 'error' | 'revoked' | 'expired'>('connecting');
  const [generation, setGeneration] = useState(0);
  const [masked, setMasked] = useState(false);
  const onMaskedRef = useRef(onMasked);
  onMaskedRef.current = onMasked;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` forces a reconnect after `reconfigured`.
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    if (typeof MediaSource === 'undefined') {
      setStatus('error');
      return;
    }
    const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${proto}//${window.location.host}/api/cameras/${cameraId}/live?stream=${stream}`);
    ws.binaryType = 'arraybuffer';
    let source: MediaSource | null = null;
    let buffer: SourceBuffer | null = null;
    let queue: ArrayBuffer[] = [];
    let objectUrl: string | null = null;
    let closed = false;

    const pump = () => {
      if (!buffer || buffer.updating || queue.length === 0) return;
      try {
        buffer.appendBuffer(queue.shift() as ArrayBuffer);
      } catch {
        // QuotaExceeded: drop what was played and try again on the next update.
        const end = buffer.buffered.length ? buffer.buffered.end(buffer.buffered.length - 1) : 0;
        if (end > 3) buffer.remove(0, end - 2);
      }
    };

    const reset = (mime: string) => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
      queue = [];
      buffer = null;
      source = new MediaSource();
      const ms = source;
      objectUrl = URL.createObjectURL(ms);
      el.src = objectUrl;
      ms.addEventListener('sourceopen', () => {
        if (ms !== source || !MediaSource.isTypeSupported(mime)) return;
        buffer = ms.addSourceBuffer(mime);
        buffer.mode = 'segments';
        buffer.addEventListener('updateend', pump);
        pump();
      });
    };

    ws.onmessage = (msg) => {
      if (typeof msg.data === 'string') {
        const m = JSON.parse(msg.data) as { type: string; mime?: string; masked?: boolean };
        if (m.type === 'hello') {
          setMasked(Boolean(m.masked));
          onMaskedRef.current?.(Boolean(m.masked));
        }
        if (m.type === 'init' && m.mime) reset(m.mime);
        if (m.type === 'revoked' || m.type === 'expired') {
          closed = true;
          setStatus(m.type);
        }
        if (m.type === 'reconfigured') {
          closed = true;
          setStatus('connecting');
          setGeneration((g) => g + 1);
        }
        return;
      }
      queue.push(msg.data as ArrayBuffer);
      pump();
    };
    ws.onerror = () => setStatus('error');
    ws.onclose = () => {
      if (!closed) setStatus('error');
    };

    // Stay near the live edge: jump when more than 2 s behind, trim what was played long ago.
    const keeper = window.setInterval(() => {
      if (!buffer || buffer.buffered.length === 0) return;
      const end = buffer.buffered.end(buffer.buffered.length - 1);
      const start = buffer.buffered.start(0);
      if (el.currentTime < start || end - el.currentTime > 2) el.currentTime = Math.max(start, end - 0.5);
      if (el.paused) void el.play().catch(() => undefined);
      if (!buffer.updating && end - start > 30) buffer.remove(start, end - 10);
    }, 500);
    const onPlaying = () => setStatus('playing');
    el.addEventListener('playing', onPlaying);

    return () => {
      closed = true;
      window.clearInterval(keeper);
      el.removeEventListener('playing', onPlaying);
      ws.close();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [cameraId, stream, generation]);

  return (
    <div style={{ position: 'relative', width: '100%', height: '100%', background: '#000' }}>
      <video
        ref={video}
        muted
        autoPlay
        playsInline
        data-testid="live-video"
        data-camera={cameraId}
        data-masked={String(masked)}
        data-status={status}
        style={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
      />
      {status !== 'playing' ? (
        <div
          data-testid="live-status"
          style={{ position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#ddd', textAlign: 'center', padding: 8, background: status === 'revoked' || status === 'expired' ? 'rgba(0,0,0,0.75)' : undefined }}
        >
          {status === 'connecting'
            ? ct('live.connecting')
            : status === 'revoked'
              ? ct('live.revoked')
              : status === 'expired'
                ? ct('live.expired')
                : typeof MediaSource === 'undefined'
                  ? ct('live.unsupported')
                  : ct('live.error')}
        </div>
      ) : null}
      {masked ? (
        <Tag color="purple" style={{ position: 'absolute', right: 6, bottom: 6, margin: 0 }}>
          {ct('live.masked')}
        </Tag>
      ) : null}
    </div>
  );
}
