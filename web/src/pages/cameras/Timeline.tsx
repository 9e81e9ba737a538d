import { Tooltip } from 'antd';
import { formatTime } from '../../i18n/format';
import type { Schemas } from '../../api/contract';

type TimelineData = Schemas['RecordingTimeline'];

/** A day (or any range) as a bar: footage green, gaps red, exports and holds as markers; click to jump. */
export function TimelineBar({ data, cursor, onPick }: { data: TimelineData; cursor: number | null; onPick: (at: Date) => void }) {
  const from = Date.parse(data.from);
  const to = Date.parse(data.to);
  const span = to - from;
  const pct = (t: number) => `${(((Math.min(Math.max(t, from), to) - from) / span) * 100).toFixed(3)}%`;
  const width = (a: number, b: number) => `${(((Math.min(b, to) - Math.max(a, from)) / span) * 100).toFixed(3)}%`;
  const hours = Array.from({ length: 25 }, (_, i) => from + (i * span) / 24);
  return (
    <div style={{ userSelect: 'none' }}>
      <div
        data-testid="timeline"
        role="slider"
        aria-valuemin={from}
        aria-valuemax={to}
        aria-valuenow={cursor ?? from}
        tabIndex={0}
        onClick={(e) => {
          const rect = e.currentTarget.getBoundingClientRect();
          onPick(new Date(from + ((e.clientX - rect.left) / rect.width) * span));
        }}
        style={{ position: 'relative', height: 36, background: '#f0f0f0', borderRadius: 4, cursor: 'pointer', overflow: 'hidden' }}
      >
        {data.coverage.map((c) => (
          <div key={c.from} data-testid="timeline-coverage" style={{ position: 'absolute', top: 6, bottom: 6, left: pct(Date.parse(c.from)), width: width(Date.parse(c.from), Date.parse(c.to)), background: '#52c41a' }} />
        ))}
        {data.gaps.map((g) => {
          const end = g.to ? Date.parse(g.to) : Math.min(Date.now(), to);
          return (
            <Tooltip key={g.from} title={`${formatTime(g.from)}–${g.to ? formatTime(g.to) : '…'}: ${g.reason}`}>
              <div data-testid="timeline-gap" style={{ position: 'absolute', top: 6, bottom: 6, left: pct(Date.parse(g.from)), width: width(Date.parse(g.from), end), minWidth: 2, background: '#ff4d4f' }} />
            </Tooltip>
          );
        })}
        {data.events.map((ev) => (
          <Tooltip key={ev.id} title={`${ev.type}: ${ev.label}`}>
            <div style={{ position: 'absolute', top: 0, height: 6, left: pct(Date.parse(ev.from)), width: width(Date.parse(ev.from), Math.max(Date.parse(ev.to), Date.parse(ev.from) + span / 500)), background: ev.type === 'HOLD' ? '#722ed1' : '#1677ff' }} />
          </Tooltip>
        ))}
        {cursor !== null ? <div style={{ position: 'absolute', top: 0, bottom: 0, left: pct(cursor), width: 2, background: '#000' }} /> : null}
      </div>
      <div style={{ position: 'relative', height: 18, fontSize: 11, color: '#888' }}>
        {hours.filter((_, i) => i % 3 === 0).map((h) => (
          <span key={h} style={{ position: 'absolute', left: pct(h), transform: 'translateX(-50%)' }}>
            {formatTime(new Date(h).toISOString())}
          </span>
        ))}
      </div>
    </div>
  );
}
