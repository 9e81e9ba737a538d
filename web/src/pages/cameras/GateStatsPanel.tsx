import { Alert, Card, Col, Empty, Row, Statistic, Tooltip, Typography } from 'antd';
import type { Schemas } from '../../api/contract';
import { useApi } from '../../api/useApi';
import { formatDateTime } from '../../i18n/format';
import { usePT } from '../faces/pass-texts';

type CameraStats = Schemas['GateCameraStats'];

const HOURS = 24;
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);
const secs = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : (ms / 1000).toFixed(1));

/**
 * Gate statistics of the cameras the user covers (issue 14): the last 24 h from the database (passes, automatic and
 * review rates, unknowns, liveness doubts, decision time) and what the running pipeline counted (frames analysed,
 * skipped without motion, dropped). With `cameraId`, that camera only (the camera drawer); nothing when the user may
 * not see gate statistics or the camera has none.
 */
export function GateStatsPanel({ cameraId }: { cameraId?: string }) {
  const pt = usePT();
  const stats = useApi('/api/recognition/gate-stats', { hours: HOURS }, { quiet: true });
  if (stats.error || !stats.data) return null;
  const cameras = stats.data.cameras.filter((c) => !cameraId || c.cameraId === cameraId);
  if (cameras.length === 0) return cameraId ? null : <Empty description={pt('stats.none')} data-testid="gate-stats-empty" />;
  return (
    <div data-testid="gate-stats">
      {cameras.map((c) => (
        <CameraCard key={c.cameraId} c={c} showName={!cameraId} />
      ))}
    </div>
  );
}

function CameraCard({ c, showName }: { c: CameraStats; showName: boolean }) {
  const pt = usePT();
  const w = c.window;
  const r = c.runtime;
  const dropped = r ? r.dropped + r.outOfOrder + r.duplicates : null;
  const title = `${pt('stats.title')}${showName ? ` — ${c.cameraName}` : ''} (${pt('stats.window', { hours: HOURS })})`;
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid="gate-stats-camera" data-camera={c.cameraId}>
      <Row gutter={[16, 8]}>
        <Col xs={12} md={6} lg={3}>
          <Statistic title={pt('stats.passes')} value={w.passes} data-testid="gate-stats-passes" />
        </Col>
        <Col xs={12} md={6} lg={3}>
          <Statistic title={pt('stats.autoRate')} value={pct(w.autoRate)} />
        </Col>
        <Col xs={12} md={6} lg={3}>
          <Statistic title={pt('stats.reviewRate')} value={pct(w.reviewRate)} />
        </Col>
        <Col xs={12} md={6} lg={3}>
          <Statistic title={pt('stats.unknown')} value={w.unknown} />
        </Col>
        <Col xs={12} md={6} lg={3}>
          <Statistic title={pt('stats.liveness')} value={w.livenessDoubts} />
        </Col>
        <Col xs={12} md={6} lg={3}>
          <Statistic title={pt('stats.pending')} value={w.pendingReview} />
        </Col>
        <Col xs={24} md={12} lg={6}>
          <Statistic title={pt('stats.latency')} value={`${secs(w.latencyP50Ms)} / ${secs(w.latencyP95Ms)}`} suffix="s" />
        </Col>
      </Row>
      {r ? (
        <Row gutter={[16, 8]} style={{ marginTop: 8 }}>
          <Col xs={12} md={6} lg={4}>
            <Tooltip title={pt('stats.droppedHelp')}>
              <Statistic title={pt('stats.dropped')} value={dropped ?? 0} data-testid="gate-stats-dropped" />
            </Tooltip>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Statistic title={pt('stats.analysed')} value={r.analysed} suffix={`/ ${r.frames}`} />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Statistic title={pt('stats.idle')} value={r.skippedNoMotion} />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Statistic title={pt('stats.merged')} value={r.merged} />
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Statistic title={pt('stats.fps')} value={r.observedFps === null ? '—' : r.observedFps.toFixed(1)} />
          </Col>
          <Col xs={24} md={6} lg={4}>
            <Typography.Text type="secondary">{pt('stats.since', { time: formatDateTime(r.since) })}</Typography.Text>
          </Col>
        </Row>
      ) : c.recognitionAllowed ? (
        <Alert type="info" showIcon style={{ marginTop: 8 }} title={pt('stats.notRunning')} />
      ) : null}
    </Card>
  );
}
